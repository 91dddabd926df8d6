// Draws findings with the CSS Custom Highlight API. Never touches the editor's DOM: the ranges
// are registered in CSS.highlights and painted by ::highlight() rules in highlights.css.
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /** Highlight names, one per style (category group x severity), plus the finding in focus. */
  const STYLES = [
    'so-confidentiality-warning',
    'so-confidentiality-info',
    'so-coi-warning',
    'so-coi-info',
    'so-other-warning',
    'so-other-info',
    'so-focus',
  ];

  const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

  /** @type {Map<string, Highlight>} */
  const registry = new Map();
  /** @type {Map<string, {name: string, range: Range}[]>} composer id -> its entries */
  const byComposer = new Map();

  function highlight(name) {
    let h = registry.get(name);
    if (!h) {
      h = new Highlight();
      // Warnings paint above reminders; the focused finding above all.
      h.priority = name === 'so-focus' ? 3 : name.endsWith('warning') ? 2 : 1;
      registry.set(name, h);
    }
    // Re-register if the page (or another script) cleared the registry.
    if (CSS.highlights.get(name) !== h) CSS.highlights.set(name, h);
    return h;
  }

  /** The highlight name for a finding. */
  function styleFor(finding) {
    const group =
      finding.category === 'confidentiality'
        ? 'confidentiality'
        : finding.category === 'conflict_of_interest'
          ? 'coi'
          : 'other';
    return `so-${group}-${finding.severity === 'warning' ? 'warning' : 'info'}`;
  }

  /**
   * Replaces a composer's highlighted ranges.
   * @param {string} composerId
   * @param {{name: string, range: Range}[]} entries
   */
  function set(composerId, entries) {
    if (!supported) return;
    for (const { name, range } of byComposer.get(composerId) ?? []) registry.get(name)?.delete(range);
    for (const { name, range } of entries) highlight(name).add(range);
    if (entries.length) byComposer.set(composerId, entries);
    else byComposer.delete(composerId);
  }

  function clear(composerId) {
    set(composerId, []);
  }

  /**
   * Marks the ranges of the finding in focus (card open: its span and parts), or none.
   * @param {Range|Range[]|null|undefined} ranges
   */
  function focus(ranges) {
    if (!supported) return;
    const h = highlight('so-focus');
    h.clear();
    for (const range of [ranges ?? []].flat()) h.add(range);
  }

  SO.highlights = { STYLES, supported, styleFor, set, clear, focus };
})();
