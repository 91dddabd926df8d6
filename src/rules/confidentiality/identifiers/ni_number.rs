//! `ni-number`: a UK National Insurance number in a post.
//!
//! Why: a National Insurance number identifies one person for life. The GMC lists it among the
//! identifiers that must not be shared without consent (*Confidentiality* education endnote;
//! *Using social media as a medical professional* (2024) para 20).
//!
//! Example: "his NI number is AB 12 34 56 C" — a warning, with a fix that removes it.
//!
//! Two prefix letters, six digits (spaced in pairs or not) and a suffix A–D, following HMRC's
//! rules: the first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V;
//! and the prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued. HMRC's illustrative
//! "QQ 12 34 56 A" therefore does not match.

use crate::pattern::LazyRegex;

use super::GUIDANCE;
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

const UNISSUED: &[&str] = &["bg", "gb", "kn", "nk", "nt", "tn", "zz"];

pub struct NiNumber {
    pattern: LazyRegex,
}

impl NiNumber {
    pub fn new(_config: &Config) -> Self {
        NiNumber {
            pattern: LazyRegex::new(
                r"(?i-u)(?-u:\b)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D](?-u:\b)",
            ),
        }
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "ni-number",
    category: Category::Confidentiality,
    description: "A National Insurance number.",
};

impl Rule for NiNumber {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        for m in self.pattern.find_iter(doc.text) {
            let prefix = &doc.lower[m.start()..m.start() + 2];
            if UNISSUED.contains(&prefix) {
                continue;
            }
            hits.push(
                Hit::new(&INFO, Severity::Warning,
                    m.range(),
                    "This looks like a National Insurance number. It identifies one person for life, so it should not be posted.",
                    GUIDANCE,
                )
                .with_fix(FixHit::replace("Remove the National Insurance number", "")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of, warned};

    #[test]
    fn flags_spaced_and_unspaced_numbers() {
        assert!(warned("ni-number", "AA 12 34 56 B"));
        assert!(flagged("ni-number", "hh 01 02 03 d"));
        assert!(flagged("ni-number", "tw987654a"));
        assert_eq!(
            spans_of("ni-number", "nino: PR 123612C"),
            vec!["PR 123612C"]
        );
    }

    #[test]
    fn follows_hmrc_prefix_and_suffix_rules() {
        for text in [
            "AA 12 34 56 H",
            "AB 12 34 56 1",
            "ab1234561",
            "FQ 00 00 00 C",
            "BG123612A",
            "nino: nt 99 88 77 a",
            "UV 98 76 54 B",
            "QQ 12 34 56 A",
        ] {
            assert!(!flagged("ni-number", text), "{text}");
        }
    }
}
