// @ts-check
// Limits that keep a settings object storable and an imported file harmless: the browser's
// storage.sync quotas, a size cap on import files, and keys that must never appear in settings
// (`__proto__` and friends change an object's prototype when assigned, which turned old-format
// imports into confusing messages).

/** An import file larger than this is refused unread. Real settings are under 8 KB. */
export const IMPORT_MAX_BYTES = 64 * 1024;

/** Keys that would reach Object.prototype machinery if copied by assignment. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * The storage.sync quotas (Chrome and Firefox use the same figures; the API's own constants
 * win when present).
 * @returns {{perItem: number, total: number}}
 */
export function syncQuota() {
  const sync = (globalThis.browser ?? globalThis.chrome)?.storage?.sync;
  return {
    perItem: Number(sync?.QUOTA_BYTES_PER_ITEM) || 8192,
    total: Number(sync?.QUOTA_BYTES) || 102400,
  };
}

/**
 * Bytes one item takes in storage.sync: its key plus the JSON of its value, in UTF-8 (how
 * Chrome measures QUOTA_BYTES_PER_ITEM; never less than a count in UTF-16 units).
 * @param {string} key
 * @param {unknown} value
 */
export function itemBytes(key, value) {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/**
 * Paths (like `declared_interests[0].__proto__`) of every forbidden key in a parsed JSON value.
 * Iterative, so a deeply nested file cannot overflow the stack.
 * @param {unknown} value
 * @returns {string[]}
 */
export function forbiddenKeyPaths(value) {
  const found = [];
  /** @type {[unknown, string][]} */
  const stack = [[value, '']];
  while (stack.length) {
    const [v, path] = /** @type {[unknown, string]} */ (stack.pop());
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
      continue;
    }
    for (const key of Object.keys(v)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.includes(key)) found.push(here);
      else stack.push([/** @type {Record<string, unknown>} */ (v)[key], here]);
    }
  }
  return found.sort();
}

/**
 * Why storing `value` under `key` would exceed the total sync quota given what else is stored
 * there, or null. Areas without getBytesInUse (older Firefox) skip the check; their own set()
 * then refuses, and the caller reports that.
 * @param {{getBytesInUse?: (keys: string|null) => Promise<number>}} area
 * @param {string} key
 * @param {unknown} value
 * @returns {Promise<string|null>}
 */
export async function totalQuotaError(area, key, value) {
  if (typeof area.getBytesInUse !== 'function') return null;
  const others = (await area.getBytesInUse(null)) - (await area.getBytesInUse(key));
  const bytes = itemBytes(key, value);
  const { total } = syncQuota();
  if (others + bytes <= total) return null;
  return `These settings take ${bytes} bytes and other synced data ${others}; the browser's synced storage holds at most ${total} bytes in all.`;
}
