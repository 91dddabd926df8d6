// @ts-check
// The fix and caret bugs found before, one test each, on both practice editors: a removal that
// empties a line or the whole post (Draft.js kept the old text in its model), a whole-line
// replacement (Lexical drew it at the end of the paragraph), a fix from a card left open while the
// doctor typed (stale offsets ate the "!", a declaration landed mid-post), and the caret put back
// on the wrong line after Alt+Enter then Escape. Every check is model == DOM (== submitted).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { EDITOR_SITES, EditorDriver } from './edit-driver.mjs';

const NHS = '943 476 5919';
const PHONE = '07700 900614';
const DECLARATION = 'Disclosure: I am a paid adviser to Northwind Diagnostics.';

for (const key of /** @type {const} */ (['x', 'facebook'])) {
  const site = EDITOR_SITES[key];
  describe(`fixes and caret on ${site.name}`, { timeout: 240_000 }, () => {
    /** @type {import('./harness.mjs').Session} */
    let session;
    before(async () => {
      session = await launch();
    });
    after(async () => {
      await session?.close();
    });

    /** A fresh page with `lines` typed (Enter between them), checked. */
    async function typed(...lines) {
      const d = await EditorDriver.open(session, site);
      for (const [i, line] of lines.entries()) {
        if (i) await d.page.keyboard.press('Enter');
        await d.page.keyboard.type(line);
      }
      await d.expectText(lines.join('\n'));
      await d.checked();
      return d;
    }

    /** Alt+Enter at the caret, then Enter on the card's first fix (all by keyboard). */
    async function fixByKeyboard(d, label) {
      await d.page.keyboard.press('Alt+Enter');
      const focused = await d.tab.waitIsolated(`SecondOpinion.ui.root().activeElement?.dataset.fix === '0' && SecondOpinion.ui.root().activeElement.textContent`);
      assert.equal(focused, label);
      await d.page.keyboard.press('Enter');
      await d.tab.waitIsolated(`!SecondOpinion.card.current`, undefined, 'the card closed after the fix');
    }

    test('removing a number alone on its line keeps model, screen and post the same; undo brings it back', async () => {
      const d = await typed('Clinic ran late today.', PHONE);
      await fixByKeyboard(d, 'Remove the phone number');
      await d.expectText('Clinic ran late today.\n', 'after the fix');
      await d.page.keyboard.type('Seen at 3.');
      await d.expectText('Clinic ran late today.\nSeen at 3.', 'typing after the fix lands where the number was');
      await d.page.keyboard.press('Control+z');
      await d.drain();
      await d.agree((t) => !t.includes('Seen'), 'undo of the typing');
      await d.page.keyboard.press('Control+z');
      await d.drain();
      await d.expectText(`Clinic ran late today.\n${PHONE}`, 'undo of the fix');
      assert.deepEqual(await d.submit(), [`Clinic ran late today.\n${PHONE}`]);
      await d.page.close();
    });

    test('removing the only text in the post leaves an empty post, and the next keystroke is kept', async () => {
      const d = await typed(PHONE);
      await fixByKeyboard(d, 'Remove the phone number');
      await d.expectText('', 'after the fix');
      await d.page.keyboard.type('Hello');
      await d.expectText('Hello', 'the next keystrokes');
      assert.deepEqual(await d.submit(), ['Hello']);
      await d.page.close();
    });

    test('a fix from the middle of the post puts the caret back where the doctor was typing', async () => {
      const d = await typed(`Update NHS ${NHS} done`);
      await fixByKeyboard(d, 'Remove the NHS number');
      await d.expectText('Update done');
      await d.page.keyboard.type(' today');
      await d.expectText('Update done today', 'typing goes on at the end');
      await d.page.close();
    });

    test('replacing a whole line keeps the new text on that line', async () => {
      const d = await typed('Bed 4', '', 'Mrs K');
      // A fix that replaces all of the first line.
      const wholeLine = (f) => f.fixes.findIndex((x) => x.replacement && (x.start ?? f.start) === 0 && (x.end ?? f.end) === 5);
      const findings = await d.findings();
      const index = findings.findIndex((f) => wholeLine(f) >= 0);
      assert.ok(index >= 0, `a fix replacing "Bed 4": ${JSON.stringify(findings)}`);
      const card = await d.clickFinding(index);
      const i = wholeLine(card);
      const fix = card.fixes[i];
      assert.equal(await d.applyFixFromCard(i), 'applied');
      const text = 'Bed 4\n\nMrs K';
      const expected = text.slice(0, fix.start ?? card.start) + fix.replacement + text.slice(fix.end ?? card.end);
      await d.expectText(expected);
      assert.deepEqual(await d.submit(), [expected]);
      await d.page.close();
    });

    test('"!" typed after a number while its card is open survives the removal', async () => {
      // At the start of the post the removal also takes the space after the number, so the "!"
      // lands inside the span the card was opened with.
      const d = await typed(`NHS ${NHS} seen today`);
      await d.clickFinding(0);
      await d.select(`NHS ${NHS}`.length);
      await d.page.keyboard.type('!');
      await d.expectText(`NHS ${NHS}! seen today`);
      assert.equal(await d.applyFixFromCard(0), 'applied');
      const s = await d.agree((t) => !t.includes('5919'), 'the number removed');
      assert.match(s.model, /^! ?seen today$/, 'the "!" and the words after the number stay');
      await d.page.close();
    });

    test('a card whose text was edited since says so and changes nothing', async () => {
      const d = await typed(`Patient NHS ${NHS} seen`);
      await d.clickFinding(0);
      await d.select('Patient NHS 943'.length);
      await d.page.keyboard.type('0');
      const edited = `Patient NHS 9430 476 5919 seen`;
      await d.expectText(edited);
      assert.equal(await d.applyFixFromCard(0), 'changed');
      assert.match(await d.cardText(), /The text has changed — check again\./);
      await d.expectText(edited, 'nothing changed');
      await d.page.close();
    });

    test('a declaration added from a card opened before more typing goes at the end of the post', async () => {
      const d = await EditorDriver.open(session, site);
      const settings = {
        version: 1,
        declared_interests: [{ company: 'Northwind Diagnostics', relationship: 'paid adviser', since: '2023' }],
        standing_declaration: DECLARATION,
        ignored_terms: [],
        categories: { confidentiality: 'warn', conflict_of_interest: 'warn', boundaries: 'warn', respect: 'warn' },
        sites: { x: true, facebook: true },
        ignored_rules: [],
      };
      await d.tab.isolated(`SecondOpinion.ext.storage.sync.set({ settings: ${JSON.stringify(settings)} })`);
      try {
        const post = 'Impressed by the Northwind Diagnostics rapid test kit.';
        await d.page.keyboard.type(post);
        await d.tab.waitIsolated(`(() => { const c = ${d.c}; return c.checkedText === ${JSON.stringify(post)} && c.visibleFindings().some((f) => f.rule === 'declared-interest'); })()`);
        const index = (await d.findings()).findIndex((f) => f.fixes.some((x) => x.replacement.includes(DECLARATION)));
        const card = await d.clickFinding(index);
        const i = card.fixes.findIndex((x) => x.replacement.includes(DECLARATION));
        await d.select(post.length);
        await d.page.keyboard.type(' Would use again.');
        const longer = `${post} Would use again.`;
        await d.expectText(longer);
        assert.equal(await d.applyFixFromCard(i), 'applied');
        await d.expectText(`${longer}\n\n${DECLARATION}`, 'the declaration after everything typed');
        assert.deepEqual(await d.submit(), [`${longer}\n\n${DECLARATION}`]);
      } finally {
        await d.tab.isolated(`SecondOpinion.ext.storage.sync.remove('settings')`);
        await d.page.close();
      }
    });

    /** Alt+Enter then Escape with the caret at `at`; the caret must come back to `at`. */
    async function altEnterEscape(d, at) {
      await d.select(at);
      await d.page.keyboard.press('Alt+Enter');
      await d.tab.waitIsolated(`(() => { const c = ${d.c}; return !c.el.contains(document.activeElement); })()`, undefined, 'a card or list took focus');
      await d.page.keyboard.press('Escape');
      await d.until((s) => s.sel?.anchor === at && s.sel?.focus === at, `the caret back at ${at}`);
    }

    test('Alt+Enter then Escape on an empty line puts the caret back on that line', async () => {
      const d = await typed('First line', '');
      await altEnterEscape(d, 11);
      await d.page.keyboard.type('second');
      await d.expectText('First line\nsecond');
      await d.page.close();
    });

    test('... at the end of a line, and on an empty line between two others', async () => {
      const d = await typed('First line', 'second');
      await altEnterEscape(d, 10);
      await d.page.keyboard.type('!');
      await d.expectText('First line!\nsecond');
      await d.page.keyboard.press('Enter');
      await d.expectText('First line!\n\nsecond');
      await altEnterEscape(d, 12);
      await d.page.keyboard.type('middle');
      await d.expectText('First line!\nmiddle\nsecond');
      await altEnterEscape(d, 0);
      await d.page.keyboard.type('>');
      await d.expectText('>First line!\nmiddle\nsecond');
      await d.page.close();
    });
  });
}
