use crate::testing::{check, flagged, spans_of, warned};
use crate::Severity;

fn coi_warnings(text: &str) -> Vec<(String, String)> {
    check(text)
        .into_iter()
        .filter(|f| {
            f.category.as_str() == "conflict_of_interest" && f.severity == Severity::Warning
        })
        .map(|f| (f.rule, f.text))
        .collect()
}

mod declarations;
mod handles;
mod readings;

#[test]
fn flags_an_undeclared_endorsement() {
    let text = "Honestly, Mounjaro is a game changer. Ask your GP about it 💪";
    assert_eq!(spans_of("undeclared-promotion", text), vec!["Mounjaro"]);
    let finding = check(text)
        .into_iter()
        .find(|f| f.rule == "undeclared-promotion")
        .unwrap();
    assert!(
        finding.message.contains("Mounjaro (Eli Lilly)"),
        "{}",
        finding.message
    );
    assert!(finding.fixes.iter().any(|f| f.replacement == "tirzepatide"));
}

#[test]
fn health_tech_and_private_providers_are_flagged() {
    for (text, span) in [
        (
            "Livi video GP appointments are honestly brilliant, so quick!",
            "Livi video",
        ),
        (
            "Switched to GP at Hand and never looked back 🙌",
            "GP at Hand",
        ),
        (
            "The Flo app is the best period tracker, download it!",
            "Flo app",
        ),
        (
            "Calm app is a lifesaver on nights. Get the subscription!",
            "Calm app",
        ),
        (
            "Pando has transformed our handovers. Every trust needs it.",
            "Pando",
        ),
        ("Voy made starting my weight loss jabs so easy 💉", "Voy"),
        (
            "Spire private hospital Bristol: best knee op I've seen",
            "Spire",
        ),
    ] {
        assert_eq!(spans_of("undeclared-promotion", text), vec![span], "{text}");
    }
    let declared = "Pando has transformed our handovers. For transparency, Pando pays me as a clinical adviser.";
    assert!(
        coi_warnings(declared).is_empty(),
        "{:?}",
        coi_warnings(declared)
    );
}

#[test]
fn everyday_words_that_name_apps_are_clean() {
    for text in [
        "Stay calm and ring the reg. You've got this 💪",
        "No clue why the bleep went off at 3am",
        "Manual handling training done online, again 🙄",
        "Flo in bay 4 is doing much better today",
    ] {
        assert!(
            coi_warnings(text).is_empty(),
            "{text}: {:?}",
            coi_warnings(text)
        );
    }
}

#[test]
fn a_sponsored_event_needs_the_posters_own_benefit() {
    assert_eq!(
        spans_of("sponsored-event", "Thanks @PfizerUK for the lunch today 🍕"),
        vec!["@PfizerUK"]
    );
    assert!(warned(
        "sponsored-event",
        "Booked on the Lilly-sponsored diabetes update, free dinner!"
    ));
    assert!(!flagged(
        "sponsored-event",
        "Speaking at the Bayer-sponsored webinar tonight. Declaration: I'm receiving an honorarium for this talk."
    ));
}

#[test]
fn generic_names_and_consumer_brands_are_clean() {
    for text in [
        "Apixaban vs warfarin in AF: fewer intracranial bleeds. Check the BNF 💊",
        "Semaglutide vs tirzepatide: how do they work? 🧵",
        "The vending machine has Twix AND Wotsits. 10/10",
        "Zoe in bed 4 is doing well",
    ] {
        assert!(
            check(text)
                .iter()
                .all(|f| f.category.as_str() != "conflict_of_interest"),
            "{text}"
        );
    }
}

#[test]
fn booking_calls_beside_a_promotion_are_flagged() {
    let text = "Morpheus8 results on my own jawline 😍 the best device I've used. DM to book!";
    assert_eq!(spans_of("service-promotion", text), vec!["DM to book"]);
    assert!(!flagged(
        "service-promotion",
        "Clinic is open, DM to book a flu jab slot"
    ));
}

#[test]
fn spans_survive_emoji_and_huge_posts() {
    let text = format!("😷🩸 {}", "Mounjaro is the best 💪 ".repeat(3000));
    let findings = check(&text);
    assert!(findings
        .iter()
        .any(|f| f.rule == "undeclared-promotion" && f.start == 5));
}

/// `cargo test --release --lib coi_rules_are_fast -- --ignored --nocapture`
#[test]
#[ignore = "timing check; meaningful only with --release"]
fn coi_rules_are_fast() {
    use crate::document::Document;
    use crate::rules::Rule;
    use crate::Config;

    let config = Config::default();
    let rules: Vec<Box<dyn Rule>> = crate::rules::registry(&config)
        .into_iter()
        .filter(|r| r.describe()[0].category == crate::Category::ConflictOfInterest)
        .collect();
    let paragraph = "Busy on call 😴 Honestly Mounjaro is a game changer @NovoNordiskUK, use code DRSAM20 \
        for 10% off at amzn.to/3Fx8Qz. Disclosure: speaker fees from Lilly. Thanks @PfizerUK for lunch!\n";
    for chars in [280, 63_206] {
        let text: String = paragraph
            .repeat(chars / paragraph.len() + 1)
            .chars()
            .take(chars)
            .collect();
        let runs = if chars < 1000 { 2000 } else { 20 };
        let start = std::time::Instant::now();
        for _ in 0..runs {
            let doc = crate::analysis::Post::new(Document::new(&text, &config));
            let mut hits = Vec::new();
            for rule in &rules {
                rule.check(&doc, &mut hits);
            }
            std::hint::black_box(hits);
        }
        println!("{chars} chars: {:?} per check", start.elapsed() / runs);
    }
}

#[test]
fn a_sponsored_clinic_with_promotion_is_a_sponsored_event() {
    let text = "Our Saturday skin clinic is sponsored by Medik8 and every patient goes home with a free goodie bag 🎁 Come and see us!";
    assert_eq!(spans_of("sponsored-event", text), vec!["Medik8"]);
    assert!(warned(
        "sponsored-event",
        "Tonight's menopause evening is kindly sponsored by Bayer, book your place"
    ));
    for text in [
        "[Sponsored] Our skin clinic is sponsored by Medik8 this month, come and see us",
        "Our skin clinic is sponsored by Medik8. Disclosure: Medik8 pays me a consultancy fee.",
    ] {
        assert!(
            coi_warnings(text).is_empty(),
            "{text}: {:?}",
            coi_warnings(text)
        );
    }
}

#[test]
fn the_generic_name_is_suggested_only_for_a_medicine_that_has_one() {
    let message = |text: &str| crate::testing::message_of("undeclared-promotion", text);
    assert!(message("Ozempic changed my patients' lives, ask your GP").contains("generic name"));
    assert!(!message("Loving my new Oral-B toothbrush, best ever").contains("generic"));
    assert!(!message("Medik8 is the best serum I have used, glowing skin").contains("generic"));
}
