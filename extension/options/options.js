// The options page: edits the settings object in chrome.storage.sync as a whole, and saves
// itself. Every edit is validated a moment after the last keystroke (AUTOSAVE_MS) and, when the
// whole form is valid, saved at once (nothing is saved half-way); a problem is shown next to its
// field and in the summary, and nothing is stored until it is put right. The form as typed is
// also kept as a draft in this page's localStorage until it is saved, so a reload loses nothing.
// The background rebuilds the checker when storage changes, so open tabs use new settings at once.

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
  setRuleDescriptions,
  suggestDeclaration,
} from './form.js';
import { keepUserValues, loadPolicy } from '../shared/policy.js';
import { applyPolicy } from './policy-ui.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => /** @type {any} */ (document.getElementById(id));

/** How long after the last edit the form is saved (ms). */
const AUTOSAVE_MS = 400;
/** Where the form as typed waits until it is saved (this page's own localStorage). */
const DRAFT_KEY = 'second-opinion:options-draft';

/** True while the form has edits not yet saved; storage changes then don't overwrite it. */
let dirty = false;
let timer = 0;
/** JSON of the settings this page stored last (its own storage change is not news). */
let lastSaved = '';

/** The organisation's policy (shared/policy.js), read at start and whenever it changes. */
let managed = await loadPolicy();

/** Fills the form with the doctor's settings, then shows and locks what the policy sets. */
function fillForm(settings) {
  fillOwnSettings(settings);
  applyPolicy(managed.policy, managed.problems);
}

/**
 * Shows the problems: each next to its field (markInvalid) and all in the summary.
 * @param {string[]} errors
 * @param {{focus?: boolean}} [opts]  move focus to the summary (an import, not while typing)
 */
function showErrors(errors, { focus = false } = {}) {
  const box = $('errors');
  const text = errors.join('\n');
  if (box.dataset.text !== text) {
    $('error-list').replaceChildren(
      ...errors.map((e) => Object.assign(document.createElement('li'), { textContent: e })),
    );
    box.dataset.text = text;
  }
  box.hidden = errors.length === 0;
  markInvalid(errors);
  if (errors.length && focus) box.focus();
}

/** @param {'saved'|'saving'|'invalid'|'pending'|''} state @param {string} text */
function saveStatus(state, text) {
  const el = $('save-status');
  el.dataset.state = state;
  el.textContent = text;
}

/** Keeps the form as typed until it is saved. */
function keepDraft() {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(readForm()));
  } catch {
    // Storage full or unavailable: autosave still runs.
  }
}

function dropDraft() {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to drop.
  }
}

/** An edit: keep the draft and save a moment after the last one. */
function edited() {
  dirty = true;
  keepDraft();
  saveStatus('pending', 'Editing…');
  clearTimeout(timer);
  timer = setTimeout(save, AUTOSAVE_MS);
}

/** Validates the whole form and stores it when valid and changed. */
async function save() {
  clearTimeout(timer);
  timer = 0;
  // Fields the organisation locks keep the doctor's own stored values.
  const stored = await loadSettings();
  const result = validateSettings(keepUserValues(readForm(), stored, managed.policy));
  if (!result.ok) {
    showErrors(result.errors);
    saveStatus('invalid', 'Not saved: see the problem marked below.');
    return;
  }
  showErrors([]);
  const json = JSON.stringify(result.settings);
  if (json !== JSON.stringify(stored)) {
    saveStatus('saving', 'Saving…');
    lastSaved = json;
    const saved = await saveSettings(result.settings);
    if (!saved.ok) {
      showErrors(saved.errors);
      saveStatus('invalid', 'Not saved: see the problem marked below.');
      return;
    }
  }
  // Typed again while this was saving: that edit's own save comes next.
  if (timer) return;
  dirty = false;
  dropDraft();
  const time = new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  saveStatus('saved', `Saved at ${time}. Open tabs of the sites checked use these settings now.`);
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
    clearTimeout(timer);
    dropDraft();
    lastSaved = JSON.stringify(result.settings);
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

/** The draft left by a reload before it was saved, if it differs from what is stored. */
function restoreDraft(stored) {
  let draft;
  try {
    draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
  } catch {
    return false;
  }
  if (!draft || typeof draft !== 'object') return false;
  const { settings, ok } = validateSettings(keepUserValues(draft, stored, managed.policy));
  if (ok && JSON.stringify(settings) === JSON.stringify(stored)) {
    dropDraft();
    return false;
  }
  try {
    fillForm({ ...stored, ...draft });
  } catch {
    dropDraft();
    fillForm(stored);
    return false;
  }
  return true;
}

async function main() {
  buildStaticControls();
  $('about').textContent = `Settings format version ${SETTINGS_VERSION}. Second Opinion ${ext.runtime.getManifest().version}.`;
  const stored = await loadSettings();
  fillForm(stored);
  if (restoreDraft(stored)) {
    // Edits from before a reload: shown again and saved now if they can be.
    dirty = true;
    await save();
  }
  const form = $('settings-form');
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  // Leaving the page: save what is waiting now (the draft covers a save that does not finish).
  addEventListener('pagehide', () => timer && save());
  $('add-interest').addEventListener('click', () => {
    addInterestRow().querySelector('input').focus();
  });
  $('suggest-declaration').addEventListener('click', () => {
    const text = suggestDeclaration();
    if (text) {
      $('standing-declaration').value = text;
      edited();
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
    const now = await loadSettings();
    // This page's own save: the form already shows it (and refilling would move the caret).
    if (JSON.stringify(now) === lastSaved) return;
    if (!dirty) fillForm(now);
    else saveStatus('pending', 'Settings were changed elsewhere (for example from a warning card); your edits here are saved over them.');
  });
  document.body.dataset.ready = 'true';
  // Without the checker (it failed to load) the ignored rules keep showing their ids alone.
  ext.runtime
    .sendMessage({ type: 'rules' })
    .then((reply) => {
      if (reply?.ok) setRuleDescriptions(reply.rules);
      document.body.dataset.rules = String(reply?.ok ? reply.rules.length : 0);
    })
    .catch(() => {
      document.body.dataset.rules = '0';
    });
  const names = await companyNames();
  $('company-names').replaceChildren(...names.map((n) => new Option('', n)));
  document.body.dataset.companies = String(names.length);
}

main();
