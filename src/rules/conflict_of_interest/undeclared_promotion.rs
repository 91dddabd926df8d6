//! `undeclared-promotion`: a company, its @handle or a branded product promoted or endorsed
//! without a declaration of interest: any undeclared mention that isn't plainly news, safety or
//! criticism, nor tied to an event (`sponsored-event`), nor a company the doctor lists as an
//! interest (`declared-interest`). How mentions read and which declarations cover them is the
//! post's industry reading ([`crate::analysis::industry_reading`]).
//!
//! Why: *Good medical practice* (2024) para 90(b) (declare conflicts when communicating publicly,
//! including promoting or endorsing), para 95 (be open about interests), and the GMC's
//! *Identifying and managing conflicts of interest* (2024).
//!
//! Example: "Honestly, Mounjaro is a game changer" is a warning on "Mounjaro", with a fix that
//! uses the generic name (tirzepatide); "Mounjaro is in short supply again." is only a
//! `brand-mention` reminder.

use crate::analysis::industry_reading::{Judged, Verdict};
use crate::finding::{Category, RuleInfo, Severity};
use crate::rules::conflict_of_interest::GUIDANCE;

const INFO: RuleInfo = RuleInfo {
    id: "undeclared-promotion",
    category: Category::ConflictOfInterest,
    description: "A company, @handle or brand promoted without a declaration of interest.",
};

mention_rule!(UndeclaredPromotion, Severity::Warning, GUIDANCE, message);

fn message(m: &Judged) -> Option<String> {
    if m.verdict != Verdict::Promotion {
        return None;
    }
    let generic = if m.brand_generic.is_some() {
        ", or use the generic name"
    } else {
        ""
    };
    Some(format!(
        "This post names {} without a declaration of interest.{} Promoting or endorsing a product publicly needs a declaration of any link with {} (fees, hospitality, shares, gifts){generic}.",
        m.who, m.declared_else, m.maker
    ))
}
