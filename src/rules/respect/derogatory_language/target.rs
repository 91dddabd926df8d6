//! Whom a derogatory term is about, so the message speaks to it: a patient, a colleague, or
//! (when the sentence says neither or both) either.

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::Document;
use crate::pattern::LazyRegex;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Target {
    Patient,
    Colleague,
    Either,
}

fn patient_cues() -> &'static LazyRegex {
    static RE: OnceLock<LazyRegex> = OnceLock::new();
    RE.get_or_init(|| {
        LazyRegex::new(
            r"(?i)\b(?:patients?|pts?|bed ?\d|bay ?\d|cubicle|side room|frequent fl[iy]ers?|attenders?|bed ?blockers?|relatives|next of kin|in again|back again|admitted|discharged|triage|waiting room|self[- ]discharged?|drunks?|gomers?|acopia)\b",
        )
    })
}

fn colleague_cues() -> &'static LazyRegex {
    static RE: OnceLock<LazyRegex> = OnceLock::new();
    RE.get_or_init(|| {
        LazyRegex::new(
            r"(?i)\b(?:colleagues?|nurses?|doctors?|consultants?|registrars?|regs?|fy[12]s?|f[12]s?|shos?|locums?|juniors?|surgeons?|physicians?|anaesthetists?|radiologists?|paramedics?|pharmacists?|physios?|midwi(?:fe|ves)|porters?|receptionists?|managers?|management|dr\.? [a-z]+|mr\.? [a-z]+ (?:the|our) surgeon|department|dept|on[- ]call team|rota)\b",
        )
    })
}

/// The target of the term at `span`, judged from its sentence (a bounded window of it, so long text stays linear).
pub(super) fn target(doc: &Document, span: &Range<usize>) -> Target {
    let sentence = &doc.text[doc.sentence_near(span)];
    match (
        patient_cues().is_match(sentence),
        colleague_cues().is_match(sentence),
    ) {
        (true, false) => Target::Patient,
        (false, true) => Target::Colleague,
        _ => Target::Either,
    }
}

pub(super) const ABOUT_PATIENT: &str = "This is derogatory language about a patient. Contempt for \
    a patient in a public post, even one who is not named, damages the trust patients place in you \
    and in the profession; describe the situation, not the person.";

pub(super) const ABOUT_COLLEAGUE: &str = "This is derogatory language about a colleague. \
    Colleagues are owed courtesy and respect in public too; raise real concerns through proper \
    routes.";

impl Target {
    /// The message for this target; `either` when it cannot be told.
    pub(super) fn message(self, either: &'static str) -> &'static str {
        match self {
            Target::Patient => ABOUT_PATIENT,
            Target::Colleague => ABOUT_COLLEAGUE,
            Target::Either => either,
        }
    }
}
