//! `phone-number`: a telephone number in a post.
//!
//! Why: a phone number identifies a person on its own, and a relative's number tied to a patient
//! identifies the patient too. The GMC lists contact details among identifiers that must not be
//! shared without consent (*Using social media as a medical professional* (2024) para 20; *Good
//! medical practice* (2024) para 88).
//!
//! Example: "Pt's daughter left 07700 900482 as the contact" — a warning, with a fix that removes
//! the number.
//!
//! Recognised: UK national numbers (0 + 9 or 10 digits in the usual groupings, `(020) 7946 0123`),
//! `+44` forms (`+44 7700 900461`, `+44 (0)20 7946 0123`, `+44 (20) 7123 4567`), other `+`
//! international numbers, other countries' trunk-0 numbers (`090-1234-5678`), and North American
//! `(415) 555-0132` / `415-555-0132`. Bare digit runs (`4258829090`) count only after a word
//! such as "phone", "mobile" or "number".
//!
//! Only `info`: numbers announced as a helpline, switchboard or service, non-geographic 03/08/09
//! numbers, and the poster's own number ("WhatsApp me on …"; the boundaries rules weigh that).
//! Ofcom drama-range numbers are treated like real ones. A 10-digit number that passes the NHS
//! checksum is left to `nhs-number` unless a phone word precedes it.

use std::ops::Range;

use super::GUIDANCE;
use crate::analysis::identifier_context::{before, mod11_valid, Cues, NOT_PATIENT, PHONE};
use crate::analysis::Post;
use crate::config::Config;
use crate::document::Document;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct PhoneNumber {
    phone: Cues,
    call: Cues,
    identifier: Cues,
    not_patient: Cues,
    patient_side: Cues,
    own_or_service: Cues,
}

impl PhoneNumber {
    pub fn new(_config: &Config) -> Self {
        PhoneNumber {
            phone: Cues::new(PHONE),
            call: Cues::new(CALL),
            identifier: Cues::new(IDENTIFIER),
            not_patient: Cues::new(NOT_PATIENT),
            patient_side: Cues::new(PATIENT_SIDE),
            own_or_service: Cues::new(OWN_OR_SERVICE),
        }
    }
}

/// Words that make a bare digit run a phone number.
const CALL: &str = "number|no|no.|num|call|ring|text|contact|dial|reach";
/// Words that say the number is an identifier, not a phone.
const IDENTIFIER: &str = "nhs|chi|mrn|hosp|hospital no|h&c|unit no";
/// Words tying a number to a patient or their family.
const PATIENT_SIDE: &str =
    "pt|patient|daughter|son|wife|husband|partner|mum|mother|dad|father|relative|nok|\
next of kin|carer|sister|brother|niece|nephew|grandson|granddaughter|her|his|their|\
family|lady|gent|man|woman";
/// Words announcing the poster's own number or a public service number.
const OWN_OR_SERVICE: &str =
    "me|my|our|us|helpline|hotline|line|freephone|switchboard|reception|practice|surgery|\
service|clinic|appointments|office|team|samaritans|childline|charity|advice|support|\
enquiries|bookings|ward|department|dept|unit|pharmacy|hospital|bleep|ext|extension|desk|\
clinics|centre|center|book|to book|booking|walk in|walk-in|flu|jabs|vaccination|vaccinations";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    International,
    Trunk,
    /// North American; `true` when written with separators or brackets.
    Nanp(bool),
    /// Digits only a phone word makes a phone number.
    NeedsCue,
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "phone-number",
    category: Category::Confidentiality,
    description: "A UK telephone number.",
};

impl Rule for PhoneNumber {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        for chain in chains(doc.text) {
            let mut i = 0;
            while i < chain.len() {
                if !can_start(doc.text, &chain, i) {
                    i += 1;
                    continue;
                }
                let best = (i..chain.len().min(i + 7))
                    .rev()
                    .find_map(|j| shape(doc.text, &chain[i..=j]).map(|s| (j, s)));
                let Some((j, shape)) = best else {
                    i += 1;
                    continue;
                };
                let mut span = chain[i].start..chain[j].end;
                let head = &doc.text[..span.start];
                let closed = doc.text[chain[i].end..].starts_with(')');
                if head.ends_with('+') || (head.ends_with('(') && closed) {
                    span.start -= 1;
                }
                if let Some(hit) = self.judge(doc, span, &chain[i..=j], shape) {
                    hits.push(hit);
                }
                i = j + 1;
            }
        }
    }
}

/// Runs of ASCII digit groups joined by short separators (space, dash, dot, brackets).
fn chains(text: &str) -> Vec<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let mut chains: Vec<Vec<Range<usize>>> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        let joined = current.last().is_some_and(|prev| {
            let gap = &bytes[prev.end..start];
            (1..=3).contains(&gap.len())
                && gap.iter().all(|b| b" .-()".contains(b))
                && gap.iter().filter(|&&b| b == b' ').count() <= 1
        });
        if !joined && !current.is_empty() {
            chains.push(std::mem::take(&mut current));
        }
        current.push(start..at);
    }
    if !current.is_empty() {
        chains.push(current);
    }
    chains
}

