// Measures, in the e2e setup (Debian's Chromium, the unpacked extension, the X and Facebook
// fixture pages under their real hostnames and CSP):
//   - keystroke-to-highlight latency while typing a post at a human pace: from the keydown of
//     each key to the findings for the resulting text being drawn (registered in CSS.highlights),
//     and to the next animation frame after that (the content script records both in its
//     isolated world; see extension/PROTOCOL.md);
//   - service-worker cold start: the worker is stopped over CDP, then a {type: "status"}
//     message from the content script wakes it and waits for the checker to be built;
//   - a warm check round trip for a 280-character post.
// Not a test: it prints numbers against the budgets in docs/ARCHITECTURE.md. Needs `make build` and
// `scripts/setup.sh node browsers`.
//   node scripts/measure-latency.mjs [--keys-delay MS] [--cold-runs N] [--json]
import { launch } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const KEY_DELAY = opt('--keys-delay', 70);
const COLD_RUNS = opt('--cold-runs', 10);

/** What the first check after a cold start reads: a typical 280-character post. */
const COLD_POST =
  'Lovely clinic this morning. Saw a 34-year-old teacher from Keswick with a new rash; bloods look fine. ' +
  'Honestly Mounjaro is a game changer for some of my patients. Reminder: flu jabs at the surgery on Saturday, ' +
  'ring 0113 496 0000 to book. Stay safe all';
const POST =
  'Lovely morning in clinic 🩺 Reminder: NHS 943 476 5919 must never go online. ' +
  'Mounjaro questions? Email me at sam.doctor@example.com. ' +
  'Disclosure: I have no links to any drug company.';

const SITES = [
  { name: 'X (Draft.js)', url: 'https://x.com/home', composer: '[data-fixture="main"] [data-testid="tweetTextarea_0"]' },
  { name: 'Facebook (Lexical)', url: 'https://www.facebook.com/', composer: '[role="dialog"] [aria-label="What\'s on your mind, Sam?"]' },
];

function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const fmt = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
const summary = (values) => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: Math.max(...values),
});

const session = await launch();
const results = { typing: {}, coldStart: null, warmCheck: null };
try {
  for (const site of SITES) {
    const tab = await session.open(site.url);
    await tab.page.locator(site.composer).click();
    // Warm up the worker and the page, then measure only the typing of the post.
    await tab.page.keyboard.type('x');
    await tab.settled();
    await tab.page.keyboard.press('Backspace');
    await tab.settled();
    await tab.isolated('SecondOpinion.stats.latencies.length = 0; SecondOpinion.stats.frameLatencies.length = 0');
    await tab.page.keyboard.type(POST, { delay: KEY_DELAY });
    await tab.settled();
    // Latencies are pushed in an animation frame after each check; wait for the last one.
    await tab.waitIsolated(`SecondOpinion.stats.frameLatencies.length >= SecondOpinion.stats.latencies.length`);
    const drawn = await tab.isolated('SecondOpinion.stats.latencies.slice()');
    const frame = await tab.isolated('SecondOpinion.stats.frameLatencies.slice()');
    results.typing[site.name] = { keys: [...POST].length, drawn: summary(drawn), frame: summary(frame) };

    if (site === SITES[0]) {
      const text = POST.padEnd(280, ' lorem').slice(0, 280);
      results.warmCheck = summary(
        await tab.isolated(`(async () => {
          const out = [];
          for (let i = 0; i < 50; i++) {
            const t = ${JSON.stringify(text)} + ' ' + i; // distinct texts: no cache hits
            const t0 = performance.now();
            await SecondOpinion.request({ type: 'check', text: t, site: 'x' });
            out.push(performance.now() - t0);
          }
          return out;
        })()`),
      );
      const cold = [];
      const firstChecks = [];
      const immediateChecks = [];
      const inWorker = [];
      let previous = (await tab.isolated(`SecondOpinion.ext.runtime.sendMessage({type: 'status'})`)).instance;
      for (let i = 0; i < COLD_RUNS; i++) {
        await session.stopServiceWorkers(tab);
        // Then, as when a composer gains focus and the doctor starts typing: the first check of a
        // new text right away (it waits for the worker's warm-up check), and once warmed up.
        const r = await tab.isolated(`(async () => {
          const send = (text) => SecondOpinion.request({ type: 'check', text, site: 'x' });
          const t0 = performance.now();
          const s = await SecondOpinion.ext.runtime.sendMessage({ type: 'status' });
          const ms = performance.now() - t0;
          const t1 = performance.now();
          await send(${JSON.stringify(`${COLD_POST} ${i}`)});
          const immediate = performance.now() - t1;
          let warm = s;
          while (warm.timings.warm === null) warm = await SecondOpinion.ext.runtime.sendMessage({ type: 'status' });
          const t2 = performance.now();
          await send(${JSON.stringify(`${COLD_POST} ${i} again`)});
          return { ms, immediate, firstCheck: performance.now() - t2, s: warm };
        })()`);
        if (r.s.instance === previous) continue; // the worker had not stopped yet
        previous = r.s.instance;
        cold.push(r.ms);
        firstChecks.push(r.firstCheck);
        immediateChecks.push(r.immediate);
        inWorker.push(r.s.timings);
      }
      results.coldStart = {
        roundTrip: summary(cold),
        firstCheck: summary(firstChecks),
        immediateCheck: summary(immediateChecks),
        warmed: summary(inWorker.map((t) => t.warm)),
        wasmReady: summary(inWorker.map((t) => t.wasm)),
        settingsReady: summary(inWorker.map((t) => t.settings)),
        construct: summary(inWorker.map((t) => t.construct)),
        checkerReady: summary(inWorker.map((t) => t.checker)),
      };
    }
    await tab.page.close();
  }
} finally {
  await session.close();
}

if (args.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(`Keystroke to highlight (typing ${KEY_DELAY} ms per key; budget p95 < 16 ms):`);
  for (const [name, r] of Object.entries(results.typing)) {
    const line = (s) => `n=${s.n}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  max ${fmt(s.max)}`;
    console.log(`  ${name.padEnd(20)} highlights drawn:    ${line(r.drawn)}`);
    console.log(`  ${''.padEnd(20)} next frame painted:  ${line(r.frame)}`);
  }
  const w = results.warmCheck;
  console.log(`Warm check round trip, 280 characters: p50 ${fmt(w.p50)}  p95 ${fmt(w.p95)}  (n=${w.n})`);
  const c = results.coldStart;
  console.log(`Service-worker cold start (budget < 50 ms), n=${c.roundTrip.n}:`);
  console.log(`  wake + build + reply, from the content script: p50 ${fmt(c.roundTrip.p50)}  p95 ${fmt(c.roundTrip.p95)}`);
  console.log(`  first check of a 280-character post sent at once: p50 ${fmt(c.immediateCheck.p50)}  p95 ${fmt(c.immediateCheck.p95)}`);
  console.log(`  first check once the worker has warmed up: p50 ${fmt(c.firstCheck.p50)}  p95 ${fmt(c.firstCheck.p95)}`);
  console.log(
    `  inside the worker (from its start, p50): WASM ready ${fmt(c.wasmReady.p50)}, settings loaded ${fmt(c.settingsReady.p50)}, ` +
      `checker built ${fmt(c.checkerReady.p50)} (new Checker itself ${fmt(c.construct.p50)}), warmed up ${fmt(c.warmed.p50)}`,
  );
}
