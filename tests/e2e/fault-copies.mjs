// @ts-check
// Temporary copies of the extension with one fault built in, for tests/e2e/faults.test.mjs:
//   broken-wasm    pkg/second_opinion_bg.wasm is not WebAssembly (the checker cannot be built)
//   broken-worker  extension/background.js does not parse (no service worker at all)
//   delayed        the worker first imports tests/e2e/hooks/delay-replies.js, which holds check
//                  answers back for chrome.storage.local["test:checkDelayMs"] ms
//   mastodon-granted  no fault: the manifest also lists https://mastodon.social/* as a host
//                  permission, which stands in for the doctor granting it at "Enable on this
//                  site" (Playwright cannot answer the browser's permission prompt). The
//                  registration after the grant is the extension's own, unchanged.
// The copies hold only what the extension loads (manifest, extension/, pkg/, icons) and live
// in the system temp directory; the repository itself is never modified.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** @typedef {'broken-wasm'|'broken-worker'|'delayed'|'mastodon-granted'} Fault */

/**
 * Makes a copy with `fault`; returns its directory and a function that deletes it.
 * @param {Fault} fault
 */
export function extensionCopy(fault) {
  const dir = mkdtempSync(join(tmpdir(), `so-ext-${fault}-`));
  for (const part of ['manifest.json', 'extension', 'pkg', 'icons/generated']) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  if (fault === 'broken-wasm') {
    writeFileSync(join(dir, 'pkg/second_opinion_bg.wasm'), Buffer.from('this is not a WebAssembly module'));
  } else if (fault === 'broken-worker') {
    const bg = join(dir, 'extension/background.js');
    writeFileSync(bg, `${readFileSync(bg, 'utf8')}\n)(; // broken on purpose by fault-copies.mjs\n`);
  } else if (fault === 'mastodon-granted') {
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.host_permissions.push('https://mastodon.social/*');
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  } else if (fault === 'delayed') {
    cpSync(join(ROOT, 'tests/e2e/hooks/delay-replies.js'), join(dir, 'extension/test-hooks/delay-replies.js'));
    writeFileSync(
      join(dir, 'extension/test-hooks/worker.js'),
      "import './delay-replies.js';\nimport '../background.js';\n",
    );
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.background.service_worker = 'extension/test-hooks/worker.js';
    manifest.background.scripts = ['extension/test-hooks/worker.js'];
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
