// Unit tests for what an import (or any save) must refuse: prototype keys, unknown sites in old
// files, settings over the storage.sync quotas, and a storage area that throws (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, migrateSettings, saveSettings, validateSettings, SETTINGS_KEY } from '../../extension/shared/settings.js';
import { forbiddenKeyPaths, itemBytes, syncQuota } from '../../extension/shared/limits.js';
import { SITES } from '../../extension/shared/sites.js';

/** Every site on: sites added after X and Facebook take their default. */
const allSites = Object.fromEntries(SITES.map((s) => [s, true]));

/** An in-memory storage.sync area that measures bytes like Chrome and can be made to fail. */
function fakeSync(initial = {}, { failSet = null } = {}) {
  const data = structuredClone(initial);
  const bytes = (k) => itemBytes(k, data[k]);
  return {
    data,
    writes: 0,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      if (failSet) throw new Error(failSet);
      this.writes++;
      Object.assign(data, structuredClone(items));
    },
    async getBytesInUse(keys) {
      const list = keys === null ? Object.keys(data) : [keys].flat().filter((k) => k in data);
      return list.reduce((n, k) => n + bytes(k), 0);
    },
  };
}

test('prototype keys anywhere are refused with a message naming them; nothing is written', async () => {
  const files = [
    ['{"version": 1, "__proto__": {"sites": {"x": false}}}', '"__proto__" is not a setting name (found at __proto__).'],
    ['{"constructor": {"prototype": 1}, "ignoredTerms": ["bay"]}', '"constructor" is not a setting name (found at constructor).'],
    [
      '{"version": 1, "declared_interests": [{"company": "Pfizer", "relationship": "fees", "__proto__": {}}]}',
      '"__proto__" is not a setting name (found at declared_interests[0].__proto__).',
    ],
    ['{"version": 1, "categories": {"prototype": "warn"}}', '"prototype" is not a setting name (found at categories.prototype).'],
  ];
  for (const [json, message] of files) {
    const parsed = JSON.parse(json);
    const r = validateSettings(parsed);
    assert.equal(r.ok, false, json);
    assert.deepEqual(r.errors, [message], json);
    const area = fakeSync();
    assert.equal((await saveSettings(parsed, area)).ok, false);
    assert.equal(area.writes, 0);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype, 'the parsed object was not altered');
  }
});

test('an old-format file with a "constructor" key is not migrated into a confusing setting', () => {
  // Before: renamed["constructor"] was Object, so the key became "function Object() { [native code] }".
  const migrated = /** @type {Record<string, unknown>} */ (migrateSettings({ constructor: 'x', ignoredTerms: ['bay'] }));
  assert.deepEqual(Object.keys(migrated).sort(), Object.keys(defaultSettings()).sort());
  assert.equal(Object.getPrototypeOf(migrated), Object.prototype);
});

test('unknown sites are named, in the current and in the old list format', () => {
  assert.deepEqual(validateSettings({ version: 1, sites: { x: true, myspace: true } }).errors, ['Unknown site "myspace".']);
  assert.deepEqual(validateSettings({ sites: ['facebook', 'myspace'] }).errors, ['Unknown site "myspace".']);
  assert.deepEqual(validateSettings({ sites: ['x'] }).settings?.sites, { ...allSites, x: true, facebook: false });
});

test('settings over the per-item sync quota are refused with their size; nothing is written', async () => {
  const { perItem } = syncQuota();
  assert.equal(perItem, 8192);
  // 50 interests of 100 + 100 + 40 characters each: within every field limit, ~13 KB in all.
  const big = {
    version: 1,
    declared_interests: Array.from({ length: 50 }, (_, i) => ({
      company: `Company ${String(i).padStart(2, '0')} `.padEnd(100, 'x'),
      relationship: 'r'.repeat(100),
      since: 's'.repeat(40),
    })),
  };
  const r = validateSettings(big);
  assert.equal(r.ok, false);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /^These settings take \d+ bytes; the browser's synced storage holds at most 8192 bytes for them\./);
  const area = fakeSync({ [SETTINGS_KEY]: defaultSettings() });
  const before = structuredClone(area.data);
  assert.equal((await saveSettings(big, area)).ok, false);
  assert.deepEqual(area.data, before);
  // Just under the quota is fine.
  const fits = { version: 1, declared_interests: big.declared_interests.slice(0, 20) };
  assert.ok(itemBytes(SETTINGS_KEY, validateSettings(fits).settings) < perItem);
  assert.equal((await saveSettings(fits, area)).ok, true);
});

test('multi-byte text counts in UTF-8 bytes, as Chrome measures the quota', () => {
  assert.equal(itemBytes('k', 'é'), 1 + 4); // k + "é" (quotes + 2 bytes)
  assert.equal(itemBytes('k', '🩺'), 1 + 6);
});

test('settings that fit alone but not beside other synced data are refused', async () => {
  const area = fakeSync({ other: 'x'.repeat(102_000) });
  const r = await saveSettings({ version: 1, ignored_terms: ['a'.repeat(100), 'b'.repeat(100), 'c'.repeat(100)] }, area);
  assert.equal(r.ok, false);
  assert.match(r.errors[0], /synced storage holds at most 102400 bytes in all/);
  assert.equal(area.writes, 0);
});

test('a storage area that throws (quota, sync disabled) becomes a message, not an uncaught error', async () => {
  const area = fakeSync({}, { failSet: 'QUOTA_BYTES_PER_ITEM quota exceeded' });
  const r = await saveSettings(defaultSettings(), area);
  assert.deepEqual(r, {
    ok: false,
    settings: null,
    errors: ['The browser did not store the settings: QUOTA_BYTES_PER_ITEM quota exceeded'],
  });
});

test('the key scan survives very deep nesting', () => {
  const deep = JSON.parse(`${'['.repeat(50_000)}{"__proto__": 1}${']'.repeat(50_000)}`);
  assert.equal(forbiddenKeyPaths(deep).length, 1);
  assert.deepEqual(validateSettings({ version: 1, ignored_terms: deep }).errors.length, 1);
});
