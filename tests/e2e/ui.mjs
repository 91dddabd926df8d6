// @ts-check
// Reaching Second Opinion's in-page UI, which lives in a closed shadow root that neither the
// page nor Playwright's locators can enter. Tests find elements from the content script's
// isolated world (SecondOpinion.ui.root()) and then act as a person does: real mouse clicks at
// the element's position and real key presses, so every event is trusted (DESIGN.md §5, §6).
// accessibleNodes() reads the same UI through the accessibility tree over CDP instead.
import { WAIT } from './harness.mjs';

/**
 * An isolated-world expression finding the first UI element matching `selector` whose text
 * contains `text`; evaluates to {text, x, y, ...} or null.
 * @param {string} selector
 * @param {string} [text]
 */
function findJs(selector, text, { hit = false } = {}) {
  return `(() => {
    const root = SecondOpinion.ui.root();
    const els = [...root.querySelectorAll(${JSON.stringify(selector)})];
    const el = els.find((e) => ${text === undefined ? 'true' : `e.textContent.includes(${JSON.stringify(text)})`});
    if (!el) return null;
    ${hit ? "el.scrollIntoView({ block: 'nearest', inline: 'nearest' });" : ''}
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    // Clickable only where a real pointer would land on it (not scrolled away, not covered).
    ${hit ? 'if (!el.contains(root.elementFromPoint(x, y))) return null;' : ''}
    return { text: el.textContent, x, y,
      label: el.getAttribute('aria-label'), focused: root.activeElement === el,
      phase: el.closest('[data-phase]')?.dataset.phase ?? null, state: el.dataset.state ?? null };
  })()`;
}

/**
 * Waits until a UI element matching `selector` (and containing `text`) is shown; returns its info.
 * @param {import('./harness.mjs').Tab} tab
 * @param {string} selector
 * @param {{text?: string, timeout?: number}} [opts]
 */
export function waitUi(tab, selector, { text, timeout = WAIT } = {}) {
  return tab.waitIsolated(findJs(selector, text), timeout, `UI ${selector}${text ? ` with "${text}"` : ''}`);
}

/** The UI element's info now, or null. */
export function uiNow(tab, selector, text) {
  return tab.isolated(findJs(selector, text));
}

/** Waits until no UI element matches `selector`. */
export function waitUiGone(tab, selector, timeout = WAIT) {
  return tab.waitIsolated(`${findJs(selector)} === null`, timeout, `UI ${selector} gone`);
}

/**
 * Clicks a UI element with the real mouse.
 * @param {import('./harness.mjs').Tab} tab
 * @param {string} selector
 * @param {{text?: string, timeout?: number}} [opts]
 */
export async function clickUi(tab, selector, { text, timeout = WAIT } = {}) {
  const { x, y } = await waitClickable(tab, selector, { text, timeout });
  await tab.page.mouse.click(x, y);
}

/** Waits until a UI element is where a real pointer would land on it (scrolled to, uncovered). */
export function waitClickable(tab, selector, { text, timeout = WAIT } = {}) {
  return tab.waitIsolated(findJs(selector, text, { hit: true }), timeout, `clickable UI ${selector}${text ? ` with "${text}"` : ''}`);
}

/** The guard dialog's info once shown (optionally in a given phase). */
export function waitGuard(tab, phase, timeout = WAIT) {
  const selector = phase ? `[role="alertdialog"][data-phase="${phase}"]` : '[role="alertdialog"]';
  return waitUi(tab, selector, { timeout });
}

/** Presses a guard dialog button ("Review post", "Post anyway", "Post") with the real mouse. */
export function clickGuardButton(tab, name) {
  return clickUi(tab, '[role="alertdialog"] button', { text: name });
}

/**
 * Accessible nodes (role and name) of the whole page from the accessibility tree over CDP, which
 * sees into closed shadow roots as assistive technology does.
 * @param {import('./harness.mjs').Tab} tab
 * @returns {Promise<{role: string, name: string}[]>}
 */
export async function accessibleNodes(tab) {
  const { nodes } = await tab.cdp.send('Accessibility.getFullAXTree');
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '' }));
}

/**
 * Presses a card's fix button with the real mouse and waits for the outcome: 'applied' once the
 * card has closed, else what the card's status says ('changed', 'failed'), with the card's text.
 * @param {import('./harness.mjs').Tab} tab
 * @param {string} selector  the fix button, e.g. '.card button[data-fix="0"]'
 * @param {{text?: string}} [opts]
 * @returns {Promise<{status: string, card: string|null}>}
 */
export async function pressFix(tab, selector, { text } = {}) {
  // A card moves once its guidance has loaded; click where it ends up.
  await tab.isolated(`SecondOpinion.card.guidance().then(() => new Promise((r) => requestAnimationFrame(r))).then(() => true)`);
  await clickUi(tab, `${selector}:not([disabled])`, { text });
  return tab.waitIsolated(
    `(() => {
      const k = SecondOpinion.card.current;
      if (!k) return { status: 'applied', card: null };
      const s = k.el.querySelector('[data-fix-status]');
      return s && s.dataset.fixStatus && s.dataset.fixStatus !== 'applying' && { status: s.dataset.fixStatus, card: k.el.textContent };
    })()`,
    WAIT,
    `the fix ${selector} applied or refused`,
  );
}

/**
 * Clicks a finding's first highlighted rectangle with the real mouse (a card opens there), once
 * the text is what a pointer lands on there: the badge is re-placed a frame after the composer
 * grows, and a click in that frame would land on the badge, as a person's would.
 * @param {import('./harness.mjs').Tab} tab
 * @param {{composer?: string, rule?: string, index?: number, inset?: number}} [which]
 *   the composer (an isolated-world expression; the first one by default), the finding (the
 *   first of `rule`, else visible finding `index`, else the first), and where across the
 *   rectangle: `inset` pixels from its left edge (at most its middle), else its middle
 * @returns {Promise<boolean>} false when there is no such finding
 */
export async function clickHighlight(tab, { composer = 'SecondOpinion.composers()[0]', rule, index = 0, inset } = {}) {
  const finding = rule ? `c.visibleFindings().find((f) => f.rule === ${JSON.stringify(rule)})` : `c.visibleFindings()[${index}]`;
  const across = inset === undefined ? 'r.width / 2' : `Math.min(r.width / 2, ${inset})`;
  const point = await tab.waitIsolated(
    `(() => { const c = ${composer}; const f = ${finding};
      const r = f && c.rangeFor(f)?.getClientRects()[0];
      if (!r) return { none: true };
      const x = r.left + ${across}, y = r.top + r.height / 2;
      return c.el.contains(document.elementFromPoint(x, y)) && { x, y }; })()`,
    WAIT,
    `the highlight of ${rule ?? `finding ${index}`}, uncovered`,
  );
  if (point.none) return false;
  await tab.page.mouse.click(point.x, point.y);
  return true;
}
