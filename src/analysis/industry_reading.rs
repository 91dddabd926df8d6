//! How a post's company, brand and @handle mentions read for the conflict-of-interest rules
//! (`undeclared-promotion`, `declared-interest`, `sponsored-event`, `service-promotion`,
//! `brand-mention`): worked out once per post ([`crate::analysis::Post::industry_reading`]) and
//! shared by those rules, each of which reports its own verdicts.
//!
//! One pass over the post finds every mention (lexicon in `src/lexicon/industry.rs`, the doctor's
//! declared interests, and unknown commercial handles, [`handles`]), every declaration
//! ([`crate::analysis::declaration`]) and every cue ([`crate::analysis::coi_context`]); each
//! mention outside a declaration is then judged:
//!
//! - a company the doctor lists as an interest (options page), named without a declaration;
//! - a company beside an event or hospitality ("Thanks @PfizerUK for the lunch") without a
//!   declaration of what the doctor received;
//! - a promotion: any other undeclared mention that isn't plainly news, safety or criticism;
//! - a neutral mention (recall, shortage, complaint, price or class comparison, a brand set
//!   against its generic name: "atorvastatin, not 'Lipitor'"), a mention whose declaration is
//!   elsewhere ("see bio"), or one a declaration may not cover.
//!
//! A declaration doesn't count when it names only other companies (DOI: Pfizer, then praise for
//! Dexcom), or when "no conflicts" sits beside a personal code or affiliate link (which the
//! discount-code and affiliate-link rules find: the caller says whether the post has one).

use std::ops::Range;

use crate::analysis::coi_context::{Cues, Reading};
use crate::analysis::declaration::{Clause, DeclarationFinder, Kind};
use crate::analysis::Post;
use crate::config::Config;
use crate::document::{is_word_bounded, SpanSet};
use crate::lexicon::industry::{Lexicon, Product, TermKind};
use crate::pattern::LazyRegex;

mod declared;
mod handles;
mod verdict;

pub(crate) use declared::Interest;
use declared::{merged, Declared, UnknownNames};
pub(crate) use verdict::{IndustryReading, Judged, Verdict};

/// One company, brand or handle in the post, from the lexicon or the doctor's interests.
struct Seen<'a> {
    span: Range<usize>,
    kind: TermKind,
    label: &'a str,
    maker: &'a str,
    owners: &'a [usize],
    generic: Option<&'a str>,
    interest: Option<usize>,
}

impl Seen<'_> {
    /// "Mounjaro (Eli Lilly)", or the maker alone for a company or handle.
    fn named(&self) -> String {
        if self.kind == TermKind::Handle || self.label == self.maker {
            self.maker.to_string()
        } else {
            format!("{} ({})", self.label, self.maker)
        }
    }
}

enum Cover {
    Declared,
    Partly,
    Elsewhere,
    Undeclared,
}

/// The matchers the reading needs, built once per configuration.
pub(crate) struct IndustryReader {
    lexicon: &'static Lexicon,
    declarations: DeclarationFinder,
    cues: Cues,
    /// Any @handle, for handles the lexicon doesn't know.
    handle: LazyRegex,
    /// Words that show a post sells something, for unknown handles.
    selling: LazyRegex,
    interests: Vec<Interest>,
    /// Declared companies the lexicon doesn't know, matched by name.
    unknown: Option<UnknownNames>,
    standing: Option<String>,
}

impl IndustryReader {
    pub fn new(config: &Config) -> Self {
        let lexicon = Lexicon::get();
        let (interests, unknown) = declared::interests(config, lexicon);
        IndustryReader {
            lexicon,
            declarations: DeclarationFinder::new(),
            cues: Cues::new(),
            handle: LazyRegex::new(r"(?:^|[^A-Za-z0-9_@])(@[A-Za-z0-9_]{3,30})\b"),
            selling: LazyRegex::new(
                r"(?i)\bbook(?:ed|ing|ings)?\b|\blink\s+in\s+(?:my\s+)?bio\b|\boffers?\b|%\s*off\b|\bdiscount|\bcode\b|\btreatments?\b|\bfacials?\b|\bmachines?\b|\bdevices?\b|\bproducts?\b|\bskincare\b|\bpeels?\b|\bfillers?\b|\bbotox\b|\bshop\b|\bavailable\b|\bappointments?\b|\bslots?\b|\bprices?\b|\b(?:my|our)\s+(?:new\s+)?clinic\b|\bcome\s+(?:and\s+)?see\s+us\b",
            ),
            interests,
            unknown,
            standing: config
                .standing_declaration
                .clone()
                .filter(|s| !s.trim().is_empty()),
        }
    }

    fn mentions<'a>(&'a self, doc: &'a Post) -> Vec<Seen<'a>> {
        let mut seen: Vec<Seen<'a>> = Vec::new();
        for m in doc.industry_mentions() {
            let maker = m
                .owners
                .first()
                .map_or(m.label, |&o| self.lexicon.companies[o].name);
            let interest = self.interests.iter().position(|i| {
                i.owners
                    .iter()
                    .any(|&a| m.owners.iter().any(|&b| self.lexicon.related(a, b)))
            });
            seen.push(Seen {
                span: m.span.clone(),
                kind: m.kind,
                label: m.label,
                maker,
                owners: m.owners,
                generic: m.generic,
                interest,
            });
        }
        if let Some((automaton, which)) = &self.unknown {
            for m in automaton.find_iter(&doc.lower) {
                let span = m.range();
                let clash = seen
                    .iter()
                    .any(|s| s.span.start < span.end && span.start < s.span.end);
                if clash || !is_word_bounded(doc.text, &span) {
                    continue;
                }
                let interest = which[m.pattern().as_usize()];
                let name = self.interests[interest].name.as_str();
                seen.push(Seen {
                    span,
                    kind: TermKind::Company,
                    label: name,
                    maker: name,
                    owners: &[],
                    generic: None,
                    interest: Some(interest),
                });
            }
        }
        self.commercial_handles(doc, &mut seen);
        seen
    }

