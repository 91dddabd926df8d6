//! `sponsored-event`: a company beside an event or hospitality ("Thanks @PfizerUK for the lunch")
//! with no declaration of what the doctor received. How mentions read is the post's industry
//! reading ([`crate::analysis::industry_reading`]).
//!
//! Why: *Good medical practice* (2024) para 90(b) (declare conflicts when communicating publicly)
//! and para 96 (hospitality, gifts and fees), and the GMC's *Identifying and managing conflicts
//! of interest* (2024).
//!
//! Example: "Thanks @PfizerUK for the lunch at today's cardiology update!" is a warning on
//! "@PfizerUK".

use crate::analysis::industry_reading::{Judged, Verdict};
use crate::finding::{Category, RuleInfo, Severity};

const EVENT_GUIDANCE: &[&str] = &["gmp-2024-90", "gmp-2024-96", "coi-2024-principles"];

const INFO: RuleInfo = RuleInfo {
    id: "sponsored-event",
    category: Category::ConflictOfInterest,
    description: "A company-sponsored event or hospitality without a declaration.",
};

mention_rule!(SponsoredEvent, Severity::Warning, EVENT_GUIDANCE, message);

fn message(m: &Judged) -> Option<String> {
    (m.verdict == Verdict::Event).then(|| format!(
        "This post ties {} to an event or hospitality but doesn't say what you received.{} Declare any hospitality, travel, fees or gifts from {} (or say you received none).",
        m.who, m.declared_else, m.maker
    ))
}
