//! The post's words (runs of characters between whitespace), found once per [`super::Document`],
//! and the windows measured in them: the start of the `n`th word before an offset, the end of the
//! `n`th word after it. A window so measured ends on word boundaries and covers as much text
//! whether the words are "pt" or "cardiomyopathy", where a byte window cut words in half.
//!
//! Sizes: the training corpus (`data/corpus/train/*.jsonl`) averages 5.73 bytes per word with its
//! space (1,404,607 bytes, 245,104 words), so a window that was `b` bytes is `ceil(b / 5.73)`
//! words: 20 -> 4, 24 -> 5, 30 or 32 -> 6, 40 -> 7, 60 -> 11, 160 -> 28, 200 -> 35, 600 -> 105.

use std::ops::Range;

/// Each word's byte span, in order.
pub(super) struct Words(Vec<Range<usize>>);

impl Words {
    pub(super) fn new(text: &str) -> Self {
        let mut words = Vec::new();
        let mut start = None;
        for (at, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    words.push(s..at);
                    start = None;
                }
                (false, None) => start = Some(at),
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push(s..text.len());
        }
        Words(words)
    }

    /// Where the `n` whole words before `at` begin (a word `at` falls inside, "(" before a
    /// number, is in the window but not counted); `0` when there are fewer than `n`.
    pub(super) fn back(&self, at: usize, n: usize) -> usize {
        if n == 0 {
            return at;
        }
        let before = self.0.partition_point(|w| w.end <= at);
        before.checked_sub(n).map_or(0, |i| self.0[i].start)
    }

    /// Where the `n` whole words after `at` end (a word `at` falls inside is in the window but
    /// not counted); `len` (the text's length) when there are fewer than `n`.
    pub(super) fn forward(&self, at: usize, n: usize, len: usize) -> usize {
        if n == 0 {
            return at;
        }
        let first = self.0.partition_point(|w| w.start < at);
        self.0.get(first + n - 1).map_or(len, |w| w.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Words;

    #[test]
    fn windows_count_whole_words_and_stop_at_the_text_edges() {
        let text = "NHS number on slide 14 (615-274-9086) today";
        let words = Words::new(text);
        let at = text.find('6').unwrap();
        assert_eq!(&text[words.back(at, 5)..at], "NHS number on slide 14 (");
        assert_eq!(&text[words.back(at, 2)..at], "slide 14 (");
        assert_eq!(words.back(at, 9), 0);
        assert_eq!(words.back(at, 0), at);
        let end = text.find(')').unwrap();
        assert_eq!(&text[end..words.forward(end, 1, text.len())], ") today");
        assert_eq!(words.forward(end, 3, text.len()), text.len());
        assert_eq!(&text[3..words.forward(3, 1, text.len())], " number");
    }
}
