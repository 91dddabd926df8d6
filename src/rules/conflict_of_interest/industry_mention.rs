//! Companies, their @handles and branded products named without a declaration of interest.
//!
//! One pass over the post finds every mention (lexicon in `src/lexicon/industry.rs`), every
//! declaration ([`crate::analysis::declaration`]) and every cue
//! ([`crate::analysis::coi_context`]); each mention is then reported under one of these ids:
//!
//! - `declared-interest` (warning): a company the doctor lists as an interest (options page) is
//!   named without a declaration. The fix appends the doctor's standing declaration, or a
//!   "Disclosure: <Company> (<relationship>)." line.
//! - `sponsored-event` (warning): a company beside an event or hospitality ("Thanks @PfizerUK for
//!   the lunch") without a declaration of what the doctor received (GMP 2024 para 96).
//! - `undeclared-promotion` (warning): any other undeclared mention that isn't plainly news,
//!   safety or criticism ("Honestly, Mounjaro is a game changer").
//! - `brand-mention` (info): a neutral mention (recall, shortage, complaint, price or class
//!   comparison, a brand set against its generic name: "atorvastatin, not 'Lipitor'"), a mention whose
//!   declaration is elsewhere ("see bio"), or one a declaration may not cover.
//! - `service-promotion`: "DM to book" beside an undeclared product promotion.
//!
//! An @handle the lexicon doesn't know counts as a company when its name sounds commercial
//! (`@DermaLuxeUK`: Derma, Aesthetics, Clinic, Skin, Pharma, Labs, Beauty, Health, a leading Med,
//! or a UK/Ltd ending)
//! and it is praised or thanked in its sentence in a post that also sells something ("book your
//! facial", "link in bio", "offer", "new machine", "treatments"). Handles of doctors (`@DrLee`),
//! the NHS, royal colleges, the BMA, the GMC, trusts and public-health bodies are never read this
//! way.
//!
//! A declaration doesn't count when it names only other companies (DOI: Pfizer, then praise for
//! Dexcom), or when "no conflicts" sits beside a personal code or affiliate link.
//!
//! Example: "Honestly, Mounjaro is a game changer" is an `undeclared-promotion` warning on
//! "Mounjaro"; "Mounjaro is in short supply again." is a `brand-mention` reminder.
//!
//! Why: *Good medical practice* (2024) para 90(b) (declare conflicts when communicating publicly,
//! including promoting or endorsing), para 95 (be open about interests), and the GMC's
//! *Identifying and managing conflicts of interest* (2024).

use std::ops::Range;

use crate::pattern::LazyRegex;
use aho_corasick::{AhoCorasick, MatchKind};

use crate::analysis::coi_context::{Cues, Reading};
use crate::analysis::declaration::{Clause, DeclarationFinder, Kind};
use crate::analysis::Post;
use crate::config::Config;
use crate::document::{is_word_bounded, SpanSet};
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::lexicon::industry::{Lexicon, TermKind};
use crate::rules::conflict_of_interest::affiliate_link::AffiliateLink;
use crate::rules::conflict_of_interest::discount_code::DiscountCode;
use crate::rules::Rule;

const GUIDANCE: &[&str] = &["gmp-2024-90", "gmp-2024-95", "coi-2024-principles"];
const EVENT_GUIDANCE: &[&str] = &["gmp-2024-90", "gmp-2024-96", "coi-2024-principles"];

/// A company from the doctor's declared interests.
struct Interest {
    name: String,
    relationship: String,
    owners: Vec<usize>,
}

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

enum Cover {
    Declared,
    Partly,
    Elsewhere,
    Undeclared,
}

pub struct IndustryMention {
    lexicon: &'static Lexicon,
    declarations: DeclarationFinder,
    cues: Cues,
    codes: DiscountCode,
    links: AffiliateLink,
    booking: LazyRegex,
    /// Any @handle, for handles the lexicon doesn't know.
    handle: LazyRegex,
    /// Words that show a post sells something, for unknown handles.
    selling: LazyRegex,
    interests: Vec<Interest>,
    /// Declared companies the lexicon doesn't know, matched by name.
    unknown: Option<(AhoCorasick, Vec<usize>)>,
    standing: Option<String>,
}

