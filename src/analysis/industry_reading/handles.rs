//! @handles the industry lexicon doesn't know that count as a company: a handle counts when its
//! name sounds commercial (`@DermaLuxeUK`: Derma, Aesthetics, Clinic, Skin, Pharma, Labs, Beauty,
//! Health, a leading Med, or a UK/Ltd ending) and it is praised or thanked in its sentence in a
//! post that also sells something ("book your facial", "link in bio", "offer", "new machine",
//! "treatments"). Handles of doctors (`@DrLee`), the NHS, royal colleges, the BMA, the GMC, trusts
//! and public-health bodies are never read this way.

use crate::analysis::Post;
use crate::document::SpanSet;
use crate::lexicon::industry::TermKind;

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
    const PERSON: &[&str] = &[
        "dr", "doc", "prof", "nurse", "mr", "mrs", "ms", "miss", "the_dr",
    ];
    const PUBLIC: &[&str] = &[
        "nhs",
        "trust",
        "rcgp",
        "rcp",
        "rcs",
        "rcn",
        "rcem",
        "rcog",
        "rcpch",
        "rcpsych",
        "rcr",
        "bma",
        "gmc",
        "nmc",
        "nice",
        "hospital",
        "college",
        "royal",
        "uni",
        "gov",
        "dhsc",
        "ukhsa",
        "mhra",
        "cqc",
        "charity",
        "foundation",
        "society",
        "assoc",
        "council",
        "network",
        "icb",
        "ccg",
        "pcn",
        "ambulance",
        "hee",
        "deanery",
        "school",
        "research",
        "nihr",
        "who",
        "ward",
        "team",
        "surgery",
        "england",
        "scot",
        "wales",
        "healthwatch",
        "publichealth",
    ];
    const COMMERCIAL: &[&str] = &[
        "derma",
        "pharma",
        "aesthetic",
        "clinic",
        "skin",
        "labs",
        "beauty",
        "cosmetic",
        "wellness",
        "laser",
        "medical",
        "health",
        "luxe",
        "glow",
        "filler",
        "nutrition",
        "supplement",
        "vitamin",
        "shop",
        "store",
    ];
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
