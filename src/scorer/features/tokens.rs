//! How the scorer reads a post's text: normalised words (with their hashtag or handle marker
//! and sentence ends), chunks for character n-grams, and symbols.

use std::ops::Range;

/// Lower case, every digit as `0`: "44-year-old" and "52-year-old" are one shape.
pub(super) fn normalise(s: &str) -> String {
    if s.is_ascii() {
        // Most words: the same result without decoding characters one by one.
        let bytes = s.bytes().map(|b| {
            if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            }
        });
        return bytes.map(char::from).collect();
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_numeric() { '0' } else { c })
        .collect()
}

pub(super) struct Word {
    pub(super) span: Range<usize>,
    pub(super) norm: String,
    /// `#` or `@` right before the word (a hashtag or handle).
    pub(super) marker: Option<char>,
    /// A sentence break (`.`, `!`, `?`, newline) follows before the next word: no bigram across.
    pub(super) ends_sentence: bool,
}

/// Runs of letters and digits.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start: Option<usize> = None;
    let flush = |out: &mut Vec<Word>, start: usize, end: usize| {
        let marker = text[..start]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '#' | '@'));
        out.push(Word {
            span: start..end,
            norm: normalise(&text[start..end]),
            marker,
            ends_sentence: false,
        });
    };
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
        } else {
            if let Some(s) = start.take() {
                flush(&mut out, s, at);
            }
            if matches!(c, '.' | '!' | '?' | '\n') {
                if let Some(last) = out.last_mut() {
                    last.ends_sentence = true;
                }
            }
        }
    }
    if let Some(s) = start {
        flush(&mut out, s, text.len());
    }
    out
}

pub(super) struct Chunk {
    pub(super) span: Range<usize>,
    pub(super) norm: String,
}

/// Whitespace-separated chunks without their outer punctuation, keeping symbols inside
/// ("f*cking", "id10t"): the character n-grams see how a word was spelt.
pub(super) fn chunks(text: &str) -> Vec<Chunk> {
    let outer = |c: char| !c.is_alphanumeric() && !matches!(c, '*' | '#' | '@' | '$' | '!' | '1');
    let mut out = Vec::new();
    for piece in text.split_whitespace() {
        // `piece` is a slice of `text`: its offset is where it starts in memory.
        let at = piece.as_ptr() as usize - text.as_ptr() as usize;
        let trimmed = piece.trim_matches(outer);
        if trimmed.is_empty() {
            continue;
        }
        let start = at + (piece.len() - piece.trim_start_matches(outer).len());
        out.push(Chunk {
            span: start..start + trimmed.len(),
            norm: normalise(trimmed),
        });
    }
    out
}

/// Emoji and other non-ASCII symbols, one feature each (🐷, 🤡, 🙄 carry tone).
pub(super) fn symbols(text: &str) -> impl Iterator<Item = (Range<usize>, char)> + '_ {
    text.char_indices()
        .filter(|&(_, c)| !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
        .filter(|&(_, c)| {
            !matches!(
                c,
                '\u{fe0f}' | '\u{200d}' | '’' | '‘' | '“' | '”' | '–' | '—'
            )
        })
        .map(|(at, c)| (at..at + c.len_utf8(), c))
}
