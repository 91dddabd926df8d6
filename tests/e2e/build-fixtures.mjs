// Bundles the fixture pages from the real editor packages: draft-js (+ React 18), lexical, quill,
// @tiptap/core + @tiptap/starter-kit.
// Output: tests/e2e/.build/<site>.js (git-ignored).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = join(here, '.build');

export async function buildFixtures() {
  await build({
    entryPoints: {
      x: join(here, 'fixtures/x.jsx'),
      facebook: join(here, 'fixtures/facebook.js'),
      linkedin: join(here, 'fixtures/linkedin.js'),
      bluesky: join(here, 'fixtures/bluesky.js'),
      threads: join(here, 'fixtures/threads.js'),
      textarea: join(here, 'fixtures/textarea.jsx'),
    },
    outdir: BUILD_DIR,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'warning',
  });
  return BUILD_DIR;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildFixtures();
