//! `jigsaw-identification`: a post about an individual patient that stacks up details (age, sex,
//! place, specific time, occupation, family detail, sensitive or rare condition, a reported event
//! or a tiny pool of people such as "Olympic rowing medallist" or "the local MP").
//!
//! Why: details that are harmless alone can add up so that the patient, or people close to them,
//! recognise the case (*Using social media as a medical professional* (2024) para 19).
//!
//! Example: "Saw a 45F, primary school teacher in Didsbury, witnessed seizure in the classroom" —
//! a hit per detail (which the checker reports as one finding with parts), a warning because
//! three or more kinds add up; without the encounter ("Saw …") nothing is flagged. A single anonymised teaching
//! point ("a 70-year-old man with chest pain") stays an `info` reminder.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::pattern::LazyRegex;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::analysis::patient_context::{bounded, sentence_initial, WordList};
use crate::analysis::Post;
use crate::config::Config;
use crate::document::SpanSet;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::lexicon::people_places::{entries, UK_PLACES};
use crate::rules::Rule;

const GUIDANCE: &[&str] = &["sm-2024-19", "sm-2024-20", "gmp-2024-88"];

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Kind {
    Age,
    Sex,
    Place,
    Time,
    VagueTime,
    Occupation,
    Family,
    Sensitive,
    Clinical,
    /// A reported event or a tiny pool of people: enough for a warning with any other detail.
    Notable,
    /// A street address, a business in a named town, a motorway junction: as strong as `Notable`.
    Address,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Age => "an age",
            Kind::Sex => "the patient's sex",
            Kind::Place => "a specific place",
            Kind::Time | Kind::VagueTime => "a time or date",
            Kind::Occupation => "an occupation",
            Kind::Family => "a family detail",
            Kind::Sensitive => "a sensitive condition",
            Kind::Clinical => "a clinical detail",
            Kind::Notable => "a reported event or a very small group of people",
            Kind::Address => "a precise location",
        }
    }
}

