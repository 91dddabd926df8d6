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
    /// The words, for windows measured in words (`words.rs`).
    words: Words,
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
            words: Words::new(text),
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
    /// 105 words either way (what was 600 bytes, `words.rs`) so that a post without full stops
    /// gives short sentences.
    pub fn sentence_near(&self, span: &Range<usize>) -> Range<usize> {
        let origin = self.words_before(span.start, 105);
        let limit = self.words_after(span.end, 105);
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

    /// `span` widened by `words` words on either side (see [`Document::words_before`]).
    pub fn window(&self, span: &Range<usize>, words: usize) -> Range<usize> {
        self.words_before(span.start, words)..self.words_after(span.end, words)
    }

    /// The start of the `n` whole words before `at` (plus any word `at` falls inside), or of the
    /// text when there are fewer: windows are measured in words, not bytes (sizes in `words.rs`).
    pub fn words_before(&self, at: usize, n: usize) -> usize {
        self.words.back(at, n)
    }

    /// The text of the `n` whole words before `at` (see [`Document::words_before`]).
    pub fn text_before(&self, at: usize, n: usize) -> &'a str {
        &self.text[self.words_before(at, n)..at]
    }

    /// The end of the `n` whole words after `at` (plus any word `at` falls inside), or of the text.
    pub fn words_after(&self, at: usize, n: usize) -> usize {
        self.words.forward(at, n, self.text.len())
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

#[cfg(test)]
mod tests;
mod words;
use words::Words;
