// Settings import on the options page refuses, with a clear message and nothing changed (neither
// storage nor the form), a file over the size cap, settings over storage.sync's per-item and
// total quotas, prototype keys and unknown sites, and no error escapes uncaught.
// Every wait is on a condition; no sleeps, no retries.
/* global chrome, document -- used inside functions evaluated in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, WAIT } from './harness.mjs';
import { openOptions, storedSettings } from './popup-helpers.mjs';

describe('settings import', { timeout: 120_000 }, () => {
  /** @type {import('./harness.mjs').Session} */
  let session;
  /** @type {import('playwright-core').Page} */
  let options;
  /** Uncaught errors and console errors on the options page. */
  const errors = [];

  before(async () => {
    session = await launch();
    options = await openOptions(session);
    options.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    options.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  });
  after(async () => {
    await session?.close();
  });

  const formValues = () =>
    options.locator('#settings-form').evaluate((form) =>
      [...form.querySelectorAll('input, select, textarea')].map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value]),
    );

  /** Imports `body` as `name`; returns the status message once it names the file or rejects. */
  async function importFile(name, body) {
    const status = options.locator('#import-status');
    await options.evaluate(() => (document.getElementById('import-status').textContent = ''));
    await options.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await status.filter({ hasText: /Import rejected|Imported|Import failed/ }).waitFor({ timeout: WAIT });
    return { text: await status.textContent(), role: await status.getAttribute('role') };
  }

  const interests = (n) =>
    Array.from({ length: n }, (_, i) => ({ company: `Company ${i} `.padEnd(100, 'x'), relationship: 'r'.repeat(100), since: 's'.repeat(40) }));

  const cases = [
    ['a file over the size cap', 'huge.json', JSON.stringify({ version: 1 }).padEnd(70 * 1024, ' '), /huge\.json is 70 KB; a settings file is at most 64 KB\./],
    ['settings over the per-item quota', 'big.json', JSON.stringify({ version: 1, declared_interests: interests(50) }), /These settings take \d+ bytes; the browser's synced storage holds at most 8192 bytes for them\./],
    ['a __proto__ key', 'proto.json', '{"version": 1, "__proto__": {"sites": {"x": false}}}', /"__proto__" is not a setting name \(found at __proto__\)\./],
    ['a constructor key in an old-format file', 'old.json', '{"constructor": {"prototype": {}}, "ignoredTerms": ["bay"]}', /"constructor" is not a setting name \(found at constructor\)\./],
    ['an unknown site (old list format)', 'sites.json', '{"sites": ["x", "myspace"]}', /Unknown site "myspace"\./],
    ['an unknown site', 'sites2.json', '{"version": 1, "sites": {"x": true, "friendster": false}}', /Unknown site "friendster"\./],
  ];

  for (const [what, name, body, message] of cases) {
    test(`${what}: rejected with a message; nothing changes`, async () => {
      const stored = await storedSettings(options);
      const form = await formValues();
      const { text, role } = await importFile(name, body);
      assert.match(text, /^Import rejected: /);
      assert.match(text, message);
      assert.match(text, /Nothing was changed\.$/);
      assert.equal(role, 'alert');
      assert.deepEqual(await storedSettings(options), stored, 'storage unchanged');
      assert.deepEqual(await formValues(), form, 'form unchanged');
    });
  }

  test('settings that fit alone but not beside other synced data are rejected; nothing changes', async () => {
    // Other synced items of 8000 bytes each, 96,000 in all, leave too little room.
    await options.evaluate(async () => {
      const items = {};
      for (let i = 0; i < 12; i++) items[`filler-${i}`] = 'x'.repeat(7980);
      await chrome.storage.sync.set(items);
    });
    try {
      const stored = await storedSettings(options);
      const { text } = await importFile('fits.json', JSON.stringify({ version: 1, declared_interests: interests(25) }));
      assert.match(text, /synced storage holds at most 102400 bytes in all\. Nothing was changed\.$/);
      assert.deepEqual(await storedSettings(options), stored);
    } finally {
      await options.evaluate(() => chrome.storage.sync.remove([...Array(12).keys()].map((i) => `filler-${i}`)));
    }
  });

  test('a file within every limit still imports', async () => {
    const { text, role } = await importFile('ok.json', JSON.stringify({ version: 1, declared_interests: interests(20) }));
    assert.equal(text, 'Imported and saved settings from ok.json.');
    assert.equal(role, 'status');
    assert.equal((await storedSettings(options)).declared_interests.length, 20);
    assert.deepEqual(errors, [], 'no uncaught errors on the options page');
  });
});