#[rustfmt::skip]
const OCCUPATIONS: &[&str] = &[
    "teacher", "head teacher", "headteacher", "headmaster", "headmistress", "vicar", "priest",
    "imam", "rabbi", "farrier", "roofer", "tiler", "builder", "plumber", "electrician", "miner",
    "ex-miner", "farmer", "pilot", "footballer", "rugby player", "cricketer", "jockey", "gymnast",
    "athlete", "boxer", "police officer", "policeman", "policewoman", "firefighter", "fireman",
    "paramedic", "staff nurse", "consultant anaesthetist", "consultant anaesthetists", "mp",
    "councillor", "mayor", "judge", "barrister", "solicitor", "journalist", "presenter", "actor",
    "actress", "singer", "musician", "tiktoker", "influencer", "youtuber", "soldier",
    "lorry driver", "taxi driver", "bus driver", "postman", "postwoman", "night watchman",
    "watchman", "shopkeeper", "publican", "landlady", "chef", "vet", "dentist", "professor",
    "lecturer", "caretaker", "lollipop lady", "fisherman", "gamekeeper", "blacksmith", "nun",
    "monk", "bishop", "motorcyclist", "keeper", "goalkeeper", "referee", "dancer", "model",
    "swimmer", "rower", "cyclist", "magistrate", "midwife", "carer",
    "care worker", "hairdresser", "barber", "mechanic", "cleaner", "lawyer", "accountant",
    "engineer", "scientist", "prison officer", "security guard", "bouncer", "shop assistant",
    "waitress", "waiter", "bar manager", "baker", "butcher", "delivery driver", "courier",
    "train driver", "nursery worker", "childminder", "social worker", "coastguard", "lifeguard",
    "ceo", "dj", "artist", "author", "vlogger",
];
#[rustfmt::skip]
const FAMILY_WORDS: &[&str] = &[
    "twins", "triplets", "quads", "mum of", "mother of", "dad of", "father of", "her husband",
    "his wife", "her partner", "his partner", "her kids", "his kids", "her sons", "her daughters",
    "three sons", "two sons", "three daughters", "two daughters", "grandchildren", "ivf", "widow",
    "widower", "her nephew", "his nephew", "her niece", "his daughter", "her daughter", "his son",
    "her son", "her mum", "her dad", "his mum", "his dad", "her family", "his family",
];
#[rustfmt::skip]
const SENSITIVE: &[&str] = &[
    "overdose", "self-harm", "suicide", "hiv", "gender clinic", "transition", "termination",
    "abortion", "miscarriage", "pregnant", "domestic abuse", "hit her", "hit him", "assault",
    "rape", "alcohol withdrawal", "ivdu", "heroin", "drinking", "terminal", "dementia",
    "alzheimer's", "early-onset alzheimer's", "dnacpr", "psychosis", "sectioned", "schizophrenia",
    "chlamydia", "safeguarding", "police informed", "eating disorder", "anorexia", "bmi was",
    "prostate exam", "rhinoplasty", "transplant",
];
#[rustfmt::skip]
const CLINICAL: &[&str] = &[
    "heart failure", "cabg", "c. diff", "c diff", "mrsa", "acl reconstruction", "biopsy",
    "hip referral", "blood thinners", "anticoagulant", "copd", "seizure", "stroke", "cancer",
    "chemo", "fracture", "broken ankle", "broken hip", "tib fracture", "burns", "pneumonia",
    "sepsis", "dka", "gi bleed", "leg ulcer", "diabetes", "insulin", "ventilator", "intubated",
    "hypothermic", "pressure sores",
];
#[rustfmt::skip]
const NOTABLE: &[&str] = &[
    "on the news", "in the news", "article", "telegraph", "bbc", "itv", "sky news", "daily mail",
    "went viral", "viral", "headlines", "olympic", "olympian", "paralympic", "medallist",
    "premier league", "championship", "famous", "celebrity", "you'd know", "you would know",
    "household name", "followers", "local mp", "red arrows", "youngest ever", "oldest ever",
    "first ever", "known cases", "only one in", "one of only", "record", "one of our own",
    "one of us", "the derby", "prom", "not saying whose", "won't say who", "can't say who",
    "can't say more", "new series", "ferry", "foot-and-mouth", "in the back of a taxi",
    "small parish", "small village", "tiny village", "small town", "tiny town", "small island",
    "tiny island", "remote island", "first case", "only case", "in the paper", "local paper",
];
/// Capitalised words after "in"/"from" that are not specific places.
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "England", "Scotland", "Wales", "Ireland", "Britain", "Europe", "Christmas", "Easter",
    "Summer", "Winter", "Spring", "Autumn", "General", "Practice", "Medicine", "Surgery", "The", "This",
    "That", "Twitter", "Facebook", "Instagram", "English", "Total", "Hospital",
];
#[rustfmt::skip]
const VAGUE_TIME: &[&str] = &[
    "today", "tonight", "last night", "this morning", "yesterday", "this afternoon", "this week",
];

/// The GeoNames places, built once per process and only for the first post that has a patient
/// context: 5,000 names are the costliest automaton in the checker, and most posts never need it.
fn uk_places() -> &'static AhoCorasick {
    static PLACES: OnceLock<AhoCorasick> = OnceLock::new();
    PLACES.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(entries(UK_PLACES))
            .expect("places build")
    })
}

pub struct Jigsaw {
    /// A direct identifier is already in the post (title + name, bed number, name hashtag): every
    /// further detail then adds to it.
    direct: LazyRegex,
    /// A sentence about a colleague ("Mr Hughes, our consultant urologist", "RIP Dr Ellis"): its
    /// title is no patient identifier.
    colleague: LazyRegex,
    words: WordList,
    patterns: Vec<(Kind, LazyRegex)>,
    age: LazyRegex,
}

