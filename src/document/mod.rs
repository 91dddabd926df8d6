//! The document layer: the only code that knows text geometry. The post being checked (its
//! sentences, windows and word boundaries), span sets, and the conversion from UTF-8 byte offsets
//! (what Rust's `regex` gives) to UTF-16 code units (what the DOM counts). It depends on nothing
//! above it; per-post facts live in [`crate::analysis`].

use std::collections::BTreeSet;
use std::ops::Range;

use regex::Regex;

use crate::config::Config;

/// The post under check, prepared once and shared by every rule.
pub struct Document<'a> {
    /// The text exactly as the doctor typed it.
    pub text: &'a str,
    /// The same text with ASCII letters lower-cased. Byte offsets are identical to `text`, so a
    /// match found here can be reported against `text` directly.
    pub lower: String,
    pub config: &'a Config,
    /// Byte offsets of the sentence breaks `.`, `!`, `?` and newlines, in order.
    breaks: Vec<usize>,
    /// The same with `;`, for [`Document::sentence_near`].
    clause_breaks: Vec<usize>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str, config: &'a Config) -> Self {
        let mut breaks = Vec::new();
        let mut clause_breaks = Vec::new();
        for (i, b) in text.bytes().enumerate() {
            if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                breaks.push(i);
                clause_breaks.push(i);
            } else if b == b';' {
                clause_breaks.push(i);
            }
        }
        Document {
            text,
            lower: text.to_ascii_lowercase(),
            config,
            breaks,
            clause_breaks,
        }
    }

    /// The original text of a byte span.
    pub fn slice(&self, span: &Range<usize>) -> &'a str {
        &self.text[span.clone()]
    }

    /// The byte span of the sentence around `span` (split on `.`, `!`, `?` and newlines).
    pub fn sentence_around(&self, span: &Range<usize>) -> Range<usize> {
        let before = self.breaks.partition_point(|&b| b < span.start);
        let start = before.checked_sub(1).map_or(0, |i| self.breaks[i] + 1);
        let after = self.breaks.partition_point(|&b| b < span.end);
        let end = self.breaks.get(after).copied().unwrap_or(self.text.len());
        start..end
    }

    /// The sentence around `span` (split on `.`, `!`, `?`, `;` and newlines), looking at most
    /// 600 bytes either way so that a post without full stops gives short sentences.
    pub fn sentence_near(&self, span: &Range<usize>) -> Range<usize> {
        let origin = floor_boundary(self.text, span.start.saturating_sub(600));
        let limit = ceil_boundary(self.text, (span.end + 600).min(self.text.len()));
        let breaks = &self.clause_breaks;
        let before = breaks.partition_point(|&b| b < span.start);
        let start = match before.checked_sub(1).map(|i| breaks[i]) {
            Some(b) if b >= origin => b + 1,
            _ => origin,
        };
        let after = breaks.partition_point(|&b| b < span.end);
        let end = match breaks.get(after) {
            Some(&b) if b < limit => b,
            _ => limit,
        };
        start..end
    }

    /// A window of about `bytes` on either side of `span`, widened to char boundaries.
    pub fn window(&self, span: &Range<usize>, bytes: usize) -> Range<usize> {
        let mut start = span.start.saturating_sub(bytes);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (span.end + bytes).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}

/// A set of byte spans that answers "does anything here overlap (or come near) this span?" in
/// logarithmic time, so a rule that asks once per match stays linear in the post instead of
/// rescanning every span found so far. Spans may be added in any order and may overlap.
#[derive(Default, Debug, Clone)]
pub struct SpanSet {
    spans: BTreeSet<(usize, usize)>,
    /// The longest span added: any span that reaches `at` starts at most this far before it.
    longest: usize,
}

impl SpanSet {
    pub fn new() -> Self {
        SpanSet::default()
    }

    pub fn insert(&mut self, span: Range<usize>) {
        self.longest = self.longest.max(span.end.saturating_sub(span.start));
        self.spans.insert((span.start, span.end));
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The spans whose start lies in `from..=to` (callers filter them exactly).
    fn starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        self.spans
            .range((from, 0)..=(to.max(from), usize::MAX))
            .map(|&(start, end)| start..end)
    }

    /// True when some span `s` has `s.start < span.end && span.start < s.end`.
    pub fn overlaps(&self, span: &Range<usize>) -> bool {
        if span.end == 0 {
            return false;
        }
        self.starting_in(span.start.saturating_sub(self.longest), span.end - 1)
            .any(|s| s.start < span.end && span.start < s.end)
    }

    /// True when some span `s` has `s.start <= span.end + bytes && span.start <= s.end + bytes`.
    pub fn near(&self, span: &Range<usize>, bytes: usize) -> bool {
        let from = span.start.saturating_sub(bytes + self.longest);
        self.starting_in(from, span.end + bytes)
            .any(|s| s.start <= span.end + bytes && span.start <= s.end + bytes)
    }

    /// True when some span `s` has `s.start <= span.start && span.end <= s.end`.
    pub fn covers(&self, span: &Range<usize>) -> bool {
        self.starting_in(span.end.saturating_sub(self.longest), span.start)
            .any(|s| s.start <= span.start && span.end <= s.end)
    }

