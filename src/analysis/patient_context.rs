//! Shared analysis for the narrative confidentiality rules (`person-name`, `patient-reference`,
//! `jigsaw-identification`, `patient-image`): does the post talk about an individual patient
//! encounter, and is there something that makes it clean (a fictional or composite teaching case,
//! real consent from the patient, the poster's own or family health)?
//!
//! Why: *Using social media as a medical professional* (2024) paras 18–20 and *Good medical
//! practice* (2024) para 88 are about patients. The same words ("admitted", "bay 3", "34F") are
//! fine in a teaching vignette, an eligibility rule or a story about the doctor's own mum told with
//! her blessing, so every rule asks this analysis first.
//!
//! Consent only counts when it is real: "shared with her permission" clears a post, but "(I
//! think)", "her husband says it's fine" (for an adult) or "it's already public" does not.

use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::list::{self, PATIENT_CUES};
use crate::pattern::LazyRegex;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A word list matched on the lower-cased text, whole words only.
pub(crate) struct WordList {
    automaton: AhoCorasick,
    tags: Vec<u8>,
}

impl WordList {
    /// `groups`: (tag, phrases), lower case, matched leftmost-longest; a phrase in two groups
    /// takes the first group's tag.
    pub(crate) fn new(groups: Vec<(u8, Vec<String>)>) -> Self {
        let mut words = Vec::new();
        let mut tags = Vec::new();
        for (tag, list) in groups {
            for w in list {
                words.push(w);
                tags.push(tag);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .expect("word list builds");
        WordList { automaton, tags }
    }

    /// Whole-word matches in `lower` (a lower-cased text), with their tags.
    pub(crate) fn find<'a>(
        &'a self,
        lower: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, u8)> + 'a {
        self.automaton
            .find_iter(lower)
            .filter(move |m| bounded(lower, &m.range()))
            .map(move |m| (m.range(), self.tags[m.pattern().as_usize()]))
    }
}

/// True when `span` is not glued to a letter or digit on either side (edges that are themselves
/// punctuation, like "pt's" or "(i think", count as bounded).
pub(crate) fn bounded(text: &str, span: &Range<usize>) -> bool {
    let first = text[span.clone()].chars().next();
    let last = text[span.clone()].chars().next_back();
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let glued = |edge: Option<char>, side: Option<char>| {
        edge.is_some_and(char::is_alphanumeric) && side.is_some_and(char::is_alphanumeric)
    };
    !glued(first, before) && !glued(last, after)
}

/// True when nothing but spaces, quotes or brackets stand between the sentence start and `at`
/// (no window needed: the trim stops at the first other character).
pub(crate) fn sentence_initial(text: &str, at: usize) -> bool {
    let before =
        text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'‘“(*-—".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', ';', '…'])
}

const ENCOUNTER: u8 = 0;
const FICTION: u8 = 1;
const CONSENT: u8 = 2;
const WEAK_CONSENT: u8 = 3;
const FAMILY: u8 = 4;
const EXPLICIT_PATIENT: u8 = 5;

/// What the analysis found about a post.
#[derive(Default, Debug, Clone)]
pub(crate) struct Context {
    /// Spans of encounter cues ("admitted", "in clinic today").
    pub encounter: Vec<Range<usize>>,
    /// "my patient", "pt", "one of our own": a patient is meant outright.
    pub explicit_patient: bool,
    pub fiction: bool,
    pub consent: bool,
    pub weak_consent: bool,
    /// Where the weak consent is claimed ("(I think", "already public").
    pub weak_consent_spans: Vec<Range<usize>>,
    pub family: bool,
}

impl Context {
    /// Real, unqualified consent (and no weak-consent wording anywhere).
    pub fn real_consent(&self) -> bool {
        self.consent && !self.weak_consent
    }

    /// Something makes the post clean: fiction, real consent, or the poster's own/family story
    /// with no word saying a patient is meant.
    pub fn cleared(&self) -> bool {
        self.fiction || self.real_consent() || (self.family && !self.explicit_patient)
    }

    /// The post is about an individual patient and nothing clears it.
    pub fn is_patient(&self) -> bool {
        (self.explicit_patient || !self.encounter.is_empty()) && !self.cleared()
    }
}