impl Jigsaw {
    pub fn new(_config: &Config) -> Self {
        Jigsaw {
            direct: LazyRegex::new(
                r"\b(?:Mr|Mrs|Ms|Miss) [A-Z]|(?i:\b(?:bed|bay|cubicle|side room) ?\d|#(?:prayfor|justicefor)[a-z]|@\w+ (?:my|our) (?:old )?patient)|\b(?i:rip|rest in peace|your dad|your mum|my patient|our patient) [A-Z]",
            ),
            colleague: LazyRegex::new(
                r"(?i)\b(?:consultant|surgeon|registrar|theatre|colleague|our team|the team|mentor|trainer|supervisor|retir\w*|(?:rip|rest in peace) (?:dr|prof|professor|sister|nurse|matron)\b)\b",
            ),
            words: WordList::new(&[
                (Kind::Occupation as u8, OCCUPATIONS),
                (Kind::Family as u8, FAMILY_WORDS),
                (Kind::Sensitive as u8, SENSITIVE),
                (Kind::Clinical as u8, CLINICAL),
                (Kind::Notable as u8, NOTABLE),
                (Kind::VagueTime as u8, VAGUE_TIME),
            ]),
            age: LazyRegex::new(
                r"(?i)\b(\d{1,3}) ?(?:yo|y/o|y\.o\.|yrs? old|-?years?-old|-?yr-old| years? old)\b|\b(\d{1,3}) ?([MF])\b|\bin (?:her|his|their) (?:early |late |mid-?)?(\d)0s\b|\baged (\d{1,3})\b|\b(?:mum|dad|man|woman|lady|girl|boy|patient|pt)\s?\((\d{1,2})\)|, (\d{2,3}),|\b(\d{1,2}) (?:weeks|months) old\b|\bis (\d{1,2}) and\b|\bat (\d{2})\b\.| [—–-] (\d{2,3})[,.;]",
            ),
            patterns: vec![
                (
                    Kind::Sex,
                    LazyRegex::new(
                        r"(?i)\b\d{1,3} ?(?:yo|y/o|-?year-old|yr-old|years? old)(?: [a-z-]+)? (?:man|woman|lady|gent|gentleman|girl|boy|lad|bloke|mum|dad|mother|father|grandmother|grandfather|grandma|grandad|nan|male|female|chap|fella|[MF])\b|\b(?:lady|gent|bloke|lad)\b|\b(?i:for|with|to|saw|met|treated|examined|admitted) an? (?:man|woman|gentleman|girl|boy|chap|fella)\b",
                    ),
                ),
                (
                    Kind::Address,
                    LazyRegex::new(
                        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive|Crescent|Terrace)\b|\bJunction \d{1,2}\b|\b(?:at|outside|above|behind) (?:the )?(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z-]+ in [A-Z][a-z]+(?: [A-Z][a-z]+)?\b",
                    ),
                ),
                (
                    Kind::Notable,
                    LazyRegex::new(
                        r"(?i)\b(?:the|tonight's|today's|last night's|yesterday's|saturday's|friday's)(?: [\w-]+){0,3} (?:pile-?up|crash|collision|fire|blaze|flood|explosion|stabbing|shooting|attack|rescue|accident|incident|derby|match|final)\b|\b(?:only|the only) [a-z]+ (?:on|in|at|for) [A-Z][a-z]+|\b1\d\d ?(?:yo|y/o|-?year-old)\b",
                    ),
                ),
                (
                    Kind::Place,
                    LazyRegex::new(
                        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Surgery|Hospital|Infirmary|Medical Centre|Health Centre|Practice|Hospice)\b|\b(?:in|from|near|outside|at) (?:the )?(?:[A-Z][a-z]+ )?[A-Z][a-z]{3,}(?:'s)?\b|\b[AM]\d{1,4}\b|\b(?:primary|secondary|high|grammar) school\b|\bYear \d{1,2}\b|\b(?:Raigmore|Alder Hey|Derriford|Southmead|Frimley|Pinderfields|Wythenshawe|Treliske|Addenbrooke's|Great Ormond Street|Birmingham Children's|QE [A-Z][a-z]+|St [A-Z][a-z]+'s|Royal [A-Z][a-z]+)\b",
                    ),
                ),
                (
                    Kind::Time,
                    LazyRegex::new(
                        r"\b(?:on |last |since |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s| night| morning)?\b|\b(?:in |since )?(?:January|February|March|April|June|July|August|September|October|November|December)\b|\b(?:19[5-9]\d|20[0-4]\d)\b|\bat \d{1,2} ?(?:am|pm)\b|\b\d{1,2}(?:am|pm)\b|(?i:\b(?:third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:time|admission|attendance|gi bleed|visit)\b|\b\d+ days\b)",
                    ),
                ),
            ],
        }
    }

    fn details(&self, doc: &Post) -> Vec<(Range<usize>, Kind)> {
        let text = doc.text;
        let mut found = Vec::new();
        let companies = std::cell::OnceCell::new();
        for m in self.age.find_iter(text) {
            // Ranges and thresholds ("aged 40 to 74", "65 and over") describe groups, not a patient.
            let rest = text[m.end()..].trim_start();
            if rest.starts_with("to ")
                || rest.starts_with(['-', '–', '+'])
                || rest.starts_with("and over")
                || rest.starts_with("or over")
                || rest.starts_with("and under")
                || rest.starts_with("or older")
            {
                continue;
            }
            found.push((m.range(), Kind::Age));
            if m.as_str().ends_with(['M', 'F']) {
                found.push((m.range(), Kind::Sex));
            }
        }
        for (kind, pattern) in &self.patterns {
            for m in pattern.find_iter(text) {
                let locative = ["in ", "from ", "near ", "outside ", "at "]
                    .iter()
                    .any(|p| m.as_str().starts_with(p));
                // "in Surgery" is a specialty, "at Meadowbank Surgery" a place.
                let words: Vec<&str> = m
                    .as_str()
                    .split(' ')
                    .skip(1)
                    .filter(|w| *w != "the")
                    .collect();
                let named = words.len() >= 2 && !NOT_PLACES.contains(&words[0]);
                if *kind == Kind::Place
                    && locative
                    && !named
                    && NOT_PLACES.iter().any(|w| m.as_str().ends_with(w))
                {
                    continue;
                }
                // "fees from Lilly": a company the industry lexicon knows, not a place.
                let company = || {
                    companies
                        .get_or_init(|| {
                            doc.industry_mentions()
                                .iter()
                                .map(|b| b.span.clone())
                                .collect::<SpanSet>()
                        })
                        .overlaps(&m.range())
                };
                if *kind == Kind::Place && locative && company() {
                    continue;
                }
                found.push((m.range(), *kind));
            }
        }
        for m in uk_places().find_iter(text) {
            let span = m.range();
            if bounded(text, &span) && !sentence_initial(text, span.start) {
                found.push((span, Kind::Place));
            }
        }
        for (span, tag) in self.words.find(&doc.lower) {
            let kind = [
                Kind::Occupation,
                Kind::Family,
                Kind::Sensitive,
                Kind::Clinical,
                Kind::Notable,
                Kind::VagueTime,
            ]
            .into_iter()
            .find(|k| *k as u8 == tag)
            .unwrap_or(Kind::Clinical);
            // "MP" and the like must be written in capitals; "keeper"/"model" need a possessive or article.
            if kind == Kind::Occupation
                && text[span.clone()].eq_ignore_ascii_case("mp")
                && &text[span.clone()] != "MP"
            {
                continue;
            }
            found.push((span, kind));
        }
        found.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        // Drop details nested inside an earlier one of the same kind.
        // Sorted by start, so a span is nested when it ends before the furthest end seen so far
        // for its kind (linear, not a scan of everything kept).
        let mut furthest: Vec<(Kind, usize)> = Vec::new();
        let mut kept: Vec<(Range<usize>, Kind)> = Vec::new();
        for (span, kind) in found {
            match furthest.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, end)) if span.end <= *end => continue,
                Some((_, end)) => *end = span.end,
                None => furthest.push((kind, span.end)),
            }
            kept.push((span, kind));
        }
        kept
    }
}

