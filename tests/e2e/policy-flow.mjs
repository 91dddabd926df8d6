// @ts-check
// Shared pieces of the Chromium policy and narrow-layout tests: the doctor's own settings (all
// switched off), the post, and reaching the in-page UI as a person does — elements are found from
// the content script's isolated world (SecondOpinion.ui.root(), which works whether the shadow
// root is open or closed) and pressed with real mouse clicks or touch taps at their position.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES } from '../../extension/shared/sites.js';
import { ROOT, WAIT } from './harness.mjs';

/** The deployment guide's example policy; the tests deploy exactly this. */
export const POLICY = JSON.parse(readFileSync(join(ROOT, 'docs/deploy/policy.json'), 'utf8'));

export const NHS = '943 476 5919';
/** Flagged three ways as confidentiality and conflict of interest, plus an NHS inbox (info). */
export const POST = `Saw Mrs K today, NHS ${NHS}. Press office: comms@northshire.nhs.uk. Honestly Mounjaro is a game changer!`;

/** A doctor who has switched off everything the example policy then switches back on. */
export const OWN_SETTINGS = {
  version: 1,
  declared_interests: [],
  standing_declaration: 'Mine: no interests.',
  ignored_terms: ['Okafor'],
  categories: { confidentiality: 'off', conflict_of_interest: 'remind', boundaries: 'remind', respect: 'warn' },
  // Every site, as the options page saves them: X off, the rest on.
  sites: { ...Object.fromEntries(SITES.map((k) => [k, true])), x: false },
  ignored_rules: ['nhs-number'],
  guard: false,
};

/**
 * Isolated-world expression: the first UI element matching `selector` (containing `text`),
 * as {x, y, w, h, left, right, top, bottom, text} in viewport pixels, or null.
 */
export function uiJs(selector, text) {
  return `(() => {
    const els = [...SecondOpinion.ui.root().querySelectorAll(${JSON.stringify(selector)})];
    const el = els.find((e) => ${text === undefined ? 'true' : `e.textContent.includes(${JSON.stringify(text)})`});
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) return null;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height,
      left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent.trim() };
  })()`;
}

/** Waits for a UI element; returns its box. */
export function waitUi(tab, selector, text, timeout = WAIT) {
  return tab.waitIsolated(uiJs(selector, text), timeout, `UI ${selector} ${text ?? ''}`);
}

/** Boxes of every UI element matching `selector`. */
export function uiAll(tab, selector) {
  return tab.isolated(`[...SecondOpinion.ui.root().querySelectorAll(${JSON.stringify(selector)})].map((el) => {
    const r = el.getBoundingClientRect();
    return { text: el.textContent.trim(), action: el.dataset.action ?? null, w: r.width, h: r.height,
      left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  })`);
}

/** The main composer's visible findings, once it has been checked with `text`. */
export function checkedFindings(tab, text) {
  return tab.waitIsolated(
    `(() => { const c = SecondOpinion.composers().find((c) => c.read().text === ${JSON.stringify(text)});
      return c && !c.inFlight && c.checkedText === c.text &&
        c.visibleFindings().map((f) => ({ rule: f.rule, category: f.category, severity: f.severity, text: f.text,
          enforced: !!f.enforced, fixes: (f.fixes ?? []).map((x) => x.replacement) })); })()`,
    WAIT,
    `composer checked with ${JSON.stringify(text)}`,
  );
}

/** Centre of the first client rect of the highlighted `text` in the main composer. */
export function highlightPoint(tab, text) {
  return tab.isolated(`(() => { const c = SecondOpinion.composers()[0];
    const f = c.visibleFindings().find((f) => f.text === ${JSON.stringify(text)});
    const r = c.rangeFor(f).getClientRects()[0]; return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
}

/** Stores the doctor's own settings from an extension page. */
export async function storeOwnSettings(session, settings = OWN_SETTINGS) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
  // eslint-disable-next-line no-undef -- runs in the extension page
  await page.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
  await page.close();
}
