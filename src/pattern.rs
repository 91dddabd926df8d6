//! Regular expressions compiled on first use, or a few at a time when the host has a moment.
//!
//! Compiling every rule's patterns up front made `Checker::new` most of the extension's
//! service-worker cold start (docs/ARCHITECTURE.md budgets 50 ms for wake, load and build), while a typical
//! post only reaches some of them: many patterns run only once a cheaper cue has matched. A
//! [`LazyRegex`] keeps its source and compiles it the first time it is searched.
//!
//! Left to the first post, that compiling is one long task: in Firefox's background page, where
//! the engine's first tier runs it, about 300-500 ms, and a message arriving meanwhile waits for
//! all of it. So every pattern not compiled yet is also listed here, and [`compile_pending`]
//! compiles the next few: the extension warms up in short tasks, between which a real check
//! gets its turn (scripts/measure-cold-start-firefox.mjs).
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
use std::cell::RefCell;
use std::iter::Flatten;
use std::ops::Deref;
use std::option::IntoIter;
use std::sync::{Arc, OnceLock, Weak};

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
    fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| compile(&self.source))
    }
}

thread_local! {
    /// The patterns made on this thread and not compiled yet (weakly: a dropped checker takes
    /// its own). Per thread, so what one thread's checker leaves pending is its own business.
    static PENDING: RefCell<Vec<Weak<Pattern>>> = const { RefCell::new(Vec::new()) };
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
        let source = source.into();
        let id = prefilter::register(&source);
        let pattern = Arc::new(Pattern {
            source,
            compiled: OnceLock::new(),
        });
        PENDING.with_borrow_mut(|pending| pending.push(Arc::downgrade(&pattern)));
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

/// Compiles up to `max` of this thread's patterns not compiled yet; returns how many are still
/// left. Patterns compiled meanwhile by a check, or dropped with their checker, are skipped.
pub fn compile_pending(max: usize) -> usize {
    let mut done = 0;
    while done < max {
        let Some(next) = PENDING.with_borrow_mut(Vec::pop) else {
            break;
        };
        let Some(pattern) = next.upgrade() else {
            continue;
        };
        if pattern.compiled.get().is_none() {
            pattern.get();
            done += 1;
        }
    }
    PENDING.with_borrow_mut(|pending| {
        pending.retain(|p| p.upgrade().is_some_and(|p| p.compiled.get().is_none()));
        pending.len()
    })
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
        compile_pending(usize::MAX); // whatever this test thread made before
        let bay = LazyRegex::deferred(r"\bbay \d\b");
        let bed = LazyRegex::deferred(r"\bbed \d\b");
        let dropped = LazyRegex::deferred(r"\bside room\b");
        drop(dropped);
        let compiled = || [&bay, &bed].map(|p| p.pattern.compiled.get().is_some());
        assert_eq!(compiled(), [false, false]);
        assert_eq!(
            compile_pending(1),
            1,
            "one compiled, one left, the dropped one skipped"
        );
        assert_eq!(compiled().iter().filter(|&&c| c).count(), 1);
        assert_eq!(compile_pending(10), 0);
        assert_eq!(compiled(), [true, true]);
        // A pattern searched before its turn is not compiled twice, nor counted as left.
        let ward = LazyRegex::deferred(r"\bward \d+\b");
        assert!(ward.is_match("ward 12"));
        assert_eq!(compile_pending(10), 0);
    }

    #[test]
    #[should_panic(expected = "does not compile")]
    fn a_bad_pattern_fails_when_built_in_debug() {
        LazyRegex::new(String::from("(unclosed"));
    }
}
