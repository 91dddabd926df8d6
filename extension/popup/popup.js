// The popup: at the top the GMC guidance the post's findings cite (each section once, with the
// findings citing it), then the findings, compact, each with "Show in post" and its fixes; all
// guidance by topic; the site switch and the checker's status. Open as an extension page with `?tab=<id>`
// to target a specific tab (tests do this).
//
// Messages (extension/PROTOCOL.md): background {type: 'status'} and {type: 'guidance'}; the tab's
// content script {type: 'popup:state'}, {type: 'popup:reveal', index} and
// {type: 'popup:fix', index, fix, text}; content scripts
// broadcast {type: 'findings-changed'} after each check.

import { loadSettings, saveSettings, SETTINGS_KEY } from '../shared/settings.js';
import { effectiveSettings, loadPolicy } from '../shared/policy.js';
import { SITE_LABELS } from './labels.js';
import { catalogueList, findingsList, guidanceSections } from './render.js';
import { lockSiteToggle, showPolicy } from './policy-note.js';
import { renderSiteList } from './site-list.js';
import { SITE_INFO } from '../shared/sites.js';
import { isEnabled, permissionFor, runtimeOrigin } from '../shared/runtime-sites.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {number|null} */
let tabId = null;
/** @type {Map<string, any>} */
let catalogue = new Map();
/** @type {string|null} site key reported by the content script */
let site = null;
/** @type {any[]} the findings on show (indices in buttons refer to this list) */
let shown = [];

async function findTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** What the popup says when the checker is not working (the page's badge says the same). */
const CANT_CHECK = "Second Opinion can't check posts right now";

/** Resolves to `promise`, or to null after `ms` (a worker that never answers must not hang us). */
function within(promise, ms = 5000) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(null), ms))]);
}

/** Asks the background; resolves to null when it cannot answer. */
async function askBackground(message) {
  try {
    return (await within(ext.runtime.sendMessage(message))) ?? null;
  } catch {
    return null;
  }
}

/** Asks the tab's content script; null when there is none (not X or Facebook, or not loaded). */
async function askTab(message) {
  if (tabId === null) return null;
  try {
    return (await within(ext.tabs.sendMessage(tabId, message))) ?? null;
  } catch {
    return null;
  }
}

async function showStatus() {
  const el = $('checker-status');
  const status = await askBackground({ type: 'status' });
  el.classList.toggle('error', !status?.ok || !!status?.error);
  if (!status) el.textContent = `${CANT_CHECK}: its background worker is not responding. Posts are not being checked.`;
  else if (status.error || !status.ok) {
    el.textContent = `${CANT_CHECK}: the checker failed to load (${status.error ?? 'unknown error'}). Posts are not being checked.`;
  } else if (!status.ready) el.textContent = 'Starting the checker…';
  else el.textContent = `Checker ready · version ${status.version}`;
  el.dataset.state = status?.ok && status.ready ? 'ready' : 'error';
  return status;
}

async function loadCatalogue() {
  const reply = await askBackground({ type: 'guidance' });
  const guidance = reply?.ok && Array.isArray(reply.guidance) ? reply.guidance : [];
  catalogue = new Map(guidance.map((g) => [g.id, g]));
  const box = $('catalogue');
  box.replaceChildren(
    guidance.length
      ? catalogueList(guidance)
      : Object.assign(document.createElement('p'), {
          className: 'empty',
          textContent: 'The guidance catalogue is not available because the checker is not running.',
        }),
  );
}

/** @param {string} text */
function empty(text) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.id = 'empty-state';
  p.textContent = text;
  $('findings').replaceChildren(p);
  $('guidance').replaceChildren();
  $('post-summary').textContent = '';
}

