// Second Opinion background: owns the one WASM Checker and answers the content scripts and the
// popup over the message protocol in extension/PROTOCOL.md.
//
// Runs as an MV3 service worker in Chrome and as a module background script in Firefox. The
// worker may be stopped whenever it is idle, so nothing here depends on memory surviving:
// settings come from chrome.storage on every (re)start, and the cache is only a cache.
// No top-level await (service workers forbid it): initialisation starts as a promise here and
// is awaited inside the message handler.

import init, { Checker } from '../pkg/second_opinion.js';
import { SETTINGS_KEY, checkerConfig, loadSettings, saveSettings } from './shared/settings.js';
import { effectiveSettings, loadPolicy } from './shared/policy.js';
import { SITES } from './shared/sites.js';
import { register, unregister } from './shared/runtime-sites.js';

const ext = globalThis.browser ?? globalThis.chrome;

/** Results kept per text; a composer re-sends the same text often (focus, undo, guard). */
const CACHE_SIZE = 64;

/**
 * @typedef {{checker: any, settings: import('./shared/settings.js').Settings,
 *   version: string, ignoredRules: Set<string>, enforced: Set<string>}} State
 * `settings` are the effective ones (the doctor's with the organisation's policy on top);
 * `enforced` holds the categories the policy always warns about ("Ignore rule" does not apply).
 */

/** @type {Promise<void>|null} the WASM module, instantiated once per worker lifetime */
let wasmReady = null;
/** @type {Promise<State>} the current checker; replaced when settings change */
let statePromise;
/** @type {State|null} set once statePromise resolves */
let state = null;
/** @type {string|null} why the checker could not be built */
let loadError = null;
/** When the last build failed (performance.now()); a later request tries again after a pause. */
let failedAt = 0;
const REBUILD_AFTER_FAILURE_MS = 2000;
/** What the toolbar says when the checker cannot be built (the popup and the page say the same). */
const CANT_CHECK = "Second Opinion can't check posts right now";
/** @type {Map<string, any[]>} text -> findings (before site/rule filtering), LRU order */
const cache = new Map();

/** Timings of this worker's start, for scripts/measure-latency.mjs (via {type: "status"}). */
const startedAt = performance.now();
/** When this worker's script started, as a wall-clock time (how long the browser took to start it). */
const scriptStart = performance.timeOrigin + startedAt;
/** Identifies this worker lifetime (tests check that a stopped worker really restarted). */
const instance = Math.random().toString(36).slice(2);
/** @type {{wasm: number|null, settings: number|null, construct: number|null, checker: number|null, warm: number|null}} */
const timings = { wasm: null, settings: null, construct: null, checker: null, warm: null };

function initWasm() {
  if (!wasmReady) {
    wasmReady = init().then(
      () => {
        timings.wasm = performance.now() - startedAt;
      },
      (e) => {
        wasmReady = null; // so that a later rebuild loads it again
        throw e;
      },
    );
  }
  return wasmReady;
}

/** Builds a checker from the stored settings and the organisation's policy. */
async function build() {
  const [own, { policy }] = await Promise.all([
    loadSettings().then((loaded) => {
      timings.settings ??= performance.now() - startedAt;
      return loaded;
    }),
    loadPolicy(),
    initWasm(),
  ]);
  const settings = effectiveSettings(own, policy);
  const constructing = performance.now();
  const checker = new Checker(checkerConfig(settings));
  timings.construct ??= performance.now() - constructing;
  return {
    checker,
    settings,
    version: checker.version(),
    ignoredRules: new Set(settings.ignored_rules ?? []),
    enforced: new Set(policy.warn_categories),
  };
}

/**
 * Checked once after every build. Rule patterns compile on first use, and on a freshly started
 * worker that first use runs in the engine's unoptimised tier: over 100 ms for the first post.
 * The content script wakes the worker when a composer gains focus, so this usually runs before
 * the doctor's first keystroke reaches us, and their first check is as fast as any other.
 */
const WARM_UP_TEXT =
  'Saw a 34-year-old teacher from Keswick in clinic today, Mrs K in bed 4, DOB 01/02/1990, NHS no 943 476 5919, ' +
  'call 07700 900614 or email jo@example.com, SW1A 1AA. Honestly Mounjaro is a game changer @NovoNordiskUK, ' +
  'use my code SAVE10 at amzn.to/x. Disclosure: speaker fees from Lilly. DM me for advice. What a frequent flyer 🙄';

