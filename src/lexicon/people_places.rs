//! First names and UK place names for the patient-confidentiality rules. Regenerate the data files
//! with `generate_patient_lexicons.py` (the steps are in its docstring).

use std::cmp::Ordering;

/// First names that are not everyday English words (one per line after the header).
pub const FIRST_NAMES: &str = include_str!("first_names.txt");
/// First names that are also everyday English words (Will, May, Hope…).
pub const FIRST_NAMES_COMMON_WORDS: &str = include_str!("first_names_common_words.txt");
/// UK towns, cities and villages from GeoNames (CC BY 4.0).
pub const UK_PLACES: &str = include_str!("uk_places.txt");

/// A word list kept in the case-insensitive order `generate_patient_lexicons.py` writes, looked up
/// by binary search. There is nothing to build: a hash set of the 8,000 first names was a
/// noticeable share of the extension's cold start (DESIGN.md §8).
pub struct SortedWords(Vec<&'static str>);

impl SortedWords {
    pub fn new(list: &'static str) -> Self {
        SortedWords(entries(list).collect())
    }

    /// Whether `word` is on the list, ignoring ASCII case (the lists are ASCII).
    pub fn contains(&self, word: &str) -> bool {
        word.is_ascii()
            && self
                .0
                .binary_search_by(|entry| cmp_ignoring_ascii_case(entry, word))
                .is_ok()
    }
}

fn cmp_ignoring_ascii_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The entries of a list: every non-empty line after the `#` header.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_ascii_in_case_insensitive_order() {
        for list in [FIRST_NAMES, FIRST_NAMES_COMMON_WORDS] {
            let words: Vec<_> = entries(list).collect();
            assert!(words.iter().all(|w| w.is_ascii()));
            for pair in words.windows(2) {
                assert_ne!(
                    cmp_ignoring_ascii_case(pair[0], pair[1]),
                    Ordering::Greater,
                    "{pair:?} out of order: binary search would miss names"
                );
            }
        }
    }

    #[test]
    fn lookup_ignores_case() {
        let names = SortedWords::new(FIRST_NAMES);
        assert!(names.contains("aaliyah") && names.contains("AALIYAH"));
        assert!(!names.contains("stethoscope"));
        assert!(SortedWords::new(FIRST_NAMES_COMMON_WORDS).contains("will"));
    }
}
