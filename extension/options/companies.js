// Company names for the declared-interest autocomplete, from the checker's own lexicon
// (the WASM build's static `Checker.companyNames()`).

/**
 * @returns {Promise<string[]>} sorted company names; [] if the checker cannot be loaded, so the
 *   form still works without autocomplete
 */
export async function companyNames() {
  try {
    const { default: init, Checker } = await import('../../pkg/second_opinion.js');
    await init();
    return Checker.companyNames();
  } catch (e) {
    console.info('Second Opinion: company names unavailable for autocomplete.', e);
    return [];
  }
}
