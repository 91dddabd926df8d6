//! Any input gives well-formed findings and never a panic: spans inside the text, on UTF-16
//! boundaries that never split a surrogate pair, and `text` equal to the span it names.

use proptest::prelude::*;
use second_opinion::{Checker, Config, Finding};
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Config::default()))
}

/// UTF-16 offsets of every char boundary, including the end.
fn boundaries(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut all = vec![0];
    for c in text.chars() {
        at += c.len_utf16();
        all.push(at);
    }
    all
}

fn assert_well_formed(text: &str, findings: &[Finding]) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let bounds = boundaries(text);
    let mut previous_start = 0;
    for f in findings {
        assert!(
            f.start <= f.end && f.end <= units.len(),
            "{f:?} outside {} units",
            units.len()
        );
        assert!(
            bounds.binary_search(&f.start).is_ok() && bounds.binary_search(&f.end).is_ok(),
            "{f:?} splits a char"
        );
        assert_eq!(String::from_utf16_lossy(&units[f.start..f.end]), f.text);
        assert!(f.start >= previous_start, "findings not sorted");
        previous_start = f.start;
        assert!(!f.guidance.is_empty(), "{} cites no guidance", f.rule);
        for fix in &f.fixes {
            let (s, e) = (fix.start.unwrap_or(f.start), fix.end.unwrap_or(f.end));
            assert!(s <= e && e <= units.len(), "fix {fix:?} outside the text");
            assert!(bounds.binary_search(&s).is_ok() && bounds.binary_search(&e).is_ok());
        }
    }
}

/// Text made of the pieces posts are made of, so rules actually fire on generated input.
fn post_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("943 476 5919".to_string()),
        Just("NHS no ".to_string()),
        Just("Mrs K in bed 4 ".to_string()),
        Just("Mounjaro".to_string()),
        Just("Disclosure: ".to_string()),
        Just("use my code DRJO20".to_string()),
        Just("07700 900614".to_string()),
        Just("SW1A 1AA".to_string()),
        Just("34-year-old teacher ".to_string()),
        Just("😷".to_string()),
        Just("👩🏽‍⚕️".to_string()),
        Just("שלום مرحبا".to_string()),
        Just("\u{202E}".to_string()),
        Just("\n".to_string()),
        Just("@NovoNordiskUK ".to_string()),
        "[a-zA-Z0-9 .,#@:/-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_gives_well_formed_findings(text in any::<String>()) {
        assert_well_formed(&text, &checker().check(&text));
    }

    #[test]
    fn post_like_text_gives_well_formed_findings(text in post_like()) {
        assert_well_formed(&text, &checker().check(&text));
    }
}

#[test]
fn empty_text_has_no_findings() {
    assert!(checker().check("").is_empty());
}

#[test]
fn one_megabyte_of_mixed_text() {
    let unit = "😷 Mr K bed 4 943 476 5919 Mounjaro שלום 🙂 a@b.co ";
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    assert!(text.len() >= 1_000_000);
    assert_well_formed(&text, &checker().check(&text));
}

#[test]
fn emoji_before_a_match_does_not_shift_it() {
    let plain = checker().check("write to jo@example.com");
    let emoji = checker().check("😷write to jo@example.com");
    let shift = |fs: &[Finding]| {
        fs.iter()
            .find(|f| f.rule == "email-address")
            .map(|f| f.start)
    };
    assert_eq!(shift(&emoji), shift(&plain).map(|s| s + 2));
}
