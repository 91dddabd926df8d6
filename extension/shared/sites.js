// The sites Second Opinion runs on: the one list the background, options page and popup read.
// The content scripts' adapters (extension/content/sites/<key>.js) and the manifest's match
// patterns name the same hosts; tests/js/sites.test.mjs checks that all of them agree.

/** @typedef {{key: string, label: string, hosts: string[]}} SiteInfo */

/** @type {SiteInfo[]} */
export const SITE_INFO = [
  { key: 'x', label: 'X (Twitter)', hosts: ['x.com', 'twitter.com'] },
  { key: 'facebook', label: 'Facebook', hosts: ['www.facebook.com', 'web.facebook.com'] },
  { key: 'linkedin', label: 'LinkedIn', hosts: ['www.linkedin.com'] },
  { key: 'bluesky', label: 'Bluesky', hosts: ['bsky.app'] },
  { key: 'threads', label: 'Threads', hosts: ['www.threads.com', 'www.threads.net'] },
];

/** Site keys, as in settings.sites. */
export const SITES = SITE_INFO.map((s) => s.key);

/** @type {Record<string, string>} */
export const SITE_LABELS = Object.fromEntries(SITE_INFO.map((s) => [s.key, s.label]));

/** The site key for a hostname, or null. */
export const siteForHost = (hostname) => SITE_INFO.find((s) => s.hosts.includes(hostname))?.key ?? null;
