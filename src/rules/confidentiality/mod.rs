//! Rules that protect patients' confidentiality: the identifiers that name or locate a patient on
//! their own (`identifiers/`) and the ways a story about an encounter identifies one
//! (`narrative/`). GMC: *Using social media as a medical professional* (2024) paras 19–20,
//! *Good medical practice* (2024) para 88 and *Confidentiality* (2017).

pub(crate) mod identifiers;
pub(crate) mod narrative;
