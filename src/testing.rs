//! Helpers for the rules' unit tests. The `rule`-named helpers build a checker holding that rule
//! alone, so a rule's tests do not depend on which other rules exist or which of them claims a
//! span first; [`check`] runs every rule, for the tests about how rules meet.

use std::collections::HashMap;
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

/// The findings of `rule` alone for `text`, with the default configuration.
pub fn check_rule(rule: &str, text: &str) -> Vec<Finding> {
    static ONE: OnceLock<HashMap<&'static str, Checker>> = OnceLock::new();
    let checkers = ONE.get_or_init(|| {
        let all = Checker::new(Config::default());
        all.rules()
            .into_iter()
            .filter_map(|info| Some((info.id, Checker::for_rule(Config::default(), info.id)?)))
            .collect()
    });
    let checker = checkers
        .get(rule)
        .unwrap_or_else(|| panic!("no rule reports {rule}"));
    checker
        .check_rules(text)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The texts flagged by `rule` in `text`, in order.
pub fn spans_of(rule: &str, text: &str) -> Vec<String> {
    check_rule(rule, text).into_iter().map(|f| f.text).collect()
}

/// Whether `rule` raises anything for `text`.
pub fn flagged(rule: &str, text: &str) -> bool {
    !check_rule(rule, text).is_empty()
}

/// Whether `rule` raises a warning (not just a reminder) for `text`.
pub fn warned(rule: &str, text: &str) -> bool {
    check_rule(rule, text)
        .iter()
        .any(|f| f.severity == Severity::Warning)
}

/// The message of `rule`'s first finding in `text`.
pub fn message_of(rule: &str, text: &str) -> String {
    first_finding(rule, text).message
}

fn first_finding(rule: &str, text: &str) -> Finding {
    check_rule(rule, text)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{rule} flags nothing in {text:?}"))
}

/// `text` after applying each fix of `rule`'s first finding in turn, as the extension would (the
/// fix's own range if it has one, else the finding's; offsets are UTF-16 code units).
pub fn fixed_texts(rule: &str, text: &str) -> Vec<String> {
    let finding = first_finding(rule, text);
    assert!(
        !finding.fixes.is_empty(),
        "{rule}'s finding {:?} has no fix",
        finding.text
    );
    let at = |utf16| crate::document::byte_offset_of_utf16(text, utf16);
    finding
        .fixes
        .iter()
        .map(|fix| {
            let start = at(fix.start.unwrap_or(finding.start));
            let end = at(fix.end.unwrap_or(finding.end));
            format!("{}{}{}", &text[..start], fix.replacement, &text[end..])
        })
        .collect()
}

/// Asserts that applying the first fix of `rule`'s first finding in `text` gives `expected`.
#[track_caller]
pub fn assert_fix_result(rule: &str, text: &str, expected: &str) {
    let fixed = fixed_texts(rule, text);
    assert_eq!(fixed[0], expected, "{rule}'s fix on {text:?}");
}
