//! `person-name`'s titles: "Mrs Whitfield", "Mr K", "Mrs Doreen Whitfield" tied to a patient
//! (a bed, a bay, an encounter, an age), and not a colleague's ("our consultant Mr Hughes").

use std::ops::Range;

use crate::analysis::Post;
use crate::finding::{Hit, Severity};

use super::{hit, surname, PersonName, TITLE_MSG};

impl PersonName {
    /// The titled names tied to a patient, as hits; returns their spans, in order.
    pub(super) fn titled(
        &self,
        doc: &Post,
        patient: bool,
        severity: Severity,
        hits: &mut Vec<Hit>,
    ) -> Vec<Range<usize>> {
        let text = doc.text;
        let mut flagged: Vec<Range<usize>> = Vec::new();

        for c in self.title.captures_iter(text) {
            let whole = c.get(0).expect("match");
            let mut span = whole.range();
            // "Mrs Doreen Whitfield": a first name after the title, then the surname.
            if c.get(1)
                .is_some_and(|first| self.plain.contains(first.as_str()))
            {
                if let Some(len) =
                    surname::surname_after(&text[span.end..], |w| self.plain.contains(w))
                {
                    span.end += len;
                }
            }
            let sent = &doc.lower[doc.sentence_near(&span)];
            let tied = self.tie_after.is_match(&text[span.end..])
                || surname::encounter_before().is_match(doc.text_before(span.start, 7))
                || sent.contains("bed ")
                || sent.contains("bay ")
                || sent.contains("side room")
                || (sent.contains("ward") && !self.colleague_sentence.is_match(sent));
            let colleague = !tied
                && (self
                    .colleague_before
                    .is_match(doc.text_before(span.start, 11))
                    || self.colleague_sentence.is_match(sent)
                    || text[span.end..].starts_with("'s list")
                    || text[span.end..].starts_with("'s clinic"));
            if colleague {
                continue;
            }
            // Surnames are tried first, so "Ms O'Neill" is a surname, not the initial O.
            let initial = c.get(2).is_some();
            let female = !whole.as_str().starts_with("Mr") || whole.as_str().starts_with("Mrs");
            let her_care = female && (sent.contains(" her ") || sent.contains(" she "));
            if initial || tied || patient || her_care {
                let sev = if initial || tied || her_care {
                    Severity::Warning
                } else {
                    severity
                };
                hits.push(hit(span.clone(), sev, TITLE_MSG, "the patient"));
                flagged.push(span);
            }
        }
        flagged
    }
}
