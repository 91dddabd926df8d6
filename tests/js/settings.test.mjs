// Unit tests for extension/shared/settings.js (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkerConfig,
  defaultSettings,
  loadSettings,
  migrateSettings,
  saveSettings,
  validateSettings,
  SETTINGS_KEY,
} from '../../extension/shared/settings.js';
import { SITES } from '../../extension/shared/sites.js';

/** Every site on: sites added after X and Facebook take their default. */
const allSites = Object.fromEntries(SITES.map((s) => [s, true]));

/** An in-memory chrome.storage area. */
function fakeArea(initial = {}) {
  const data = structuredClone(initial);
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

test('defaults validate and produce exactly the checker Config keys', () => {
  const d = defaultSettings();
  assert.deepEqual(validateSettings(d), { ok: true, settings: d, errors: [] });
  const config = checkerConfig(d);
  assert.deepEqual(Object.keys(config).sort(), [
    'categories',
    'declared_interests',
    'ignored_terms',
    'standing_declaration',
  ]);
  assert.deepEqual(Object.keys(config.categories).sort(), [
    'boundaries',
    'confidentiality',
    'conflict_of_interest',
    'respect',
  ]);
});

test('checkerConfig carries interests, declaration, terms and modes but not sites or rules', () => {
  const s = defaultSettings();
  s.declared_interests = [{ company: 'Pfizer', relationship: 'speaker fees', since: '2021' }];
  s.standing_declaration = 'Disclosure: speaker fees from Pfizer.';
  s.ignored_terms = ['Okafor'];
  s.categories.respect = 'off';
  s.sites.x = false;
  s.ignored_rules = ['postcode'];
  assert.deepEqual(checkerConfig(s), {
    declared_interests: [{ company: 'Pfizer', relationship: 'speaker fees', since: '2021' }],
    standing_declaration: 'Disclosure: speaker fees from Pfizer.',
    ignored_terms: ['Okafor'],
    categories: { confidentiality: 'warn', conflict_of_interest: 'warn', boundaries: 'warn', respect: 'off' },
  });
});

test('validation normalises: trims, empty declaration to null, dedupes terms, fills missing keys', () => {
  const r = validateSettings({
    version: 1,
    declared_interests: [{ company: ' Pfizer ', relationship: ' consultancy ', since: '' }],
    standing_declaration: '   ',
    ignored_terms: ['Okafor', 'okafor', ' bay '],
  });
  assert.equal(r.ok, true, r.errors.join(' '));
  assert.deepEqual(r.settings.declared_interests, [
    { company: 'Pfizer', relationship: 'consultancy', since: null },
  ]);
  assert.equal(r.settings.standing_declaration, null);
  assert.deepEqual(r.settings.ignored_terms, ['Okafor', 'bay']);
  assert.deepEqual(r.settings.sites, { ...allSites, x: true, facebook: true });
});

test('invalid settings are refused whole, with one clear message per problem', () => {
  const r = validateSettings({
    version: 1,
    declared_interests: [{ company: '', relationship: 'fees' }, { company: 'Abbott' }],
    categories: { confidentiality: 'loud', astrology: 'warn' },
    sites: { x: 'yes', myspace: true },
    colour: 'blue',
  });
  assert.equal(r.ok, false);
  assert.equal(r.settings, null);
  assert.deepEqual(r.errors, [
    'Unknown setting "colour".',
    'Declared interest 1: the company is required.',
    'Declared interest 2 (Abbott): the relationship is required.',
    'Category confidentiality: mode must be one of warn, remind, off.',
    'Unknown category "astrology".',
    'Site x: must be true or false.',
    'Unknown site "myspace".',
  ]);
});

test('non-objects, duplicate companies, over-long text and newer versions are rejected', () => {
  for (const bad of [null, 42, 'settings', [], true]) {
    assert.deepEqual(validateSettings(bad).errors, ['Settings must be a JSON object.']);
  }
  const dup = validateSettings({
    version: 1,
    declared_interests: [
      { company: 'Pfizer', relationship: 'fees' },
      { company: 'PFIZER', relationship: 'shares' },
    ],
  });
  assert.match(dup.errors.join(), /Declared interest 2 \(PFIZER\): PFIZER is listed twice/);
  const long = validateSettings({ version: 1, standing_declaration: 'x'.repeat(601) });
  assert.match(long.errors.join(), /standing declaration is too long/);
  const newer = validateSettings({ version: 2 });
  assert.match(newer.errors.join(), /version 2, from a newer Second Opinion/);
});

test('migration from unversioned (version 0) settings', () => {
  const old = {
    declaredInterests: ['Abbott', { company: 'Pfizer', relationship: 'fees', since: '2020' }],
    standingDeclaration: 'COI: Abbott shares.',
    ignoredTerms: ['Okafor'],
    sites: ['facebook'],
  };
  const migrated = migrateSettings(old);
  assert.equal(migrated.version, 1);
  const r = validateSettings(old);
  assert.equal(r.ok, true, r.errors.join(' '));
  assert.deepEqual(r.settings.declared_interests, [
    { company: 'Abbott', relationship: 'declared interest', since: null },
    { company: 'Pfizer', relationship: 'fees', since: '2020' },
  ]);
  assert.equal(r.settings.standing_declaration, 'COI: Abbott shares.');
  assert.deepEqual(r.settings.sites, { ...allSites, x: false, facebook: true });
  assert.deepEqual(validateSettings({ version: 0 }).settings, defaultSettings());
  // Current-version objects pass through untouched.
  const current = defaultSettings();
  assert.equal(migrateSettings(current), current);
});

test('loadSettings migrates, and falls back to defaults when missing or invalid', async () => {
  assert.deepEqual(await loadSettings(fakeArea()), defaultSettings());
  const bad = fakeArea({ [SETTINGS_KEY]: { version: 1, sites: 'all' } });
  const warn = console.warn;
  console.warn = () => {};
  try {
    assert.deepEqual(await loadSettings(bad), defaultSettings());
  } finally {
    console.warn = warn;
  }
  const old = fakeArea({ [SETTINGS_KEY]: { ignoredTerms: ['bay'] } });
  assert.deepEqual((await loadSettings(old)).ignored_terms, ['bay']);
});

test('saveSettings writes only valid settings', async () => {
  const area = fakeArea();
  const bad = await saveSettings({ version: 1, ignored_terms: 'bay' }, area);
  assert.equal(bad.ok, false);
  assert.deepEqual(area.data, {});
  const good = await saveSettings({ version: 1, ignored_terms: ['bay'] }, area);
  assert.equal(good.ok, true);
  assert.deepEqual(area.data[SETTINGS_KEY].ignored_terms, ['bay']);
});
