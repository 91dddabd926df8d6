//! `hospital-number`: a hospital number, MRN or unit number in a post.
//!
//! Why: a local hospital number identifies a patient as surely as an NHS number does. The GMC
//! names hospital numbers among the identifiers that must not be shared (*Confidentiality*
//! education endnote; *Using social media as a medical professional* (2024) para 20; *Good
//! medical practice* (2024) para 88).
//!
//! Example: "Hosp no. RXH 3028471 — 9 hrs and ortho still haven't reviewed" — a warning, with a
//! fix that removes the label and number.
//!
//! Hospital numbers have no national format, so context decides: a label ("hosp no", "hospital
//! number", "MRN", "unit no", "record no", "patient ID", "PAS no") followed by an identifier of
//! five to ten digits, optionally with a prefix of a capital letter and up to three capitals or
//! digits, joined by a space, dash or slash ("RXH 3028471", "A1234567", "RX1-448812", "K/123456"),
//! and optionally one trailing capital ("0123456X"). A trust-code
//! style number ("RXH3028471": R + two characters + 6–8 digits) with no label counts only when a
//! word like "pt" or "patient" is close by.

use crate::pattern::LazyRegex;

use super::GUIDANCE;
use crate::analysis::identifier_context::{after, before, Cues};
use crate::analysis::Post;
use crate::config::Config;
use crate::document::SpanSet;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct HospitalNumber {
    labelled: LazyRegex,
    trust_style: LazyRegex,
    patient_before: Cues,
    patient_after: Cues,
}

impl HospitalNumber {
    pub fn new(_config: &Config) -> Self {
        HospitalNumber {
            labelled: LazyRegex::new(
                r"(?i-u)(?-u:\b)(?:hosp(?:ital)?\.? ?(?:no|num|number|#|id)\.?|mrn|m\.r\.n\.?|unit ?(?:no|number|#)\.?|(?:medical )?records? ?(?:no|number|#)\.?|case ?notes? ?(?:no|number)\.?|pas ?(?:no|number|id)\.?|(?:patient|pt) ?(?:id|identifier)\.?)(?: ?[:#=\-]| is| was)? ?(?:(?-i:[A-Z][A-Z0-9]{0,3})[ /\-]?)?[0-9]{5,10}(?-i:[A-Z])?(?-u:\b)",
            ),
            trust_style: LazyRegex::new(r"(?-u)(?-u:\b)R[A-Z0-9]{2}[ \-]?[0-9]{6,8}(?-u:\b)"),
            patient_before: Cues::new("pt|patient|bed|ward"),
            patient_after: Cues::new("pt|patient"),
        }
    }
}

fn hit(span: std::ops::Range<usize>) -> Hit {
    Hit::new(&INFO, Severity::Warning,
        span,
        "This looks like a hospital number (MRN). It identifies the patient as surely as an NHS number, so it should not be posted.",
        GUIDANCE,
    )
    .with_fix(FixHit::replace("Remove the hospital number", ""))
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "hospital-number",
    category: Category::Confidentiality,
    description: "A hospital number, MRN or unit number.",
};

impl Rule for HospitalNumber {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let mut taken = SpanSet::new();
        for m in self.labelled.find_iter(doc.text) {
            taken.insert(m.range());
            hits.push(hit(m.range()));
        }
        for m in self.trust_style.find_iter(doc.text) {
            if taken.overlaps(&m.range()) {
                continue;
            }
            let near = before(doc, m.start(), 7);
            let next = after(doc, m.end(), 7);
            if self.patient_before.in_text(near) || self.patient_after.in_text(next) {
                hits.push(hit(m.range()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of, warned};

    #[test]
    fn flags_labelled_numbers() {
        assert_eq!(
            spans_of("hospital-number", "Hosp no. RXH 3028471 — 9 hrs"),
            vec!["Hosp no. RXH 3028471"]
        );
        assert!(warned(
            "hospital-number",
            "MRN 30482917 lost in the system AGAIN"
        ));
        assert!(warned(
            "hospital-number",
            "hospital number is A1234567, can you check"
        ));
        assert!(warned("hospital-number", "unit no: 0123456"));
        assert!(warned("hospital-number", "Patient ID K0456789 on the list"));
    }

    #[test]
    fn flags_prefixes_with_digits_dashes_and_slashes() {
        assert_eq!(
            spans_of(
                "hospital-number",
                "Hospital no. RX1-448812 is the fourth this week"
            ),
            vec!["Hospital no. RX1-448812"]
        );
        assert!(warned("hospital-number", "hosp no K/123456 still waiting"));
        assert!(warned("hospital-number", "MRN: A123456 bloods pending"));
        assert!(warned("hospital-number", "unit no 0123456X for the list"));
        assert!(warned(
            "hospital-number",
            "Hospital number RXH/3028471 please"
        ));
    }

    #[test]
    #[ignore = "an unlabelled local number (\"bloods for 30482917\") has no format to recognise"]
    fn unlabelled_local_numbers() {
        assert!(flagged(
            "hospital-number",
            "chasing bloods for 30482917 since 9am"
        ));
    }
}
