// Reads and fills the options form. The form holds raw input; validateSettings decides.

import { CATEGORIES, MODES, SITES } from '../shared/settings.js';
import { CATEGORY_LABELS, MODE_LABELS, SITE_LABELS } from '../popup/labels.js';

const $ = (id) => /** @type {any} */ (document.getElementById(id));

let rowCounter = 0;

/**
 * Adds one declared-interest row.
 * @param {{company?: string, relationship?: string, since?: string|null}} [interest]
 * @returns {HTMLLIElement}
 */
export function addInterestRow(interest = {}) {
  const n = ++rowCounter;
  const li = document.createElement('li');
  li.className = 'interest';
  const field = (name, label, value, extra = {}) => {
    const wrap = document.createElement('div');
    const l = document.createElement('label');
    l.htmlFor = `interest-${n}-${name}`;
    l.textContent = label;
    const input = document.createElement('input');
    input.type = 'text';
    input.id = l.htmlFor;
    input.name = name;
    input.value = value ?? '';
    Object.assign(input, extra);
    for (const [k, v] of Object.entries(extra.attrs ?? {})) input.setAttribute(k, v);
    wrap.append(l, input);
    return wrap;
  };
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove-interest';
  remove.textContent = 'Remove';
  li.append(
    field('company', 'Company', interest.company, {
      attrs: { list: 'company-names', autocomplete: 'off' },
      maxLength: 100,
    }),
    field('relationship', 'Relationship', interest.relationship, {
      attrs: { list: 'relationships', autocomplete: 'off' },
      maxLength: 100,
    }),
    field('since', 'Since (optional)', interest.since, { maxLength: 40, placeholder: 'e.g. 2023' }),
    remove,
  );
  const label = () => li.querySelector('[name=company]').value.trim() || 'this interest';
  remove.setAttribute('aria-label', `Remove ${label()}`);
  li.addEventListener('input', () => remove.setAttribute('aria-label', `Remove ${label()}`));
  remove.addEventListener('click', () => {
    const next = li.nextElementSibling ?? li.previousElementSibling;
    li.remove();
    /** @type {HTMLElement|null} */ (next?.querySelector('input') ?? $('add-interest')).focus();
    $('settings-form').dispatchEvent(new Event('input'));
  });
  $('interests').append(li);
  return li;
}

/** Builds the site switches and category selects once. */
export function buildStaticControls() {
  for (const site of SITES) {
    const div = document.createElement('div');
    div.className = 'site';
    const input = Object.assign(document.createElement('input'), {
      type: 'checkbox',
      id: `site-${site}`,
    });
    input.setAttribute('role', 'switch');
    const label = Object.assign(document.createElement('label'), {
      htmlFor: input.id,
      textContent: SITE_LABELS[site],
    });
    div.append(input, label);
    $('sites').append(div);
  }
  for (const cat of CATEGORIES) {
    const div = document.createElement('div');
    div.className = 'category-mode';
    const select = Object.assign(document.createElement('select'), { id: `mode-${cat}` });
    const label = Object.assign(document.createElement('label'), {
      htmlFor: select.id,
      textContent: CATEGORY_LABELS[cat],
    });
    div.append(label, select);
    for (const mode of MODES) select.add(new Option(MODE_LABELS[mode], mode));
    $('categories').append(div);
  }
}

/** @type {string[]} rule ids shown under "Ignored rules" (edited with their buttons) */
let ignoredRules = [];
/** @type {Map<string, string>} each rule id's one-line description, from the checker */
let ruleDescriptions = new Map();

/**
 * Names the ignored rules in words (the checker's `rules()`, through the background), so the
 * doctor sees what they switched off and not only its id.
 * @param {{id: string, description: string}[]} rules
 */
export function setRuleDescriptions(rules) {
  ruleDescriptions = new Map(rules.map((r) => [r.id, r.description]));
  renderIgnoredRules();
}

