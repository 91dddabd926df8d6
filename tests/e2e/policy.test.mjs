// @ts-check
// Organisation policy in Chromium, end to end: Chromium starts with the deployment guide's
// example policy (docs/deploy/policy.json) in its managed policy folder, for the extension's
// fixed id (tests/e2e/policy.mjs gives that Chromium a private /etc/chromium, so no other
// browser on the machine sees it). The doctor has switched off everything the policy switches
// back on; the page, the card, the guard, the options page and the popup must all follow the
// policy, and posting must still be possible. Every wait is on a condition.
/* global window, document, chrome -- used inside functions evaluated in the browser */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, WAIT, launch } from './harness.mjs';
import { chromiumIdFromKey, chromiumWithPolicy } from './policy.mjs';
import { openOptions, openPopup, storedSettings, waitForSettings } from './popup-helpers.mjs';
import { NHS, OWN_SETTINGS, POLICY, POST, checkedFindings, highlightPoint, storeOwnSettings, uiAll, uiJs, waitUi } from './policy-flow.mjs';

const COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';
const SUBMIT = '[data-testid="tweetButtonInline"]';
const ID = chromiumIdFromKey(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).key);

describe('organisation policy in Chromium (managed policy folder)', { timeout: 180_000 }, () => {
  /** @type {import('./harness.mjs').Session} */
  let session;
  /** @type {ReturnType<typeof chromiumWithPolicy>} */
  let env;

  before(async () => {
    env = chromiumWithPolicy({ '3rdparty': { extensions: { [ID]: POLICY } } });
    // This test file runs in its own process: the harness starts the wrapped Chromium.
    process.env.CHROMIUM_PATH = env.executablePath;
    session = await launch();
    await storeOwnSettings(session);
  });
  after(async () => {
    await session?.close();
    env?.cleanup();
  });

  test('the extension has its fixed id and reads the policy from storage.managed', async () => {
    assert.equal(session.extensionId, ID);
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${ID}/extension/popup/popup.html?tab=none`);
    assert.deepEqual(await page.evaluate(() => chrome.storage.managed.get(null)), POLICY);
    await page.close();
  });

  test('on X the policy overrides the doctor: enforced warnings, no "Ignore rule", the guard asks, "Post anyway" posts once', async () => {
    const tab = await session.open('https://x.com/home?policy=1');
    await tab.page.locator(COMPOSER).click();
    await tab.page.keyboard.type(POST);
    const findings = await checkedFindings(tab, POST);
    // The doctor switched X off, confidentiality off, conflicts to remind and ignored nhs-number.
    const byText = Object.fromEntries(findings.map((f) => [f.text, f]));
    assert.deepEqual(
      Object.keys(byText).sort(),
      ['Mounjaro', 'Mrs K', NHS].sort(),
      `organisation's ignored term hides the NHS inbox: ${JSON.stringify(findings)}`,
    );
    for (const f of findings) {
      assert.equal(f.severity, 'warning', `${f.rule} is a warning`);
      assert.equal(f.enforced, true, `${f.rule} is enforced`);
    }
    assert.ok(
      byText.Mounjaro.fixes.some((r) => r.includes(POLICY.standing_declaration)),
      "the declaration fix inserts the organisation's declaration",
    );
    const highlights = await tab.highlights();
    assert.ok(highlights['so-confidentiality-warning']?.includes(NHS), JSON.stringify(highlights));

    // The card for the NHS number offers its fix and "Ignore", but no "Ignore rule".
    const at = await highlightPoint(tab, NHS);
    await tab.page.mouse.click(at.x, at.y);
    await waitUi(tab, '.card', NHS);
    const actions = await uiAll(tab, '.card .actions button');
    assert.ok(actions.some((b) => b.text === 'Ignore'), JSON.stringify(actions));
    assert.ok(!actions.some((b) => b.action === 'ignore-rule'), `no Ignore rule: ${JSON.stringify(actions)}`);
    const close = await waitUi(tab, '.card button.close');
    await tab.page.mouse.click(close.x, close.y);
    await tab.waitIsolated(`${uiJs('.card')} === null`, WAIT, 'card closed');

    // The doctor switched the guard off; the organisation requires it. It asks, and lets them post.
    await tab.page.locator(SUBMIT).click();
    await waitUi(tab, '[role="alertdialog"]');
    assert.deepEqual(await tab.main(() => window.__fixture.submissions.length), 0);
    const anyway = await waitUi(tab, '[role="alertdialog"] button', 'Post anyway');
    await tab.page.mouse.click(anyway.x, anyway.y);
    await tab.page.waitForFunction(() => window.__fixture.submissions.length > 0, null, { timeout: WAIT });
    const subs = await tab.main(() => window.__fixture.submissions);
    assert.equal(subs.length, 1, 'posted exactly once');
    assert.deepEqual(subs[0].texts, [POST]);
    assert.deepEqual(session.foreignRequests, [], 'no requests beyond the fixture');
    await tab.page.close();
  });

  test('the options page shows what the organisation set, locked with a note; saving keeps the doctor\'s own values', async () => {
    const options = await openOptions(session);
    const banner = options.locator('#policy-banner');
    await banner.waitFor({ state: 'visible', timeout: WAIT });
    assert.match(await banner.textContent(), /Northshire NHS Foundation Trust manages some of these settings/);
    const state = await options.evaluate(() => {
      const $ = (id) => /** @type {any} */ (document.getElementById(id));
      const note = (el) => document.getElementById((el.getAttribute('aria-describedby') ?? '').split(' ').pop())?.textContent ?? null;
      return {
        x: [$('site-x').checked, $('site-x').disabled, note($('site-x'))],
        facebook: [$('site-facebook').checked, $('site-facebook').disabled],
        confidentiality: [$('mode-confidentiality').value, $('mode-confidentiality').disabled, note($('mode-confidentiality'))],
        boundaries: [$('mode-boundaries').value, $('mode-boundaries').disabled],
        declaration: [$('standing-declaration').value, $('standing-declaration').readOnly, $('suggest-declaration').disabled],
        guard: [$('guard').checked, $('guard').disabled, note($('guard'))],
        ownTerms: $('ignored-terms').value,
        orgTerms: [...document.querySelectorAll('#org-terms-list li')].map((li) => li.textContent),
      };
    });
    const by = 'Set by Northshire NHS Foundation Trust';
    assert.deepEqual(state.x, [true, true, `${by}: always on`]);
    assert.deepEqual(state.facebook, [true, true]);
    assert.deepEqual(state.confidentiality, ['warn', true, `${by}: always warn`]);
    assert.deepEqual(state.boundaries, ['remind', false], "not in the policy: the doctor's choice, editable");
    assert.deepEqual(state.declaration, [POLICY.standing_declaration, true, true]);
    assert.deepEqual(state.guard, [true, true, `${by}: always on`]);
    assert.equal(state.ownTerms, 'Okafor');
    assert.deepEqual(state.orgTerms, POLICY.ignored_terms);

    await options.getByLabel('Professional boundaries').selectOption('off');
    // The page saves itself.
    await waitForSettings(options, (s) => s?.categories?.boundaries === 'off');
    await options.locator('#save-status[data-state="saved"]').waitFor({ timeout: WAIT });
    const saved = await storedSettings(options);
    assert.equal(saved.categories.boundaries, 'off', 'the edit is saved');
    for (const key of ['sites', 'standing_declaration', 'guard', 'ignored_terms', 'ignored_rules']) {
      assert.deepEqual(saved[key], OWN_SETTINGS[key], `${key}: the doctor's own value is kept`);
    }
    assert.equal(saved.categories.confidentiality, 'off');
    assert.equal(saved.categories.conflict_of_interest, 'remind');
    await options.close();
  });

  test('the popup lists the policy and locks the site switch', async () => {
    const tab = await session.open('https://x.com/home?policy-popup=1');
    await tab.page.locator(COMPOSER).click();
    await tab.page.keyboard.type(`NHS ${NHS}`);
    await checkedFindings(tab, `NHS ${NHS}`);
    const popup = await openPopup(session, tab.page);
    await popup.locator('.finding[data-rule="nhs-number"]').waitFor({ timeout: WAIT });
    const policy = popup.locator('#policy');
    assert.equal(await policy.isVisible(), true);
    assert.equal(await popup.locator('#policy-title').textContent(), 'Set by Northshire NHS Foundation Trust');
    const items = await popup.locator('#policy-items li').allTextContents();
    assert.ok(items.includes('Checking on X (Twitter) is always on.'), items.join(' | '));
    assert.ok(items.includes('Second Opinion always asks before a post with warnings is published.'), items.join(' | '));
    const toggle = popup.getByRole('switch', { name: 'Check posts on X (Twitter)' });
    assert.equal(await toggle.isChecked(), true);
    assert.equal(await toggle.isDisabled(), true);
    assert.equal(await popup.locator('#site-locked').textContent(), 'Set by Northshire NHS Foundation Trust');
    await popup.close();
    await tab.page.close();
  });
});
