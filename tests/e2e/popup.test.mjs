// The popup guidance panel, opened as the extension page for the X fixture's tab
// (popup.html?tab=<id>): "Relevant GMC guidance" (each cited section once), findings grouped by
// category, live updates while typing, "Show in post", fixes, the "All guidance" view, the site switch, status and empty states.
// Every wait is on a condition; no sleeps, no retries.
/* global chrome, document, window -- used inside functions evaluated in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, WAIT } from './harness.mjs';
import { openPopup, storedSettings, waitForSettings } from './popup-helpers.mjs';
import { SITE_INFO } from '../../extension/shared/sites.js';

let visits = 0;
/** Each fixture tab gets its own URL, so its tab id can be found by URL. */
const xUrl = () => `https://x.com/home?popup-test=${++visits}`;

const NHS = '943 476 5919';
const COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';

describe('popup', () => {
  /** @type {import('./harness.mjs').Session} */
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  /** Waits until the composer shows `text` and it has been checked. */
  const checked = (tab, text) =>
    tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0];
        return c && c.read().text === ${JSON.stringify(text)} && !c.inFlight && c.checkedText === c.text; })()`,
      WAIT,
      `composer checked with ${JSON.stringify(text)}`,
    );

  test('lists the findings with their guidance, updates while typing, and reveals the text', async () => {
    const tab = await session.open(xUrl());
    await tab.page.locator(COMPOSER).click();
    const first = `Seen in clinic 🩺 NHS ${NHS}`;
    await tab.page.keyboard.type(first);
    await checked(tab, first);
    const expected = await tab.isolated(
      `SecondOpinion.composers()[0].visibleFindings().map((f) => ({rule: f.rule, text: f.text, guidance: f.guidance}))`,
    );
    assert.ok(expected.some((f) => f.rule === 'nhs-number'), JSON.stringify(expected));

    const popup = await openPopup(session, tab.page);
    const nhs = popup.locator('.finding[data-rule="nhs-number"]');
    await nhs.waitFor({ timeout: WAIT });
    assert.match(await popup.locator('#checker-status').textContent(), /Checker ready · version \d+\.\d+/);

    // Grouped under its category, compact, citing every guidance entry it rests on.
    const section = popup.locator('section.category', { has: nhs });
    assert.match(await section.locator('h2').textContent(), /^Patient confidentiality \(\d+\)$/);
    assert.match(await nhs.locator('.excerpt').textContent(), new RegExp(NHS));
    const finding = expected.find((f) => f.rule === 'nhs-number');
    const refs = await nhs.locator('.refs [data-guidance]').evaluateAll((els) => els.map((e) => e.dataset.guidance));
    assert.deepEqual(refs, finding.guidance);
    assert.equal(await nhs.locator('.guidance-entry').count(), 0, 'no guidance repeated under the finding');
    // Its fix is offered in the popup too.
    assert.equal(await nhs.locator('button.fix').count(), (await tab.isolated(`SecondOpinion.composers()[0].visibleFindings().find((f) => f.rule === 'nhs-number').fixes.length`)));

    // "Relevant GMC guidance" at the top: every section the post cites, once, each with its
    // document, heading, paragraph (only where verified), summary, link and citing findings.
    const cited = [...new Set(expected.flatMap((f) => f.guidance))];
    const top = popup.locator('#relevant-guidance');
    assert.match(await top.locator('h2').textContent(), new RegExp(`^Relevant GMC guidance \\(${cited.length}\\)$`));
    const ids = await top.locator('.guidance-entry').evaluateAll((els) => els.map((e) => e.dataset.guidance));
    assert.deepEqual([...ids].sort(), [...cited].sort(), 'each cited section once');
    assert.equal(new Set(ids).size, ids.length);
    const catalogue = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'guidance' }));
    for (const id of ids) {
      const g = catalogue.guidance.find((c) => c.id === id);
      const entry = top.locator(`.guidance-entry[data-guidance="${id}"]`);
      const where = await entry.locator('.where').textContent();
      assert.ok(where.includes(g.document) && where.includes(g.heading), where);
      if (g.paragraph) assert.ok(where.includes(`paragraph ${g.paragraph}`), where);
      else assert.ok(!where.includes('paragraph'), where);
      assert.equal(await entry.locator('.summary').textContent(), g.summary);
      assert.equal(await entry.locator('a').getAttribute('href'), g.url);
      const citing = expected.filter((f) => f.guidance.includes(id)).map((f) => `“${f.text}”`);
      const by = await entry.locator('.cited button').evaluateAll((els) => els.map((e) => e.textContent));
      assert.deepEqual([...by].sort(), [...citing].sort(), `findings citing ${id}`);
    }

    // Live: typing more in the page adds a finding without reopening the popup.
    await tab.page.bringToFront();
    await tab.page.keyboard.type(' email jo.bloggs@example.com');
    await popup.locator('.finding[data-rule="email-address"]').waitFor({ timeout: WAIT });
    assert.equal(await popup.locator('.finding[data-rule="nhs-number"]').count(), 1);
    const sections = await popup.locator('#relevant-guidance .guidance-entry').evaluateAll((els) => els.map((e) => e.dataset.guidance));
    assert.equal(new Set(sections).size, sections.length, `still each section once: ${sections}`);
    assert.match(await popup.locator('#post-summary').textContent(), /^\d+ concerns?, \d+ reminders? in this post\.$/);

    // "Show in post" selects that finding's text in the page.
    await popup.bringToFront();
    await popup.locator('.finding[data-rule="nhs-number"] button.reveal').click();
    await tab.page.waitForFunction((want) => document.getSelection()?.toString() === want, NHS, {
      timeout: WAIT,
    });

    // Editing the identifiers away empties the list.
    await tab.page.bringToFront();
    await tab.page.locator(COMPOSER).click();
    await tab.page.keyboard.press('Control+a');
    await tab.page.keyboard.type('Lovely walk by the sea today.');
    await popup.locator('#empty-state', { hasText: 'Nothing to flag in this post so far.' }).waitFor({ timeout: WAIT });
    assert.equal(await popup.locator('.finding').count(), 0);
    await popup.close();
    await tab.page.close();
  });

  test('"Relevant GMC guidance" lists a section cited by several findings once, naming each of them', async () => {
    const tab = await session.open(xUrl());
    await tab.page.locator(COMPOSER).click();
    const text = `Seen today NHS ${NHS}, email jo.bloggs@example.com or call 07700 900123`;
    await tab.page.keyboard.type(text);
    await checked(tab, text);
    const findings = await tab.isolated(`SecondOpinion.composers()[0].visibleFindings().map((f) => ({ text: f.text, guidance: f.guidance }))`);
    const citing = (id) => findings.filter((f) => f.guidance.includes(id)).map((f) => `“${f.text}”`);
    const shared = [...new Set(findings.flatMap((f) => f.guidance))].filter((id) => citing(id).length >= 2);
    assert.ok(shared.length, `some section is cited by several findings: ${JSON.stringify(findings)}`);

    const popup = await openPopup(session, tab.page);
    const top = popup.locator('#relevant-guidance');
    await top.locator('.guidance-entry').first().waitFor({ timeout: WAIT });
    for (const id of shared) {
      const entry = top.locator(`.guidance-entry[data-guidance="${id}"]`);
      assert.equal(await entry.count(), 1, `${id} listed once`);
      const by = await entry.locator('.cited button').evaluateAll((els) => els.map((e) => e.textContent));
      assert.deepEqual([...by].sort(), citing(id).sort(), `the findings citing ${id}`);
      assert.match(await entry.locator('.cited').textContent(), new RegExp(`^Cited for .+ and “[^”]+”$`));
    }
    const ids = await top.locator('.guidance-entry').evaluateAll((els) => els.map((e) => e.dataset.guidance));
    assert.equal(new Set(ids).size, ids.length, `each section once: ${ids}`);
    await popup.close();
    await tab.page.close();
  });

  test('a fix pressed in the popup goes in through the editor', async () => {
    const tab = await session.open(xUrl());
    await tab.page.locator(COMPOSER).click();
    const text = `Reviewed today NHS ${NHS} thanks`;
    await tab.page.keyboard.type(text);
    await checked(tab, text);
    const popup = await openPopup(session, tab.page);
    const fix = popup.locator('.finding[data-rule="nhs-number"] button.fix').first();
    await fix.waitFor({ timeout: WAIT });
    await fix.click();
    await popup.locator('#fix-status', { hasText: 'Fixed' }).waitFor({ timeout: WAIT });
    const now = await tab.isolated(`SecondOpinion.composers()[0].read().text`);
    assert.ok(!now.includes(NHS), now);
    assert.equal(await tab.main(() => window.__fixtureModelText('main-0')), now, "the editor's model agrees");
    await popup.locator('.finding[data-rule="nhs-number"]').waitFor({ state: 'detached', timeout: WAIT });
    await popup.close();
    await tab.page.close();
  });

  test('"All guidance" lists the whole catalogue by topic, reachable by keyboard', async () => {
    const tab = await session.open(xUrl());
    const popup = await openPopup(session, tab.page);
    await popup.locator('#tab-post').focus();
    await popup.keyboard.press('ArrowRight');
    assert.equal(await popup.locator('#tab-all').getAttribute('aria-selected'), 'true');
    assert.equal(await popup.locator('#panel-all').isVisible(), true);
    assert.equal(await popup.locator('#panel-post').isVisible(), false);
    const catalogue = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'guidance' }));
    await popup.locator('#catalogue .catalogue-entry, #catalogue .guidance-entry').first().waitFor({ state: 'attached' });
    const topics = await popup.locator('#catalogue details.topic').evaluateAll((els) => els.map((e) => e.dataset.topic));
    assert.deepEqual(topics, [...new Set(catalogue.guidance.map((g) => g.topic))]);
    const shown = await popup.locator('#catalogue [data-guidance]').evaluateAll((els) => els.map((e) => e.dataset.guidance));
    assert.deepEqual(shown.sort(), catalogue.guidance.map((g) => g.id).sort());
    await popup.close();
    await tab.page.close();
  });

  test('the site switch turns checking off (no highlights) and on again', async () => {
    const tab = await session.open(xUrl());
    await tab.page.locator(COMPOSER).click();
    const text = `Quick note NHS ${NHS}`;
    await tab.page.keyboard.type(text);
    await checked(tab, text);
    await tab.waitHighlights([NHS]);
    const popup = await openPopup(session, tab.page);
    const toggle = popup.getByRole('switch', { name: 'Check posts on X (Twitter)' });
    await toggle.waitFor();
    assert.equal(await toggle.isChecked(), true);

    await toggle.uncheck();
    await popup.locator('#empty-state', { hasText: 'Checking is off on X (Twitter)' }).waitFor({ timeout: WAIT });
    assert.equal((await storedSettings(popup)).sites.x, false);
    await tab.waitHighlights([]);
    // New text typed while off is not highlighted either.
    await tab.page.bringToFront();
    await tab.page.keyboard.type(' jo.bloggs@example.com');
    await checked(tab, `${text} jo.bloggs@example.com`);
    assert.deepEqual(await tab.highlights().then((h) => Object.values(h).flat()), []);

    await popup.bringToFront();
    await toggle.check();
    await popup.locator('.finding[data-rule="nhs-number"]').waitFor({ timeout: WAIT });
    assert.equal((await storedSettings(popup)).sites.x, true);
    await tab.waitHighlights([NHS, 'jo.bloggs@example.com']);
    await popup.close();
    await tab.page.close();
  });

  test('the popup lists every site with its switch; a switch there stores that site', async () => {
    const tab = await session.open(xUrl());
    const popup = await openPopup(session, tab.page);
    await popup.locator('#all-sites summary').click();
    for (const s of SITE_INFO) {
      const sw = popup.getByRole('switch', { name: new RegExp(`^${s.label.replace(/[()]/g, '\\$&')}`) });
      await sw.waitFor({ timeout: WAIT });
      assert.equal(await sw.isChecked(), true, s.key);
    }
    const linkedin = popup.getByRole('switch', { name: /^LinkedIn/ });
    await linkedin.uncheck();
    // (waitForFunction would not wait here: an async predicate's promise counts as true at once.)
    const off = await waitForSettings(popup, (s) => s.sites?.linkedin === false);
    assert.equal(off.sites.x, true, 'other sites unchanged');
    await linkedin.check();
    await waitForSettings(popup, (s) => s.sites?.linkedin === true);
    await popup.close();
    await tab.page.close();
  });

  test('pages without a composer get a clear empty state', async () => {
    // An extension page: a tab where no content script runs.
    const other = await session.context.newPage();
    await other.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
    const otherId = await other.evaluate(async () => (await chrome.tabs.getCurrent()).id);
    const popup = await openPopup(session, otherId);
    const empty = popup.locator('#empty-state');
    await empty.waitFor({ timeout: WAIT });
    assert.match(await empty.textContent(), /Nothing to check on this page/);
    assert.equal(await popup.locator('#site-row').isVisible(), false);

    const tab = await session.open(xUrl());
    const popup2 = await openPopup(session, tab.page);
    await popup2.locator('#empty-state').waitFor({ timeout: WAIT });
    assert.match(await popup2.locator('#empty-state').textContent(), /Click into a post or comment box|Start writing/);
    await Promise.all([popup.close(), popup2.close(), other.close(), tab.page.close()]);
  });
});
