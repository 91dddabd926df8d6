//! The words `person-name` reads: the name lists (built once per process), the places and
//! countries that follow "#PrayFor…" as often as names do, and the scan for name-shaped words.

use std::sync::LazyLock;

use crate::lexicon::list::RULE_WORDS;
use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::people_places::{WordSet, Words, UK_PLACES};

pub(super) static PLAIN: OnceLock<WordSet> = OnceLock::new();
pub(super) static COMMON: OnceLock<WordSet> = OnceLock::new();

/// The name lists are the same for every checker: built once per process.
pub(super) fn word_set(cell: &'static OnceLock<WordSet>, words: Words) -> &'static WordSet {
    cell.get_or_init(|| WordSet::new(words))
}

/// UK places, countries and institutions that follow "#PrayFor…" as often as names do.
pub(super) fn is_place(word: &str) -> bool {
    // Capitalised names that are places or things (`list=not-person` in rule_words.txt).
    static NOT_PEOPLE: LazyLock<Vec<&str>> = LazyLock::new(|| RULE_WORDS.words("list=not-person"));
    static PLACES: OnceLock<WordSet> = OnceLock::new();
    NOT_PEOPLE.iter().any(|p| p.eq_ignore_ascii_case(word))
        || word_set(&PLACES, UK_PLACES).contains(word)
}

/// The spans the `word` pattern (`\b[A-Za-z][a-z]+(?:[-'’][A-Z][a-z]+)?\b`, ASCII boundaries)
/// would match, found by a plain scan: every word of every post passes through here, and one regex
/// search per word was a third of the time `check` takes on a long post.
pub(super) fn name_like_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // The end of the run of word bytes starting at `at`.
    let run_end = move |at: usize| {
        (at..bytes.len())
            .find(|&i| !is_word(bytes[i]))
            .unwrap_or(bytes.len())
    };
    let shaped = move |run: Range<usize>, capital: bool| {
        let word = &bytes[run];
        word.len() >= 2
            && (if capital {
                word[0].is_ascii_uppercase()
            } else {
                word[0].is_ascii_alphabetic()
            })
            && word[1..].iter().all(u8::is_ascii_lowercase)
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            if !is_word(bytes[at]) {
                at += 1;
                continue;
            }
            let start = at;
            let mut end = run_end(start);
            at = end;
            if !shaped(start..end, false) {
                continue;
            }
            // "Mary-Jane", "O'Neill"-style joins onto a capitalised part.
            let join = match bytes.get(end) {
                Some(b'-' | b'\'') => 1,
                _ if text[end..].starts_with('’') => '’'.len_utf8(),
                _ => 0,
            };
            if join > 0 && end + join < bytes.len() && is_word(bytes[end + join]) {
                let second = run_end(end + join);
                if shaped(end + join..second, true) {
                    end = second;
                    at = end;
                }
            }
            return Some(start..end);
        }
        None
    })
}
