// `make demo`: serves the practice pages (the e2e fixtures: X with Draft.js, Facebook with
// Lexical, under their real hostnames), launches Debian's Chromium with the extension — headed
// when $DISPLAY is set, otherwise headless — types sample posts, saves screenshots under demo/
// and prints what Second Opinion found.
//
//   node scripts/demo.mjs                  run the demo
//   node scripts/demo.mjs --update-docs    also copy the screenshots to docs/screenshots/
//   node scripts/demo.mjs --listing DIR    headless, at 1280×800, and writes the store screenshots
//                                          to DIR (`make dist` uses dist/listing/screenshots)
//   DEMO_HEADLESS=1 node scripts/demo.mjs  headless even with a display
/* global chrome, window, document, CSS -- used inside functions evaluated in the browser */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { storeScreenshots } from './store-screenshots.mjs';
import { chromium } from 'playwright-core';
import { ROOT, Session, launch as launchTestBrowser } from '../tests/e2e/harness.mjs';
import { extensionCopy } from '../tests/e2e/fault-copies.mjs';
import { enableFromPopup } from '../tests/e2e/runtime-site.mjs';
import { startServer, HOSTS } from '../tests/e2e/server.mjs';
import { clickUi, waitGuard, waitUi, waitUiGone } from '../tests/e2e/ui.mjs';

const OUT = join(ROOT, 'demo');
const DOCS = join(ROOT, 'docs', 'screenshots');
const listingAt = process.argv.indexOf('--listing');
/** Where the store screenshots go (--listing DIR), or null. */
const LISTING = listingAt >= 0 ? resolve(process.argv[listingAt + 1] ?? join(ROOT, 'dist', 'listing', 'screenshots')) : null;
/** The stores' screenshot size (Chrome Web Store: 1280×800 or 640×400). */
const VIEWPORT = LISTING ? { width: 1280, height: 800 } : { width: 1100, height: 760 };
const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1' && !LISTING;
const WAIT = 20_000;

/** The practice posts (the NHS number is the checker's documentation example; the phone number is in Ofcom's drama range). */
const SITES = [
  {
    key: 'x',
    name: 'X',
    url: 'https://x.com/home',
    composer: '[data-fixture="main"] [data-testid="tweetTextarea_0"]',
    submit: '[data-testid="tweetButtonInline"]',
    post:
      'Long night on call 😴 Mrs K in bed 4 (NHS 943 476 5919) finally went home. ' +
      'Next up, a 23yo teacher from Leeds. Honestly Mounjaro has changed how I manage weight in clinic.',
  },
  {
    key: 'facebook',
    name: 'Facebook',
    url: 'https://www.facebook.com/',
    composer: '[role="dialog"] [aria-label="What\'s on your mind, Sam?"]',
    submit: '[role="button"][aria-label="Post"]',
    post:
      'Lovely dinner with the Allergan team last night 😊 Message me for 20% off ' +
      'at my clinic with code DRSAM20. Any questions? Text me on 07700 900123.',
  },
];

/** The other sites: one screenshot each of a post with its highlights (README, "Supported sites"). */
const MORE_SITES = [
  {
    key: 'linkedin',
    url: 'https://www.linkedin.com/feed/',
    composer: '.share-creation-state__text-editor .ql-editor',
    post: 'Proud of our team this week. Saw Mrs Doreen Whitfield, 91, in clinic again and she is thriving!',
  },
  {
    key: 'bluesky',
    url: 'https://bsky.app/',
    composer: '[data-testid="composePostView"] .ProseMirror',
    post: 'New paper out today 🎉 Also: use my code DRSAM20 for 20% off the Oura ring, best sleep tracker ever.',
  },
  {
    key: 'threads',
    url: 'https://www.threads.com/',
    composer: '[role="dialog"] [role="textbox"]',
    post: 'The frequent flyers are back in the waiting room again, what a bunch of wasters 🙄',
  },
  {
    key: 'instagram',
    url: 'https://www.instagram.com/',
    composer: 'article textarea[aria-label="Add a comment…"]',
    post: 'DM me your symptoms and I will tell you what to take, or WhatsApp me on 07700 900123',
  },
];

/**
 * Mastodon: enabled from the popup first. The browser's permission prompt cannot be answered
 * here, so this runs on the test copy that already holds mastodon.social's permission
 * (tests/e2e/fault-copies.mjs, 'mastodon-granted'); the enabling itself is the extension's own.
 */
async function mastodonShot() {
  const copy = extensionCopy('mastodon-granted');
  const session = await launchTestBrowser({ extensionDir: copy.dir });
  try {
    const { page, popup } = await enableFromPopup(session, 'https://mastodon.social/');
    await popup.close();
    await page.setViewportSize(VIEWPORT);
    await page.locator('.compose-form textarea.autosuggest-textarea__textarea').click();
    await page.keyboard.type('Mr K in bay 3 (hosp no RX1 234567) finally home after 6 weeks, made my week 💙');
    // The highlight registry is the document's, so the page can see when the three are drawn.
    await page.waitForFunction(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) >= 3, undefined, {
      timeout: WAIT,
    });
    await shot(page, 'mastodon-highlights');
  } finally {
    await session.close();
    copy.remove();
  }
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (existsSync(p)) return p;
  throw new Error('Chromium not found: run scripts/setup.sh browsers or set CHROMIUM_PATH');
}

async function launch() {
  for (const f of ['pkg/second_opinion.js', 'pkg/second_opinion_bg.wasm', 'icons/generated/icon-128.png', 'extension/generated/highlights.css']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`make build\` first`);
  }
  const server = await startServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'so-demo-'));
  const map = HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).concat(['MAP * ~NOTFOUND']).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: VIEWPORT,
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    args: [
      ...(headed ? [] : ['--headless=new']),
      `--disable-extensions-except=${ROOT}`,
      `--load-extension=${ROOT}`,
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
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: WAIT });
  return new Session(context, server, userDataDir, new URL(worker.url()).host);
}

