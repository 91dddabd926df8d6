//! The doctor's settings, as the options page stores them and the CLI reads them (`--config`).

use serde::{Deserialize, Serialize};

use crate::finding::Category;

/// A company the doctor has a relationship with (options page: "declared interests").
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct DeclaredInterest {
    pub company: String,
    /// e.g. "speaker fees", "shareholder", "employee".
    pub relationship: String,
    /// Free text, e.g. "2023".
    pub since: Option<String>,
}

/// How a category is treated: `warn` (the default), `remind` (every finding becomes `info`),
/// or `off` (not reported).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Warn,
    Remind,
    Off,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct CategoryModes {
    pub confidentiality: Mode,
    pub conflict_of_interest: Mode,
    pub boundaries: Mode,
    pub respect: Mode,
}

impl CategoryModes {
    pub fn get(&self, category: Category) -> Mode {
        match category {
            Category::Confidentiality => self.confidentiality,
            Category::ConflictOfInterest => self.conflict_of_interest,
            Category::Boundaries => self.boundaries,
            Category::Respect => self.respect,
        }
    }
}

/// Everything that makes the checker the doctor's own. Every field has a default, so `{}` is a
/// valid configuration.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub declared_interests: Vec<DeclaredInterest>,
    /// Inserted by the "add declaration" fix, e.g. "Disclosure: I have received speaker fees from X."
    pub standing_declaration: Option<String>,
    /// Terms the doctor has chosen never to be warned about (case-insensitive).
    pub ignored_terms: Vec<String>,
    pub categories: CategoryModes,
}

impl Config {
    /// Parses a configuration from JSON with a message that says what is wrong.
    pub fn from_json(json: &str) -> Result<Config, String> {
        serde_json::from_str(json).map_err(|e| format!("invalid configuration: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_object_is_the_default() {
        assert_eq!(Config::from_json("{}").unwrap(), Config::default());
    }

    #[test]
    fn unknown_keys_are_rejected_with_a_message() {
        let err = Config::from_json(r#"{"declared_interest": []}"#).unwrap_err();
        assert!(err.contains("declared_interest"), "{err}");
    }

    #[test]
    fn modes_parse_per_category() {
        let config = Config::from_json(r#"{"categories": {"respect": "off"}}"#).unwrap();
        assert_eq!(config.categories.get(Category::Respect), Mode::Off);
        assert_eq!(config.categories.get(Category::Boundaries), Mode::Warn);
    }
}
