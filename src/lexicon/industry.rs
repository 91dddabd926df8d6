//! Health-industry companies, their UK @handles and their branded products
//! (`data/lexicon/hand/companies.txt`, `brands.txt`), and a matcher that finds them in a post.
//!
//! Generic drug names are never in these lists, so "semaglutide" or "paracetamol" is never a
//! mention; "Wegovy" and "Calpol" are. Names that are also ordinary words or first names carry
//! tags in the data files: `cased` needs the listed capitalisation (or all capitals),
//! `needs=industry` an industry word or another company nearby, `needs=service` a health-service
//! word (online, app, private hospital, weight loss...) or another company nearby (both: either
//! kind of word), and `unmatched` is listed for autocomplete but never matched.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::document::{Document, SpanSet};

mod build;
mod product;
mod words;

use crate::lexicon::list::BRANDS;
pub use product::{Product, SECTORS};
use words::HANDLE_SUFFIXES;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TermKind {
    Company,
    Brand,
    Handle,
}

/// A company in the list.
#[derive(Debug)]
pub struct Company {
    pub name: &'static str,
    pub sector: &'static str,
    pub parent: Option<usize>,
}

struct Term {
    kind: TermKind,
    /// The company or brand name shown in messages.
    label: &'static str,
    owners: Vec<usize>,
    /// The capitalisation the text must use (or all capitals).
    cased: Option<&'static str>,
    context: Context,
    generic: Option<&'static str>,
}

/// What an ambiguous name needs nearby before it counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Context {
    industry: bool,
    service: bool,
}

impl Context {
    fn needed(self) -> bool {
        self.industry || self.service
    }
}

/// A company, brand or handle found in a post (byte offsets).
#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Range<usize>,
    pub kind: TermKind,
    /// Canonical name: the brand ("Mounjaro") or the company ("Eli Lilly").
    pub label: &'static str,
    /// Indices into [`Lexicon::companies`] of the makers.
    pub owners: &'static [usize],
    /// The generic name, for brands of medicines where it is known.
    pub generic: Option<&'static str>,
}

pub struct Lexicon {
    pub companies: Vec<Company>,
    terms: Vec<Term>,
    automaton: AhoCorasick,
    context: AhoCorasick,
    /// Which of `context`'s words accept any ending.
    context_prefix: Vec<bool>,
    service: AhoCorasick,
    service_prefix: Vec<bool>,
    handle_keys: AhoCorasick,
    handle_key_owner: Vec<usize>,
    short_handle_keys: HashMap<String, usize>,
    singletons: Vec<usize>,
}

