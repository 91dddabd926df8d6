//! What the checker reports: findings, their category and severity, and the fixes offered.
//!
//! Rules work in UTF-8 byte offsets ([`Hit`]); the checker converts them once, at the end, to the
//! UTF-16 code-unit offsets the DOM uses ([`Finding`]), so an emoji before a match never shifts it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// The kind of professional risk a finding points at.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Confidentiality,
    ConflictOfInterest,
    Boundaries,
    Respect,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Confidentiality,
        Category::ConflictOfInterest,
        Category::Boundaries,
        Category::Respect,
    ];

    /// The id used in JSON (`conflict_of_interest`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Confidentiality => "confidentiality",
            Category::ConflictOfInterest => "conflict_of_interest",
            Category::Boundaries => "boundaries",
            Category::Respect => "respect",
        }
    }
}

/// `Warning`: a likely breach; highlighted strongly and the submit guard asks.
/// `Info`: a reminder; highlighted lightly and never blocks.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
}

/// What a rule is, as the options page and popup name it: its stable id (the `rule` of its
/// findings), its category and one line saying what it flags.
#[derive(Serialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct RuleInfo {
    pub id: &'static str,
    pub category: Category,
    pub description: &'static str,
}

/// A suggested edit. Without `start`/`end` it replaces the finding's own span; with them (UTF-16)
/// it replaces that range instead, e.g. an empty range at the end of the post to append a
/// declaration.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Fix {
    pub label: String,
    pub replacement: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

/// One more highlighted range of a finding (UTF-16 code units, like the finding's own span): the
/// further details of one concern ("teacher" and "in Didsbury" beside "45F").
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Part {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One warning or reminder, as the extension and the CLI receive it (docs/ARCHITECTURE.md, "The Finding contract").
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Debug)]
pub struct Finding {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// UTF-16 code units from the start of the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub message: String,
    pub guidance: Vec<String>,
    pub fixes: Vec<Fix>,
    /// The concern's other ranges, sorted by start and disjoint from the finding's own span and
    /// each other (one may come before the span); empty, and left out of the JSON, for a
    /// one-range finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
}

/// A fix as a rule proposes it, in byte offsets. `span: None` means the hit's own span.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct FixHit {
    pub label: String,
    pub replacement: String,
    pub span: Option<Range<usize>>,
}

impl FixHit {
    /// Replace the hit's own text.
    pub fn replace(label: impl Into<String>, replacement: impl Into<String>) -> Self {
        FixHit {
            label: label.into(),
            replacement: replacement.into(),
            span: None,
        }
    }

    /// Replace (or, with an empty range, insert at) another part of the text.
    pub fn replace_at(
        label: impl Into<String>,
        replacement: impl Into<String>,
        span: Range<usize>,
    ) -> Self {
        FixHit {
            label: label.into(),
            replacement: replacement.into(),
            span: Some(span),
        }
    }
}

/// What a rule reports: a finding in UTF-8 byte offsets into the checked text. Its id and
/// category are the reporting rule's ([`RuleInfo`]), so no rule spells them twice.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Hit {
    pub rule: &'static RuleInfo,
    pub severity: Severity,
    pub span: Range<usize>,
    pub message: String,
    pub guidance: &'static [&'static str],
    pub fixes: Vec<FixHit>,
}

impl Hit {
    pub fn new(
        rule: &'static RuleInfo,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
        guidance: &'static [&'static str],
    ) -> Self {
        Hit {
            rule,
            severity,
            span,
            message: message.into(),
            guidance,
            fixes: Vec::new(),
        }
    }

    /// The category of the rule that reported it.
    pub fn category(&self) -> Category {
        self.rule.category
    }

    pub fn with_fix(mut self, fix: FixHit) -> Self {
        self.fixes.push(fix);
        self
    }
}
