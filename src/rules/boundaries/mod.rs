//! Rules about professional boundaries: advice to an individual online, moving a patient to a
//! personal channel, relationships with patients. GMC: *Maintaining personal and professional
//! boundaries* (2024) paras 3–4 and *Good medical practice* (2024) paras 86 and 93.

pub(crate) mod individual_advice;
pub(crate) mod patient_relationship;
pub(crate) mod personal_channel;
