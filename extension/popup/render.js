// DOM builders for the popup: the relevant guidance (each cited section once), the findings
// grouped by category, and the whole catalogue.
// Pure functions of their arguments (plus `document`), so the wiring in popup.js stays small.

import { CATEGORIES } from '../shared/settings.js';
import { categoryLabel } from './labels.js';

/**
 * @typedef {{id: string, document: string, heading: string, paragraph: string|null,
 *   summary: string, url: string, topic: string}} Guidance
 * @typedef {{rule: string, category: string, severity: 'warning'|'info', start: number,
 *   end: number, text: string, message: string, guidance: string[],
 *   fixes?: {label: string, replacement: string}[]}} Finding
 */

/**
 * Creates an element with attributes and children (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {...(Node|string|null)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

/**
 * One guidance entry: document, heading, paragraph (only when verified), summary, link.
 * @param {Guidance} g
 * @param {string} tag  'li' inside a finding, 'article' in the catalogue
 * @returns {HTMLElement}
 */
export function guidanceEntry(g, tag = 'li') {
  const para = g.paragraph ? `, paragraph ${g.paragraph}` : '';
  return h(
    tag,
    { class: tag === 'li' ? 'guidance-entry' : 'catalogue-entry', 'data-guidance': g.id },
    h('p', { class: 'where' }, `${g.document} — ${g.heading}${para}`),
    h('p', { class: 'summary' }, g.summary),
    h(
      'a',
      {
        href: g.url,
        target: '_blank',
        rel: 'noopener noreferrer',
        'aria-label': `Read the GMC guidance: ${g.document}, ${g.heading}${para}`,
      },
      'Read the GMC guidance',
    ),
  );
}

/**
 * Groups items by category in the fixed category order (unknown categories last).
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string} key
 * @returns {[string, T[]][]}
 */
