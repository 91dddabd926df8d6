// @ts-check
// Organisation policy for the browsers under test, set the way IT sets it, without changing what
// any other browser on this machine reads (other tests may be running at the same time).
//
// Chromium (Debian) reads /etc/chromium/policies/managed/*.json. The Chromium under test runs in
// its own mount namespace, where a temporary copy of /etc/chromium holding
// policies/managed/second-opinion-test.json is bind-mounted over /etc/chromium: Chromium reads
// the real path, and nothing outside that one process sees the file. That needs root and
// unshare(1); where the kernel refuses a mount namespace (some containers), the file is written
// to the real /etc/chromium/policies/managed/ instead and removed again by cleanup().
//
// Firefox reads policies.json from the distribution/ folder of its installation (found next to
// the real path of its binary). The Firefox under test is a private copy of the installation:
// its launcher copied, every other file a symbolic link, and its own distribution/policies.json.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
const ETC_CHROMIUM = '/etc/chromium';

/** The Chromium binary the harness would start (it honours CHROMIUM_PATH the same way). */
function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (existsSync(p)) return p;
  throw new Error('Chromium not found: run scripts/setup.sh browsers or set CHROMIUM_PATH');
}

/** Does this machine let us give one process its own mount namespace? */
function canUnshare() {
  if (process.getuid?.() !== 0) return false;
  const r = spawnSync('unshare', ['--mount', '--propagation', 'private', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}

/**
 * A Chromium whose managed policy folder holds `policy` (a Chromium policy file: for an
 * extension's managed storage, `{"3rdparty": {"extensions": {"<id>": {...}}}}`). Start it by
 * setting CHROMIUM_PATH to `executablePath` before the harness's launch().
 * @param {object} policy
 * @returns {{executablePath: string, mode: 'namespace'|'machine', cleanup: () => void}}
 */
export function chromiumWithPolicy(policy) {
  const json = JSON.stringify(policy, null, 2);
  const dir = mkdtempSync(join(tmpdir(), 'so-chromium-policy-'));
  if (canUnshare() && existsSync(ETC_CHROMIUM)) {
    const etc = join(dir, 'etc-chromium');
    mkdirSync(etc);
    for (const name of readdirSync(ETC_CHROMIUM)) {
      if (name !== 'policies') cpSync(join(ETC_CHROMIUM, name), join(etc, name), { recursive: true });
    }
    mkdirSync(join(etc, 'policies', 'managed'), { recursive: true });
    writeFileSync(join(etc, 'policies', 'managed', 'second-opinion-test.json'), json);
    const wrapper = join(dir, 'chromium');
    writeFileSync(
      wrapper,
      `#!/bin/sh
# Chromium with its own /etc/chromium (tests/e2e/policy.mjs). exec keeps the process id.
exec unshare --mount --propagation private /bin/sh -c 'etc="$1"; bin="$2"; shift 2; mount --bind "$etc" ${ETC_CHROMIUM} && exec "$bin" "$@"' sh ${JSON.stringify(etc)} ${JSON.stringify(chromiumPath())} "$@"
`,
    );
    chmodSync(wrapper, 0o755);
    return { executablePath: wrapper, mode: 'namespace', cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  // No namespace: the machine-wide folder, for as short a time as the test runs.
  const created = [];
  for (let d = CHROMIUM_POLICY_DIR; !existsSync(d); d = dirname(d)) created.unshift(d);
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
  const file = join(CHROMIUM_POLICY_DIR, `second-opinion-test-${process.pid}.json`);
  writeFileSync(file, json);
  const cleanup = () => {
    rmSync(file, { force: true });
    for (const d of created.reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty: someone else's policy is there too
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);
  return { executablePath: chromiumPath(), mode: 'machine', cleanup };
}

/**
 * A private copy of the Firefox installation whose distribution/policies.json is `policies`
 * (the whole file: `{"policies": {...}}`).
 * @param {string} firefox  the Firefox binary (e.g. /usr/bin/firefox-esr)
 * @param {object} policies
 * @returns {{binary: string, cleanup: () => void}}
 */
export function firefoxWithPolicies(firefox, policies) {
  const real = realpathSync(firefox);
  const install = dirname(real);
  const dir = mkdtempSync(join(tmpdir(), 'so-firefox-policy-'));
  for (const name of readdirSync(install)) {
    if (name === 'distribution' || name === basename(real)) continue;
    symlinkSync(join(install, name), join(dir, name));
  }
  // The launcher must be a real file here: Firefox finds distribution/ next to its resolved path.
  copyFileSync(real, join(dir, basename(real)));
  chmodSync(join(dir, basename(real)), 0o755);
  const dist = join(dir, 'distribution');
  mkdirSync(dist);
  const shipped = join(install, 'distribution');
  if (existsSync(shipped)) {
    for (const name of readdirSync(shipped)) if (name !== 'policies.json') symlinkSync(realpathSync(join(shipped, name)), join(dist, name));
  }
  writeFileSync(join(dist, 'policies.json'), JSON.stringify(policies, null, 2));
  return { binary: join(dir, basename(real)), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The extension id Chromium derives from the manifest's `key` (first 128 bits of SHA-256, a–p). */
export function chromiumIdFromKey(base64Key) {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
