//! Text helpers shared by the rules: the document being checked, word boundaries, and the
//! conversion from UTF-8 byte offsets (what Rust's `regex` gives) to UTF-16 code units (what the
//! DOM counts).

use std::cell::OnceCell;
use std::ops::Range;

use crate::config::Config;

/// The post under check, prepared once and shared by every rule.
pub struct Document<'a> {
    /// The text exactly as the doctor typed it.
    pub text: &'a str,
    /// The same text with ASCII letters lower-cased. Byte offsets are identical to `text`, so a
    /// match found here can be reported against `text` directly.
    pub lower: String,
    pub config: &'a Config,
    /// Whether the post is about a patient: several rules ask, so it is worked out once per post
    /// (see [`Document::patient_context`]).
    pub(crate) patient: OnceCell<crate::rules::patient_context::Context>,
    /// The industry lexicon's mentions, also asked for by several rules
    /// (see [`Document::industry_mentions`]).
    pub(crate) industry: OnceCell<Vec<crate::lexicon::industry::Mention>>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str, config: &'a Config) -> Self {
        Document {
            text,
            lower: text.to_ascii_lowercase(),
            config,
            patient: OnceCell::new(),
            industry: OnceCell::new(),
        }
    }

    /// The original text of a byte span.
    pub fn slice(&self, span: &Range<usize>) -> &'a str {
        &self.text[span.clone()]
    }

    /// The byte span of the sentence around `span` (split on `.`, `!`, `?` and newlines).
    pub fn sentence_around(&self, span: &Range<usize>) -> Range<usize> {
        let is_break = |c: char| matches!(c, '.' | '!' | '?' | '\n');
        let start = self.text[..span.start].rfind(is_break).map_or(0, |i| i + 1);
        let end = self.text[span.end..]
            .find(is_break)
            .map_or(self.text.len(), |i| span.end + i);
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
    fn word_bounds_reject_glued_letters() {
        assert!(is_word_bounded("see Nytol now", &(4..9)));
        assert!(!is_word_bounded("seeNytol", &(3..8)));
    }

    #[test]
    fn sentence_around_stops_at_breaks() {
        let config = Config::default();
        let doc = Document::new("First one. Bed 4 now! Last", &config);
        let at = doc.text.find("Bed").unwrap();
        assert_eq!(doc.slice(&doc.sentence_around(&(at..at + 3))), " Bed 4 now");
    }
}
