// @ts-check
// Unit tests for extension/shared/policy.js, the managed-storage schema and the deployment
// examples in docs/deploy/ (which are the files the end-to-end policy tests load).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  POLICY_KEYS,
  describePolicy,
  effectiveSettings,
  emptyPolicy,
  isManaged,
  keepUserValues,
  loadPolicy,
  sanitizePolicy,
} from '../../extension/shared/policy.js';
import { CATEGORIES, defaultSettings, validateSettings } from '../../extension/shared/settings.js';
import { SITES } from '../../extension/shared/sites.js';

/** Every site on: sites added after X and Facebook take their default. */
const allSites = Object.fromEntries(SITES.map((s) => [s, true]));

const ROOT = join(import.meta.dirname, '..', '..');
const read = (p) => readFileSync(join(ROOT, p), 'utf8');
const json = (p) => JSON.parse(read(p));

const CHROMIUM_ID = 'ppjmlnohegompicbfcpcgigjjoaehmgg';
const GECKO_ID = 'second-opinion@second-opinion.example';
const labels = { sites: { x: 'X', facebook: 'Facebook' }, categories: { confidentiality: 'Confidentiality' } };

test("the manifest key gives the documented Chromium id, and the docs state it", () => {
  const manifest = json('manifest.json');
  const hex = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  assert.equal(id, CHROMIUM_ID);
  for (const doc of ['docs/DEPLOYING.md', 'README.md']) assert.ok(read(doc).includes(CHROMIUM_ID), `${doc} names the id`);
  assert.equal(manifest.storage.managed_schema, 'extension/managed_schema.json');
  assert.ok(!/PRIVATE KEY/.test(read('manifest.json')), 'only the public key is in the manifest');
});

test('one minimum-version story: the manifest, the README and the deployment guide agree', () => {
  const { gecko, gecko_android } = json('manifest.json').browser_specific_settings;
  assert.equal(gecko.strict_min_version, '140.0');
  assert.equal(gecko_android.strict_min_version, '142.0');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  for (const doc of ['README.md', 'docs/DEPLOYING.md']) {
    const text = read(doc);
    assert.match(text, /Firefox 140/, `${doc}: Firefox 140`);
    assert.match(text, /Firefox for Android 142/, `${doc}: Firefox for Android 142`);
    assert.doesNotMatch(text, /Firefox 128/, `${doc}: no older minimum`);
  }
});

test('the managed schema declares exactly the policy keys, in the shape Chrome requires', () => {
  const schema = json('extension/managed_schema.json');
  assert.equal(schema.type, 'object');
  assert.equal(schema.additionalProperties, undefined, 'Chrome forbids additionalProperties at the top');
  assert.deepEqual(Object.keys(schema.properties).sort(), [...POLICY_KEYS].sort());
  const walk = (s, path) => {
    assert.ok(('type' in s) !== ('$ref' in s), `${path}: exactly one of type or $ref`);
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.${k}`);
    if (s.items) walk(s.items, `${path}[]`);
  };
  walk(schema, 'schema');
  assert.deepEqual(schema.properties.warn_categories.items.enum, CATEGORIES);
  const guide = read('docs/DEPLOYING.md');
  for (const key of POLICY_KEYS) assert.ok(guide.includes(`\`${key}\``), `DEPLOYING.md documents ${key}`);
});

/** Checks a value against the subset of JSON Schema the managed schema uses. */
function conforms(value, schema) {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' && (!schema.enum || schema.enum.includes(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && value.every((v) => conforms(v, schema.items));
    case 'object':
      return (
        value !== null &&
        typeof value === 'object' &&
        Object.entries(value).every(([k, v]) => schema.properties?.[k] && conforms(v, schema.properties[k]))
      );
    default:
      return false;
  }
}

test('every deployment example carries the same policy, valid against the schema and without problems', () => {
  const schema = json('extension/managed_schema.json');
  const policy = json('docs/deploy/policy.json');
  const chrome = json('docs/deploy/chrome-linux-managed.json');
  const firefox = json('docs/deploy/firefox-policies.json');
  assert.deepEqual(chrome['3rdparty'].extensions[CHROMIUM_ID], policy);
  assert.ok(chrome.ExtensionSettings[CHROMIUM_ID], 'Chrome example force-installs the fixed id');
  assert.deepEqual(firefox.policies['3rdparty'].Extensions[GECKO_ID], policy);
  assert.ok(firefox.policies.ExtensionSettings[GECKO_ID], 'Firefox example force-installs the add-on id');
  assert.ok(conforms(policy, schema), 'policy.json conforms to managed_schema.json');
  const { policy: p, problems } = sanitizePolicy(policy);
  assert.deepEqual(problems, []);
  assert.equal(p.organisation_name, policy.organisation_name);
  const reg = read('docs/deploy/windows.reg');
  for (const vendor of ['Google\\Chrome', 'Microsoft\\Edge']) {
    assert.ok(reg.includes(`SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions\\${CHROMIUM_ID}\\policy]`), vendor);
  }
});

