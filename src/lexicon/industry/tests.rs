use super::*;
use crate::config::Config;

/// The mentions in `text`, read as a post.
fn find(text: &str) -> Vec<Mention> {
    Lexicon::get().find(&Document::new(text, &Config::default()))
}

fn labels(text: &str) -> Vec<&'static str> {
    find(text).into_iter().map(|m| m.label).collect()
}

fn spans(text: &str) -> Vec<&str> {
    find(text).into_iter().map(|m| &text[m.span]).collect()
}

#[test]
fn lists_are_big_enough_and_consistent() {
    // Building panics on an owner, parent or `of=` name its list lacks.
    let lexicon = Lexicon::get();
    assert!(
        lexicon.companies.len() >= 150,
        "{}",
        lexicon.companies.len()
    );
    assert!(brand_count() >= 400, "{}", brand_count());
}

#[test]
fn company_names_are_sorted_for_autocomplete() {
    let names = company_names();
    assert!(names.contains(&"Novo Nordisk") && names.contains(&"Holland & Barrett"));
    assert!(names
        .windows(2)
        .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
}

#[test]
fn finds_brands_with_their_makers() {
    let text = "Mounjaro vs Wegovy, and the FreeStyle Libre 3";
    let found = find(text);
    let makers: Vec<_> = found
        .iter()
        .map(|m| Lexicon::get().companies[m.owners[0]].name)
        .collect();
    assert_eq!(makers, vec!["Eli Lilly", "Novo Nordisk", "Abbott"]);
    assert_eq!(spans(text), vec!["Mounjaro", "Wegovy", "FreeStyle Libre 3"]);
}

#[test]
fn finds_handles_listed_and_unlisted() {
    assert_eq!(labels("thanks @NovoNordiskUK!"), vec!["Novo Nordisk"]);
    assert_eq!(
        labels("thanks @AbbottNews and @CeraVeUK"),
        vec!["Abbott", "CeraVe"]
    );
    assert_eq!(labels("ping @GSKUK"), vec!["GSK"]);
    assert!(labels("email me at sam@pfizer.com").is_empty());
    assert!(labels("hi @sarahm_fit").is_empty());
}

#[test]
fn extends_over_model_numbers() {
    assert_eq!(
        spans("the Butterfly iQ3 and Dexcom G7 and Morpheus8"),
        vec!["Butterfly iQ3", "Dexcom G7", "Morpheus8"]
    );
}

#[test]
fn never_matches_generic_names() {
    assert!(
        labels("semaglutide, tirzepatide, paracetamol, ibuprofen, inclisiran, apixaban").is_empty()
    );
}

#[test]
fn ordinary_words_and_first_names_need_capitals_or_context() {
    for text in [
        "Zoe was admitted overnight",
        "stay calm and carry on",
        "in the right headspace",
        "Ensure you check the dose",
        "the ordinary way",
        "she wore boots",
        "figs are high in fibre",
        "Lilly is doing well after surgery",
        "night nurse on the ward",
        "freestyle swimming",
        "a tandem bike",
        "Diane Abbott spoke today",
        "the Guardian reported",
    ] {
        assert!(labels(text).is_empty(), "{text}: {:?}", labels(text));
    }
    assert_eq!(labels("The ZOE app"), vec!["ZOE"]);
    assert_eq!(labels("Lilly-sponsored update"), vec!["Eli Lilly"]);
    assert_eq!(
        labels("fees from Lilly & Novo Nordisk"),
        vec!["Eli Lilly", "Novo Nordisk"]
    );
    assert_eq!(labels("my new Figs scrubs"), vec!["Figs scrubs"]);
}

#[test]
fn glued_words_are_not_mentions() {
    assert!(labels("Botoxed? seeNytol, Calpolx").is_empty());
    assert_eq!(labels("#Mounjaro"), vec!["Mounjaro"]);
}

#[test]
fn curly_apostrophes_match() {
    assert_eq!(labels("L’Oréal and L'Oreal"), vec!["L'Oréal", "L'Oréal"]);
}

#[test]
fn never_panics_on_odd_text() {
    let text = "😷 @ @é @AbbottNewsé Mounjaro😷 ‏שלום Wegovy".repeat(200);
    for m in find(&text) {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
}

#[test]
fn finds_online_doctors_pharmacies_and_health_apps() {
    for (text, label) in [
        ("Booked a Livi GP appointment for tomorrow", "Livi"),
        ("Livi video consults are so quick", "Livi"),
        ("Try the Livi app tonight", "Livi"),
        ("I registered with GP at Hand last year", "Babylon Health"),
        ("Babylon's app was brilliant", "Babylon Health"),
        ("The Flo app is the best period tracker", "Flo Health"),
        ("Calm is the only app that gets me to sleep", "Calm"),
        ("I log everything in the Clue app", "Clue"),
        ("Pando is how our team hands over", "Pando"),
        ("Voy got me started on weight loss jabs", "Voy"),
        ("Started with Manual.co last month", "Manual"),
        ("Juniper's online weight loss programme", "Juniper"),
        ("Numan and Hims & Hers both sell it", "Numan"),
        ("Push Doctor for a quick sick note", "Push Doctor"),
        ("Asda Online Doctor now sells it", "Asda Online Doctor"),
        (
            "Simple Online Doctor sent it next day",
            "Simple Online Pharmacy",
        ),
        ("Spire private hospital in Bristol", "Spire Healthcare"),
        ("Circle runs the private hospital here", "Circle Health"),
        ("Ramsay Health Care run the unit", "Ramsay Health Care"),
        ("went private at the London Clinic", "The London Clinic"),
        ("BetterHelp therapy for £50 a week", "BetterHelp"),
    ] {
        let found = labels(text);
        assert!(found.contains(&label), "{text}: {found:?}");
    }
}

#[test]
fn everyday_words_behind_app_names_are_not_mentions() {
    for text in [
        "stay calm and keep going",
        "Calm night on call, only two admissions",
        "no clue what happened overnight",
        "Clue: the troponin was normal",
        "the flo of patients through ED",
        "Flo in bay 4 is much better today",
        "Livi was discharged home with her mum",
        "Manual handling training done online 🙄",
        "read the manual before using the app",
        "circle the date for the teaching day",
        "Circle back to the ward later",
        "the church spire next to the hospital",
        "push the doctor to review her",
        "a London clinic for refugees",
        "Juniper berries are not a treatment",
        "the Babylon exhibition at the British Museum",
        "HCA on nights was brilliant",
    ] {
        assert!(labels(text).is_empty(), "{text}: {:?}", labels(text));
    }
}

#[test]
fn every_company_has_a_known_sector() {
    for company in &Lexicon::get().companies {
        assert!(
            SECTORS.contains(&company.sector),
            "{}: sector {:?}",
            company.name,
            company.sector
        );
    }
}