/**
 * The warm-up runs in short tasks, so that a message arriving meanwhile (the doctor's first
 * check) waits for one of them, not for all: first the rule patterns not compiled yet, a few per
 * task (`Checker.compilePending`), then the sample post a sentence at a time. Firefox sends an
 * event page's replies in a later task, and one whole-text warm-up held its first reply back by
 * 300-500 ms (scripts/measure-cold-start-firefox.mjs).
 */
const WARM_UP_STEPS = [...WARM_UP_TEXT.split(/(?<=[.?!]) /), WARM_UP_TEXT];
const PATTERNS_PER_TASK = 4;

function warmUp(checker, step = 0) {
  setTimeout(() => {
    try {
      if (Checker.compilePending(PATTERNS_PER_TASK) > 0) return warmUp(checker, step);
      checker.check(WARM_UP_STEPS[step]);
    } catch {
      return; // a checker freed by a rebuild in the meantime; the next build warms its own
    }
    if (step + 1 < WARM_UP_STEPS.length) warmUp(checker, step + 1);
    else timings.warm ??= performance.now() - startedAt;
  }, 0);
}

function rebuild() {
  const previous = state;
  state = null;
  cache.clear();
  statePromise = build().then(
    (s) => {
      previous?.checker.free?.();
      state = s;
      if (loadError) showBroken(false);
      loadError = null;
      timings.checker ??= performance.now() - startedAt;
      warmUp(s.checker);
      return s;
    },
    (e) => {
      loadError = String(e?.message ?? e) || 'the checker failed to load';
      failedAt = performance.now();
      // A failed WASM load must be visible, not look like a quiet page.
      showBroken(true);
      console.error('Second Opinion: the checker could not be built.', e);
      throw e;
    },
  );
  // Callers await statePromise themselves; keep an unobserved failure from being reported twice.
  statePromise.catch(() => {});
}

rebuild();

ext.storage.onChanged.addListener((changes, area) => {
  if ((area === 'sync' && SETTINGS_KEY in changes) || area === 'managed') rebuild();
});

/**
 * Findings for `text`, cached by text.
 * @param {State} s
 * @param {string} text
 */
function findingsFor(s, text) {
  let findings = cache.get(text);
  if (findings) {
    cache.delete(text);
  } else {
    findings = s.checker.check(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value);
  }
  cache.set(text, findings);
  return findings;
}

/** @param {string|undefined} site */
function siteEnabled(s, site) {
  if (!site || !SITES.includes(site)) return true;
  return s.settings.sites?.[site] !== false;
}

/**
 * Handles one protocol message; resolves to the reply.
 * @param {any} msg
 */
async function handle(msg) {
  // A build that failed (a WASM file that did not load, say) is tried again, not trusted forever.
  if (loadError && performance.now() - failedAt > REBUILD_AFTER_FAILURE_MS && ['check', 'status', 'guidance', 'rules'].includes(msg?.type)) {
    rebuild();
  }
  switch (msg?.type) {
    case 'check': {
      if (typeof msg.text !== 'string') return { ok: false, error: 'check: text must be a string' };
      const s = await statePromise;
      const enabled = siteEnabled(s, msg.site);
      if (!enabled) return { ok: true, findings: [], enabled };
      // "Ignore rule" is filtered here, so every caller (content script, popup) agrees; it does
      // not apply to a category the organisation always warns about (those are `enforced`).
      const findings = findingsFor(s, msg.text)
        .filter((f) => !s.ignoredRules.has(f.rule) || s.enforced.has(f.category))
        .map((f) => (s.enforced.has(f.category) ? { ...f, enforced: true } : f));
      return { ok: true, findings, enabled, guard: s.settings.guard !== false, version: s.version };
    }
    case 'status': {
      try {
        const s = await statePromise;
        return { ok: true, ready: true, version: s.version, instance, timings, scriptStart };
      } catch {
        return { ok: false, ready: false, version: null, error: loadError ?? 'unknown error' };
      }
    }
    case 'guidance': {
      const s = await statePromise;
      return { ok: true, guidance: s.checker.guidance() };
    }
    case 'rules': {
      const s = await statePromise;
      return { ok: true, rules: s.checker.rules() };
    }
    case 'ignore-rule': {
      if (typeof msg.rule !== 'string' || !msg.rule) return { ok: false, error: 'no rule' };
      await addIgnoredRule(msg.rule);
      return { ok: true };
    }
    case 'ignore-term': {
      if (typeof msg.term !== 'string' || !msg.term.trim()) return { ok: false, error: 'no term' };
      return addIgnoredTerm(msg.term.trim());
    }
    case 'set-declaration': {
      if (typeof msg.text !== 'string' || !msg.text.trim()) return { ok: false, error: 'no declaration' };
      return setStandingDeclaration(msg.text.trim());
    }
    default:
      return undefined;
  }
}

