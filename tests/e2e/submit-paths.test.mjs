// Every submit path × risky/clean × site (every practice page in guard-sites.mjs): a risky post is held by
// the guard; "Review post" publishes nothing; "Post anyway" (pressed with the mouse or the
// keyboard) publishes it exactly once; a clean post goes straight through, exactly once. A post
// submitted before its last keystroke has been checked is held until the answer comes.
// Every wait is on a condition; no sleeps, no retries.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { extensionCopy } from './fault-copies.mjs';
import { launch } from './harness.mjs';
import { CLEAN, NHS, RISKY, SITES, checked, submissions, typeInto, waitSubmissions } from './guard-sites.mjs';
import { clickGuardButton, clickUi, uiNow, waitGuard, waitUi, waitUiGone } from './ui.mjs';

for (const site of SITES) {
  describe(`submit paths on ${site.name}`, { timeout: 240_000 }, () => {
    /** @type {import('./harness.mjs').Session} */
    let session;
    /** @type {import('./harness.mjs').Tab} */
    let tab;
    /** @type {{dir: string, remove: () => void}|null} */
    let copy = null;
    before(async () => {
      copy = site.copy ? extensionCopy(site.copy) : null;
      session = await launch(copy ? { extensionDir: copy.dir } : {});
      await site.setup?.(session);
      tab = await session.open(site.url);
    });
    after(async () => {
      await session?.close();
      copy?.remove();
    });

    const guardOpen = () => tab.isolated('SecondOpinion.guard.open');

    site.paths.forEach((path, i) => {
      test(`${path.name}: risky is held, "Review post" posts nothing, "Post anyway" posts once; clean passes once`, async () => {
        const before = (await submissions(tab)).length;
        await typeInto(tab, path, RISKY);
        await checked(tab, path.composer, RISKY);

        await path.submit(tab);
        const dialog = await waitGuard(tab, 'warning');
        assert.match(dialog.text, new RegExp(NHS));
        assert.equal((await submissions(tab)).length, before, 'nothing published while the guard asks');
        await clickGuardButton(tab, 'Review post');
        await waitUiGone(tab, '[role="alertdialog"]');
        assert.equal((await submissions(tab)).length, before, '"Review post" publishes nothing');
        // It opens the warning's card, which the doctor closes (focus goes back to the post).
        assert.match((await waitUi(tab, '.card')).text, new RegExp(NHS));
        await clickUi(tab, '.card button.close');
        await waitUiGone(tab, '.card');

        // Again, and this time "Post anyway": with the mouse on odd paths, the keyboard on even
        // ones (focus starts on "Review post"; Tab moves to "Post anyway").
        await path.submit(tab);
        await waitGuard(tab, 'warning');
        if (i % 2) await clickGuardButton(tab, 'Post anyway');
        else {
          await tab.page.keyboard.press('Tab');
          await tab.waitIsolated(`SecondOpinion.ui.root().activeElement?.textContent === 'Post anyway'`);
          await tab.page.keyboard.press(i % 4 ? ' ' : 'Enter');
        }
        const subs = await waitSubmissions(tab, before + 1);
        assert.deepEqual(subs.slice(before).map((s) => s.texts), [[RISKY]]);
        assert.equal(await guardOpen(), false);

        await typeInto(tab, path, CLEAN);
        await checked(tab, path.composer, CLEAN);
        await path.submit(tab);
        const all = await waitSubmissions(tab, before + 2);
        assert.equal(await guardOpen(), false, 'no guard for a clean post');
        // Counting after the clean post also shows "Post anyway" did not publish twice.
        assert.deepEqual(all.slice(before).map((s) => s.texts), [[RISKY], [CLEAN]]);
      });
    });

    test('a post submitted before its last keystroke was checked is held, not published unguarded', async () => {
      const path = site.paths[0];
      const before = (await submissions(tab)).length;
      await typeInto(tab, path, RISKY);
      // No wait for the check: the last keystroke's answer may still be on its way.
      await path.submit(tab);
      await waitGuard(tab, 'warning');
      assert.equal((await submissions(tab)).length, before);
      await clickGuardButton(tab, 'Post anyway');
      await waitSubmissions(tab, before + 1);

      await typeInto(tab, path, CLEAN);
      await path.submit(tab);
      const subs = await waitSubmissions(tab, before + 2);
      assert.deepEqual(subs.slice(before).map((s) => s.texts), [[RISKY], [CLEAN]]);
      assert.equal(await uiNow(tab, '[role="alertdialog"]'), null);
    });
  });
}
