// @ts-check
// The operations of the random edit-sequence test, each with the text it must leave behind (or,
// for undo, redo and a fix from a stale card, the set of texts it may leave behind).
import assert from 'node:assert/strict';

/** mulberry32: a small seeded PRNG, so a sequence replays from its seed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// Words a doctor might type: identifiers, brands and names the checker flags (so fixes have
// something to fix), an emoji (two UTF-16 units), and ordinary words.
const WORDS = [
  'Clinic ran late today.', 'NHS 943 476 5919', 'call 07700 900614', '07700 900614', 'jo@example.com',
  'Mounjaro', 'Mrs K in bed 4', 'ok', '!', ' ', 'seen 🙂', 'Disclosure: none.', 'discharged', 'DOB 14/07/1968',
];
const PASTES = ['NHS 943 476 5919', 'First line\nsecond', 'Bed 4\n\nMrs K', '07700 900614\n', 'Try Mounjaro', 'ward round 🙂'];
const MARKERS = ['!', ' ok', 'x'];
const FIXABLE = [' NHS 943 476 5919 ', '07700 900614', ' jo@example.com', 'Mounjaro ', ' Mrs K in bed 4 '];

/** @type {[string, number][]} operation kinds and their weights */
const KINDS = [
  ['type', 22], ['backspace', 14], ['paste', 10], ['select-type', 12], ['enter', 10],
  ['fix', 12], ['stale-fix', 5], ['undo', 8], ['redo', 4], ['card-escape', 4],
];

/** The operations of sequence `seed`: 5 to 12 of them, sharing one PRNG for their parameters. */
export function* randomSequence(seed) {
  const r = rng(seed);
  const total = KINDS.reduce((n, [, w]) => n + w, 0);
  const steps = 5 + r.int(8);
  for (let i = 0; i < steps; i++) {
    let x = r.next() * total;
    const [kind] = KINDS.find(([, w]) => (x -= w) < 0) ?? KINDS[0];
    yield { kind, r };
  }
}

const splice = (text, start, end, insert) => text.slice(0, start) + insert + text.slice(end);
const isLow = (text, i) => /[\uDC00-\uDFFF]/.test(text[i] ?? '');

/** A random offset in `text` that does not split a surrogate pair. */
function offset(r, text) {
  let o = r.int(text.length + 1);
  if (isLow(text, o)) o--;
  return o;
}

/** A random non-empty range (or null for an empty text). */
function range(r, text) {
  if (!text) return null;
  let a = offset(r, text);
  let b = offset(r, text);
  if (a === b) b = Math.min(text.length, a + 1 + (isLow(text, a + 1) ? 1 : 0));
  if (a === b) a = Math.max(0, b - 1 - (isLow(text, b - 1) ? 1 : 0));
  return [Math.min(a, b), Math.max(a, b)];
}

/** What Backspace leaves: the selection removed, or one code point before a collapsed caret. */
function backspace(text, start, end) {
  if (start !== end) return splice(text, start, end, '');
  if (start === 0) return text;
  return splice(text, start - (isLow(text, start - 1) ? 2 : 1), start, '');
}

/** The texts a fix may leave when the text changed after its card opened. */
async function staleCandidates(d, before, now, card, fix) {
  const out = new Set([now]);
  const start = fix.start ?? card.start;
  const end = fix.end ?? card.end;
  // The edit as one changed region [p, before.length - s) -> [p, now.length - s).
  let p = 0;
  while (p < before.length && p < now.length && before[p] === now[p]) p++;
  let s = 0;
  while (s < before.length - p && s < now.length - p && before[before.length - 1 - s] === now[now.length - 1 - s]) s++;
  const delta = now.length - before.length;
  if (before.length - s <= start) out.add(splice(now, start + delta, end + delta, fix.replacement));
  else if (p >= end) out.add(splice(now, start, end, fix.replacement));
  // Or the same fix from a fresh check of the current text.
  const reply = await d.tab.isolated(`SecondOpinion.request({type: 'check', text: ${JSON.stringify(now)}, site: ${JSON.stringify(d.site.key)}})`);
  for (const f of reply?.findings ?? []) {
    if (f.rule !== card.rule || f.text !== card.text) continue;
    for (const g of f.fixes) if (g.label === fix.label) out.add(splice(now, g.start ?? f.start, g.end ?? f.end, g.replacement));
  }
  return out;
}

