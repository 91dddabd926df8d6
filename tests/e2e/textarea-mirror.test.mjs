// The textarea mirror (extension/content/mirror.js) on the Instagram comment box (a React-
// controlled <textarea>): the highlight's rectangles sit on the textarea's own text, measured
// independently by the browser's caret hit-testing (document.caretPositionFromPoint over the
// textarea gives the offset in its value under a point), and stay there when the textarea scrolls
// inside, is resized, and the window is resized; clicks go through to the textarea; a fix keeps
// textarea value == React's state == what is submitted. Waits are on conditions only.
/* global window, document, getComputedStyle -- used inside functions evaluated in the page */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { pressFix, waitUi } from './ui.mjs';

const URL_ = 'https://www.instagram.com/';
const BOX = 'article textarea[aria-label="Add a comment…"]';
const NHS = '943 476 5919';

/**
 * Isolated-world expression: for the composer's first finding, true when its mirror range's
 * first rect starts on the finding's first character and its last rect ends on its last one, by
 * the caret hit-test over the textarea, and the rects lie inside the textarea's text box.
 */
const ALIGNED = `(() => {
  const ta = document.querySelector(${JSON.stringify(BOX)});
  const c = SecondOpinion.composers().find((c) => c.el === ta);
  const f = c?.checkedText === ta.value && c.visibleFindings()[0];
  if (!f) return false;
  const rects = [...c.rangeFor(f).getClientRects()].filter((r) => r.width > 0);
  if (!rects.length) return false;
  const box = ta.getBoundingClientRect();
  const first = rects[0];
  const last = rects[rects.length - 1];
  const at = (x, y) => {
    const p = document.caretPositionFromPoint(x, y);
    return p && p.offsetNode === ta ? p.offset : null;
  };
  const inside = rects.every((r) => r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right);
  const start = at(first.left + 1, first.top + first.height / 2);
  const end = at(last.right - 1, last.top + last.height / 2);
  const hit = document.elementFromPoint(first.left + first.width / 2, first.top + first.height / 2);
  return inside && start === f.start && end === f.end && hit === ta && { start, end, rects: rects.length };
})()`;

