// Highlights on dark pages: the ::highlight() colours follow the page's theme (the device's
// prefers-color-scheme, which the practice pages follow, and a site's own dark background), as
// the card, badge and guard do, and stay legible there: the underline at least 4.5:1 against
// the page, the flagged text at least 4.5:1 against its tint. Read from the browser's computed
// ::highlight() style of the highlighted text itself, in the editor (the page's style sheet) and
// in a textarea's mirror (the extension's shadow root). Waits are on conditions only.
/* global document -- used inside functions evaluated in the page */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWithSession, WAIT, writeOnX, X_COMPOSER } from './harness.mjs';

const NHS = '943 476 5919';
const POST = `Saw Mrs K today, NHS no ${NHS}. Honestly Mounjaro is a game changer!`;
const INSTAGRAM_BOX = 'article textarea[aria-label="Add a comment…"]';

let visits = 0;

/**
 * Isolated-world expression: the painted style of every highlighted text of composer `el`
 * (highlight name, underline and tint as computed for its ::highlight()), the page background
 * behind the composer (its first opaque ancestor background; the canvas is white) and the
 * composer's text colour.
 */
const painted = (selector) => `(() => {
  const c = SecondOpinion.composers().find((c) => c.el.matches(${JSON.stringify(selector)}));
  if (!c || c.checkedText !== c.read().text) return null;
  const ranges = {};
  for (const [name, h] of CSS.highlights) {
    if (name.startsWith('so-focus')) continue;
    for (const r of h) {
      const el = r.startContainer.parentElement;
      if (!r.toString() || !el) continue;
      const s = getComputedStyle(el, '::highlight(' + name + ')');
      ranges[r.toString()] = { name, line: s.textDecorationColor, tint: s.backgroundColor };
    }
  }
  let page = 'rgb(255, 255, 255)';
  for (let n = c.el; n; n = n.parentElement) {
    const b = getComputedStyle(n).backgroundColor;
    if (!/^rgba\\(.*,\\s*0\\)$|^transparent$/.test(b)) { page = b; break; }
  }
  return { ranges, page, text: getComputedStyle(c.el).color };
})()`;

/** [r, g, b, a] of a computed rgb()/rgba() colour. */
function rgba(colour) {
  const [r, g, b, a = 1] = colour.match(/[\d.]+/g).map(Number);
  return [r, g, b, a];
}

/** WCAG relative luminance of an opaque [r, g, b]. */
function luminance([r, g, b]) {
  const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of colour `fg` (alpha-blended over `bg`) against opaque `bg`. */
function contrast(fg, bg) {
  const [r, g, b, a] = rgba(fg);
  const base = rgba(bg);
  const over = [r, g, b].map((v, i) => v * a + base[i] * (1 - a));
  const [hi, lo] = [luminance(over), luminance(base)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Every highlighted text legible on the page: underline and text against tint, 4.5:1. */
function assertLegible(p, what) {
  for (const [text, s] of Object.entries(p.ranges)) {
    const behind = s.tint === 'rgba(0, 0, 0, 0)' ? p.page : blend(s.tint, p.page);
    assert.ok(contrast(s.line, p.page) >= 4.5, `${what}: underline of “${text}” ${s.line} on ${p.page}: ${contrast(s.line, p.page).toFixed(2)}:1`);
    assert.ok(contrast(p.text, behind) >= 4.5, `${what}: “${text}” in ${p.text} on its tint ${behind}: ${contrast(p.text, behind).toFixed(2)}:1`);
  }
}

/** `fg` alpha-blended over opaque `bg`, as an rgb() colour. */
function blend(fg, bg) {
  const [r, g, b, a] = rgba(fg);
  const base = rgba(bg);
  return `rgb(${[r, g, b].map((v, i) => Math.round(v * a + base[i] * (1 - a))).join(', ')})`;
}

/** Waits until the composer's highlights cover `texts` and all are in `theme`'s styles. */
function waitPainted(tab, selector, texts, theme) {
  const dark = theme === 'dark';
  return tab.waitIsolated(
    `(() => { const p = ${painted(selector)}; if (!p) return null;
      const all = ${JSON.stringify(texts)}.every((t) => p.ranges[t]);
      const names = Object.values(p.ranges).map((s) => s.name);
      return all && names.every((n) => n.endsWith('-dark') === ${dark}) && p; })()`,
    WAIT,
    `${texts.join(', ')} highlighted in the ${theme} styles`,
  );
}

describeWithSession('highlights on dark pages', (shared) => {
  test('on the X practice page the highlights follow the device theme and a dark site, legible on each', async () => {
    const tab = await writeOnX(shared.session, POST);
    const texts = [NHS, 'Mounjaro'];
    const light = await waitPainted(tab, X_COMPOSER, texts, 'light');
    assert.equal(light.ranges[NHS].name, 'so-confidentiality-warning');
    assertLegible(light, 'light page');

    // The device turns dark: the practice page goes black, and the highlights follow at once.
    await tab.page.emulateMedia({ colorScheme: 'dark' });
    const dark = await waitPainted(tab, X_COMPOSER, texts, 'dark');
    assert.ok(luminance(rgba(dark.page)) < 0.05, `the page is dark: ${dark.page}`);
    for (const t of texts) {
      assert.notEqual(dark.ranges[t].line, light.ranges[t].line, `“${t}”: another underline colour on the dark page`);
      assert.notEqual(dark.ranges[t].tint, light.ranges[t].tint, `“${t}”: another tint on the dark page`);
    }
    assertLegible(dark, 'dark page');

    // The device light again, but the site has its own dark theme (X's "Dim"): still dark styles.
    await tab.page.emulateMedia({ colorScheme: 'light' });
    await waitPainted(tab, X_COMPOSER, texts, 'light');
    await tab.main(() => {
      document.body.style.background = '#15202b';
      document.body.style.color = '#f7f9f9';
    });
    await tab.page.keyboard.type(' Thanks');
    const dim = await waitPainted(tab, X_COMPOSER, texts, 'dark');
    assertLegible(dim, 'dim site');
    await tab.page.close();
  });

  test("in a textarea's mirror (Instagram comment box) the dark styles apply too", async () => {
    const tab = await shared.session.open(`https://www.instagram.com/?dark-highlights=${++visits}`);
    await tab.page.emulateMedia({ colorScheme: 'dark' });
    await tab.page.locator(INSTAGRAM_BOX).click();
    await tab.page.keyboard.type(`Seen in clinic, NHS ${NHS}`);
    const dark = await waitPainted(tab, INSTAGRAM_BOX, [NHS], 'dark');
    assert.ok(luminance(rgba(dark.page)) < 0.05, `the page is dark: ${dark.page}`);
    assertLegible(dark, 'dark mirror');
    await tab.page.emulateMedia({ colorScheme: 'light' });
    const light = await waitPainted(tab, INSTAGRAM_BOX, [NHS], 'light');
    assert.notEqual(dark.ranges[NHS].line, light.ranges[NHS].line);
    assertLegible(light, 'light mirror');
    await tab.page.close();
  });
});
