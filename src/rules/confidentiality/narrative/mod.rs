//! Narrative: how a post about an encounter identifies a patient without any single identifier
//! (a bed number, a photograph, details that together point at one person).

pub(crate) mod jigsaw_identification;
pub(crate) mod patient_image;
pub(crate) mod patient_reference;
