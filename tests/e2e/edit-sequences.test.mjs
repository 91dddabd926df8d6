// @ts-check
// Seeded random edit sequences on both practice editors (X / Draft.js, Facebook / Lexical):
// type, Backspace, paste, select+type, Enter, fixes from cards (also from a card left open while
// the text changes), undo, redo, and Alt+Enter then Escape. After every step the editor's model,
// the DOM text the extension reads and the expected text must agree; each sequence ends with Post,
// whose submitted text must be the same again.
//
//   EDIT_SEQUENCES=1000          how many sequences, split between the two editors (default 200)
//   EDIT_SEQUENCES_SEED=N        first seed (default 1); sequence i of an editor uses seed N + i
//   EDIT_SEQUENCE_REPLAY=x:1234  replays one sequence (x or facebook), logging every step
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch } from './harness.mjs';
import { EDITOR_SITES, EditorDriver } from './edit-driver.mjs';
import { randomSequence, runStep } from './edit-ops.mjs';

const TOTAL = Number(process.env.EDIT_SEQUENCES ?? 200);
const FIRST_SEED = Number(process.env.EDIT_SEQUENCES_SEED ?? 1);
const REPLAY = process.env.EDIT_SEQUENCE_REPLAY ?? '';

/** @param {'x'|'facebook'} key */
function editorSuite(key) {
  const site = EDITOR_SITES[key];
  const replaySeed = REPLAY.startsWith(`${key}:`) ? Number(REPLAY.slice(key.length + 1)) : null;
  if (REPLAY && replaySeed === null) return;
  const seeds = replaySeed !== null ? [replaySeed] : Array.from({ length: Math.ceil(TOTAL / 2) }, (_, i) => FIRST_SEED + i);

  describe(`edit sequences on ${site.name}`, { timeout: 120_000 + seeds.length * 20_000 }, () => {
    /** @type {import('./harness.mjs').Session} */
    let session;
    before(async () => {
      session = await launch();
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    });
    after(async () => {
      await session?.close();
    });

    test(`${seeds.length} seeded sequences keep model == DOM == submitted text`, async (t) => {
      let d = await EditorDriver.open(session, site);
      const failures = [];
      /** @type {Record<string, number>} */
      const counts = {};
      /** @type {Record<string, number>} milliseconds spent per kind of step */
      const ms = {};
      let steps = 0;
      const started = Date.now();
      for (const seed of seeds) {
        const log = [];
        try {
          const ctx = { text: '', seen: new Set(['']), log, verbose: replaySeed !== null };
          for (const op of randomSequence(seed)) {
            const t0 = Date.now();
            const outcome = await runStep(d, op, ctx);
            counts[outcome] = (counts[outcome] ?? 0) + 1;
            ms[op.kind] = (ms[op.kind] ?? 0) + Date.now() - t0;
            steps++;
          }
          log.push('submit');
          const t0 = Date.now();
          const submitted = await d.submit();
          ms.submit = (ms.submit ?? 0) + Date.now() - t0;
          assert.deepEqual(submitted, [ctx.text], 'the page submitted the text on screen');
        } catch (e) {
          const pageErrors = d.errors.length ? `\n    page errors: ${d.errors.join('\n')}` : '';
          failures.push({ seed, log, error: String(e?.message ?? e).slice(0, 8000) + pageErrors });
          // A fresh page, so one broken editor cannot fail the sequences after it.
          await d.page.close().catch(() => {});
          d = await EditorDriver.open(session, site);
        }
      }
      t.diagnostic(`${site.name}: ${seeds.length} sequences, ${steps} steps, ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      t.diagnostic(`outcomes: ${JSON.stringify(counts)}`);
      t.diagnostic(`ms per kind: ${JSON.stringify(ms)}`);
      // One line per failed sequence (the last step and what went wrong), then the first five in full.
      for (const f of failures) t.diagnostic(`failed: ${key}:${f.seed} after ${f.log.at(-1)}: ${f.error.split('\n')[0].slice(0, 300)}`);
      const report = failures
        .slice(0, 5)
        .map((f) => `  seed ${f.seed} (replay: EDIT_SEQUENCE_REPLAY=${key}:${f.seed} node --test tests/e2e/edit-sequences.test.mjs)\n    steps: ${f.log.join(' | ')}\n    ${f.error}`)
        .join('\n');
      assert.equal(failures.length, 0, `${failures.length} of ${seeds.length} sequences failed on ${site.name}:\n${report}`);
      await d.page.close();
    });
  });
}

editorSuite('x');
editorSuite('facebook');
