// Mastodon at https://mastodon.social/ (the practice host; React-controlled textarea composer,
// highlighted through the mirror). Mastodon has no fixed hosts: the doctor enables an instance from
// the popup. First that path (stock extension: nothing runs there and the background refuses to
// register without the permission; granted copy: Enable registers and starts checking, Disable
// undoes it), then the shared site suite on the enabled instance. See runtime-site.mjs for what
// stands in for the permission prompt.
/* global chrome, document -- used inside functions evaluated in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { extensionCopy } from './fault-copies.mjs';
import { launch } from './harness.mjs';
import { siteSuite } from './flows.mjs';
import { openPopup } from './popup-helpers.mjs';
import { enableFromPopup, registered } from './runtime-site.mjs';

const URL_ = 'https://mastodon.social/';
const COMPOSER = '.drawer .compose-form textarea.autosuggest-textarea__textarea';

describe('Mastodon: nothing runs until enabled (stock extension)', { timeout: 120_000 }, () => {
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => session?.close());

  test('no content script on mastodon.social, and the background will not register one without the permission', async () => {
    const page = await session.context.newPage();
    await page.goto(URL_);
    await page.locator(COMPOSER).click();
    await page.keyboard.type('NHS 943 476 5919');
    const ext = await session.context.newPage();
    await ext.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
    const reply = await ext.evaluate((o) => chrome.runtime.sendMessage({ type: 'site:enable', origin: o }), 'https://mastodon.social');
    assert.deepEqual(reply, { ok: false, error: 'no permission for this site' });
    const granted = await ext.evaluate(() => chrome.permissions.contains({ origins: ['https://mastodon.social/*'] }));
    assert.equal(granted, false, 'no host permission installed');
    assert.deepEqual(await registered(session), []);
    // The page was never touched: the content script's UI host would be on it by now.
    assert.equal(await page.evaluate(() => !!document.querySelector('second-opinion-ui')), false);
    await ext.close();
    await page.close();
  });
});

describe('Mastodon: "Enable on this site" and "Disable on this site" in the popup', { timeout: 120_000 }, () => {
  let session;
  let copy;
  before(async () => {
    copy = extensionCopy('mastodon-granted');
    session = await launch({ extensionDir: copy.dir });
  });
  after(async () => {
    await session?.close();
    copy?.remove();
  });

  test('Enable registers the content scripts for the origin (persisted) and the page is checked; Disable removes them', async () => {
    const { page, popup } = await enableFromPopup(session, URL_);
    const list = await registered(session);
    assert.equal(list.length, 1);
    assert.deepEqual(list[0].matches, ['https://mastodon.social/*']);
    assert.equal(list[0].persistAcrossSessions, true);
    assert.equal(list[0].runAt, 'document_start');
    assert.match(await popup.locator('#runtime-site-text').textContent(), /checks posts on mastodon\.social/);

    // Checked as on the other sites: the badge counts the warning (the UI is in a closed shadow
    // root, so the popup's own view of the post is read instead).
    await page.keyboard.type('Call re NHS 943 476 5919');
    const again = await openPopup(session, page);
    await again.waitForFunction(() => /NHS number|943 476 5919/.test(document.getElementById('findings')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await again.close();

    const reloaded = page.waitForEvent('load');
    await popup.locator('#runtime-site-disable').click();
    await reloaded;
    await popup.locator('#runtime-site-enable').waitFor({ state: 'visible' });
    assert.deepEqual(await registered(session), []);
    await page.locator(COMPOSER).click();
    await page.keyboard.type('NHS 943 476 5919');
    assert.equal(await page.evaluate(() => !!document.querySelector('second-opinion-ui')), false, 'no content script after Disable');
    await popup.close();
    await page.close();
  });
});

siteSuite({
  name: 'Mastodon (React textarea, enabled at run time)',
  url: URL_,
  composer: COMPOSER,
  modelKey: 'main',
  submitButton: '.drawer .compose-form__publish button[type="submit"]',
  keySubmit: { key: 'Control+Enter', modelKey: 'main' },
  later: [
    {
      label: 'New post',
      open: async (page) => {
        await page.locator('[data-fixture="open-modal"]').click();
        return '[data-fixture="modal"]';
      },
    },
  ],
  pagePaths: ['/', '/textarea.js', '/page.css', '/favicon.ico'],
  copy: 'mastodon-granted',
  setup: async (session) => {
    const { page, popup } = await enableFromPopup(session, URL_);
    await popup.close();
    await page.close();
  },
});
