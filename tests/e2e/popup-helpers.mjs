// Helpers for the popup and options tests: extension pages opened as tabs, tab ids, storage.
/* global chrome, document -- used inside functions evaluated in the browser */

/**
 * The id of the browser tab showing `page` (found by URL from an extension page; the extension's
 * host permissions make x.com and facebook.com URLs visible to chrome.tabs.query).
 * @param {import('./harness.mjs').Session} session
 * @param {import('playwright-core').Page} page
 */
export async function tabIdOf(session, page) {
  const helper = await session.context.newPage();
  await helper.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
  const url = page.url();
  const ids = await helper.evaluate(
    async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id),
    url,
  );
  await helper.close();
  if (ids.length !== 1) throw new Error(`expected one tab at ${url}, found ${ids.length}`);
  return ids[0];
}

/**
 * Opens the popup page as a tab targeting the tab of `page` (or an explicit tab id).
 * @param {import('./harness.mjs').Session} session
 * @param {import('playwright-core').Page|number} target
 */
export async function openPopup(session, target) {
  const id = typeof target === 'number' ? target : await tabIdOf(session, target);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=${id}`);
  await popup.waitForFunction(() => document.body.dataset.loaded === 'true');
  return popup;
}

/** Opens the options page. */
export async function openOptions(session) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/extension/options/options.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

/** The settings object as stored in chrome.storage.sync (read from an extension page). */
export function storedSettings(extensionPage) {
  return extensionPage.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? null);
}

/**
 * Waits until the stored settings satisfy `check` (run here, in Node); returns them. Between
 * reads it waits for the next change to chrome.storage (at most a second, so a change between a
 * read and the listener is not missed). page.waitForFunction cannot do this: it takes the
 * promise an async predicate returns for a truthy answer.
 * @param {import('playwright-core').Page} extensionPage
 * @param {(settings: any) => boolean} check
 */
export async function waitForSettings(extensionPage, check, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const settings = await storedSettings(extensionPage);
    if (check(settings)) return settings;
    if (Date.now() > deadline) throw new Error(`timed out waiting for stored settings (last: ${JSON.stringify(settings)})`);
    await extensionPage.evaluate(
      () =>
        new Promise((resolve) => {
          const listener = () => done();
          const timer = setTimeout(() => done(), 1000);
          function done() {
            clearTimeout(timer);
            chrome.storage.onChanged.removeListener(listener);
            resolve(undefined);
          }
          chrome.storage.onChanged.addListener(listener);
        }),
    );
  }
}
