// "Enable on this site" from the popup, for the Mastodon practice page: the popup (opened as a tab
// targeting the page's tab, see popup-helpers.mjs) is clicked as a person would; the extension
// asks for the origin's host permission, the background registers the content scripts, and the
// popup reloads the page. On the stock extension the browser would show its permission prompt,
// which Playwright cannot answer: these run on the 'mastodon-granted' copy (fault-copies.mjs),
// where the permission is already granted and permissions.request resolves true at once.
/* global chrome, document -- used inside functions evaluated in the browser */
import { WAIT } from './harness.mjs';
import { openPopup, tabIdOf } from './popup-helpers.mjs';

/** The content scripts the extension has registered at run time (from an extension page). */
export async function registered(session) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
  const list = await page.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  await page.close();
  return list;
}

/**
 * Opens `url` (no content script there yet), presses "Enable on this site" in the popup and waits
 * until the page has reloaded with the content script running; returns the page and the popup.
 */
export async function enableFromPopup(session, url) {
  const page = await session.context.newPage();
  await page.goto(url);
  const id = await tabIdOf(session, page);
  const popup = await openPopup(session, id);
  const enable = popup.locator('#runtime-site-enable');
  await enable.waitFor({ state: 'visible', timeout: WAIT });
  const reloaded = page.waitForEvent('load', { timeout: WAIT });
  await enable.click();
  await reloaded;
  await popup.locator('#runtime-site-disable').waitFor({ state: 'visible', timeout: WAIT });
  // The content script's UI host appears once main.js has run and drawn anything; its namespace
  // is in the isolated world, so the page proves it ran by the layer host on first focus.
  await page.locator('.compose-form textarea').click();
  await page.waitForFunction(() => !!document.querySelector('second-opinion-ui'), undefined, { timeout: WAIT });
  return { page, popup };
}
