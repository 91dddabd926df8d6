//! How a mention reads when it is not praise: news, safety and criticism, a brand set against its
//! generic name, class and price comparisons (reminders, not warnings), and praise that still wins.

use super::coi_warnings;
use crate::testing::{check, flagged, warned};

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
