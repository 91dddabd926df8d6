//! Regular expressions compiled on first use, or a few at a time when the host has a moment.
//!
//! Compiling every rule's patterns up front made `Checker::new` most of the extension's
//! service-worker cold start (docs/ARCHITECTURE.md budgets 50 ms for wake, load and build), while a typical
//! post only reaches some of them: many patterns run only once a cheaper cue has matched. A
//! [`LazyRegex`] keeps its source and compiles it the first time it is searched.
//!
//! Left to the first post, that compiling is one long task: in Firefox's background page, where
//! the engine's first tier runs it, about 300-500 ms, and a message arriving meanwhile waits for
//! all of it. So [`compile_pending`] compiles the next few patterns not compiled yet (from the
//! one table of patterns, [`prefilter`]'s): the extension warms up in short tasks, between which
//! a real check gets its turn (scripts/measure-cold-start-firefox.mjs).
//!
//! In debug builds a pattern is still compiled when its rule is built, so every test that builds
//! a [`crate::Checker`] proves that all patterns compile and a bad one cannot wait for a user.
//!
//! A pattern is also skipped, without compiling or running, on a post that lacks all the fixed
//! text it needs: its searches (`is_match`, `find`, `find_iter`, `find_at`, `captures_iter`)
//! ask the post's one multi-pattern scan first ([`prefilter`]). Other `Regex` methods, reached
//! through `Deref`, always run.

mod literals;
pub(crate) mod prefilter;

use std::borrow::Cow;
use std::iter::Flatten;
use std::ops::Deref;
use std::option::IntoIter;
use std::sync::{Arc, OnceLock};

use regex::{CaptureMatches, Match, Matches, Regex};

pub struct LazyRegex {
    pattern: Arc<Pattern>,
    /// This pattern's number in the prefilter's table.
    id: usize,
}

struct Pattern {
    source: Cow<'static, str>,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    fn new(source: Cow<'static, str>) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| compile(&self.source))
    }
}

impl LazyRegex {
    /// Keeps `source` for later; in debug builds, compiles it now so a bad pattern fails early.
    pub fn new(source: impl Into<Cow<'static, str>>) -> Self {
        let lazy = Self::deferred(source);
        if cfg!(debug_assertions) {
            lazy.pattern.get();
        }
        lazy
    }

    /// Keeps `source` for its first search or for [`compile_pending`], in every build.
    fn deferred(source: impl Into<Cow<'static, str>>) -> Self {
        let (id, pattern) = prefilter::register(source.into());
        LazyRegex { pattern, id }
    }

    /// Whether a search of `haystack` can find anything (see [`prefilter`]).
    fn may_match(&self, haystack: &str) -> bool {
        prefilter::may_match(self.id, haystack)
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.may_match(haystack) && self.deref().is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_at(haystack, 0)
    }

    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Match<'h>> {
        self.may_match(haystack)
            .then(|| self.deref().find_at(haystack, start))
            .flatten()
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> Flatten<IntoIter<Matches<'r, 'h>>> {
        self.may_match(haystack)
            .then(|| self.deref().find_iter(haystack))
            .into_iter()
            .flatten()
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> Flatten<IntoIter<CaptureMatches<'r, 'h>>> {
        self.may_match(haystack)
            .then(|| self.deref().captures_iter(haystack))
            .into_iter()
            .flatten()
    }
}

impl Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.pattern.get()
    }
}

/// Compiles up to `max` of the patterns not compiled yet; returns how many are still left.
/// Patterns compiled meanwhile by a check are skipped.
pub fn compile_pending(max: usize) -> usize {
    let waiting = prefilter::uncompiled();
    let mut done = 0;
    for pattern in &waiting {
        if done == max {
            break;
        }
        if pattern.compiled.get().is_none() {
            pattern.get();
            done += 1;
        }
    }
    waiting
        .iter()
        .filter(|p| p.compiled.get().is_none())
        .count()
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
    fn pending_patterns_compile_a_few_at_a_time() {
        // The table is the program's, shared with tests on other threads: this test counts
        // only its own patterns (sources no other test uses).
        let mine = [
            LazyRegex::deferred(r"\bpending test one\b"),
            LazyRegex::deferred(r"\bpending test two\b"),
        ];
        let compiled = || {
            mine.iter()
                .filter(|p| p.pattern.compiled.get().is_some())
                .count()
        };
        assert_eq!(compiled(), 0, "made, not compiled");
        for _ in 0..10_000 {
            let before = compiled();
            compile_pending(1);
            assert!(compiled() <= before + 1, "one pattern a call at most");
            if compiled() == mine.len() {
                break;
            }
        }
        assert_eq!(compiled(), mine.len(), "every pattern compiled in the end");
        // A pattern searched before its turn is compiled once and not left waiting.
        let ward = LazyRegex::deferred(r"\bpending test ward \d+\b");
        assert!(ward.is_match("pending test ward 12"));
        assert!(prefilter::uncompiled()
            .iter()
            .all(|p| !Arc::ptr_eq(p, &ward.pattern)));
    }

    #[test]
    fn patterns_of_the_same_source_share_one_compiled_regex() {
        let a = LazyRegex::new(r"\bshared test pattern\b");
        let b = LazyRegex::new(String::from(r"\bshared test pattern\b"));
        assert!(Arc::ptr_eq(&a.pattern, &b.pattern));
        assert_eq!(a.id, b.id);
    }

    #[test]
    #[should_panic(expected = "does not compile")]
    fn a_bad_pattern_fails_when_built_in_debug() {
        LazyRegex::new(String::from("(unclosed"));
    }
}
