//! Tests of the `declaration` rule.

use super::*;

fn kinds(text: &str) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = DeclarationFinder::new()
        .find(&text.to_ascii_lowercase())
        .into_iter()
        .filter(|c| !c.needs_company)
        .map(|c| c.kind)
        .collect();
    kinds.dedup();
    kinds
}

#[test]
fn recognises_labels_anywhere() {
    for text in [
        "DOI: speaker fees from Pfizer.",
        "great data (COI: none) today",
        "Long post...\n\nCompeting interests: I consult for Galderma.",
        "Ad | working with them this month",
        "[Sponsored] Proud to partner",
        "#ad this is a paid partnership",
        "AD/PR: I was sent this",
        "Transparency note: they loaned us a probe",
        "(Interest: I'm a salaried GP with them.)",
        "Full disclosure, I work for them",
        "I'm chairing it and I'm being paid to do so — declaring upfront.",
        "I designed this app (so, obvious bias!)",
    ] {
        assert!(kinds(text).contains(&Kind::Interest), "{text}");
    }
}

/// The clauses of wordings that count only beside a company ("I work for X").
fn relationships(text: &str) -> Vec<String> {
    DeclarationFinder::new()
        .find(&text.to_ascii_lowercase())
        .into_iter()
        .filter(|c| c.needs_company)
        .map(|c| text[c.span].trim().to_string())
        .collect()
}

#[test]
fn recognises_transparency_and_declared_labels() {
    for text in [
        "In the interests of transparency, Allergan pays me as a trainer.",
        "In the interest of full transparency: they fund my post",
        "For transparency: I run their training days",
        "For full transparency, I teach for them",
        "Full transparency - I'm on their faculty",
        "Complete transparency; they paid",
        "Transparency: they loaned us a probe",
        "To be fully transparent, they cover my travel",
        "To be upfront: I teach on their course",
        "Declared: I'm an Allergan trainer.",
        "Interests declared: trainer for Galderma",
        "Love the new filler (interest declared)",
        "COI disclosed in the video",
        "I should disclose that I teach for them",
        "This is an ad for their new serum",
        "Loving this serum (ad)",
        "We have a commercial partnership",
        "Paid post: my skincare routine",
    ] {
        assert!(kinds(text).contains(&Kind::Interest), "{text}");
    }
}

#[test]
fn recognises_hashtag_marks() {
    for text in [
        "#collab with Allergan",
        "Loving this #gifted",
        "#partner @CeraVeUK",
        "#BrandAmbassador for them",
        "Out now #paidpartnership",
        "#PRgift arrived",
        "#sp",
    ] {
        assert!(kinds(text).contains(&Kind::Interest), "{text}");
    }
    assert!(kinds("#adventure #sponge #collaborative care").is_empty());
}

#[test]
fn recognises_relationships_that_name_a_company() {
    for (text, clause) in [
        ("Allergan pay me to teach.", "Allergan pay me to teach"),
        (
            "Sure. Allergan pays me as a trainer!",
            "Allergan pays me as a trainer",
        ),
        ("I'm paid by Galderma.", "I'm paid by Galderma"),
        ("Lilly sponsors my podcast.", "Lilly sponsors my podcast"),
        ("Dexcom funded my travel.", "Dexcom funded my travel"),
        ("I'm an Allergan trainer.", "I'm an Allergan trainer"),
        (
            "As a Galderma faculty member, I",
            "As a Galderma faculty member, I",
        ),
        (
            "I'm one of the Teoxane trainers",
            "I'm one of the Teoxane trainers",
        ),
        (
            "Proud ambassador for ZO Skin Health.",
            "Proud ambassador for ZO Skin Health",
        ),
        ("I consult for Pfizer.", "I consult for Pfizer"),
        (
            "I'm a speaker for Novo Nordisk.",
            "I'm a speaker for Novo Nordisk",
        ),
        (
            "I'm a paid consultant to Bayer",
            "I'm a paid consultant to Bayer",
        ),
        ("I lecture for Merz.", "I lecture for Merz"),
        ("In collaboration with Oura.", "In collaboration with Oura"),
    ] {
        assert!(
            relationships(text).iter().any(|c| c == clause),
            "{text}: {:?}",
            relationships(text)
        );
    }
}

