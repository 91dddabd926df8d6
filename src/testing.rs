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

/// The message of `rule`'s first finding in `text`.
pub fn message_of(rule: &str, text: &str) -> String {
    check(text)
        .into_iter()
        .find(|f| f.rule == rule)
        .map(|f| f.message)
        .unwrap_or_else(|| panic!("{rule} flags nothing in {text:?}"))
}

/// `text` after applying the first fix of `rule`'s first finding, as the extension would (the
/// fix's own range if it has one, else the finding's; offsets are UTF-16 code units).
pub fn apply_first_fix(rule: &str, text: &str) -> String {
    let finding = check(text)
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("{rule} flags nothing in {text:?}"));
    let fix = finding
        .fixes
        .first()
        .unwrap_or_else(|| panic!("{rule}'s finding {:?} has no fix", finding.text));
    let at = |utf16| crate::document::byte_offset_of_utf16(text, utf16);
    let start = at(fix.start.unwrap_or(finding.start));
    let end = at(fix.end.unwrap_or(finding.end));
    format!("{}{}{}", &text[..start], fix.replacement, &text[end..])
}
