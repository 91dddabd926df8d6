// @ts-check
// The background's cold start in Firefox (issue 12): Firefox runs the extension's background as
// an event page, which it unloads when idle. This terminates it the way about:debugging's
// "Terminate background script" does (the extension's terminateBackground(), from the browser's
// chrome context), then times, from an extension page, how long the first message takes to wake
// it and get an answer, and reads the background's own timings (WASM ready, checker built,
// warm-up done), as scripts/measure-latency.mjs does for Chromium's service worker over CDP.
//
// The wake is measured from an extension page (the options page), not from a content script:
// WebDriver scripts cannot run in a content script's sandbox. Both reach the background through
// runtime.sendMessage, which is what wakes it.
//
//   node scripts/measure-cold-start-firefox.mjs [--runs N] [--json]
//
// Needs `make build` and `scripts/setup.sh node browsers` (Firefox ESR and geckodriver).
import { ROOT } from '../tests/e2e/harness.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { Session, findFirefox, findGeckodriver, startConnectProxy, startGeckodriver, testPrefs } from '../tests/e2e/firefox-driver.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
const ADDON_ID = 'second-opinion@second-opinion.example';
const UUID = '5ec0d0b1-0b1e-4c0d-9e57-5ec0d0b10001';

/** @param {number[]} xs */
function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: at(0.5), p95: at(0.95), min: s[0], max: s.at(-1) };
}

if (!findFirefox() || !findGeckodriver()) {
  console.error('Firefox ESR or geckodriver is missing: scripts/setup.sh browsers');
  process.exit(2);
}
const server = await startServer();
const proxy = await startConnectProxy(server.port);
const driver = await startGeckodriver({ systemAccess: true });
const browser = await Session.create(driver.url, {
  binary: findFirefox(),
  args: ['-headless'],
  prefs: testPrefs(proxy.port, { [ADDON_ID]: UUID }),
});
try {
  await browser.setTimeouts({ script: 30000 });
  await browser.installAddon(ROOT);
  await browser.openPrivilegedTab(`moz-extension://${UUID}/extension/options/options.html`);
  /** The first message after a wake: a status request, or (odd runs) a real check, as a doctor typing at once sends. */
  const firstMessage = (check) =>
    browser.executeAsync(
      `const done = arguments[arguments.length - 1];
       const t0 = performance.now();
       const sent = performance.timeOrigin + t0;
       const msg = arguments[0] ? { type: 'check', text: arguments[0], site: 'x' } : { type: 'status' };
       browser.runtime.sendMessage(msg)
         .then(() => { const ms = performance.now() - t0; return browser.runtime.sendMessage({ type: 'status' }).then((s) => done({ ms, s, startDelay: s.scriptStart - sent })); })
         .catch((e) => done({ error: String(e) }));`,
      [check],
    );
  /** Polls the background until its warm-up check is done, then times one real check. */
  const warmedCheck = (text) =>
    browser.executeAsync(
      `const done = arguments[arguments.length - 1];
       (async () => {
         let s;
         do s = await browser.runtime.sendMessage({ type: 'status' }); while (s.timings.warm === null);
         const t0 = performance.now();
         await browser.runtime.sendMessage({ type: 'check', text: arguments[0], site: 'x' });
         return { s, check: performance.now() - t0 };
       })().then(done, (e) => done({ error: String(e) }));`,
      [text],
    );
  let previous = (await firstMessage(null)).s?.instance;
  const wake = [];
  const immediate = [];
  const startDelays = [];
  const inside = [];
  const checks = [];
  for (let i = 0; i < RUNS; i++) {
    const handle = await browser.windowHandle();
    await browser.cmd('POST', '/moz/context', { context: 'chrome' });
    try {
      await browser.executeAsync(
        `const done = arguments[arguments.length - 1];
         WebExtensionPolicy.getByID(arguments[0]).extension.terminateBackground({ ignoreDevToolsAttached: true }).then(() => done(true), (e) => done(String(e)));`,
        [ADDON_ID],
      );
    } finally {
      await browser.cmd('POST', '/moz/context', { context: 'content' });
      await browser.switchTo(handle);
    }
    const check = i % 2 ? `Saw a patient in clinic this morning ${i}` : null;
    const r = await firstMessage(check);
    if (r.error) throw new Error(`status after terminating the background: ${r.error}`);
    if (r.s.instance === previous) throw new Error('the background was not terminated (same instance answered)');
    previous = r.s.instance;
    (check ? immediate : wake).push(r.ms);
    startDelays.push(r.startDelay);
    const w = await warmedCheck(`Seen in clinic today, a long list ${i}`);
    if (w.error) throw new Error(w.error);
    inside.push(w.s.timings);
    checks.push(w.check);
  }
  const results = {
    firefox: (await browser.execute('return navigator.userAgent')).match(/Firefox\/[\d.]+/)?.[0],
    wakeRoundTrip: summary(wake),
    firstCheckSentAtOnce: summary(immediate),
    scriptStarted: summary(startDelays),
    wasmReady: summary(inside.map((t) => t.wasm)),
    construct: summary(inside.map((t) => t.construct)),
    checkerReady: summary(inside.map((t) => t.checker)),
    warmed: summary(inside.map((t) => t.warm)),
    firstCheckAfterWarmUp: summary(checks),
  };
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    const f = (s) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})`;
    console.log(`${results.firefox}, background event page terminated ${RUNS} times (even runs: status first; odd runs: a check first):`);
    console.log(`  wake, build, reply (from an extension page): ${f(results.wakeRoundTrip)}`);
    console.log(`  first check sent at once after the wake: ${f(results.firstCheckSentAtOnce)}`);
    console.log(`  the background's script starts, after the message was sent: ${f(results.scriptStarted)}`);
    console.log(`  inside the background: WASM ready ${f(results.wasmReady)}`);
    console.log(`  inside the background: new Checker ${f(results.construct)}`);
    console.log(`  inside the background: checker built ${f(results.checkerReady)}`);
    console.log(`  inside the background: warm-up check done ${f(results.warmed)}`);
    console.log(`  first check after the warm-up: ${f(results.firstCheckAfterWarmUp)}`);
  }
} finally {
  await browser.delete().catch(() => {});
  await driver.stop();
  await proxy.close();
  await server.close();
}
