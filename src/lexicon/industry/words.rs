//! The handle endings that still name a company (the words that make an ambiguous company or
//! service name read as the company are in `data/lexicon/hand/industry_context.txt`). The endings
//! stay in code: they are tried in this order and the first that leaves a known key wins.

/// Handle endings that still name the company: `@GSKUK`, `@MerckNews`.
pub(super) const HANDLE_SUFFIXES: &[&str] = &[
    "",
    "uk",
    "gb",
    "news",
    "global",
    "group",
    "plc",
    "inc",
    "health",
    "healthcare",
    "pharma",
    "official",
    "hq",
    "app",
];
