//! First names and UK place names for the patient-confidentiality rules. Regenerate the data files
//! with `generate_patient_lexicons.py` (the steps are in its docstring).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// First names that are not everyday English words (one per line after the header).
pub const FIRST_NAMES: &str = include_str!("first_names.txt");
/// First names that are also everyday English words (Will, May, Hope…).
pub const FIRST_NAMES_COMMON_WORDS: &str = include_str!("first_names_common_words.txt");
/// UK towns, cities and villages from GeoNames (CC BY 4.0).
pub const UK_PLACES: &str = include_str!("uk_places.txt");

/// A word list looked up ignoring ASCII case (the lists are ASCII), without allocating per
/// lookup: every word of every post is looked up, so this is on the hot path of `check`.
pub struct WordSet(HashSet<Folded<'static>>);

impl WordSet {
    pub fn new(list: &'static str) -> Self {
        // Sized up front: growing the set word by word (8,000 first names) rehashed it a dozen
        // times, about 15 % of building a checker in the extension's cold start.
        let mut set = HashSet::with_capacity(entries(list).count());
        set.extend(entries(list).map(Folded));
        WordSet(set)
    }

    pub fn contains(&self, word: &str) -> bool {
        // The set is covariant: a set of 'static words can be searched with a shorter-lived one.
        let set: &HashSet<Folded<'_>> = &self.0;
        word.is_ascii() && set.contains(&Folded(word))
    }
}

/// A word compared and hashed as if lower-cased.
struct Folded<'a>(&'a str);

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Folded<'_> {}

impl Hash for Folded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // FNV-1a over the folded bytes, handed to the set's hasher as one word.
        let folded = self.0.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
        });
        state.write_u64(folded);
    }
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
    fn name_lists_are_ascii() {
        for list in [FIRST_NAMES, FIRST_NAMES_COMMON_WORDS] {
            assert!(entries(list).all(|w| w.is_ascii()));
        }
    }

    #[test]
    fn lookup_ignores_case() {
        let names = WordSet::new(FIRST_NAMES);
        assert!(names.contains("aaliyah") && names.contains("AALIYAH"));
        assert!(!names.contains("stethoscope") && !names.contains("Zoë"));
        assert!(WordSet::new(FIRST_NAMES_COMMON_WORDS).contains("will"));
    }
}