/**
 * "Always ignore this term" from a card: appends the term to the doctor's own ignored terms
 * (validated by saveSettings). A term the organisation's policy already ignores is not copied
 * into the doctor's settings.
 */
async function addIgnoredTerm(term) {
  const [settings, { policy }] = await Promise.all([loadSettings(), loadPolicy()]);
  const lower = term.toLowerCase();
  const known = (list) => list.some((t) => t.toLowerCase() === lower);
  if (known(settings.ignored_terms) || known(policy.ignored_terms)) return { ok: true };
  settings.ignored_terms = [...settings.ignored_terms, term];
  const result = await saveSettings(settings);
  return result.ok ? { ok: true } : { ok: false, error: result.errors.join(' ') };
}

/** "Also save it as my standing declaration" from a card; refused when the policy sets one. */
async function setStandingDeclaration(text) {
  const [settings, { policy }] = await Promise.all([loadSettings(), loadPolicy()]);
  if (policy.standing_declaration !== null) return { ok: false, error: 'the standing declaration is set by your organisation' };
  settings.standing_declaration = text;
  const result = await saveSettings(settings);
  return result.ok ? { ok: true } : { ok: false, error: result.errors.join(' ') };
}

/** Appends a rule id to settings.ignored_rules. */
async function addIgnoredRule(rule) {
  const settings = await loadSettings();
  if (settings.ignored_rules.includes(rule)) return;
  settings.ignored_rules = [...settings.ignored_rules, rule];
  const result = await saveSettings(settings);
  if (!result.ok) throw new Error(result.errors.join(' '));
}

/** Shows (or clears) the broken-checker state on the toolbar icon for every tab. */
function showBroken(broken) {
  if (!ext.action?.setBadgeText) return;
  ext.action.setBadgeText({ text: broken ? '!' : '' })?.catch?.(() => {});
  ext.action.setTitle?.({ title: broken ? CANT_CHECK : 'Second Opinion' })?.catch?.(() => {});
  if (broken) ext.action.setBadgeBackgroundColor?.({ color: '#5f6368' })?.catch?.(() => {});
}

/** Mirrors a tab's warning count on the toolbar icon, or "!" when its post is not being checked. */
function showCount(msg, sender) {
  const tabId = sender?.tab?.id;
  if (tabId === undefined || !ext.action?.setBadgeText) return;
  const n = Number(msg.warnings) || 0;
  const broken = !!msg.error || !!loadError;
  ext.action.setBadgeText({ tabId, text: broken ? '!' : n ? String(n) : '' })?.catch?.(() => {});
  ext.action.setTitle?.({ tabId, title: broken ? CANT_CHECK : 'Second Opinion' })?.catch?.(() => {});
  ext.action.setBadgeBackgroundColor?.({ tabId, color: broken ? '#5f6368' : '#b3261e' })?.catch?.(() => {});
}

/** The requests handle() answers. */
const HANDLED = ['check', 'status', 'guidance', 'rules', 'ignore-rule', 'ignore-term', 'set-declaration'];

// Content scripts send checks over a long-lived port (cheaper per message than sendMessage):
// requests carry an `id`, replies are {id, reply}.
ext.runtime.onConnect.addListener((port) => {
  if (port.name !== 'second-opinion') return;
  port.onMessage.addListener((msg) => {
    if (!HANDLED.includes(msg?.type)) return;
    handle(msg).then(
      (reply) => port.postMessage({ id: msg.id, reply }),
      (e) => port.postMessage({ id: msg.id, reply: { ok: false, error: String(e?.message ?? e) } }),
    );
  });
});

// "Enable/Disable on this site" (popup): only the extension's own pages may ask (their URL is the
// extension's), never a page's content script (its sender URL is the page's). The popup has
// asked for the host permission first (register refuses without).
const RUNTIME_SITE_MESSAGES = { 'site:enable': register, 'site:disable': unregister };
const fromExtensionPage = (sender) => sender.id === ext.runtime.id && String(sender.url ?? '').startsWith(ext.runtime.getURL(''));

