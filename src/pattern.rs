//! Regular expressions compiled on first use.
//!
//! Compiling every rule's patterns up front made `Checker::new` most of the extension's
//! service-worker cold start (docs/ARCHITECTURE.md budgets 50 ms for wake, load and build), while a typical
//! post only reaches some of them: many patterns run only once a cheaper cue has matched. A
//! [`LazyRegex`] keeps its source and compiles it the first time it is searched.
//!
//! In debug builds a pattern is still compiled when its rule is built, so every test that builds
//! a [`crate::Checker`] proves that all patterns compile and a bad one cannot wait for a user.

use std::borrow::Cow;
use std::ops::Deref;
use std::sync::OnceLock;

use regex::Regex;

pub struct LazyRegex {
    source: Cow<'static, str>,
    compiled: OnceLock<Regex>,
}

impl LazyRegex {
    /// Keeps `source` for later; in debug builds, compiles it now so a bad pattern fails early.
    pub fn new(source: impl Into<Cow<'static, str>>) -> Self {
        let source = source.into();
        let compiled = OnceLock::new();
        if cfg!(debug_assertions) {
            let _ = compiled.set(compile(&source));
        }
        LazyRegex { source, compiled }
    }
}

impl Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled.get_or_init(|| compile(&self.source))
    }
}

fn compile(source: &str) -> Regex {
    Regex::new(&ascii_word_boundaries(source))
        .unwrap_or_else(|e| panic!("rule pattern does not compile: {e}"))
}

/// Rewrites `\b` as `(?-u:\b)`. A Unicode word boundary makes the regex crate's fast lazy DFA give
/// up at the first non-ASCII character (any emoji in a post), leaving the PikeVM, which made a
/// 280-character post cost a quarter of a millisecond. Word characters in rule patterns are
/// ASCII anyway.
fn ascii_word_boundaries(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 16);
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(escaped) => {
                out.push('\\');
                out.push(escaped);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_on_first_use_and_matches_like_a_regex() {
        let lazy = LazyRegex::new(r"\bbay \d\b");
        assert_eq!(lazy.find("in bay 4").map(|m| m.as_str()), Some("bay 4"));
    }

    #[test]
    fn word_boundaries_become_ascii_and_escapes_stay() {
        assert_eq!(ascii_word_boundaries(r"\bbay\b"), r"(?-u:\b)bay(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"a\\b\d"), r"a\\b\d");
        assert_eq!(ascii_word_boundaries(r"(?-u:\b)x"), r"(?-u:(?-u:\b))x");
        let lazy = LazyRegex::new(r"\bpt\b");
        assert!(lazy.is_match("😴 pt seen"));
    }

    #[test]
    #[should_panic(expected = "does not compile")]
    fn a_bad_pattern_fails_when_built_in_debug() {
        LazyRegex::new(String::from("(unclosed"));
    }
}
