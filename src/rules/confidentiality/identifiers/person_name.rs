//! `person-name`: a patient's name: a first name ("jim in bay 3", "Gary, 52,", "#PrayForLily"),
//! a full name ("Harold Pickering was the first patient…"), a title with a surname or initial
//! ("Mrs Henderson", "Mr K on Ward 4"), initials with an age ("JB, 54, tiler"), or a patient's
//! @handle ("@emma_runs_far my old patient").
//!
//! Why: a name identifies a patient on its own; *Using social media as a medical professional*
//! (2024) para 20 forbids posting identifiable patient information without explicit consent, and
//! the *Confidentiality* endnote lists names and initials among identifiers.
//!
//! Example: "Happy 94th birthday to Maureen in bed 6!" flags "Maureen", with a fix "the patient".
//!
//! Not flagged: colleagues ("Mr Okafor in theatre", "Dr Patel", "Sister Priya Patel", and the same
//! first name later in the post), saints and buildings ("St Oswald's"), and names in posts that the
//! patient-context analysis clears (fiction, real consent, the poster's own family).

use std::collections::HashSet;
use std::ops::Range;

use crate::pattern::LazyRegex;

use crate::analysis::patient_context::sentence_initial;
use crate::analysis::Post;
use crate::config::Config;
use crate::document::SpanSet;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::lexicon::people_places::{WordSet, FIRST_NAMES, FIRST_NAMES_COMMON_WORDS};
use crate::rules::Rule;

use super::GUIDANCE;
use words::{is_place, name_like_words};
use words::{word_set, COMMON, PLAIN};

pub struct PersonName {
    /// Plain first names and first names that are also everyday words.
    plain: &'static WordSet,
    common: &'static WordSet,
    word: LazyRegex,
    title: LazyRegex,
    initials: LazyRegex,
    hashtag: LazyRegex,
    handle: LazyRegex,
    colleague_before: LazyRegex,
    colleague_sentence: LazyRegex,
    patient_before: LazyRegex,
    tie_after: LazyRegex,
}

