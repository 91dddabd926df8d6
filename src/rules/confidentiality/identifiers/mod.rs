//! Identifiers: numbers, codes, contact details, dates of birth and names that point at one
//! person. Their shared cues (labels, checksums, dates) are in
//! [`crate::analysis::identifier_context`]; the 10-digit numbers the NHS and CHI rules both read
//! are found once per post ([`crate::analysis::Post::ten_digit_numbers`]).

pub(crate) mod chi_number;
pub(crate) mod date_of_birth;
pub(crate) mod email_address;
pub(crate) mod hospital_number;
pub(crate) mod nhs_number;
pub(crate) mod ni_number;
pub(crate) mod person_name;
pub(crate) mod phone_number;
pub(crate) mod postcode;

/// The guidance every identifier finding cites: the social-media guidance on identifiable
/// information (para 20), Good medical practice on confidentiality (para 88) and what the
/// confidentiality guidance counts as an identifier.
const GUIDANCE: &[&str] = &["sm-2024-20", "gmp-2024-88", "conf-identifiers"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::Rule;

    #[test]
    fn identifier_rules_never_panic_and_keep_char_boundaries() {
        use crate::config::Config;
        use Rule;
        let config = Config::default();
        let rules: Vec<Box<dyn Rule>> = vec![
            Box::new(chi_number::ChiNumber::new(&config)),
            Box::new(nhs_number::NhsNumber::new(&config)),
            Box::new(phone_number::PhoneNumber::new(&config)),
            Box::new(ni_number::NiNumber::new(&config)),
            Box::new(postcode::Postcode::new(&config)),
            Box::new(hospital_number::HospitalNumber::new(&config)),
            Box::new(date_of_birth::DateOfBirth::new(&config)),
        ];
        let alphabet: Vec<&str> = vec![
            "0",
            "1",
            "4",
            "7",
            "9",
            " ",
            "-",
            ".",
            "/",
            "(",
            ")",
            "+",
            "+44 ",
            "nhs no ",
            "pt ",
            "dob ",
            "born on ",
            "mrn ",
            "hosp no. ",
            "AB",
            "M1 ",
            "1AA",
            "\u{212a}",
            "é",
            "😷",
            "\u{202e}",
            "مرحبا",
            "\n",
            "chi ",
            "helpline ",
            "march ",
            "'s",
            "ş",
            "K",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let doc = crate::analysis::Post::new(Document::new(&text, &config));
            let mut hits = Vec::new();
            for rule in &rules {
                rule.check(&doc, &mut hits);
            }
            for hit in hits {
                assert!(text.is_char_boundary(hit.span.start), "{text:?}");
                assert!(text.is_char_boundary(hit.span.end), "{text:?}");
                assert!(hit.span.start < hit.span.end, "{text:?}");
            }
        }
    }
}
