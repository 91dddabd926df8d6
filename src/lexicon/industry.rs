//! Health-industry companies, their UK @handles and their branded products (`companies.txt`,
//! `brands.txt`), and a matcher that finds them in a post.
//!
//! Generic drug names are never in these lists, so "semaglutide" or "paracetamol" is never a
//! mention; "Wegovy" and "Calpol" are. Names that are also ordinary words or first names carry
//! flags in the data files: `*` needs the listed capitalisation (or all capitals), `^` needs an
//! industry word or another company nearby, `~` needs a health-service word (online, app, private
//! hospital, weight loss...) or another company nearby, `!` is listed for autocomplete but never
//! matched. A name with both `^` and `~` takes either kind of word.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::document::{ceil_boundary, floor_boundary, SpanSet};

mod product;

pub use product::{Product, SECTORS};

const COMPANIES: &str = include_str!("companies.txt");
const BRANDS: &str = include_str!("brands.txt");

/// Words that make an ambiguous name (`^`) read as the company: "Lilly-sponsored", "Abbott's CGM".
/// Words that make an ambiguous name (`^`) read as the company: "Lilly-sponsored", "Abbott's CGM".
/// A trailing `*` accepts any ending; other words must stand alone.
const CONTEXT_WORDS: &[&str] = &[
    "sponsor*",
    "fee",
    "fees",
    "honorari*",
    "consult*",
    "pharma*",
    "funded",
    "funding",
    "grant*",
    "advisory",
    "adviser*",
    "advisor*",
    "shares",
    "shareholder*",
    "employ*",
    "paid",
    "rep",
    "reps",
    "dinner",
    "lunch",
    "hospitality",
    "declar*",
    "disclos*",
    "coi",
    "doi",
    "drug*",
    "device*",
    "sensor*",
    "cgm",
    "libre",
    "diabetes",
    "vaccine*",
    "product*",
    "brand*",
    "company",
    "industry",
    "trial*",
    "launch*",
    "scrubs",
    "code",
    "discount*",
    "app",
    "apps",
    "subscription*",
    "strap",
    "tracker*",
    "insulin*",
    "pump*",
    "monitor*",
    "robot*",
    "stethoscope*",
    "webinar*",
    "symposium",
    "diagnostics",
    "supplement*",
    "inhaler*",
    "medicine*",
    "uk",
    "plc",
    "ltd",
];

/// Words that make a service name that is also an ordinary word (`~`) read as the provider:
/// "the Voy app", "Manual's online clinic", "a Circle private hospital". Narrower than
/// [`CONTEXT_WORDS`] ("device" or "drug" sit beside "manual handling" or "a calm night" too).
/// A trailing `*` accepts any ending; other words must stand alone.
const SERVICE_WORDS: &[&str] = &[
    "online",
    "app",
    "apps",
    "subscri*",
    "download*",
    "telehealth",
    "telemedicine",
    "virtual gp",
    "video gp",
    "video consult*",
    "online doctor*",
    "online pharmac*",
    "online gp",
    "online clinic*",
    "digital",
    "platform",
    "weight loss",
    "weight-loss",
    "hair loss",
    "erectile",
    "testosterone",
    "men's health",
    "mens health",
    "jabs",
    "private gp",
    "private hospital*",
    "private healthcare",
    "private patient*",
    "private provider*",
    "self-pay",
    "self pay",
    "insur*",
    "provider*",
    "nhs contract*",
    "outsourc*",
    "sponsor*",
    "code",
    "discount*",
    "promo*",
    "#ad",
    "sponsored",
    "paid",
];

/// Handle endings that still name the company: `@GSKUK`, `@MerckNews`.
const HANDLE_SUFFIXES: &[&str] = &[
    "",
    "uk",
    "gb",
    "news",
    "global",
    "group",
    "plc",
    "inc",
    "health",
    "healthcare",
    "pharma",
    "official",
    "hq",
    "app",
];

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
    service: AhoCorasick,
    handle_keys: AhoCorasick,
    handle_key_owner: Vec<usize>,
    short_handle_keys: HashMap<String, usize>,
    singletons: Vec<usize>,
}

/// Splits a name with flags into the name and its flags (`*`, `^` and `~`, `!`).
fn flags(raw: &'static str) -> (&'static str, bool, Context, bool) {
    let name = raw.trim().trim_end_matches(['*', '^', '~', '!']);
    let tail = &raw.trim()[name.len()..];
    (
        name,
        tail.contains('*'),
        Context {
            industry: tail.contains('^'),
            service: tail.contains('~'),
        },
        tail.contains('!'),
    )
}

fn data_lines(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').collect())
}

