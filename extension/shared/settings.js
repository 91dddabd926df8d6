// The doctor's settings: one object in chrome.storage.sync under SETTINGS_KEY.
// Shared by the background (builds the checker from it), the popup (site toggle) and the
// options page (edits it). Pure functions except loadSettings/saveSettings, which take the
// storage area as an optional argument so tests can pass a fake.

import { FORBIDDEN_KEYS, forbiddenKeyPaths, itemBytes, syncQuota, totalQuotaError } from './limits.js';

/** Key of the settings object in chrome.storage.sync. */
import { SITES } from './sites.js';

export const SETTINGS_KEY = 'settings';

/** Current settings format. Older objects are upgraded by migrateSettings. */
export const SETTINGS_VERSION = 1;

/** Finding categories, in the order the UI lists them. */
export const CATEGORIES = ['confidentiality', 'conflict_of_interest', 'boundaries', 'respect'];

/** How a category is treated: warn (default), remind (findings become info), off. */
export const MODES = ['warn', 'remind', 'off'];

/** Sites the content script runs on, keyed as in settings.sites (extension/shared/sites.js). */
export { SITES };

/** Limits, so one bad import cannot fill chrome.storage.sync (8 KB per item). */
export const LIMITS = {
  company: 100,
  relationship: 100,
  since: 40,
  declaration: 600,
  term: 100,
  interests: 50,
  terms: 200,
  rules: 100,
};

/**
 * @typedef {{company: string, relationship: string, since: string|null}} DeclaredInterest
 * @typedef {'warn'|'remind'|'off'} Mode
 * @typedef {{
 *   version: 1,
 *   declared_interests: DeclaredInterest[],
 *   standing_declaration: string|null,
 *   ignored_terms: string[],
 *   categories: Record<string, Mode>,
 *   sites: Record<string, boolean>,
 *   ignored_rules: string[],
 *   guard: boolean,
 * }} Settings
 * @typedef {{ok: boolean, settings: Settings|null, errors: string[]}} Validation
 */

/** @returns {Settings} a fresh default settings object. */
export function defaultSettings() {
  return {
    version: SETTINGS_VERSION,
    declared_interests: [],
    standing_declaration: null,
    ignored_terms: [],
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, 'warn'])),
    sites: Object.fromEntries(SITES.map((s) => [s, true])),
    ignored_rules: [],
    // Ask before a post with warnings is published (the guard). An organisation can lock it on.
    guard: true,
  };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The sites there were when settings.sites was a list of enabled keys. */
const LIST_FORMAT_SITES = ['x', 'facebook'];

/**
 * Upgrades a stored or imported object to the current version. It does not validate: pass the
 * result to validateSettings. Objects from a newer version are returned unchanged (validation
 * then rejects them with a message).
 *
 * Version 0 (or no `version` key) is the pre-release shape: camelCase keys
 * (`declaredInterests`, `standingDeclaration`, `ignoredTerms`, `ignoredRules`), interests that
 * may be plain company-name strings, and `sites` as a list of enabled site keys. Missing keys take
 * their defaults.
 *
 * @param {unknown} obj
 * @returns {unknown}
 */
export function migrateSettings(obj) {
  if (!isObject(obj)) return obj;
  const version = obj.version ?? 0;
  if (version !== 0) return obj;
  const renamed = {
    declaredInterests: 'declared_interests',
    standingDeclaration: 'standing_declaration',
    ignoredTerms: 'ignored_terms',
    ignoredRules: 'ignored_rules',
  };
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(obj)) {
    // Own properties only: `renamed.constructor` is Object, and assigning `__proto__` would
    // replace the prototype instead of copying a value.
    if (key === 'version' || FORBIDDEN_KEYS.includes(key)) continue;
    out[Object.hasOwn(renamed, key) ? renamed[key] : key] = value;
  }
  if (Array.isArray(out.declared_interests)) {
    out.declared_interests = out.declared_interests.map((i) =>
      typeof i === 'string' ? { company: i, relationship: 'declared interest', since: null } : i,
    );
  }
  if (Array.isArray(out.sites)) {
    // Unknown entries are kept (as "on") so that validation names them instead of dropping them.
    const on = out.sites;
    // The list format predates every site after X and Facebook: a site added since is on, as
    // in the defaults (turning X off then did not mean turning LinkedIn off).
    out.sites = Object.fromEntries([
      ...SITES.map((s) => [s, LIST_FORMAT_SITES.includes(s) ? on.includes(s) : true]),
      ...on.filter((s) => !SITES.includes(s)).map((s) => [String(s), true]),
    ]);
  }
  const defaults = defaultSettings();
  for (const key of Object.keys(defaults)) {
    if (!(key in out)) out[key] = defaults[key];
  }
  out.version = 1;
  return out;
}

