//! First names and UK place names for the patient-confidentiality rules. Regenerate the data files
//! with `generate_patient_lexicons.py` (the steps are in its docstring).

/// First names that are not everyday English words (one per line after the header).
pub const FIRST_NAMES: &str = include_str!("first_names.txt");
/// First names that are also everyday English words (Will, May, Hope…).
pub const FIRST_NAMES_COMMON_WORDS: &str = include_str!("first_names_common_words.txt");
/// UK towns, cities and villages from GeoNames (CC BY 4.0).
pub const UK_PLACES: &str = include_str!("uk_places.txt");

/// The entries of a list: every non-empty line after the `#` header.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
