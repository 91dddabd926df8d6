//! Rules about conflicts of interest: promotion of products and services a doctor may profit
//! from, undeclared. GMC: *Good medical practice* (2024) para 90(b) (declare conflicts when
//! promoting anything publicly) and para 94 (an interest must not affect, or seem to affect, advice).

pub(crate) mod affiliate_link;
pub(crate) mod discount_code;
pub(crate) mod industry_mention;
