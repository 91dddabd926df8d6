// Draws findings with the CSS Custom Highlight API. Never touches the editor's DOM: the ranges
// are registered in CSS.highlights and painted by ::highlight() rules. Those rules are defined
// once, here (CSS below): the textarea mirror's shadow root uses them as they are (ui-styles.js)
// and `make build` writes them into extension/generated/highlights.css for the pages
// (scripts/build-highlight-css.mjs; the manifest and the "Check a draft" page load that file).
'use strict';
(() => {
  const SO = globalThis.SecondOpinion;

  /**
   * Colours per category group and theme: [underline, tint behind a warning]. Confidentiality
   * red, conflict of interest amber, other categories purple; on a dark page lighter shades of
   * each, so the underline keeps at least 4.5:1 against the page (tests/e2e/dark-highlights).
   */
  const PALETTE = {
    confidentiality: { light: ['#c5221f', 'rgba(197, 34, 31, 0.16)'], dark: ['#f28b82', 'rgba(242, 139, 130, 0.24)'] },
    coi: { light: ['#b25e00', 'rgba(227, 116, 0, 0.18)'], dark: ['#fcad70', 'rgba(252, 173, 112, 0.22)'] },
    other: { light: ['#6a1b9a', 'rgba(106, 27, 154, 0.14)'], dark: ['#d7aefb', 'rgba(215, 174, 251, 0.22)'] },
  };
  /** The finding in focus (its card open). */
  const FOCUS = { light: 'rgba(0, 94, 184, 0.25)', dark: 'rgba(138, 180, 248, 0.35)' };
  const THEMES = /** @type {const} */ (['light', 'dark']);

  /** A highlight name: a light page's names are bare, a dark page's end in "-dark". */
  const nameOf = (base, theme) => (theme === 'dark' ? `${base}-dark` : base);

  /** The ::highlight() rules for every name: warnings a wavy underline and a tint, reminders dotted. */
  const CSS_RULES = THEMES.flatMap((theme) => [
    ...Object.entries(PALETTE).flatMap(([group, colours]) => {
      const [line, tint] = colours[theme];
      return [
        `::highlight(${nameOf(`so-${group}-warning`, theme)}) { background-color: ${tint}; text-decoration: underline wavy ${line}; text-decoration-thickness: 2px; }`,
        `::highlight(${nameOf(`so-${group}-info`, theme)}) { text-decoration: underline dotted ${line}; text-decoration-thickness: 1px; }`,
      ];
    }),
    `::highlight(${nameOf('so-focus', theme)}) { background-color: ${FOCUS[theme]}; }`,
  ]).join('\n');

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
      h.priority = name.startsWith('so-focus') ? 3 : name.includes('-warning') ? 2 : 1;
      registry.set(name, h);
    }
    // Re-register if the page (or another script) cleared the registry.
    if (CSS.highlights.get(name) !== h) CSS.highlights.set(name, h);
    return h;
  }

  /**
   * The highlight name for a finding on a page of `theme` (ui-styles.js pageIsDark decides).
   * @param {{category: string, severity: string}} finding
   * @param {'light'|'dark'} [theme]
   */
  function styleFor(finding, theme = 'light') {
    const group =
      finding.category === 'confidentiality'
        ? 'confidentiality'
        : finding.category === 'conflict_of_interest'
          ? 'coi'
          : 'other';
    return nameOf(`so-${group}-${finding.severity === 'warning' ? 'warning' : 'info'}`, theme);
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
   * @param {'light'|'dark'} [theme]
   */
  function focus(ranges, theme = 'light') {
    if (!supported) return;
    for (const t of THEMES) highlight(nameOf('so-focus', t)).clear();
    const h = highlight(nameOf('so-focus', theme));
    for (const range of [ranges ?? []].flat()) h.add(range);
  }

  SO.highlights = { CSS_RULES, supported, styleFor, set, clear, focus };
})();
