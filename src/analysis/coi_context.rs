//! How a company or brand is mentioned: praised, reported neutrally, or tied to an event.
//!
//! Not a rule itself: [`Cues::scan`] reads the post once and the conflict-of-interest rules ask
//! about the neighbourhood of each mention. Promotion beats neutrality ("Gaviscon Advance is the
//! one. Not the supermarket own-brand stuff. Trust me" is promotion even though it compares
//! prices); news, recalls, shortages, complaints and price comparisons without praise are only
//! reminders (*Good medical practice* (2024) para 90(b) is about promoting and endorsing).
//!
//! A brand set against its generic name is neutral too when its sentence holds no praise
//! ([`Cues::contrasted`]): "it's atorvastatin, not 'Lipitor'", "'Lipitor' (atorvastatin)", "brand
//! names like Lipitor and Panadol", "stop saying Panadol", "Lipitor is just atorvastatin", or a
//! brand in quotes in a sentence about names or prescribing.

use std::cell::Cell;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::lexicon::list::COI_CUES;
use crate::pattern::LazyRegex;

/// Just before a brand: words that set it against its generic name.
const CONTRAST_BEFORE: &str = r#"(?ix)
    (?: \bnot | \binstead\s+of | \brather\s+than | \bover | \bvs\.? | \bversus
      | \bstop\s+(?:saying|calling\s+(?:it|them)|writing|asking\s+for|requesting)
      | \b(?:don't|dont|don’t|never|please\s+don't)\s+(?:say|write|call\s+(?:it|them)|ask\s+for)
      | \b(?:aka|a\.k\.a\.?|sold\s+as|marketed\s+as|branded\s+as|known\s+as)
    ) \s*[,:]?\s*['‘’"“”]?\s*$
  | \b(?:brand|trade|proprietary)[\s-]+names?\b[^.!?
]{0,80}$
"#;

/// Just after a brand: "is just atorvastatin", "= atorvastatin".
const CONTRAST_AFTER: &str = r#"(?ix)
    ^['‘’"“”]?\s*(?:['’]s\s+)?(?:is|are|=)\s+(?:just|only|simply|literally|basically|merely|still)\b
  | ^['‘’"“”]?\s*(?:is|are)\s+(?:a|the)\s+brand(?:ed)?\b
"#;

/// In a sentence with a quoted brand: words about names and prescribing.
const NAME_TALK: &str = r"(?ix)
    \b(?:generic(?:ally)?|generics|brand(?:ed)?|trade\s+names?|not|stop|instead|rather|say|saying
      |call|calling|called|prescribe|prescribing|spell|spelling|pronounce)\b
";

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
    contrast_before: LazyRegex,
    contrast_after: LazyRegex,
    name_talk: LazyRegex,
}

/// Where sentences stop: `.`, `!`, `?` before a space (or the end), or a newline.
fn stops(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let is_stop = |i: usize| {
        bytes[i] == b'\n'
            || (matches!(bytes[i], b'.' | b'!' | b'?')
                && bytes.get(i + 1).map_or(true, |b| b.is_ascii_whitespace()))
    };
    (0..bytes.len()).filter(|&i| is_stop(i)).collect()
}

/// Where the cues are in one post.
pub struct CueMap {
    promotion: Vec<Range<usize>>,
    neutral: Vec<Range<usize>>,
    event: Vec<Range<usize>>,
    newlines: Vec<usize>,
    /// Sentence stops (see [`stops`]), found once so each mention's sentence is a binary search.
    stops: Vec<usize>,
    /// The last sentence `name_talk` was tried on and the answer: mentions come in order, so
    /// a sentence full of quoted brands is searched once, not once per brand.
    name_talk: Cell<Option<(usize, usize, bool)>>,
}

impl Cues {
    pub fn new() -> Self {
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        // data/lexicon/hand/coi_cues.txt, in this order (a comparison reads as neutral).
        for (cue, selector) in [
            (Cue::Promotion, "cue=promotion"),
            (Cue::Neutral, "cue=neutral"),
            (Cue::Event, "cue=event"),
            (Cue::Neutral, "cue=comparison"),
        ] {
            for (lemma, prefix) in COI_CUES.prefixed(selector) {
                patterns.push(lemma);
                kinds.push((cue, prefix));
            }
        }
        Cues {
            automaton: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("cue automaton builds"),
            kinds,
            contrast_before: LazyRegex::new(CONTRAST_BEFORE),
            contrast_after: LazyRegex::new(CONTRAST_AFTER),
            name_talk: LazyRegex::new(NAME_TALK),
        }
    }

    /// True when the brand at `span` is set against its generic name (`generic`, if known)
    /// rather than praised: see the module comment. The caller checks for praise
    /// ([`CueMap::praised_in_sentence`]).
    pub fn contrasted(
        &self,
        map: &CueMap,
        text: &str,
        span: &Range<usize>,
        generic: Option<&str>,
    ) -> bool {
        let sentence = map.sentence_around(text.len(), span);
        let before = &text[sentence.start..span.start];
        let after = &text[span.end..sentence.end];
        if self.contrast_before.is_match(before) || self.contrast_after.is_match(after) {
            return true;
        }
        let is_quote = |c: Option<char>| c.is_some_and(|c| "'‘’\"“”".contains(c));
        let quoted = is_quote(before.chars().next_back()) && is_quote(after.chars().next());
        if !quoted {
            return false;
        }
        let rest = after[after.chars().next().map_or(0, char::len_utf8)..].trim_start();
        let glossed = generic.is_some_and(|g| {
            rest.strip_prefix('(')
                .is_some_and(|r| r.trim_start().to_ascii_lowercase().starts_with(g))
        });
        glossed || map.name_talk(&self.name_talk, text, sentence)
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
            stops: stops(lower),
            name_talk: Cell::new(None),
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
    /// events must be closer (the same sentence, roughly). Still bytes, not words: the cue map
    /// is read from the text alone, without the post's `Document` (issue 8, still to do).
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

    /// True when a praise cue sits in the sentence around `span`.
    pub fn praised_in_sentence(&self, text: &str, span: &Range<usize>) -> bool {
        let sentence = self.sentence_around(text.len(), span);
        let first = self.promotion.partition_point(|r| r.end <= sentence.start);
        self.promotion[first..]
            .iter()
            .take_while(|r| r.start < sentence.end)
            .next()
            .is_some()
    }

    /// The sentence around `span`: from the last stop before it to the next stop at or after it.
    fn sentence_around(&self, len: usize, span: &Range<usize>) -> Range<usize> {
        let before = self.stops.partition_point(|&s| s < span.start);
        let start = before.checked_sub(1).map_or(0, |i| self.stops[i] + 1);
        let after = self.stops.partition_point(|&s| s < span.end);
        let end = self.stops.get(after).copied().unwrap_or(len);
        start..end
    }

    /// Whether `pattern` matches `text[sentence]`, remembering the last sentence asked about.
    fn name_talk(&self, pattern: &Regex, text: &str, sentence: Range<usize>) -> bool {
        if let Some((start, end, found)) = self.name_talk.get() {
            if (start, end) == (sentence.start, sentence.end) {
                return found;
            }
        }
        let found = pattern.is_match(&text[sentence.clone()]);
        self.name_talk
            .set(Some((sentence.start, sentence.end, found)));
        found
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
mod tests;
