// One concern, one finding (issue 10): a jigsaw post's details are one finding with parts, every
// part highlighted, any part opening the one card and one guard line; the guard's title stays in
// view with many concerns; a card closes when a mouse click lands elsewhere; "Dismiss all for
// this post" from the badge's list. The X practice page (Draft.js), real mouse and keys only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWithSession, WAIT, writeOnX } from './harness.mjs';
import { clickUi, waitGuard, waitUi } from './ui.mjs';

const POST_BUTTON = '[data-fixture="main"] [data-testid="tweetButtonInline"]';
const JIGSAW = 'Saw a 23yo M, a teacher from Leeds, this morning after the M6 pile-up';
const MANY =
  'Mrs K in bed 4, NHS no 943 476 5919, DOB 12/03/1956, lives at SW1A 1AA, call 07700 900123 or jo@example.com. ' +
  'Honestly Mounjaro is a game changer! Use code DRJO20 for 20% off.';

/** The texts of every range the visible findings highlight (spans and parts), sorted. */
const RANGES = `SecondOpinion.composers()[0].visibleFindings().flatMap((f) => SecondOpinion.parts.ranges(f).map((r) => r.text)).sort()`;

describeWithSession('one concern, one finding', (shared) => {
  const write = (post, size = { width: 1280, height: 800 }) => writeOnX(shared.session, post, { size });

  test('a jigsaw post is one finding: every part highlighted, any part opens its card, one guard line', async () => {
    const tab = await write(JIGSAW);
    const findings = await tab.isolated(`SecondOpinion.composers()[0].visibleFindings()`);
    const jigsaw = findings.filter((f) => f.rule === 'jigsaw-identification');
    assert.equal(jigsaw.length, 1, JSON.stringify(findings));
    assert.ok(jigsaw[0].parts.length >= 3, JSON.stringify(jigsaw[0]));
    const ranges = await tab.isolated(RANGES);
    assert.ok(ranges.includes('teacher') && ranges.includes('the M6 pile-up'), JSON.stringify(ranges));
    await tab.waitHighlights(ranges);
    // The badge counts concerns (findings), not highlighted ranges.
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const reminders = findings.length - warnings;
    assert.ok(ranges.length > findings.length, JSON.stringify(ranges));
    const badge = await waitUi(tab, '.badge');
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    assert.equal(badge.label, `Second Opinion: ${plural(warnings, 'concern')}, ${plural(reminders, 'reminder')}`);

    // Hovering the last part (not the span) opens the finding's card, with every range in focus.
    const last = jigsaw[0].parts.at(-1);
    const at = await tab.isolated(`(() => { const c = SecondOpinion.composers()[0];
      const r = c.rangeFor(${JSON.stringify(last)}).getClientRects()[0]; return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
    await tab.page.mouse.move(at.x, at.y);
    await tab.waitIsolated(`SecondOpinion.card.current?.finding.rule === 'jigsaw-identification'`, WAIT, 'card of the jigsaw finding');
    const focus = await tab.waitIsolated(`(() => { const h = CSS.highlights.get('so-focus'); return h && h.size > 1 && [...h].map((r) => r.toString()).sort(); })()`);
    assert.deepEqual(focus, rangeTexts(jigsaw[0]));
    await tab.page.keyboard.press('Escape');
    await tab.waitIsolated(`!SecondOpinion.card.current`, WAIT, 'card closed');

    // The guard lists the concern once, quoting its parts.
    await tab.page.locator(POST_BUTTON).click();
    await waitGuard(tab, 'warning');
    const lines = await tab.isolated(`[...SecondOpinion.ui.root().querySelectorAll('[role="alertdialog"] li')].map((li) => li.textContent)`);
    assert.equal(lines.length, warnings, JSON.stringify(lines));
    const desc = await tab.isolated(`SecondOpinion.ui.root().querySelector('#so-guard-desc').textContent`);
    assert.equal(desc, `This post has ${plural(warnings, 'concern')} you may want to review before it is published:`);
    assert.equal(lines.filter((l) => l.includes('“23yo M”')).length, 1, JSON.stringify(lines));
    assert.ok(lines.some((l) => l.includes('“teacher”')), JSON.stringify(lines));
    await tab.page.close();
  });

  test("with many concerns the guard's title stays in view while its list scrolls", async () => {
    const tab = await write(MANY, { width: 1280, height: 560 });
    const warnings = await tab.isolated(`SecondOpinion.composers()[0].visibleFindings().filter((f) => f.severity === 'warning').length`);
    assert.ok(warnings >= 8, `${warnings} warnings`);
    await tab.page.locator(POST_BUTTON).click();
    await waitGuard(tab, 'warning');
    const GEOMETRY = `(() => { const root = SecondOpinion.ui.root(); const d = root.querySelector('[role="alertdialog"]');
      const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
      const ul = d.querySelector('ul'); const lis = d.querySelectorAll('li');
      return { title: box(d.querySelector('h2')), list: box(ul), last: box(lis[lis.length - 1]), lines: lis.length,
        scrollable: ul.scrollHeight > ul.clientHeight, vh: innerHeight }; })()`;
    const before = await tab.isolated(GEOMETRY);
    assert.equal(before.lines, warnings);
    assert.ok(before.scrollable, `the list scrolls: ${JSON.stringify(before)}`);
    // Scroll the list to its end with the real wheel, over the list.
    const list = await waitUi(tab, '[role="alertdialog"] ul');
    await tab.page.mouse.move(list.x, list.y);
    await tab.page.mouse.wheel(0, 2000);
    const after = await tab.waitIsolated(`(() => { const g = ${GEOMETRY}; return g.last.bottom <= g.list.bottom + 1 && g; })()`, WAIT, 'list scrolled to its end');
    for (const g of [before, after]) {
      assert.ok(g.title.top >= 0 && g.title.bottom <= g.vh, `title in view: ${JSON.stringify(g)}`);
      assert.ok(g.title.bottom <= g.list.top, `title above the list: ${JSON.stringify(g)}`);
    }
    await tab.page.close();
  });

  test('a card opened from the keyboard closes when a mouse click lands elsewhere on the page', async () => {
    const tab = await write(JIGSAW);
    await tab.page.keyboard.press('Alt+Enter');
    await tab.waitIsolated(`!!SecondOpinion.card.current && SecondOpinion.ui.root().activeElement?.closest('.card') !== null`, WAIT, 'card open with focus in it');
    await tab.page.mouse.click(5, 5);
    await tab.waitIsolated(`!SecondOpinion.card.current`, WAIT, 'card closed by the click');
    await tab.page.close();
  });

  test('"Dismiss all for this post" from the badge\'s list clears every highlight', async () => {
    const tab = await write(MANY);
    await clickUi(tab, '.badge');
    await clickUi(tab, '.panel button[data-action="dismiss-all"]');
    await tab.waitHighlights([]);
    await tab.waitIsolated(`SecondOpinion.overlay.badgeFor(SecondOpinion.composers()[0]).dataset.state === 'clean'`, WAIT, 'badge clean');
    assert.equal(await tab.isolated('SecondOpinion.overlay.panelOpen'), false);
    await tab.page.close();
  });
});

/** A finding's range texts, sorted (as the focus highlight holds them). */
function rangeTexts(f) {
  return [f.text, ...f.parts.map((p) => p.text)].sort();
}
