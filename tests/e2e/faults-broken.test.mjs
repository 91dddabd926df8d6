// Fault tests with a broken or unsteady checker: the WASM file broken, the worker script broken
// (temporary copies of the extension, fault-copies.mjs), and the real worker stopped over and
// over while the doctor types and posts. In each: a risky post is never published unguarded, a
// clean post is never blocked for good, and a checker that cannot work is reported as such in
// the page (badge, list, guard), on the toolbar and in the popup — never as "nothing to flag".
// Every wait is on a condition; no sleeps, no retries.
/* global chrome, document -- used inside functions evaluated in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { extensionCopy } from './fault-copies.mjs';
import { CLEAN, FACEBOOK, NHS, RISKY, X, submissions, typeInto, waitSubmissions } from './guard-sites.mjs';
import { openPopup, tabIdOf } from './popup-helpers.mjs';
import { clickGuardButton, clickUi, waitGuard, waitUi, waitUiGone } from './ui.mjs';

const CANT = "Second Opinion can't check posts right now";

/** Risky and clean posts through `path` against a checker that does not work. */
async function guardedWhileBroken(tab, path, { firstWait }) {
  const n = (await submissions(tab)).length;
  await typeInto(tab, path, RISKY);
  await path.submit(tab);
  const unchecked = await waitGuard(tab, 'unchecked', firstWait);
  assert.match(unchecked.text, /This post has not been checked/);
  assert.equal((await submissions(tab)).length, n, 'risky: nothing published while the guard asks');
  await clickGuardButton(tab, 'Review post');
  await waitUiGone(tab, '[role="alertdialog"]');
  assert.equal((await submissions(tab)).length, n, '"Review post" publishes nothing');
  await tab.page.locator(path.composer).click();
  await path.submit(tab);
  await waitGuard(tab, 'unchecked', firstWait);
  await clickGuardButton(tab, 'Post anyway');
  await waitSubmissions(tab, n + 1);

  await typeInto(tab, path, CLEAN);
  await path.submit(tab);
  await waitGuard(tab, 'unchecked', firstWait);
  await clickGuardButton(tab, 'Post anyway');
  const subs = await waitSubmissions(tab, n + 2);
  assert.deepEqual(subs.slice(n).map((s) => s.texts), [[RISKY], [CLEAN]], 'each published once, when the doctor chose');
}

/** The popup's status line and empty state for `tab`. */
async function popupSays(session, tab) {
  const popup = await openPopup(session, tab.page);
  await popup.locator('#empty-state').waitFor();
  const said = {
    status: await popup.locator('#checker-status').textContent(),
    state: await popup.locator('#empty-state').textContent(),
  };
  await popup.close();
  return said;
}

for (const fault of /** @type {const} */ (['broken-wasm', 'broken-worker'])) {
  describe(`a ${fault === 'broken-wasm' ? 'WASM file' : 'worker script'} that fails to load`, { timeout: 240_000 }, () => {
    /** @type {ReturnType<typeof extensionCopy>} */
    let copy;
    /** @type {import('./harness.mjs').Session} */
    let session;
    before(async () => {
      copy = extensionCopy(fault);
      session = await launch({ extensionDir: copy.dir, expectWorker: fault !== 'broken-worker' });
    });
    after(async () => {
      await session?.close();
      copy?.remove();
    });

    test('is reported on the badge, in the list, in the popup (and on the toolbar)', async () => {
      const tab = await session.open(X.url);
      await typeInto(tab, X.paths[0], RISKY);
      const typed = Date.now();
      // Without a worker nothing answers: the request times out (10 s) and then says so.
      const badge = await waitUi(tab, '.badge[data-state="error"]', { timeout: 20_000 });
      console.log(`# ${fault}: the badge said so ${Date.now() - typed} ms after the last keystroke`);
      assert.equal(badge.text, '!');
      assert.equal(badge.label, `${CANT}: this post has not been checked`);
      await clickUi(tab, '.badge');
      const panel = await waitUi(tab, '.panel');
      assert.match(panel.text, new RegExp(`^${CANT}`));
      assert.doesNotMatch(panel.text, /nothing to flag/);

      const popup = await popupSays(session, tab);
      assert.match(popup.status, new RegExp(CANT));
      assert.equal(popup.state, `${CANT}, so this post has not been checked.`);
      if (fault === 'broken-wasm') {
        // The worker runs and knows: the toolbar shows "!" for the tab.
        const id = await tabIdOf(session, tab.page);
        const page = await session.context.newPage();
        await page.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
        const toolbar = await page.evaluate(
          async (tabId) => ({ text: await chrome.action.getBadgeText({ tabId }), title: await chrome.action.getTitle({ tabId }) }),
          id,
        );
        assert.deepEqual(toolbar, { text: '!', title: CANT });
        await page.close();
      }
      await tab.page.close();
    });

    for (const site of [X, FACEBOOK]) {
      test(`the guard on ${site.name} says the post was not checked and lets the doctor choose`, async () => {
        const tab = await session.open(site.url);
        // A broken WASM build answers at once; a missing worker only by the guard's bound.
        const firstWait = fault === 'broken-wasm' ? 5000 : 10_000;
        await guardedWhileBroken(tab, site.paths[0], { firstWait });
        await guardedWhileBroken(tab, site.paths.at(-1), { firstWait });
        await tab.page.close();
      });
    }
  });
}

