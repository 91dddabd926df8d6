//! The rules. Each file holds one rule (or one tight family) with its doc comment and tests.
//!
//! To add a rule: write `src/rules/my_rule.rs` with a type that has
//! `pub fn new(config: &Config) -> Self` and implements [`Rule`], then add one line
//! `my_rule::MyRule,` to the `rules!` list below. Order is priority: when two rules flag exactly
//! the same span, the earlier one wins.

use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Hit, RuleInfo};

/// A check over the whole post. Rules are built once per [`crate::Checker`] and must not panic.
pub trait Rule: Send + Sync {
    /// The rule ids this type reports, with their category and description. Most types report
    /// one; a family (industry mentions, derogatory language) lists each id it can emit.
    fn describe(&self) -> &'static [RuleInfo];

    /// Appends what this rule finds in `doc` to `hits` (byte offsets into `doc.text`). `doc` is
    /// the post's [`Document`](crate::document::Document) (through `Deref`) with its shared facts.
    fn check(&self, doc: &Post, hits: &mut Vec<Hit>);
}

mod identifier_context;

macro_rules! rules {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every rule, built for this configuration.
        pub fn registry(config: &Config) -> Vec<Box<dyn Rule>> {
            vec![$(Box::new($module::$rule::new(config))),*]
        }

        /// Each registered rule's source, in registry order (for the registry's own tests).
        #[cfg(test)]
        const SOURCES: &[(&str, &str)] = &[$((stringify!($module), include_str!(concat!(stringify!($module), ".rs")))),*];
    };
}

rules! {
    email_address::EmailAddress,
    individual_advice::IndividualAdvice,
    personal_channel::PersonalChannel,
    patient_relationship::PatientRelationship,
    derogatory_language::DerogatoryLanguage,
    mocking_patient::MockingPatient,
    chi_number::ChiNumber,
    nhs_number::NhsNumber,
    phone_number::PhoneNumber,
    ni_number::NiNumber,
    postcode::Postcode,
    hospital_number::HospitalNumber,
    date_of_birth::DateOfBirth,
    person_name::PersonName,
    patient_reference::PatientReference,
    patient_image::PatientImage,
    jigsaw::Jigsaw,
    industry_mention::IndustryMention,
    discount_code::DiscountCode,
    affiliate_link::AffiliateLink,
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::guidance;

    #[test]
    fn every_rule_id_is_described_once_with_a_header_and_a_readme_line() {
        let readme = include_str!("../../README.md");
        let rules = registry(&Config::default());
        assert_eq!(rules.len(), SOURCES.len());
        let mut seen = HashSet::new();
        for (rule, (module, source)) in rules.iter().zip(SOURCES) {
            assert!(source.starts_with("//! "), "{module}.rs has no doc header");
            let header: String = source
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                header.contains("Why") || header.contains("GMC"),
                "{module}.rs: no why"
            );
            for info in rule.describe() {
                assert!(seen.insert(info.id), "{} described twice", info.id);
                let quoted = format!("`{}`", info.id);
                assert!(readme.contains(&quoted), "README does not list {}", info.id);
                assert!(
                    source.contains(&format!("\"{}\"", info.id)),
                    "{module}.rs never emits {}",
                    info.id
                );
                assert!(!info.description.is_empty() && info.description.len() < 120);
            }
        }
        assert!(guidance::CATALOGUE.iter().all(|g| !g.id.is_empty()));
    }

    #[test]
    fn findings_name_a_described_rule_and_its_category() {
        let checker = crate::Checker::new(Config::default());
        let described: Vec<RuleInfo> = checker.rules();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/corpus-dev.jsonl");
        let corpus = std::fs::read_to_string(path).expect("corpus");
        for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
            let post: serde_json::Value = serde_json::from_str(line).expect("corpus line");
            for f in checker.check(post["text"].as_str().unwrap_or_default()) {
                let info = described.iter().find(|i| i.id == f.rule);
                assert_eq!(info.map(|i| i.category), Some(f.category), "{}", f.rule);
                assert!(f.guidance.iter().all(|g| guidance::by_id(g).is_some()));
            }
        }
    }
}
