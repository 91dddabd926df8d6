//! The text around a declaration: whether the words before it deny it, how far a few words
//! reach, whether it is a citation, and the clause it sits in.

use std::ops::Range;

/// True when the words just before `at` deny the relationship ("nobody", "doesn't", "not").
pub(super) fn is_negated(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    matches!(
        last,
        "nobody" | "noone" | "no-one" | "not" | "never" | "nor" | "neither"
    ) || last.ends_with("n't")
        || last.ends_with("n’t")
        || before.ends_with("no one")
}

/// Where the `words`-th word after `at` ends.
pub(super) fn words_after(text: &str, at: usize, words: usize) -> usize {
    let mut end = at;
    for _ in 0..words {
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start().len();
        let word = rest[gap..]
            .find(char::is_whitespace)
            .unwrap_or(rest.len() - gap);
        end += gap + word;
    }
    end
}

/// "doi: 10.1056/..." is a citation, not a declaration.
pub(super) fn is_citation(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    rest.starts_with("10.") || rest.starts_with("http") || text[..end].ends_with("doi.")
}

/// The clause holding a declaration: from the sentence start (or an opening bracket) to the
/// sentence end (or a bracket).
pub fn clause_around(text: &str, found: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let is_stop = |i: usize| {
        matches!(bytes[i], b'\n' | b'(' | b')' | b'[' | b']')
            || (matches!(bytes[i], b'.' | b'!' | b'?')
                && !matches!(bytes.get(i + 1), Some(b) if !b.is_ascii_whitespace()))
    };
    let limit_back = found.start.saturating_sub(300);
    let mut start = found.start;
    while start > limit_back && !is_stop(start - 1) {
        start -= 1;
    }
    let limit = (found.end + 300).min(text.len());
    let mut end = found.end;
    while end < limit && !is_stop(end) {
        end += 1;
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start.min(found.start)..end.max(found.end)
}
