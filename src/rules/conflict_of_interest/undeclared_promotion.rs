//! `undeclared-promotion`: a company, its @handle or a branded product promoted or endorsed
//! without a declaration of interest: any undeclared mention that isn't plainly news, safety or
//! criticism, nor tied to an event (`sponsored-event`), nor a company the doctor lists as an
//! interest (`declared-interest`). How mentions read and which declarations cover them is the
//! post's industry reading ([`crate::analysis::industry_reading`]). The message names what is
//! promoted by its maker's sector (`Product`): a medicine, a device or test, a cosmetic
//! treatment, a supplement, a service or app, else a product; only a medicine brand with a
//! generic name is told it may "use the generic name".
//!
//! Why: *Good medical practice* (2024) para 90(b) (declare conflicts when communicating publicly,
//! including promoting or endorsing), para 95 (be open about interests), and the GMC's
//! *Identifying and managing conflicts of interest* (2024).
//!
//! Example: "Honestly, Mounjaro is a game changer" is a warning on "Mounjaro", with a fix that
//! uses the generic name (tirzepatide); "Mounjaro is in short supply again." is only a
//! `brand-mention` reminder.

use crate::analysis::industry_reading::{Judged, Verdict};
use crate::finding::{Category, RuleInfo, Severity};
use crate::lexicon::industry::Product;
use crate::rules::conflict_of_interest::GUIDANCE;

const INFO: RuleInfo = RuleInfo {
    id: "undeclared-promotion",
    category: Category::ConflictOfInterest,
    description: "A company, @handle or brand promoted without a declaration of interest.",
};

mention_rule!(UndeclaredPromotion, Severity::Warning, GUIDANCE, message);

fn message(m: &Judged) -> Option<String> {
    if m.verdict != Verdict::Promotion {
        return None;
    }
    let generic = if m.product == Product::Medicine && m.brand_generic.is_some() {
        ", or use the generic name"
    } else {
        ""
    };
    Some(format!(
        "This post names {} without a declaration of interest.{} Promoting or endorsing {} publicly needs a declaration of any link with {} (fees, hospitality, shares, gifts){generic}.",
        m.who, m.declared_else, m.product.noun(), m.maker
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::message_of;

    fn promotes(text: &str) -> String {
        let message = message_of("undeclared-promotion", text);
        let (_, what) = message
            .split_once("Promoting or endorsing ")
            .unwrap_or_else(|| panic!("{message}"));
        what.split(" publicly").next().unwrap().to_string()
    }

    #[test]
    fn a_medicine_brand_is_a_medicine_with_its_generic_name() {
        let text = "Ozempic changed my patients' lives, ask your GP";
        assert_eq!(promotes(text), "a medicine");
        assert!(message_of("undeclared-promotion", text).ends_with(", or use the generic name."));
        let text = "Nurofen is the best painkiller, I swear by it";
        assert_eq!(promotes(text), "a medicine");
        let text = "Humulin is honestly the best insulin out there";
        assert_eq!(promotes(text), "a medicine");
        assert!(!message_of("undeclared-promotion", text).contains("generic"));
    }

    #[test]
    fn a_device_is_a_device_or_test() {
        assert_eq!(
            promotes("The FreeStyle Libre 3 is hands down the best CGM"),
            "a device or test"
        );
    }

    #[test]
    fn an_aesthetics_or_skincare_brand_is_a_cosmetic_treatment() {
        let text = "Medik8 is the best serum I have used, glowing skin";
        assert_eq!(promotes(text), "a cosmetic treatment");
        let text = "Botox is amazing, honestly the best thing I offer";
        assert_eq!(promotes(text), "a cosmetic treatment");
        assert!(!message_of("undeclared-promotion", text).contains("generic"));
    }

    #[test]
    fn a_supplement_is_a_supplement() {
        assert_eq!(
            promotes("Pregnacare is the best, I recommend it to everyone"),
            "a supplement"
        );
    }

    #[test]
    fn a_provider_or_app_is_a_service() {
        assert_eq!(
            promotes("Every GP practice needs @ArdensUK templates. Trust me."),
            "a service or app"
        );
    }

    #[test]
    fn anything_else_is_a_product() {
        assert_eq!(
            promotes("Loving my new Oral-B toothbrush, best ever"),
            "a product"
        );
    }
}