/**
 * Trims a string field; returns [value, error].
 * @param {unknown} v
 * @param {string} what  name used in messages
 * @param {number} max
 * @param {boolean} required
 * @returns {[string|null, string|null]}
 */
function text(v, what, max, required) {
  if (v === null || v === undefined) {
    return required ? [null, `${what} is required.`] : [null, null];
  }
  if (typeof v !== 'string') return [null, `${what} must be text.`];
  const t = v.trim();
  if (!t) return required ? [null, `${what} is required.`] : [null, null];
  if (t.length > max) return [null, `${what} is too long (at most ${max} characters).`];
  return [t, null];
}

/**
 * Validates (and migrates) a settings object. On success `settings` is a normalised copy:
 * strings trimmed, empty optional text as null, duplicate terms removed, missing category and
 * site entries (and missing keys) set to their defaults. On failure `settings` is null and `errors` says what is
 * wrong, one sentence per problem, so a caller can refuse the whole object.
 *
 * @param {unknown} input
 * @returns {Validation}
 */
export function validateSettings(input) {
  /** @type {string[]} */
  const errors = [];
  const fail = () => ({ ok: false, settings: null, errors });
  if (!isObject(input)) {
    errors.push('Settings must be a JSON object.');
    return fail();
  }
  const forbidden = forbiddenKeyPaths(input);
  if (forbidden.length) {
    for (const path of forbidden) {
      errors.push(`"${path.split(/[.[]/).pop()}" is not a setting name (found at ${path}).`);
    }
    return fail();
  }
  const obj = /** @type {Record<string, any>} */ ({ ...migrateSettings(input) });
  if (obj.version !== SETTINGS_VERSION) {
    if (typeof obj.version === 'number' && obj.version > SETTINGS_VERSION) {
      errors.push(
        `These settings are version ${obj.version}, from a newer Second Opinion; this one reads version ${SETTINGS_VERSION}.`,
      );
    } else {
      errors.push(`Unknown settings version ${JSON.stringify(obj.version)}.`);
    }
    return fail();
  }
  const settings = defaultSettings();
  const known = new Set(Object.keys(settings));
  for (const key of Object.keys(obj)) {
    if (!known.has(key)) errors.push(`Unknown setting "${key}".`);
  }
  // A missing key takes its default (a hand-written import may hold only what it changes).
  for (const key of known) {
    if (!(key in obj)) obj[key] = settings[key];
  }

  // Declared interests.
  if (!Array.isArray(obj.declared_interests)) {
    errors.push('Declared interests must be a list.');
  } else if (obj.declared_interests.length > LIMITS.interests) {
    errors.push(`At most ${LIMITS.interests} declared interests can be stored.`);
  } else {
    const seen = new Set();
    obj.declared_interests.forEach((item, i) => {
      const named = isObject(item) && typeof item.company === 'string' && item.company.trim();
      const n = `Declared interest ${i + 1}${named ? ` (${named.slice(0, 40)})` : ''}`;
      if (!isObject(item)) {
        errors.push(`${n} must have a company, a relationship and (optionally) a since date.`);
        return;
      }
      for (const key of Object.keys(item)) {
        if (!['company', 'relationship', 'since'].includes(key)) {
          errors.push(`${n}: unknown field "${key}".`);
        }
      }
      const [company, e1] = text(item.company, `${n}: the company`, LIMITS.company, true);
      const [relationship, e2] = text(
        item.relationship,
        `${n}: the relationship`,
        LIMITS.relationship,
        true,
      );
      const [since, e3] = text(item.since, `${n}: "since"`, LIMITS.since, false);
      for (const e of [e1, e2, e3]) if (e) errors.push(e);
      if (company) {
        const k = company.toLowerCase();
        if (seen.has(k)) errors.push(`${n}: ${company} is listed twice.`);
        seen.add(k);
      }
      if (company && relationship) {
        settings.declared_interests.push({ company, relationship, since });
      }
    });
  }

  // Standing declaration.
  const [decl, eDecl] = text(
    obj.standing_declaration,
    'The standing declaration',
    LIMITS.declaration,
    false,
  );
  if (eDecl) errors.push(eDecl);
  settings.standing_declaration = decl;

  // Ignored terms and rules: lists of short strings, deduplicated.
  const list = (value, what, max, count) => {
    if (!Array.isArray(value)) {
      errors.push(`${what} must be a list.`);
      return [];
    }
    if (value.length > count) {
      errors.push(`At most ${count} ${what.toLowerCase()} can be stored.`);
      return [];
    }
    const out = [];
    const seen = new Set();
    value.forEach((v, i) => {
      const [t, e] = text(v, `${what} item ${i + 1}`, max, true);
      if (e) errors.push(e);
      else if (!seen.has(t.toLowerCase())) {
        seen.add(t.toLowerCase());
        out.push(t);
      }
    });
    return out;
  };
  settings.ignored_terms = list(obj.ignored_terms, 'Ignored terms', LIMITS.term, LIMITS.terms);
  settings.ignored_rules = list(obj.ignored_rules, 'Ignored rules', LIMITS.term, LIMITS.rules);

  // The guard switch.
  if (typeof obj.guard !== 'boolean') errors.push('"Ask before posting" (guard) must be true or false.');
  else settings.guard = obj.guard;

  // Category modes.
  if (!isObject(obj.categories)) {
    errors.push('Categories must be an object of category → mode.');
  } else {
    for (const [cat, mode] of Object.entries(obj.categories)) {
      if (!CATEGORIES.includes(cat)) errors.push(`Unknown category "${cat}".`);
      else if (!MODES.includes(mode)) {
        errors.push(`Category ${cat}: mode must be one of ${MODES.join(', ')}.`);
      } else settings.categories[cat] = mode;
    }
  }

  // Sites.
  if (!isObject(obj.sites)) {
    errors.push('Sites must be an object of site → on/off.');
  } else {
    for (const [site, on] of Object.entries(obj.sites)) {
      if (!SITES.includes(site)) errors.push(`Unknown site "${site}".`);
      else if (typeof on !== 'boolean') errors.push(`Site ${site}: must be true or false.`);
      else settings.sites[site] = on;
    }
  }

  if (!errors.length) {
    const bytes = itemBytes(SETTINGS_KEY, settings);
    const { perItem } = syncQuota();
    if (bytes > perItem) {
      errors.push(
        `These settings take ${bytes} bytes; the browser's synced storage holds at most ${perItem} bytes for them. ` +
          'Remove some declared interests, ignored terms or ignored rules, or shorten the standing declaration.',
      );
    }
  }

  return errors.length ? fail() : { ok: true, settings, errors: [] };
}

