//! Surnames for `person-name`: a surname that completes a first name or a title ("Doreen
//! Whitfield", "Mrs Doreen Whitfield"), and a surname alone right after an encounter ("Saw
//! Hargreaves again in clinic").
//!
//! The surname list is the generated vocabulary `data/lexicon/surnames.txt` (sources and licence
//! in its header); entries tagged `word` (Baker, Brown, Hall) are everyday words and are left out
//! of the surname-alone check, where a capitalised word after "saw" is too often something else.

use std::sync::LazyLock;

use crate::lexicon::list::{capitalised, RULE_WORDS};
use std::ops::Range;
use std::sync::OnceLock;

use std::collections::HashSet;

use super::{hit, is_place, name_like_words, PersonName, NAME_MSG};
use crate::analysis::Post;
use crate::finding::{Hit, Severity};
use crate::lexicon::people_places::{WordSet, SURNAMES};
use crate::pattern::LazyRegex;

/// Surnames that are not everyday words, looked up ignoring case without allocating.
fn surnames() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(SURNAMES))
}

pub(super) fn is_surname(word: &str) -> bool {
    surnames().contains(word)
}

/// The capitalised word right after `after`'s leading space, as a byte range of `after`
/// ("Whitfield" in " Whitfield, 91"): the shape of a surname, "O'Neill" and "Mc…" included.
pub(super) fn next_capitalised(after: &str) -> Option<Range<usize>> {
    static WORD: OnceLock<LazyRegex> = OnceLock::new();
    let word = WORD.get_or_init(|| {
        LazyRegex::new(r"^ (?:O['’])?(?:Mc|Mac)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?\b")
    });
    let m = word.find(after)?;
    // "Whitfield's" is still the surname; "Hargreaves-" is not a word end the regex can see.
    Some(1..m.end())
}

/// Words written with a capital after a name that are not surnames: the start of the next clause
/// or a place, month or weekday.
fn is_clause_word(word: &str) -> bool {
    // Capitalised words that are no surname (`list=not-surname` in rule_words.txt).
    static NOT_SURNAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
        RULE_WORDS
            .lemmas("list=not-surname")
            .map(capitalised)
            .collect()
    });
    NOT_SURNAMES.iter().any(|w| w == word)
}

/// The surname completing a name whose text continues with `after`: how many bytes of `after` it
/// takes (space included), or None.
pub(super) fn surname_after(after: &str, is_first_name: impl Fn(&str) -> bool) -> Option<usize> {
    let span = next_capitalised(after)?;
    let word = &after[span.clone()];
    (!is_clause_word(word) && !is_first_name(word)).then_some(span.end)
}

/// An encounter verb right before: "saw", "reviewed", "clerked"… ("again" may follow).
pub(super) fn encounter_before() -> &'static LazyRegex {
    static RE: OnceLock<LazyRegex> = OnceLock::new();
    RE.get_or_init(|| {
        LazyRegex::new(
            r"(?i)\b(?:saw|seen|see|seeing|reviewed|reviewing|review|clerked|clerking|admitted|admitting|discharged|discharging|examined|visited|treated|treating|operated on|scanned|consented|bled|phoned|rang)\s+(?:again\s+)?$",
        )
    })
}

/// What follows a surname alone that makes it a patient seen rather than, say, a journal or a
/// team: a time, a place of care or a repeat ("again", "in clinic", "this morning", "'s bloods").
pub(super) fn encounter_after() -> &'static LazyRegex {
    static RE: OnceLock<LazyRegex> = OnceLock::new();
    RE.get_or_init(|| {
        LazyRegex::new(
            r"(?i)^(?:\s+again\b|\s+(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|last (?:night|week)|earlier)\b|\s+(?:in|on|at) (?:the )?(?:clinic|ward|resus|majors|minors|ed|a&e|theatre recovery|home|surgery|her home|his home|the practice|bay|bed|side room|ambulatory|sdec|day unit)\b|\s+for the (?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th)) time\b|['’]s (?:bloods|results|scan|biopsy|notes|obs|ecg|x-ray|wound|leg|knee|hip|chest|review))",
        )
    })
}

impl PersonName {
    /// "Saw Hargreaves again in clinic": a listed surname, not a first name, a place or a
    /// colleague, between an encounter verb and a time, place of care or repeat.
    pub(super) fn encounter_surnames(
        &self,
        doc: &Post,
        colleagues: &HashSet<String>,
        hits: &mut Vec<Hit>,
    ) {
        let text = doc.text;
        let surnames: Vec<Range<usize>> = name_like_words(text)
            .filter(|span| {
                let word = &text[span.clone()];
                word.starts_with(|c: char| c.is_ascii_uppercase())
                    && is_surname(word)
                    && !self.in_lexicon(word)
            })
            .collect();
        // "Dr Hargreaves … saw Hargreaves again": named as a colleague anywhere in the post.
        let colleague_surnames: HashSet<&str> = surnames
            .iter()
            .filter(|span| {
                self.colleague_before
                    .is_match(doc.text_before(span.start, 11))
            })
            .map(|span| &text[span.clone()])
            .collect();
        for span in surnames {
            let word = &text[span.clone()];
            if is_place(word)
                || colleagues.contains(&word.to_lowercase())
                || colleague_surnames.contains(word)
                || !encounter_before().is_match(doc.text_before(span.start, 7))
                || !encounter_after().is_match(&text[span.end..])
            {
                continue;
            }
            hits.push(hit(span, Severity::Warning, NAME_MSG, "the patient"));
        }
    }
}
