//! Which declarations clear a mention: wordings, the right company, "no conflicts" beside a code,
//! declarations elsewhere, and the doctor's declared interests and standing declaration.

use super::coi_warnings;
use crate::testing::{check, check_with, flagged, spans_of, warned};
use crate::Severity;

#[test]
fn a_declaration_anywhere_clears_it() {
    for text in [
        "DOI: consultancy fees from Lilly & Novo Nordisk. Mounjaro vs Wegovy is out 🧵",
        "Paid partnership with @CeraVeUK 💙 Their cream is what I use.",
        "Great Libre data (DOI: I'm an unpaid member of Abbott's clinical advisory panel).",
        "Standard reminder that im a shareholder in Numan so pinch of salt — their pathway is great.",
        "Long explainer about Forxiga and Jardiance.\n\nDeclarations: I have received honoraria from AstraZeneca and Boehringer Ingelheim.",
        "No conflicts to declare — I have no financial links with Dexcom. The G7 warm-up is great.",
        "I designed this app (so, obvious bias!) and Thriva-style tests are next",
        "#sponsored Working with @SuperdrugOD this month",
    ] {
        assert!(coi_warnings(text).is_empty(), "{text}: {:?}", coi_warnings(text));
    }
}

#[test]
fn declarations_in_many_wordings_clear_it() {
    for text in [
        "Juvederm Volbella for lips, every time. In the interests of transparency, Allergan pays me as a trainer.",
        "Declared: I'm an Allergan trainer. Juvederm is my go-to filler.",
        "Interests declared: I train injectors for Galderma. Restylane Kysse is lovely.",
        "Juvederm is the filler I trust. Allergan pay me to teach, so bear that in mind.",
        "#collab with Allergan 💉 Juvederm Volite for skin quality",
        "For transparency: Galderma pays for my training days. Restylane Skinboosters are great.",
        "Full transparency - I'm paid by Dexcom. The G7 is brilliant.",
        "Transparency: I consult for Dexcom. The G7 warm-up is so quick.",
        "I should mention that Abbott pays me for talks. The FreeStyle Libre 3 is tiny.",
        "Dexcom sponsor my podcast. Their G7 is the best CGM out there!",
        "Big fan of the Dexcom G7 #gifted",
        "The Oura ring is great for sleep tracking #partner",
        "Love my Oura ring #BrandAmbassador",
        "Proud ambassador for ZO Skin Health — the serum is incredible.",
        "I work with Allergan as a trainer and Juvederm is the one I use.",
        "I'm a speaker for Novo Nordisk. Wegovy results are impressive.",
        "Wegovy works. I sit on Novo Nordisk's advisory board.",
    ] {
        assert!(coi_warnings(text).is_empty(), "{text}: {:?}", coi_warnings(text));
    }
}

#[test]
fn new_wordings_still_need_the_right_company() {
    // A relationship with Galderma doesn't cover an Allergan filler.
    let text = "I'm a Galderma trainer. But honestly Juvederm is the best filler around!";
    assert_eq!(spans_of("undeclared-promotion", text), vec!["Juvederm"]);
    // "I work with" covers only the company named right after it.
    let text = "I work with patients all week and the Dexcom G7 is the best CGM, get one!";
    assert!(warned("undeclared-promotion", text));
    let text = "For transparency: no COI. Use my code DRJO15 for 15% off Huel!";
    assert!(warned("undeclared-promotion", text));
    let text = "Nobody pays me to say this: Numan is brilliant. Use my code DRJO15 for 15% off!";
    assert!(warned("undeclared-promotion", text));
}

#[test]
fn a_declaration_for_another_company_does_not_clear_it() {
    let text = "DOI: I've had speaker fees from Pfizer.\n\nThe Dexcom G7 is the best CGM out there. Get one!";
    assert_eq!(spans_of("undeclared-promotion", text), vec!["Dexcom G7"]);
    let finding = check(text)
        .into_iter()
        .find(|f| f.rule == "undeclared-promotion")
        .unwrap();
    assert!(
        finding.message.contains("names Pfizer, not Dexcom"),
        "{}",
        finding.message
    );
}

#[test]
fn no_coi_beside_a_personal_code_does_not_clear_it() {
    let text = "No COI, I just love it. ZO Skin Health's serum is the one. Use my code SKINDRP for 20% off";
    assert!(warned("undeclared-promotion", text));
    assert!(warned("discount-code", text));
}

#[test]
fn declarations_elsewhere_are_reminders() {
    let text = "See bio for my DOIs. Anyway, Tena pants >>> pads";
    assert!(coi_warnings(text).is_empty());
    assert!(flagged("brand-mention", text));
}

#[test]
fn declared_interests_warn_even_on_neutral_mentions() {
    let config =
        r#"{"declared_interests": [{"company": "Eli Lilly", "relationship": "speaker fees"}]}"#;
    let findings = check_with(config, "Mounjaro is in short supply again.");
    let hit = findings
        .iter()
        .find(|f| f.rule == "declared-interest")
        .expect("flagged");
    assert_eq!(hit.severity, Severity::Warning);
    assert_eq!(
        hit.fixes[0].replacement,
        "\n\nDisclosure: Eli Lilly (speaker fees)."
    );
    let len16 = "Mounjaro is in short supply again.".len();
    assert_eq!(
        (hit.fixes[0].start, hit.fixes[0].end),
        (Some(len16), Some(len16))
    );
}

#[test]
fn declared_interests_use_the_standing_declaration() {
    let config = r#"{"declared_interests": [{"company": "BumpBuddy Ltd"}],
        "standing_declaration": "DOI: I co-founded BumpBuddy Ltd."}"#;
    let findings = check_with(config, "Try the BumpBuddy Ltd diary!");
    let hit = findings
        .iter()
        .find(|f| f.rule == "declared-interest")
        .expect("flagged");
    assert_eq!(hit.text, "BumpBuddy Ltd");
    assert_eq!(
        hit.fixes[0].replacement,
        "\n\nDOI: I co-founded BumpBuddy Ltd."
    );
    let declared = check_with(
        config,
        "Try the BumpBuddy Ltd diary!\n\nDOI: I co-founded BumpBuddy Ltd.",
    );
    assert!(declared.iter().all(|f| f.rule != "declared-interest"));
}

#[test]
#[ignore = "a declaration signposted as 'below' in a thread tweet is trusted only when it is present"]
fn thread_declarations_are_a_known_limit() {
    assert!(!flagged(
        "brand-mention",
        "2/5 Wegovy results are striking (my declarations are in 5/5)"
    ));
}
