//! `jigsaw-identification`'s vocabulary: its details (occupations, sensitive and clinical words,
//! tiny pools of people, vague times) are in `data/lexicon/hand/jigsaw.txt` and its family words
//! in `family.txt`; here are the words that are not places, and the UK places.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::list::{capitalised, JIGSAW};
use crate::lexicon::people_places::UK_PLACES;

/// Capitalised words after "in"/"from" that are not specific places (`kind=not-place`).
pub(super) fn not_places() -> &'static [String] {
    static NOT_PLACES: OnceLock<Vec<String>> = OnceLock::new();
    NOT_PLACES.get_or_init(|| JIGSAW.lemmas("kind=not-place").map(capitalised).collect())
}

/// The GeoNames places, built once per process and only for the first post that has a patient
/// context: 5,000 names are the costliest automaton in the checker, and most posts never need it.
pub(super) fn uk_places() -> &'static AhoCorasick {
    static PLACES: OnceLock<AhoCorasick> = OnceLock::new();
    PLACES.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(UK_PLACES.lemmas())
            .expect("places build")
    })
}