#[test]
fn i_work_with_counts_only_for_a_company_named_next() {
    let clauses = relationships("I work with Allergan on training days.");
    assert!(
        clauses
            .iter()
            .any(|c| c.starts_with("I work with Allergan")),
        "{clauses:?}"
    );
    let long = "I work with patients every day in a very busy clinic and the Libre is great";
    assert!(
        relationships(long).iter().all(|c| !c.contains("Libre")),
        "{:?}",
        relationships(long)
    );
}

#[test]
fn denied_relationships_say_no_interest() {
    for text in [
        "Nobody pays me to say this, but Mounjaro works.",
        "No one pays me to post this",
        "Dexcom doesn't pay me, I just like it.",
        "I'm not paid by Abbott.",
        "Never sponsored by Huel, honestly.",
    ] {
        assert!(
            relationships(text).is_empty(),
            "{text}: {:?}",
            relationships(text)
        );
        assert!(
            kinds(text).contains(&Kind::NoInterest),
            "{text}: {:?}",
            kinds(text)
        );
    }
}

#[test]
fn ordinary_sentences_are_not_relationships() {
    for text in [
        "I'm a consultant dermatologist and I love this cream",
        "I'm a huge fan of Dexcom",
        "We need more transparency about drug prices",
        "Price transparency matters",
        "She pays attention to the dose",
    ] {
        assert!(
            relationships(text).is_empty(),
            "{text}: {:?}",
            relationships(text)
        );
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn recognises_no_interest_and_elsewhere() {
    assert_eq!(kinds("No conflicts to declare."), vec![Kind::NoInterest]);
    assert!(kinds("See bio for my DOIs. Anyway").contains(&Kind::Elsewhere));
    assert!(kinds("(My declarations are in 5/5.)").contains(&Kind::Elsewhere));
}

#[test]
fn ignores_citations_and_ordinary_words() {
    assert!(kinds("Full paper: doi: 10.1056/NEJMoa2032183").is_empty());
    assert!(kinds("I'm a consultant in A&E and I love my job").is_empty());
    assert!(kinds("Adding this to my reading list").is_empty());
}

#[test]
fn clause_stops_at_brackets_and_sentences() {
    let text = "Libre panel (DOI: I'm an unpaid member of the panel). Next";
    let lower = text.to_ascii_lowercase();
    let clause = DeclarationFinder::new().find(&lower).remove(0);
    assert_eq!(&text[clause.span], "DOI: I'm an unpaid member of the panel");
}

#[test]
fn never_panics_on_multibyte_text() {
    let text = "😷é COI: ✨ fees 😷 from é".repeat(50);
    for clause in DeclarationFinder::new().find(&text) {
        assert!(text.is_char_boundary(clause.span.start) && text.is_char_boundary(clause.span.end));
    }
}

#[test]
fn a_sponsored_clinic_or_event_is_not_a_declaration() {
    for text in [
        "Our Saturday skin clinic is sponsored by Medik8 and every patient gets a goodie bag",
        "Lunch kindly sponsored by Pfizer today!",
        "The raffle prizes were generously donated and the stall is funded by Galderma",
        "Journal club (sponsored by AstraZeneca) is back on Thursday",
    ] {
        assert!(
            relationships(text).is_empty(),
            "{text}: {:?}",
            relationships(text)
        );
    }
    for text in [
        "My travel was funded by Lilly.",
        "This podcast is supported by Dexcom.",
        "My research is sponsored by Abbott.",
    ] {
        assert!(!relationships(text).is_empty(), "{text}");
    }
}
