//! What the doctor has declared: the interests listed on the options page, matched to the
//! lexicon's companies, and the companies a post's own declarations name.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::config::Config;
use crate::document::Document;
use crate::lexicon::industry::Lexicon;

use super::Seen;

/// A company from the doctor's declared interests.
#[derive(Clone, Debug)]
pub(crate) struct Interest {
    pub name: String,
    pub relationship: String,
    pub(super) owners: Vec<usize>,
}

/// An automaton over the names of declared companies the lexicon doesn't know, with the interest
/// each of its patterns names.
pub(super) type UnknownNames = (AhoCorasick, Vec<usize>);

/// The doctor's declared interests, and the names among them the lexicon doesn't know.
pub(super) fn interests(
    config: &Config,
    lexicon: &'static Lexicon,
) -> (Vec<Interest>, Option<UnknownNames>) {
    let mut interests = Vec::new();
    let (mut names, mut which) = (Vec::new(), Vec::new());
    for declared in &config.declared_interests {
        let name = declared.company.trim();
        if name.is_empty() {
            continue;
        }
        // The declared name read as a short post of its own.
        let mut owners: Vec<usize> = lexicon
            .find(&Document::new(name, config))
            .iter()
            .flat_map(|m| m.owners.iter().copied())
            .collect();
        if let Some(i) = lexicon
            .companies
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
        {
            owners.push(i);
        }
        if owners.is_empty() {
            names.push(name.to_ascii_lowercase());
            which.push(interests.len());
        }
        interests.push(Interest {
            name: name.to_string(),
            relationship: declared.relationship.trim().to_string(),
            owners,
        });
    }
    let unknown = (!names.is_empty()).then(|| {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("interest automaton builds");
        (automaton, which)
    });
    (interests, unknown)
}

/// The companies (and declared interests) a post's declarations name.
#[derive(Default)]
pub(super) struct Declared<'a> {
    owners: Vec<usize>,
    interests: Vec<usize>,
    pub(super) first: Option<&'a str>,
}

impl<'a> Declared<'a> {
    pub(super) fn add(&mut self, s: &Seen<'a>) {
        self.first.get_or_insert(s.maker);
        for &owner in s.owners {
            if !self.owners.contains(&owner) {
                self.owners.push(owner);
            }
        }
        if let Some(i) = s.interest {
            if !self.interests.contains(&i) {
                self.interests.push(i);
            }
        }
    }

    pub(super) fn covers(&self, lexicon: &Lexicon, s: &Seen) -> bool {
        s.interest.is_some_and(|i| self.interests.contains(&i))
            || self
                .owners
                .iter()
                .any(|&x| s.owners.iter().any(|&y| lexicon.related(x, y)))
    }
}

/// Sorted, merged copies of the given ranges.
pub(super) fn merged(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = ranges.collect();
    all.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}