/// "34-year-old" -> "in their 30s"; a baby's age -> "a baby".
fn generalise_age(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if text.contains("week") || text.contains("month") {
        return "a baby".into();
    }
    match digits.parse::<u32>() {
        Ok(n) if n >= 100 => "over 90".into(),
        Ok(n) if n >= 20 => format!("in their {}0s", n / 10),
        Ok(n) if n >= 13 => "a teenager".into(),
        Ok(_) => "a child".into(),
        Err(_) => "an adult".into(),
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "jigsaw-identification",
    category: Category::Confidentiality,
    description: "A patient post that stacks up details (age, place, job, event) that together may identify them.",
};

impl Rule for Jigsaw {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let ctx = doc.patient_context();
        let direct = self.direct.find_iter(doc.text).any(|m| {
            !self
                .colleague
                .is_match(&doc.text[doc.sentence_near(&m.range())])
        });
        if ctx.cleared() || !(ctx.is_patient() || direct) {
            return;
        }
        let details = self.details(doc);
        let kinds: HashSet<Kind> = details.iter().map(|(_, k)| *k).collect();
        let counted = kinds
            .iter()
            .filter(|k| !matches!(k, Kind::VagueTime | Kind::Clinical))
            .count();
        let notable = kinds.contains(&Kind::Notable) || kinds.contains(&Kind::Address);
        let clinical = usize::from(kinds.contains(&Kind::Clinical));
        let warning = counted >= 3
            || (notable && counted >= 1)
            || (ctx.weak_consent && counted >= 2)
            || (direct && counted + clinical >= 1);
        if counted + clinical == 0 || (counted == 0 && !direct) {
            return;
        }
        let severity = if warning {
            Severity::Warning
        } else {
            Severity::Info
        };
        let mut names: Vec<&str> = kinds
            .iter()
            .filter(|k| !matches!(k, Kind::Clinical | Kind::VagueTime))
            .map(|k| k.label())
            .collect();
        names.sort_unstable();
        names.dedup();
        let message = format!(
            "Details that add up: this post gives {}. Together they may identify the patient to people who know them (GMC social media guidance, para 19).",
            names.join(", ")
        );
        if warning {
            for span in &ctx.weak_consent_spans {
                hits.push(Hit::new(&INFO, Severity::Warning,
                    span.clone(),
                    "This is not explicit consent. Only the patient's own clear consent (or a parent's, for a baby) allows posting about them.",
                    GUIDANCE,
                ));
            }
        }
        for (span, kind) in details {
            // Clinical details and vague times are only worth a highlight when the post warns.
            if matches!(kind, Kind::Clinical | Kind::VagueTime) && !warning {
                continue;
            }
            // They do not count towards the warning, so they are highlighted as reminders only.
            let severity = if matches!(kind, Kind::Clinical | Kind::VagueTime) {
                Severity::Info
            } else {
                severity
            };
            let mut hit = Hit::new(&INFO, severity, span.clone(), message.clone(), GUIDANCE);
            if kind == Kind::Age {
                hit = hit.with_fix(FixHit::replace(
                    "Generalise the age",
                    generalise_age(&doc.text[span]),
                ));
            } else {
                hit = hit.with_fix(FixHit::replace("Remove this detail", ""));
            }
            hits.push(hit);
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod robustness {
    use crate::testing::check;

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "😷🫁 pt 34F in bed 4 مرحبا بكم Mr K 👩‍⚕️ #PrayForLily",
            "שלום Saw a 23yo M from Leeds today, sharing this CXR 📸 (forgot to crop his name)",
            "Ωmega J.T., DOB 𝔸 Mrs É in side room 3é",
            "",
            "M",
        ] {
            check(text);
        }
        // Long input: no panic (timing budgets are measured by the benches, in release).
        check(&"Saw a 70yo lady from Truro in bay 3 today 😷 Mrs K. ".repeat(2_000));
    }
}