test('sanitizePolicy keeps what is valid and names what is not', () => {
  const { policy, problems } = sanitizePolicy({
    sites: { x: false, myspace: true, facebook: 'yes' },
    warn_categories: ['confidentiality', 'gossip', 'confidentiality'],
    standing_declaration: '  Views my own.  ',
    guard_required: 'true',
    ignored_terms: ['Northshire', '', 'northshire', 42],
    colour: 'blue',
  });
  assert.deepEqual(policy.sites, { x: false });
  assert.deepEqual(policy.warn_categories, ['confidentiality']);
  assert.equal(policy.standing_declaration, 'Views my own.');
  assert.equal(policy.guard_required, false);
  assert.deepEqual(policy.ignored_terms, ['Northshire']);
  assert.equal(problems.length, 7, problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('"colour"')));
  assert.deepEqual(sanitizePolicy(undefined), { policy: emptyPolicy(), problems: [] });
  assert.equal(sanitizePolicy([1]).problems.length, 1);
  assert.equal(isManaged(emptyPolicy()), false);
  assert.equal(isManaged(policy), true);
});

test('effectiveSettings puts the policy on top of the doctor\'s settings without changing them', () => {
  const own = validateSettings({
    ...defaultSettings(),
    sites: { x: false, facebook: true },
    categories: { confidentiality: 'off', conflict_of_interest: 'remind', boundaries: 'remind', respect: 'warn' },
    standing_declaration: 'Mine.',
    ignored_terms: ['Okafor', 'NORTHSHIRE'],
    guard: false,
  }).settings;
  assert.ok(own);
  const before = structuredClone(own);
  const { policy } = sanitizePolicy(json('docs/deploy/policy.json'));
  policy.ignored_terms.push('northshire');
  const eff = effectiveSettings(own, policy);
  assert.deepEqual(own, before, 'the doctor\'s object is not changed');
  assert.deepEqual(eff.sites, { ...allSites, x: true, facebook: true });
  assert.equal(eff.categories.confidentiality, 'warn');
  assert.equal(eff.categories.conflict_of_interest, 'warn');
  assert.equal(eff.categories.boundaries, 'remind', 'not forced: the doctor\'s choice');
  assert.equal(eff.standing_declaration, policy.standing_declaration);
  assert.equal(eff.guard, true);
  assert.deepEqual(eff.ignored_terms, ['Okafor', 'NORTHSHIRE', '@northshire.nhs.uk'], 'union, no case duplicates');
  assert.ok(validateSettings(eff).ok, 'the merged settings are valid settings');
  assert.deepEqual(effectiveSettings(own, emptyPolicy()), own, 'no policy: the doctor\'s settings');
  // A site switched off by the organisation is off whatever the doctor chose.
  assert.equal(effectiveSettings(defaultSettings(), sanitizePolicy({ sites: { facebook: false } }).policy).sites.facebook, false);
});

test('keepUserValues saves the doctor\'s own values for every locked field', () => {
  const stored = { ...defaultSettings(), guard: false, standing_declaration: 'Mine.' };
  stored.sites.x = false;
  stored.categories.confidentiality = 'remind';
  const { policy } = sanitizePolicy(json('docs/deploy/policy.json'));
  const form = effectiveSettings(stored, policy);
  form.categories.boundaries = 'off'; // an edit to an unlocked field
  form.ignored_terms = ['Okafor']; // the form holds only the doctor's own terms
  const saved = keepUserValues(form, stored, policy);
  assert.equal(saved.sites.x, false);
  assert.equal(saved.categories.confidentiality, 'remind');
  assert.equal(saved.categories.boundaries, 'off');
  assert.equal(saved.standing_declaration, 'Mine.');
  assert.equal(saved.guard, false);
  assert.deepEqual(saved.ignored_terms, ['Okafor']);
});

test('loadPolicy: Chrome with no policy, Firefox with none (a rejection), a policy, no managed area', async () => {
  assert.deepEqual(await loadPolicy({ get: async () => ({}) }), { policy: emptyPolicy(), problems: [] });
  const firefoxNone = { get: async () => Promise.reject(new Error('Managed storage manifest not found')) };
  assert.deepEqual(await loadPolicy(firefoxNone), { policy: emptyPolicy(), problems: [] });
  const set = await loadPolicy({ get: async () => ({ guard_required: true }) });
  assert.equal(set.policy.guard_required, true);
  assert.deepEqual(await loadPolicy(undefined), { policy: emptyPolicy(), problems: [] });
});

test('describePolicy says what is set in one sentence each', () => {
  const { policy } = sanitizePolicy({ sites: { facebook: false }, warn_categories: ['confidentiality'], guard_required: true, ignored_terms: ['a'] });
  assert.deepEqual(describePolicy(policy, labels), [
    'Checking on Facebook is always off.',
    'Always a warning: Confidentiality.',
    'Second Opinion always asks before a post with warnings is published.',
    '1 ignored term added by your organisation.',
  ]);
});

test('the guard setting defaults on, validates as a boolean, and old settings without it keep working', () => {
  assert.equal(defaultSettings().guard, true);
  assert.equal(validateSettings({ version: 1 }).settings?.guard, true);
  assert.equal(validateSettings({ version: 1, guard: false }).settings?.guard, false);
  assert.match(validateSettings({ version: 1, guard: 'no' }).errors.join(), /guard/);
});
