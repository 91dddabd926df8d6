//! The scan for 10-digit numbers the NHS, CHI and phone rules share: every number written as 10,
//! 3-3-4, 6-4 or 2-2-2-4 digits standing on its own, and what its digits, shape and the words
//! before it say it is.

use std::ops::Range;
use std::sync::OnceLock;

use super::identifier_context::{
    before, ddmmyy_real, digits, mod11_valid, Cues, NOT_PATIENT, PATIENT, PHONE,
};
use crate::document::Document;
use crate::pattern::LazyRegex;

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
    /// The one scanner every rule and post shares (its patterns compile once).
    pub fn shared() -> &'static TenDigitScanner {
        static SCANNER: OnceLock<TenDigitScanner> = OnceLock::new();
        SCANNER.get_or_init(TenDigitScanner::new)
    }

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

impl TenDigitScanner {
    /// Decides what a 10-digit number is from its digits, shape and the words just before it.
    pub fn classify(&self, doc: &Document, n: &TenDigits) -> TenKind {
        let near = before(doc, n.span.start, 5);
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
        if valid && self.phone.in_text(before(doc, n.span.start, 6)) {
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
