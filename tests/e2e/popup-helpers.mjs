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