impl PersonName {
    pub fn new(_config: &Config) -> Self {
        PersonName {
            plain: word_set(&PLAIN, FIRST_NAMES),
            common: word_set(&COMMON, FIRST_NAMES_COMMON_WORDS),
            word: LazyRegex::new(r"\b[A-Za-z][a-z]+(?:[-'’][A-Z][a-z]+)?\b"),
            title: LazyRegex::new(
                r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.? ?(?:(O['’][A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?|Mc[A-Z][a-z]+)|([A-Z])(?:\.|\b))",
            ),
            initials: LazyRegex::new(
                r"\b(?:[A-Z]{2}|[A-Z]\. ?[A-Z]\.?|[A-Z]\.)(?:(?:, ?|,? \()(?:\d{1,3}\b|DOB|aged)| is \d{1,2}\b)",
            ),
            hashtag: LazyRegex::new(
                r"#(?i:(prayfor|prayersfor|justicefor|getwellsoon|getwell|thinkingof|staystrong|bestrong|bebrave|fightlike|fightfor|strongfor|healing|hugsfor|love|rip|team|support|standwith)([A-Z][a-z]+))\b|#([A-Z][a-z]+)(?:Strong|Army|Warrior|Fights|sFight|sJourney|sFight|sStory)\b",
            ),
            handle: LazyRegex::new(r"@[A-Za-z0-9_]{2,30}\b"),
            colleague_before: LazyRegex::new(
                r"(?i)(?:\b(?:dr|doctor|prof|professor|sister|sr|nurse|matron|consultant|registrar|reg|fy1|fy2|sho|ct1|st\d|hca|physio|pharmacist|midwife|porter|colleague|mentor|boss|st|saint|thanks|thank you|thanks to|cheers|my wife|my husband|my partner|my son|my daughter|my mum|my dad|my brother|my sister|my friend|with|and|team)\.?\s+(?:[A-Z][a-z]+\s+)?)$",
            ),
            colleague_sentence: LazyRegex::new(
                r"(?i)\b(?:theatre|theatres|operating list|consultant|surgeon|surgical|registrar|grand round|teaching|retired|trained|talk|colleague|colleagues|rota|award|#surgicaltraining|the (?:whole )?team|our team)\b",
            ),
            patient_before: LazyRegex::new(
                r"(?i)(?:\b(?:my|our|a|the) (?:old |oldest |lovely |favourite )?(?:patient|pt)|\bpt|\bpatient|\blittle|\bbaby|\brip|\brest in peace|\bdischarged|\bshout ?out to|\bbirthday to|\byour (?:dad|mum|mother|father|husband|wife|nan|gran|grandad|grandma|son|daughter|brother|sister))\s*,?\s*$",
            ),
            tie_after: LazyRegex::new(
                r"^(?:\s*,\s*\d{1,3}\b|\s*\(\s*(?:\d{1,3}\b|bay|bed|cubicle|side room)|\s+(?:in|on|from)\s+(?:[A-Za-z]+\s+){0,2}(?:bed|bay|cubicle|side room|room)\s*\d|\s+(?:in|on)\s+(?:ward|bay|bed)\s*\d|\s*,\s*(?:his|her) (?:wife|husband|daughter|son|mum|dad|mother|father)\b|'s (?:\d{1,3}(?:st|nd|rd|th)|funeral|diagnosis|scan|results|biopsy|surgery|operation|bloods|blood results|notes|x-ray|ct|mri|referral|prescription|meds|medication|discharge|obs|ecg|swab))",
            ),
        }
    }

    fn in_lexicon(&self, word: &str) -> bool {
        self.plain.contains(word) || self.common.contains(word)
    }

    fn is_name(&self, word: &str, strong: bool) -> bool {
        let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
        if self.plain.contains(word) {
            return capital || (strong && word.chars().count() >= 3);
        }
        strong && capital && self.common.contains(word)
    }
}

fn hit(span: Range<usize>, severity: Severity, message: &str, fix: &str) -> Hit {
    Hit::new(&INFO, severity, span, message, GUIDANCE)
        .with_fix(FixHit::replace(format!("Replace with \"{fix}\""), fix))
}

const NAME_MSG: &str = "This looks like a patient's name. A name (even a first name or a name in a hashtag) identifies the patient; don't post it without their explicit consent.";
const TITLE_MSG: &str = "A title with a name or initial, tied to a patient, can identify them to staff, visitors and family.";

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "person-name",
    category: Category::Confidentiality,
    description: "A patient's name, title and initial, initials with an age, or a name hashtag; not colleagues.",
};

impl Rule for PersonName {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let ctx = doc.patient_context();
        if ctx.cleared() {
            return;
        }
        let text = doc.text;
        let patient = ctx.is_patient();
        let severity = if patient {
            Severity::Warning
        } else {
            Severity::Info
        };
        // Names seen after a colleague title anywhere ("Sister Priya Patel" … "Priya and the team").
        // Most words are not names: one pass with a list lookup before any regex keeps this cheap.
        let candidates: Vec<Range<usize>> = name_like_words(text)
            .filter(|span| self.in_lexicon(&text[span.clone()]))
            .collect();
        let mut colleagues: HashSet<String> = HashSet::new();
        for span in &candidates {
            if self
                .colleague_before
                .is_match(doc.text_before(span.start, 11))
                && !patient_tied(self, text, span.clone())
            {
                colleagues.insert(text[span.clone()].to_lowercase());
            }
        }
        let flagged = self.titled(doc, patient, severity, hits);

        let mut next_flagged = 0;
        let mut brands: Option<SpanSet> = None;
        for span in candidates {
            let word = &text[span.clone()];
            // Title matches are in order, so only the first not yet passed can contain this word.
            while flagged
                .get(next_flagged)
                .is_some_and(|f| f.end <= span.start)
            {
                next_flagged += 1;
            }
            if flagged
                .get(next_flagged)
                .is_some_and(|f| f.start <= span.start && span.end <= f.end)
            {
                continue;
            }
            let before = doc.text_before(span.start, 11);
            let after = &text[span.end..];
            if before.ends_with(['@', '#']) || colleagues.contains(&word.to_lowercase()) {
                continue;
            }
            // "at Sheffield ICB", "from Chelsea": a place that is also a name.
            let locative = [" at ", " in ", " from ", " near "]
                .iter()
                .any(|p| before.ends_with(p));
            if locative && is_place(word) {
                continue;
            }
            if self.colleague_before.is_match(before) {
                continue;
            }
            // "Doreen Whitfield, 91": the tie may follow the surname.
            let surname_len = surname::surname_after(after, |w| self.plain.contains(w));
            let after_name = &after[surname_len.unwrap_or(0)..];
            let slot = self.patient_before.is_match(before)
                || self.tie_after.is_match(after)
                || self.tie_after.is_match(after_name);
            if !self.is_name(word, slot) {
                continue;
            }
            // "download Flo": a product the industry lexicon knows, not a patient.
            let brands = brands.get_or_insert_with(|| {
                doc.industry_mentions()
                    .iter()
                    .map(|b| b.span.clone())
                    .collect()
            });
            if brands.covers(&span) {
                continue;
            }
            // Institutions named after people: "Wills Memorial Building", "Alder Hey".
            let next = after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if matches!(
                next,
                "Hospital"
                    | "House"
                    | "Ward"
                    | "Road"
                    | "Street"
                    | "Surgery"
                    | "Medical"
                    | "Centre"
                    | "Building"
                    | "Memorial"
                    | "Park"
                    | "Court"
                    | "Hall"
                    | "School"
                    | "College"
                    | "Hospice"
                    | "Unit"
                    | "Lodge"
            ) {
                continue;
            }
            let sev = if slot {
                Severity::Warning
            } else if patient
                && (!sentence_initial(text, span.start) || full_name(self, after))
                && self.plain.contains(word)
                && ctx.explicit_patient
            {
                severity
            } else {
                continue;
            };
            // The whole name ("Arthur Bellamy"), so the fix leaves no surname behind.
            let end = span.end + surname_len.unwrap_or(0);
            hits.push(hit(span.start..end, sev, NAME_MSG, "the patient"));
        }
        self.encounter_surnames(doc, &colleagues, hits);

        self.tags_and_initials(doc, patient, hits);
    }
}

/// A capitalised surname follows ("Harold Pickering was…").
fn full_name(rule: &PersonName, after: &str) -> bool {
    after.starts_with(' ')
        && rule.word.find(after).is_some_and(|s| {
            s.start() == 1
                && s.as_str().starts_with(|c: char| c.is_ascii_uppercase())
                && !rule.plain.contains(&s.as_str().to_lowercase())
                && !rule.common.contains(&s.as_str().to_lowercase())
        })
}

/// The word is itself in a patient slot ("Sister" never is, but "Dr" + name next to "bed 4" may be
/// a patient's relative); kept simple: a bed/bay/age tie right after it.
fn patient_tied(rule: &PersonName, text: &str, span: Range<usize>) -> bool {
    rule.tie_after.is_match(&text[span.end..])
}

mod surname;
mod tags;
#[cfg(test)]
mod tests;
mod titles;
mod words;
