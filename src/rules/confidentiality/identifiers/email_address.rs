//! `email-address`: an email address in a post.
//!
//! Why: an email address identifies a person on its own. The GMC lists contact details among the
//! identifiers that must not be shared without consent (*Using social media as a medical
//! professional* (2024) para 20; *Good medical practice* (2024) para 88).
//!
//! Example: "Family asked me to forward results to k.morris1961@gmail.com" — flagged, with a fix
//! that removes the address.
//!
//! Addresses on NHS and practice domains (`@nhs.net`, `@nhs.uk`) are often a service inbox the
//! doctor means to share, so they are reported as `info`.

use crate::pattern::LazyRegex;

use super::GUIDANCE;
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct EmailAddress {
    pattern: LazyRegex,
}

impl EmailAddress {
    pub fn new(_config: &Config) -> Self {
        EmailAddress {
            pattern: LazyRegex::new(
                r"(?i)(?-u:\b)[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?)*\.[a-z]{2,24}(?-u:\b)",
            ),
        }
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "email-address",
    category: Category::Confidentiality,
    description: "An email address.",
};

impl Rule for EmailAddress {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        for m in self.pattern.find_iter(doc.text) {
            let service = {
                let lower = &doc.lower[m.range()];
                lower.ends_with(".nhs.net")
                    || lower.ends_with("@nhs.net")
                    || lower.ends_with(".nhs.uk")
            };
            let (severity, message) = if service {
                (Severity::Info, "This is an NHS email address. Fine for a service inbox, but not if it belongs to a patient.")
            } else {
                (Severity::Warning, "This looks like an email address. Posting a patient's contact details can identify them.")
            };
            hits.push(
                Hit::new(&INFO, severity, m.range(), message, GUIDANCE)
                    .with_fix(FixHit::replace("Remove the email address", "")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::spans_of;

    #[test]
    fn flags_a_personal_address() {
        assert_eq!(
            spans_of("email-address", "send to k.morris1961@gmail.com please"),
            vec!["k.morris1961@gmail.com"]
        );
    }
}
