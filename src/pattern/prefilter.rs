//! One pass over a post that decides which patterns can match it at all.
//!
//! Every rule pattern used to scan the whole post, whatever the post contained: about seventy
//! regex scans per check. Most patterns need some fixed text (a word from a list, `@`, "bed"),
//! and most posts contain the fixed text of only a few. So every distinct pattern source gets a
//! number in one table, its required literals are worked out once ([`super::literals`]), and a
//! single Aho-Corasick automaton over all of them reads each post once
//! ([`Scan::enter`], called by `Checker::check_rules`). While that scan is in force, a pattern
//! searched over the post, or over any part of it, first asks whether one of its literals
//! occurs in the post; if none does it reports no match without running (`LazyRegex`'s
//! methods). A pattern with no literals worth looking for, or one built after the automaton
//! was, always runs.
//!
//! A part of the post is recognised by its address: a haystack lying inside the post's text, or
//! inside the document's lower-cased copy (same bytes up to ASCII case, and the literals are
//! searched for ASCII-case-insensitively), is a part of the post. Any other string (a copy
//! changed some other way) is searched as before. The scan is kept in a thread-local for the
//! duration of the check and the texts it covers are borrowed for as long, so an address in
//! range can only be the post's. Findings are the same with or without the scan; it only
//! skips searches that cannot find anything.
//!
//! The table lives as long as the program and also points to the patterns themselves
//! (`super::Pattern`, weakly: a dropped checker takes its own): a new `Checker` with the same
//! patterns reuses their numbers, and their compiled regexes while another checker still holds
//! them (a rebuild after a settings change builds the new checker before freeing the old one,
//! so it compiles nothing twice), and a new
//! pattern built with a `Checker` (another configuration's declared interests) adds one and
//! makes the next check rebuild the automaton. A pattern first built
//! during a check (a rule's `static`) is not worth a rebuild, which cost the second check of a
//! fresh worker a few milliseconds: it runs unfiltered until a `Checker` is next built.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, Weak};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::literals::{self, FOLDS_TO_ASCII};
use super::Pattern;

/// Every distinct pattern built so far, numbered in order.
#[derive(Default)]
struct Table {
    ids: HashMap<String, usize>,
    /// Per pattern: its required literals, worked out when the automaton is next built.
    literals: Vec<Option<Option<Vec<Vec<u8>>>>>,
    sources: Vec<String>,
    patterns: Vec<Weak<Pattern>>,
    automaton: Option<Arc<Automaton>>,
    /// Whether a pattern was added outside a check since the automaton was built.
    stale: bool,
}

static TABLE: LazyLock<Mutex<Table>> = LazyLock::new(Mutex::default);

/// The number of `source` in the table and its pattern, shared with every other `LazyRegex` of
/// the same source (added, not compiled, if new).
pub(super) fn register(source: Cow<'static, str>) -> (usize, Arc<Pattern>) {
    let mut table = lock();
    if let Some(&id) = table.ids.get(source.as_ref()) {
        let pattern = table.patterns[id].upgrade().unwrap_or_else(|| {
            let pattern = Arc::new(Pattern::new(source));
            table.patterns[id] = Arc::downgrade(&pattern);
            pattern
        });
        return (id, pattern);
    }
    let id = table.patterns.len();
    table.ids.insert(source.to_string(), id);
    table.sources.push(source.to_string());
    let pattern = Arc::new(Pattern::new(source));
    table.patterns.push(Arc::downgrade(&pattern));
    table.literals.push(None);
    // A pattern first built during a check (a rule's `static`, built once per program) runs
    // unfiltered rather than making the next check rebuild the automaton; one built with a
    // `Checker` is covered from its first check.
    table.stale |= ACTIVE.with(|a| a.borrow().is_none());
    (id, pattern)
}

/// The patterns not compiled yet, in the order they were made.
pub(super) fn uncompiled() -> Vec<Arc<Pattern>> {
    let table = lock();
    let alive = table.patterns.iter().filter_map(Weak::upgrade);
    alive.filter(|p| p.compiled.get().is_none()).collect()
}

fn lock() -> MutexGuard<'static, Table> {
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

/// How much of each literal the automaton looks for.
const KEPT_BYTES: usize = 8;

