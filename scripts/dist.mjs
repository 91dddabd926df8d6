// `make dist`: release packages holding only what the extension needs.
//   dist/second-opinion-chrome.zip   manifest without Firefox-only keys and without `key` (the
//                                    Chrome Web Store refuses a manifest with one; the store gives
//                                    the extension its own id)
//   dist/second-opinion-firefox.zip  manifest without Chrome-only keys; `web-ext lint` must report
//                                    no errors and no warnings
// scripts/listing.mjs then adds the source archive and the store listing material.
// Each package holds manifest.json, extension/** (code, pages, styles; no docs), pkg/*.js and
// pkg/*.wasm (the checker) and the icons the manifest names. Every file the manifest or an ES
// module import refers to must be present, or the build fails.
//
// Usage: node scripts/dist.mjs [--no-lint]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');
const lint = !process.argv.includes('--no-lint');

/** File types an extension page or script can use. */
const EXTENSION_FILES = /\.(js|mjs|html|css|json|png|svg|wasm)$/;

/** @param {string} dir @returns {string[]} paths relative to root */
function walk(dir) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(root, rel)).isDirectory() ? walk(rel) : [rel];
  });
}

/** @param {any} manifest @returns {string[]} every file the manifest names */
function manifestFiles(manifest) {
  const files = [
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.storage?.managed_schema,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...(manifest.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []),
  ];
  return [...new Set(files.filter((f) => typeof f === 'string' && !f.includes('*')))];
}

/**
 * Files referenced from a staged file: ES imports in scripts, src/href in pages, and the WASM
 * that wasm-bindgen's glue loads by URL.
 * @param {string} stage @param {string} file relative path
 */
function references(stage, file) {
  const text = readFileSync(join(stage, file), 'utf8');
  const refs = [];
  const patterns = file.endsWith('.html')
    ? [/\b(?:src|href)="([^"#?]+)"/g]
    : file.endsWith('.js') || file.endsWith('.mjs')
      ? [
          /\bimport\s+(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/g,
          /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
          /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
        ]
      : [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target) || target.startsWith('//')) continue;
      refs.push(target.startsWith('/') ? target.slice(1) : join(dirname(file), target));
    }
  }
  return refs;
}

/**
 * @param {'chrome'|'firefox'} browser
 * @returns {string} the staging directory
 */
function stage(browser) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  // The minimum versions and the data-collection declaration are stated once, in manifest.json
  // (Firefox 140: the CSS Custom Highlight API and data_collection_permissions; Firefox for
  // Android reads the latter from 142). The packages copy them; they do not make them up.
  const { gecko, gecko_android } = manifest.browser_specific_settings ?? {};
  if (gecko?.strict_min_version !== '140.0' || gecko_android?.strict_min_version !== '142.0' || !gecko?.data_collection_permissions) {
    throw new Error('manifest.json: browser_specific_settings must state Firefox 140, Android 142 and data_collection_permissions');
  }
  delete manifest.key;
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
    if (manifest.background) delete manifest.background.scripts;
  } else if (manifest.background?.scripts) {
    delete manifest.background.service_worker;
  }
  const files = [
    ...walk('extension').filter((f) => EXTENSION_FILES.test(f)),
    ...readdirSync(join(root, 'pkg'))
      .filter((f) => /\.(js|wasm)$/.test(f))
      .map((f) => join('pkg', f)),
    ...manifestFiles(manifest).filter((f) => f.startsWith('icons/')),
  ];
  const dir = join(distDir, `stage-${browser}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of new Set(files)) {
    if (!existsSync(join(root, f))) throw new Error(`${browser}: ${f} is missing (run make build)`);
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(root, f), join(dir, f));
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  const missing = [];
  for (const f of manifestFiles(manifest)) if (!existsSync(join(dir, f))) missing.push(`manifest -> ${f}`);
  for (const f of walk(relative(root, dir)).map((p) => relative(relative(root, dir), p))) {
    for (const ref of references(dir, f)) if (!existsSync(join(dir, ref))) missing.push(`${f} -> ${ref}`);
  }
  if (missing.length) throw new Error(`${browser} package is incomplete:\n  ${missing.join('\n  ')}`);
  return dir;
}

function zip(browser, dir) {
  const name = `second-opinion-${browser}.zip`;
  rmSync(join(distDir, name), { force: true });
  execFileSync(
    webExt,
    ['build', '--source-dir', dir, '--artifacts-dir', distDir, '--filename', name, '--overwrite-dest'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const listing = execFileSync('unzip', ['-Z1', join(distDir, name)], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l && !l.endsWith('/'));
  console.log(`dist/${name}: ${listing.length} files`);
  return listing;
}

if (!existsSync(join(root, 'pkg', 'second_opinion_bg.wasm'))) {
  console.error('dist: pkg/ is not built; run `make wasm` (or `make build`) first.');
  process.exit(1);
}
if (!existsSync(webExt)) {
  console.error('dist: web-ext is not installed; run `scripts/setup.sh node`.');
  process.exit(1);
}
mkdirSync(distDir, { recursive: true });
try {
  for (const browser of /** @type {const} */ (['chrome', 'firefox'])) {
    const dir = stage(browser);
    zip(browser, dir);
    if (browser === 'firefox' && lint) {
      // Errors and warnings both fail the build.
      execFileSync(webExt, ['lint', '--source-dir', dir, '--output', 'text', '--warnings-as-errors'], { stdio: 'inherit' });
    }
    rmSync(dir, { recursive: true, force: true });
  }
} catch (e) {
  console.error(`dist: ${e.message}`);
  process.exit(1);
}
