//! `specialty-banter` (info only): affectionate inter-specialty teasing ("orthopods can't manage
//! a potassium", "the gassers are gonna be thrilled lol") is a reminder, never a warning.
//!
//! Why: banter reads differently to patients and to the colleagues it is about. The GMC asks
//! doctors to treat colleagues with kindness, courtesy and respect (*Good medical practice*
//! (2024) para 48) and never to use social media to demean a group (*Using social media as a
//! medical professional* (2024), "Behaving professionally").
//!
//! Example: "Orthopods can't manage a potassium to save their lives 🙄" is a reminder on
//! "Orthopods". A specialty nickname in a sentence with no mockery ("the orthopods were great
//! tonight") is not flagged.

use crate::analysis::Post;
use crate::config::Config;
use crate::document::PerSentence;
use crate::finding::{Category, Hit, RuleInfo, Severity};
use crate::pattern::LazyRegex;
use crate::rules::respect::GUIDANCE;
use crate::rules::Rule;

const INFO: RuleInfo = RuleInfo {
    id: "specialty-banter",
    category: Category::Respect,
    description: "Inter-specialty banter: a reminder that it can read as demeaning.",
};

pub struct SpecialtyBanter {
    /// Nicknames for specialties, matched against the lower-cased text.
    banter: LazyRegex,
    /// What makes a sentence with a nickname teasing rather than neutral.
    mockery: LazyRegex,
}

impl SpecialtyBanter {
    pub fn new(_config: &Config) -> Self {
        SpecialtyBanter {
            banter: LazyRegex::new(
                r"(?-u:\b)(?:orthopods?|gassers|gas ?men|gas monkeys|bone doctors|bone ?setters|pill pushers|slashers|plumbers|knife happy)(?-u:\b)",
            ),
            mockery: LazyRegex::new(
                r"(?:(?-u:\b)can'?t|(?-u:\b)cannot|(?-u:\b)couldn'?t|(?-u:\b)to save (?:their|his|her) li(?:fe|ves)|(?-u:\b)gonna|(?-u:\b)lol(?-u:\b)|🙄|😂|🤣)",
            ),
        }
    }
}

impl Rule for SpecialtyBanter {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let lower = doc.lower.as_str();
        let mut mockery_in = PerSentence::new(&self.mockery);
        for m in self.banter.find_iter(lower) {
            let sentence = doc.sentence_around(&m.range());
            if mockery_in.is_match(lower, &sentence) {
                hits.push(Hit::new(
                    &INFO,
                    Severity::Info,
                    m.range(),
                    "Inter-specialty banter reads differently to patients and to the colleagues \
                     it is about. Fine among friends; check it could not be taken as demeaning.",
                    GUIDANCE,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, warned};

    #[test]
    fn banter_is_only_a_reminder() {
        let text = "Orthopods can't manage a potassium to save their lives 🙄";
        assert!(flagged("specialty-banter", text));
        assert!(!warned("specialty-banter", text));
    }
}
