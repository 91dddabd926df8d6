// The end-to-end flows, run against each site's fixture (x.test.mjs, facebook.test.mjs).
// Every wait is on a condition (highlights, checked text, submissions); no sleeps, no retries.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { extensionCopy } from './fault-copies.mjs';
import { launch } from './harness.mjs';
import { HOSTS } from './server.mjs';
import { clickGuardButton, clickHighlight, clickUi, pressFix, uiNow, waitGuard, waitUi, waitUiGone } from './ui.mjs';

/**
 * @typedef {{
 *   name: string,
 *   url: string,
 *   composer: string,              // selector of the main composer's editable
 *   modelKey: string,              // window.__fixtureModelText(key) for the main composer
 *   submitButton: string,          // the main composer's Post button
 *   keySubmit: {open?: (page: any) => Promise<string>, key: string, press?: (page: any) => Promise<void>,
 *     modelKey: string} | null,   // press: how to submit by keyboard if not by pressing `key`
 *   later: {open: (page: any) => Promise<string>, label: string}[],  // composers added later
 *   pagePaths: string[],           // the only paths the fixture page itself requests
 *   notSubmit?: {click: string, opens: string},  // a button that must not be guarded, and what it opens
 *   copy?: import('./fault-copies.mjs').Fault,  // run on this copy of the extension (fault-copies.mjs)
 *   setup?: (session: import('./harness.mjs').Session) => Promise<void>,  // before the tests (e.g. enable the site)
 * }} Site
 */

const NHS = '943 476 5919';

