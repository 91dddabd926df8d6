//! First names, surnames and UK place names for the patient-confidentiality rules and the scorer:
//! selections of the lists in `data/lexicon/` (read by the one loader, `list.rs`), and a set that
//! looks a word up in one of them ignoring case.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use super::list::{self, Entry, List};

/// The lemmas of the entries of a list that `keep` holds for.
#[derive(Clone, Copy)]
pub struct Words {
    list: &'static LazyLock<List>,
    keep: fn(&Entry) -> bool,
}

impl Words {
    pub fn lemmas(self) -> impl Iterator<Item = &'static str> {
        let list: &'static List = self.list;
        list.entries
            .iter()
            .filter(move |e| (self.keep)(e))
            .map(|e| e.lemma)
    }
}

/// First names that are not everyday English words.
pub static FIRST_NAMES: Words = Words {
    list: &list::FIRST_NAMES,
    keep: |_| true,
};
/// First names that are also everyday English words (Will, May, Hope…).
pub static FIRST_NAMES_COMMON_WORDS: Words = Words {
    list: &list::FIRST_NAME_WORDS,
    keep: |_| true,
};
/// UK towns, cities and villages from GeoNames (CC BY 4.0), as written.
pub static UK_PLACES: Words = Words {
    list: &list::UK_PLACES,
    keep: |_| true,
};
/// Surnames that are not everyday words (`word` in `surnames.txt`).
pub static SURNAMES: Words = Words {
    list: &list::SURNAMES,
    keep: |e| !e.has("word"),
};

/// A word list looked up ignoring ASCII case (the lists are ASCII), without allocating per
/// lookup: every word of every post is looked up, so this is on the hot path of `check`.
pub struct WordSet(HashSet<Folded<'static>>);

impl WordSet {
    pub fn new(words: Words) -> Self {
        // Sized up front: growing the set word by word (8,000 first names) rehashed it a dozen
        // times, about 15 % of building a checker in the extension's cold start.
        let mut set = HashSet::with_capacity(words.lemmas().count());
        set.extend(words.lemmas().map(Folded));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_ascii() {
        for words in [FIRST_NAMES, FIRST_NAMES_COMMON_WORDS] {
            assert!(words.lemmas().all(|w| w.is_ascii()));
        }
    }

    #[test]
    fn lookup_ignores_case() {
        let names = WordSet::new(FIRST_NAMES);
        assert!(names.contains("aaliyah") && names.contains("AALIYAH"));
        assert!(!names.contains("stethoscope") && !names.contains("Zoë"));
        assert!(WordSet::new(FIRST_NAMES_COMMON_WORDS).contains("will"));
        assert!(!names.contains("will"));
    }

    #[test]
    fn places_keep_their_capitals() {
        assert!(UK_PLACES.lemmas().any(|p| p == "Newcastle upon Tyne"));
        assert!(WordSet::new(UK_PLACES).contains("leeds"));
    }
}
