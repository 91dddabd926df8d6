//! Tests of the `jigsaw` rule.

use crate::testing::{check, flagged, warned};

#[test]
fn warns_when_details_add_up() {
    assert!(warned("jigsaw-identification", "Interesting one from last night's take. 45F, primary school teacher in Didsbury, seizure in the classroom"));
    assert!(warned(
        "jigsaw-identification",
        "Olympic rowing medallist in my sports med clinic today, can't say more"
    ));
    assert!(warned("jigsaw-identification", "Saw the head teacher of a primary school in Hebden Bridge in memory clinic today. Early-onset Alzheimer's at 52."));
}

#[test]
fn details_in_other_words_add_up_too() {
    assert!(warned("jigsaw-identification", "Delivered twins this morning for a 44yo first-time mum who's a midwife on our own unit in Truro. IVF after 9 years of trying"));
    assert!(warned(
        "jigsaw-identification",
        "52yo woman, ventilated in ICU at Addenbrooke's after the M11 pile-up on Tuesday"
    ));
}

#[test]
fn a_named_practice_is_a_place_but_a_specialty_is_not() {
    let places = |text: &str| {
        check(text)
            .into_iter()
            .filter(|f| f.rule == "jigsaw-identification")
            .map(|f| f.text)
            .collect::<Vec<_>>()
    };
    assert!(places(
        "My oldest patient at Meadowbank Surgery died peacefully at 98, a land girl in the war"
    )
    .iter()
    .any(|t| t.contains("Meadowbank Surgery")));
    assert!(
        !places("Saw a 34-year-old in clinic; she works in General Practice")
            .iter()
            .any(|t| t.contains("Practice"))
    );
}

#[test]
fn a_colleague_with_a_title_is_no_direct_identifier() {
    assert!(!warned(
        "jigsaw-identification",
        "Shout out to Mr Hughes, our consultant urologist, who stayed until 11pm to finish the list 🙌"
    ));
}

#[test]
fn single_teaching_point_is_only_a_reminder() {
    assert!(!warned(
        "jigsaw-identification",
        "Saw a 70-year-old man with chest pain today that turned out to be a PE. Always think PE!"
    ));
}

#[test]
fn fixes_generalise_the_age() {
    let f = check("Admitted a 34-year-old teacher from Leeds last night with a rare condition");
    let age = f
        .iter()
        .find(|f| f.rule == "jigsaw-identification" && f.text.contains("34"))
        .unwrap();
    assert_eq!(age.fixes[0].replacement, "in their 30s");
}

#[test]
fn ignores_clean_contexts() {
    assert!(!flagged(
        "jigsaw-identification",
        "Teaching case (fictional): 68M, crushing central chest pain, admitted from Leeds"
    ));
    assert!(!flagged(
        "jigsaw-identification",
        "If you're aged 40 to 74 and live in England, you're entitled to a free NHS Health Check"
    ));
    assert!(!flagged(
        "jigsaw-identification",
        "Had my own gallbladder out last week at Derriford, admitted for 2 days"
    ));
}

#[test]
#[ignore = "a unique role in a small place without any listed detail word needs world knowledge"]
fn unlisted_unique_roles() {
    assert!(warned(
        "jigsaw-identification",
        "Saw the lighthouse keeper's widow from Fair Isle today"
    ));
}

#[test]
fn an_occupation_a_place_and_a_person_add_up() {
    assert!(warned(
        "jigsaw-identification",
        "Looked after the farrier who came off his bike at Hexham yesterday. Cheerful for a man with a broken hip"
    ));
    assert!(warned(
        "jigsaw-identification",
        "Delivered triplets at 4am for the headmaster's wife in Ludlow"
    ));
}

#[test]
fn vague_times_are_reminders_even_when_the_post_warns() {
    let found = check("Bed 14 has pulled out his NG tube again tonight, 3rd time this week");
    assert!(found
        .iter()
        .filter(|f| f.rule == "jigsaw-identification" && f.text.to_lowercase().contains("tonight"))
        .all(|f| f.severity == crate::Severity::Info));
}

#[test]
fn remembering_a_colleague_is_not_a_case() {
    assert!(!flagged(
        "jigsaw-identification",
        "RIP Dr Ann Lowe, GP in Kendal for 30 years and the reason I became a doctor"
    ));
}

#[test]
fn a_company_after_from_is_not_a_place() {
    let found = check(
        "Saw a 34-year-old teacher from Keswick in resus. Disclosure: speaker fees from Lilly.",
    );
    assert!(found
        .iter()
        .any(|f| f.rule == "jigsaw-identification" && f.text == "from Keswick"));
    assert!(!found
        .iter()
        .any(|f| f.rule == "jigsaw-identification" && f.text.contains("Lilly")));
}
