// "Check a draft" (extension/draft/draft.html) and the context-menu item "Check with Second
// Opinion": the page flags what the sites flag, with the same cards and fixes, keeps the draft
// across a reload (chrome.storage.session), copies it, follows dark mode and makes no network
// requests; the popup opens it; the menu item's click handler (called through the service
// worker, since a native context menu cannot be clicked from Playwright) opens it with a
// selection or a field's text, or empty with a message when the page cannot be read.
// Every wait is on a condition; no sleeps, no retries.
/* global chrome, document -- used inside functions evaluated in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, Tab, WAIT } from './harness.mjs';
import { tabIdOf } from './popup-helpers.mjs';
import { clickHighlight, pressFix, waitUi } from './ui.mjs';

const NHS = '943 476 5919';
const RISKY = `Saw a patient today, NHS no ${NHS}. Honestly Mounjaro has changed how I manage weight in clinic.`;
const X_COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';
const MENU_ID = 'second-opinion-check';

describe('Check a draft', () => {
  /** @type {import('./harness.mjs').Session} */
  let session;
  let visits = 0;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  const draftUrl = () => `chrome-extension://${session.extensionId}/extension/draft/draft.html`;

  /** A Tab (harness.mjs) for a draft page: the content-script modules run in its main world. */
  async function draftTab(page) {
    const cdp = await session.context.newCDPSession(page);
    /** @type {string[]} */
    const requests = [];
    cdp.on('Network.requestWillBeSent', ({ request }) => requests.push(request.url));
    await cdp.send('Network.enable');
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: WAIT });
    const tab = new Tab(page, cdp, undefined);
    return Object.assign(tab, {
      /** Requests the page made that did not stay inside the extension. */
      foreign: () => requests.filter((u) => !u.startsWith(`chrome-extension://${session.extensionId}/`)),
    });
  }

  async function openDraft(url = draftUrl()) {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    /** @type {string[]} */
    const early = [];
    cdp.on('Network.requestWillBeSent', ({ request }) => early.push(request.url));
    await cdp.send('Network.enable');
    await page.goto(url);
    const tab = await draftTab(page);
    const foreign = tab.foreign;
    tab.foreign = () => [...early.filter((u) => !u.startsWith(`chrome-extension://${session.extensionId}/`)), ...foreign()];
    return tab;
  }

  /** Waits until the draft's composer has been checked for exactly `text`. */
  const checked = (tab, text) =>
    tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0];
        return c && c.read().text === ${JSON.stringify(text)} && !c.inFlight && c.checkedText === c.text; })()`,
      WAIT,
      `draft checked with ${JSON.stringify(text)}`,
    );

  const findings = (tab) =>
    tab.isolated(`SecondOpinion.composers()[0].visibleFindings().map((f) => ({rule: f.rule, category: f.category, text: f.text}))`);

  /** The extension's service worker, woken first (it may have been stopped while idle). */
  async function worker() {
    const helper = await session.context.newPage();
    await helper.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
    await helper.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
    await helper.close();
    const w = session.context.serviceWorkers().filter((s) => s.url().startsWith(`chrome-extension://${session.extensionId}/`)).at(-1);
    assert.ok(w, 'the service worker is running');
    return w;
  }

  /** Calls the context-menu click handler with `info` for tab `tabId`; returns the draft page it opened. */
  async function clickMenu(info, tabId) {
    const w = await worker();
    const [page] = await Promise.all([
      session.context.waitForEvent('page', { timeout: WAIT }),
      w.evaluate(
        ([i, id]) => globalThis.SecondOpinionBackground.onContextMenuClicked(i, { id, index: 0 }),
        [{ menuItemId: MENU_ID, frameId: 0, ...info }, tabId],
      ),
    ]);
    await page.waitForURL(/\/extension\/draft\/draft\.html\?id=[\w-]+$/, { timeout: WAIT });
    return draftTab(page);
  }

  test('flags an NHS number and a brand, and a fix from its card changes the text', { timeout: 60_000 }, async () => {
    const tab = await openDraft();
    assert.match(tab.page.url(), /draft\.html\?id=[\w-]+$/, 'the page names its draft in its address');
    await tab.page.locator('#draft').click();
    await tab.page.keyboard.type(RISKY);
    await checked(tab, RISKY);
    const found = await findings(tab);
    assert.ok(found.some((f) => f.rule === 'nhs-number' && f.text === NHS), JSON.stringify(found));
    assert.ok(found.some((f) => f.category === 'conflict_of_interest' && f.text === 'Mounjaro'), JSON.stringify(found));
    const h = await tab.highlights();
    assert.deepEqual(h['so-confidentiality-warning'], [NHS], JSON.stringify(h));
    assert.deepEqual(h['so-coi-warning'], ['Mounjaro'], JSON.stringify(h));
    await waitUi(tab, '.badge[data-state="warning"]');

    // A click on the highlighted number opens its card; its fix goes in through the same path.
    assert.ok(await clickHighlight(tab, { rule: 'nhs-number' }), 'an NHS number to click');
    const fix = '.card button[data-fix="0"]';
    assert.equal((await waitUi(tab, fix)).text, 'Remove the NHS number');
    // What the fix says it does (its range, else the finding's span, replaced).
    const expected = await tab.isolated(
      `(() => { const c = SecondOpinion.composers()[0]; const f = c.visibleFindings().find((f) => f.rule === 'nhs-number');
        const x = f.fixes[0]; return c.text.slice(0, x.start ?? f.start) + x.replacement + c.text.slice(x.end ?? f.end); })()`,
    );
    assert.deepEqual(await pressFix(tab, fix), { status: 'applied', card: null });
    const fixed = await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; const t = c.read().text;
        return !t.includes(${JSON.stringify(NHS)}) && !c.inFlight && c.checkedText === t && t; })()`,
      WAIT,
      'the NHS number removed and the text checked again',
    );
    assert.equal(fixed, expected);
    assert.equal(fixed, 'Saw a patient today,. Honestly Mounjaro has changed how I manage weight in clinic.');
    assert.equal(await tab.main(() => document.getElementById('draft').textContent), fixed, 'the box shows the fixed text');
    assert.deepEqual((await tab.highlights())['so-confidentiality-warning'] ?? [], []);
    assert.deepEqual(tab.foreign(), [], 'no network requests');
    await tab.page.close();
  });

  test('keeps the draft across a reload', { timeout: 60_000 }, async () => {
    const tab = await openDraft();
    const url = tab.page.url();
    const key = `draft:${new URL(url).searchParams.get('id')}`;
    await tab.page.locator('#draft').click();
    await tab.page.keyboard.type(RISKY);
    await checked(tab, RISKY);
    await tab.waitIsolated(
      `chrome.storage.session.get(${JSON.stringify(key)}).then((s) => s[${JSON.stringify(key)}]?.text === ${JSON.stringify(RISKY)})`,
      WAIT,
      'the draft stored in chrome.storage.session',
    );
    await tab.page.reload();
    await tab.page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: WAIT });
    assert.equal(tab.page.url(), url, 'the same draft id after the reload');
    await checked(tab, RISKY);
    await tab.waitHighlights([NHS, 'Mounjaro']);
    // Only in memory: nothing of it in the storage areas that reach the disk or other browsers.
    const other = await tab.main(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
    assert.ok(!other.includes('Mounjaro'), other);
    assert.deepEqual(tab.foreign(), [], 'no network requests');
    await tab.page.close();
  });

  test('"Copy text" puts exactly the draft on the clipboard', { timeout: 60_000 }, async () => {
    // Chromium grants clipboard permissions to web origins only: the clipboard is read back on
    // the X practice page, as the edit-sequence tests use it.
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
    const site = await session.open(`https://x.com/home?draft-test=${++visits}`);
    await site.main(() => navigator.clipboard.writeText('something else'));
    const tab = await openDraft();
    await tab.page.bringToFront();
    await tab.page.locator('#draft').click();
    await tab.page.keyboard.type('First line of the post');
    await tab.page.keyboard.press('Enter');
    await tab.page.keyboard.type(`NHS ${NHS}`);
    const text = `First line of the post\nNHS ${NHS}`;
    await checked(tab, text);
    await tab.page.locator('#copy').click();
    await tab.page.locator('#copy-status', { hasText: 'Copied.' }).waitFor({ timeout: WAIT });
    await site.page.bringToFront();
    assert.equal(await site.main(() => navigator.clipboard.readText()), text);
    assert.deepEqual(tab.foreign(), [], 'no network requests');
    await tab.page.close();
    await site.page.close();
  });

  test('the card and badge follow dark mode as on a dark site', { timeout: 60_000 }, async () => {
    const tab = await openDraft();
    await tab.page.emulateMedia({ colorScheme: 'dark' });
    await tab.page.locator('#draft').click();
    await tab.page.keyboard.type(RISKY);
    await checked(tab, RISKY);
    await tab.page.keyboard.press('Alt+Enter');
    await waitUi(tab, '.card');
    assert.equal(await tab.isolated(`SecondOpinion.ui.layer().dataset.theme`), 'dark');
    // The page's own background is dark too (the theme is read from it, not assumed).
    assert.equal(await tab.isolated(`SecondOpinion.ui.pageIsDark(document.getElementById('draft'))`), true);
    await tab.page.keyboard.press('Escape');
    await tab.page.close();
  });

  test('the popup\'s "Check a draft" opens the page, empty', { timeout: 60_000 }, async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
    await popup.waitForFunction(() => document.body.dataset.loaded === 'true', null, { timeout: WAIT });
    const [page] = await Promise.all([session.context.waitForEvent('page', { timeout: WAIT }), popup.locator('#open-draft').click()]);
    await page.waitForURL(/\/extension\/draft\/draft\.html/, { timeout: WAIT });
    const tab = await draftTab(page);
    assert.equal(await tab.main(() => document.getElementById('draft').textContent), '');
    assert.equal(await tab.main(() => document.getElementById('notice').hidden), true);
    await checked(tab, '');
    await page.close();
    if (!popup.isClosed()) await popup.close();
  });

  test('the context-menu item exists and, on a selection, opens the page with the selected text', { timeout: 60_000 }, async () => {
    const w = await worker();
    const exists = await w.evaluate(
      (id) => new Promise((resolve) => chrome.contextMenus.update(id, {}, () => resolve(!chrome.runtime.lastError))),
      MENU_ID,
    );
    assert.equal(exists, true, 'the menu item was created at install');
    const site = await session.open(`https://x.com/home?draft-test=${++visits}`);
    await site.main(() => {
      const p = document.createElement('p');
      p.id = 'so-test-selection';
      p.append('Reviewed in clinic today,', document.createElement('br'), `NHS no ${'943 476 5919'}`);
      document.body.append(p);
      document.getSelection().selectAllChildren(p);
    });
    const tabId = await tabIdOf(session, site.page);
    // Chrome's selectionText loses line breaks; the handler reads the selection from the page.
    const tab = await clickMenu({ selectionText: `Reviewed in clinic today, NHS no ${NHS}` }, tabId);
    const text = `Reviewed in clinic today,\nNHS no ${NHS}`;
    await checked(tab, text);
    await tab.waitHighlights([NHS]);
    assert.equal(await tab.main(() => document.getElementById('notice').hidden), true);
    assert.deepEqual(tab.foreign(), [], 'no network requests');
    await tab.page.close();
    await site.page.close();
  });

  test('on an editable field, the page opens with the field\'s text', { timeout: 60_000 }, async () => {
    const site = await session.open(`https://x.com/home?draft-test=${++visits}`);
    await site.page.locator(X_COMPOSER).click();
    await site.page.keyboard.type(`Discharged today, NHS ${NHS}`);
    await site.page.keyboard.press('Enter');
    await site.page.keyboard.type('Honestly Mounjaro is a game changer');
    const typed = `Discharged today, NHS ${NHS}\nHonestly Mounjaro is a game changer`;
    await site.waitIsolated(`SecondOpinion.composers()[0]?.read().text === ${JSON.stringify(typed)}`);
    const tabId = await tabIdOf(session, site.page);
    const tab = await clickMenu({ editable: true }, tabId);
    await checked(tab, typed);
    await tab.waitHighlights([NHS, 'Mounjaro']);
    assert.deepEqual(tab.foreign(), [], 'no network requests');
    await tab.page.close();
    await site.page.close();
  });

  test('a field the extension may not read opens the page empty, saying so', { timeout: 60_000 }, async () => {
    const w = await worker();
    const ids = () => w.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id));
    const before = new Set(await ids());
    const page = await session.context.newPage();
    await page.goto('data:text/html,<textarea id="t" autofocus>NHS 943 476 5919</textarea>');
    await page.locator('#t').focus();
    const added = (await ids()).filter((id) => !before.has(id));
    assert.equal(added.length, 1, `one new tab: ${added}`);
    const tab = await clickMenu({ editable: true }, added[0]);
    await tab.page.locator('#notice', { hasText: "couldn't read that field" }).waitFor({ timeout: WAIT });
    assert.equal(await tab.main(() => document.getElementById('draft').textContent), '');
    await checked(tab, '');
    // Writing in the box clears the message.
    await tab.page.locator('#draft').click();
    await tab.page.keyboard.type(`NHS ${NHS}`);
    await checked(tab, `NHS ${NHS}`);
    assert.equal(await tab.main(() => document.getElementById('notice').hidden), true);
    await tab.page.close();
    await page.close();
  });
});