/// Whether a number may start at group `i` of a chain: not inside a dotted date or decimal, and
/// after a dash only behind a short country code ("91-415-555-0132", not "01-02-2023").
fn can_start(text: &str, chain: &[Range<usize>], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = &text[chain[i - 1].end..chain[i].start];
    if gap.contains('.') {
        return false;
    }
    !gap.contains('-')
        || (i == 1 && chain[0].len() <= 3 && !text[chain[0].clone()].starts_with('0'))
}

/// What the digit groups look like as a phone number, if anything.
fn shape(text: &str, groups: &[Range<usize>]) -> Option<Shape> {
    let first = &text[groups[0].clone()];
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let total: usize = lens.iter().sum();
    let head = &text[..groups[0].start];
    let prev = head.chars().next_back();
    if prev.is_some_and(|c| c.is_alphanumeric() || "/_=#@&?%£$€\\".contains(c)) {
        return None;
    }
    let tail = &text[groups[groups.len() - 1].end..];
    if tail
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || "/_%".contains(c))
    {
        return None;
    }
    if head.ends_with('+') {
        let national: usize = match first {
            "44" => groups[1..]
                .iter()
                .filter(|g| &text[(*g).clone()] != "0")
                .map(|g| g.len())
                .sum(),
            "1" => total - 1,
            _ => return (8..=15).contains(&total).then_some(Shape::International),
        };
        let ok = if first == "44" {
            (9..=10).contains(&national)
        } else {
            national == 10
        };
        return ok.then_some(Shape::International);
    }
    if first.starts_with('0') && !first.starts_with("00") && first.len() >= 2 && groups.len() <= 4 {
        // "01.02.2023 07" is a date and a time, not a number.
        let date_like = lens.len() > 1 && lens[0] <= 2 && lens[1] <= 2;
        return ((9..=11).contains(&total) && !date_like).then_some(Shape::Trunk);
    }
    let nanp_ok = |d: &[u8]| d.len() == 10 && d[0] >= b'2' && d[3] >= b'2';
    let digits: Vec<u8> = groups
        .iter()
        .flat_map(|g| text[g.clone()].bytes())
        .collect();
    let bracketed = head.ends_with('(') && text[groups[0].end..].starts_with(')');
    let separated = groups.len() > 1
        && groups.windows(2).all(|w| {
            let gap = &text[w[0].end..w[1].start];
            gap.contains(['-', '.', ')'])
        });
    match lens.as_slice() {
        [3, 3, 4] if nanp_ok(&digits) => Some(Shape::Nanp(bracketed || separated)),
        [1, 3, 3, 4] if first == "1" && nanp_ok(&digits[1..]) => Some(Shape::Nanp(separated)),
        [3, 7] | [10] if nanp_ok(&digits) => Some(Shape::NeedsCue),
        [10] | [11] => Some(Shape::NeedsCue),
        _ => None,
    }
}

impl PhoneNumber {
    /// Applies the context: skip, remind or warn.
    fn judge(
        &self,
        doc: &Document,
        span: Range<usize>,
        groups: &[Range<usize>],
        shape: Shape,
    ) -> Option<Hit> {
        let near = before(doc, span.start, 6);
        let phone_word = self.phone.in_text(near);
        let called = phone_word || self.call.in_text(near);
        // An identifier label labels this number only from within its own clause: in
        // "NHS no 943 476 5919, call 07700 900614" the label belongs to the first number.
        let clause = near.rfind([',', ';']).map_or(near, |i| &near[i + 1..]);
        if self.identifier.in_text(clause) && !phone_word {
            return None;
        }
        if self.not_patient.in_text(near) && !phone_word {
            return None;
        }
        let digits: Vec<u8> = doc.text[span.clone()]
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        let nhs_shaped = matches!(
            groups
                .iter()
                .map(|g| g.len())
                .collect::<Vec<_>>()
                .as_slice(),
            [10] | [3, 3, 4]
        );
        if nhs_shaped && mod11_valid(&digits) && !phone_word {
            return None;
        }
        if shape == Shape::NeedsCue && !called {
            return None;
        }
        let non_geographic = shape == Shape::Trunk
            && (digits.starts_with(&[0, 3])
                || digits.starts_with(&[0, 8])
                || digits.starts_with(&[0, 9]));
        let patient = self.patient_side.in_text(near);
        let public = self.own_or_service.in_text(near) || non_geographic;
        let foreign_guess = matches!(shape, Shape::Nanp(false) | Shape::NeedsCue) && !called;
        let (severity, message) = if patient {
            (Severity::Warning, "This looks like a phone number linked to a patient or their family. Posting it can identify them.")
        } else if public {
            (Severity::Info, "This looks like a phone number for you or a service. Fine if it is meant to be public, but never post a patient's or relative's number.")
        } else if foreign_guess {
            (
                Severity::Info,
                "This may be a phone number. If it belongs to a patient or their family, remove it.",
            )
        } else {
            (Severity::Warning, "This looks like a phone number. If it belongs to a patient or someone close to them, posting it can identify them.")
        };
        Some(
            Hit::new(&INFO, severity, span, message, GUIDANCE)
                .with_fix(FixHit::replace("Remove the phone number", "")),
        )
    }
}

#[cfg(test)]
mod tests;
