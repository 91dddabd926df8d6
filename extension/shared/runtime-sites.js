// @ts-check
// Sites enabled at run time, one origin at a time (Mastodon's instances; extension/shared/sites.js
// RUNTIME_SITE). Nothing is installed for them: "Enable on this site" in the popup asks for the
// tab's origin as an optional host permission (optional_host_permissions in the manifest) and the
// background then registers the manifest's content scripts for that origin
// (scripting.registerContentScripts, persisted across sessions); "Disable on this site"
// unregisters them and gives the permission back. Used by background.js (registration) and the
// popup (the request, which must come straight from the doctor's click).
import { FIXED_HOSTS } from './sites.js';

const ext = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;

/** "https://host" for a page URL that can be enabled at run time, else null. */
export function runtimeOrigin(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || FIXED_HOSTS.includes(u.hostname) || u.port) return null;
  return u.origin;
}

/** The id of an origin's registration. */
export const scriptId = (/** @type {string} */ origin) => `so-site-${new URL(origin).hostname}`;

/** The optional host permission for an origin. */
export const permissionFor = (/** @type {string} */ origin) => ({ origins: [`${origin}/*`] });

/** Is the origin enabled (its permission granted and its scripts registered)? */
export async function isEnabled(origin) {
  const [granted, registered] = await Promise.all([
    ext.permissions.contains(permissionFor(origin)),
    ext.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] }),
  ]);
  return granted && registered.length > 0;
}

/**
 * Registers the manifest's content scripts for `origin` (background). Refused without the
 * origin's host permission, which only the doctor's click in the popup can grant.
 * @returns {Promise<{ok: boolean, error?: string}>}
 */
export async function register(origin) {
  if (runtimeOrigin(`${origin}/`) !== origin) return { ok: false, error: 'not an origin that can be enabled' };
  if (!(await ext.permissions.contains(permissionFor(origin)))) return { ok: false, error: 'no permission for this site' };
  const id = scriptId(origin);
  if ((await ext.scripting.getRegisteredContentScripts({ ids: [id] })).length) return { ok: true };
  const cs = ext.runtime.getManifest().content_scripts[0];
  await ext.scripting.registerContentScripts([
    { id, matches: [`${origin}/*`], js: cs.js, css: cs.css, runAt: 'document_start', allFrames: false, persistAcrossSessions: true },
  ]);
  return { ok: true };
}

/** Unregisters an origin's content scripts (background). */
export async function unregister(origin) {
  const id = scriptId(origin);
  if ((await ext.scripting.getRegisteredContentScripts({ ids: [id] })).length) {
    await ext.scripting.unregisterContentScripts({ ids: [id] });
  }
  return { ok: true };
}
