//! The word classes the scorer sees beside the words themselves: a job, a condition, a medicine,
//! a hospital, a surname, an insult. Training posts can only name so many fishermen and
//! Newlyns; the classes carry what the model learns about them to every other job and town.
//!
//! The lists are the project's generated vocabularies (`data/lexicon/`, sources and licences in
//! their headers and `data/lexicon/README.md`), read by the one loader (`lexicon/list.rs`).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::generated::{
    CONDITIONS, GENERIC_MEDICINES, INSULTS, OCCUPATIONS, UK_HOSPITALS_TRUSTS,
};
use crate::lexicon::list::{List, SURNAMES};

/// A vocabulary and the class name its entries give a phrase.
fn lists() -> [(&'static str, &'static List); 6] {
    [
        ("<occupation>", &OCCUPATIONS),
        ("<condition>", &CONDITIONS),
        ("<medicine>", &GENERIC_MEDICINES),
        ("<hospital>", &UK_HOSPITALS_TRUSTS),
        ("<insult>", &INSULTS),
        ("<surname>", &SURNAMES),
    ]
}

/// Classes whose entries count only when written with a capital (a surname, not "baker").
const CAPITALISED_ONLY: &[&str] = &["<surname>"];

struct Matchers {
    /// Case-insensitive entries (ASCII-lowercased bytes), sorted, each with its class; walked
    /// from each word start by narrowing the range of entries that share the text read so far.
    /// Sorting 16,000 phrases takes a few milliseconds, where a leftmost-longest Aho-Corasick
    /// automaton over them took about 200 ms, most of a new background's first check (issue
    /// 12's cold start); the `fst` crate did as well but added 24 KB to the gzipped .wasm.
    words: Vec<(Box<[u8]>, &'static str)>,
    /// Where the entries beginning with each (lowercased) byte are in `words`: the first step of
    /// every walk, which would otherwise search all of them.
    by_first_byte: Vec<Range<usize>>,
    /// Abbreviations (`abbr` tag: "MND", "AF"), matched only in capitals.
    abbreviations: AhoCorasick,
    abbreviation_classes: Vec<&'static str>,
}

fn matchers() -> &'static Matchers {
    static MATCHERS: OnceLock<Matchers> = OnceLock::new();
    MATCHERS.get_or_init(|| {
        // An entry listed twice (a job and a surname, say) keeps its first class, as the
        // lists' order gives it.
        let mut sorted = BTreeMap::new();
        let (mut abbreviations, mut abbreviation_classes) = (Vec::new(), Vec::new());
        for (class, list) in lists() {
            for entry in &list.entries {
                let (lemma, abbr) = (entry.lemma, entry.has("abbr"));
                if lemma.len() < 3 && !abbr {
                    continue;
                }
                if abbr {
                    abbreviations.push(lemma.to_uppercase());
                    abbreviation_classes.push(class);
                } else if !(CAPITALISED_ONLY.contains(&class) && entry.has("word")) {
                    sorted
                        .entry(lemma.to_ascii_lowercase().into_bytes().into_boxed_slice())
                        .or_insert(class);
                }
            }
        }
        let words: Vec<(Box<[u8]>, &'static str)> = sorted.into_iter().collect();
        Matchers {
            by_first_byte: (0..=u8::MAX)
                .map(|b| {
                    let from = words.partition_point(|(entry, _)| entry[0] < b);
                    from..from + words[from..].partition_point(|(entry, _)| entry[0] == b)
                })
                .collect(),
            words,
            abbreviations: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&abbreviations)
                .expect("the abbreviations build an automaton"),
            abbreviation_classes,
        }
    })
}

/// The longest entry that `text[start..]` begins with (ASCII case aside): its end and class.
fn longest_entry(m: &Matchers, text: &str, start: usize) -> Option<(usize, &'static str)> {
    // Invariant: the entries in `range` are those that begin with the i bytes read so far; the
    // one equal to them, if any, sorts first. (A shorter entry's missing byte i is `None`,
    // which sorts before every byte.)
    let bytes = &text.as_bytes()[start..];
    let mut range =
        &m.words[m.by_first_byte[usize::from(bytes.first()?.to_ascii_lowercase())].clone()];
    let mut longest = match range.first() {
        Some((entry, class)) if entry.len() == 1 => Some((start + 1, *class)),
        _ => None,
    };
    for (i, byte) in bytes.iter().enumerate().skip(1) {
        let byte = byte.to_ascii_lowercase();
        let from = range.partition_point(|(entry, _)| entry.get(i) < Some(&byte));
        let to = range.partition_point(|(entry, _)| entry.get(i) <= Some(&byte));
        range = &range[from..to];
        match range.first() {
            None => break,
            Some((entry, class)) if entry.len() == i + 1 => longest = Some((start + i + 1, *class)),
            Some(_) => {}
        }
    }
    longest
}

