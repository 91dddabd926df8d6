//! The rules. Each file holds one rule (or one tight family) with its doc comment and tests.
//!
//! To add a rule: write `src/rules/my_rule.rs` with a type that has
//! `pub fn new(config: &Config) -> Self` and implements [`Rule`], then add one line
//! `my_rule::MyRule,` to the `rules!` list below. Order is priority: when two rules flag exactly
//! the same span, the earlier one wins.

use crate::config::Config;
use crate::finding::Hit;
use crate::text::Document;

/// A check over the whole post. Rules are built once per [`crate::Checker`] and must not panic.
pub trait Rule: Send + Sync {
    /// Appends what this rule finds in `doc` to `hits` (byte offsets into `doc.text`).
    fn check(&self, doc: &Document, hits: &mut Vec<Hit>);
}

mod identifier_context;

pub(crate) mod patient_context;

mod coi_context;
mod declaration;

macro_rules! rules {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every rule, built for this configuration.
        pub fn registry(config: &Config) -> Vec<Box<dyn Rule>> {
            vec![$(Box::new($module::$rule::new(config))),*]
        }
    };
}

rules! {
    email_address::EmailAddress,
    individual_advice::IndividualAdvice,
    personal_channel::PersonalChannel,
    patient_relationship::PatientRelationship,
    derogatory_language::DerogatoryLanguage,
    mocking_patient::MockingPatient,
    chi_number::ChiNumber,
    nhs_number::NhsNumber,
    phone_number::PhoneNumber,
    ni_number::NiNumber,
    postcode::Postcode,
    hospital_number::HospitalNumber,
    date_of_birth::DateOfBirth,
    person_name::PersonName,
    patient_reference::PatientReference,
    patient_image::PatientImage,
    jigsaw::Jigsaw,
    industry_mention::IndustryMention,
    discount_code::DiscountCode,
    affiliate_link::AffiliateLink,
}
