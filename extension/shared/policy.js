// @ts-check
// Organisation policy: what IT sets through managed storage (Chrome and Edge: the
// `3rdparty.extensions.<id>` policy, checked against extension/managed_schema.json; Firefox: the
// `3rdparty.Extensions.<id>` enterprise policy, not checked by the browser), and the one place
// where it is merged with the doctor's own settings. The background builds the checker from
// effectiveSettings(); the options page and the popup lock what locks() names and say so.
//
// The doctor's own settings are never overwritten: saving keeps their value for a locked field
// (keepUserValues), so their choices come back if the organisation lifts a policy.
// A policy can make the guard ask, never stop a post: "Post anyway" always posts.

import { CATEGORIES, LIMITS, SITES } from './settings.js';

/** Policy keys, as in extension/managed_schema.json and docs/DEPLOYING.md. */
export const POLICY_KEYS = [
  'organisation_name',
  'sites',
  'warn_categories',
  'standing_declaration',
  'guard_required',
  'ignored_terms',
];

/**
 * @typedef {import('./settings.js').Settings} Settings
 * @typedef {{
 *   organisation_name: string|null,
 *   sites: Record<string, boolean>,
 *   warn_categories: string[],
 *   standing_declaration: string|null,
 *   guard_required: boolean,
 *   ignored_terms: string[],
 * }} Policy
 * @typedef {{policy: Policy, problems: string[]}} PolicyResult
 */

