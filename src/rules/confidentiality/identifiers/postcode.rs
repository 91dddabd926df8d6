//! `postcode`: a full UK postcode in a post.
//!
//! Why: a full postcode covers a handful of households, so with any other detail it points to a
//! patient's home. The GMC lists postcodes among identifiers (*Confidentiality* education
//! endnote; *Using social media as a medical professional* (2024) paras 19–20).
//!
//! Example: "Pt at PL4 8AA, 86F, housebound" — a warning, with fixes that remove the postcode or
//! keep only its district ("PL4").
//!
//! Full postcodes only (outward + inward code, spaced or not), with a real postcode area and the
//! BS 7666 letter rules: third letter of A9A from ABCDEFGHJKPSTUW, fourth of AA9A from
//! ABEHMNPRVWXY, inward letters never C, I, K, M, O or V. An outward code alone ("BS1") is not
//! flagged. A postcode announced as a service's location ("our new hub at LS9 7TF opens
//! Monday") is only `info` unless the words around it point to a patient.

use crate::pattern::LazyRegex;

use super::GUIDANCE;
use crate::analysis::identifier_context::{after, before, Cues};
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

/// UK postcode areas (two letters first so they win over their one-letter prefixes).
const AREAS: &str =
    "AB|AL|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|\
DG|DH|DL|DN|DT|DY|EC|EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|\
LA|LD|LE|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|\
SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE|\
B|E|G|L|M|N|S|W";

/// Words that place a patient at the address.
const PATIENT: &str =
    "pt|patient|home visit|visit|visits|lives|living|address|house|home|flat|her|his|him|she|\
he|their|lady|gent|man|woman|boy|girl|baby|child|mum|dad|family|found|collapsed|brought";
/// Words that announce a service's location.
const SERVICE: &str =
    "our|hub|clinic|surgery|practice|centre|center|hospital|opens|open|opening|located|venue|\
pharmacy|office|conference|event|parking|unit|site|service|hq|headquarters|campus|\
building";

pub struct Postcode {
    pattern: LazyRegex,
    patient: Cues,
    patient_after: Cues,
    service: Cues,
    service_after: Cues,
}

impl Postcode {
    pub fn new(_config: &Config) -> Self {
        let pattern = format!(
            r"(?i-u)(?-u:\b)(?:GIR ?0AA|(?:{AREAS})[0-9][0-9A-Z]? ?[0-9][ABD-HJLNP-UW-Z]{{2}})(?-u:\b)"
        );
        Postcode {
            pattern: LazyRegex::new(pattern),
            patient: Cues::new(PATIENT),
            patient_after: Cues::new("pt|patient"),
            service: Cues::new(SERVICE),
            service_after: Cues::new("opens|open"),
        }
    }
}

/// The BS 7666 rules the pattern cannot express, and consistent letter case.
fn well_formed(code: &str) -> bool {
    let compact: Vec<u8> = code.bytes().filter(|b| *b != b' ').collect();
    let letters = || code.chars().filter(char::is_ascii_alphabetic);
    if !(letters().all(|c| c.is_ascii_uppercase()) || letters().all(|c| c.is_ascii_lowercase())) {
        return false;
    }
    let outward = &compact[..compact.len() - 3];
    let up = |b: u8| b.to_ascii_uppercase();
    match outward {
        // A9A: third position letter.
        [a, d, l] if a.is_ascii_alphabetic() && d.is_ascii_digit() && l.is_ascii_alphabetic() => {
            b"ABCDEFGHJKPSTUW".contains(&up(*l))
        }
        // AA9A: fourth position letter.
        [_, b, d, l]
            if b.is_ascii_alphabetic() && d.is_ascii_digit() && l.is_ascii_alphabetic() =>
        {
            b"ABEHMNPRVWXY".contains(&up(*l))
        }
        _ => true,
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "postcode",
    category: Category::Confidentiality,
    description: "A full UK postcode.",
};

impl Rule for Postcode {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        for m in self.pattern.find_iter(doc.text) {
            let code = m.as_str();
            if !well_formed(code) {
                continue;
            }
            let near = before(doc, m.start(), 11);
            let next = after(doc, m.end(), 6);
            let patient = self.patient.in_text(near) || self.patient_after.in_text(next);
            let service = self.service.in_text(near) || self.service_after.in_text(next);
            let (severity, message) = if service && !patient {
                (
                    Severity::Info,
                    "This is a full postcode. Fine for a service's address, but a patient's postcode points to their home.",
                )
            } else {
                (
                    Severity::Warning,
                    "This looks like a full postcode. A postcode covers only a few homes, so with other details it can identify a patient.",
                )
            };
            let compact = code.replace(' ', "");
            let district = compact[..compact.len() - 3].to_string();
            hits.push(
                Hit::new(&INFO, severity, m.range(), message, GUIDANCE)
                    .with_fix(FixHit::replace("Remove the postcode", ""))
                    .with_fix(FixHit::replace(
                        format!("Keep only the district ({district})"),
                        district,
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{fixed_texts, flagged, spans_of, warned};

    #[test]
    fn flags_full_postcodes() {
        for code in [
            "M1 1AA", "M60 1NW", "W1A 1HQ", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "GIR 0AA",
        ] {
            assert!(flagged("postcode", code), "{code}");
        }
        assert_eq!(
            spans_of("postcode", "From SW1A 1AA to ec1a1bb"),
            vec!["SW1A 1AA", "ec1a1bb"]
        );
    }

    #[test]
    fn a_home_visit_postcode_is_a_warning() {
        assert!(warned(
            "postcode",
            "Home visits today: 6, all in BD3 and the one at BD3 8QX has a dog"
        ));
        assert!(warned("postcode", "Pt at PL4 8AA, 86F, housebound"));
    }

    #[test]
    fn a_service_location_is_a_reminder() {
        assert!(flagged(
            "postcode",
            "Our new phlebotomy hub at LS9 7TF opens Monday"
        ));
        assert!(!warned(
            "postcode",
            "Our new phlebotomy hub at LS9 7TF opens Monday"
        ));
    }

    #[test]
    fn rejects_invalid_letters_and_partial_codes() {
        for text in [
            "QA1 1AA",
            "VA1 1AA",
            "XA1 1AA",
            "M1 1CA",
            "M1 1AI",
            "1A1 1AA",
            "ABCM11AADEF",
        ] {
            assert!(!flagged("postcode", text), "{text}");
        }
        assert!(!flagged("postcode", "all in BD3 today"));
        assert!(!flagged("postcode", "vitamin B12 1mg and D3 2000iu"));
        assert!(!flagged("postcode", "Bd3 8qX"));
    }

    #[test]
    fn offers_a_district_fix() {
        assert_eq!(
            fixed_texts("postcode", "Pt at PL4 8AA today"),
            ["Pt at today", "Pt at PL4 today"]
        );
    }

    #[test]
    #[ignore = "a valid-looking code in a non-postcode sense (e.g. a part number) is still flagged"]
    fn part_numbers_that_look_like_postcodes() {
        assert!(!flagged("postcode", "replace filter SE1 7PB in the fridge"));
    }
}
