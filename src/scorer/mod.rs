//! The learned scorer: a linear model per category over hashed word and character n-grams and
//! the rules' own signals, trained by `make model` (`scripts/train-model.py`) on the project's
//! labelled corpus (`data/corpus/train/`) and embedded in the build.
//!
//! It stands beside the rules, not instead of them. Rules keep identifiers, spans and fixes;
//! the scorer decides what does not reduce to patterns: a case told in plain words
//! ("Diagnosed MND in a 44-year-old teacher from Leeds"), an insult spelt with symbols, a
//! promotion with no brand the lexicon knows. Two thresholds per category, chosen by the
//! training script on out-of-fold predictions (never on the validation set):
//! - below `keep_above`, a warning from a contextual rule (one that reads the situation rather
//!   than validating an identifier, a code or a link) is lowered to a reminder. The model has
//!   that rule's signal among its features, so a rule it agrees with keeps its warning;
//! - at or above `flag_above`, a category with no rule warning gets one from the scorer,
//!   highlighting the sentence that contributed most (see [`explain`]).

mod explain;
pub mod features;
mod model;
mod vocabulary;

use std::sync::OnceLock;

use crate::config::{Config, Mode};
use crate::finding::{Category, Finding, RuleInfo, Severity};

pub use features::Features;
use model::Model;

/// The findings the scorer raises itself, one id per category (see [`explain`] for their words).
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "patient-story",
        category: Category::Confidentiality,
        description:
            "A post that reads like an individual patient's case, with no identifier a rule knows",
    },
    RuleInfo {
        id: "product-promotion",
        category: Category::ConflictOfInterest,
        description:
            "A post that reads like promotion of a product, service or company, undeclared",
    },
    RuleInfo {
        id: "blurred-boundary",
        category: Category::Boundaries,
        description: "A post that may blur the line between the doctor and a patient",
    },
    RuleInfo {
        id: "disrespectful-tone",
        category: Category::Respect,
        description: "A post that may read as disrespectful of a patient or colleague",
    },
];

/// The weights `make model` wrote; `tests/model.rs` checks they are what training produces.
static MODEL_FILE: &[u8] = include_bytes!("../../data/model/scorer.bin");

/// The hash width the embedded model was trained with.
pub fn bits() -> u8 {
    model().bits
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(MODEL_FILE).expect("the embedded model file is valid"))
}

/// Rules whose warnings the scorer may lower to reminders: they judge context (a story, a tone,
/// a mention) rather than validate an identifier, a code or a link.
const CONTEXTUAL_RULES: &[&str] = &[
    "jigsaw-identification",
    "patient-reference",
    "patient-image",
    "person-name",
    "undeclared-promotion",
    "service-promotion",
    "sponsored-event",
    "personal-channel",
    "individual-advice",
    "patient-relationship",
    "derogatory-language",
    "mocking-patient",
];

/// Whether the scorer may lower this rule's warnings.
pub fn is_contextual(rule: &str) -> bool {
    CONTEXTUAL_RULES.contains(&rule)
}

/// The model's logit per category for a post, in [`Category::ALL`] order.
pub fn logits(features: &Features) -> Vec<(Category, f32)> {
    model()
        .categories
        .iter()
        .map(|(c, m)| (*c, m.logit(&features.vector)))
        .collect()
}

/// Combines the rules' findings for `text` with the scorer: lowers contextual warnings the
/// model finds unconvincing and adds one finding per category the rules missed.
pub fn review(text: &str, config: &Config, findings: &mut Vec<Finding>) {
    let model = model();
    let features = features::extract(text, findings, model.bits);
    for (category, m) in &model.categories {
        let mode = config.categories.get(*category);
        if mode == Mode::Off {
            continue;
        }
        let logit = m.logit(&features.vector);
        if logit < m.keep_above {
            for f in findings.iter_mut() {
                if f.category == *category && is_contextual(&f.rule) {
                    f.severity = Severity::Info;
                }
            }
        }
        let warned = findings
            .iter()
            .any(|f| f.category == *category && f.severity == Severity::Warning);
        if logit >= m.flag_above && !warned {
            if let Some(mut finding) = explain::finding(text, &features, *category, m) {
                if mode == Mode::Remind {
                    finding.severity = Severity::Info;
                }
                findings.push(finding);
            }
        }
    }
    findings.sort_by_key(|f| (f.start, f.end));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Mode;
    use crate::Checker;

    /// A case told in plain words, with no identifier a rule validates (from the detection
    /// issue; no training or test post is worded like it).
    const STORY: &str =
        "Today I diagnosed MND in a 44-year-old teacher from Leeds. Father of three. Gutted.";

    fn scorer_findings(checker: &Checker, text: &str) -> Vec<Finding> {
        let rules = checker.check_rules(text);
        checker
            .check(text)
            .into_iter()
            .filter(|f| !rules.iter().any(|r| r.rule == f.rule && r.start == f.start))
            .collect()
    }

    #[test]
    fn a_plain_words_case_is_flagged_with_its_sentence_and_words() {
        let checker = Checker::new(Config::default());
        let found = scorer_findings(&checker, STORY);
        let story = found
            .iter()
            .find(|f| f.rule == "patient-story")
            .unwrap_or_else(|| panic!("no patient-story finding: {found:?}"));
        assert_eq!(story.severity, Severity::Warning);
        assert!(STORY[..].contains(&story.text), "{story:?}");
        assert!(
            story.message.contains('“'),
            "names its words: {}",
            story.message
        );
        assert!(story
            .guidance
            .iter()
            .all(|g| crate::guidance::by_id(g).is_some()));
    }

    #[test]
    fn every_scorer_finding_is_described() {
        for category in Category::ALL {
            let rule = explain::rule_id(category);
            let info = RULES.iter().find(|r| r.id == rule).expect("described");
            assert_eq!(info.category, category);
        }
    }

    #[test]
    fn clean_posts_get_nothing_from_the_scorer() {
        let checker = Checker::new(Config::default());
        for text in [
            "",
            "Reminder: flu clinics run every Saturday in October at the practice. Book online.",
            "Proud of our team today. Retirement cake for Sue, 30 years on reception 🎉",
        ] {
            assert_eq!(scorer_findings(&checker, text), vec![], "{text:?}");
        }
    }

    #[test]
    fn category_settings_apply_to_the_scorer_too() {
        let mut config = Config::default();
        config.categories.confidentiality = Mode::Off;
        let off = Checker::new(config.clone());
        assert!(off
            .check(STORY)
            .iter()
            .all(|f| f.category != Category::Confidentiality));
        config.categories.confidentiality = Mode::Remind;
        let remind = Checker::new(config);
        assert!(remind
            .check(STORY)
            .iter()
            .filter(|f| f.category == Category::Confidentiality)
            .all(|f| f.severity == Severity::Info));
    }

    #[test]
    fn long_and_odd_input_is_handled() {
        let checker = Checker::new(Config::default());
        let long = "Mrs K bed 4 ".repeat(20_000);
        let findings = checker.check(&long);
        assert!(findings
            .windows(2)
            .all(|w| (w[0].start, w[0].end) <= (w[1].start, w[1].end)));
        for odd in [
            "\u{202e}مرحبا 44yo",
            "😷😷😷",
            "\n\n\n",
            "a\u{fe0f}\u{200d}b",
        ] {
            checker.check(odd);
        }
    }
}