describe('the worker stopped again and again while posting', { timeout: 300_000 }, () => {
  /** @type {ReturnType<typeof extensionCopy>} */
  let copy;
  /** @type {import('./harness.mjs').Session} */
  let session;
  before(async () => {
    // Answers held back 400 ms, so that every stop lands while a check is on its way (a real
    // check takes ~3 ms, and stops between checks test nothing).
    copy = extensionCopy('delayed');
    session = await launch({ extensionDir: copy.dir });
  });
  after(async () => {
    await session?.close();
    copy?.remove();
  });

  test('16 posts, the worker stopped three times mid-check before each: no risky post unguarded, every clean post out once', async () => {
    const tab = await session.open(X.url);
    await tab.isolated(`SecondOpinion.ext.storage.local.set({ 'test:checkDelayMs': 400 })`);
    const path = X.paths[3]; // Ctrl+Enter
    for (let round = 0; round < 16; round++) {
      const risky = round % 2 === 0;
      const text = `${risky ? RISKY : CLEAN} (${round})`;
      const n = (await submissions(tab)).length;
      await typeInto(tab, path, text);
      for (let k = 0; k < 3; k++) {
        await tab.waitIsolated('SecondOpinion.composers().some((c) => c.inFlight)');
        await session.stopServiceWorkers(tab);
      }
      await path.submit(tab);
      if (risky) {
        // "Not checked" may come first if the stops made a check fail twice; the retry then
        // answers and the dialog shows the warning. Nothing is published meanwhile.
        const warning = await waitGuard(tab, 'warning');
        assert.match(warning.text, new RegExp(NHS), `round ${round}`);
        assert.equal((await submissions(tab)).length, n, `round ${round}: risky post not published unguarded`);
        await clickGuardButton(tab, 'Post anyway');
      } else {
        // Either released by the answer (the fixture then empties the composer), or asked about.
        const out = await tab.waitIsolated(
          `(() => { const phase = SecondOpinion.guard.phase;
            if (phase === 'unchecked' || phase === 'checked') return phase;
            const el = document.querySelector(${JSON.stringify(path.composer)});
            return !phase && el && SecondOpinion.composers().find((c) => c.el === el)?.read().text === '' && 'posted'; })()`,
        );
        if (out === 'unchecked' || out === 'checked') {
          await waitGuard(tab, 'checked');
          await clickGuardButton(tab, 'Post');
        }
      }
      const subs = await waitSubmissions(tab, n + 1);
      assert.deepEqual(subs.slice(n).map((s) => s.texts), [[text]], `round ${round}`);
    }
    // Checking came back for good: the composer is not left on an error.
    await typeInto(tab, path, 'Back to normal.');
    await waitUi(tab, '.badge[data-state="clean"]');
    const errors = await tab.isolated('SecondOpinion.composers().filter((c) => c.checkerError).length');
    assert.equal(errors, 0);
    const phases = await tab.isolated('SecondOpinion.stats.guard');
    console.log(`# worker stopped 48 times mid-check over 16 posts; guard dialogs shown: ${JSON.stringify(phases)}`);
    assert.equal(phases.warning, 8, 'every risky post was stopped by its warning');
    assert.equal(await tab.main(() => document.title), 'Home / X');
    await tab.page.close();
  });
});
