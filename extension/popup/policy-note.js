// @ts-check
// The popup under an organisation policy: what the organisation sets, in a few lines, and the
// site switch locked (with a note) when the policy fixes the current site.

import { describePolicy, isManaged, setBy } from '../shared/policy.js';
import { CATEGORY_LABELS, SITE_LABELS } from './labels.js';

const $ = (id) => /** @type {any} */ (document.getElementById(id));

/**
 * Shows the policy summary (hidden when there is no policy).
 * @param {import('../shared/policy.js').Policy} policy
 */
export function showPolicy(policy) {
  const box = $('policy');
  box.hidden = !isManaged(policy);
  $('policy-title').textContent = setBy(policy);
  const lines = describePolicy(policy, { sites: SITE_LABELS, categories: CATEGORY_LABELS });
  $('policy-items').replaceChildren(
    ...lines.map((t) => Object.assign(document.createElement('li'), { textContent: t })),
  );
}

/**
 * Locks the site switch if the policy fixes `site`; returns whether it did.
 * @param {import('../shared/policy.js').Policy} policy
 * @param {string} site
 */
export function lockSiteToggle(policy, site) {
  const toggle = $('site-toggle');
  const note = $('site-locked');
  const fixed = site in policy.sites;
  toggle.disabled = fixed;
  note.hidden = !fixed;
  note.textContent = fixed ? setBy(policy) : '';
  if (fixed) toggle.setAttribute('aria-describedby', 'site-locked');
  else toggle.removeAttribute('aria-describedby');
  return fixed;
}
