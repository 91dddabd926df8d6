// Node benchmark of the WASM build in pkg/ (run by `make bench` after `make wasm`).
// Reports Checker construction time, check() latency on the docs/ARCHITECTURE.md post sizes, and the
// gzipped size of the .wasm file.
//
//   node benches/wasm-bench.mjs --posts FILE.jsonl
// instead times each post of a JSON Lines file the way examples/time-posts.rs does natively (for
// scripts/presidio-side-by-side.py) and prints one JSON object.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const pkg = new URL('../pkg/', import.meta.url);
const { initSync, Checker } = await import(new URL('second_opinion.js', pkg).href);
const wasmBytes = readFileSync(new URL('second_opinion_bg.wasm', pkg));

const PARAGRAPH = 'Busy on call last night 😴 Saw a 34-year-old teacher from Keswick in resus. ' +
  'Pt NHS no 943 476 5919, call 07700 900614. Honestly Mounjaro is a game changer @NovoNordiskUK. ' +
  'Disclosure: speaker fees from Lilly. Remember to #MakeEveryContactCount and stay hydrated! ';

// A long reflective post: plain prose, nothing to flag (the mix above has a finding every ~30 characters).
const PROSE = 'Some thoughts after a long week in general practice. Demand keeps rising and ' +
  'continuity of care is harder than ever, but the team has been brilliant 🙂 We ran a teaching ' +
  'session on hypertension in primary care, with a refresher on ambulatory monitoring and when to ' +
  'refer. Most people with raised blood pressure feel completely well, so opportunistic checks matter.\n';

/** @param {number} chars @param {string} paragraph */
function postOf(chars, paragraph = PARAGRAPH) {
  let text = '';
  while ([...text].length < chars) text += paragraph;
  return [...text].slice(0, chars).join('');
}

/** @param {number[]} samples @param {number} q */
function quantile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** @param {() => void} fn @param {number} runs */
function time(fn, runs) {
  for (let i = 0; i < Math.min(runs, 20); i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

const postsArg = process.argv.indexOf('--posts');
if (postsArg > 0) {
  initSync({ module: wasmBytes });
  timePosts(new Checker(undefined), process.argv[postsArg + 1]);
  process.exit(0);
}

/**
 * One warm-up check of every post, then ROUNDS rounds over all posts in order; a post's time is
 * the median of its rounds (examples/time-posts.rs measures the native build the same way).
 * @param {InstanceType<typeof Checker>} checker @param {string} path
 */
function timePosts(checker, path) {
  const ROUNDS = 7;
  const texts = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);
  const warned = texts.filter((t) => checker.check(t).some((/** @type {{severity: string}} */ f) => f.severity === 'warning')).length;
  const rounds = texts.map(() => /** @type {number[]} */ ([]));
  for (let r = 0; r < ROUNDS; r++) {
    texts.forEach((text, i) => {
      const t0 = performance.now();
      checker.check(text);
      rounds[i].push((performance.now() - t0) * 1000);
    });
  }
  const perPost = rounds.map((times) => quantile(times, 0.5));
  const mean = perPost.reduce((a, b) => a + b, 0) / perPost.length;
  console.log(JSON.stringify({
    engine: 'second-opinion (WASM, Node)', posts: texts.length, p50_us: quantile(perPost, 0.5),
    p95_us: quantile(perPost, 0.95), mean_us: mean, posts_with_a_warning: warned,
  }));
}

const t0 = performance.now();
initSync({ module: wasmBytes });
const instantiate = performance.now() - t0;
const construct = time(() => new Checker(undefined).free(), 30);
const checker = new Checker(undefined);

console.log(`wasm size: ${(wasmBytes.length / 1024).toFixed(0)} KiB, gzipped ${(gzipSync(wasmBytes, { level: 9 }).length / 1024).toFixed(0)} KiB`);
console.log(`instantiate (compile + init): ${fmt(instantiate)}`);
console.log(`new Checker: median ${fmt(construct.median)}, p95 ${fmt(construct.p95)}`);
for (const chars of [280, 2000, 63206]) {
  const text = postOf(chars);
  const runs = chars > 10000 ? 100 : 2000;
  const r = time(() => checker.check(text), runs);
  console.log(`check ${chars} chars: median ${fmt(r.median)}, p95 ${fmt(r.p95)}`);
}
const proseText = postOf(63206, PROSE);
const prose = time(() => checker.check(proseText), 100);
console.log(`check 63206 chars of plain prose: median ${fmt(prose.median)}, p95 ${fmt(prose.p95)}`);
