//! `nhs-number`: an NHS number (England, Wales, Isle of Man) or a Northern Ireland Health and
//! Care number in a post.
//!
//! Why: an NHS number identifies one patient for life. The GMC names NHS numbers among the
//! identifiers that must not be shared without consent (*Using social media as a medical
//! professional* (2024) para 20; *Good medical practice* (2024) para 88; *Confidentiality*
//! education endnote).
//!
//! Example: "Pt NHS no 692 174 2180, referred 3 months ago" — flagged, with a fix that removes the
//! number.
//!
//! Ten digits written 3-3-4 (spaces or dashes) or unbroken. The modulus-11 checksum (weights
//! 10..2; check 11 means 0, 10 means invalid) is weighed with context:
//! - valid checksum: a warning, unless the words before it say it is something else (FOI ref,
//!   order, ISBN…: `info`) or it is in the NHS test range 999 000 0000–999 999 9999 (`info`);
//! - failed checksum: a warning only when presented as a patient's identifier ("NHS no", "pt").
//!
//! Numbers whose first six digits are a real date go to `chi-number` instead (Scottish CHI), and
//! numbers right after "phone"/"mobile" to `phone-number`.

use super::GUIDANCE;
use crate::analysis::identifier_context::{before, mod11_valid};
use crate::analysis::ten_digit::{TenDigitScanner, TenKind};
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct NhsNumber {}

impl NhsNumber {
    pub fn new(_config: &Config) -> Self {
        NhsNumber {}
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "nhs-number",
    category: Category::Confidentiality,
    description: "An NHS or H&C number (modulus 11), or a labelled one that fails its checksum.",
};

impl Rule for NhsNumber {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let scanner = TenDigitScanner::shared();
        for (n, kind) in doc.ten_digit_numbers() {
            if *kind != TenKind::Nhs {
                continue;
            }
            let valid = mod11_valid(&n.digits);
            let near = before(doc, n.span.start, 5);
            let wide = before(doc, n.span.start, 7);
            let labelled = scanner.patient.in_text(near);
            let other_use = scanner.not_patient.in_text(wide) && !labelled;
            let test_range = n.digits[..3] == [9, 9, 9];
            let hc = (320..400).contains(
                &(u32::from(n.digits[0]) * 100
                    + u32::from(n.digits[1]) * 10
                    + u32::from(n.digits[2])),
            );
            let what = if hc {
                "a Health and Care (H&C) number"
            } else {
                "an NHS number"
            };
            let (severity, message) = if !valid && !labelled {
                continue;
            } else if !valid {
                (
                    Severity::Warning,
                    "This is presented as a patient's NHS number (its checksum fails, but it still points to a patient). Remove it before posting.".to_string(),
                )
            } else if test_range {
                (
                    Severity::Info,
                    "This is in the NHS test range (999 000 0000–999 999 9999), so it is not a real patient. Check it is a test number you meant to share.".to_string(),
                )
            } else if other_use {
                (
                    Severity::Info,
                    format!(
                        "This number passes the NHS number checksum, but the context suggests a reference or product number. Make sure it is not {what}."
                    ),
                )
            } else {
                (
                    Severity::Warning,
                    format!(
                        "This looks like {what}. It identifies one patient, so it should not be posted without their explicit consent."
                    ),
                )
            };
            hits.push(
                Hit::new(&INFO, severity, n.span.clone(), message, GUIDANCE)
                    .with_fix(FixHit::replace("Remove the NHS number", "")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, flagged, spans_of, warned};

    #[test]
    fn flags_valid_numbers_in_every_layout() {
        assert_eq!(
            spans_of("nhs-number", "NHS no. 943 476 5919"),
            vec!["943 476 5919"]
        );
        assert!(warned("nhs-number", "re 709-679-2902?? Bleeped 4 times"));
        assert!(warned("nhs-number", "pt 7100339073 still waiting"));
        assert!(warned("nhs-number", "401-023-2137"));
    }

    #[test]
    fn flags_a_failed_checksum_presented_as_a_patient_number() {
        assert!(warned(
            "nhs-number",
            "ICE keeps rejecting NHS no 484 019 1615"
        ));
        assert!(warned("nhs-number", "Pt 6921742184 has been sat there"));
    }

    #[test]
    fn test_range_and_references_are_only_reminders() {
        assert!(flagged(
            "nhs-number",
            "use the NHS test range, e.g. 999 000 0018"
        ));
        assert!(!warned(
            "nhs-number",
            "use the NHS test range, e.g. 999 000 0018"
        ));
        assert!(!warned(
            "nhs-number",
            "textbook is out (ISBN 0192862987) and"
        ));
    }

    #[test]
    fn northern_ireland_hc_numbers_are_named() {
        let valid = "pt H&C 320 000 0015"; // passes mod 11
        let f = check(valid);
        let hit = f.iter().find(|f| f.rule == "nhs-number").unwrap();
        assert!(hit.message.contains("Health and Care"));
    }

    #[test]
    fn survives_odd_text() {
        let long = "😷 943 476 5919 ".repeat(50_000);
        assert_eq!(spans_of("nhs-number", &long).len(), 50_000);
        assert!(!flagged("nhs-number", "مرحبا ١٢٣ 🙂"));
    }
}