    /// Reads `doc`'s mentions. `has_code_or_link` says whether the post holds a personal code or
    /// affiliate link (asked only when the post says "no conflicts", which it then contradicts).
    pub fn read(&self, doc: &Post, has_code_or_link: impl FnOnce() -> bool) -> IndustryReading {
        let mut seen = self.mentions(doc);
        let mut reading = IndustryReading::default();
        if seen.is_empty() {
            return reading;
        }
        seen.sort_by_key(|s| s.span.start);
        let text = doc.text;
        let clauses = self.declarations.find(&doc.lower);
        let no_interest = clauses.iter().any(|c| c.kind == Kind::NoInterest);
        // A personal code or affiliate link contradicts "no conflicts".
        let commercial = no_interest && has_code_or_link();
        let standing_used = self
            .standing
            .as_ref()
            .is_some_and(|s| text.contains(s.trim()));
        let mentions_in = |c: &Clause| {
            let first = seen.partition_point(|s| s.span.start < c.span.start);
            seen[first..]
                .iter()
                .take_while(|s| s.span.start < c.span.end)
                .any(|s| s.span.end <= c.span.end)
        };
        // A label whose content is "none" ("Transparency: no COI") is a "no conflicts" line.
        let none_lines: SpanSet = clauses
            .iter()
            .filter(|n| n.kind == Kind::NoInterest)
            .map(|n| n.span.clone())
            .collect();
        let says_none = |c: &Clause| none_lines.overlaps(&c.span);
        let valid: Vec<&Clause> = clauses
            .iter()
            .filter(|c| match c.kind {
                Kind::Elsewhere => false,
                Kind::NoInterest => !commercial,
                _ if commercial && !c.needs_company && says_none(c) => false,
                _ => !c.needs_company || mentions_in(c),
            })
            .collect();
        let elsewhere = clauses.iter().any(|c| c.kind == Kind::Elsewhere);
        let covered = merged(valid.iter().map(|c| c.span.clone()));
        let in_declaration = |s: &Seen| {
            let i = covered.partition_point(|r| r.end < s.span.end);
            covered.get(i).is_some_and(|r| r.start <= s.span.start)
        };
        let mut declared = Declared::default();
        let mut outside = Vec::new();
        for s in &seen {
            if in_declaration(s) {
                declared.add(s);
            } else {
                outside.push(s);
            }
        }
        let only_affiliate = valid.iter().all(|c| c.kind == Kind::Affiliate);
        let relevant = outside.iter().any(|o| declared.covers(self.lexicon, o));
        let cue_map = self.cues.scan(&doc.lower);

        for s in outside {
            let cover = if standing_used {
                Cover::Declared
            } else if valid.is_empty() {
                if elsewhere {
                    Cover::Elsewhere
                } else {
                    Cover::Undeclared
                }
            } else if declared.first.is_none() {
                if only_affiliate {
                    Cover::Partly
                } else {
                    Cover::Declared
                }
            } else if declared.covers(self.lexicon, s) {
                Cover::Declared
            } else if relevant {
                Cover::Partly
            } else {
                Cover::Undeclared
            };
            let verdict = match cover {
                Cover::Declared => continue,
                Cover::Partly => Verdict::Partly,
                Cover::Elsewhere => Verdict::Elsewhere,
                Cover::Undeclared if s.interest.is_some() => Verdict::Interest,
                Cover::Undeclared => {
                    let mut read = cue_map.reading(text, &s.span);
                    if read == Reading::Promotion
                        && self.cues.contrasted(&cue_map, text, &s.span, s.generic)
                        && !cue_map.praised_in_sentence(text, &s.span)
                    {
                        read = Reading::Neutral;
                    }
                    match read {
                        Reading::Event => Verdict::Event,
                        Reading::Neutral => Verdict::Neutral,
                        Reading::Promotion => Verdict::Promotion,
                    }
                }
            };
            reading.promoted |= matches!(verdict, Verdict::Interest | Verdict::Promotion);
            let declared_else = match declared.first {
                _ if !matches!(verdict, Verdict::Event | Verdict::Neutral | Verdict::Promotion) => {
                    String::new()
                }
                Some(other) if other != s.maker => {
                    format!(" Your declaration names {other}, not {}.", s.maker)
                }
                _ if commercial => {
                    " A \"no conflicts\" line doesn't hold beside a personal code or affiliate link."
                        .to_string()
                }
                _ => String::new(),
            };
            let generic = s.generic.filter(|_| s.kind == TermKind::Brand);
            let product = s.owners.first().map_or(Product::Other, |&o| {
                Product::of(self.lexicon.companies[o].sector, generic.is_some())
            });
            reading.mentions.push(Judged {
                span: s.span.clone(),
                verdict,
                who: s.named(),
                maker: s.maker.to_string(),
                brand_generic: generic.map(str::to_string),
                product,
                interest: s.interest.map(|i| self.interests[i].clone()),
                declared_else,
            });
        }
        reading
    }
}
