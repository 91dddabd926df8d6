//! Helpers for the rules' unit tests.

use std::sync::OnceLock;

use crate::{Checker, Config, Finding, Severity};

/// Every rule's finding for `text` with the default configuration. The rules' tests judge the
/// rules alone: the learned scorer, which may lower a contextual warning, has its own tests.
pub fn check(text: &str) -> Vec<Finding> {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER
        .get_or_init(|| Checker::new(Config::default()))
        .check_rules(text)
}

/// Every rule's finding for `text` with a configuration given as JSON.
pub fn check_with(config_json: &str, text: &str) -> Vec<Finding> {
    Checker::new(Config::from_json(config_json).expect("test config parses")).check_rules(text)
}

/// The texts flagged by `rule` in `text`, in order.
pub fn spans_of(rule: &str, text: &str) -> Vec<String> {
    check(text)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.text)
        .collect()
}

/// Whether `rule` raises anything for `text`.
pub fn flagged(rule: &str, text: &str) -> bool {
    check(text).iter().any(|f| f.rule == rule)
}

/// Whether `rule` raises a warning (not just a reminder) for `text`.
pub fn warned(rule: &str, text: &str) -> bool {
    check(text)
        .iter()
        .any(|f| f.rule == rule && f.severity == Severity::Warning)
}
