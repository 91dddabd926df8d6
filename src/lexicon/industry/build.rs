//! Building the industry lexicon from `companies.txt` and `brands.txt`: the data files' line
//! format and flags, and the automata over names, handles and context words.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{squash, Company, Context, Lexicon, Term, TermKind};
use crate::lexicon::list::INDUSTRY_CONTEXT;

pub(super) const COMPANIES: &str = include_str!("../companies.txt");
pub(super) const BRANDS: &str = include_str!("../brands.txt");

/// Splits a name with flags into the name and its flags (`*`, `^` and `~`, `!`).
pub(super) fn flags(raw: &'static str) -> (&'static str, bool, Context, bool) {
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

pub(super) fn data_lines(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').collect())
}

pub(super) fn list(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .copied()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The words of `data/lexicon/hand/industry_context.txt` for `selector`, and which accept any
/// ending.
fn words(selector: &str) -> (Vec<&'static str>, Vec<bool>) {
    INDUSTRY_CONTEXT.prefixed(selector).into_iter().unzip()
}

impl Lexicon {
    pub(super) fn build() -> Lexicon {
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
        let (context, context_prefix) = words("near=industry");
        let (service, service_prefix) = words("near=service");
        fn build<P: AsRef<[u8]>>(patterns: &[P], kind: AhoCorasickKind) -> AhoCorasick {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(kind))
                .build(patterns)
                .expect("lexicon automaton builds")
        }
        Lexicon {
            singletons: (0..companies.len()).collect(),
            companies,
            automaton: build(&patterns, AhoCorasickKind::ContiguousNFA),
            context: build(&context, AhoCorasickKind::ContiguousNFA),
            context_prefix,
            service: build(&service, AhoCorasickKind::ContiguousNFA),
            service_prefix,
            handle_keys: build(&handle_keys, AhoCorasickKind::ContiguousNFA),
            handle_key_owner,
            short_handle_keys,
            terms,
        }
    }
}