/** @returns {Policy} no policy at all */
export function emptyPolicy() {
  return {
    organisation_name: null,
    sites: {},
    warn_categories: [],
    standing_declaration: null,
    guard_required: false,
    ignored_terms: [],
  };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** @param {unknown} v @param {number} max @returns {string|null} trimmed text, or null */
function shortText(v, max) {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t && t.length <= max ? t : null;
}

/**
 * Reads a raw managed-storage object into a Policy. Whatever is malformed is left out (the
 * doctor's own setting then applies) and named in `problems`, so the options page can show it:
 * Chrome drops values that do not match the schema, but Firefox passes policies.json through as
 * written.
 * @param {unknown} raw
 * @returns {PolicyResult}
 */
export function sanitizePolicy(raw) {
  const policy = emptyPolicy();
  /** @type {string[]} */
  const problems = [];
  if (raw === undefined || raw === null) return { policy, problems };
  if (!isObject(raw)) return { policy, problems: ['The organisation policy is not an object; it is ignored.'] };
  const obj = /** @type {Record<string, unknown>} */ (raw);
  for (const key of Object.keys(obj)) {
    if (!POLICY_KEYS.includes(key)) problems.push(`Unknown policy "${key}" is ignored.`);
  }
  if ('organisation_name' in obj) {
    policy.organisation_name = shortText(obj.organisation_name, LIMITS.company);
    if (!policy.organisation_name) problems.push(`organisation_name must be text of at most ${LIMITS.company} characters.`);
  }
  if ('sites' in obj) {
    if (!isObject(obj.sites)) problems.push('sites must be an object of site → true/false.');
    else {
      for (const [site, on] of Object.entries(/** @type {object} */ (obj.sites))) {
        if (!SITES.includes(site)) problems.push(`sites: unknown site "${site}" is ignored.`);
        else if (typeof on !== 'boolean') problems.push(`sites: ${site} must be true or false.`);
        else policy.sites[site] = on;
      }
    }
  }
  if ('warn_categories' in obj) {
    if (!Array.isArray(obj.warn_categories)) problems.push('warn_categories must be a list of categories.');
    else {
      for (const c of obj.warn_categories) {
        if (!CATEGORIES.includes(c)) problems.push(`warn_categories: unknown category ${JSON.stringify(c)} is ignored.`);
        else if (!policy.warn_categories.includes(c)) policy.warn_categories.push(c);
      }
    }
  }
  if ('standing_declaration' in obj) {
    policy.standing_declaration = shortText(obj.standing_declaration, LIMITS.declaration);
    if (!policy.standing_declaration) {
      problems.push(`standing_declaration must be text of at most ${LIMITS.declaration} characters.`);
    }
  }
  if ('guard_required' in obj) {
    if (typeof obj.guard_required !== 'boolean') problems.push('guard_required must be true or false.');
    else policy.guard_required = obj.guard_required;
  }
  if ('ignored_terms' in obj) {
    if (!Array.isArray(obj.ignored_terms)) problems.push('ignored_terms must be a list of words or phrases.');
    else {
      const seen = new Set();
      for (const term of obj.ignored_terms.slice(0, LIMITS.terms)) {
        const t = shortText(term, LIMITS.term);
        if (!t) problems.push(`ignored_terms: ${JSON.stringify(term)} is not a term of 1–${LIMITS.term} characters.`);
        else if (!seen.has(t.toLowerCase())) {
          seen.add(t.toLowerCase());
          policy.ignored_terms.push(t);
        }
      }
      if (obj.ignored_terms.length > LIMITS.terms) problems.push(`ignored_terms: only the first ${LIMITS.terms} are used.`);
    }
  }
  return { policy, problems };
}

/** @param {Policy} p @returns {boolean} whether the organisation sets anything at all */
export function isManaged(p) {
  return (
    p.organisation_name !== null ||
    Object.keys(p.sites).length > 0 ||
    p.warn_categories.length > 0 ||
    p.standing_declaration !== null ||
    p.guard_required ||
    p.ignored_terms.length > 0
  );
}

/**
 * The settings the extension works with: the doctor's, with the organisation's policy on top.
 * @param {Settings} settings  validated user settings
 * @param {Policy} policy
 * @returns {Settings}
 */
export function effectiveSettings(settings, policy) {
  const out = structuredClone(settings);
  for (const [site, on] of Object.entries(policy.sites)) out.sites[site] = on;
  for (const c of policy.warn_categories) out.categories[c] = 'warn';
  if (policy.standing_declaration !== null) out.standing_declaration = policy.standing_declaration;
  if (policy.guard_required) out.guard = true;
  const own = new Set(out.ignored_terms.map((t) => t.toLowerCase()));
  out.ignored_terms = [...out.ignored_terms, ...policy.ignored_terms.filter((t) => !own.has(t.toLowerCase()))];
  return out;
}

/**
 * Replaces the fields a policy locks with the doctor's stored values, so that saving a form that
 * shows the organisation's values never writes them into the doctor's own settings.
 * @param {Record<string, any>} edited  settings as read from a form (unvalidated)
 * @param {Settings} stored  the doctor's stored settings
 * @param {Policy} policy
 * @returns {Record<string, any>}
 */
export function keepUserValues(edited, stored, policy) {
  const out = { ...edited };
  if (isObject(out.sites)) {
    out.sites = { ...out.sites };
    for (const site of Object.keys(policy.sites)) out.sites[site] = stored.sites[site];
  }
  if (isObject(out.categories)) {
    out.categories = { ...out.categories };
    for (const c of policy.warn_categories) out.categories[c] = stored.categories[c];
  }
  if (policy.standing_declaration !== null) out.standing_declaration = stored.standing_declaration;
  if (policy.guard_required) out.guard = stored.guard;
  return out;
}

/** The extension API namespace (Firefox's `browser` or Chrome's `chrome`). */
function api() {
  return globalThis.browser ?? globalThis.chrome;
}

/**
 * Reads the organisation's policy. No policy is not a problem: Chrome then returns {}, Firefox
 * rejects ("Managed storage manifest not found"), and a browser without managed storage has none.
 * @param {{get: (keys?: string[]|null) => Promise<Record<string, unknown>>}|undefined} [area]
 * @returns {Promise<PolicyResult>}
 */
export async function loadPolicy(area = api()?.storage?.managed) {
  if (!area) return { policy: emptyPolicy(), problems: [] };
  let raw;
  try {
    raw = await area.get(null);
  } catch {
    return { policy: emptyPolicy(), problems: [] };
  }
  const result = sanitizePolicy(raw ?? {});
  if (result.problems.length) console.warn('Second Opinion: organisation policy problems.', result.problems);
  return result;
}

/**
 * One sentence per thing the organisation sets, for the popup and the options page.
 * @param {Policy} p
 * @param {{sites: Record<string, string>, categories: Record<string, string>}} labels
 * @returns {string[]}
 */
export function describePolicy(p, labels) {
  const lines = [];
  for (const [site, on] of Object.entries(p.sites)) {
    lines.push(`Checking on ${labels.sites[site] ?? site} is always ${on ? 'on' : 'off'}.`);
  }
  if (p.warn_categories.length) {
    const names = p.warn_categories.map((c) => labels.categories[c] ?? c);
    lines.push(`Always a warning: ${names.join(', ')}.`);
  }
  if (p.guard_required) lines.push('Second Opinion always asks before a post with warnings is published.');
  if (p.standing_declaration !== null) lines.push('The standing declaration is set by your organisation.');
  if (p.ignored_terms.length) {
    const n = p.ignored_terms.length;
    lines.push(`${n} ignored term${n === 1 ? '' : 's'} added by your organisation.`);
  }
  return lines;
}

/** @param {Policy} p @returns {string} e.g. "Set by Northshire NHS Trust" */
export function setBy(p) {
  return p.organisation_name ? `Set by ${p.organisation_name}` : 'Set by your organisation';
}