function summarise(findings) {
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const reminders = findings.length - warnings;
  const n = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${n(warnings, 'concern')}, ${n(reminders, 'reminder')} in this post.`;
}

/** "X (Twitter), Facebook, … and Threads" */
const siteNames = SITE_INFO.map((s) => s.label).join(', ').replace(/, ([^,]*)$/, ' and $1');

/** @param {boolean} checkerUp  whether the background reported a working checker */
async function showState(checkerUp) {
  const state = await askTab({ type: 'popup:state' });
  document.body.dataset.loaded = 'true';
  site = state?.site ?? null;
  const row = $('site-row');
  row.hidden = !site;
  let siteOn = true;
  let siteFixed = false;
  const { policy } = await loadPolicy();
  showPolicy(policy);
  const settings = effectiveSettings(await loadSettings(), policy);
  renderSiteList(settings, policy);
  if (site) {
    siteOn = settings.sites[site] !== false;
    siteFixed = lockSiteToggle(policy, site);
    const toggle = /** @type {HTMLInputElement} */ ($('site-toggle'));
    toggle.checked = siteOn;
    $('site-toggle-label').textContent = `Check posts on ${SITE_LABELS[site] ?? site}`;
  }
  if (!state) {
    return empty(
      `Nothing to check on this page. Second Opinion checks posts you write on ${siteNames}: open one of them and start a post or a comment.`,
    );
  }
  if (!state.enabled || !siteOn) {
    const how = siteFixed ? 'Your organisation has switched it off.' : 'Switch it on above.';
    return empty(`Checking is off on ${SITE_LABELS[site] ?? 'this site'}. ${how}`);
  }
  if (state.checkerOk === false || !checkerUp) {
    return empty(`${CANT_CHECK}, so this post has not been checked.`);
  }
  if (!state.composer) {
    return empty('Click into a post or comment box; what Second Opinion finds there appears here.');
  }
  const findings = state.composer.findings ?? [];
  if (!findings.length) {
    return empty(
      state.composer.text?.trim()
        ? 'Nothing to flag in this post so far.'
        : 'Start writing; what Second Opinion finds appears here as you type.',
    );
  }
  $('post-summary').textContent = summarise(findings);
  shown = findings;
  const sections = guidanceSections(findings, catalogue);
  $('guidance').replaceChildren(...(sections ? [sections] : []));
  $('findings').replaceChildren(findingsList(findings, catalogue));
}

// One refresh at a time; a request during one schedules exactly one more.
let running = null;
let again = false;
async function refresh() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const status = await showStatus();
      if (!catalogue.size) await loadCatalogue();
      await showState(!!(status?.ok && status.ready));
    } while (again);
  })();
  try {
    await running;
  } finally {
    running = null;
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes ?? 0) + 1);
  }
}

function setUpTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
  };
  for (const t of tabs) {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(t);
      const next = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (next) select(tabs[(i + next + tabs.length) % tabs.length]);
      if (e.key === 'Home') select(tabs[0]);
      if (e.key === 'End') select(tabs[tabs.length - 1]);
    });
  }
}

/** @type {string|null} the tab's origin when it can be enabled at run time (Mastodon instances) */
let origin = null;

/** Shows "Enable on this site" / "Disable on this site" for a tab on a site without fixed hosts. */
async function showRuntimeSite() {
  const tab = tabId === null ? null : await ext.tabs.get(tabId).catch(() => null);
  origin = tab?.url ? runtimeOrigin(tab.url) : null;
  $('runtime-site').hidden = !origin;
  if (!origin) return;
  const on = await isEnabled(origin);
  const host = new URL(origin).hostname;
  $('runtime-site-text').textContent = on
    ? `Second Opinion checks posts on ${host} (a Mastodon server you enabled).`
    : `Is ${host} a Mastodon server? Second Opinion can check your posts here once you allow it to read this site.`;
  $('runtime-site-enable').hidden = on;
  $('runtime-site-disable').hidden = !on;
}

/** Reloads the tab so that its content scripts start (or stop). */
const reloadTab = () => (tabId === null ? undefined : ext.tabs.reload(tabId));

function setUpRuntimeSite() {
  $('runtime-site-enable').addEventListener('click', () => {
    if (!origin) return;
    const o = origin;
    // Straight from the click (no await before it): browsers grant a permission only to a gesture.
    ext.permissions.request(permissionFor(o)).then(async (granted) => {
      if (!granted) {
        $('runtime-site-status').textContent = 'Not enabled: the permission was not given.';
        return;
      }
      const reply = await askBackground({ type: 'site:enable', origin: o });
      $('runtime-site-status').textContent = reply?.ok ? 'Enabled. The page reloads to start checking.' : `Not enabled (${reply?.error ?? 'no answer'}).`;
      if (reply?.ok) await reloadTab();
      await showRuntimeSite();
    });
  });
  $('runtime-site-disable').addEventListener('click', async () => {
    if (!origin) return;
    const o = origin;
    await askBackground({ type: 'site:disable', origin: o });
    // A permission granted at install (not optional) cannot be given back; that is no error here.
    await ext.permissions.remove(permissionFor(o)).catch(() => false);
    $('runtime-site-status').textContent = 'Disabled on this site.';
    await reloadTab();
    await showRuntimeSite();
  });
}

async function main() {
  setUpTabs();
  setUpRuntimeSite();
  tabId = await findTab();
  await showRuntimeSite();
  $('panel-post').addEventListener('click', async (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    const ref = target.closest('a.ref');
    if (ref) {
      // A finding's guidance reference: to its section at the top, briefly marked.
      e.preventDefault();
      const section = document.getElementById(ref.getAttribute('href').slice(1));
      section?.scrollIntoView({ block: 'nearest' });
      section?.classList.add('flash');
      setTimeout(() => section?.classList.remove('flash'), 1200);
      return;
    }
    const reveal = target.closest('button.reveal');
    if (reveal) {
      askTab({ type: 'popup:reveal', index: Number(reveal.dataset.index) });
      return;
    }
    const fix = /** @type {HTMLButtonElement|null} */ (target.closest('button.fix'));
    if (fix) {
      const index = Number(fix.dataset.index);
      const status = $('fix-status');
      fix.disabled = true;
      status.textContent = 'Applying the fix…';
      const reply = await askTab({ type: 'popup:fix', index, fix: Number(fix.dataset.fix), text: shown[index]?.text });
      status.textContent = reply?.ok
        ? `Fixed: ${fix.textContent}.`
        : reply?.result === 'changed'
          ? 'The post has changed since this list was made; try again.'
          : 'That fix could not be applied cleanly. Check the post (Ctrl+Z undoes a change).';
      fix.disabled = false;
    }
  });
  $('site-toggle').addEventListener('change', async (e) => {
    if (!site || /** @type {HTMLInputElement} */ (e.target).disabled) return;
    const settings = await loadSettings();
    settings.sites[site] = /** @type {HTMLInputElement} */ (e.target).checked;
    await saveSettings(settings);
  });
  $('open-options').addEventListener('click', () => ext.runtime.openOptionsPage());
  // "Check a draft": any text, checked on the extension's own page (extension/draft/).
  $('open-draft').addEventListener('click', async () => {
    await ext.tabs.create({ url: ext.runtime.getURL('extension/draft/draft.html') });
    window.close();
  });
  ext.runtime.onMessage.addListener((message, sender) => {
    const fromOurTab = !sender.tab || sender.tab.id === tabId;
    if (message?.type === 'findings-changed' && fromOurTab) refresh();
  });
  ext.storage.onChanged.addListener((changes, area) => {
    if ((area === 'sync' && SETTINGS_KEY in changes) || area === 'managed') refresh();
  });
  await refresh();
}

main();
