// HTTPS fixture server on loopback: a self-signed certificate made at start-up (openssl), the
// sites' strict CSP (no 'wasm-unsafe-eval', no inline script), pages chosen by Host header so the
// browser can reach them as https://x.com/ and https://www.facebook.com/ via
// --host-resolver-rules. Every request is recorded, so tests can prove the extension made none.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_INFO, siteForHost } from '../../extension/shared/sites.js';
import { BUILD_DIR, buildFixtures } from './build-fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Practice hosts of the sites enabled at run time (no fixed hosts in extension/shared/sites.js). */
export const PRACTICE_HOSTS = { 'mastodon.social': 'mastodon' };

/** Every site's hosts (extension/shared/sites.js) and the practice hosts: the fixture pages are served under all of them. */
export const HOSTS = [...SITE_INFO.flatMap((s) => s.hosts), ...Object.keys(PRACTICE_HOSTS)];

/** The site a host's practice page is for. */
const siteOf = (host) => siteForHost(host) ?? PRACTICE_HOSTS[host] ?? '';

/** Like the real sites: scripts only from the site itself; no eval of any kind, no WASM. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function certificate(dir) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=second-opinion-fixture',
      '-addext', `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')},IP:127.0.0.1`,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Each site's practice page: its title, bundle (tests/e2e/.build/<site>.js) and style sheets. */
/** @type {Record<string, {title: string, css?: string[], script?: string}>} */
const PAGES = {
  x: { title: 'Home / X', css: ['/draft.css'] },
  facebook: { title: 'Facebook' },
  linkedin: { title: 'Feed | LinkedIn', css: ['/quill.core.css'] },
  bluesky: { title: 'Home — Bluesky' },
  threads: { title: 'Threads' },
  instagram: { title: 'Instagram', script: 'textarea' },
  mastodon: { title: 'Mastodon', script: 'textarea' },
};

const page = (title, script, extraCss = '') => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
${extraCss}<link rel="stylesheet" href="/page.css">
<script src="/${script}" defer></script></head>
<body><div id="root"></div></body></html>`;

/**
 * Starts the server.
 * @returns {Promise<{port: number, requests: {host: string, path: string}[], close: () => Promise<void>}>}
 */
export async function startServer() {
  await buildFixtures();
  const dir = mkdtempSync(join(tmpdir(), 'so-cert-'));
  const tls = certificate(dir);
  const files = {
    '/page.css': ['text/css', readFileSync(join(here, 'fixtures/page.css'))],
    '/draft.css': ['text/css', readFileSync(join(root, 'node_modules/draft-js/dist/Draft.css'))],
    '/quill.core.css': ['text/css', readFileSync(join(root, 'node_modules/quill/dist/quill.core.css'))],
  };
  for (const [site, p] of Object.entries(PAGES)) {
    const script = p.script ?? site;
    files[`/${script}.js`] = ['text/javascript', readFileSync(join(BUILD_DIR, `${script}.js`))];
  }
  /** @type {{host: string, path: string}[]} */
  const requests = [];
  const server = createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push({ host, path });
    const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    const file = files[path];
    if (file) {
      res.writeHead(200, { ...headers, 'content-type': file[0] });
      res.end(file[1]);
    } else if (path === '/favicon.ico') {
      res.writeHead(204, headers);
      res.end();
    } else if (PAGES[siteOf(host)]) {
      const p = PAGES[siteOf(host)];
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(page(p.title, `${p.script ?? siteOf(host)}.js`, (p.css ?? []).map((c) => `<link rel="stylesheet" href="${c}">\n`).join('')));
    } else {
      res.writeHead(404, headers);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve(undefined);
        });
      }),
  };
}
