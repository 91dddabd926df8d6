//! Any input gives well-formed findings and never a panic: spans and parts inside the text, on
//! UTF-16 boundaries that never split a surrogate pair, and `text` equal to the range it names.

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
        // Parts: sorted, inside the text, disjoint from the span and each other.
        let mut previous_end = 0;
        for p in &f.parts {
            assert!(
                p.start < p.end && p.end <= units.len(),
                "{p:?} of {}",
                f.rule
            );
            assert!(bounds.binary_search(&p.start).is_ok() && bounds.binary_search(&p.end).is_ok());
            assert_eq!(String::from_utf16_lossy(&units[p.start..p.end]), p.text);
            assert!(
                p.start >= previous_end,
                "parts of {} overlap or are unsorted",
                f.rule
            );
            assert!(
                p.end <= f.start || p.start >= f.end,
                "a part of {} overlaps its span",
                f.rule
            );
            previous_end = p.end;
        }
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

/// One post-like piece repeated many times, with or without a separator: the shape that made
/// settling and per-mention scans quadratic.
fn repetitive() -> impl Strategy<Value = String> {
    (
        post_like(),
        prop_oneof![Just(""), Just(" "), Just(". "), Just("\n")],
        1..200usize,
    )
        .prop_map(|(piece, separator, times)| format!("{piece}{separator}").repeat(times))
}

/// Self-contained lines whose findings do not depend on the rest of the post: repeating one
/// must repeat every highlighted range, each shifted by the line's length, while the concerns
/// stay as many as in one line (the repeats are parts of the same findings).
const INDEPENDENT_LINES: &[&str] = &[
    "NHS no 943 476 5919\n\n",
    "email jo@example.com\n\n",
    "Postcode SW1A 1AA\n\n",
    "Mrs K bed 4\n\n",
];

proptest! {
    // Fewer cases: each input is up to a few hundred times longer than a post.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn repetitive_text_gives_well_formed_findings(text in repetitive()) {
        assert_well_formed(&text, &checker().check(&text));
    }

    #[test]
    fn repeating_an_independent_line_repeats_its_findings(
        line in prop::sample::select(INDEPENDENT_LINES),
        times in 1..200usize,
    ) {
        let once = checker().check(line);
        prop_assert!(!once.is_empty());
        let all = checker().check(&line.repeat(times));
        prop_assert_eq!(all.len(), once.len());
        let width = line.encode_utf16().count();
        let mut expected: Vec<_> = (0..times)
            .flat_map(|k| ranges(&once).into_iter().map(move |(r, s, e)| (r, s + k * width, e + k * width)))
            .collect();
        expected.sort();
        prop_assert_eq!(ranges(&all), expected);
        for (f, g) in all.iter().zip(&once) {
            prop_assert_eq!(&f.message, &g.message);
        }
    }

    #[test]
    fn any_string_gives_well_formed_findings(text in any::<String>()) {
        assert_well_formed(&text, &checker().check(&text));
    }

    #[test]
    fn post_like_text_gives_well_formed_findings(text in post_like()) {
        assert_well_formed(&text, &checker().check(&text));
    }
}

/// Every highlighted range (span and parts) with its rule, sorted.
fn ranges(findings: &[Finding]) -> Vec<(String, usize, usize)> {
    let mut all: Vec<_> = findings
        .iter()
        .flat_map(|f| {
            std::iter::once((f.start, f.end))
                .chain(f.parts.iter().map(|p| (p.start, p.end)))
                .map(|(s, e)| (f.rule.clone(), s, e))
        })
        .collect();
    all.sort();
    all
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

/// A megabyte of one short patient reference ("Mrs K bed 4 " over and over, no full stop):
/// every repetition is highlighted (as parts of one finding), and the run finishes (it took 17 s when settling was quadratic;
/// `benches/check.rs` times it).
#[test]
fn one_megabyte_of_one_repeated_reference() {
    let unit = "Mrs K bed 4 ";
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    let findings = checker().check(&text);
    assert_well_formed(&text, &findings);
    let beds: usize = findings
        .iter()
        .filter(|f| f.text == "bed 4")
        .map(|f| 1 + f.parts.iter().filter(|p| p.text == "bed 4").count())
        .sum();
    assert_eq!(beds, text.matches("bed 4").count());
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
