use super::*;

fn ctx(text: &str) -> Context {
    PatientContext::shared().analyse(&text.to_ascii_lowercase())
}

#[test]
fn encounters_are_patient_context() {
    assert!(ctx("Saw a 70-year-old man in clinic today").is_patient());
    assert!(ctx("pt still waiting for a bed").is_patient());
    assert!(ctx("On call last night, admitted a lad with DKA").is_patient());
}

#[test]
fn a_person_described_by_age_or_placed_on_a_unit_is_a_case() {
    assert!(ctx("52yo woman, ventilated after the pile-up on Tuesday").is_patient());
    assert!(ctx("Delivered twins for a 44yo first-time mum this morning").is_patient());
    assert!(ctx("the bravest 9 year old on our oncology ward").is_patient());
    assert!(ctx("Still in ICU but improving").is_patient());
    assert!(ctx("the Darlington dad who got stabbed on Friday is stable").is_patient());
}

#[test]
fn hedged_consent_is_weak() {
    assert!(ctx("Pt consented I think 😅 so here's the rash").is_patient());
    assert!(ctx("She consented, probably, when I asked").weak_consent);
    assert!(!ctx("She consented in writing. Admitted in May").is_patient());
}

#[test]
fn groups_and_services_are_not_a_case() {
    assert!(!ctx("Women aged 50 to 71 are invited for screening every 3 years").is_patient());
    assert!(!ctx("Our ICU team is recruiting: Band 5 and 6 nurses").is_patient());
    assert!(!ctx("The 5 year old vaccine schedule has changed").is_patient());
}

#[test]
fn clean_contexts_are_not() {
    assert!(!ctx("Teaching case (fictional): 68M admitted with chest pain").is_patient());
    assert!(!ctx("Had my own gallbladder out, admitted overnight").is_patient());
    assert!(!ctx("With her permission, sharing Jo's story: admitted in May").is_patient());
    assert!(!ctx("7.6 million on the waiting list in England").is_patient());
}

#[test]
fn weak_consent_does_not_clear() {
    assert!(ctx("Was admitted Friday. Her husband says it's fine to share").is_patient());
    assert!(ctx("She's happy for me to share (I think). Seen in clinic").is_patient());
    assert!(ctx("It's already public. Was admitted with her permission").is_patient());
}

#[test]
fn helpers_respect_char_boundaries() {
    let text = "😷 résumé. Next";
    assert!(sentence_initial(text, text.find("Next").unwrap()));
    assert!(bounded("a pt b", &(2..4)));
    assert!(!bounded("apt", &(1..3)));
}
