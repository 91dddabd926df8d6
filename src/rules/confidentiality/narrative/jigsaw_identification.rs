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

use crate::pattern::LazyRegex;

use crate::analysis::patient_context::WordList;
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::lexicon::list::{title_cased, FAMILY, JIGSAW};
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
            // data/lexicon/hand/jigsaw.txt and family.txt, in this order.
            words: WordList::new(vec![
                (Kind::Occupation as u8, JIGSAW.phrases("kind=occupation")),
                (Kind::Family as u8, FAMILY.phrases("use=jigsaw")),
                (Kind::Sensitive as u8, JIGSAW.phrases("kind=sensitive")),
                (Kind::Clinical as u8, JIGSAW.phrases("kind=clinical")),
                (Kind::Notable as u8, JIGSAW.phrases("kind=notable")),
                (Kind::VagueTime as u8, JIGSAW.phrases("kind=vague-time")),
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
                    LazyRegex::new(format!(
                        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Surgery|Hospital|Infirmary|Medical Centre|Health Centre|Practice|Hospice)\b|\b(?:in|from|near|outside|at) (?:the )?(?:[A-Z][a-z]+ )?[A-Z][a-z]{{3,}}(?:'s)?\b|\b[AM]\d{{1,4}}\b|\b(?:primary|secondary|high|grammar) school\b|\bYear \d{{1,2}}\b|\b(?:{hospitals}|QE [A-Z][a-z]+|St [A-Z][a-z]+'s|Royal [A-Z][a-z]+)\b",
                        hospitals = hospital_names(),
                    )),
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
}

/// The hospitals known by their own name alone (`kind=hospital`), each word capitalised, as a
/// regex alternation: "Alder Hey|Addenbrooke's|…".
fn hospital_names() -> String {
    let names: Vec<String> = JIGSAW
        .lemmas("kind=hospital")
        .map(|lemma| regex::escape(&title_cased(lemma)))
        .collect();
    names.join("|")
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

mod details;
mod vocabulary;

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
