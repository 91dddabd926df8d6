// Fault tests with a slow checker: a copy of the extension whose worker holds check answers back
// for chrome.storage.local["test:checkDelayMs"] (fault-copies.mjs; the hook is never shipped).
// A risky post is never published unguarded; a clean post is never blocked for good.
// Every wait is on a condition; no sleeps, no retries.
/* global window, document -- used inside functions evaluated in the page */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { extensionCopy } from './fault-copies.mjs';
import { CLEAN, FACEBOOK, NHS, RISKY, X, shows, submissions, typeInto, waitSubmissions } from './guard-sites.mjs';
import { clickGuardButton, uiNow, waitGuard, waitUi, waitUiGone } from './ui.mjs';

/** The guard's bound (GUARD_WAIT_MS in guard.js) and the request timeout (namespace.js). */
const GUARD_WAIT = 4000;
const REQUEST_TIMEOUT = 10_000;

describe('a slow checker', { timeout: 300_000 }, () => {
  /** @type {ReturnType<typeof extensionCopy>} */
  let copy;
  /** @type {import('./harness.mjs').Session} */
  let session;
  /** @type {import('./harness.mjs').Tab} */
  let tab;
  /** @type {import('./harness.mjs').Tab} */
  let fb;
  const xPath = X.paths[0]; // a click on Post
  const ctrlEnter = X.paths[3];

  before(async () => {
    copy = extensionCopy('delayed');
    session = await launch({ extensionDir: copy.dir });
    tab = await session.open(X.url);
    fb = await session.open(FACEBOOK.url);
  });
  after(async () => {
    await session?.close();
    copy?.remove();
  });

  const setDelay = (ms) => tab.isolated(`SecondOpinion.ext.storage.local.set({ 'test:checkDelayMs': ${ms} })`);
  const count = async (t = tab) => (await submissions(t)).length;

  test('an answer within the bound: "Checking…" holds the post and the answer decides', async () => {
    await setDelay(1500);
    const n = await count();
    await typeInto(tab, xPath, RISKY);
    await xPath.submit(tab);
    const checking = await waitGuard(tab, 'checking');
    assert.match(checking.text, /Checking…/);
    await waitGuard(tab, 'warning');
    assert.equal(await count(), n, 'held, then stopped by the warning');
    await clickGuardButton(tab, 'Post anyway');
    await waitSubmissions(tab, n + 1);

    await typeInto(tab, xPath, CLEAN);
    await xPath.submit(tab);
    await waitGuard(tab, 'checking');
    assert.equal(await count(), n + 1, 'not published before the answer');
    const subs = await waitSubmissions(tab, n + 2);
    assert.deepEqual(subs.slice(n).map((s) => s.texts), [[RISKY], [CLEAN]], 'the answer released the clean post once');
    await waitUiGone(tab, '[role="alertdialog"]');
  });

  test('no answer within the bound: the guard says the post was not checked; a late answer updates it', async () => {
    await setDelay(GUARD_WAIT + 2500);
    const n = await count();
    // Risky: "not checked" first (nothing published), then the late answer shows the warning.
    await typeInto(tab, ctrlEnter, RISKY);
    const pressed = Date.now();
    await ctrlEnter.submit(tab);
    const unchecked = await waitGuard(tab, 'unchecked', GUARD_WAIT + 5000);
    const waited = Date.now() - pressed;
    assert.ok(waited >= GUARD_WAIT - 200, `asked after ${waited} ms`);
    console.log(`# no answer: "not checked" shown ${waited} ms after Ctrl+Enter`);
    assert.match(unchecked.text, /This post has not been checked/);
    assert.match(unchecked.text, /did not answer within 4 seconds/);
    assert.equal(await count(), n);
    const warning = await waitGuard(tab, 'warning', 10_000);
    assert.match(warning.text, new RegExp(NHS));
    await clickGuardButton(tab, 'Review post');
    await waitUiGone(tab, '[role="alertdialog"]');
    assert.equal(await count(), n, '"Review post" publishes nothing');

    // Clean, and the doctor chooses before the answer comes: published once.
    await tab.page.keyboard.press('Control+a');
    await tab.page.keyboard.type(CLEAN);
    await ctrlEnter.submit(tab);
    await waitGuard(tab, 'unchecked', GUARD_WAIT + 5000);
    await clickGuardButton(tab, 'Post anyway');
    await waitSubmissions(tab, n + 1);

    // Clean, and the doctor waits: the late answer says so, and "Post" publishes once.
    await typeInto(tab, ctrlEnter, `${CLEAN} See you there.`);
    await ctrlEnter.submit(tab);
    await waitGuard(tab, 'unchecked', GUARD_WAIT + 5000);
    const checkedNow = await waitGuard(tab, 'checked', 10_000);
    assert.match(checkedNow.text, /found nothing to flag/);
    await clickGuardButton(tab, 'Post');
    const subs = await waitSubmissions(tab, n + 2);
    assert.deepEqual(subs.slice(n).map((s) => s.texts), [[CLEAN], [`${CLEAN} See you there.`]]);
  });

  test('the worker stopped mid-check: the post stays held and the restarted worker decides', async () => {
    await setDelay(1500);
    const status = () => tab.isolated(`SecondOpinion.request({ type: 'status' })`);
    for (const [text, risky] of [[RISKY, true], [CLEAN, false]]) {
      const n = await count();
      await typeInto(tab, xPath, text);
      const before = (await status()).instance;
      await xPath.submit(tab);
      await waitGuard(tab, 'checking');
      await session.stopServiceWorkers(tab);
      if (risky) {
        await waitGuard(tab, 'warning');
        assert.equal(await count(), n, 'risky: never published unguarded');
        await clickGuardButton(tab, 'Post anyway');
      }
      const subs = await waitSubmissions(tab, n + 1);
      assert.deepEqual(subs.slice(n).map((s) => s.texts), [[text]]);
      assert.notEqual((await status()).instance, before, 'the worker was restarted');
    }
  });

  test('the composer replaced mid-check (a re-render): its replacement is checked and decides', async () => {
    await setDelay(1500);
    for (const [site, t] of [[X, tab], [FACEBOOK, fb]]) {
      const path = site.paths[0];
      for (const [text, risky] of [[RISKY, true], [CLEAN, false]]) {
        const n = await count(t);
        await typeInto(t, path, text);
        await path.submit(t);
        await waitGuard(t, 'checking');
        await t.main((sel) => (document.querySelector(sel).__replaced = true), site.composer);
        await t.main((key) => window.__fixtureRemount(key), site.modelKey);
        assert.equal(await t.main((sel) => document.querySelector(sel).__replaced, site.composer), undefined, 'a new element');
        await shows(t, site.composer, text);
        if (risky) {
          await waitGuard(t, 'warning');
          assert.equal(await count(t), n, `${site.name}: risky never published unguarded`);
          await clickGuardButton(t, 'Post anyway');
        }
        const subs = await waitSubmissions(t, n + 1);
        assert.deepEqual(subs.slice(n).map((s) => s.texts), [[text]], site.name);
      }
    }
  });

  test('the composer removed mid-check: nothing is published and the doctor is told', async () => {
    await setDelay(1500);
    const comment = FACEBOOK.paths[3];
    const n = await count(fb);
    await typeInto(fb, comment, RISKY);
    await comment.submit(fb);
    await waitGuard(fb, 'checking');
    await fb.main(() => document.querySelector('[data-fixture="comment-box"]').remove());
    await waitUi(fb, '.notice', { text: 'nothing was posted' });
    await waitUiGone(fb, '[role="alertdialog"]');
    assert.equal(await count(fb), n);
  });

  test('no answer at all: the request times out, the badge and the guard say so', async () => {
    await setDelay(REQUEST_TIMEOUT + 20_000);
    await typeInto(tab, xPath, RISKY);
    const typed = Date.now();
    const badge = await waitUi(tab, '.badge[data-state="error"]', { timeout: REQUEST_TIMEOUT + 5000 });
    console.log(`# no answer at all: the badge said so ${Date.now() - typed} ms after the last keystroke`);
    assert.equal(badge.label, "Second Opinion can't check posts right now: this post has not been checked");
    const n = await count();
    await xPath.submit(tab);
    // Already failing: one more attempt, waited for within the bound, then the doctor is told.
    const unchecked = await waitGuard(tab, 'unchecked', GUARD_WAIT + 5000);
    assert.match(unchecked.text, /can't check posts right now \(no answer from the checker within 10 s\)/);
    assert.equal(await count(), n);
    await clickGuardButton(tab, 'Post anyway');
    await waitSubmissions(tab, n + 1);
    // With answers back to normal the composer recovers by itself.
    await setDelay(0);
    await typeInto(tab, xPath, CLEAN);
    await waitUi(tab, '.badge[data-state="clean"]', { timeout: 20_000 });
    assert.equal(await uiNow(tab, '.badge[data-state="error"]'), null);
  });
});
