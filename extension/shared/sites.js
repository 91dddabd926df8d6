// The sites Second Opinion runs on: the one list the background, options page and popup read.
// The content scripts' adapters (extension/content/sites/<key>.js) and the manifest's match
// patterns name the same hosts; tests/js/sites.test.mjs checks that all of them agree.

/**
 * `runtime`: the site has many hosts (Mastodon's instances), none installed: the doctor enables
 * each from the popup ("Enable on this site"), which asks for that origin as an optional host
 * permission and registers the content scripts for it (background.js). `hosts` stays empty.
 * @typedef {{key: string, label: string, hosts: string[], runtime?: boolean}} SiteInfo
 */

/** @type {SiteInfo[]} */
export const SITE_INFO = [
  { key: 'x', label: 'X (Twitter)', hosts: ['x.com', 'twitter.com'] },
  { key: 'facebook', label: 'Facebook', hosts: ['www.facebook.com', 'web.facebook.com'] },
  { key: 'linkedin', label: 'LinkedIn', hosts: ['www.linkedin.com'] },
  { key: 'bluesky', label: 'Bluesky', hosts: ['bsky.app'] },
  { key: 'threads', label: 'Threads', hosts: ['www.threads.com', 'www.threads.net'] },
  { key: 'instagram', label: 'Instagram', hosts: ['www.instagram.com'] },
  { key: 'mastodon', label: 'Mastodon', hosts: [], runtime: true },
];

/** The site whose hosts are enabled at run time, one origin at a time. */
export const RUNTIME_SITE = 'mastodon';

/** Every fixed host (the manifest's content-script matches and host permissions). */
export const FIXED_HOSTS = SITE_INFO.flatMap((s) => s.hosts);

/** Site keys, as in settings.sites. */
export const SITES = SITE_INFO.map((s) => s.key);

/** @type {Record<string, string>} */
export const SITE_LABELS = Object.fromEntries(SITE_INFO.map((s) => [s.key, s.label]));

/** The site key for a hostname, or null (a host enabled at run time is not known here). */
export const siteForHost = (hostname) => SITE_INFO.find((s) => s.hosts.includes(hostname))?.key ?? null;
