//! `declared-interest`: a company the doctor lists as an interest (options page) named without a
//! declaration, however the mention reads (news and criticism included). The fix appends the
//! doctor's standing declaration, or a "Disclosure: <Company> (<relationship>)." line. Which
//! declarations cover a mention is the post's industry reading
//! ([`crate::analysis::industry_reading`]).
//!
//! Why: *Good medical practice* (2024) para 90(b) (declare conflicts when communicating publicly)
//! and para 95 (be open about interests); the GMC's *Identifying and managing conflicts of
//! interest* (2024).
//!
//! Example: "Mounjaro is in short supply again." is a warning on "Mounjaro" for a doctor who lists
//! Eli Lilly (speaker fees), the configuration of `tests/fixtures/declared-interest.txt`, with a
//! fix that appends "Disclosure: Eli Lilly (speaker fees).".

use crate::analysis::industry_reading::{Judged, Verdict};
use crate::finding::{Category, RuleInfo, Severity};
use crate::rules::conflict_of_interest::GUIDANCE;

const INFO: RuleInfo = RuleInfo {
    id: "declared-interest",
    category: Category::ConflictOfInterest,
    description: "A company the doctor has declared an interest in, named without a declaration.",
};

mention_rule!(DeclaredInterest, Severity::Warning, GUIDANCE, message);

fn message(m: &Judged) -> Option<String> {
    let interest = m
        .interest
        .as_ref()
        .filter(|_| m.verdict == Verdict::Interest)?;
    let relationship = if interest.relationship.is_empty() {
        String::new()
    } else {
        format!(" ({})", interest.relationship)
    };
    Some(format!(
        "You have an interest in {}{relationship}, and this post names {} without a declaration. Add your declaration so readers can judge what you say.",
        interest.name, m.who
    ))
}
