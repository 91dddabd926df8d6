// The site list is defined once (extension/shared/sites.js); the manifest, the content scripts'
// adapters (extension/content/sites/<key>.js), the managed-storage schema and the settings all
// name the same sites and hosts.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { SITES as SETTINGS_SITES, defaultSettings } from '../../extension/shared/settings.js';
import { FIXED_HOSTS, RUNTIME_SITE, SITES, SITE_INFO, SITE_LABELS, siteForHost } from '../../extension/shared/sites.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p) => readFileSync(join(root, p), 'utf8');
const manifest = JSON.parse(read('manifest.json'));
const hosts = SITE_INFO.flatMap((s) => s.hosts).sort();
const patterns = (list) => [...list].sort();
const expectedPatterns = hosts.map((h) => `https://${h}/*`).sort();

/** Runs the content scripts' registry and adapters in a sandbox; returns the registered adapters. */
function adapters() {
  const sandbox = { globalThis: null, location: { hostname: '', protocol: 'https:' }, navigator: { platform: 'Linux x86_64' } };
  sandbox.globalThis = sandbox;
  sandbox.SecondOpinion = {};
  const ctx = vm.createContext(sandbox);
  const files = manifest.content_scripts[0].js.filter((f) => f.startsWith('extension/content/sites'));
  for (const f of files) vm.runInContext(read(f), ctx, { filename: f });
  // Plain copies: arrays made in the sandbox are of another realm.
  return { files, list: JSON.parse(JSON.stringify(sandbox.SecondOpinion.sites.all())) };
}

test('every site has a key, a label and hosts; keys and hosts are unique', () => {
  assert.equal(new Set(SITES).size, SITES.length);
  assert.equal(new Set(hosts).size, hosts.length);
  for (const s of SITE_INFO) {
    // A site enabled at run time (Mastodon) has no fixed hosts; every other site has some.
    assert.ok(s.label && (s.runtime ? s.hosts.length === 0 : s.hosts.length), s.key);
    for (const h of s.hosts) assert.equal(siteForHost(h), s.key);
  }
  assert.deepEqual(Object.keys(SITE_LABELS), SITES);
});

test("the manifest's content-script matches and host permissions are exactly the sites' hosts", () => {
  assert.equal(manifest.content_scripts.length, 1);
  assert.deepEqual(patterns(manifest.content_scripts[0].matches), expectedPatterns);
  assert.deepEqual(patterns(manifest.host_permissions), expectedPatterns);
  assert.deepEqual(FIXED_HOSTS.sort(), hosts);
});

test('a site enabled at run time asks for its origin then: an optional host permission only', () => {
  assert.deepEqual(SITE_INFO.filter((s) => s.runtime).map((s) => s.key), [RUNTIME_SITE]);
  assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
  assert.ok(!manifest.host_permissions.some((p) => p.includes('*://*') || p === '<all_urls>'), 'no broad host permission installed');
});

test('one adapter file per site, loaded by the manifest, registering the same key and hosts', () => {
  const { files, list } = adapters();
  const onDisk = readdirSync(join(root, 'extension/content/sites')).filter((f) => f.endsWith('.js')).sort();
  assert.deepEqual(onDisk, SITES.map((k) => `${k}.js`).sort(), 'a file per site, no others');
  assert.deepEqual(files.slice(1).sort(), onDisk.map((f) => `extension/content/sites/${f}`), 'the manifest loads each');
  assert.deepEqual(list.map((a) => a.key).sort(), [...SITES].sort());
  for (const a of list) {
    const info = SITE_INFO.find((s) => s.key === a.key);
    assert.deepEqual([...a.hosts].sort(), [...info.hosts].sort(), a.key);
    assert.ok(a.composer, a.key);
  }
});

test('settings and the managed-storage schema know every site', () => {
  assert.deepEqual(SETTINGS_SITES, SITES);
  assert.deepEqual(Object.keys(defaultSettings().sites), SITES);
  const schema = JSON.parse(read('extension/managed_schema.json'));
  assert.deepEqual(Object.keys(schema.properties.sites.properties).sort(), [...SITES].sort());
});