/// All patterns' literals in one automaton, each literal with the patterns that need it.
struct Automaton {
    searcher: AhoCorasick,
    needed_by: Vec<Vec<usize>>,
    /// Per pattern number covered: whether it has literals (one without always runs).
    filtered: Vec<bool>,
}

impl Automaton {
    fn current() -> Arc<Automaton> {
        let mut table = lock();
        if let Some(automaton) = &table.automaton {
            if !table.stale {
                return Arc::clone(automaton);
            }
        }
        let table = &mut *table;
        for (source, literals) in table.sources.iter().zip(&mut table.literals) {
            literals.get_or_insert_with(|| literals::required(source));
        }
        let mut index: HashMap<&[u8], usize> = HashMap::new();
        let mut needed_by: Vec<Vec<usize>> = Vec::new();
        let mut words: Vec<&[u8]> = Vec::new();
        for (id, literals) in table.literals.iter().enumerate() {
            for literal in literals.iter().flatten().flatten() {
                // A literal's first bytes occur wherever it does: fewer, shorter words make a
                // far smaller automaton (quicker to build at the first check) for little loss.
                let literal = &literal[..literal.len().min(KEPT_BYTES)];
                let at = *index.entry(literal).or_insert_with(|| {
                    words.push(literal);
                    needed_by.push(Vec::new());
                    words.len() - 1
                });
                if needed_by[at].last() != Some(&id) {
                    needed_by[at].push(id);
                }
            }
        }
        let searcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .expect("literals make an automaton");
        let filtered = table
            .literals
            .iter()
            .map(|l| matches!(l, Some(Some(_))))
            .collect();
        let automaton = Arc::new(Automaton {
            searcher,
            needed_by,
            filtered,
        });
        table.automaton = Some(Arc::clone(&automaton));
        table.stale = false;
        automaton
    }

    /// Per pattern number: whether the pattern may match somewhere in `text`.
    fn scan(&self, text: &str) -> Vec<bool> {
        let mut present: Vec<bool> = self.filtered.iter().map(|f| !f).collect();
        if text.contains(FOLDS_TO_ASCII) {
            present.fill(true);
            return present;
        }
        for found in self.searcher.find_overlapping_iter(text) {
            for &id in &self.needed_by[found.pattern().as_usize()] {
                present[id] = true;
            }
        }
        present
    }
}

/// The scan of the post being checked: the address ranges of its texts and what it found.
struct Active {
    ranges: Vec<(usize, usize)>,
    present: Vec<bool>,
}

thread_local! {
    static ACTIVE: RefCell<Option<Active>> = const { RefCell::new(None) };
}

/// The prefilter in force for one post, until dropped.
pub struct Scan<'t> {
    previous: Option<Active>,
    texts: PhantomData<&'t str>,
}

impl<'t> Scan<'t> {
    /// Scans `texts[0]` and puts the result in force for searches within any of `texts`, which
    /// must hold the same bytes up to ASCII case (the post and its lower-cased copy).
    pub fn enter(texts: &[&'t str]) -> Scan<'t> {
        debug_assert!(texts.iter().all(|t| t.eq_ignore_ascii_case(texts[0])));
        let active = Active {
            ranges: texts.iter().map(|t| address_range(t)).collect(),
            present: Automaton::current().scan(texts[0]),
        };
        let previous = ACTIVE.with(|a| a.borrow_mut().replace(active));
        Scan {
            previous,
            texts: PhantomData,
        }
    }
}

impl Drop for Scan<'_> {
    fn drop(&mut self) {
        let previous = self.previous.take();
        ACTIVE.with(|a| *a.borrow_mut() = previous);
    }
}

/// Whether pattern `id` may match in `haystack`: false only when a scan in force covers the
/// haystack and found none of the pattern's literals.
pub fn may_match(id: usize, haystack: &str) -> bool {
    let (start, end) = address_range(haystack);
    ACTIVE.with(|a| match &*a.borrow() {
        Some(active) if active.ranges.iter().any(|&(s, e)| s <= start && end <= e) => {
            active.present.get(id).copied().unwrap_or(true)
        }
        _ => true,
    })
}

fn address_range(text: &str) -> (usize, usize) {
    let start = text.as_ptr() as usize;
    (start, start + text.len())
}