/// Every whole-word vocabulary phrase in `text`, with its class.
pub fn classes(text: &str) -> Vec<(Range<usize>, &'static str)> {
    let m = matchers();
    let bounded = |r: &Range<usize>| {
        let before = text[..r.start].chars().next_back();
        let after = text[r.end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let mut found = Vec::new();
    // From each word start, the longest entry there; one that runs into a word ("teacher" in
    // "teachers") or a surname without its capital counts for nothing, and the search goes on
    // after it, as a leftmost-longest match would.
    let mut next = 0;
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        let word_start = c.is_alphanumeric() && !previous.is_some_and(char::is_alphanumeric);
        previous = Some(c);
        if at < next || !word_start {
            continue;
        }
        let Some((end, class)) = longest_entry(m, text, at) else {
            continue;
        };
        next = end;
        let span = at..end;
        let capital = c.is_uppercase();
        if bounded(&span) && (capital || !CAPITALISED_ONLY.contains(&class)) {
            found.push((span, class));
        }
    }
    for hit in m.abbreviations.find_iter(text) {
        let span = hit.range();
        if bounded(&span) {
            found.push((span, m.abbreviation_classes[hit.pattern().as_usize()]));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes_of(text: &str) -> Vec<(&str, &'static str)> {
        classes(text)
            .into_iter()
            .map(|(span, class)| (&text[span], class))
            .collect()
    }

    #[test]
    fn finds_jobs_conditions_and_abbreviations() {
        let found = classes_of("Diagnosed MND in a 44-year-old teacher from Leeds");
        assert!(found.contains(&("MND", "<condition>")), "{found:?}");
        assert!(found.contains(&("teacher", "<occupation>")), "{found:?}");
    }

    #[test]
    fn surnames_need_a_capital_and_abbreviations_capitals() {
        assert!(classes_of("Saw Hargreaves again").contains(&("Hargreaves", "<surname>")));
        assert!(!classes_of("saw hargreaves again").contains(&("hargreaves", "<surname>")));
        assert!(!classes_of("the mnd clinic")
            .iter()
            .any(|(w, _)| *w == "mnd"));
    }

    #[test]
    fn a_phrase_inside_a_word_hides_nothing_after_it() {
        // "coach driver" inside "Stagecoach driver" is no match, and must not swallow "driver"
        // (the Aho-Corasick matcher before this one lost it that way).
        let found = classes_of("a Stagecoach driver from Ayr");
        assert!(found.contains(&("driver", "<occupation>")), "{found:?}");
        assert!(!found.iter().any(|(w, _)| w.contains("coach")), "{found:?}");
    }

    #[test]
    fn the_longest_entry_wins_and_one_running_into_a_word_counts_for_nothing() {
        let found = classes_of("Type 2 diabetes, heart failure");
        assert!(
            found.contains(&("heart failure", "<condition>")),
            "{found:?}"
        );
        assert!(!found.iter().any(|(w, _)| *w == "heart"), "{found:?}");
        assert!(classes_of("teachers").is_empty());
    }

    /// The entry search done the slow way: every entry length tried at `start`, looked up whole.
    fn longest_entry_by_brute_force(text: &str, start: usize) -> Option<usize> {
        let words = &matchers().words;
        let longest = words.iter().map(|(entry, _)| entry.len()).max().unwrap();
        (1..=longest.min(text.len() - start))
            .filter(|&n| {
                let slice = text.as_bytes()[start..start + n].to_ascii_lowercase();
                words
                    .binary_search_by(|(entry, _)| entry[..].cmp(&slice[..]))
                    .is_ok()
            })
            .max()
            .map(|n| start + n)
    }

    proptest::proptest! {
        #[test]
        fn the_entry_search_finds_the_longest_entry(
            picks in proptest::collection::vec((0usize..16_000, 0usize..4), 1..6),
            glue in proptest::collection::vec(proptest::sample::select(vec![" ", ", ", "s ", "-", "'s ", " the ", ""]), 6),
        ) {
            // Entries (some cut short, some run into a suffix) joined by separators.
            let words = &matchers().words;
            let mut text = String::new();
            for (k, (pick, cut)) in picks.iter().enumerate() {
                let entry = std::str::from_utf8(&words[pick % words.len()].0).unwrap();
                let keep = entry.char_indices().nth(entry.chars().count().saturating_sub(*cut)).map_or(entry.len(), |(i, _)| i);
                text.push_str(&entry[..keep.max(1).min(entry.len())]);
                text.push_str(glue[k]);
            }
            for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(
                    longest_entry(matchers(), &text, start).map(|(end, _)| end),
                    longest_entry_by_brute_force(&text, start),
                    "at {} in {:?}", start, text
                );
            }
        }
    }

    #[test]
    fn matches_whole_words_only() {
        assert!(!classes_of("teachers'lounge")
            .iter()
            .any(|(w, _)| *w == "teacher"));
    }
}
