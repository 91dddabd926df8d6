//! Rules about respect for patients and colleagues: contemptuous language and mockery. GMC:
//! *Good medical practice* (2024) paras 48 and 56; *Using social media as a medical
//! professional* (2024), "Behaving professionally".

pub(crate) mod derogatory_language;
pub(crate) mod mocking_patient;
pub(crate) mod specialty_banter;

/// What the respect rules cite: the social-media guidance on behaving professionally and Good
/// medical practice on bullying (para 56) and courtesy to colleagues (para 48).
const GUIDANCE: &[&str] = &["sm-2024-respect", "gmp-2024-56", "gmp-2024-48"];
