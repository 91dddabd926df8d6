//! `brand-mention` (a reminder, never a warning): a company or brand named without a declaration
//! in a way that doesn't read as promotion: news, safety or criticism (recall, shortage,
//! complaint, price or class comparison, a brand set against its generic name: "atorvastatin, not
//! 'Lipitor'"); or a mention whose declaration is elsewhere ("see bio"); or one the post's
//! declaration may not cover. How mentions read and which declarations cover them is the post's
//! industry reading ([`crate::analysis::industry_reading`]).
//!
//! Why: *Good medical practice* (2024) para 90(b) and para 95 ask doctors to be open about any
//! interest when they communicate publicly; a reader who sees only this post can't see a
//! declaration in the bio (the GMC's *Identifying and managing conflicts of interest*, 2024).
//!
//! Example: "Mounjaro is in short supply again." is a reminder on "Mounjaro".

use crate::analysis::industry_reading::{Judged, Verdict};
use crate::finding::{Category, RuleInfo, Severity};
use crate::rules::conflict_of_interest::GUIDANCE;

const INFO: RuleInfo = RuleInfo {
    id: "brand-mention",
    category: Category::ConflictOfInterest,
    description: "A neutral mention of a company or brand (recall, shortage, news): a reminder.",
};

mention_rule!(BrandMention, Severity::Info, GUIDANCE, message);

/// The reminder, by how the mention reads (`None`: another rule's mention).
fn message(m: &Judged) -> Option<String> {
    let maker = &m.maker;
    let advice = match m.verdict {
        Verdict::Partly => format!("Your declaration doesn't clearly cover {maker}: if you have any link with {maker}, name it in the declaration too."),
        Verdict::Elsewhere => format!("Your declarations are elsewhere (your bio or another post). Readers who see only this post won't see them, so consider a short declaration here if you have any link with {maker}."),
        Verdict::Neutral => format!("It reads as news, safety or criticism rather than an endorsement; if you have any link with {maker}, declare it anyway.{}", m.declared_else),
        Verdict::Interest | Verdict::Event | Verdict::Promotion => return None,
    };
    Some(format!("This post names {}. {advice}", m.who))
}
