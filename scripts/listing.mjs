// @ts-check
// `make dist`, after scripts/dist.mjs: what the stores ask for besides the packages.
//   dist/second-opinion-source.zip   every tracked file as it is in the working tree, plus
//                                    SOURCE-BUILD.md (how to rebuild the generated files, the tool
//                                    versions used and their SHA-256) for Mozilla's reviewers
//   dist/listing/*.txt               store descriptions and permission justifications, from
//                                    docs/listing/, with the version filled in and lengths checked
// The 1280×800 screenshots come from `node scripts/demo.mjs --listing dist/listing/screenshots`.
//
// Usage: node scripts/listing.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const listing = join(dist, 'listing');
const version = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).version;

/** Store limits on the short texts (characters). */
const LIMITS = { 'chrome-web-store.txt': 132, 'firefox-amo.txt': 250 };

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** @param {string} cmd @param {string[]} args @returns {string} output, or "not installed" */
function version_of(cmd, args = ['--version']) {
  try {
    return run(cmd, args).split('\n')[0];
  } catch {
    return `${cmd}: not installed`;
  }
}

/** @param {string} text @param {Record<string, string>} values */
function fill(text, values) {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`listing: no value for {{${k}}}`);
    return values[k];
  });
}

/** The line under the given heading in a listing text (the short summary). */
function lineAfter(text, heading) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(heading));
  return i >= 0 ? lines[i + 1] : '';
}

function generatedFiles() {
  const icons = existsSync(join(root, 'icons/generated'))
    ? readdirSync(join(root, 'icons/generated')).filter((f) => f.endsWith('.png')).map((f) => `icons/generated/${f}`)
    : [];
  const files = ['pkg/second_opinion_bg.wasm', 'pkg/second_opinion.js', ...icons.sort(), 'extension/generated/highlights.css'];
  for (const f of files) if (!existsSync(join(root, f))) throw new Error(`${f} is missing (run make build)`);
  return files;
}

function sourceArchive() {
  const out = join(dist, 'second-opinion-source.zip');
  rmSync(out, { force: true });
  let revision;
  let tree;
  try {
    revision = run('git', ['describe', '--always', '--dirty']);
    // The working tree's tracked files, uncommitted edits included (`git stash create` makes a
    // commit of them without touching the stash or the tree); the last commit if there are none.
    tree = run('git', ['stash', 'create']) || 'HEAD';
  } catch {
    console.log('listing: not a git checkout, so no source archive (build it from a clone).');
    return;
  }
  const untracked = run('git', ['ls-files', '--others', '--exclude-standard']).split('\n').filter(Boolean);
  if (untracked.length) console.warn(`listing: not in the source archive (untracked): ${untracked.join(', ')}`);
  const checksums = generatedFiles()
    .map((f) => `${createHash('sha256').update(readFileSync(join(root, f))).digest('hex')}  ${f}`)
    .join('\n');
  const rustc = version_of('rustc');
  const environment = [
    `- ${readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? process.platform}, ${process.arch}, user ${process.getuid?.() === 0 ? 'root' : 'not root'}`,
    `- ${rustc}`,
    `- ${version_of('cargo')}`,
    `- ${version_of('wasm-bindgen')}`,
    `- Node ${process.version}, npm ${version_of('npm')}`,
  ].join('\n');
  const doc = fill(readFileSync(join(root, 'docs/listing/SOURCE-BUILD.md'), 'utf8'), {
    version,
    revision: `revision ${revision}`,
    environment,
    rustc_version: rustc.split(' ')[1] ?? 'stable',
    wasm_bindgen_version: readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^wasm-bindgen = "=([\d.]+)"/m)?.[1] ?? '',
    node_major: process.versions.node.split('.')[0],
    checksums,
  });
  const tmp = mkdtempSync(join(tmpdir(), 'so-source-'));
  try {
    writeFileSync(join(tmp, 'SOURCE-BUILD.md'), doc);
    run('git', ['archive', '--format=zip', `--prefix=second-opinion-${version}/`, `--add-file=${join(tmp, 'SOURCE-BUILD.md')}`, '-o', out, tree]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const count = run('unzip', ['-Z1', out]).split('\n').filter((l) => l && !l.endsWith('/')).length;
  console.log(`dist/second-opinion-source.zip: ${count} files (${revision}), with SOURCE-BUILD.md`);
}

function texts() {
  mkdirSync(listing, { recursive: true });
  for (const name of ['chrome-web-store.txt', 'firefox-amo.txt', 'permissions.txt']) {
    const text = fill(readFileSync(join(root, 'docs/listing', name), 'utf8'), { version });
    const limit = LIMITS[name];
    if (limit) {
      const summary = lineAfter(text, 'Summary');
      if (!summary || summary.length > limit) {
        throw new Error(`${name}: the summary is ${summary.length} characters; the store allows ${limit}`);
      }
    }
    writeFileSync(join(listing, name), text);
    console.log(`dist/listing/${name}`);
  }
}

try {
  mkdirSync(dist, { recursive: true });
  sourceArchive();
  texts();
} catch (e) {
  console.error(`listing: ${e.message}`);
  process.exit(1);
}