/** @param {import('../tests/e2e/harness.mjs').Session} session @param {import('playwright-core').Page} page */
async function tabId(session, page) {
  const helper = await session.context.newPage();
  await helper.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=none`);
  const id = await helper.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
    page.url(),
  );
  await helper.close();
  return id;
}

const shots = [];
async function shot(target, name, options = {}) {
  const path = join(OUT, `${name}.png`);
  await target.screenshot({ path, ...options });
  shots.push(path);
  return path;
}

/** @param {Session} session */
async function runSite(session, site) {
  const tab = await session.open(site.url);
  await tab.page.locator(site.composer).click();
  await tab.page.keyboard.type(site.post, { delay: headed ? 15 : 0 });
  await tab.settled(WAIT);
  const findings = await tab.isolated(
    `(() => { const c = SecondOpinion.composers().find((c) => c.el.matches(${JSON.stringify(site.composer)})) ?? SecondOpinion.composers()[0];
      return c.visibleFindings().map((f) => ({rule: f.rule, category: f.category, severity: f.severity, text: f.text, message: f.message, parts: (f.parts ?? []).length, quote: SecondOpinion.parts.quote(f), fixes: (f.fixes ?? []).map((x) => x.label)})); })()`,
  );
  await shot(tab.page, `${site.key}-highlights`);

  // The card of a concern highlighted in several places (opened from its last place, with all of
  // them marked), else of the first warning; opened by clicking the highlighted text.
  const several = findings.findIndex((f) => f.severity === 'warning' && f.parts > 0);
  const first = several >= 0 ? several : findings.findIndex((f) => f.severity === 'warning');
  if (first >= 0) {
    const rect = await tab.isolated(
      `(() => { const c = SecondOpinion.composers()[0]; const f = c.visibleFindings()[${first}];
        const r = c.rangeFor(SecondOpinion.parts.ranges(f).at(-1)).getClientRects()[0]; return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`,
    );
    await tab.page.mouse.click(rect.x, rect.y);
    // The UI is in a closed shadow root: found from the isolated world, pressed with the mouse.
    await waitUi(tab, '.card', { timeout: WAIT });
    await shot(tab.page, `${site.key}-card`);
    await clickUi(tab, '.card button.close', { timeout: WAIT });
    await waitUiGone(tab, '.card', WAIT);
  }

  // The popup panel for this tab, as the toolbar button would show it.
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/extension/popup/popup.html?tab=${await tabId(session, tab.page)}`);
  await popup.locator('.finding').first().waitFor({ timeout: WAIT });
  await shot(popup, `${site.key}-popup`);
  await popup.close();

  // The guard when posting.
  await tab.page.bringToFront();
  await tab.page.locator(site.submit).click();
  await waitGuard(tab, 'warning', WAIT);
  await shot(tab.page, `${site.key}-guard`);
  const submitted = await tab.main(() => window.__fixture.submissions.length);
  return { tab, findings, submitted };
}

function report(site, findings, submitted) {
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  console.log(`\n${site.name} (${site.url})`);
  console.log(`  post: ${site.post}`);
  console.log(`  ${findings.length} findings (one per concern), ${warnings} of them warnings:`);
  for (const f of findings) {
    console.log(`  - [${f.severity} · ${f.category}] ${f.quote} (${f.rule})`);
    console.log(`      ${f.message}`);
    if (f.fixes.length) console.log(`      fixes: ${f.fixes.join('; ')}`);
  }
  console.log(`  Post button: ${submitted === 0 ? 'stopped by the guard, nothing posted' : `posted ${submitted}×`}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  console.log(`Second Opinion demo: Chromium ${headed ? 'headed' : 'headless'}, practice pages on loopback.`);
  const session = await launch();
  let failed = false;
  try {
    for (const site of SITES) {
      const { findings, submitted } = await runSite(session, site);
      report(site, findings, submitted);
    }
    for (const site of LISTING ? [] : MORE_SITES) {
      const tab = await session.open(site.url);
      await tab.page.locator(site.composer).click();
      await tab.page.keyboard.type(site.post);
      await tab.settled(WAIT);
      await shot(tab.page, `${site.key}-highlights`);
      await tab.page.close();
    }
    if (!LISTING) await mastodonShot();
    // The options page, for completeness.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/extension/options/options.html`);
    await options.waitForFunction(() => document.body.dataset.ready === 'true');
    await shot(options, 'options', { fullPage: !LISTING });
    await options.close();
    console.log(`\nScreenshots:\n${shots.map((s) => `  ${s.replace(`${ROOT}/`, '')}`).join('\n')}`);
    if (LISTING) {
      const written = await storeScreenshots(session.context, OUT, LISTING);
      console.log(`Store screenshots (1280×800):\n${written.map((s) => `  ${s.replace(`${ROOT}/`, '')}`).join('\n')}`);
    }
    if (process.argv.includes('--update-docs')) {
      mkdirSync(DOCS, { recursive: true });
      for (const s of shots) copyFileSync(s, join(DOCS, s.split('/').pop()));
      console.log(`Copied to ${DOCS.replace(`${ROOT}/`, '')}/`);
    }
    if (headed && process.stdin.isTTY) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      await rl.question('\nThe browser stays open to try it yourself. Press Enter to close it. ');
      rl.close();
    }
  } catch (e) {
    failed = true;
    console.error(`demo failed: ${e.stack ?? e}`);
  } finally {
    await session.close();
    rmSync(session.userDataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main();
