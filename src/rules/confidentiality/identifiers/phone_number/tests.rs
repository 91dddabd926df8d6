use crate::testing::{flagged, spans_of, warned};

#[test]
fn flags_uk_numbers_in_common_groupings() {
    for n in [
        "07700 900123",
        "07700900123",
        "020 7946 0123",
        "0113 496 0000",
        "01632 960001",
        "(020) 7946 0123",
        "+44 7700 900461",
        "+44 (0)20 7946 0123",
        "+44 (20) 7123 4567",
    ] {
        assert_eq!(
            spans_of("phone-number", &format!("ring {n} now")),
            vec![n],
            "{n}"
        );
    }
}

#[test]
fn a_relatives_number_is_a_warning() {
    assert!(warned(
        "phone-number",
        "Pt's daughter left 07700 900482 as the contact"
    ));
}

#[test]
fn an_identifier_label_before_a_comma_is_not_this_numbers() {
    assert!(warned(
        "phone-number",
        "Pt NHS no 943 476 5919, call 07700 900614"
    ));
}

#[test]
fn own_and_service_numbers_are_reminders() {
    assert!(!warned(
        "phone-number",
        "feel free to WhatsApp me on 07700 900614"
    ));
    assert!(!warned(
        "phone-number",
        "National Breastfeeding Helpline on 0300 100 0212"
    ));
    assert!(!warned("phone-number", "call the ward on 0113 496 0123"));
    assert!(!warned(
        "phone-number",
        "Flu clinics on Saturday at the health centre. Ring 020 7946 0999 to book"
    ));
}

#[test]
fn international_and_north_american_numbers() {
    assert!(flagged("phone-number", "call +1 415 555 0132"));
    assert!(flagged("phone-number", "US: (415) 555-0132"));
    assert!(flagged("phone-number", "US: 415-555-0132"));
    assert!(flagged("phone-number", "my phone number is 4258829090"));
    assert!(flagged("phone-number", "+33 1 42 68 53 00"));
    assert_eq!(
        spans_of("phone-number", "phones 052 5552606 074-7111234"),
        vec!["052 5552606", "074-7111234"]
    );
}

#[test]
fn ignores_short_numbers_dates_and_identifiers() {
    assert!(!flagged(
        "phone-number",
        "call NHS 111 or Samaritans on 116 123"
    ));
    assert!(!flagged("phone-number", "bleep 4471 and ext 2203"));
    assert!(!flagged("phone-number", "DOB 03/07/1961 and 01.02.2023"));
    assert!(!flagged("phone-number", "at 10.30 on 01.02.2023 07.30"));
    assert_eq!(
        spans_of("phone-number", "(helpline 0300 123 1110)"),
        vec!["0300 123 1110"]
    );
    assert!(!flagged(
        "phone-number",
        "re 709-679-2902?? Bleeped 4 times"
    ));
    assert!(!flagged("phone-number", "order no. 4410293857"));
    assert!(!flagged("phone-number", "ISBN 0192862987"));
    assert!(!flagged(
        "phone-number",
        "see https://x.com/i/status/07700900123"
    ));
}

#[test]
#[ignore = "a bare digit run with no phone word is not recognised (too many false alarms)"]
fn bare_foreign_mobile_without_context() {
    assert!(flagged("phone-number", "ping 13812345678 later"));
}
