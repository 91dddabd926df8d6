//! Rules about conflicts of interest: promotion of products and services a doctor may profit
//! from, undeclared. GMC: *Good medical practice* (2024) para 90(b) (declare conflicts when
//! promoting anything publicly) and para 94 (an interest must not affect, or seem to affect, advice).
//!
//! Five rules report the post's industry mentions, one id each (`undeclared-promotion`,
//! `declared-interest`, `sponsored-event`, `service-promotion`, `brand-mention`), from one
//! reading of the post ([`crate::analysis::industry_reading`]); this module holds what they share.

use std::sync::OnceLock;

use crate::analysis::industry_reading::{IndustryReader, IndustryReading, Judged};
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{FixHit, Hit, RuleInfo, Severity};

/// Defines the industry-mention rule `$name` over its file's `INFO`: for each mention of the
/// post's reading that `$message` words (it gives `None` for the other rules' mentions), a
/// `$severity` hit citing `$guidance`, with the mention's fixes ([`MentionReader::report`]).
macro_rules! mention_rule {
    ($name:ident, $severity:expr, $guidance:expr, $message:path) => {
        pub struct $name {
            reader: $crate::rules::conflict_of_interest::MentionReader,
        }

        impl $name {
            pub fn new(config: &$crate::config::Config) -> Self {
                $name {
                    reader: $crate::rules::conflict_of_interest::MentionReader::new(config),
                }
            }
        }

        impl $crate::rules::Rule for $name {
            fn describe(&self) -> &'static [$crate::finding::RuleInfo] {
                std::slice::from_ref(&INFO)
            }

            fn check(&self, doc: &$crate::analysis::Post, hits: &mut Vec<$crate::finding::Hit>) {
                self.reader
                    .report(doc, &INFO, $severity, $guidance, $message, hits);
            }
        }
    };
}

pub(crate) mod affiliate_link;
pub(crate) mod brand_mention;
pub(crate) mod declared_interest;
pub(crate) mod discount_code;
pub(crate) mod service_promotion;
pub(crate) mod sponsored_event;
pub(crate) mod undeclared_promotion;

use affiliate_link::AffiliateLink;
use discount_code::DiscountCode;

const GUIDANCE: &[&str] = &["gmp-2024-90", "gmp-2024-95", "coi-2024-principles"];

/// What each industry-mention rule holds to read a post: the reader, built on first use (only
/// the first of the five rules to check a post reads it, [`Post::industry_reading`]), and the
/// code and link finders, whose finds contradict a "no conflicts" line.
pub(crate) struct MentionReader {
    reader: OnceLock<IndustryReader>,
    codes: DiscountCode,
    links: AffiliateLink,
}

impl MentionReader {
    pub fn new(config: &Config) -> Self {
        MentionReader {
            reader: OnceLock::new(),
            codes: DiscountCode::new(config),
            links: AffiliateLink::new(config),
        }
    }

    /// The post's industry reading. The reader is built from the post's configuration, which is
    /// the one the checker built this rule with.
    pub fn read<'p>(&self, doc: &'p Post) -> &'p IndustryReading {
        doc.industry_reading(|| {
            let reader = self.reader.get_or_init(|| IndustryReader::new(doc.config));
            reader.read(doc, || {
                !self.codes.find(doc.text).is_empty() || !self.links.find(doc).is_empty()
            })
        })
    }

    /// For each mention of `doc`'s reading that `message` words, a hit of `rule` with the
    /// mention's fixes.
    pub fn report(
        &self,
        doc: &Post,
        rule: &'static RuleInfo,
        severity: Severity,
        guidance: &'static [&'static str],
        message: fn(&Judged) -> Option<String>,
        hits: &mut Vec<Hit>,
    ) {
        for m in &self.read(doc).mentions {
            if let Some(message) = message(m) {
                let hit = Hit::new(rule, severity, m.span.clone(), message, guidance);
                hits.push(with_fixes(hit, m, doc));
            }
        }
    }
}

/// `hit` on mention `m` with its fixes: a warning offers the doctor's standing declaration (or a
/// "Disclosure: …" line for a declared interest), and a medicine brand its generic name.
fn with_fixes(mut hit: Hit, m: &Judged, doc: &Post) -> Hit {
    let end = doc.text.len();
    let append =
        |label: &str, text: String| FixHit::replace_at(label, format!("\n\n{text}"), end..end);
    if hit.severity == Severity::Warning {
        let standing = doc
            .config
            .standing_declaration
            .as_deref()
            .filter(|s| !s.trim().is_empty());
        if let Some(standing) = standing {
            hit = hit.with_fix(append(
                "Add your standing declaration",
                standing.trim().to_string(),
            ));
        } else if let Some(interest) = &m.interest {
            let line = if interest.relationship.is_empty() {
                format!("Disclosure: I have an interest in {}.", interest.name)
            } else {
                format!("Disclosure: {} ({}).", interest.name, interest.relationship)
            };
            hit = hit.with_fix(append("Add a declaration", line));
        }
    }
    if let Some(generic) = &m.brand_generic {
        hit = hit.with_fix(FixHit::replace(
            format!("Use the generic name ({generic})"),
            generic.clone(),
        ));
    }
    hit
}

#[cfg(test)]
mod tests;