/** @param {Site} site */
export function siteSuite(site) {
  describe(`${site.name}`, { timeout: 180_000 }, () => {
    /** @type {import('./harness.mjs').Session} */
    let session;
    /** Every http(s) request the browser context saw (pages, workers, the extension). */
    const contextRequests = [];

    /** @type {{dir: string, remove: () => void}|null} */
    let copy = null;

    before(async () => {
      copy = site.copy ? extensionCopy(site.copy) : null;
      session = await launch(copy ? { extensionDir: copy.dir } : {});
      session.context.on('request', (r) => contextRequests.push(r.url()));
      await site.setup?.(session);
    });
    after(async () => {
      await session?.close();
      copy?.remove();
    });

    /** Opens a fresh fixture page with the main composer focused. */
    async function fresh() {
      const tab = await session.open(site.url);
      await tab.page.locator(site.composer).click();
      return tab;
    }

    /** Waits until the composer at `selector` shows `text` and it has been checked. */
    async function checked(tab, selector, text) {
      await tab.page.locator(selector).waitFor();
      return tab.waitIsolated(
        `(() => { const el = document.querySelector(${JSON.stringify(selector)});
          const c = SecondOpinion.composers().find((c) => c.el === el);
          return c && c.read().text === ${JSON.stringify(text)} && !c.inFlight && c.checkedText === c.text
            && SecondOpinion.composers().every((o) => !o.inFlight); })()`,
        undefined,
        `composer ${selector} checked with text ${JSON.stringify(text)}`,
      );
    }

    /** Highlighted texts (all styles but focus), sorted. */
    async function highlighted(tab) {
      const h = await tab.highlights();
      return Object.entries(h)
        .filter(([n]) => !n.startsWith('so-focus'))
        .flatMap(([, v]) => v)
        .sort();
    }

    const model = (tab, key = site.modelKey) => tab.main((k) => window.__fixtureModelText(k), key);
    const submissions = (tab) => tab.main(() => window.__fixture.submissions);
    /**
     * Waits until the editor would start a new undo step (Quill groups every change within 1 s
     * of a group's first one), so that Ctrl+Z after a fix undoes the fix alone. Other fixtures
     * start a new step at once.
     */
    const undoGroupClosed = (tab) => tab.page.waitForFunction(() => !window.__fixtureUndoGroupOpen?.());
    const dialogShown = async (tab) => !!(await uiNow(tab, '[role="alertdialog"]'));

    test('an NHS number after an emoji is highlighted exactly, and editing it away clears it', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      const text = `Quick note 🩺👍 NHS ${NHS}`;
      await tab.page.keyboard.type(text);
      await checked(tab, site.composer, text);
      const h = await tab.highlights();
      assert.deepEqual(h['so-confidentiality-warning'], [NHS]);
      assert.deepEqual(await highlighted(tab), [NHS]);
      assert.equal(await model(tab), text);
      for (let i = 0; i < NHS.length; i++) await tab.page.keyboard.press('Backspace');
      await checked(tab, site.composer, 'Quick note 🩺👍 NHS ');
      assert.deepEqual(await highlighted(tab), []);
      await tab.page.close();
    });

    test('a brand without a declaration is highlighted; "Disclosure:" clears it', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      const text = 'Honestly Mounjaro has changed how I manage weight in clinic.';
      await tab.page.keyboard.type(text);
      await checked(tab, site.composer, text);
      const h = await tab.highlights();
      assert.deepEqual(h['so-coi-warning'], ['Mounjaro'], `highlights: ${JSON.stringify(h)}`);
      const declared = `${text} Disclosure: I have no links to any drug company.`;
      await tab.page.keyboard.type(' Disclosure: I have no links to any drug company.');
      await checked(tab, site.composer, declared);
      assert.deepEqual((await tab.highlights())['so-coi-warning'] ?? [], []);
      await tab.page.close();
    });

    test('a fix applies through the editor, keeps its model in step, and Ctrl+Z undoes it', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      const text = `Update 🙂 NHS ${NHS} done`;
      await tab.page.keyboard.type(text);
      await checked(tab, site.composer, text);
      await undoGroupClosed(tab);
      // Open the card with the keyboard shortcut (caret at the end: the card for the next finding).
      await tab.page.keyboard.press('Alt+Enter');
      const fix = '.card button[data-fix="0"]';
      assert.equal((await waitUi(tab, fix)).text, 'Remove the NHS number');
      assert.deepEqual(await pressFix(tab, fix), { status: 'applied', card: null });
      // The removal takes the "NHS" label and a space with the number.
      const fixed = 'Update 🙂 done';
      await checked(tab, site.composer, fixed);
      assert.equal(await model(tab), fixed, 'editor model equals the DOM text after the fix');
      assert.deepEqual(await highlighted(tab), []);

      await tab.page.keyboard.press('Control+z');
      await checked(tab, site.composer, text);
      assert.equal(await model(tab), text, 'undo restores the model');
      assert.deepEqual(await highlighted(tab), [NHS]);

      // Apply again from a click on the highlighted number, then keep typing at the end.
      assert.ok(await clickHighlight(tab), 'a finding to click');
      assert.deepEqual(await pressFix(tab, fix), { status: 'applied', card: null });
      await checked(tab, site.composer, fixed);
      await tab.page.keyboard.press('End');
      await tab.page.keyboard.type(' and discharged');
      await checked(tab, site.composer, `${fixed} and discharged`);
      assert.equal(await model(tab), `${fixed} and discharged`, 'typing continues in step');
      await tab.page.close();
    });

    test('the "add your standing declaration" fix appends lines through the editor, and Ctrl+Z removes them', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      const declaration = 'Disclosure: I am a paid adviser to Northwind Diagnostics.';
      const settings = {
        version: 1,
        declared_interests: [{ company: 'Northwind Diagnostics', relationship: 'paid adviser', since: '2023' }],
        standing_declaration: declaration,
        ignored_terms: [],
        categories: { confidentiality: 'warn', conflict_of_interest: 'warn', boundaries: 'warn', respect: 'warn' },
        sites: { x: true, facebook: true },
        ignored_rules: [],
      };
      await tab.isolated(`SecondOpinion.ext.storage.sync.set({ settings: ${JSON.stringify(settings)} })`);
      try {
        const post = 'Impressed by the Northwind Diagnostics rapid test kit we trialled.';
        await tab.page.keyboard.type(post);
        await tab.waitIsolated(
          `SecondOpinion.composers().some((c) => c.checkedText === ${JSON.stringify(post)} && c.visibleFindings().some((f) => f.rule === 'declared-interest'))`,
        );
        await undoGroupClosed(tab);
        await tab.page.keyboard.press('Alt+Enter');
        assert.deepEqual(await pressFix(tab, '.card button[data-fix]', { text: 'declaration' }), { status: 'applied', card: null });
        const declared = `${post}\n\n${declaration}`;
        await checked(tab, site.composer, declared);
        assert.equal(await model(tab), declared, 'the editor model has the declaration lines too');
        await tab.page.keyboard.press('Control+z');
        await checked(tab, site.composer, post);
        assert.equal(await model(tab), post, 'undo removes the declaration');
      } finally {
        await tab.isolated(`SecondOpinion.ext.storage.sync.remove('settings')`);
        await tab.page.close();
      }
    });

    test('"Ignore" hides one occurrence in this composer; "Ignore rule" stores the rule', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      const post = `Email jo@example.com or NHS ${NHS}`;
      await tab.page.keyboard.type(post);
      await checked(tab, site.composer, post);
      assert.deepEqual(await highlighted(tab), [NHS, 'jo@example.com'].sort());
      try {
        // Caret at the end: Alt+Enter opens the card of the finding there (the NHS number), then
        // with that one ignored, of the first finding (the email address).
        await tab.page.keyboard.press('Alt+Enter');
        await clickUi(tab, '.card button[data-action="ignore"]');
        await tab.waitHighlights(['jo@example.com']);
        await tab.page.keyboard.press('Alt+Enter');
        await clickUi(tab, '.card button[data-action="ignore-rule"]');
        await tab.waitHighlights([]);
        const stored = await tab.waitIsolated(
          `SecondOpinion.ext.storage.sync.get('settings').then((s) => s.settings?.ignored_rules?.includes('email-address') && s.settings.ignored_rules)`,
        );
        assert.deepEqual(stored, ['email-address']);
        // New text is checked without the ignored rule; the ignored occurrence stays hidden.
        await tab.page.keyboard.type(' and ann@example.com');
        await checked(tab, site.composer, `${post} and ann@example.com`);
        assert.deepEqual(await highlighted(tab), []);
      } finally {
        await tab.isolated(`SecondOpinion.ext.storage.sync.remove('settings')`);
        await tab.page.close();
      }
    });

    test('the guard stops a risky post; "Review post" and "Post anyway" work; clean posts pass', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      const risky = `Please call re NHS ${NHS}`;
      await tab.page.keyboard.type(risky);
      await checked(tab, site.composer, risky);
      if (site.notSubmit) {
        // A control that is not a submit (e.g. Threads' "Reply" icon) works while a risky post waits.
        await tab.page.locator(site.notSubmit.click).click();
        await tab.page.locator(site.notSubmit.opens).waitFor();
        assert.equal(await dialogShown(tab), false, 'no guard for a control that does not post');
      }
      await tab.page.locator(site.submitButton).click();
      const shown = await waitGuard(tab, 'warning');
      assert.deepEqual(await submissions(tab), [], "the page's submit handler did not run");
      assert.match(shown.text, new RegExp(NHS));

      await clickGuardButton(tab, 'Review post');
      await waitUiGone(tab, '[role="alertdialog"]');
      assert.deepEqual(await submissions(tab), []);
      const selected = await tab.main(() => document.getSelection()?.toString());
      assert.equal(selected, NHS, 'Review post selects the first warning');

      await tab.page.locator(site.submitButton).click();
      await waitGuard(tab, 'warning');
      await clickGuardButton(tab, 'Post anyway');
      await tab.page.waitForFunction(() => window.__fixture.submissions.length > 0);
      const subs = await submissions(tab);
      assert.equal(subs.length, 1, 'Post anyway submits exactly once');
      assert.deepEqual(subs[0].texts, [risky]);
      assert.equal(await dialogShown(tab), false);

      // A clean post goes straight through.
      await tab.page.locator(site.composer).click();
      const clean = 'What a lovely sunny day for a walk by the sea.';
      await tab.page.keyboard.type(clean);
      await checked(tab, site.composer, clean);
      await tab.page.locator(site.submitButton).click();
      await tab.page.waitForFunction(() => window.__fixture.submissions.length === 2);
      assert.deepEqual((await submissions(tab))[1].texts, [clean]);
      assert.equal(await dialogShown(tab), false, 'no dialog for a clean post');
      await tab.page.close();
    });

    if (site.keySubmit) {
      const ks = site.keySubmit;
      test(`the guard also stops ${ks.key} submission, and "Post anyway" replays it once`, { timeout: 60_000 }, async () => {
        const tab = await fresh();
        const selector = ks.open ? await ks.open(tab.page) : site.composer;
        await tab.page.locator(selector).click();
        const risky = `Email me at jo.bloggs@example.com ${NHS}`;
        await tab.page.keyboard.type(risky);
        await checked(tab, selector, risky);
        if (ks.press) await ks.press(tab.page);
        else await tab.page.keyboard.press(ks.key);
        await waitGuard(tab, 'warning');
        assert.deepEqual(await submissions(tab), []);
        await clickGuardButton(tab, 'Post anyway');
        await tab.page.waitForFunction(() => window.__fixture.submissions.length > 0);
        const subs = await submissions(tab);
        assert.equal(subs.length, 1);
        assert.deepEqual(subs[0].texts, [risky]);
        await tab.page.close();
      });
    }

    test('composers added later are checked', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      for (const later of site.later) {
        const selector = await later.open(tab.page);
        await tab.page.locator(selector).click();
        const text = `${later.label}: NHS ${NHS}`;
        await tab.page.keyboard.type(text);
        await checked(tab, selector, text);
        const inThis = await tab.isolated(
          `(() => { const el = document.querySelector(${JSON.stringify(selector)}); const c = SecondOpinion.composers().find((c) => c.el === el); return c.visibleFindings().map((f) => f.text); })()`,
        );
        assert.deepEqual(inThis, [NHS], later.label);
        assert.ok((await highlighted(tab)).includes(NHS));
      }
      await tab.page.close();
    });

    test('stopping the service worker mid-session does not lose checking', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      await tab.page.keyboard.type('First line is fine.');
      await checked(tab, site.composer, 'First line is fine.');
      const status = () => tab.isolated(`SecondOpinion.ext.runtime.sendMessage({type: 'status'})`);
      const before = await status();
      assert.equal(before.ok, true);
      await session.stopServiceWorkers(tab);
      const text = `First line is fine. Contact sam@example.org`;
      await tab.page.keyboard.type(' Contact sam@example.org');
      await checked(tab, site.composer, text);
      assert.deepEqual(await highlighted(tab), ['sam@example.org']);
      const afterStop = await status();
      assert.equal(afterStop.ok, true);
      assert.notEqual(afterStop.instance, before.instance, 'the worker was restarted');
      await tab.page.close();
    });

    test('the extension makes no network requests', { timeout: 60_000 }, async () => {
      const tab = await fresh();
      await tab.page.keyboard.type(`Checking ${NHS} and Mounjaro offline`);
      await tab.settled();
      await tab.page.close();
      const allowed = new Set(site.pagePaths);
      assert.ok(session.server.requests.some((r) => r.path === site.pagePaths[0]), 'the server counts requests');
      const serverExtra = session.server.requests.filter((r) => !allowed.has(r.path));
      assert.deepEqual(serverExtra, [], 'only the fixture pages requested anything from the server');
      assert.deepEqual(session.foreignRequests, [], 'no request to another host (CDP)');
      const foreign = contextRequests.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'chrome-extension:' || url.protocol === 'data:') return false;
        return !allowed.has(url.pathname) || !HOSTS.includes(url.hostname);
      });
      assert.deepEqual(foreign, [], 'no other request in the browser context');
    });
  });
}
