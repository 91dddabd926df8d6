// @ts-check
// One concern, several highlights: a finding's span and its `parts` (docs/ARCHITECTURE.md, "The
// Finding contract"). Every range is drawn and hit-tested, and moves with the doctor's edits
// like the span does.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /**
   * Every range a finding highlights: its own span first, then its parts.
   * @param {{start: number, end: number, text: string, parts?: {start: number, end: number, text: string}[]}} f
   */
  function ranges(f) {
    return [{ start: f.start, end: f.end, text: f.text }, ...(f.parts ?? [])];
  }

  /**
   * The finding moved over an edit by `shift` ([start, end] -> [start, end] or null when the edit
   * touches it): null when the span was touched; a touched part is dropped, the others move.
   * @param {any} f
   * @param {(start: number, end: number) => number[]|null} shift
   */
  function moved(f, shift) {
    const span = shift(f.start, f.end);
    if (!span) return null;
    const fixes = (f.fixes ?? []).flatMap((fix) => {
      if (fix.start === undefined || fix.start === null) return [fix];
      const fs = shift(fix.start, fix.end);
      return fs ? [{ ...fix, start: fs[0], end: fs[1] }] : [];
    });
    const out = { ...f, start: span[0], end: span[1], fixes };
    if (f.parts?.length) {
      out.parts = f.parts.flatMap((/** @type {any} */ p) => {
        const ps = shift(p.start, p.end);
        return ps ? [{ ...p, start: ps[0], end: ps[1] }] : [];
      });
    }
    return out;
  }

  /**
   * The quoted texts of a finding for a one-line summary: “23yo M”, “teacher”, “Leeds” (+2).
   * @param {any} f
   * @param {number} [max]
   */
  function quote(f, max = 3) {
    const all = ranges(f);
    const shown = all.slice(0, max).map((r) => `“${r.text}”`).join(', ');
    return all.length > max ? `${shown} (+${all.length - max})` : shown;
  }

  SO.parts = { ranges, moved, quote };
})();