fn squash(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Lexicon {
    /// The compiled-in lexicon, built once per process.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// The company's own name and its parent's (a brand of Allergan Aesthetics is AbbVie's too).
    pub fn family(&self, company: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(company), |&c| self.companies[c].parent).take(4)
    }

    /// True when `a` and `b` are the same company or one owns the other.
    pub fn related(&self, a: usize, b: usize) -> bool {
        self.family(a).any(|x| x == b) || self.family(b).any(|x| x == a)
    }

    /// Every company, brand and company handle in `doc`, in order, without overlaps.
    pub fn find(&'static self, doc: &Document) -> Vec<Mention> {
        let (text, lower) = (doc.text, doc.lower.as_str());
        let mut found = Vec::new();
        let mut deferred = Vec::new();
        for m in self.automaton.find_iter(lower) {
            let term = &self.terms[m.pattern().as_usize()];
            let mut span = m.range();
            if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
                continue;
            }
            if !bounded_before(text, span.start) {
                continue;
            }
            match model_suffix(&text[span.end..]) {
                Some(extra) => span.end += extra,
                None => continue,
            }
            if let Some(cased) = term.cased {
                let Some(seen) = text.get(span.start..span.start + cased.len()) else {
                    continue;
                };
                if seen != cased && seen.chars().any(char::is_lowercase) {
                    continue;
                }
            }
            let mention = Mention {
                span,
                kind: term.kind,
                label: term.label,
                owners: &term.owners,
                generic: term.generic,
            };
            if term.context.needed() && !self.has_context(doc, &mention.span, term.context) {
                deferred.push(mention);
            } else {
                found.push(mention);
            }
        }
        // An ambiguous name next to a clear one ("Lilly & Novo Nordisk") is the company too:
        // within 11 words (what was 60 bytes, `document/words.rs`).
        let mut kept: SpanSet = found.iter().map(|f| f.span.clone()).collect();
        for mention in deferred {
            if kept.overlaps(&doc.window(&mention.span, 11)) {
                kept.insert(mention.span.clone());
                found.push(mention);
            }
        }
        self.find_handles(text, &mut found, &kept);
        found.sort_by_key(|m| m.span.start);
        found
    }

    /// True when a context word of `context` is within 14 words of `span` (what was 80 bytes,
    /// `document/words.rs`).
    fn has_context(&self, doc: &Document, span: &Range<usize>, context: Context) -> bool {
        let window = &doc.lower[doc.window(span, 14)];
        let bytes = window.as_bytes();
        let is_word = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let any = |automaton: &AhoCorasick, prefixes: &[bool]| {
            automaton.find_iter(window).any(|m| {
                let prefix = prefixes[m.pattern().as_usize()];
                (m.start() == 0 || !is_word(m.start() - 1)) && (prefix || !is_word(m.end()))
            })
        };
        (context.industry && any(&self.context, &self.context_prefix))
            || (context.service && any(&self.service, &self.service_prefix))
    }

    /// Handles not in the list that contain a company's name: `@AbbottNews`, `@CeraVeUK`.
    /// `taken` holds the spans of `found` (handles added here start at distinct `@`s).
    fn find_handles(&'static self, text: &str, found: &mut Vec<Mention>, taken: &SpanSet) {
        for (at, _) in text.match_indices('@') {
            if !bounded_before(text, at) || taken.starts_at(at) {
                continue;
            }
            let len = text[at + 1..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            if !(3..=30).contains(&len) {
                continue;
            }
            let handle = squash(&text[at + 1..at + 1 + len]);
            let owner = self
                .handle_keys
                .find(&handle)
                .map(|m| self.handle_key_owner[m.pattern().as_usize()])
                .or_else(|| {
                    HANDLE_SUFFIXES.iter().find_map(|suffix| {
                        let key = handle.strip_suffix(suffix)?;
                        self.short_handle_keys.get(key).copied()
                    })
                });
            if let Some(owner) = owner {
                found.push(Mention {
                    span: at..at + 1 + len,
                    kind: TermKind::Handle,
                    label: self.companies[owner].name,
                    owners: &self.singletons[owner..=owner],
                    generic: None,
                });
            }
        }
    }
}

fn bounded_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '@')
}

/// How far a match extends over a model number glued to it ("iQ3", "Morpheus8") or after a space
/// ("Dexcom G7", "MiniMed 780G"); `None` when the match is glued to a longer word.
fn model_suffix(rest: &str) -> Option<usize> {
    let glued = rest.bytes().take_while(u8::is_ascii_digit).count();
    let word_end = |n: usize| {
        !rest[n..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    };
    if glued > 0 {
        let n = glued + usize::from(rest[glued..].starts_with('+'));
        return word_end(n).then_some(n);
    }
    if !word_end(0) {
        return None;
    }
    if let Some(model) = rest.strip_prefix(' ') {
        let n = model
            .bytes()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            .count();
        let token = &model[..n];
        let has_digit = token.bytes().any(|b| b.is_ascii_digit());
        let has_upper = token.bytes().any(|b| b.is_ascii_uppercase());
        if has_digit && has_upper && n <= 5 && word_end(1 + n) {
            return Some(1 + n);
        }
    }
    Some(0)
}

/// Every company name in the lexicon, sorted: the options page offers them as autocomplete for
/// the doctor's declared interests.
pub fn company_names() -> Vec<&'static str> {
    let mut names: Vec<_> = Lexicon::get().companies.iter().map(|c| c.name).collect();
    names.sort_unstable_by_key(|n| n.to_lowercase());
    names
}

/// How many branded products the lexicon knows (for tests and the popup's "about" line).
pub fn brand_count() -> usize {
    BRANDS
        .entries
        .iter()
        .filter(|e| e.values("of").next().is_none())
        .count()
}

#[cfg(test)]
mod tests;
