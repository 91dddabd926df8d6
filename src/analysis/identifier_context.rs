//! Shared helpers for the identifier rules (`nhs-number`, `chi-number`, `hospital-number`,
//! `date-of-birth`, `postcode`, `phone-number`, `ni-number`): the words around a match, the
//! modulus-11 checksum, date validation and the scan for 10-digit numbers.
//!
//! Context decides as much as the digits do: "FOI ref 2024011873" is not a patient, "Pt
//! 6921742184" is one even with a bad checksum.

use std::ops::Range;
use std::sync::OnceLock;

use crate::pattern::LazyRegex;
use aho_corasick::AhoCorasick;

use crate::document::Document;

/// The guidance every identifier finding cites.
pub const GUIDANCE: &[&str] = &["sm-2024-20", "gmp-2024-88", "conf-identifiers"];

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

/// Lower-cased text on the same line before `at`, at most `bytes` long.
pub fn before<'a>(doc: &'a Document, at: usize, bytes: usize) -> &'a str {
    let mut start = at.saturating_sub(bytes);
    while !doc.lower.is_char_boundary(start) {
        start += 1;
    }
    let slice = &doc.lower[start..at];
    match slice.rfind('\n') {
        Some(i) => &slice[i + 1..],
        None => slice,
    }
}

/// Lower-cased text on the same line after `at`, at most `bytes` long.
pub fn after<'a>(doc: &'a Document, at: usize, bytes: usize) -> &'a str {
    let mut end = (at + bytes).min(doc.lower.len());
    while !doc.lower.is_char_boundary(end) {
        end -= 1;
    }
    let slice = &doc.lower[at..end];
    match slice.find('\n') {
        Some(i) => &slice[..i],
        None => slice,
    }
}

/// A list of cue words, matched in one pass over a lower-cased window. The matcher is built on
/// first use, like [`LazyRegex`]: cues are read only around a candidate (a ten-digit number, a
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

/// A 10-digit number written as 10, 3-3-4, 6-4 or 2-2-2-4 digits.
pub struct TenDigits {
    pub span: Range<usize>,
    pub digits: Vec<u8>,
    pub groups: Vec<usize>,
}

/// What a 10-digit number most likely is, decided once for the NHS, CHI and phone rules.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TenKind {
    /// A Scottish CHI number: a real DDMMYY date and a valid checksum (or a "CHI" label).
    Chi,
    /// An NHS (or Northern Ireland H&C) number: valid checksum, or labelled as one.
    Nhs,
    /// Neither.
    Other,
}

pub struct TenDigitScanner {
    pattern: LazyRegex,
    chi_label: Cues,
    nhs_label: Cues,
    phone: Cues,
    /// Words presenting a number as a patient's identifier ([`PATIENT`]).
    pub patient: Cues,
    /// Words saying a number is something else ([`NOT_PATIENT`]).
    pub not_patient: Cues,
}

impl TenDigitScanner {
    pub fn new() -> Self {
        TenDigitScanner {
            pattern: LazyRegex::new(r"\d(?:[ \-]?\d){9}"),
            chi_label: Cues::new("chi|chi no|chi number"),
            nhs_label: Cues::new("nhs|h&c|hcn"),
            phone: Cues::new(PHONE),
            patient: Cues::new(PATIENT),
            not_patient: Cues::new(NOT_PATIENT),
        }
    }

    /// Every 10-digit number standing on its own (not glued to letters, digits or a `+44 `).
    pub fn scan(&self, text: &str) -> Vec<TenDigits> {
        let mut found = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.pattern.find_at(text, pos) else {
                break;
            };
            let s = m.as_str();
            let groups: Vec<usize> = s.split([' ', '-']).map(str::len).collect();
            let shape_ok = matches!(groups.as_slice(), [10] | [3, 3, 4] | [6, 4] | [2, 2, 2, 4]);
            if shape_ok && stands_alone(text, m.range()) {
                found.push(TenDigits {
                    span: m.range(),
                    digits: digits(s),
                    groups,
                });
                pos = m.end();
            } else {
                // Retry from the next group so "on 12 943 476 5919" still finds the number.
                pos = match s.find([' ', '-']) {
                    Some(i) => m.start() + i + 1,
                    None => m.end(),
                };
            }
        }
        found
    }
}

/// Not glued to a word, a longer number, a decimal, a date or an international prefix.
fn stands_alone(text: &str, span: Range<usize>) -> bool {
    let head = &text[..span.start];
    let tail = &text[span.end..];
    let mut back = head.chars().rev();
    let prev = back.next();
    let prev2 = back.next();
    if prev.is_some_and(char::is_alphanumeric) {
        return false;
    }
    if matches!(prev, Some('-' | '.' | '/' | '+' | ','))
        && prev2.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    if prev == Some('+') {
        return false;
    }
    // "+1 415 555 0132", "+44 7700…": an international phone number.
    let trimmed = head.trim_end_matches([' ', '-']);
    let cc = trimmed.trim_end_matches(|c: char| c.is_ascii_digit());
    if trimmed.len() != head.len() && cc.ends_with('+') && trimmed.len() - cc.len() <= 3 {
        return false;
    }
    let mut fwd = tail.chars();
    let next = fwd.next();
    if next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    !(matches!(next, Some('-' | '.' | '/' | ',')) && fwd.next().is_some_and(|c| c.is_ascii_digit()))
}

/// Strong words that a number is a telephone number.
pub const PHONE: &str = "phone|tel|tel.|telephone|mobile|mob|cell|whatsapp|landline|fax|sms";

impl TenDigitScanner {
    /// Decides what a 10-digit number is from its digits, shape and the words just before it.
    pub fn classify(&self, doc: &Document, n: &TenDigits) -> TenKind {
        let near = before(doc, n.span.start, 24);
        let labelled_chi = self.chi_label.in_text(near);
        let labelled_nhs = self.nhs_label.in_text(near);
        let valid = mod11_valid(&n.digits);
        if labelled_chi && ddmmyy_real(&n.digits) {
            return TenKind::Chi;
        }
        if labelled_nhs {
            return TenKind::Nhs;
        }
        if !valid && !self.patient.in_text(near) {
            return TenKind::Other;
        }
        if valid && self.phone.in_text(before(doc, n.span.start, 30)) {
            return TenKind::Other;
        }
        if ddmmyy_real(&n.digits) && n.groups.as_slice() != [3, 3, 4] {
            TenKind::Chi
        } else {
            TenKind::Nhs
        }
    }
}

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

    #[test]
    fn scanner_skips_glued_and_international_numbers() {
        let s = TenDigitScanner::new();
        let spans = |t: &str| -> Vec<String> {
            s.scan(t)
                .into_iter()
                .map(|n| t[n.span].to_string())
                .collect()
        };
        assert_eq!(spans("on 12 943 476 5919 ok"), vec!["943 476 5919"]);
        assert!(spans("+1 415 555 0132").is_empty());
        assert!(spans("12345678901").is_empty());
        assert!(spans("3.1415926535").is_empty());
        assert_eq!(spans("pt 7100339073."), vec!["7100339073"]);
    }
}