/**
 * Runs one operation; returns its outcome name (for the statistics).
 * @param {import('./edit-driver.mjs').EditorDriver} d
 * @param {{kind: string, r: ReturnType<typeof rng>}} op
 * @param {{text: string, seen: Set<string>, log: string[], verbose: boolean}} ctx
 */
export async function runStep(d, { kind, r }, ctx) {
  const { page } = d;
  let text = ctx.text;
  const log = (what) => {
    ctx.log.push(what);
    if (ctx.verbose) console.log(`  ${what}   [${JSON.stringify(ctx.text)}]`);
  };
  const selection = async () => {
    const { sel } = await d.state();
    return [Math.min(sel.anchor, sel.focus), Math.max(sel.anchor, sel.focus)];
  };
  // Undo may stop part-way through typed text (the editors group keystrokes by time).
  const typed = (before, a, b, word) => {
    for (let i = 1; i < word.length; i++) if (!isLow(word, i)) ctx.seen.add(splice(before, a, b, word.slice(0, i)));
  };
  const done = async (expected, outcome = kind) => {
    await d.expectText(expected, `after ${kind}`);
    ctx.text = expected;
    ctx.seen.add(expected);
    return outcome;
  };

  switch (kind) {
    case 'type': {
      if (r.chance(0.5)) await d.select(offset(r, text));
      const word = r.pick(WORDS);
      const [a, b] = await selection();
      // Key by key, or in one go as dictation, predictive text or an IME commit does. Not a lone
      // space in one go: Draft.js 0.11.7 with React 18 throws (removeChild) on that after some
      // edits, with or without the extension (" a", select all, Backspace, Enter, up, " ").
      const ime = r.chance(0.4) && word.trim() !== '';
      log(`${ime ? 'input' : 'type'} ${JSON.stringify(word)} at ${a}..${b}`);
      if (ime) await page.keyboard.insertText(word);
      else await page.keyboard.type(word);
      typed(text, a, b, word);
      return done(splice(text, a, b, word));
    }
    case 'select-type': {
      const span = range(r, text);
      if (!span) return 'select-type:empty';
      await d.select(span[0], span[1]);
      const word = r.pick(WORDS);
      log(`select ${span[0]}..${span[1]} type ${JSON.stringify(word)}`);
      await page.keyboard.type(word);
      typed(text, span[0], span[1], word);
      return done(splice(text, span[0], span[1], word));
    }
    case 'backspace': {
      const span = r.chance(0.3) ? range(r, text) : null;
      if (span) await d.select(span[0], span[1]);
      else if (r.chance(0.5)) await d.select(offset(r, text));
      const times = span ? 1 : 1 + r.int(3);
      let [a, b] = await selection();
      log(`backspace x${times} at ${a}..${b}`);
      let expected = text;
      for (let i = 0; i < times; i++) {
        await page.keyboard.press('Backspace');
        const next = backspace(expected, a, b);
        a -= expected.length - next.length - (b - a);
        b = a;
        expected = next;
        ctx.seen.add(expected);
      }
      return done(expected);
    }
    case 'paste': {
      if (r.chance(0.5)) await d.select(offset(r, text));
      const clip = r.pick(PASTES);
      await d.clipboard(clip);
      const [a, b] = await selection();
      log(`paste ${JSON.stringify(clip)} at ${a}..${b}`);
      await page.keyboard.press('Control+v');
      return done(splice(text, a, b, clip));
    }
    case 'enter': {
      if (r.chance(0.5)) await d.select(offset(r, text));
      const key = r.chance(0.3) ? 'Shift+Enter' : 'Enter';
      const [a, b] = await selection();
      log(`${key} at ${a}..${b}`);
      await page.keyboard.press(key);
      // Lexical (plain text) ignores the first Enter in an editor never typed in; so does the
      // practice page without the extension.
      if (text === '' && d.site.key === 'facebook') {
        const s = await d.agree((t) => t === '' || t === '\n', 'Enter in an empty editor');
        return done(s.model);
      }
      return done(splice(text, a, b, '\n'));
    }
    case 'undo':
    case 'redo': {
      log(kind);
      await page.keyboard.press(kind === 'undo' ? 'Control+z' : 'Control+Shift+z');
      await d.drain();
      const s = await d.agree((t) => ctx.seen.has(t), `${kind} gives an earlier text, in model and DOM alike`);
      ctx.text = s.model;
      return kind;
    }
    case 'card-escape': {
      const at = offset(r, text);
      await d.select(at);
      log(`Alt+Enter, Escape at ${at}`);
      await page.keyboard.press('Alt+Enter');
      await d.tab
        .waitIsolated(`(() => { const c = ${d.c}; return c && !c.el.contains(document.activeElement); })()`, undefined, 'a card or list took focus')
        .catch(async (e) => {
          throw new Error(`${e.message}${await d.focusHistory()}`);
        });
      await page.keyboard.press('Escape');
      await d.until((s) => s.sel?.anchor === at && s.sel?.focus === at, `the caret back at ${at}`);
      return done(text);
    }
    case 'fix':
    case 'stale-fix': {
      await d.checked();
      let fixable = (await d.findings()).map((f, i) => [f, i]).filter(([f]) => f.fixes.length);
      if (!fixable.length) {
        // Nothing to fix yet: type something that has a fix first.
        const at = offset(r, ctx.text);
        const word = r.pick(FIXABLE);
        await d.select(at);
        log(`type ${JSON.stringify(word)} at ${at}`);
        await page.keyboard.type(word);
        typed(ctx.text, at, at, word);
        await done(splice(ctx.text, at, at, word));
        text = ctx.text;
        await d.checked();
        fixable = (await d.findings()).map((f, i) => [f, i]).filter(([f]) => f.fixes.length);
        if (!fixable.length) return `${kind}:none`;
      }
      const [, index] = r.pick(fixable);
      const card = await d.clickFinding(index);
      if (!card?.fixes.length) {
        await page.keyboard.press('Escape');
        return `${kind}:no-card`;
      }
      const i = r.int(card.fixes.length);
      const fix = card.fixes[i];
      const start = fix.start ?? card.start;
      const end = fix.end ?? card.end;
      if (kind === 'fix') {
        log(`fix "${fix.label}" ${start}..${end} -> ${JSON.stringify(fix.replacement)}`);
        const status = await d.applyFixFromCard(i);
        assert.equal(status, 'applied', `the fix applied (card says ${await d.cardText()})`);
        return done(splice(text, start, end, fix.replacement));
      }
      // The doctor types somewhere else while the card stays open, then presses the fix.
      const at = offset(r, text);
      const marker = r.pick(MARKERS);
      await d.select(at);
      await page.keyboard.type(marker);
      typed(text, at, at, marker);
      const now = splice(text, at, at, marker);
      await d.expectText(now, 'typing with a card open');
      ctx.seen.add(now);
      log(`card for ${JSON.stringify(card.text)}, type ${JSON.stringify(marker)} at ${at}, fix "${fix.label}" ${start}..${end}`);
      const candidates = await staleCandidates(d, text, now, card, fix);
      const status = await d.applyFixFromCard(i);
      const s = await d.agree((t) => candidates.has(t), `a stale fix leaves one of ${JSON.stringify([...candidates])}`);
      if (status !== 'applied') assert.equal(s.model, now, 'a refused fix changes nothing');
      if (status !== 'applied') await page.keyboard.press('Escape');
      ctx.text = s.model;
      ctx.seen.add(s.model);
      return `stale-fix:${status === 'applied' ? (s.model === now ? 'noop' : 'applied') : 'refused'}`;
    }
    default:
      throw new Error(`unknown operation ${kind}`);
  }
}
