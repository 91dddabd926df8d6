//! Word lists compiled into the checker. Each list's first line names its source and licence.

pub mod people_places;
