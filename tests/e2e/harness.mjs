// Launches Debian's Chromium with the unpacked extension (the repository root) through
// playwright-core, pointed at the fixture server under the sites' real hostnames, and gives tests
// access to the content script's isolated world over CDP (DESIGN.md §6).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe } from 'node:test';
import { chromium } from 'playwright-core';
import { HOSTS, startServer } from './server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (existsSync(p)) return p;
  throw new Error('Chromium not found: run scripts/setup.sh browsers or set CHROMIUM_PATH');
}

/** Default timeout for waiting on a condition (ms). Generous: CI machines have 2 cores. */
export const WAIT = 15_000;

/**
 * Chromium's id for an unpacked extension: the SHA-256 of the manifest's public `key` if it has
 * one, else of its path, as letters a–p.
 */
export function unpackedExtensionId(dir) {
  const { key } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const hex = createHash('sha256')
    .update(key ? Buffer.from(key, 'base64') : Buffer.from(dir))
    .digest('hex')
    .slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Starts the fixture server and Chromium with the extension.
 * @param {{extensionDir?: string, expectWorker?: boolean}} [opts]  another copy of the
 *   extension (fault tests, see fault-copies.mjs); expectWorker false for a copy whose worker
 *   cannot start
 * @returns {Promise<Session>}
 */
export async function launch({ extensionDir = ROOT, expectWorker = true } = {}) {
  for (const f of ['pkg/second_opinion.js', 'pkg/second_opinion_bg.wasm', 'icons/generated/icon-128.png', 'extension/generated/highlights.css']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`make build\` first`);
  }
  const server = await startServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'so-profile-'));
  const map = HOSTS
    .map((h) => `MAP ${h} 127.0.0.1:${server.port}`)
    .concat(['MAP * ~NOTFOUND'])
    .join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1000, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${map}`,
      '--ignore-certificate-errors',
    ],
  });
  if (!expectWorker) return new Session(context, server, userDataDir, unpackedExtensionId(extensionDir));
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: WAIT });
  const extensionId = new URL(worker.url()).host;
  return new Session(context, server, userDataDir, extensionId);
}

export class Session {
  constructor(context, server, userDataDir, extensionId) {
    this.context = context;
    this.server = server;
    this.userDataDir = userDataDir;
    this.extensionId = extensionId;
    /** Requests seen over CDP that were not for the fixture pages (should stay empty). */
    this.foreignRequests = [];
  }

  /**
   * Opens a fixture page and connects to the content script's isolated world.
   * @param {string} url e.g. https://x.com/home
   */
  async open(url) {
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    /** @type {Map<string, number>} frameId -> isolated context id */
    const contexts = new Map();
    let resolveContext;
    const contextReady = new Promise((r) => (resolveContext = r));
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${this.extensionId}`) {
        contexts.set(context.auxData.frameId, context.id);
        if (context.auxData.isDefault === false) resolveContext(context.id);
      }
    });
    cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      const u = new URL(request.url);
      const fixture = HOSTS.includes(u.hostname);
      if (!fixture && u.protocol !== 'data:' && u.protocol !== 'chrome-extension:') this.foreignRequests.push(request.url);
    });
    await cdp.send('Network.enable');
    await cdp.send('Runtime.enable');
    await page.goto(url);
    const contextId = await Promise.race([
      contextReady,
      page.waitForTimeout(WAIT).then(() => {
        throw new Error('the content script did not start (no isolated world)');
      }),
    ]);
    return new Tab(page, cdp, /** @type {number} */ (contextId));
  }

  /** Stops every service worker (the extension's included) through CDP. */
  async stopServiceWorkers(tab) {
    await tab.cdp.send('ServiceWorker.enable');
    await tab.cdp.send('ServiceWorker.stopAllWorkers');
  }

  async close() {
    await this.context.close().catch(() => {});
    await this.server.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

export class Tab {
  constructor(page, cdp, contextId) {
    this.page = page;
    this.cdp = cdp;
    this.contextId = contextId;
  }

  /**
   * Evaluates an expression in the content script's isolated world.
   * @param {string} expression (may return a promise)
   */
  async isolated(expression) {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.contextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) {
      throw new Error(`isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  }

  /**
   * Waits until `predicate` (a JS expression evaluated in the isolated world, re-evaluated each
   * animation frame; a promise is awaited) is truthy; returns its value. Fails with the last value after `timeout`.
   */
  async waitIsolated(predicate, timeout = WAIT, what = predicate) {
    const value = await this.isolated(`new Promise((resolve) => {
      const deadline = performance.now() + ${timeout};
      const tick = async () => {
        let v;
        try { v = await (${predicate}); } catch (e) { v = undefined; }
        if (v) return resolve({ ok: true, v });
        if (performance.now() > deadline) return resolve({ ok: false, v });
        requestAnimationFrame(tick);
      };
      tick();
    })`);
    if (!value.ok) throw new Error(`timed out waiting for: ${what} (last value: ${JSON.stringify(value.v)})`);
    return value.v;
  }

  /** Texts of all highlighted ranges, by highlight name (from CSS.highlights, isolated world). */
  highlights() {
    return this.isolated(HIGHLIGHTS_JS);
  }

  /** Waits until the highlighted texts (all styles, sorted) equal `expected`. */
  async waitHighlights(expected, timeout = WAIT) {
    const want = JSON.stringify([...expected].sort());
    return this.waitIsolated(
      `(() => { const h = ${HIGHLIGHTS_JS}; const all = Object.entries(h).filter(([n]) => !n.startsWith('so-focus')).flatMap(([, v]) => v).sort(); return JSON.stringify(all) === ${JSON.stringify(want)} && h; })()`,
      timeout,
      `highlights = ${want}`,
    );
  }

  /** Waits until every composer has been checked for exactly its current DOM text. */
  settled(timeout = WAIT) {
    return this.waitIsolated(
      `SecondOpinion.composers().every((c) => !c.inFlight && c.checkedText === c.read().text && c.checkedText !== null)`,
      timeout,
      'all composers checked',
    );
  }

  /** Evaluates in the page's main world (fixture helpers). */
  main(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
}

/**
 * A describe() whose tests share one browser with the extension: launched before them, closed
 * after. `body` gets an object whose `session` is that browser (set once the tests run).
 * @param {string} name
 * @param {(shared: {session: Session}) => void} body
 * @param {{timeout?: number}} [opts]
 */
export function describeWithSession(name, body, opts = {}) {
  describe(name, opts, () => {
    const shared = { session: /** @type {Session} */ (/** @type {unknown} */ (null)) };
    before(async () => {
      shared.session = await launch();
    });
    after(async () => {
      await shared.session?.close();
    });
    body(shared);
  });
}

/** The X practice page's main composer (Draft.js). */
export const X_COMPOSER = '[data-fixture="main"] [data-testid="tweetTextarea_0"]';
let xVisits = 0;

/**
 * Opens the X practice page (at a URL of its own, so its tab can be told apart), optionally at a
 * viewport size and in the device's dark theme, lets `prepare` change the page, types `post`
 * into the main composer with real keys and waits until exactly that text has been checked and
 * has findings.
 * @param {Session} session
 * @param {string} post
 * @param {{size?: {width: number, height: number}, dark?: boolean, prepare?: (tab: Tab) => Promise<void>}} [opts]
 */
export async function writeOnX(session, post, { size, dark = false, prepare } = {}) {
  const tab = await session.open(`https://x.com/home?visit=${++xVisits}`);
  if (size) await tab.page.setViewportSize(size);
  if (dark) await tab.page.emulateMedia({ colorScheme: 'dark' });
  await prepare?.(tab);
  await tab.page.locator(X_COMPOSER).click();
  await tab.page.keyboard.type(post);
  await tab.waitIsolated(
    `(() => { const c = SecondOpinion.composers()[0]; return c && c.read().text === ${JSON.stringify(post)} && !c.inFlight && c.checkedText === c.text && c.visibleFindings().length; })()`,
    WAIT,
    'post checked',
  );
  return tab;
}

const HIGHLIGHTS_JS = `(() => { const out = {}; for (const [name, h] of CSS.highlights) out[name] = [...h].map((r) => r.toString()).filter(Boolean); return out; })()`;