impl IndustryMention {
    pub fn new(config: &Config) -> Self {
        let lexicon = Lexicon::get();
        let mut interests = Vec::new();
        let (mut names, mut which) = (Vec::new(), Vec::new());
        for declared in &config.declared_interests {
            let name = declared.company.trim();
            if name.is_empty() {
                continue;
            }
            let lower = name.to_ascii_lowercase();
            let mut owners: Vec<usize> = lexicon
                .find(name, &lower)
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
                names.push(lower);
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
        IndustryMention {
            lexicon,
            declarations: DeclarationFinder::new(),
            cues: Cues::new(),
            codes: DiscountCode::new(config),
            links: AffiliateLink::new(config),
            booking: LazyRegex::new(
                r"(?i)\b(?:dm|message|pm|inbox|call|text|email)\s+(?:me\s+|us\s+|the\s+(?:clinic|page)\s+)?to\s+book\b|\bbook\s+(?:your|a)\s+(?:free\s+)?(?:consultation|consult|appointment|slot|session|treatment)s?\b(?:\s+(?:at|with|via)\s+@\w+)?|\bbook\s+(?:now|today|online)\b|\blimited\s+(?:slots|spaces|availability)\b",
            ),
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

    /// Unknown @handles that sound like a company and are praised in a post that sells something.
    fn commercial_handles<'a>(&'a self, doc: &'a Post, seen: &mut Vec<Seen<'a>>) {
        let text = doc.text;
        if !text.contains('@') || !self.selling.is_match(text) {
            return;
        }
        let mut cue_map = None;
        // Handles added here never overlap a later one (`captures_iter` matches do not overlap).
        let known: SpanSet = seen.iter().map(|s| s.span.clone()).collect();
        for caps in self.handle.captures_iter(text) {
            let m = caps.get(1).expect("group 1 is the handle");
            let span = m.range();
            if known.overlaps(&span) || !sounds_commercial(&doc.lower[span.start + 1..span.end]) {
                continue;
            }
            let cues = cue_map.get_or_insert_with(|| self.cues.scan(&doc.lower));
            if !cues.praised_in_sentence(text, &span) {
                continue;
            }
            seen.push(Seen {
                span,
                kind: TermKind::Handle,
                label: m.as_str(),
                maker: m.as_str(),
                owners: &[],
                generic: None,
                interest: None,
            });
        }
    }
}

/// True when a handle (lower case, without the `@`) sounds like a company ("dermaluxeuk",
/// "glowaestheticsltd") and not like a doctor, the NHS, a college, a union, a regulator or a trust.
fn sounds_commercial(handle: &str) -> bool {
    const PERSON: &[&str] = &[
        "dr", "doc", "prof", "nurse", "mr", "mrs", "ms", "miss", "the_dr",
    ];
    const PUBLIC: &[&str] = &[
        "nhs",
        "trust",
        "rcgp",
        "rcp",
        "rcs",
        "rcn",
        "rcem",
        "rcog",
        "rcpch",
        "rcpsych",
        "rcr",
        "bma",
        "gmc",
        "nmc",
        "nice",
        "hospital",
        "college",
        "royal",
        "uni",
        "gov",
        "dhsc",
        "ukhsa",
        "mhra",
        "cqc",
        "charity",
        "foundation",
        "society",
        "assoc",
        "council",
        "network",
        "icb",
        "ccg",
        "pcn",
        "ambulance",
        "hee",
        "deanery",
        "school",
        "research",
        "nihr",
        "who",
        "ward",
        "team",
        "surgery",
        "england",
        "scot",
        "wales",
        "healthwatch",
        "publichealth",
    ];
    const COMMERCIAL: &[&str] = &[
        "derma",
        "pharma",
        "aesthetic",
        "clinic",
        "skin",
        "labs",
        "beauty",
        "cosmetic",
        "wellness",
        "laser",
        "medical",
        "health",
        "luxe",
        "glow",
        "filler",
        "nutrition",
        "supplement",
        "vitamin",
        "shop",
        "store",
    ];
    if PERSON.iter().any(|p| {
        handle
            .strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
    }) || PUBLIC.iter().any(|p| handle.contains(p))
    {
        return false;
    }
    // "clinical" is a colleague's word (@ClinicalFellowLee), not a clinic's.
    let handle = handle.replace("clinical", "");
    COMMERCIAL.iter().any(|c| handle.contains(c))
        || handle.starts_with("med")
        || ["uk", "ltd", "official"]
            .iter()
            .any(|e| handle.ends_with(e))
}

/// The companies (and declared interests) a post's declarations name.
#[derive(Default)]
struct Declared<'a> {
    owners: Vec<usize>,
    interests: Vec<usize>,
    first: Option<&'a str>,
}

impl<'a> Declared<'a> {
    fn add(&mut self, s: &Seen<'a>) {
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

    fn covers(&self, rule: &IndustryMention, s: &Seen) -> bool {
        s.interest.is_some_and(|i| self.interests.contains(&i))
            || self
                .owners
                .iter()
                .any(|&x| s.owners.iter().any(|&y| rule.lexicon.related(x, y)))
    }
}

/// Sorted, merged copies of the given ranges.
fn merged(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
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

/// `undeclared-promotion`, as the options page and popup name it.
const UNDECLARED_PROMOTION: RuleInfo = RuleInfo {
    id: "undeclared-promotion",
    category: Category::ConflictOfInterest,
    description: "A company, @handle or brand promoted without a declaration of interest.",
};

/// `declared-interest`, as the options page and popup name it.
const DECLARED_INTEREST: RuleInfo = RuleInfo {
    id: "declared-interest",
    category: Category::ConflictOfInterest,
    description: "A company the doctor has declared an interest in, named without a declaration.",
};

/// `sponsored-event`, as the options page and popup name it.
const SPONSORED_EVENT: RuleInfo = RuleInfo {
    id: "sponsored-event",
    category: Category::ConflictOfInterest,
    description: "A company-sponsored event or hospitality without a declaration.",
};

/// `service-promotion`, as the options page and popup name it.
const SERVICE_PROMOTION: RuleInfo = RuleInfo {
    id: "service-promotion",
    category: Category::ConflictOfInterest,
    description: "An invitation to book a paid service in a post that promotes a product.",
};

/// `brand-mention`, as the options page and popup name it.
const BRAND_MENTION: RuleInfo = RuleInfo {
    id: "brand-mention",
    category: Category::ConflictOfInterest,
    description: "A neutral mention of a company or brand (recall, shortage, news): a reminder.",
};

impl Rule for IndustryMention {
    fn describe(&self) -> &'static [RuleInfo] {
        &[
            UNDECLARED_PROMOTION,
            DECLARED_INTEREST,
            SPONSORED_EVENT,
            SERVICE_PROMOTION,
            BRAND_MENTION,
        ]
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let mut seen = self.mentions(doc);
        if seen.is_empty() {
            return;
        }
        seen.sort_by_key(|s| s.span.start);
        let text = doc.text;
        let clauses = self.declarations.find(&doc.lower);
        let no_interest = clauses.iter().any(|c| c.kind == Kind::NoInterest);
        // A personal code or affiliate link contradicts "no conflicts".
        let commercial =
            no_interest && (!self.codes.find(text).is_empty() || !self.links.find(text).is_empty());
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
        let relevant = outside.iter().any(|o| declared.covers(self, o));
        let cue_map = self.cues.scan(&doc.lower);
        let mut promoted = false;

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
            } else if declared.covers(self, s) {
                Cover::Declared
            } else if relevant {
                Cover::Partly
            } else {
                Cover::Undeclared
            };
            let mut reading = cue_map.reading(text, &s.span);
            if reading == Reading::Promotion
                && self.cues.contrasted(&cue_map, text, &s.span, s.generic)
                && !cue_map.praised_in_sentence(text, &s.span)
            {
                reading = Reading::Neutral;
            }
            let hit = match cover {
                Cover::Declared => continue,
                Cover::Partly => self.info(s, "Your declaration doesn't clearly cover {maker}: if you have any link with {maker}, name it in the declaration too."),
                Cover::Elsewhere => self.info(s, "Your declarations are elsewhere (your bio or another post). Readers who see only this post won't see them, so consider a short declaration here if you have any link with {maker}."),
                Cover::Undeclared => {
                    let hit = self.undeclared(s, reading, declared.first, commercial);
                    promoted |= hit.severity == Severity::Warning && hit.rule.id != SPONSORED_EVENT.id;
                    hit
                }
            };
            hits.push(self.with_fixes(hit, s, text.len()));
        }
        if promoted {
            for m in self.booking.find_iter(text) {
                hits.push(Hit::new(&SERVICE_PROMOTION, Severity::Warning,
                    m.range(),
                    "This invites bookings for a paid service in a post that promotes a product. Say how you benefit (your clinic, fees, the maker's support) in a declaration.",
                    GUIDANCE,
                ));
            }
        }
    }
}

