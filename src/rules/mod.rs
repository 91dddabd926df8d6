//! The rules, grouped by what they protect: `confidentiality/{identifiers,narrative}/`,
//! `conflict_of_interest/`, `boundaries/`, `respect/`. Each file holds one rule (one id) with its
//! doc comment and tests.
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
    /// The rule ids this type reports, with their category and description: one per type.
    fn describe(&self) -> &'static [RuleInfo];

    /// Appends what this rule finds in `doc` to `hits` (byte offsets into `doc.text`). `doc` is
    /// the post's [`Document`](crate::document::Document) (through `Deref`) with its shared facts.
    fn check(&self, doc: &Post, hits: &mut Vec<Hit>);
}

mod boundaries;
mod confidentiality;
mod conflict_of_interest;
mod respect;

macro_rules! rules {
    ($($rule:path),* $(,)?) => {
        /// Every rule, built for this configuration.
        pub fn registry(config: &Config) -> Vec<Box<dyn Rule>> {
            vec![$(Box::new(<$rule>::new(config))),*]
        }
    };
}

rules! {
    confidentiality::identifiers::email_address::EmailAddress,
    boundaries::individual_advice::IndividualAdvice,
    boundaries::personal_channel::PersonalChannel,
    boundaries::patient_relationship::PatientRelationship,
    respect::derogatory_language::DerogatoryLanguage,
    respect::specialty_banter::SpecialtyBanter,
    respect::mocking_patient::MockingPatient,
    confidentiality::identifiers::chi_number::ChiNumber,
    confidentiality::identifiers::nhs_number::NhsNumber,
    confidentiality::identifiers::phone_number::PhoneNumber,
    confidentiality::identifiers::ni_number::NiNumber,
    confidentiality::identifiers::postcode::Postcode,
    confidentiality::identifiers::hospital_number::HospitalNumber,
    confidentiality::identifiers::date_of_birth::DateOfBirth,
    confidentiality::identifiers::person_name::PersonName,
    confidentiality::narrative::patient_reference::PatientReference,
    confidentiality::narrative::patient_image::PatientImage,
    confidentiality::narrative::jigsaw_identification::Jigsaw,
    conflict_of_interest::undeclared_promotion::UndeclaredPromotion,
    conflict_of_interest::declared_interest::DeclaredInterest,
    conflict_of_interest::sponsored_event::SponsoredEvent,
    conflict_of_interest::service_promotion::ServicePromotion,
    conflict_of_interest::brand_mention::BrandMention,
    conflict_of_interest::discount_code::DiscountCode,
    conflict_of_interest::affiliate_link::AffiliateLink,
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::guidance;

    /// Every `.rs` file under `src/rules/`, by file stem (unique), except `mod.rs` and `tests.rs`
    /// files, which are keyed by their path.
    fn rule_sources() -> HashMap<String, (PathBuf, String)> {
        fn walk(dir: &Path, out: &mut HashMap<String, (PathBuf, String)>) {
            for entry in std::fs::read_dir(dir).expect("src/rules") {
                let path = entry.expect("dir entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let mut key = path.file_stem().unwrap().to_string_lossy().into_owned();
                    if key == "mod" || key == "tests" {
                        key = path.display().to_string(); // not a rule's file: any number of them
                    }
                    let source = std::fs::read_to_string(&path).expect("rule source");
                    let previous = out.insert(key.clone(), (path, source));
                    assert!(previous.is_none(), "two {key}.rs");
                }
            }
        }
        let mut out = HashMap::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"),
            &mut out,
        );
        out
    }

    /// The source file of a rule type: the one named after one of its ids (`nhs-number` in
    /// `nhs_number.rs`), else (a family not yet split by id) the one that emits its first id.
    fn source_of<'a>(
        sources: &'a HashMap<String, (PathBuf, String)>,
        rule: &dyn Rule,
    ) -> &'a (PathBuf, String) {
        let ids = rule.describe();
        ids.iter()
            .find_map(|info| sources.get(&info.id.replace('-', "_")))
            .or_else(|| {
                let quoted = format!("\"{}\"", ids[0].id);
                sources
                    .iter()
                    .filter(|(key, _)| !key.ends_with(".rs"))
                    .map(|(_, source)| source)
                    .find(|(_, s)| s.contains(&quoted))
            })
            .unwrap_or_else(|| panic!("no source for {}", ids[0].id))
    }

    #[test]
    fn every_rule_id_is_described_once_with_a_header_and_a_readme_line() {
        let readme = include_str!("../../README.md");
        let sources = rule_sources();
        let mut seen = HashSet::new();
        for rule in registry(&Config::default()) {
            let (path, source) = source_of(&sources, rule.as_ref());
            let file = path.display();
            assert!(source.starts_with("//! "), "{file} has no doc header");
            let header: String = source
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                header.contains("Why") || header.contains("GMC"),
                "{file}: no why"
            );
            for info in rule.describe() {
                assert!(seen.insert(info.id), "{} described twice", info.id);
                let quoted = format!("`{}`", info.id);
                assert!(readme.contains(&quoted), "README does not list {}", info.id);
                assert!(
                    source.contains(&format!("\"{}\"", info.id)),
                    "{file} never emits {}",
                    info.id
                );
                assert!(!info.description.is_empty() && info.description.len() < 120);
                let fixture = format!("tests/fixtures/{}.txt", info.id);
                assert!(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join(&fixture)
                        .is_file(),
                    "{} has no {fixture} (tests/fixtures.rs)",
                    info.id
                );
            }
        }
    }

    /// The first quoted post after "Example:" in each rule file's header is flagged by that rule
    /// (with the `# config:` of the rule's fixture file, when it has one), so the headers'
    /// examples stay true.
    #[test]
    fn every_header_example_is_flagged_by_its_rule() {
        let sources = rule_sources();
        let mut wrong = Vec::new();
        for rule in registry(&Config::default()) {
            let (path, source) = source_of(&sources, rule.as_ref());
            let header: Vec<&str> = source
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .map(|l| l.trim_start_matches("//!").trim())
                .collect();
            let header = header.join(" ");
            let Some((example, _)) = header
                .split_once("Example: \"")
                .and_then(|(_, rest)| rest.split_once('"'))
            else {
                wrong.push(format!("{}: no Example: \"…\"", path.display()));
                continue;
            };
            let ids = rule.describe();
            let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/fixtures/{}.txt", ids[0].id));
            let config = std::fs::read_to_string(fixture).ok().and_then(|f| {
                f.lines()
                    .find_map(|l| l.strip_prefix("# config:").map(str::to_string))
            });
            let flagged = |id: &str| match &config {
                Some(json) => crate::testing::check_with(json, example)
                    .iter()
                    .any(|f| f.rule == id),
                None => crate::testing::flagged(id, example),
            };
            if !ids.iter().any(|info| flagged(info.id)) {
                wrong.push(format!("{}: {example:?}", path.display()));
            }
        }
        assert!(
            wrong.is_empty(),
            "header examples not flagged:\n{}",
            wrong.join("\n")
        );
    }

    /// Every `…GUIDANCE…: &[&str] = &[…]` list a rule cites names a
    /// paragraph in the catalogue.
    #[test]
    fn every_cited_guidance_id_exists() {
        let cited = regex::Regex::new(r#"GUIDANCE\w*: &\[&str\] = &\[([^\]]*)\]"#).unwrap();
        let id = regex::Regex::new(r#""([^"]+)""#).unwrap();
        let sources: Vec<String> = rule_sources().into_values().map(|(_, s)| s).collect();
        let mut lists = 0;
        for source in &sources {
            for list in cited.captures_iter(source) {
                lists += 1;
                for g in id.captures_iter(&list[1]) {
                    assert!(
                        guidance::by_id(&g[1]).is_some(),
                        "unknown guidance id {}",
                        &g[1]
                    );
                }
            }
        }
        assert!(lists >= 10, "found only {lists} guidance lists");
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
