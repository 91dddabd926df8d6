//! Second Opinion's checker: reads a draft social-media post and reports what may breach GMC
//! guidance on confidentiality, conflicts of interest, boundaries and respect.
//!
//! ```
//! use second_opinion::{Checker, Config};
//!
//! let checker = Checker::new(Config::default());
//! let findings = checker.check("😷 write to jo@example.com");
//! let email = findings.iter().find(|f| f.rule == "email-address").unwrap();
//! assert_eq!((email.start, email.end), (12, 26)); // UTF-16 units: the emoji counts as two
//! ```

pub mod analysis;
pub mod config;
pub mod document;
pub mod finding;
pub mod guidance;
pub mod lexicon;
mod overlap;
mod pattern;
mod removal;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
mod rules;
pub mod scorer;

#[cfg(test)]
mod testing;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use config::{Config, DeclaredInterest, Mode};
pub use finding::{Category, Finding, Fix, Part, RuleInfo, Severity};
pub use guidance::{Guidance, CATALOGUE};

use std::collections::HashSet;

use analysis::Post;
use document::{utf16_offsets, Document};
use finding::Hit;
/// Compiles rule patterns ahead of their first use, a few at a time (see `pattern.rs`).
pub use pattern::compile_pending;
use rules::Rule;

/// The crate version, shown by the CLI and the popup.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Builds every rule once (compiled patterns, word-list automata) and checks posts with them.
pub struct Checker {
    config: Config,
    rules: Vec<Box<dyn Rule>>,
    ignored_terms: Vec<String>,
}

impl Checker {
    pub fn new(config: Config) -> Self {
        let rules = rules::registry(&config);
        let ignored_terms = config
            .ignored_terms
            .iter()
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        Checker {
            config,
            rules,
            ignored_terms,
        }
    }

    /// A checker holding only the rule that reports `rule` (`None` for an id no rule reports, a
    /// scorer id included): the rules' tests and fixtures judge each rule alone, with no other
    /// rule claiming its spans first.
    pub fn for_rule(config: Config, rule: &str) -> Option<Self> {
        let mut checker = Checker::new(config);
        checker
            .rules
            .retain(|r| r.describe().iter().any(|info| info.id == rule));
        (checker.rules.len() == 1).then_some(checker)
    }

    /// Every rule id the checker can report, with its category and a one-line description, in
    /// registry order (the options page and popup name ignored rules with these).
    pub fn rules(&self) -> Vec<RuleInfo> {
        self.rules
            .iter()
            .flat_map(|rule| rule.describe().iter().copied())
            .chain(scorer::RULES.iter().copied())
            .collect()
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks one post: the rules, then the learned scorer beside them (see [`scorer`]); a finding
    /// inside another of its category that is no more serious is dropped, and the findings of one
    /// concern become one finding with `parts` (see [`overlap`]).
    /// Findings are sorted by start (then end) and carry UTF-16 offsets.
    pub fn check(&self, text: &str) -> Vec<Finding> {
        let mut findings = self.check_rules(text);
        scorer::review(text, &self.config, &mut findings);
        overlap::drop_contained(&mut findings);
        overlap::group(&mut findings);
        findings
    }

    /// The rules' findings alone, before the scorer has its say (what the scorer is trained on).
    pub fn check_rules(&self, text: &str) -> Vec<Finding> {
        let doc = Post::new(Document::new(text, &self.config));
        // One pass over the post decides which patterns can match it at all (`pattern::prefilter`).
        let _scan = pattern::prefilter::Scan::enter(&[doc.text, &doc.lower]);
        let mut hits = Vec::new();
        for rule in &self.rules {
            rule.check(&doc, &mut hits);
        }
        let hits = self.settle(text, hits);
        to_findings(text, hits)
    }

    /// Applies the doctor's settings and removes duplicates.
    fn settle(&self, text: &str, hits: Vec<Hit>) -> Vec<Hit> {
        let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
        // Spans already claimed, per category: a hash set, so settling stays linear in the hits.
        let mut claimed: HashSet<(usize, usize, Category)> = HashSet::with_capacity(hits.len());
        for mut hit in hits {
            debug_assert!(
                hit.span.start <= hit.span.end
                    && text.is_char_boundary(hit.span.start)
                    && text.is_char_boundary(hit.span.end),
                "{} reported a span off char boundaries",
                hit.rule.id
            );
            debug_assert!(
                !hit.guidance.is_empty()
                    && hit.guidance.iter().all(|g| guidance::by_id(g).is_some()),
                "{} cites unknown guidance {:?}",
                hit.rule.id,
                hit.guidance
            );
            match self.config.categories.get(hit.category()) {
                Mode::Off => continue,
                Mode::Remind => hit.severity = Severity::Info,
                Mode::Warn => {}
            }
            if self.is_ignored(&text[hit.span.clone()]) {
                continue;
            }
            // Registry order is priority: the first rule to claim an exact span keeps it.
            if !claimed.insert((hit.span.start, hit.span.end, hit.category())) {
                continue;
            }
            kept.push(hit);
        }
        kept.sort_by_key(|h| (h.span.start, h.span.end));
        kept
    }

    fn is_ignored(&self, flagged: &str) -> bool {
        if self.ignored_terms.is_empty() {
            return false;
        }
        let flagged = flagged.to_lowercase();
        self.ignored_terms
            .iter()
            .any(|term| flagged.contains(term.as_str()))
    }
}

/// Converts byte-offset hits to the public, UTF-16 findings.
fn to_findings(text: &str, mut hits: Vec<Hit>) -> Vec<Finding> {
    // A removal also takes the identifier's label and a neighbouring space.
    for hit in &mut hits {
        let span = hit.span.clone();
        for fix in hit.fixes.iter_mut() {
            if fix.span.is_none() && fix.replacement.is_empty() {
                let tidy = removal::tidy(text, span.clone());
                fix.span = (tidy != span).then_some(tidy);
            }
        }
    }
    let mut offsets = Vec::with_capacity(hits.len() * 2);
    for hit in &hits {
        offsets.push(hit.span.start);
        offsets.push(hit.span.end);
        for fix in &hit.fixes {
            if let Some(span) = &fix.span {
                offsets.push(span.start);
                offsets.push(span.end);
            }
        }
    }
    let mut utf16 = utf16_offsets(text, &offsets).into_iter();
    let mut next = move || utf16.next().unwrap_or_default();
    hits.into_iter()
        .map(|hit| {
            let (start, end) = (next(), next());
            let fixes = hit
                .fixes
                .into_iter()
                .map(|fix| {
                    let (start, end) = match fix.span {
                        Some(_) => (Some(next()), Some(next())),
                        None => (None, None),
                    };
                    Fix {
                        label: fix.label,
                        replacement: fix.replacement,
                        start,
                        end,
                    }
                })
                .collect();
            Finding {
                rule: hit.rule.id.to_string(),
                category: hit.rule.category,
                severity: hit.severity,
                start,
                end,
                text: text[hit.span].to_string(),
                message: hit.message,
                guidance: hit.guidance.iter().map(|g| g.to_string()).collect(),
                fixes,
                parts: Vec::new(),
            }
        })
        .collect()
}
