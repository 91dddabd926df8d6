//! The words around a derogatory term that change how it reads: quoted to criticise it, said of
//! oneself, turned round ("are not idiots"), or followed by a word that shows a person is meant.

use std::sync::LazyLock;

use super::DerogatoryLanguage;
use crate::document::Document;
use crate::lexicon::list::RULE_WORDS;

impl DerogatoryLanguage {
    /// "stop calling patients 'frequent flyers'": the term quoted to criticise it.
    pub(super) fn is_mention(&self, doc: &Document, span: std::ops::Range<usize>) -> bool {
        let before = &doc.lower[doc.window(&(span.start..span.start), 6).start..span.start];
        let after = doc.lower[span.end..].chars().next();
        self.mention.is_match(before) && after.is_some_and(|c| matches!(c, '\'' | '"' | '’' | '”'))
    }

    pub(super) fn is_self_directed(&self, doc: &Document, at: usize) -> bool {
        let before = &doc.lower[doc.window(&(at..at), 7).start..at];
        self.self_directed.is_match(before)
    }
}

/// Words in the gap before an insult that turn it round: "are not idiots", "treated like idiots".
pub(super) fn softened(gap: &str) -> bool {
    gap.split(' ')
        .map(|w| w.trim_end_matches(','))
        .any(|w| SOFTENERS.contains(&w))
}

/// `list=softener` in data/lexicon/hand/rule_words.txt.
static SOFTENERS: LazyLock<Vec<&str>> = LazyLock::new(|| RULE_WORDS.words("list=softener"));

/// Words after "the crumbly" that show it names a person, not a biscuit (`list=person-follower`
/// in data/lexicon/hand/rule_words.txt).
pub(super) static PERSON_FOLLOWERS: LazyLock<Vec<&str>> =
    LazyLock::new(|| RULE_WORDS.words("list=person-follower"));
