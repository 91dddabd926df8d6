// The options page: a declared interest added there turns a mention of that company into a
// warning in an already-open X tab, and the "add declaration" fix inserts the standing
// declaration; invalid input and malformed imports are refused whole; export/import round-trips.
// Every wait is on a condition; no sleeps, no retries.
/* global window, document, chrome -- used inside functions evaluated in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, WAIT } from './harness.mjs';
import { openOptions, storedSettings, waitForSettings } from './popup-helpers.mjs';
import { clickHighlight, pressFix } from './ui.mjs';
import { SITES } from '../../extension/shared/sites.js';

const COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';
// Not in the checker's lexicon, so only the declared interest can make it a finding.
const COMPANY = 'Northwind Diagnostics';
const DECLARATION = 'Disclosure: I am a paid adviser to Northwind Diagnostics.';

describe('options page', () => {
  /** @type {import('./harness.mjs').Session} */
  let session;
  before(async () => {
    session = await launch();
  });
  after(async () => {
    await session?.close();
  });

  const composerState = (tab) =>
    tab.isolated(
      `(() => { const c = SecondOpinion.composers()[0];
        return c ? {text: c.read().text, checked: !c.inFlight && c.checkedText === c.text,
          findings: c.visibleFindings().map((f) => ({rule: f.rule, category: f.category, severity: f.severity, text: f.text}))} : null; })()`,
    );

  test('a declared interest applies live in an open tab, and its fix inserts the standing declaration', async () => {
    const tab = await session.open('https://x.com/home?options-test=1');
    await tab.page.locator(COMPOSER).click();
    const post = `Really impressed by the new ${COMPANY} rapid test kit we trialled this week.`;
    await tab.page.keyboard.type(post);
    await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; return c && c.read().text === ${JSON.stringify(post)} && !c.inFlight && c.checkedText === c.text; })()`,
    );
    const before = await composerState(tab);
    assert.deepEqual(
      before.findings.filter((f) => f.text.includes('Northwind')),
      [],
      'no finding before the interest is declared',
    );

    const options = await openOptions(session);
    await options.getByRole('button', { name: 'Add an interest' }).click();
    const row = options.locator('#interests .interest').last();
    await row.getByLabel('Company').fill(COMPANY);
    await row.getByLabel('Relationship').fill('paid adviser');
    await row.getByLabel('Since (optional)').fill('2023');
    await options.getByLabel('Inserted by the “add declaration” fix').fill(DECLARATION);
    // No Save button: the page saves itself once the form is valid.
    await waitForSettings(options, (s) => s?.standing_declaration === DECLARATION && s.declared_interests.length === 1);
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: WAIT });
    const saved = await storedSettings(options);
    assert.deepEqual(saved.declared_interests, [{ company: COMPANY, relationship: 'paid adviser', since: '2023' }]);
    assert.equal(saved.standing_declaration, DECLARATION);

    // The open tab re-checks with the new settings: the company is now a warning.
    await tab.page.bringToFront();
    await tab.waitIsolated(
      `SecondOpinion.composers()[0].visibleFindings().some((f) => f.rule === 'declared-interest' && f.severity === 'warning' && f.text === ${JSON.stringify(COMPANY)})`,
      WAIT,
      'declared-interest warning on the company',
    );
    const highlights = await tab.highlights();
    assert.ok((highlights['so-coi-warning'] ?? []).includes(COMPANY), JSON.stringify(highlights));

    // Apply "Add your standing declaration" from the card.
    assert.ok(await clickHighlight(tab, { rule: 'declared-interest' }), 'a declared interest to click');
    assert.deepEqual(await pressFix(tab, '.card button[data-fix]', { text: 'declaration' }), { status: 'applied', card: null });
    const after = await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; const t = c.read().text;
        return t.includes(${JSON.stringify(DECLARATION)}) && !c.inFlight && c.checkedText === c.text && t; })()`,
      WAIT,
      'standing declaration inserted',
    );
    assert.ok(after.startsWith(post), after);
    const model = await tab.main(() => window.__fixtureModelText('main-0'));
    assert.equal(model, after, "the editor's model has the declaration too");
    const state = await composerState(tab);
    assert.deepEqual(state.findings.filter((f) => f.rule === 'declared-interest'), [], 'declared now');
    await options.close();
    await tab.page.close();
  });

  test('invalid settings are refused with a message and nothing is saved', async () => {
    const options = await openOptions(session);
    const before = await storedSettings(options);
    await options.getByRole('button', { name: 'Add an interest' }).click();
    await options.locator('#interests .interest').last().getByLabel('Company').fill('Acme Devices');
    await options.getByLabel('Never flag these words or phrases (one a line)').fill('Okafor');
    const alert = options.locator('#errors');
    await alert.waitFor({ state: 'visible' });
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.textContent(), /Declared interest \d+ \(Acme Devices\): the relationship is required\./);
    // The message is next to the field, tied to it; focus stays where the doctor is typing.
    const field = options.locator('#interests .interest').last().getByLabel('Relationship');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const id = await field.getAttribute('id');
    const message = options.locator(`#${id}-error`);
    assert.match(await message.textContent(), /the relationship is required/);
    assert.ok((await field.getAttribute('aria-describedby')).split(' ').includes(`${id}-error`));
    assert.equal(await options.evaluate(() => document.activeElement?.id), 'ignored-terms', 'focus not taken');
    await options.locator('#save-status[data-state="invalid"]').waitFor({ timeout: WAIT });
    assert.deepEqual(await storedSettings(options), before, 'nothing saved half-way (not even the ignored term)');
    // Put right, it saves itself and the message goes.
    await field.fill('consultancy');
    await waitForSettings(options, (s) => !!s?.ignored_terms?.includes('Okafor'));
    await message.waitFor({ state: 'detached', timeout: WAIT });
    assert.equal(await alert.isVisible(), false);
    assert.equal(await field.getAttribute('aria-invalid'), null);
    await options.evaluate(() => chrome.storage.sync.remove('settings'));
    await options.close();
  });

  test('edits save themselves, say so, and survive a reload; an unfinished edit survives it too', async () => {
    const options = await openOptions(session);
    await options.evaluate(() => chrome.storage.sync.remove('settings'));
    await options.waitForFunction(() => document.getElementById('ignored-terms').value === '');
    await options.getByLabel('Never flag these words or phrases (one a line)').fill('Okafor\nDr Patel');
    await options.locator('#save-status[data-state="saved"]', { hasText: 'Saved' }).waitFor({ timeout: WAIT });
    assert.deepEqual((await storedSettings(options)).ignored_terms, ['Okafor', 'Dr Patel']);
    await options.reload();
    await options.waitForFunction(() => document.body.dataset.ready === 'true');
    assert.equal(await options.getByLabel('Never flag these words or phrases (one a line)').inputValue(), 'Okafor\nDr Patel');

    // Not valid yet (no relationship): nothing is stored, but a reload keeps what was typed.
    await options.getByRole('button', { name: 'Add an interest' }).click();
    await options.locator('#interests .interest').last().getByLabel('Company').fill('Acme Devices');
    await options.locator('#save-status[data-state="invalid"]').waitFor({ timeout: WAIT });
    await options.reload();
    await options.waitForFunction(() => document.body.dataset.ready === 'true');
    assert.equal(await options.locator('#interests .interest [name=company]').inputValue(), 'Acme Devices');
    await options.locator('#errors').waitFor({ state: 'visible', timeout: WAIT });
    assert.deepEqual((await storedSettings(options)).declared_interests, [], 'still not saved');
    // Finished after the reload: saved, and the draft is gone.
    await options.locator('#interests .interest').last().getByLabel('Relationship').fill('shareholder');
    await waitForSettings(options, (s) => s?.declared_interests?.[0]?.relationship === 'shareholder');
    await options.waitForFunction(() => localStorage.getItem('second-opinion:options-draft') === null, null, { timeout: WAIT });
    await options.evaluate(() => chrome.storage.sync.remove('settings'));
    await options.close();
  });

  test('a malformed import is rejected with a message and changes nothing; export and import round-trip', async () => {
    const options = await openOptions(session);
    const before = await storedSettings(options);
    const formBefore = await formValues(options);
    const status = options.locator('#import-status');
    const file = options.locator('#import-file');

    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "declared_interests": [') });
    await status.filter({ hasText: 'Import rejected' }).waitFor({ timeout: WAIT });
    assert.match(await status.textContent(), /broken\.json is not valid JSON.*Nothing was changed\./);
    assert.equal(await status.getAttribute('role'), 'alert');
    assert.deepEqual(await storedSettings(options), before);

    const invalid = { version: 1, categories: { confidentiality: 'loud' }, ignored_terms: ['x'] };
    await file.setInputFiles({ name: 'invalid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(invalid)) });
    await status.filter({ hasText: 'mode must be one of' }).waitFor({ timeout: WAIT });
    assert.match(await status.textContent(), /Import rejected: Category confidentiality: mode must be one of warn, remind, off\. Nothing was changed\./);
    assert.deepEqual(await storedSettings(options), before);
    assert.deepEqual(await formValues(options), formBefore, 'form unchanged');

    // Export what is stored, then import an edited copy (an old, unversioned file is migrated).
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export settings' }).click(),
    ]);
    const exported = JSON.parse(await streamText(await download.createReadStream()));
    if (before) assert.deepEqual(exported, before);
    assert.equal(exported.version, 1);
    const legacy = { declaredInterests: ['Abbott'], ignoredTerms: ['Okafor'], sites: ['x'] };
    await file.setInputFiles({ name: 'legacy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(legacy)) });
    await status.filter({ hasText: 'Imported and saved' }).waitFor({ timeout: WAIT });
    const imported = await storedSettings(options);
    assert.deepEqual(imported.declared_interests, [{ company: 'Abbott', relationship: 'declared interest', since: null }]);
    // The old list format named only X and Facebook; the sites added since stay on.
    assert.deepEqual(imported.sites, { ...Object.fromEntries(SITES.map((k) => [k, true])), x: true, facebook: false });
    assert.equal(imported.version, 1);
    assert.equal(await options.getByRole('switch', { name: 'Facebook' }).isChecked(), false, 'form shows the import');
    assert.equal(await options.locator('#interests .interest [name=company]').inputValue(), 'Abbott');

    // Restore the exported settings by import.
    await file.setInputFiles({ name: 'restore.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await status.filter({ hasText: 'restore.json' }).waitFor({ timeout: WAIT });
    assert.deepEqual(await storedSettings(options), exported);
    await options.close();
  });

  test("company names are completed from the checker's lexicon", async () => {
    const options = await openOptions(session);
    await options.waitForFunction(() => document.body.dataset.companies !== undefined);
    const names = await options.locator('#company-names option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(
      names.length > 0,
      'the datalist is empty: the WASM build must export companyNames() on the Checker (second_opinion::lexicon::company_names)',
    );
    assert.ok(names.includes('Pfizer'), `Pfizer is not among ${names.length} names`);
    await options.getByRole('button', { name: 'Add an interest' }).click();
    const company = options.locator('#interests .interest').last().getByLabel('Company');
    assert.equal(await company.getAttribute('list'), 'company-names');
    await options.close();
  });

  test('ignored rules are named in words from the checker, beside their id', async () => {
    const options = await openOptions(session);
    const saved = await storedSettings(options);
    await options.evaluate(
      async (s) => chrome.storage.sync.set({ settings: s }),
      { ...saved, ignored_rules: ['nhs-number', 'no-such-rule'] },
    );
    await options.reload();
    await options.waitForFunction(() => Number(document.body.dataset.rules) > 0);
    const items = options.locator('#ignored-rules li');
    await items.filter({ hasText: 'An NHS or H&C number' }).waitFor({ timeout: WAIT });
    const texts = await items.allTextContents();
    assert.match(texts[0], /^An NHS or H&C number .*nhs-number/, texts[0]);
    // An id the checker does not describe (a rule since removed) is still listed, by its id.
    assert.match(texts[1], /^no-such-rule/, texts[1]);
    await options.evaluate(async (s) => chrome.storage.sync.set({ settings: s }), saved);
    await options.close();
  });

  test('category modes and site switches are keyboard reachable and labelled', async () => {
    const options = await openOptions(session);
    for (const name of ['Patient confidentiality', 'Conflicts of interest', 'Professional boundaries', 'Respect for patients and colleagues']) {
      assert.equal(await options.getByLabel(name).count(), 1, name);
    }
    await options.getByLabel('Professional boundaries').selectOption('remind');
    await options.getByRole('switch', { name: 'X (Twitter)' }).focus();
    await options.keyboard.press('Space');
    await waitForSettings(options, (s) => s?.sites?.x === false);
    const s = await storedSettings(options);
    assert.equal(s.categories.boundaries, 'remind');
    assert.equal(s.sites.x, false);
    await options.close();
  });

  test('"Ask before posting" switched off: warnings are still underlined, and Post goes ahead without asking', async () => {
    const options = await openOptions(session);
    await options.evaluate(() => chrome.storage.sync.remove('settings'));
    const ask = options.getByRole('switch', { name: 'Ask before posting a post that has warnings' });
    await options.waitForFunction(() => document.getElementById('site-x').checked);
    assert.equal(await ask.isChecked(), true, 'on by default');
    await ask.uncheck();
    await waitForSettings(options, (s) => s?.guard === false);

    const tab = await session.open('https://x.com/home?guard-off=1');
    await tab.page.locator(COMPOSER).click();
    const post = 'NHS 943 476 5919';
    await tab.page.keyboard.type(post);
    await tab.waitIsolated(
      `(() => { const c = SecondOpinion.composers()[0]; return c && c.checkedText === ${JSON.stringify(post)} && !c.inFlight
        && c.visibleFindings().some((f) => f.rule === 'nhs-number' && f.severity === 'warning'); })()`,
    );
    await tab.page.locator('[data-testid="tweetButtonInline"]').click();
    await tab.page.waitForFunction(() => window.__fixture.submissions.length === 1, null, { timeout: WAIT });
    assert.deepEqual((await tab.main(() => window.__fixture.submissions))[0].texts, [post]);
    await options.evaluate(() => chrome.storage.sync.remove('settings'));
    await options.close();
    await tab.page.close();
  });
});

/** Every control's value in the options form, in document order. */
function formValues(page) {
  return page.locator('#settings-form').evaluate((form) =>
    [...form.querySelectorAll('input, select, textarea')].map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value]),
  );
}

/** @param {NodeJS.ReadableStream} stream */
async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