impl IndustryMention {
    fn named(&self, s: &Seen) -> String {
        if s.kind == TermKind::Handle || s.label == s.maker {
            s.maker.to_string()
        } else {
            format!("{} ({})", s.label, s.maker)
        }
    }

    fn info(&self, s: &Seen, template: &str) -> Hit {
        let message = format!(
            "This post names {}. {}",
            self.named(s),
            template.replace("{maker}", s.maker)
        );
        Hit::new(
            &BRAND_MENTION,
            Severity::Info,
            s.span.clone(),
            message,
            GUIDANCE,
        )
    }

    fn undeclared(
        &self,
        s: &Seen,
        reading: Reading,
        other: Option<&str>,
        contradicted: bool,
    ) -> Hit {
        let who = self.named(s);
        let maker = s.maker;
        let base = |rule: &'static RuleInfo, message: String, guidance| {
            Hit::new(rule, Severity::Warning, s.span.clone(), message, guidance)
        };
        if let Some(i) = s.interest {
            let interest = &self.interests[i];
            let relationship = if interest.relationship.is_empty() {
                String::new()
            } else {
                format!(" ({})", interest.relationship)
            };
            return base(
                &DECLARED_INTEREST,
                format!("You have an interest in {}{relationship}, and this post names {who} without a declaration. Add your declaration so readers can judge what you say.", interest.name),
                GUIDANCE,
            );
        }
        let declared_else = match other {
            Some(other) if other != maker => {
                format!(" Your declaration names {other}, not {maker}.")
            }
            _ if contradicted => {
                " A \"no conflicts\" line doesn't hold beside a personal code or affiliate link."
                    .to_string()
            }
            _ => String::new(),
        };
        match reading {
            Reading::Event => base(
                &SPONSORED_EVENT,
                format!("This post ties {who} to an event or hospitality but doesn't say what you received.{declared_else} Declare any hospitality, travel, fees or gifts from {maker} (or say you received none)."),
                EVENT_GUIDANCE,
            ),
            Reading::Neutral => {
                let mut hit = self.info(s, "It reads as news, safety or criticism rather than an endorsement; if you have any link with {maker}, declare it anyway.");
                hit.message.push_str(&declared_else);
                hit
            }
            Reading::Promotion => base(
                &UNDECLARED_PROMOTION,
                format!("This post names {who} without a declaration of interest.{declared_else} Promoting or endorsing a product publicly needs a declaration of any link with {maker} (fees, hospitality, shares, gifts){}.", if s.generic.is_some() && s.kind == TermKind::Brand { ", or use the generic name" } else { "" }),
                GUIDANCE,
            ),
        }
    }

    fn with_fixes(&self, mut hit: Hit, s: &Seen, end: usize) -> Hit {
        let append =
            |label: &str, text: String| FixHit::replace_at(label, format!("\n\n{text}"), end..end);
        if hit.severity == Severity::Warning {
            if let Some(standing) = &self.standing {
                hit = hit.with_fix(append(
                    "Add your standing declaration",
                    standing.trim().to_string(),
                ));
            } else if let Some(i) = s.interest {
                let interest = &self.interests[i];
                let line = if interest.relationship.is_empty() {
                    format!("Disclosure: I have an interest in {}.", interest.name)
                } else {
                    format!("Disclosure: {} ({}).", interest.name, interest.relationship)
                };
                hit = hit.with_fix(append("Add a declaration", line));
            }
        }
        if let Some(generic) = s.generic {
            if s.kind == TermKind::Brand {
                hit = hit.with_fix(FixHit::replace(
                    format!("Use the generic name ({generic})"),
                    generic,
                ));
            }
        }
        hit
    }
}

#[cfg(test)]
mod tests;
