//! Word lists compiled into the checker. Each list's first line names its source and licence.

pub mod generated;
pub mod industry;
pub mod inflect;
pub mod list;
pub mod people_places;

pub use industry::company_names;
