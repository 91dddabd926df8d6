//! `chi-number`: a Scottish Community Health Index (CHI) number in a post.
//!
//! Why: the CHI number is Scotland's unique patient identifier and encodes the date of birth. The
//! GMC counts such numbers among the identifiers that must not be shared without consent (*Using
//! social media as a medical professional* (2024) para 20; *Good medical practice* (2024) para 88;
//! *Confidentiality* education endnote).
//!
//! Example: "Mr McLeod (CHI 120357 2417) moved 4 times" — flagged, with a fix that removes it.
//!
//! Ten digits: a real date as DDMMYY, two more digits, a sex digit and a modulus-11 check digit
//! (the NHS algorithm). Written unbroken, 6-4 or 2-2-2-4. With a valid checksum it is a warning;
//! a number labelled "CHI" with a real date but a failed checksum is still a warning, because it is
//! presented as a patient's identifier.

use super::GUIDANCE;
use crate::analysis::identifier_context::before;
use crate::analysis::ten_digit::{TenDigitScanner, TenKind};
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct ChiNumber {}

impl ChiNumber {
    pub fn new(_config: &Config) -> Self {
        ChiNumber {}
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "chi-number",
    category: Category::Confidentiality,
    description: "A Scottish CHI number: a real date of birth plus a valid check digit.",
};

impl Rule for ChiNumber {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let scanner = TenDigitScanner::shared();
        for (n, kind) in doc.ten_digit_numbers() {
            if *kind != TenKind::Chi {
                continue;
            }
            let labelled = scanner.patient.in_text(before(doc, n.span.start, 5));
            let other_use = !labelled && scanner.not_patient.in_text(before(doc, n.span.start, 7));
            let (severity, message) = if other_use {
                (
                    Severity::Info,
                    "This number has the shape and checksum of a Scottish CHI number, but the context suggests a reference. Make sure it is not a patient's CHI number.",
                )
            } else {
                (
                    Severity::Warning,
                    "This looks like a CHI number, Scotland's patient identifier (it also reveals the date of birth). Remove it unless the patient has explicitly consented.",
                )
            };
            hits.push(
                Hit::new(&INFO, severity, n.span.clone(), message, GUIDANCE)
                    .with_fix(FixHit::replace("Remove the CHI number", "")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of, warned};

    #[test]
    fn flags_valid_chi_numbers() {
        assert_eq!(spans_of("chi-number", "0101011237"), vec!["0101011237"]);
        assert_eq!(
            spans_of("chi-number", "Mr McLeod (CHI 120357 2417) moved"),
            vec!["120357 2417"]
        );
        assert!(warned("chi-number", "chi 12 03 57 2417"));
    }

    #[test]
    fn a_labelled_chi_with_a_typo_is_still_flagged() {
        assert!(warned("chi-number", "CHI 1203572418 in resus"));
    }

    #[test]
    #[ignore = "a CHI-range number written 3-3-4 is read as an NHS number, not a CHI number"]
    fn chi_written_three_three_four() {
        assert!(flagged("chi-number", "010 101 1237"));
    }
}
