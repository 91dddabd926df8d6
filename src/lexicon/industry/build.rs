//! Building the industry lexicon from `data/lexicon/hand/companies.txt` and `brands.txt`: an
//! entry's tags (`cased`, `needs=`, `unmatched`, `of=` …; see the files' headers), and the automata
//! over names, handles and context words.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{squash, Company, Context, Lexicon, Term, TermKind};
use crate::lexicon::list::{Entry, List, BRANDS, COMPANIES, INDUSTRY_CONTEXT};

/// What an entry needs nearby (`needs=industry`, `needs=service`).
fn context(e: &Entry) -> Context {
    Context {
        industry: e.is("needs=industry"),
        service: e.is("needs=service"),
    }
}

/// A tag value as text: values write a space as `_` ("Eli_Lilly"). Built once per process (the
/// lexicon is), so a value with a space is kept for the life of the process.
fn spaced(value: &'static str) -> &'static str {
    if value.contains('_') {
        Box::leak(value.replace('_', " ").into_boxed_str())
    } else {
        value
    }
}

/// A list's own names: the entries without `of=` (the others are other names of one of them).
fn own_names(list: &'static List) -> Vec<&'static Entry> {
    let entries = list.entries.iter();
    entries
        .filter(|e| e.values("of").next().is_none())
        .collect()
}

/// Where each of `own` is in it, by its name as a tag value writes it ("Eli_Lilly").
fn positions(own: &[&'static Entry]) -> impl Fn(&str) -> usize {
    let at: HashMap<String, usize> = own
        .iter()
        .enumerate()
        .map(|(i, e)| (e.lemma.replace(' ', "_"), i))
        .collect();
    move |value| {
        *at.get(value)
            .unwrap_or_else(|| panic!("{value} is named but has no entry of its own"))
    }
}

/// The words of `data/lexicon/hand/industry_context.txt` for `selector`, and which accept any
/// ending.
fn words(selector: &str) -> (Vec<&'static str>, Vec<bool>) {
    INDUSTRY_CONTEXT.prefixed(selector).into_iter().unzip()
}

impl Lexicon {
    pub(super) fn build() -> Lexicon {
        let own_companies = own_names(&COMPANIES);
        let company = positions(&own_companies);
        let companies: Vec<Company> = own_companies
            .iter()
            .map(|e| Company {
                name: e.lemma,
                sector: e.values("sector").next().unwrap_or(""),
                parent: e.values("parent").next().map(&company),
            })
            .collect();

        let mut patterns: Vec<String> = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut handle_keys: Vec<String> = Vec::new();
        let mut handle_key_owner = Vec::new();
        let mut short_handle_keys = HashMap::new();
        let mut add = |e: &'static Entry, kind, label, owners: &Vec<usize>, generic| {
            let (name, cased, context) = (e.lemma, e.has("cased"), context(e));
            if e.has("unmatched") {
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
        // Companies before brands: a name in both lists is read as the company.
        for e in COMPANIES.entries.iter() {
            let owner = match e.values("of").next() {
                Some(of) => company(of),
                None => company(&e.lemma.replace(' ', "_")),
            };
            let kind = if e.lemma.starts_with('@') {
                TermKind::Handle
            } else {
                TermKind::Company
            };
            add(e, kind, companies[owner].name, &vec![owner], None);
        }
        let own_brands = own_names(&BRANDS);
        let brand = positions(&own_brands);
        let mut generics = HashMap::new();
        for e in BRANDS.entries.iter() {
            let own = e.values("of").next().map_or(e, |of| own_brands[brand(of)]);
            let owners: Vec<usize> = own
                .values("owner")
                .chain(own.values("co-owner"))
                .map(&company)
                .collect();
            let generic = own
                .values("generic")
                .next()
                .map(|g| *generics.entry(g).or_insert_with(|| spaced(g)));
            add(e, TermKind::Brand, own.lemma, &owners, generic);
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
