// The compact card, its placement and keyboard paths, "Dismiss all", "Always ignore this term",
// "Add a declaration…", dark mode and the badge's placement, on the X practice page (Draft.js).
// Real mouse and keys only (the UI ignores untrusted events); every wait is on a condition.
/* global window, document -- used inside functions evaluated in the page */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWithSession, WAIT, writeOnX } from './harness.mjs';
import { clickUi, waitUi, waitUiGone } from './ui.mjs';

const NHS = '943 476 5919';
const POST = `Saw Mrs K in bed 4 today, NHS no ${NHS}. Honestly Mounjaro is a game changer!`;

/** Geometry of the open card and its highlight (viewport coordinates), or null. */
const GEOMETRY = `(() => {
  const k = SecondOpinion.card.current; if (!k) return null;
  const r = k.composer.rangeFor(k.finding);
  const box = (b) => ({ top: b.top, bottom: b.bottom, left: b.left, right: b.right });
  return { card: box(k.el.getBoundingClientRect()), side: k.el.dataset.side ?? null, text: k.finding.text,
    rects: r ? [...r.getClientRects()].filter((x) => x.width || x.height).map(box) : [], vw: innerWidth, vh: innerHeight };
})()`;

/** Card fully inside the viewport, clear of every rect of its highlight, just beside it. */
function assertPlaced(g, what) {
  const { card, rects, vw, vh } = g;
  assert.ok(card.top >= 0 && card.left >= 0 && card.bottom <= vh && card.right <= vw, `${what}: card inside ${vw}×${vh}: ${JSON.stringify(card)}`);
  assert.ok(rects.length > 0, `${what}: the highlight has rects`);
  for (const r of rects) {
    const overlap = r.left < card.right && r.right > card.left && r.top < card.bottom && r.bottom > card.top;
    assert.ok(!overlap, `${what}: card ${JSON.stringify(card)} covers the flagged text ${JSON.stringify(r)}`);
  }
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const gap = g.side === 'above' ? top - card.bottom : card.top - bottom;
  assert.ok(gap >= 0 && gap <= 12, `${what}: card ${g.side} the line, ${gap}px away`);
}

