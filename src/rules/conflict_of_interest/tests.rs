use crate::testing::{check, check_with, flagged, spans_of, warned};
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
fn flags_handles_and_devices() {
    assert!(warned(
        "undeclared-promotion",
        "Every GP practice needs @ArdensUK templates. Trust me."
    ));
    assert!(warned(
        "undeclared-promotion",
        "The FreeStyle Libre 3 is hands down the best CGM"
    ));
    assert!(warned(
        "undeclared-promotion",
        "Shout out to @BrainlabAG — a breeze 🧠"
    ));
}

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
fn neutral_mentions_are_only_reminders() {
    for text in [
        "MHRA has recalled some batches of Emerade adrenaline pens. Check the batch number.",
        "Ozempic is still in short supply. DHSC guidance: keep it for type 2 diabetes.",
        "Nurofen Express vs supermarket ibuprofen lysine: same active ingredient, about 4x the price.",
    ] {
        assert!(coi_warnings(text).is_empty(), "{text}: {:?}", coi_warnings(text));
        assert!(flagged("brand-mention", text), "{text}");
    }
}

#[test]
fn declarations_elsewhere_are_reminders() {
    let text = "See bio for my DOIs. Anyway, Tena pants >>> pads";
    assert!(coi_warnings(text).is_empty());
    assert!(flagged("brand-mention", text));
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

#[test]
#[ignore = "a declaration signposted as 'below' in a thread tweet is trusted only when it is present"]
fn thread_declarations_are_a_known_limit() {
    assert!(!flagged(
        "brand-mention",
        "2/5 Wegovy results are striking (my declarations are in 5/5)"
    ));
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
fn brands_set_against_generic_names_are_only_reminders() {
    for text in [
        "Generic names please, folks: it's atorvastatin, not 'Lipitor'. It's paracetamol, not 'Panadol'",
        "Brand names like Nurofen and Lipitor confuse patients on discharge.",
        "Please stop saying Panadol, it's paracetamol.",
        "'Lipitor' (atorvastatin) is the same tablet you already take.",
        "Reminder that Nurofen is just ibuprofen in a shinier box.",
        "Prescribe atorvastatin rather than Lipitor on the TTO.",
        "Patients keep asking for \"Calpol\" by name; write the generic on the chart.",
    ] {
        assert!(coi_warnings(text).is_empty(), "{text}: {:?}", coi_warnings(text));
        assert!(
            check(text).iter().any(|f| f.rule == "brand-mention"),
            "{text}"
        );
    }
}

#[test]
fn praise_beside_a_contrast_is_still_promotion() {
    assert!(warned(
        "undeclared-promotion",
        "Honestly Mounjaro is a game changer"
    ));
    assert!(warned(
        "undeclared-promotion",
        "Nurofen is the best for period pain, not Panadol"
    ));
    assert!(warned(
        "undeclared-promotion",
        "Forget 'generic' creams, CeraVe is the one I recommend to everyone"
    ));
}

#[test]
fn class_and_price_comparisons_are_only_reminders() {
    let text = "Wegovy and Mounjaro are the same class of drug at wildly different prices";
    assert!(coi_warnings(text).is_empty(), "{:?}", coi_warnings(text));
    assert!(warned(
        "undeclared-promotion",
        "Mounjaro is the same class as Wegovy but honestly works so much better, love it"
    ));
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
fn a_praised_commercial_handle_in_a_sales_post_is_promotion() {
    let text = "Big shout out to @DermaLuxeUK for the gorgeous new LED machine in my clinic ✨ Book your facial now!";
    assert_eq!(spans_of("undeclared-promotion", text), vec!["@DermaLuxeUK"]);
    assert!(warned(
        "undeclared-promotion",
        "Shout out to @GlowAestheticsLtd, amazing new treatments available, link in bio"
    ));
    assert!(warned(
        "undeclared-promotion",
        "Loving my new peel range from @MedSkinLabs 😍 10% off this month"
    ));
}

#[test]
fn colleagues_and_public_bodies_are_not_commercial_handles() {
    for text in [
        "Thanks @NHSEngland and @RCGP for the amazing new guidance, book your place at the webinar",
        "Huge thanks to @DrAhmedSkin for the brilliant teaching on skin lesions, booked on the next one",
        "Thanks @SarahK for covering my clinic today, amazing",
        "Brilliant talk from @BMA_Juniors and @LeedsHospitals on rota gaps, book your slot",
        "Amazing support from @ClinicalFellowUK_Lee on the ward, thanks! Book on the course",
        "Booked a facial at @DermaLuxeUK, terrible service",
        "Big shout out to @DermaLuxeUK for the gorgeous new LED machine in my clinic. #ad",
    ] {
        assert!(coi_warnings(text).is_empty(), "{text}: {:?}", coi_warnings(text));
    }
}

#[test]
fn the_generic_name_is_suggested_only_for_a_medicine_that_has_one() {
    let message = |text: &str| crate::testing::message_of("undeclared-promotion", text);
    assert!(message("Ozempic changed my patients' lives, ask your GP").contains("generic name"));
    assert!(!message("Loving my new Oral-B toothbrush, best ever").contains("generic"));
    assert!(!message("Medik8 is the best serum I have used, glowing skin").contains("generic"));
}