export function groupByCategory(items, key) {
  /** @type {Map<string, T[]>} */
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  const rank = (k) => (CATEGORIES.includes(k) ? CATEGORIES.indexOf(k) : CATEGORIES.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** "GMC social media guidance, para 20" (the card says the same, content/card.js). */
export function guidanceRef(g) {
  const d = g.document;
  const doc = /social media/i.test(d)
    ? 'GMC social media guidance'
    : /boundaries/i.test(d)
      ? 'GMC boundaries guidance'
      : /conflicts of interest/i.test(d)
        ? 'GMC conflicts of interest guidance'
        : /^confidentiality/i.test(d)
          ? 'GMC confidentiality guidance'
          : /recordings/i.test(d)
            ? 'GMC recordings guidance'
            : `GMC ${d.replace(/\s*\(\d{4}\)$/, '')}`;
  return g.paragraph ? `${doc}, para ${g.paragraph}` : `${doc}: ${g.heading}`;
}

/** Findings in display order: warnings first, then reminders, each in text order. */
function ordered(findings) {
  const warns = (x) => (x.f.severity === 'warning' ? 0 : 1);
  return findings.map((f, index) => ({ f, index })).sort((a, b) => warns(a) - warns(b) || a.index - b.index);
}

/**
 * "Relevant GMC guidance": every section the post's findings cite, once, in the order the
 * findings (warnings first) first cite them; each with document, heading, paragraph (where
 * verified), summary, link and the findings that cite it.
 * @param {Finding[]} findings
 * @param {Map<string, Guidance>} catalogue
 * @returns {HTMLElement|null}
 */
export function guidanceSections(findings, catalogue) {
  /** @type {Map<string, {g: Guidance, cited: {f: Finding, index: number}[]}>} */
  const sections = new Map();
  for (const x of ordered(findings)) {
    for (const id of new Set(x.f.guidance ?? [])) {
      const g = catalogue.get(id);
      if (!g) continue;
      if (!sections.has(id)) sections.set(id, { g, cited: [] });
      sections.get(id).cited.push(x);
    }
  }
  if (!sections.size) return null;
  const list = h('ul', { class: 'guidance-sections' });
  for (const { g, cited } of sections.values()) {
    const entry = guidanceEntry(g);
    entry.id = `g-${g.id}`;
    entry.classList.add('guidance-section');
    const by = h('p', { class: 'cited' }, 'Cited for ');
    cited.forEach(({ f, index }, i) => {
      if (i) by.append(i === cited.length - 1 ? ' and ' : ', ');
      by.append(h('button', { type: 'button', class: 'reveal link', 'data-index': String(index), 'aria-label': `Show “${f.text}” in the post` }, `“${f.text}”`));
    });
    entry.insertBefore(by, entry.querySelector('a'));
    list.append(entry);
  }
  return h(
    'section',
    { id: 'relevant-guidance', 'aria-labelledby': 'relevant-guidance-title' },
    h('h2', { id: 'relevant-guidance-title' }, `Relevant GMC guidance (${sections.size})`),
    list,
  );
}

/** A finding's flagged text, and how many more places in the post the same concern has. */
function excerpt(f) {
  const more = f.parts?.length ?? 0;
  return more ? `“${f.text}” and ${more} more` : `“${f.text}”`;
}

/**
 * The findings list, compact, grouped by category (categories with warnings first, warnings
 * first within a category); each with its message, which guidance it cites (a link to that
 * section above), "Show in post" and its fixes. Buttons carry the finding's index (in the order
 * the content script reported them) and, for fixes, the fix's index.
 * @param {Finding[]} findings
 * @param {Map<string, Guidance>} catalogue
 * @returns {DocumentFragment}
 */
export function findingsList(findings, catalogue) {
  const frag = document.createDocumentFragment();
  const indexed = findings.map((f, index) => ({ f, index }));
  // Warnings before reminders: groups holding a warning first, and warnings first in a group.
  const warns = (x) => (x.f.severity === 'warning' ? 0 : 1);
  const groups = groupByCategory(indexed, (x) => x.f.category)
    .map(([category, group]) => [category, group.sort((a, b) => warns(a) - warns(b) || a.index - b.index)])
    .sort((a, b) => Math.min(...a[1].map(warns)) - Math.min(...b[1].map(warns)));
  for (const [category, group] of groups) {
    const headingId = `cat-${category}`;
    const section = h('section', { class: 'category', 'aria-labelledby': headingId });
    section.append(h('h2', { id: headingId }, `${categoryLabel(category)} (${group.length})`));
    const list = h('ul', { class: 'findings' });
    for (const { f, index } of group) {
      const item = h(
        'li',
        { class: `finding ${f.severity}`, 'data-rule': f.rule, 'data-index': String(index) },
        h('p', { class: 'head' }, h('span', { class: 'severity' }, f.severity === 'warning' ? 'Warning' : 'Reminder'), ' ', h('span', { class: 'excerpt' }, excerpt(f))),
        h('p', { class: 'message' }, f.message),
      );
      const entries = [...new Set(f.guidance ?? [])].map((id) => catalogue.get(id)).filter(Boolean);
      if (entries.length) {
        const refs = h('p', { class: 'refs' });
        entries.forEach((g, i) => {
          if (i) refs.append(' · ');
          refs.append(h('a', { href: `#g-${g.id}`, class: 'ref', 'data-guidance': g.id }, guidanceRef(g)));
        });
        item.append(refs);
      }
      const actions = h('div', { class: 'actions' });
      const reveal = h('button', { type: 'button', class: 'reveal', 'data-index': String(index) }, 'Show in post');
      reveal.setAttribute('aria-label', `Show “${f.text}” in the post`);
      actions.append(reveal);
      (f.fixes ?? []).forEach((fix, i) => {
        actions.append(
          h('button', { type: 'button', class: i === 0 ? 'fix primary' : 'fix', 'data-index': String(index), 'data-fix': String(i) }, fix.label),
        );
      });
      item.append(actions);
      list.append(item);
    }
    section.append(list);
    frag.append(section);
  }
  return frag;
}

/**
 * The whole catalogue grouped by topic.
 * @param {Guidance[]} guidance
 * @returns {DocumentFragment}
 */
export function catalogueList(guidance) {
  const frag = document.createDocumentFragment();
  for (const [topic, entries] of groupByCategory(guidance, (g) => g.topic)) {
    // Collapsible per topic; the first is open.
    const details = h('details', { class: 'topic', 'data-topic': topic });
    details.open = frag.childElementCount === 0;
    details.append(
      h('summary', {}, h('h2', {}, `${categoryLabel(topic)} (${entries.length})`)),
      h('ul', {}, ...entries.map((g) => guidanceEntry(g))),
    );
    frag.append(details);
  }
  return frag;
}