describeWithSession('compact cards, dark mode and the badge', (shared) => {
  /** Opens the X page at a viewport size, types the post and waits for its check. */
  const write = (size, post = POST, { dark = false } = {}) =>
    writeOnX(shared.session, post, {
      size,
      dark,
      // Room to scroll, so the flagged line can be put anywhere in the window.
      prepare: (tab) =>
        tab.main(() => {
          document.body.style.paddingTop = '700px';
          document.body.style.paddingBottom = '3000px';
        }),
    });

  /** Scrolls the window so that `text`'s highlight has its top `y` px from the viewport's top. */
  async function scrollHighlightTo(tab, text, y) {
    const top = await tab.isolated(`(() => { const c = SecondOpinion.composers()[0];
      const f = c.visibleFindings().find((f) => f.text === ${JSON.stringify(text)});
      return c.rangeFor(f).getClientRects()[0].top + scrollY; })()`);
    await tab.main((to) => window.scrollTo(0, to), Math.max(0, top - y));
    await tab.waitIsolated(`(() => { const c = SecondOpinion.composers()[0];
      const f = c.visibleFindings().find((f) => f.text === ${JSON.stringify(text)});
      return Math.abs(c.rangeFor(f).getClientRects()[0].top - ${y}) < 2 || scrollY === 0; })()`);
  }

  /** Clicks the middle of `text`'s highlight (a real click) and waits for its card, placed. */
  async function openCard(tab, text) {
    const at = await tab.isolated(`(() => { const c = SecondOpinion.composers()[0];
      const f = c.visibleFindings().find((f) => f.text === ${JSON.stringify(text)});
      const r = c.rangeFor(f).getClientRects()[0]; return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
    await tab.page.mouse.click(at.x, at.y);
    await tab.waitIsolated(`SecondOpinion.card.current?.finding.text === ${JSON.stringify(text)}`, WAIT, `card for ${text}`);
    // Its guidance line is filled in once the catalogue is there; placed again after that.
    await tab.isolated(`SecondOpinion.card.guidance().then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).then(() => true)`);
    return tab.isolated(GEOMETRY);
  }

  for (const size of [{ width: 1280, height: 560 }, { width: 360, height: 640 }]) {
    test(`at ${size.width}×${size.height} the card sits below or above the flagged line, inside the window, and follows it`, async () => {
      const tab = await write(size);
      // Near the top: below the line.
      await scrollHighlightTo(tab, NHS, 60);
      let g = await openCard(tab, NHS);
      assertPlaced(g, 'near the top');
      assert.equal(g.side, 'below');
      // Compact: one sentence, the fixes, one line of guidance; the fix button is in view.
      const parts = await tab.isolated(`(() => { const el = SecondOpinion.card.current.el;
        const more = el.querySelector('.guidance-line .more');
        return { message: el.querySelector('.message').textContent, fix: !!el.querySelector('button[data-fix="0"]'),
          line: more.textContent, expanded: more.getAttribute('aria-expanded'), hidden: el.querySelector('.guidance-more').hidden }; })()`);
      assert.equal(parts.message.split(/(?<=[.!?])\s+(?=[A-Z])/).length, 1, `one sentence: ${parts.message}`);
      assert.ok(parts.fix, 'a fix button');
      assert.match(parts.line, /^GMC social media guidance, para \d+/);
      assert.equal(parts.hidden, true, 'the guidance details wait to be asked for');
      await clickUi(tab, '.card .guidance-line .more');
      await tab.waitIsolated(`!SecondOpinion.card.current.el.querySelector('.guidance-more').hidden`);
      await tab.waitIsolated(`new Promise((r) => requestAnimationFrame(() => r(true)))`);
      assertPlaced(await tab.isolated(GEOMETRY), 'expanded');

      // Scrolled a little: the card moves with its line.
      await tab.main(() => window.scrollBy(0, 25));
      await tab.waitIsolated(`(() => { const g = ${GEOMETRY}; return g && g.rects.length && Math.abs(g.card.top - g.rects[0].bottom - 6) < 1.5; })()`, WAIT, 'card followed the scroll');
      assertPlaced(await tab.isolated(GEOMETRY), 'after scrolling');

      // Near the bottom of the window: it flips above the line.
      await tab.page.mouse.click(5, size.height - 5); // a click outside closes it
      await tab.waitIsolated('!SecondOpinion.card.current');
      await scrollHighlightTo(tab, NHS, size.height - 70);
      g = await openCard(tab, NHS);
      assertPlaced(g, 'near the bottom');
      assert.equal(g.side, 'above');

      // A smaller window: placed again inside it.
      await tab.page.setViewportSize({ width: size.width, height: size.height - 100 });
      await tab.waitIsolated(`(() => { const g = ${GEOMETRY}; return !g || (innerHeight === ${size.height - 100} && g.card.bottom <= innerHeight); })()`, WAIT, 'placed after resize');
      g = await tab.isolated(GEOMETRY);
      if (g) assertPlaced(g, 'after resize');

      // The line scrolled out of view: the card closes.
      await scrollHighlightTo(tab, NHS, 120);
      if (!(await tab.isolated(GEOMETRY))) await openCard(tab, NHS);
      await tab.main(() => window.scrollBy(0, 900));
      await tab.waitIsolated('!SecondOpinion.card.current', WAIT, 'card closed once its line left view');
      await tab.page.close();
    });
  }

  /** Is focus in the composer, and where is the caret? */
  const focusState = (tab) =>
    tab.isolated(`(() => { const c = SecondOpinion.composers()[0];
      return { inComposer: c.el.contains(document.activeElement), caret: c.caretOffset(), card: !!SecondOpinion.card.current,
        inCard: !!SecondOpinion.card.current?.el.contains(SecondOpinion.ui.root().activeElement) }; })()`);

  test('Escape closes a card from anywhere, Tab off either end closes it, and focus returns to the caret', async () => {
    const tab = await write({ width: 1280, height: 560 });
    // Opened by a click, focus in the editor, still typing: Escape closes it, focus stays.
    await openCard(tab, 'Mrs K');
    await tab.page.keyboard.press('Control+End');
    await tab.page.keyboard.type(' Ok');
    await tab.waitIsolated(`SecondOpinion.composers()[0].read().text.endsWith(' Ok')`);
    assert.equal((await focusState(tab)).card, true, 'the card stays open while typing');
    await tab.page.keyboard.press('Escape');
    await tab.waitIsolated('!SecondOpinion.card.current', WAIT, 'Escape while typing closed it');
    let f = await focusState(tab);
    assert.equal(f.inComposer, true);
    const caret = f.caret;
    assert.equal(caret, POST.length + 3, 'caret at the end');

    // Alt+Enter: focus in the card, on a fix that is in view; Escape returns to the caret.
    await tab.page.keyboard.press('Alt+Enter');
    await tab.waitIsolated(`SecondOpinion.card.current?.el.contains(SecondOpinion.ui.root().activeElement)`, WAIT, 'focus in the card');
    const focused = await tab.isolated(`(() => { const b = SecondOpinion.ui.root().activeElement; const r = b.getBoundingClientRect();
      return { fix: b.dataset.fix ?? null, inView: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth }; })()`);
    assert.equal(focused.fix, '0');
    assert.equal(focused.inView, true, 'the focused fix button is in view');
    await tab.page.keyboard.press('Escape');
    await tab.waitIsolated('!SecondOpinion.card.current');
    f = await focusState(tab);
    assert.deepEqual([f.inComposer, f.caret], [true, caret], 'back at the caret');

    // Tab past the last control closes it and returns to the caret.
    await tab.page.keyboard.press('Alt+Enter');
    await tab.waitIsolated(`SecondOpinion.card.current?.el.contains(SecondOpinion.ui.root().activeElement)`);
    const count = await tab.isolated(`[...SecondOpinion.card.current.el.querySelectorAll('button, a[href], input')].filter((b) => !b.disabled && !b.closest('[hidden]') && b.getClientRects().length).length`);
    for (let i = 0; i < count; i++) await tab.page.keyboard.press('Tab');
    await tab.waitIsolated('!SecondOpinion.card.current', WAIT, 'Tab off the end closed it');
    f = await focusState(tab);
    assert.deepEqual([f.inComposer, f.caret], [true, caret]);

    // Shift+Tab before the first control does the same.
    await tab.page.keyboard.press('Alt+Enter');
    await tab.waitIsolated(`SecondOpinion.card.current?.el.contains(SecondOpinion.ui.root().activeElement)`);
    await tab.page.keyboard.press('Shift+Tab');
    await tab.waitIsolated('!SecondOpinion.card.current', WAIT, 'Shift+Tab off the start closed it');
    f = await focusState(tab);
    assert.deepEqual([f.inComposer, f.caret], [true, caret]);

    // Escape with focus elsewhere on the page (the list opened from the badge).
    await clickUi(tab, '.badge');
    await waitUi(tab, '.panel');
    await tab.page.keyboard.press('Escape');
    await waitUiGone(tab, '.panel');
    await tab.page.close();
  });

  test('"Dismiss all for this post" clears every finding of the post', async () => {
    const tab = await write({ width: 1280, height: 560 });
    await openCard(tab, NHS);
    await clickUi(tab, '.card button[data-action="dismiss-all"]');
    await tab.waitHighlights([]);
    await tab.waitIsolated(`SecondOpinion.overlay.badgeFor(SecondOpinion.composers()[0]).dataset.state === 'clean'`, WAIT, 'badge clean');
    assert.equal(await tab.isolated('!!SecondOpinion.card.current'), false);
    await tab.page.close();
  });

  const clearSettings = (tab) => tab.isolated(`SecondOpinion.ext.storage.sync.remove('settings').then(() => true)`);

  test('"Always ignore this term" adds it to the ignored terms; the post is checked without it', async () => {
    const tab = await write({ width: 1280, height: 560 });
    await openCard(tab, 'Mounjaro');
    await clickUi(tab, '.card button[data-action="ignore-term"]');
    await tab.waitIsolated(
      `SecondOpinion.ext.storage.sync.get('settings').then((r) => r.settings?.ignored_terms?.includes('Mounjaro'))`,
      WAIT,
      'term stored',
    );
    // Checked again with the new settings: no Mounjaro, the patient details still flagged.
    await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; const t = c.visibleFindings().map((f) => f.text);
        return c.checkedText === c.read().text && !t.includes('Mounjaro') && t.includes(${JSON.stringify(NHS)}); })()`,
      WAIT,
      'rechecked without the term',
    );
    // Identifiers never offer it.
    await openCard(tab, NHS);
    assert.equal(await tab.isolated(`!!SecondOpinion.card.current.el.querySelector('[data-action="ignore-term"]')`), false);
    await clearSettings(tab);
    await tab.page.close();
  });

  test('"Add a declaration…" inserts the typed line at the end of the post and saves it as the standing declaration', async () => {
    const post = 'Great results with Mounjaro this month, highly recommend it.';
    const tab = await write({ width: 1280, height: 560 }, post);
    await clearSettings(tab);
    await openCard(tab, 'Mounjaro');
    await clickUi(tab, '.card button[data-action="add-declaration"]');
    await tab.waitIsolated(`SecondOpinion.card.current?.el.querySelector('.declare input[type=text]') === SecondOpinion.ui.root().activeElement`, WAIT, 'declaration field focused');
    const line = 'Disclosure: I have no links with the maker.';
    await tab.page.keyboard.type(line);
    await tab.page.keyboard.press('Enter');
    const text = await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; const t = c.read().text; return !SecondOpinion.card.current && t.endsWith(${JSON.stringify(line)}) && t; })()`,
      WAIT,
      'declaration inserted',
    );
    assert.equal(text, `${post}\n\n${line}`);
    assert.equal(await tab.main(() => window.__fixtureModelText('main-0')), text, "the editor's model has it too");
    await tab.waitIsolated(
      `SecondOpinion.ext.storage.sync.get('settings').then((r) => r.settings?.standing_declaration === ${JSON.stringify(line)})`,
      WAIT,
      'saved as the standing declaration',
    );
    await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; return c.checkedText === c.read().text && !c.visibleFindings().some((f) => f.rule === 'undeclared-promotion'); })()`,
      WAIT,
      'declared now',
    );
    await clearSettings(tab);
    await tab.page.close();
  });

  /** Background and text luminance of a UI element (isolated world). */
  const colours = (tab, selector) =>
    tab.isolated(`(() => {
      const el = SecondOpinion.ui.root().querySelector(${JSON.stringify(selector)}); if (!el) return null;
      const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number); const l = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * l(r) + 0.7152 * l(g) + 0.0722 * l(b); };
      const s = getComputedStyle(el); return { bg: lum(s.backgroundColor), fg: lum(s.color) }; })()`);

  /** Dark background, and text readable on it (WCAG contrast at least 4.5:1). */
  const isDark = (c) => c.bg < 0.05 && (c.fg + 0.05) / (c.bg + 0.05) >= 4.5;

  test('on a dark practice page the card, list, badge and guard are dark; on a light page light', async () => {
    const tab = await write({ width: 1280, height: 560 }, POST, { dark: true });
    await openCard(tab, NHS);
    for (const sel of ['.card', '.badge']) {
      const c = await colours(tab, sel);
      assert.ok(isDark(c), `${sel} dark: ${JSON.stringify(c)}`);
    }
    await tab.page.keyboard.press('Escape');
    await tab.waitIsolated('!SecondOpinion.card.current');
    await clickUi(tab, '.badge');
    await waitUi(tab, '.panel');
    const panel = await colours(tab, '.panel');
    assert.ok(isDark(panel), `panel dark: ${JSON.stringify(panel)}`);
    await tab.page.keyboard.press('Escape');
    await waitUiGone(tab, '.panel');
    await tab.page.locator('[data-testid="tweetButtonInline"]').click();
    await waitUi(tab, '[role="alertdialog"][data-phase="warning"]');
    const guard = await colours(tab, '.guard');
    assert.ok(isDark(guard), `guard dark: ${JSON.stringify(guard)}`);
    await clickUi(tab, '[role="alertdialog"] button', { text: 'Review post' });
    await waitUiGone(tab, '[role="alertdialog"]');
    // "Review post" selects the first concern and then opens its card: wait for the card, or
    // Escape can arrive before it opens and leave it open.
    await tab.waitIsolated('!!SecondOpinion.card.current');
    await tab.page.keyboard.press('Escape');
    await tab.waitIsolated('!SecondOpinion.card.current');

    // The device theme back to light: the page is light again, and so is the card.
    await tab.page.emulateMedia({ colorScheme: 'light' });
    await openCard(tab, 'Mrs K');
    const light = await colours(tab, '.card');
    assert.ok(light.bg > 0.9 && light.fg < 0.1, `card light: ${JSON.stringify(light)}`);
    await tab.page.keyboard.press('Escape');
    await tab.waitIsolated('!SecondOpinion.card.current');

    // The site's own dark theme (a dark background, whatever the device says) is followed too.
    await tab.main(() => {
      document.body.style.background = '#15202b';
    });
    await openCard(tab, NHS);
    const site = await colours(tab, '.card');
    assert.ok(site.bg < 0.05, `card dark on a dark site: ${JSON.stringify(site)}`);
    await tab.page.close();
  });

  test('at 360 px wide the badge covers none of the site controls', async () => {
    const tab = await write({ width: 360, height: 640 });
    const free = await tab.waitIsolated(
      `(() => { const b = SecondOpinion.overlay.badgeFor(SecondOpinion.composers()[0]); if (!b || b.hidden) return null;
        const r = b.getBoundingClientRect(); if (!r.width) return null;
        const hits = [];
        for (const x of [r.left + 1, r.left + r.width / 2, r.right - 1]) for (const y of [r.top + 1, r.top + r.height / 2, r.bottom - 1]) {
          const e = document.elementsFromPoint(x, y).find((e) => !SecondOpinion.ui.owns(e));
          const control = e?.closest('button, a[href], input, select, textarea, [role="button"], [contenteditable="true"]');
          if (control) hits.push(control.outerHTML.slice(0, 80));
        }
        return { hits, inside: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight }; })()`,
      WAIT,
      'badge shown',
    );
    assert.deepEqual(free.hits, [], 'nothing under the badge');
    assert.equal(free.inside, true, 'badge inside the window');
    await tab.page.close();
  });
});
