// DOM builders for the popup: findings grouped by category, and guidance entries.
// Pure functions of their arguments (plus `document`), so the wiring in popup.js stays small.

import { CATEGORIES } from '../shared/settings.js';
import { categoryLabel } from './labels.js';

/**
 * @typedef {{id: string, document: string, heading: string, paragraph: string|null,
 *   summary: string, url: string, topic: string}} Guidance
 * @typedef {{rule: string, category: string, severity: 'warning'|'info', start: number,
 *   end: number, text: string, message: string, guidance: string[]}} Finding
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

/**
 * The findings list, grouped by category (categories with warnings first, warnings first within
 * a category); each with its guidance and a "Show in post" button carrying the finding's index
 * (in the order the content script reported them).
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
        h('span', { class: 'severity' }, f.severity === 'warning' ? 'Warning' : 'Reminder'),
        h('p', { class: 'excerpt' }, `“${f.text}”`),
        h('p', { class: 'message' }, f.message),
      );
      const reveal = h(
        'button',
        { type: 'button', class: 'reveal', 'data-index': String(index) },
        'Show in post',
      );
      reveal.setAttribute('aria-label', `Show “${f.text}” in the post`);
      item.append(reveal);
      const entries = (f.guidance ?? []).map((id) => catalogue.get(id)).filter(Boolean);
      if (entries.length) {
        item.append(
          h('h3', {}, 'GMC guidance'),
          h('ul', { class: 'guidance' }, ...entries.map((g) => guidanceEntry(g))),
        );
      }
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
