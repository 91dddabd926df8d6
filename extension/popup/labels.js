// Human names for the checker's categories, modes and sites. Used by the popup and options page.

/** @type {Record<string, string>} */
export const CATEGORY_LABELS = {
  confidentiality: 'Patient confidentiality',
  conflict_of_interest: 'Conflicts of interest',
  boundaries: 'Professional boundaries',
  respect: 'Respect for patients and colleagues',
};

/** @type {Record<string, string>} */
export const MODE_LABELS = {
  warn: 'Warn (highlight and ask before posting)',
  remind: 'Remind (highlight lightly, never block)',
  off: 'Off (do not check)',
};

export { SITE_LABELS } from '../shared/sites.js';

/** @param {string} category @returns {string} */
export const categoryLabel = (category) => CATEGORY_LABELS[category] ?? category;