    /// True when some span starts exactly at `at`.
    pub fn starts_at(&self, at: usize) -> bool {
        self.starting_in(at, at).next().is_some()
    }
}

impl FromIterator<Range<usize>> for SpanSet {
    fn from_iter<I: IntoIterator<Item = Range<usize>>>(iter: I) -> Self {
        let mut set = SpanSet::new();
        for span in iter {
            set.insert(span);
        }
        set
    }
}

/// One pattern asked about the sentence around each of many matches: the answer for the last
/// sentence is kept, so matches that share a long sentence search it once, not once each.
pub struct PerSentence<'p> {
    pattern: &'p Regex,
    last: Option<(usize, usize, bool)>,
}

impl<'p> PerSentence<'p> {
    pub fn new(pattern: &'p Regex) -> Self {
        PerSentence {
            pattern,
            last: None,
        }
    }

    /// `pattern.is_match(&text[sentence])`.
    pub fn is_match(&mut self, text: &str, sentence: &Range<usize>) -> bool {
        match self.last {
            Some((start, end, found)) if (start, end) == (sentence.start, sentence.end) => found,
            _ => {
                let found = self.pattern.is_match(&text[sentence.clone()]);
                self.last = Some((sentence.start, sentence.end, found));
                found
            }
        }
    }
}

/// True when the match at `span` is not glued to a letter or digit on either side.
pub fn is_word_bounded(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Converts many byte offsets into UTF-16 offsets in one pass over the text.
///
/// Offsets must lie on char boundaries (every regex match does). The result is in the same order
/// as the input.
pub fn utf16_offsets(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..byte_offsets.len()).collect();
    order.sort_by_key(|&i| byte_offsets[i]);
    let mut result = vec![0; byte_offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut utf16 = 0;
    for i in order {
        let target = byte_offsets[i];
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            utf16 += c.len_utf16();
            chars.next();
        }
        result[i] = utf16;
    }
    result
}

/// Converts one UTF-16 offset back to a byte offset (clamped to the text).
pub fn byte_offset_of_utf16(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        if units >= utf16 {
            return at;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `at`, moved back to the nearest char boundary of `text`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `at`, moved forward to the nearest char boundary of `text`.
pub(crate) fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_emoji_as_two_units() {
        let text = "😷 pt 943 476 5919";
        let start = text.find('9').unwrap();
        assert_eq!(utf16_offsets(text, &[start, text.len()]), vec![6, 18]);
    }

    #[test]
    fn utf16_offsets_keep_input_order() {
        let text = "é😷a";
        assert_eq!(utf16_offsets(text, &[6, 0, 2]), vec![3, 0, 1]);
    }

    #[test]
    fn byte_offset_round_trips() {
        let text = "a😷b";
        assert_eq!(byte_offset_of_utf16(text, 3), 5);
        assert_eq!(byte_offset_of_utf16(text, 99), text.len());
    }

    #[test]
    fn span_set_answers_like_a_scan() {
        let spans = [3..9, 0..2, 20..21, 5..6, 40..100, 12..12];
        let set: SpanSet = spans.iter().cloned().collect();
        for start in 0..110 {
            for end in start..start + 12 {
                let q = start..end;
                let overlap = spans.iter().any(|s| s.start < q.end && q.start < s.end);
                assert_eq!(set.overlaps(&q), overlap, "{q:?}");
                for bytes in [0, 3, 60] {
                    let near = spans
                        .iter()
                        .any(|s| s.start <= q.end + bytes && q.start <= s.end + bytes);
                    assert_eq!(set.near(&q, bytes), near, "{q:?} {bytes}");
                }
            }
            assert_eq!(set.starts_at(start), spans.iter().any(|s| s.start == start));
            for end in start..start + 12 {
                let q = start..end;
                let covered = spans.iter().any(|s| s.start <= q.start && q.end <= s.end);
                assert_eq!(set.covers(&q), covered, "{q:?}");
            }
        }
    }

    #[test]
    fn word_bounds_reject_glued_letters() {
        assert!(is_word_bounded("see Nytol now", &(4..9)));
        assert!(!is_word_bounded("seeNytol", &(3..8)));
    }

    #[test]
    fn sentences_near_are_bounded_and_respect_char_boundaries() {
        let config = Config::default();
        let doc = Document::new("😷 résumé. Next; one", &config);
        assert_eq!(doc.sentence_near(&(0..4)), 0..doc.text.find('.').unwrap());
        let at = doc.text.find("one").unwrap();
        assert_eq!(doc.slice(&doc.sentence_near(&(at..at + 3))), " one");
        let long = format!("{}bed 4{}", "é".repeat(400), "a".repeat(700));
        let doc = Document::new(&long, &config);
        let at = long.find("bed").unwrap();
        assert_eq!(doc.sentence_near(&(at..at + 5)), 200..at + 605);
    }

    #[test]
    fn sentence_around_stops_at_breaks() {
        let config = Config::default();
        let doc = Document::new("First one. Bed 4 now! Last", &config);
        let at = doc.text.find("Bed").unwrap();
        assert_eq!(doc.slice(&doc.sentence_around(&(at..at + 3))), " Bed 4 now");
    }
}
