use super::*;

fn reading(text: &str, word: &str) -> Reading {
    let at = text.find(word).unwrap();
    Cues::new()
        .scan(&text.to_ascii_lowercase())
        .reading(text, &(at..at + word.len()))
}

#[test]
fn praise_is_promotion() {
    assert_eq!(
        reading("Nytol works for most people 😴", "Nytol"),
        Reading::Promotion
    );
}

#[test]
fn recalls_and_shortages_are_neutral() {
    assert_eq!(
        reading("MHRA has recalled some batches of Emerade pens.", "Emerade"),
        Reading::Neutral
    );
    assert_eq!(
        reading("Ozempic is still in short supply.", "Ozempic"),
        Reading::Neutral
    );
}

#[test]
fn praise_beats_neutral_words() {
    let text = "Gaviscon Advance is the one. Not the supermarket stuff at the price. Trust me";
    assert_eq!(reading(text, "Gaviscon"), Reading::Promotion);
}

#[test]
fn hospitality_is_an_event() {
    assert_eq!(
        reading("Thanks @PfizerUK for the lunch today", "@PfizerUK"),
        Reading::Event
    );
}

#[test]
fn cues_in_another_paragraph_do_not_count() {
    let text = "Ozempic works.\n\nSeparately: the recall of other pens is done";
    assert_eq!(reading(text, "Ozempic"), Reading::Promotion);
}

#[test]
fn cue_words_inside_longer_words_do_not_count() {
    assert_eq!(
        reading("The Fluenz spray: bestow nothing; unrecallable", "Fluenz"),
        Reading::Promotion
    );
}

fn contrasted(text: &str, word: &str, generic: Option<&str>) -> bool {
    let at = text.find(word).unwrap();
    let cues = Cues::new();
    let map = cues.scan(&text.to_ascii_lowercase());
    cues.contrasted(&map, text, &(at..at + word.len()), generic)
}

#[test]
fn brands_against_generic_names_are_contrasts() {
    assert!(contrasted("atorvastatin, not 'Lipitor'.", "Lipitor", None));
    assert!(contrasted(
        "'Lipitor' (atorvastatin) again",
        "Lipitor",
        Some("atorvastatin")
    ));
    assert!(contrasted(
        "brand names like Calpol, Nurofen",
        "Nurofen",
        None
    ));
    assert!(contrasted("Stop saying “Panadol”!", "Panadol", None));
    assert!(!contrasted(
        "Nurofen works. Not Panadol though",
        "Nurofen",
        None
    ));
    assert!(!contrasted("I love 'Mounjaro' so much", "Mounjaro", None));
}

#[test]
fn price_comparisons_are_neutral() {
    let text = "Wegovy and Mounjaro are the same class at wildly different prices";
    assert_eq!(reading(text, "Wegovy"), Reading::Neutral);
}