fn list(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .copied()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
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

    fn build() -> Lexicon {
        let mut companies = Vec::new();
        let mut index: HashMap<&'static str, usize> = HashMap::new();
        let mut parents = Vec::new();
        for fields in data_lines(COMPANIES) {
            let (name, ..) = flags(fields[0]);
            index.insert(name, companies.len());
            parents.push(fields.get(4).map(|p| p.trim()).filter(|p| !p.is_empty()));
            let sector = fields.get(3).map_or("", |s| s.trim());
            companies.push(Company {
                name,
                sector,
                parent: None,
            });
        }
        for (company, parent) in companies.iter_mut().zip(parents) {
            company.parent = parent.and_then(|p| index.get(p).copied());
        }

        let mut patterns: Vec<String> = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut handle_keys: Vec<String> = Vec::new();
        let mut handle_key_owner = Vec::new();
        let mut short_handle_keys = HashMap::new();
        let mut add = |raw: &'static str, kind, label, owners: &Vec<usize>, generic| {
            let (name, cased, context, hidden) = flags(raw);
            if hidden || name.is_empty() {
                return;
            }
            let key = squash(name);
            if kind != TermKind::Handle && !cased && !context.needed() {
                if key.len() >= 5 {
                    handle_keys.push(key);
                    handle_key_owner.push(owners[0]);
                } else if key.len() >= 3 {
                    short_handle_keys.entry(key).or_insert(owners[0]);
                }
            }
            let lower = name.to_ascii_lowercase();
            let mut variants = vec![lower.clone()];
            if lower.contains('\'') {
                variants.push(lower.replace('\'', "\u{2019}"));
            }
            for pattern in variants {
                patterns.push(pattern);
                terms.push(Term {
                    kind,
                    label,
                    owners: owners.clone(),
                    cased: cased.then_some(name),
                    context,
                    generic,
                });
            }
        };
        for fields in data_lines(COMPANIES) {
            let (name, ..) = flags(fields[0]);
            let owners = vec![index[name]];
            add(fields[0], TermKind::Company, name, &owners, None);
            for alias in list(fields.get(1)) {
                add(alias, TermKind::Company, name, &owners, None);
            }
            for handle in list(fields.get(2)) {
                add(handle, TermKind::Handle, name, &owners, None);
            }
        }
        for fields in data_lines(BRANDS) {
            let (brand, ..) = flags(fields[0]);
            let owners: Vec<usize> = list(fields.get(1))
                .filter_map(|o| index.get(o).copied())
                .collect();
            if owners.is_empty() {
                continue;
            }
            let generic = fields.get(3).map(|g| g.trim()).filter(|g| !g.is_empty());
            add(fields[0], TermKind::Brand, brand, &owners, generic);
            for alias in list(fields.get(2)) {
                add(alias, TermKind::Brand, brand, &owners, generic);
            }
        }
        let build = |patterns: &[String], kind| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(kind))
                .build(patterns)
                .expect("lexicon automaton builds")
        };
        Lexicon {
            singletons: (0..companies.len()).collect(),
            companies,
            automaton: build(&patterns, AhoCorasickKind::ContiguousNFA),
            context: build(&words(CONTEXT_WORDS), AhoCorasickKind::ContiguousNFA),
            service: build(&words(SERVICE_WORDS), AhoCorasickKind::ContiguousNFA),
            handle_keys: build(&handle_keys, AhoCorasickKind::ContiguousNFA),
            handle_key_owner,
            short_handle_keys,
            terms,
        }
    }

    /// The company's own name and its parent's (a brand of Allergan Aesthetics is AbbVie's too).
    pub fn family(&self, company: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(company), |&c| self.companies[c].parent).take(4)
    }

    /// True when `a` and `b` are the same company or one owns the other.
    pub fn related(&self, a: usize, b: usize) -> bool {
        self.family(a).any(|x| x == b) || self.family(b).any(|x| x == a)
    }

    /// Every company, brand and company handle in `text` (`lower` is `text` with ASCII letters
    /// lower-cased), in order, without overlaps.
    pub fn find(&'static self, text: &str, lower: &str) -> Vec<Mention> {
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
            if term.context.needed() && !self.has_context(lower, &mention.span, term.context) {
                deferred.push(mention);
            } else {
                found.push(mention);
            }
        }
        // An ambiguous name next to a clear one ("Lilly & Novo Nordisk") is the company too.
        let mut kept: SpanSet = found.iter().map(|f| f.span.clone()).collect();
        for mention in deferred {
            if kept.near(&mention.span, 60) {
                kept.insert(mention.span.clone());
                found.push(mention);
            }
        }
        self.find_handles(text, &mut found, &kept);
        found.sort_by_key(|m| m.span.start);
        found
    }

    fn has_context(&self, lower: &str, span: &Range<usize>, context: Context) -> bool {
        let start = floor_boundary(lower, span.start.saturating_sub(80));
        let end = ceil_boundary(lower, (span.end + 80).min(lower.len()));
        let window = &lower[start..end];
        let bytes = window.as_bytes();
        let is_word = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let any = |automaton: &AhoCorasick, list: &[&str]| {
            automaton.find_iter(window).any(|m| {
                let prefix = list[m.pattern().as_usize()].ends_with('*');
                (m.start() == 0 || !is_word(m.start() - 1)) && (prefix || !is_word(m.end()))
            })
        };
        (context.industry && any(&self.context, CONTEXT_WORDS))
            || (context.service && any(&self.service, SERVICE_WORDS))
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

fn words(list: &[&str]) -> Vec<String> {
    list.iter()
        .map(|w| w.trim_end_matches('*').to_string())
        .collect()
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
    data_lines(BRANDS).count()
}

#[cfg(test)]
mod tests;