// A host permission taken back (the browser's own extension settings): its scripts go too.
ext.permissions?.onRemoved?.addListener(({ origins = [] }) => {
  for (const p of origins) if (/^https:\/\/[^/*]+\/\*$/.test(p)) unregister(p.slice(0, -2)).catch(() => {});
});

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg?.type in RUNTIME_SITE_MESSAGES) {
    if (!fromExtensionPage(sender) || typeof msg.origin !== 'string') return false;
    RUNTIME_SITE_MESSAGES[msg.type](msg.origin).then(
      (reply) => sendResponse(reply),
      (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
    );
    return true;
  }
  if (msg?.type === 'findings-changed') {
    // Broadcast by content scripts for an open popup; no reply from here.
    showCount(msg, sender);
    return false;
  }
  if (!HANDLED.includes(msg?.type)) return false;
  handle(msg).then(
    (reply) => sendResponse(reply),
    (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }),
  );
  return true;
});

// "Check with Second Opinion" in the context menu, on a selection or an editable field on any
// page: opens the "Check a draft" page (extension/draft/) with the selected text, or with the
// field's whole text read at click time through scripting.executeScript. That needs no host
// permission: a click on the extension's menu item grants activeTab for that tab. The text is
// handed over in chrome.storage.session (memory only) under the new page's id.
const MENU_ID = 'second-opinion-check';
const DRAFT_PAGE = 'extension/draft/draft.html';
const UNREADABLE =
  "Second Opinion couldn't read that field (the page did not allow it). Copy the text and paste it here to check it.";

ext.runtime.onInstalled.addListener(() => {
  if (!ext.contextMenus) return;
  ext.contextMenus.create(
    { id: MENU_ID, title: 'Check with Second Opinion', contexts: ['selection', 'editable'] },
    () => void ext.runtime.lastError, // already there after an update
  );
});

/**
 * Runs in the page's isolated world (after namespace.js and text.js): the text of the focused
 * field, read as the content script reads a composer; null when no field has focus.
 */
function readFocusedField() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (el instanceof HTMLTextAreaElement) return el.value;
  if (el instanceof HTMLInputElement) return el.type === 'password' ? null : el.value; // never a password
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
  const editable = '[contenteditable]:not([contenteditable="false"])';
  let root = el.closest(editable) ?? el;
  while (root.parentElement?.closest(editable)) root = /** @type {HTMLElement} */ (root.parentElement.closest(editable));
  return globalThis.SecondOpinion.text.read(root).text;
}

/** Runs in the page: the selection with its line breaks (the menu's selectionText loses them). */
function readSelection() {
  return document.getSelection()?.toString() ?? '';
}

/** The text the menu item was used on, or null when the page could not be read. */
async function menuText(info, tab) {
  const target = { tabId: tab?.id, frameIds: [info.frameId ?? 0] };
  try {
    if (info.editable) {
      await ext.scripting.executeScript({ target, files: ['extension/content/namespace.js', 'extension/content/text.js'] });
      const [result] = await ext.scripting.executeScript({ target, func: readFocusedField });
      return typeof result?.result === 'string' ? result.result : null;
    }
    const [result] = await ext.scripting.executeScript({ target, func: readSelection });
    if (typeof result?.result === 'string' && result.result.trim()) return result.result;
  } catch {
    if (info.editable) return null;
  }
  return info.selectionText ?? null;
}

/**
 * The menu item's click handler: opens "Check a draft" beside the tab with the text, or empty
 * with a message when it could not be read.
 * @param {{menuItemId: string|number, editable?: boolean, selectionText?: string, frameId?: number}} info
 * @param {{id?: number, index?: number}|undefined} tab
 */
async function onContextMenuClicked(info, tab) {
  if (info.menuItemId !== MENU_ID) return null;
  const text = await menuText(info, tab);
  const id = crypto.randomUUID();
  await ext.storage.session.set({ [`draft:${id}`]: { text: text ?? '', notice: text === null ? UNREADABLE : null } });
  const created = await ext.tabs.create({
    url: ext.runtime.getURL(`${DRAFT_PAGE}?id=${id}`),
    ...(typeof tab?.index === 'number' ? { index: tab.index + 1 } : {}),
  });
  return created?.id ?? null;
}

ext.contextMenus?.onClicked.addListener((info, tab) => {
  onContextMenuClicked(info, tab).catch((e) => console.error('Second Opinion: could not open Check a draft.', e));
});

// The end-to-end tests cannot click a native context menu; they call the handler here through
// the worker (tests/e2e/draft.test.mjs). Only the extension's own background can see it.
globalThis.SecondOpinionBackground = { onContextMenuClicked, MENU_ID };
