//! @handles: known company handles, unknown commercial ones in a sales post, and the colleagues
//! and public bodies that are not commercial.

use super::coi_warnings;
use crate::testing::{spans_of, warned};

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
