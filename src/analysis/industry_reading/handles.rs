//! @handles the industry lexicon doesn't know that count as a company: a handle counts when its
//! name sounds commercial (`@DermaLuxeUK`: Derma, Aesthetics, Clinic, Skin, Pharma, Labs, Beauty,
//! Health, a leading Med, or a UK/Ltd ending) and it is praised or thanked in its sentence in a
//! post that also sells something ("book your facial", "link in bio", "offer", "new machine",
//! "treatments"). Handles of doctors (`@DrLee`), the NHS, royal colleges, the BMA, the GMC, trusts
//! and public-health bodies are never read this way.

use std::sync::LazyLock;

use crate::analysis::Post;
use crate::document::SpanSet;
use crate::lexicon::industry::TermKind;
use crate::lexicon::list::RULE_WORDS;

use super::{IndustryReader, Seen};

impl IndustryReader {
    /// Unknown @handles that sound like a company and are praised in a post that sells something.
    pub(super) fn commercial_handles<'a>(&'a self, doc: &'a Post, seen: &mut Vec<Seen<'a>>) {
        let text = doc.text;
        if !text.contains('@') || !self.selling.is_match(text) {
            return;
        }
        let mut cue_map = None;
        // Handles added here never overlap a later one (`captures_iter` matches do not overlap).
        let known: SpanSet = seen.iter().map(|s| s.span.clone()).collect();
        for caps in self.handle.captures_iter(text) {
            let m = caps.get(1).expect("group 1 is the handle");
            let span = m.range();
            if known.overlaps(&span) || !sounds_commercial(&doc.lower[span.start + 1..span.end]) {
                continue;
            }
            let cues = cue_map.get_or_insert_with(|| self.cues.scan(&doc.lower));
            if !cues.praised_in_sentence(text, &span) {
                continue;
            }
            seen.push(Seen {
                span,
                kind: TermKind::Handle,
                label: m.as_str(),
                maker: m.as_str(),
                owners: &[],
                generic: None,
                interest: None,
            });
        }
    }
}

/// True when a handle (lower case, without the `@`) sounds like a company ("dermaluxeuk",
/// "glowaestheticsltd") and not like a doctor, the NHS, a college, a union, a regulator or a trust.
fn sounds_commercial(handle: &str) -> bool {
    // Parts of a handle (`list=handle-*` in rule_words.txt).
    static PERSON: LazyLock<Vec<&str>> = LazyLock::new(|| RULE_WORDS.words("list=handle-person"));
    static PUBLIC: LazyLock<Vec<&str>> = LazyLock::new(|| RULE_WORDS.words("list=handle-public"));
    static COMMERCIAL: LazyLock<Vec<&str>> =
        LazyLock::new(|| RULE_WORDS.words("list=handle-commercial"));
    if PERSON.iter().any(|p| {
        handle
            .strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
    }) || PUBLIC.iter().any(|p| handle.contains(p))
    {
        return false;
    }
    // "clinical" is a colleague's word (@ClinicalFellowLee), not a clinic's.
    let handle = handle.replace("clinical", "");
    COMMERCIAL.iter().any(|c| handle.contains(c))
        || handle.starts_with("med")
        || ["uk", "ltd", "official"]
            .iter()
            .any(|e| handle.ends_with(e))
}