function renderIgnoredRules() {
  const ul = $('ignored-rules');
  ul.replaceChildren();
  if (!ignoredRules.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'None.';
    ul.append(li);
  }
  for (const rule of ignoredRules) {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = rule;
    const description = ruleDescriptions.get(rule);
    if (description) li.append(description, ' ');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Check again';
    b.setAttribute('aria-label', `Check rule ${rule} again`);
    b.addEventListener('click', () => {
      ignoredRules = ignoredRules.filter((r) => r !== rule);
      renderIgnoredRules();
      $('settings-form').dispatchEvent(new Event('input'));
    });
    li.append(code, ' ', b);
    ul.append(li);
  }
}

/**
 * Fills the form from settings.
 * @param {import('../shared/settings.js').Settings} s
 */
export function fillForm(s) {
  $('interests').replaceChildren();
  for (const i of s.declared_interests) addInterestRow(i);
  $('standing-declaration').value = s.standing_declaration ?? '';
  for (const site of SITES) $(`site-${site}`).checked = s.sites[site] !== false;
  for (const cat of CATEGORIES) $(`mode-${cat}`).value = s.categories[cat] ?? 'warn';
  $('ignored-terms').value = s.ignored_terms.join('\n');
  $('guard').checked = s.guard !== false;
  ignoredRules = [...s.ignored_rules];
  renderIgnoredRules();
}

/**
 * Reads the form as an unvalidated settings object.
 * @returns {Record<string, unknown>}
 */
export function readForm() {
  const interests = [...document.querySelectorAll('#interests .interest')]
    .map((li) => ({
      company: li.querySelector('[name=company]').value,
      relationship: li.querySelector('[name=relationship]').value,
      since: li.querySelector('[name=since]').value.trim() || null,
    }))
    // A row left completely empty is not an interest.
    .filter((i) => i.company.trim() || i.relationship.trim() || i.since);
  return {
    version: 1,
    declared_interests: interests,
    standing_declaration: $('standing-declaration').value,
    ignored_terms: $('ignored-terms')
      .value.split('\n')
      .map((t) => t.trim())
      .filter(Boolean),
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, $(`mode-${c}`).value])),
    sites: Object.fromEntries(SITES.map((s) => [s, $(`site-${s}`).checked])),
    ignored_rules: [...ignoredRules],
    guard: $('guard').checked,
  };
}

/**
 * Marks the fields an error message names (by "Declared interest N: the company" etc.): each
 * gets aria-invalid and the message right after it, tied to it by aria-describedby.
 * @param {string[]} errors
 */
export function markInvalid(errors) {
  for (const el of document.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  for (const el of document.querySelectorAll('.field-error')) el.remove();
  const rows = [...document.querySelectorAll('#interests .interest')].filter((li) =>
    [...li.querySelectorAll('input')].some((i) => i.value.trim()),
  );
  /** @type {Map<HTMLElement, string[]>} */
  const byField = new Map();
  const mark = (input, message) => {
    if (!input) return;
    if (!byField.has(input)) byField.set(input, []);
    byField.get(input).push(message);
  };
  for (const e of errors) {
    const m = /^Declared interest (\d+)(?: \(.*?\))?: (?:the )?("?\w+"?)/.exec(e);
    if (m) {
      const name = m[2].replaceAll('"', '');
      mark(rows[Number(m[1]) - 1]?.querySelector(`[name=${name}]`), e);
    }
    if (e.startsWith('The standing declaration')) mark($('standing-declaration'), e);
    if (e.startsWith('Ignored terms')) mark($('ignored-terms'), e);
  }
  for (const [input, messages] of byField) {
    input.setAttribute('aria-invalid', 'true');
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = `${input.id}-error`;
    p.textContent = messages.join(' ');
    input.after(p);
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    input.setAttribute('aria-describedby', [...ids, p.id].join(' '));
  }
}

/**
 * A declaration naming every interest in the form, e.g.
 * "Declaration of interest: Pfizer (speaker fees, since 2021); Abbott (shareholder)."
 * @returns {string}
 */
export function suggestDeclaration() {
  const parts = /** @type {any[]} */ (readForm().declared_interests)
    .filter((i) => i.company.trim())
    .map((i) => {
      const detail = [i.relationship.trim(), i.since ? `since ${i.since}` : '']
        .filter(Boolean)
        .join(', ');
      return detail ? `${i.company.trim()} (${detail})` : i.company.trim();
    });
  return parts.length ? `Declaration of interest: ${parts.join('; ')}.` : '';
}
