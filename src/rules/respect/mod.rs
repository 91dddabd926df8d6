//! Rules about respect for patients and colleagues: contemptuous language and mockery. GMC:
//! *Good medical practice* (2024) paras 48 and 56; *Using social media as a medical
//! professional* (2024), "Behaving professionally".

pub(crate) mod derogatory_language;
pub(crate) mod mocking_patient;