/**
 * The checker's Config (see src/config.rs; unknown keys are rejected there) for these settings.
 * @param {Settings} settings
 * @returns {{declared_interests: DeclaredInterest[], standing_declaration: string|null,
 *   ignored_terms: string[], categories: Record<string, Mode>}}
 */
export function checkerConfig(settings) {
  const s = settings ?? defaultSettings();
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, MODES.includes(s.categories?.[c]) ? s.categories[c] : 'warn']),
  );
  return {
    declared_interests: (s.declared_interests ?? []).map(({ company, relationship, since }) => ({
      company,
      relationship,
      since: since ?? null,
    })),
    standing_declaration: s.standing_declaration ?? null,
    ignored_terms: [...(s.ignored_terms ?? [])],
    categories,
  };
}

/** The extension API namespace (Firefox's `browser` or Chrome's `chrome`). */
function api() {
  return globalThis.browser ?? globalThis.chrome;
}

/**
 * Reads the settings from storage, migrating older versions. Anything missing or invalid falls
 * back to the defaults (and the problem is logged), so a caller always gets usable settings.
 * @param {{get: (key: string) => Promise<Record<string, unknown>>}} [area] storage area
 * @returns {Promise<Settings>}
 */
export async function loadSettings(area = api()?.storage?.sync) {
  try {
    const stored = (await area.get(SETTINGS_KEY))?.[SETTINGS_KEY];
    if (stored === undefined) return defaultSettings();
    const result = validateSettings(stored);
    if (result.ok) return result.settings;
    console.warn('Second Opinion: stored settings are invalid; using defaults.', result.errors);
  } catch (e) {
    console.warn('Second Opinion: could not read settings; using defaults.', e);
  }
  return defaultSettings();
}

/**
 * Validates and then stores settings as a whole; nothing is written unless all is valid and
 * fits the sync quota alongside whatever else is stored there. Never throws: a refusal by the
 * browser comes back as an error message too.
 * @param {unknown} settings
 * @param {{set: (items: Record<string, unknown>) => Promise<void>,
 *   getBytesInUse?: (keys: string|null) => Promise<number>}} [area] storage area
 * @returns {Promise<Validation>}
 */
export async function saveSettings(settings, area = api()?.storage?.sync) {
  const result = validateSettings(settings);
  if (!result.ok) return result;
  try {
    const overQuota = await totalQuotaError(area, SETTINGS_KEY, result.settings);
    if (overQuota) return { ok: false, settings: null, errors: [overQuota] };
    await area.set({ [SETTINGS_KEY]: result.settings });
  } catch (e) {
    return { ok: false, settings: null, errors: [`The browser did not store the settings: ${e?.message ?? e}`] };
  }
  return result;
}
