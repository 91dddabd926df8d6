//! `patient-reference`: a bed, bay, cubicle or side-room number tied to a patient ("the lady in
//! bed 4", "Mr Singh in side room 3", "Cubicle 14's family"), and a ward number when a person is
//! placed on it ("Her mum's been on Ward 21", "We'll look after him on Ward 2").
//!
//! Why: staff, visitors and family can link a bed or bay to one person on a given day; *Using
//! social media as a medical professional* (2024) paras 19–20 and *Confidentiality* (2017) para 121.
//!
//! Example: "no because why did bed 11 just ask me if I'm single" flags "bed 11", with a fix that
//! replaces it with "a patient".
//!
//! Not flagged: ward names with no patient ("Ward 23 is recruiting", "everyone on Ward 7"), bed
//! numbers quoted as a general point ("we still call patients 'bay 3'"), fictional cases.

use crate::pattern::LazyRegex;

use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

const GUIDANCE: &[&str] = &["sm-2024-19", "sm-2024-20", "conf-2017-121"];

pub struct PatientReference {
    place: LazyRegex,
    ward: LazyRegex,
    person: LazyRegex,
    team: LazyRegex,
    /// Work on the bay itself ("Bay 3 has been refurbished"): the number names a room, not a person.
    facility: LazyRegex,
}

impl PatientReference {
    pub fn new(_config: &Config) -> Self {
        PatientReference {
            place: LazyRegex::new(
                r"(?i)\b(?:bed|bay|cubicle|cubical|cube|side[- ]?room|isolation room|trolley|resus)\s?(?:no\.?\s?)?\d{1,3}[a-z]?\b(?:,? ?bed \d{1,3}\b)?",
            ),
            ward: LazyRegex::new(r"(?i)\bwards? \d{1,3}[a-z]?\b(?: and \d{1,3}\b)?"),
            person: LazyRegex::new(
                r"(?i)\b(?:he|she|him|her|his|pt|pt's|patient|mum|mum's|dad|dad's|mr|mrs|ms|miss|lady|gent|man|woman|girl|boy|baby|grandad|nan)\b",
            ),
            facility: LazyRegex::new(
                r"(?i)\b(?:refurbish\w*|renovat\w*|repaint\w*|redecorat\w*|re-?opened|reopens?|opened|opens|closed|closes|closing|closure|deep[- ]?clean\w*|new (?:beds|windows|equipment|monitors|curtains|flooring|bathroom)|call bells|fundrais\w*|donat\w*|upgraded?|leaking|roof|heating|air con\w*)\b",
            ),
            team: LazyRegex::new(
                r"(?i)\b(?:team|recruit\w*|hiring|staff|nurses|award|everyone|rota|thanks|welcome|vacanc\w+|jobs?)\b",
            ),
        }
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "patient-reference",
    category: Category::Confidentiality,
    description: "A bed, bay, cubicle, side-room or ward number tied to a patient.",
};

impl Rule for PatientReference {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let ctx = doc.patient_context();
        if ctx.fiction || ctx.real_consent() {
            return;
        }
        let text = doc.text;
        for m in self.place.find_iter(text) {
            let span = m.range();
            let before = text[..span.start].chars().next_back();
            let after = text[span.end..].chars().next();
            let quoted = matches!(before, Some('\'' | '"' | '‘' | '“'))
                && matches!(after, Some('\'' | '"' | '’' | '”'));
            if quoted {
                continue;
            }
            let sent = &text[doc.sentence_near(&span)];
            if self.facility.is_match(sent) && !self.person.is_match(sent) {
                continue;
            }
            // A numbered bed or cubicle almost always stands for the person in it.
            let severity = Severity::Warning;
            // "in bed 4" -> "in a bed"; "bed 11 asked me" -> "a patient asked me".
            let placed = [" in", " on", " to", " from", " at", " into"]
                .iter()
                .any(|p| text[..span.start].trim_end().ends_with(p));
            let fix = if placed {
                let matched = m.as_str();
                let digits = matched
                    .find(|c: char| c.is_ascii_digit())
                    .unwrap_or(matched.len());
                let noun = matched[..digits]
                    .trim()
                    .trim_end_matches('.')
                    .trim_end_matches("no")
                    .trim()
                    .to_lowercase();
                FixHit::replace("Remove the number", format!("a {noun}"))
            } else {
                FixHit::replace("Replace with \"a patient\"", "a patient")
            };
            hits.push(
                Hit::new(&INFO, severity,
                    span,
                    "A bed, bay or cubicle number tied to a patient lets staff, visitors and family work out who it is.",
                    GUIDANCE,
                )
                .with_fix(fix),
            );
        }
        for m in self.ward.find_iter(text) {
            let span = m.range();
            let sent_span = doc.sentence_near(&span);
            let sent = &text[sent_span];
            if self.team.is_match(sent) || !self.person.is_match(sent) {
                continue;
            }
            hits.push(
                Hit::new(
                    &INFO,
                    Severity::Warning,
                    span,
                    "Placing a patient on a named ward, with other details, can identify them.",
                    GUIDANCE,
                )
                .with_fix(FixHit::replace("Replace with \"the ward\"", "the ward")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of, warned};

    #[test]
    fn flags_beds_bays_and_cubicles() {
        assert_eq!(
            spans_of(
                "patient-reference",
                "why did bed 11 just ask me if I'm single 💀"
            ),
            vec!["bed 11"]
        );
        assert!(warned(
            "patient-reference",
            "Today's drunk in cubicle 6 threw up on my shoes"
        ));
        assert!(warned(
            "patient-reference",
            "Bay 2 Bed 4, 58M, self-discharged at 2am"
        ));
        assert!(warned(
            "patient-reference",
            "Mr Singh in side room 3 has C. diff"
        ));
    }

    #[test]
    fn fixes_keep_the_sentence_readable() {
        use crate::testing::assert_fix_result;
        assert_fix_result(
            "patient-reference",
            "Saw Mrs K in bed 4 today",
            "Saw Mrs K in a bed today",
        );
        assert_fix_result(
            "patient-reference",
            "Lady in Side room 2 is asking for you",
            "Lady in a side room is asking for you",
        );
        assert_fix_result(
            "patient-reference",
            "why did bed 11 just ask me if I'm single",
            "why did a patient just ask me if I'm single",
        );
    }

    #[test]
    fn ignores_work_on_the_bay_itself() {
        assert!(!flagged(
            "patient-reference",
            "Bay 3 on Ward 12 has finally been refurbished — new windows, new beds, working call bells! 🎉"
        ));
        assert!(!flagged(
            "patient-reference",
            "Side room 2 is closed for a deep clean until Monday"
        ));
        assert!(warned(
            "patient-reference",
            "Side room 2 is closed because he has norovirus"
        ));
    }

    #[test]
    fn flags_a_ward_with_a_person_on_it() {
        assert!(warned(
            "patient-reference",
            "Her mum's been on Ward 21 at the QE since Friday"
        ));
    }

    #[test]
    #[ignore = "room numbers without a side-room/cubicle word are too ambiguous (meeting room 3)"]
    fn plain_room_numbers() {
        assert!(flagged(
            "patient-reference",
            "the lady in room 3 keeps pressing the buzzer"
        ));
    }
}