describe('textarea mirror (Instagram comment box)', { timeout: 180_000 }, () => {
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => session?.close());

  async function fresh() {
    const tab = await session.open(URL_);
    await tab.page.bringToFront();
    await tab.page.locator(BOX).click();
    return tab;
  }

  test('the highlight lies on the textarea text, across a line wrap too; the mirror takes no pointer events', async () => {
    const tab = await fresh();
    // Long enough to wrap, with the number where it runs over a line end at this width.
    // Tall enough to show every line (the box is one row and grows on instagram.com).
    await tab.main((sel) => Object.assign(document.querySelector(sel).style, { width: '330px', height: '140px' }), BOX);
    const text = `Seen today in clinic, please call back about the referral for NHS ${NHS} thanks`;
    await tab.page.keyboard.type(text);
    const got = await tab.waitIsolated(ALIGNED, undefined, 'highlight aligned with the textarea text');
    assert.ok(got.start < got.end);
    const style = await tab.isolated(`(() => { const m = SecondOpinion.mirror.get(document.querySelector(${JSON.stringify(BOX)})).el; const s = getComputedStyle(m); return { pe: s.pointerEvents, color: s.color, ws: s.whiteSpace }; })()`);
    assert.deepEqual(style, { pe: 'none', color: 'rgba(0, 0, 0, 0)', ws: 'pre-wrap' });
    assert.deepEqual((await tab.highlights())['so-confidentiality-warning'], [NHS]);
    // A click on the highlight lands in the textarea and opens the card.
    const r = await tab.isolated(`(() => { const c = SecondOpinion.composers().find((c) => c.el.matches(${JSON.stringify(BOX)})); const r = c.rangeFor(c.findings[0]).getClientRects()[0]; return { x: r.left + 2, y: r.top + r.height / 2 }; })()`);
    await tab.page.mouse.click(r.x, r.y);
    assert.match((await waitUi(tab, '.card')).text, new RegExp(NHS));
    assert.equal(await tab.main(() => document.activeElement?.tagName), 'TEXTAREA');
    await tab.page.close();
  });

  test('the highlight follows scrolling inside a long textarea', async () => {
    const tab = await fresh();
    await tab.main((sel) => { const ta = document.querySelector(sel); ta.style.height = '70px'; ta.style.resize = 'none'; }, BOX);
    const lines = Array.from({ length: 12 }, (_, i) => (i === 3 ? `Line ${i + 1} NHS ${NHS}` : `Line ${i + 1} of the note`));
    for (const [i, line] of lines.entries()) {
      await tab.page.keyboard.type(line);
      if (i < lines.length - 1) await tab.page.keyboard.press('Shift+Enter');
    }
    // The caret at the end: the textarea has scrolled down and line 4 is out of its view.
    await tab.waitIsolated(`(() => { const ta = document.querySelector(${JSON.stringify(BOX)}); const c = SecondOpinion.composers().find((c) => c.el === ta); return ta.scrollTop > 0 && c.checkedText === ta.value && c.findings.length === 1; })()`);
    const hidden = await tab.isolated(`(() => { const ta = document.querySelector(${JSON.stringify(BOX)}); const c = SecondOpinion.composers().find((c) => c.el === ta); const r = c.rangeFor(c.findings[0]).getClientRects()[0]; return r.bottom <= ta.getBoundingClientRect().top + 8; })()`);
    assert.equal(hidden, true, 'the highlight scrolled up with its line');
    // Scroll the textarea so that line 4 shows: the highlight comes back onto it.
    await tab.main((sel) => { const ta = document.querySelector(sel); ta.scrollTop = parseFloat(getComputedStyle(ta).lineHeight) * 3; }, BOX);
    await tab.waitIsolated(ALIGNED, undefined, 'aligned after scrolling inside the textarea');
    await tab.main((sel) => { document.querySelector(sel).scrollTop = parseFloat(getComputedStyle(document.querySelector(sel)).lineHeight) * 2; }, BOX);
    await tab.waitIsolated(ALIGNED, undefined, 'aligned after scrolling again');
    await tab.page.close();
  });

  test('the highlight follows a resize of the textarea and of the window (the text re-wraps)', async () => {
    const tab = await fresh();
    await tab.main((sel) => { document.querySelector(sel).style.height = '160px'; }, BOX);
    const text = `A long comment that wraps over several lines in a narrow box, about NHS ${NHS} and more words after it`;
    await tab.page.keyboard.type(text);
    await tab.waitIsolated(ALIGNED, undefined, 'aligned at first');
    const before = await tab.isolated(`(() => { const c = SecondOpinion.composers()[0]; const r = c.rangeFor(c.findings[0]).getClientRects()[0]; return { x: r.left, y: r.top }; })()`);
    await tab.main((sel) => { document.querySelector(sel).style.width = '260px'; }, BOX);
    await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; const r = c.rangeFor(c.findings[0]).getClientRects()[0]; return (r.left !== ${before.x} || r.top !== ${before.y}) && ${ALIGNED}; })()`,
      undefined,
      'moved and aligned after the textarea was resized',
    );
    await tab.main((sel) => { document.querySelector(sel).style.width = ''; }, BOX);
    await tab.page.setViewportSize({ width: 520, height: 700 });
    await tab.waitIsolated(ALIGNED, undefined, 'aligned after the window was resized');
    await tab.page.setViewportSize({ width: 1000, height: 800 });
    await tab.waitIsolated(ALIGNED, undefined, 'aligned after the window was resized back');
    await tab.page.close();
  });

  test("a fix in the textarea keeps its value == React's state == what is submitted", async () => {
    const tab = await fresh();
    await tab.page.keyboard.type(`Update NHS ${NHS} done`);
    await tab.waitIsolated(ALIGNED);
    await tab.page.keyboard.press('Alt+Enter');
    await waitUi(tab, '.card button[data-fix="0"]');
    assert.deepEqual(await pressFix(tab, '.card button[data-fix="0"]'), { status: 'applied', card: null });
    const fixed = 'Update done';
    await tab.waitIsolated(`document.querySelector(${JSON.stringify(BOX)}).value === ${JSON.stringify(fixed)}`);
    assert.equal(await tab.main(() => window.__fixtureModelText('main')), fixed, "React's state has the fix");
    await tab.waitHighlights([]);
    await tab.page.locator('article [role="button"]:text-is("Post")').click();
    await tab.page.waitForFunction(() => window.__fixture.submissions.length === 1);
    assert.deepEqual((await tab.main(() => window.__fixture.submissions))[0].texts, [fixed]);
    await tab.page.close();
  });
});
