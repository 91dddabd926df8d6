//! How a company or brand is mentioned: praised, reported neutrally, or tied to an event.
//!
//! Not a rule itself: [`Cues::scan`] reads the post once and the conflict-of-interest rules ask
//! about the neighbourhood of each mention. Promotion beats neutrality ("Gaviscon Advance is the
//! one. Not the supermarket own-brand stuff. Trust me" is promotion even though it compares
//! prices); news, recalls, shortages and complaints without praise are only reminders
//! (*Good medical practice* (2024) para 90(b) is about promoting and endorsing).

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lexicon::coi_cues::{EVENT, NEUTRAL, PROMOTION};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cue {
    Promotion,
    Neutral,
    Event,
}

/// How a mention reads, judged from its neighbourhood.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reading {
    /// A company event or hospitality ("thanks @PfizerUK for the lunch").
    Event,
    /// News, safety or criticism with no praise nearby.
    Neutral,
    /// Praise, or a mention with nothing to say it is neutral.
    Promotion,
}

pub struct Cues {
    automaton: AhoCorasick,
    kinds: Vec<(Cue, bool)>,
}

/// Where the cues are in one post.
pub struct CueMap {
    promotion: Vec<Range<usize>>,
    neutral: Vec<Range<usize>>,
    event: Vec<Range<usize>>,
    newlines: Vec<usize>,
}

impl Cues {
    pub fn new() -> Self {
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        for (cue, list) in [
            (Cue::Promotion, PROMOTION),
            (Cue::Neutral, NEUTRAL),
            (Cue::Event, EVENT),
        ] {
            for phrase in list {
                let prefix = phrase.ends_with('*');
                patterns.push(phrase.trim_end_matches('*'));
                kinds.push((cue, prefix));
            }
        }
        Cues {
            automaton: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("cue automaton builds"),
            kinds,
        }
    }

    /// Finds every cue in `lower` (the post with ASCII letters lower-cased).
    pub fn scan(&self, lower: &str) -> CueMap {
        let mut map = CueMap {
            promotion: Vec::new(),
            neutral: Vec::new(),
            event: Vec::new(),
            newlines: lower
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        };
        let bytes = lower.as_bytes();
        let is_word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
        for m in self.automaton.find_iter(lower) {
            let (cue, prefix) = self.kinds[m.pattern().as_usize()];
            let first = bytes[m.start()];
            let last = bytes[m.end() - 1];
            let left_ok = !first.is_ascii_alphanumeric()
                || m.start() == 0
                || !is_word(bytes.get(m.start() - 1));
            let right_ok = prefix || !last.is_ascii_alphanumeric() || !is_word(bytes.get(m.end()));
            if !(left_ok && right_ok) {
                continue;
            }
            match cue {
                Cue::Promotion => map.promotion.push(m.range()),
                Cue::Neutral => map.neutral.push(m.range()),
                Cue::Event => map.event.push(m.range()),
            }
        }
        map
    }
}

impl CueMap {
    /// How the mention at `span` reads. Cues count within `reach` bytes and the same paragraph;
    /// events must be closer (the same sentence, roughly).
    pub fn reading(&self, text: &str, span: &Range<usize>) -> Reading {
        let paragraph = self.paragraph_around(text.len(), span);
        let within = |list: &[Range<usize>], reach: usize| {
            let lo = span.start.saturating_sub(reach).max(paragraph.start);
            let hi = (span.end + reach).min(paragraph.end);
            let first = list.partition_point(|r| r.end <= lo);
            list[first..]
                .iter()
                .take_while(|r| r.start < hi)
                .next()
                .is_some()
        };
        if within(&self.event, 90) {
            Reading::Event
        } else if within(&self.neutral, 140) && !within(&self.promotion, 200) {
            Reading::Neutral
        } else {
            Reading::Promotion
        }
    }

    fn paragraph_around(&self, len: usize, span: &Range<usize>) -> Range<usize> {
        let after = self.newlines.partition_point(|&n| n < span.start);
        let start = after.checked_sub(1).map_or(0, |i| self.newlines[i] + 1);
        let end = self.newlines[after..]
            .iter()
            .find(|&&n| n >= span.end)
            .map_or(len, |&n| n);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(text: &str, word: &str) -> Reading {
        let at = text.find(word).unwrap();
        Cues::new()
            .scan(&text.to_ascii_lowercase())
            .reading(text, &(at..at + word.len()))
    }

    #[test]
    fn praise_is_promotion() {
        assert_eq!(
            reading("Nytol works for most people 😴", "Nytol"),
            Reading::Promotion
        );
    }

    #[test]
    fn recalls_and_shortages_are_neutral() {
        assert_eq!(
            reading("MHRA has recalled some batches of Emerade pens.", "Emerade"),
            Reading::Neutral
        );
        assert_eq!(
            reading("Ozempic is still in short supply.", "Ozempic"),
            Reading::Neutral
        );
    }

    #[test]
    fn praise_beats_neutral_words() {
        let text = "Gaviscon Advance is the one. Not the supermarket stuff at the price. Trust me";
        assert_eq!(reading(text, "Gaviscon"), Reading::Promotion);
    }

    #[test]
    fn hospitality_is_an_event() {
        assert_eq!(
            reading("Thanks @PfizerUK for the lunch today", "@PfizerUK"),
            Reading::Event
        );
    }

    #[test]
    fn cues_in_another_paragraph_do_not_count() {
        let text = "Ozempic works.\n\nSeparately: the recall of other pens is done";
        assert_eq!(reading(text, "Ozempic"), Reading::Promotion);
    }

    #[test]
    fn cue_words_inside_longer_words_do_not_count() {
        assert_eq!(
            reading("The Fluenz spray: bestow nothing; unrecallable", "Fluenz"),
            Reading::Promotion
        );
    }
}
