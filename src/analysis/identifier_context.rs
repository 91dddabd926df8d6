//! Shared helpers for the identifier rules (`nhs-number`, `chi-number`, `hospital-number`,
//! `date-of-birth`, `postcode`, `phone-number`, `ni-number`): the words around a match, the
//! modulus-11 checksum and date validation. The scan for 10-digit numbers is in
//! [`super::ten_digit`].
//!
//! Context decides as much as the digits do: "FOI ref 2024011873" is not a patient, "Pt
//! 6921742184" is one even with a bad checksum.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::document::Document;

/// Words that say a nearby number is not about a patient.
pub const NOT_PATIENT: &str =
    "foi|ref|ref.|reference|order|order no|invoice|isbn|issn|tracking|case no|case number|\
ticket|account|acct|booking|confirmation|serial|receipt|policy|transaction|parcel|doi|\
pmid|registration|reg no|gmc|charity|company no|company number|sort code|crn|vat|\
barcode|product code|isrctn|nct|grant|award|ucas|passport|licence|license|flight|\
id|meeting|zoom|teams|webinar|passcode|pin|code|dial-in|ods|ukprn|ehic";

/// Words that present a number as a patient's identifier.
pub const PATIENT: &str =
    "nhs|nhs no|nhs number|pt|pts|patient|patients|chi|hosp|mrn|spine|record|h&c|hcn";

/// Lower-cased text on the same line before `at`, at most `words` words (`document/words.rs`).
pub fn before<'a>(doc: &'a Document, at: usize, words: usize) -> &'a str {
    let slice = &doc.lower[doc.words_before(at, words)..at];
    match slice.rfind('\n') {
        Some(i) => &slice[i + 1..],
        None => slice,
    }
}

/// Lower-cased text on the same line after `at`, at most `words` words.
pub fn after<'a>(doc: &'a Document, at: usize, words: usize) -> &'a str {
    let slice = &doc.lower[at..doc.words_after(at, words)];
    match slice.find('\n') {
        Some(i) => &slice[..i],
        None => slice,
    }
}

/// A list of cue words, matched in one pass over a lower-cased window. The matcher is built on
/// first use, like [`crate::pattern::LazyRegex`]: cues are read only around a candidate (a ten-digit number, a
/// postcode), which most posts never have, and building them all made up about a third of
/// `Checker::new` in the extension's cold start. Debug builds build it at once.
pub struct Cues {
    words: String,
    automaton: OnceLock<AhoCorasick>,
}

impl Cues {
    /// `words` is `|`-separated and lower-case.
    pub fn new(words: &str) -> Self {
        let cues = Cues {
            words: words.to_string(),
            automaton: OnceLock::new(),
        };
        if cfg!(debug_assertions) {
            cues.automaton();
        }
        cues
    }

    fn automaton(&self) -> &AhoCorasick {
        self.automaton
            .get_or_init(|| AhoCorasick::new(self.words.split('|')).expect("cue words compile"))
    }

    /// Whether `hay` (lower-case) contains a cue that starts a word and ends one (a plural `s`
    /// or a possessive `'s` may follow).
    pub fn in_text(&self, hay: &str) -> bool {
        self.automaton().find_overlapping_iter(hay).any(|m| {
            let head_ok = !hay[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let tail = &hay[m.end()..];
            let tail = tail
                .strip_prefix("'s")
                .or_else(|| tail.strip_prefix("’s"))
                .or_else(|| tail.strip_prefix('s'))
                .unwrap_or(tail);
            head_ok && !tail.chars().next().is_some_and(char::is_alphanumeric)
        })
    }
}

/// Whether `hay` contains one of the `|`-separated `words` as a word (see [`Cues::in_text`]).
/// Builds the matcher each time: for tests and rare paths only.
#[cfg(test)]
pub fn has_word(hay: &str, words: &str) -> bool {
    Cues::new(words).in_text(hay)
}

/// The ASCII digits of `s`, in order.
pub fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// The NHS/CHI modulus-11 check: weights 10..2 on the first nine digits, check digit
/// `11 - sum % 11`, where 11 means 0 and 10 means the number is invalid.
pub fn mod11_valid(d: &[u8]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&x, w)| u32::from(x) * w)
        .sum();
    match 11 - sum % 11 {
        11 => d[9] == 0,
        10 => false,
        check => u32::from(d[9]) == check,
    }
}

/// Whether day/month/year make a real calendar date (`year` in full).
pub fn real_date(day: u32, month: u32, year: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Whether the first six digits read as a real DDMMYY date (any century that makes it real).
pub fn ddmmyy_real(d: &[u8]) -> bool {
    if d.len() < 6 {
        return false;
    }
    let n = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    let (day, month, yy) = (n(0), n(2), n(4));
    real_date(day, month, 1900 + yy) || real_date(day, month, 2000 + yy)
}

/// Strong words that a number is a telephone number.
pub const PHONE: &str = "phone|tel|tel.|telephone|mobile|mob|cell|whatsapp|landline|fax|sms";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_matches_the_worked_example() {
        assert!(mod11_valid(&digits("943 476 5919")));
        assert!(!mod11_valid(&digits("943 476 5918")));
        assert!(!mod11_valid(&digits("987 654 4321")));
    }

    #[test]
    fn words_need_boundaries() {
        assert!(has_word("pt's daughter", "pt"));
        assert!(has_word("two patients", "patient"));
        assert!(!has_word("optional", "pt"));
        assert!(!has_word("reference", "ref"));
    }

    #[test]
    fn dates_are_checked() {
        assert!(ddmmyy_real(&digits("290200")));
        assert!(!ddmmyy_real(&digits("300201")));
        assert!(!ddmmyy_real(&digits("321201")));
    }
}
