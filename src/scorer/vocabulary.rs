//! The word classes the scorer sees beside the words themselves: a job, a condition, a medicine,
//! a hospital, a surname, an insult. Training posts can only name so many fishermen and
//! Newlyns; the classes carry what the model learns about them to every other job and town.
//!
//! The lists are the project's generated vocabularies (`data/lexicon/`, sources and licences in
//! their headers and `data/lexicon/README.md`).

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A vocabulary and the class name its entries give a phrase.
const LISTS: &[(&str, &str)] = &[
    (
        "<occupation>",
        include_str!("../../data/lexicon/occupations.txt"),
    ),
    (
        "<condition>",
        include_str!("../../data/lexicon/conditions.txt"),
    ),
    (
        "<medicine>",
        include_str!("../../data/lexicon/generic_medicines.txt"),
    ),
    (
        "<hospital>",
        include_str!("../../data/lexicon/uk_hospitals_trusts.txt"),
    ),
    ("<insult>", include_str!("../../data/lexicon/insults.txt")),
    ("<surname>", include_str!("../../data/lexicon/surnames.txt")),
];

/// Classes whose entries count only when written with a capital (a surname, not "baker").
const CAPITALISED_ONLY: &[&str] = &["<surname>"];

struct Matchers {
    /// Case-insensitive entries, longest match first.
    words: AhoCorasick,
    word_classes: Vec<&'static str>,
    /// Abbreviations (`abbr` tag: "MND", "AF"), matched only in capitals.
    abbreviations: AhoCorasick,
    abbreviation_classes: Vec<&'static str>,
}

fn matchers() -> &'static Matchers {
    static MATCHERS: OnceLock<Matchers> = OnceLock::new();
    MATCHERS.get_or_init(|| {
        let (mut words, mut word_classes) = (Vec::new(), Vec::new());
        let (mut abbreviations, mut abbreviation_classes) = (Vec::new(), Vec::new());
        for &(class, list) in LISTS {
            for line in list
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let mut fields = line.split('\t');
                let lemma = fields.next().unwrap_or_default().trim();
                let tags: Vec<&str> = fields.flat_map(|f| f.split(' ')).collect();
                if lemma.len() < 3 && !tags.contains(&"abbr") {
                    continue;
                }
                if tags.contains(&"abbr") {
                    abbreviations.push(lemma.to_uppercase());
                    abbreviation_classes.push(class);
                } else if !(CAPITALISED_ONLY.contains(&class) && tags.contains(&"word")) {
                    words.push(lemma.to_string());
                    word_classes.push(class);
                }
            }
        }
        let build = |patterns: &[String], insensitive: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(insensitive)
                .build(patterns)
                .expect("the vocabularies build an automaton")
        };
        Matchers {
            words: build(&words, true),
            word_classes,
            abbreviations: build(&abbreviations, false),
            abbreviation_classes,
        }
    })
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
    for hit in m.words.find_iter(text) {
        let span = hit.range();
        let class = m.word_classes[hit.pattern().as_usize()];
        let capital = text[span.clone()].starts_with(|c: char| c.is_uppercase());
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
    fn matches_whole_words_only() {
        assert!(!classes_of("teachers'lounge")
            .iter()
            .any(|(w, _)| *w == "teacher"));
    }
}
