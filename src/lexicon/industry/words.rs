//! The handle endings that still name a company (`@GSKUK`, `@MerckNews`): `list=handle-suffix` in
//! `data/lexicon/hand/rule_words.txt` (the words that make an ambiguous company or service name
//! read as the company are in `industry_context.txt`). No ending is the end of another, so at most
//! one fits a handle and their order does not matter; the whole handle is tried first.

use std::sync::LazyLock;

use crate::lexicon::list::RULE_WORDS;

/// The whole handle (`""`), then each ending.
pub(super) static HANDLE_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    std::iter::once("")
        .chain(RULE_WORDS.lemmas("list=handle-suffix"))
        .collect()
});

#[cfg(test)]
mod tests {
    #[test]
    fn no_ending_is_the_end_of_another() {
        let endings = &super::HANDLE_SUFFIXES[1..];
        assert!(endings.len() >= 13);
        for a in endings {
            assert!(!endings.iter().any(|b| a != b && b.ends_with(a)), "{a}");
        }
    }
}
