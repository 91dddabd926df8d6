// The options page: edits the settings object in chrome.storage.sync as a whole. Saving
// validates everything first (nothing is saved half-way); the background rebuilds the checker
// when storage changes, so open tabs use new settings at once.

import {
  loadSettings,
  saveSettings,
  validateSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
} from '../shared/settings.js';
import { IMPORT_MAX_BYTES } from '../shared/limits.js';
import { companyNames } from './companies.js';
import {
  addInterestRow,
  buildStaticControls,
  fillForm as fillOwnSettings,
  markInvalid,
  readForm,
  suggestDeclaration,
} from './form.js';
import { keepUserValues, loadPolicy } from '../shared/policy.js';
import { applyPolicy } from './policy-ui.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => /** @type {any} */ (document.getElementById(id));

/** True while the form has edits not yet saved; storage changes then don't overwrite it. */
let dirty = false;

/** The organisation's policy (shared/policy.js), read at start and whenever it changes. */
let managed = await loadPolicy();

/** Fills the form with the doctor's settings, then shows and locks what the policy sets. */
function fillForm(settings) {
  fillOwnSettings(settings);
  applyPolicy(managed.policy, managed.problems);
}

/** @param {string[]} errors  shown in the error summary, which takes focus */
function showErrors(errors) {
  const box = $('errors');
  $('error-list').replaceChildren(
    ...errors.map((e) => Object.assign(document.createElement('li'), { textContent: e })),
  );
  box.hidden = errors.length === 0;
  markInvalid(errors);
  if (errors.length) box.focus();
}

async function save(event) {
  event.preventDefault();
  $('save-status').textContent = '';
  // Fields the organisation locks keep the doctor's own stored values.
  const result = validateSettings(keepUserValues(readForm(), await loadSettings(), managed.policy));
  if (!result.ok) {
    showErrors(result.errors);
    return;
  }
  const saved = await saveSettings(result.settings);
  if (!saved.ok) {
    showErrors(saved.errors);
    return;
  }
  showErrors([]);
  dirty = false;
  fillForm(result.settings);
  $('save-status').textContent = 'Saved. Open tabs of the sites checked use these settings now.';
}

async function exportSettings() {
  const settings = await loadSettings();
  const blob = new Blob([JSON.stringify(settings, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'second-opinion-settings.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
  $('import-status').textContent = dirty
    ? 'Exported the saved settings (your unsaved edits are not included).'
    : 'Exported.';
}

/** @param {string} message @param {boolean} error */
function importStatus(message, error) {
  const el = $('import-status');
  el.textContent = message;
  el.classList.toggle('error', error);
  el.setAttribute('role', error ? 'alert' : 'status');
}

async function importSettings(event) {
  const input = event.target;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  try {
    const result = await readImport(file);
    if (!result.ok) {
      importStatus(`Import rejected: ${result.errors.join(' ')} Nothing was changed.`, true);
      return;
    }
    dirty = false;
    showErrors([]);
    fillForm(result.settings);
    importStatus(`Imported and saved settings from ${file.name}.`, false);
  } catch (e) {
    // Nothing above should throw; if something does, say so rather than fail silently.
    importStatus(`Import failed: ${e?.message ?? e}. Nothing was changed.`, true);
  }
}

/**
 * Reads, validates and stores an import file: too large, not JSON, invalid or over the sync
 * quota all come back as {ok: false, errors} with nothing stored.
 * @param {File} file
 */
async function readImport(file) {
  const refuse = (message) => ({ ok: false, settings: null, errors: [message] });
  if (file.size > IMPORT_MAX_BYTES) {
    return refuse(`${file.name} is ${kb(file.size)}; a settings file is at most ${kb(IMPORT_MAX_BYTES)}.`);
  }
  let parsed;
  try {
    parsed = JSON.parse(await file.text());
  } catch (e) {
    return refuse(`${file.name} is not valid JSON (${e.message}).`);
  }
  return saveSettings(parsed);
}

const kb = (bytes) => `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB`;

async function main() {
  buildStaticControls();
  $('about').textContent = `Settings format version ${SETTINGS_VERSION}. Second Opinion ${ext.runtime.getManifest().version}.`;
  fillForm(await loadSettings());
  $('settings-form').addEventListener('input', () => {
    dirty = true;
    $('save-status').textContent = '';
  });
  $('settings-form').addEventListener('change', () => (dirty = true));
  $('settings-form').addEventListener('submit', save);
  $('add-interest').addEventListener('click', () => {
    addInterestRow().querySelector('input').focus();
    dirty = true;
  });
  $('suggest-declaration').addEventListener('click', () => {
    const text = suggestDeclaration();
    if (text) {
      $('standing-declaration').value = text;
      dirty = true;
    } else showErrors(['Add a declared interest first, then a declaration can be written from it.']);
  });
  $('export').addEventListener('click', exportSettings);
  $('import-file').addEventListener('change', importSettings);
  ext.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'managed') {
      managed = await loadPolicy();
      if (!dirty) fillForm(await loadSettings());
      else applyPolicy(managed.policy, managed.problems);
      return;
    }
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    if (!dirty) fillForm(await loadSettings());
    else {
      $('save-status').textContent =
        'Settings were changed elsewhere (for example from the popup or a warning card). Saving replaces them with this form.';
    }
  });
  document.body.dataset.ready = 'true';
  const names = await companyNames();
  $('company-names').replaceChildren(...names.map((n) => new Option('', n)));
  document.body.dataset.companies = String(names.length);
}

main();