/// The analyser. Built once (lazily) and shared by every rule that asks.
pub(crate) struct PatientContext {
    cues: WordList,
    /// "my 9yo patient", "our lovely patient" (singular only: `\b` rejects "patients").
    explicit: LazyRegex,
    /// "her hip referral", "his second operation".
    care: LazyRegex,
    /// One person described by age ("52yo woman", "a 44-year-old first-time mum"): a case.
    described: LazyRegex,
    /// A person placed in a clinical setting ("on our oncology ward", "in ICU").
    setting: LazyRegex,
    /// "the Darlington dad who…": one person picked out by what happened to them.
    who: LazyRegex,
    /// Hedging straight after a consent claim ("consented I think 😅"): not explicit consent.
    hedge: LazyRegex,
}

impl PatientContext {
    pub fn shared() -> &'static PatientContext {
        static SHARED: OnceLock<PatientContext> = OnceLock::new();
        SHARED.get_or_init(|| PatientContext {
            // Cue phrases from data/lexicon/hand/patient_cues.txt (and family.txt), in this order.
            cues: WordList::new(vec![
                (ENCOUNTER, PATIENT_CUES.phrases("cue=encounter")),
                (EXPLICIT_PATIENT, PATIENT_CUES.phrases("cue=explicit")),
                (FICTION, PATIENT_CUES.phrases("cue=fiction")),
                (CONSENT, PATIENT_CUES.phrases("cue=consent")),
                (WEAK_CONSENT, PATIENT_CUES.phrases("cue=weak-consent")),
                (FAMILY, [list::FAMILY.phrases("use=own"), PATIENT_CUES.phrases("cue=own-health")].concat()),
            ]),
            explicit: LazyRegex::new(r"\b(?:my|our|a|the|this) (?:[\w-]+ ){0,2}(?:patient|pt)\b"),
            described: LazyRegex::new(
                r"\b\d{1,3} ?(?:yo|y/o|y\.o\.|-?years?-old|-?yr-old|years? old)(?: [a-z-]+)? (?:man|woman|lady|gent|gentleman|girl|boy|lad|bloke|mum|dad|mother|father|grandmother|grandfather|grandma|grandad|nan|baby|toddler|teenager|teen|female|male|chap|fella)\b",
            ),
            hedge: LazyRegex::new(
                r"^[^.!?\n]{0,25}?(?:\bi think\b|\bi guess\b|\bi assume\b|\bprobably\b|\bmaybe\b|\bsort of\b|\bkind of\b|\bish\b|😅|🤞|🙈|😬)",
            ),
            who: LazyRegex::new(
                r"\bthe (?:[a-z-]+ )?(?:dad|mum|man|woman|lady|lad|bloke|girl|boy|gent|teenager|pensioner|toddler|baby) who\b",
            ),
            setting: LazyRegex::new(
                r"\b(?:on|in) (?:the|our|my) (?:[a-z&-]+ ){0,2}(?:ward|unit|bay)\b|\b(?:in|on) (?:icu|itu|hdu|ccu|nicu|picu|scbu)\b",
            ),
            care: LazyRegex::new(r"\b(?:her|his) (?:[\w-]+ ){0,3}(?:referral|admission|operation|op|biopsy|diagnosis|discharge|chemo|transplant)\b"),
        })
    }

    /// Analyses a lower-cased post (`Document::lower`). Rules use [`Document::patient_context`],
    /// which does this once per post.
    pub fn analyse(&self, lower: &str) -> Context {
        let mut ctx = Context::default();
        let mut first_family = None;
        for (span, tag) in self.cues.find(lower) {
            match tag {
                ENCOUNTER => ctx.encounter.push(span),
                EXPLICIT_PATIENT => ctx.explicit_patient = true,
                FICTION => ctx.fiction = true,
                CONSENT => {
                    ctx.consent = true;
                    if let Some(h) = self.hedge.find(&lower[span.end..]) {
                        ctx.weak_consent = true;
                        ctx.weak_consent_spans.push(span.start..span.end + h.end());
                    }
                }
                WEAK_CONSENT => {
                    ctx.weak_consent = true;
                    ctx.weak_consent_spans.push(span);
                }
                _ => {
                    first_family.get_or_insert(span.start);
                }
            }
        }
        ctx.explicit_patient |= self.explicit.is_match(lower);
        for pattern in [&self.care, &self.described, &self.setting, &self.who] {
            ctx.encounter
                .extend(pattern.find_iter(lower).map(|m| m.range()));
        }
        ctx.encounter.sort_by_key(|r| r.start);
        // The poster's own or family story, unless a patient encounter comes first.
        ctx.family = match (first_family, ctx.encounter.first()) {
            (Some(at), Some(e)) => at < e.start,
            (Some(_), None) => true,
            (None, _) => false,
        };
        // "patient" in "patients" (plural, aggregate) does not count; the word list is whole-word.
        ctx
    }
}

#[cfg(test)]
mod tests;
