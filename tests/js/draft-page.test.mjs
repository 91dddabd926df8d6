// "Check a draft" (extension/draft/draft.html) runs the same content-script modules as the
// sites, in the manifest's order, so the page's highlights, cards and fixes are the sites' own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p) => readFileSync(join(root, p), 'utf8');

test("the draft page loads the manifest's content scripts, in order, then its own script", () => {
  const manifest = JSON.parse(read('manifest.json'));
  const html = read('extension/draft/draft.html');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => join('extension/draft', m[1]));
  assert.deepEqual(scripts, [...manifest.content_scripts[0].js, 'extension/draft/draft.js']);
  assert.ok(html.includes('href="../generated/highlights.css"'), 'and the highlight styles');
  assert.deepEqual(manifest.content_scripts[0].css, ['extension/generated/highlights.css']);
});

test('the context menu needs only contextMenus, activeTab and scripting beyond storage', () => {
  const manifest = JSON.parse(read('manifest.json'));
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage']);
  assert.equal(manifest.optional_permissions, undefined);
});
