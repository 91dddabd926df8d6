//! `discount-code`: a personal discount, promo or referral code, or a referral bonus.
//!
//! Why: a code that earns the doctor commission, credit or perks is a financial interest, whatever
//! the product (scrubs, meal shakes, blood tests). *Good medical practice* (2024) para 90(b)
//! asks doctors to declare conflicts when they promote anything publicly, and para 94 not to let
//! an interest affect, or seem to affect, their advice. A "no COI" beside the code is contradicted
//! by it, so the code is flagged even in a post that declares.
//!
//! Example: "Huel got me through nights 🥤 code HUELDOC gets you £10 off" — `HUELDOC` is flagged,
//! with a fix that removes it.

use std::sync::LazyLock;

use crate::lexicon::list::RULE_WORDS;
use std::ops::Range;

use crate::pattern::LazyRegex;

use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

const GUIDANCE: &[&str] = &["gmp-2024-90", "gmp-2024-94", "coi-2024-principles"];

/// Capitalised words that follow "use"/"code" but are not codes.
/// Capitalised tokens that are no code (`list=not-code` in rule_words.txt), in capitals.
static NOT_CODES: LazyLock<Vec<String>> = LazyLock::new(|| {
    RULE_WORDS
        .lemmas("list=not-code")
        .map(str::to_ascii_uppercase)
        .collect()
});

pub struct DiscountCode {
    codes: LazyRegex,
    referral: LazyRegex,
}

impl DiscountCode {
    pub fn new(_config: &Config) -> Self {
        DiscountCode {
            codes: LazyRegex::new(
                r#"(?x)
                (?i:\b(?:use|using|with|enter|apply|quote|add)\s+(?:my\s+|the\s+|our\s+|this\s+)?(?:personal\s+|discount\s+|promo\s+|voucher\s+|referral\s+|affiliate\s+|exclusive\s+)?code)
                    \s*[:\-]?\s*["'“‘]?(?P<a>[A-Za-z0-9][A-Za-z0-9_-]{2,24})
              | (?i:\b(?:discount|promo|voucher|referral|coupon)\s+code|\bcode)\s*[:\-]?\s*["'“‘]?(?P<b>[A-Z0-9][A-Z0-9_-]{2,24})\b
                    (?i:[^.\n]{0,40}?(?:\boff\b|discount|\bfree\b|%|£|\$|checkout|saving|first\s+(?:order|month|box)))
              | (?i:\b(?:use|enter|apply|quote)\s+)(?P<c>[A-Z][A-Z0-9]{3,24})\b
                    (?i:\s+(?:at\s+(?:the\s+)?checkout|for\s+(?:\d+\s*%|£\s*\d+|\$\s*\d+|a\s+free|free|\d+\s+per\s*cent)))
              | (?i:(?:\d+\s*%|£\s*\d+|\d+\s+per\s*cent)\s+off\s+(?:\w+\s+){0,3}?(?:with|using)\s+(?:code\s+)?)(?P<d>[A-Z][A-Z0-9]{3,24})\b
                "#,
            ),
            referral: LazyRegex::new(
                r"(?i)\breferral\s+(?:bonus|code|link|fee|reward|credit)s?\b|\brefer[\s-]+a[\s-]+friend\b|\b(?:my|personal)\s+(?:discount|promo|voucher|affiliate)\s+(?:code|link)\b",
            ),
        }
    }

    /// The byte spans of every code and referral offer in `text`.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        for caps in self.codes.captures_iter(text) {
            let Some(code) = ["a", "b", "c", "d"].iter().find_map(|n| caps.name(n)) else {
                continue;
            };
            let token = code.as_str();
            let looks_like_code = token.bytes().any(|b| b.is_ascii_digit())
                || !token.bytes().any(|b| b.is_ascii_lowercase());
            if looks_like_code && !NOT_CODES.contains(&token.to_ascii_uppercase()) {
                spans.push(code.range());
            }
        }
        spans.extend(self.referral.find_iter(text).map(|m| m.range()));
        spans.sort_by_key(|s| s.start);
        spans.dedup();
        spans
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "discount-code",
    category: Category::ConflictOfInterest,
    description: "A personal discount, promo or referral code, or a referral bonus.",
};

impl Rule for DiscountCode {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        for span in self.find(doc.text) {
            let code = doc.slice(&span);
            let referral = code.to_ascii_lowercase().contains("refer");
            let message = if referral {
                format!("\"{code}\" offers you a referral reward. A referral bonus or code that benefits you is a financial interest: declare it in the post, or leave it out.")
            } else {
                format!("\"{code}\" looks like a personal discount code. If it earns you commission, credit or perks, that is a financial interest whatever the product: declare it beside the code, or remove the code. A \"no conflicts\" line doesn't cover it.")
            };
            let mut hit = Hit::new(&INFO, Severity::Warning, span, message, GUIDANCE);
            if !referral {
                hit = hit.with_fix(FixHit::replace("Remove the code", ""));
            }
            hits.push(hit);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of, warned};

    #[test]
    fn flags_codes_in_common_wordings() {
        for (text, code) in [
            ("Use my code DRSAM20 for 20% off", "DRSAM20"),
            ("code HUELDOC gets you £10 off", "HUELDOC"),
            ("use DOCTORMEG at checkout for 10% off", "DOCTORMEG"),
            ("Use FIGSDRAMY for 15% off!", "FIGSDRAMY"),
            (
                "book before Friday with code JUNEFILL for a further £100 off",
                "JUNEFILL",
            ),
            (
                "Get 20% off your first test with my code DRLEWIS20 💪",
                "DRLEWIS20",
            ),
            ("15% off everything with SKINDOC15", "SKINDOC15"),
        ] {
            assert_eq!(spans_of("discount-code", text), vec![code], "{text}");
        }
    }

    #[test]
    fn flags_referral_bonuses() {
        assert!(warned(
            "discount-code",
            "message me, there's a referral bonus so we both win"
        ));
    }

    #[test]
    fn flags_even_with_a_no_coi_line() {
        assert!(warned(
            "discount-code",
            "No COI, I just love it. Use code SKIN20 for 20% off"
        ));
    }

    #[test]
    fn ignores_clinical_codes_and_referrals() {
        for text in [
            "Read code for asthma review is in the template",
            "Made a 2WW referral today, code red for sepsis",
            "Use the NHS app to order repeats",
            "The referral letter went yesterday",
            "SNOMED code 195967001 for asthma",
        ] {
            assert!(!flagged("discount-code", text), "{text}");
        }
    }

    #[test]
    #[ignore = "lower-case codes without a discount word look like ordinary words"]
    fn lowercase_codes_are_a_known_limit() {
        assert!(flagged("discount-code", "use drsam for a treat"));
    }
}
