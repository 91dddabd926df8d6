//! Tests of the `person-name` rule.

use crate::testing::{flagged, spans_of, warned};

#[test]
fn flags_first_names_tied_to_patients() {
    assert!(warned(
        "person-name",
        "shoutout to jim in bay 3 who taught me cribbage on nights"
    ));
    assert!(warned(
        "person-name",
        "Bill (78) told me about the strike while I dressed his leg ulcer in clinic"
    ));
    assert!(warned(
        "person-name",
        "My patient Dev, 19, got his HbA1c down"
    ));
    assert_eq!(
        spans_of(
            "person-name",
            "Happy birthday to Maureen in bed 6! Whole ward sang"
        ),
        vec!["Maureen"]
    );
}

#[test]
fn flags_hashtags_titles_and_initials() {
    assert!(warned(
        "person-name",
        "#PrayForLily 🙏 our brave 7yo on the oncology ward"
    ));
    assert!(warned(
        "person-name",
        "Mr K on Ward 4 has refused his insulin"
    ));
    assert!(warned("person-name", "Mr Singh in side room 3 has C. diff"));
    assert!(warned(
        "person-name",
        "JB, 54, tiler, back in resus with a GI bleed"
    ));
}

#[test]
fn flags_wishes_for_one_person_in_hashtags_even_for_unlisted_names() {
    assert!(warned(
        "person-name",
        "#StayStrongAmira ❤️ the bravest 9 year old on our ward"
    ));
    assert!(warned("person-name", "#GetWellSoonZaviyar from all of us"));
    assert!(!flagged("person-name", "#PrayForUkraine #PrayForKeswick"));
    assert!(!flagged("person-name", "#TeamNHS #SupportOurNurses"));
}

#[test]
fn a_surname_with_an_apostrophe_is_not_an_initial() {
    assert!(!flagged(
        "person-name",
        "Dr Rahman, Ms O'Neill and the whole team on Ward 14 carried me through the winter"
    ));
    assert!(warned("person-name", "Mrs O in bed 3 is asking for you"));
}

#[test]
#[ignore = "a name with no slot or patient cue (\"Off to Dave's 60th\") needs world knowledge"]
fn bare_names_in_social_posts() {
    assert!(warned(
        "person-name",
        "Off to Dave's 60th tonight 🍻 15 years and now mates"
    ));
}

#[test]
fn the_word_scan_finds_what_the_word_pattern_finds() {
    let pattern =
        regex::Regex::new(r"(?-u:\b)[A-Za-z][a-z]+(?:[-'’][A-Z][a-z]+)?(?-u:\b)").unwrap();
    for text in [
        "Mary-Jane and O'Neill met McDonald at 3pm; Anna’s bed2 x_y",
        "😷jim in bay 3, Zoë, co-op Jean-Luc, it's, A-Z, ab-Cd-Ef, Tom-",
        "",
        "a",
        "Ab’",
        "élan Ëve Éric-Ann",
    ] {
        let expected: Vec<_> = pattern.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(
            super::name_like_words(text).collect::<Vec<_>>(),
            expected,
            "{text}"
        );
    }
}

#[test]
fn a_product_named_like_a_person_is_not_a_patient() {
    assert!(!flagged(
        "person-name",
        "PCOS patients: download Flo to track your cycle, it's brilliant"
    ));
    assert!(warned("person-name", "Flo in bay 4 is asking for you"));
}

#[test]
fn a_full_name_is_flagged_whole_so_the_fix_leaves_no_surname() {
    assert_eq!(
        spans_of("person-name", "Mrs Doreen Whitfield in bay 2 is doing well"),
        vec!["Mrs Doreen Whitfield"]
    );
    assert_eq!(
        spans_of(
            "person-name",
            "Doreen Whitfield, 91, came back to see us on the ward"
        ),
        vec!["Doreen Whitfield"]
    );
    crate::testing::assert_fix_result(
        "person-name",
        "Mrs Doreen Whitfield in bay 2 is doing well",
        "the patient in bay 2 is doing well",
    );
}

#[test]
fn a_surname_alone_after_an_encounter_is_a_patient() {
    assert_eq!(
        spans_of(
            "person-name",
            "Saw Hargreaves again in clinic today, much better."
        ),
        vec!["Hargreaves"]
    );
    assert!(warned(
        "person-name",
        "Reviewed Sutcliffe on the ward this morning, chest sounds clearer"
    ));
    assert!(warned(
        "person-name",
        "Reviewed Mr Hargreaves in clinic, his knee is better"
    ));
}

#[test]
fn a_surname_alone_needs_both_the_encounter_and_what_follows() {
    // No encounter verb: a team, a journal, a place.
    assert!(!flagged(
        "person-name",
        "Hargreaves again in the league table"
    ));
    // An encounter verb, but nothing that makes the word a patient seen.
    assert!(!flagged(
        "person-name",
        "Saw Hargreaves Hall from the train"
    ));
    // A first name after "saw" is a different question, not a surname alone.
    assert!(!flagged(
        "person-name",
        "Saw Taylor Swift in concert last night"
    ));
    // Everyday words that are also surnames (Baker, Brown) are left out.
    assert!(!flagged(
        "person-name",
        "Saw Brown again today, the rain is back"
    ));
    // A colleague named as one earlier in the post.
    assert!(!flagged(
        "person-name",
        "Dr Hargreaves was brilliant on call. Saw Hargreaves again in clinic today"
    ));
}
