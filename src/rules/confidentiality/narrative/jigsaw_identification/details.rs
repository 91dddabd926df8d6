//! Finding a post's identifying details (age, sex, place, time, occupation, family, condition,
//! event, tiny pool) for `jigsaw-identification`.

use std::ops::Range;

use crate::analysis::patient_context::{bounded, sentence_initial};
use crate::analysis::Post;
use crate::document::SpanSet;

use super::vocabulary::{not_places, uk_places};
use super::{Jigsaw, Kind};

impl Jigsaw {
    /// Every detail in the post, with its kind.
    pub(super) fn details(&self, doc: &Post) -> Vec<(Range<usize>, Kind)> {
        let text = doc.text;
        let mut found = Vec::new();
        let companies = std::cell::OnceCell::new();
        for m in self.age.find_iter(text) {
            // Ranges and thresholds ("aged 40 to 74", "65 and over") describe groups, not a patient.
            let rest = text[m.end()..].trim_start();
            if rest.starts_with("to ")
                || rest.starts_with(['-', '–', '+'])
                || rest.starts_with("and over")
                || rest.starts_with("or over")
                || rest.starts_with("and under")
                || rest.starts_with("or older")
            {
                continue;
            }
            found.push((m.range(), Kind::Age));
            if m.as_str().ends_with(['M', 'F']) {
                found.push((m.range(), Kind::Sex));
            }
        }
        for (kind, pattern) in &self.patterns {
            for m in pattern.find_iter(text) {
                let locative = ["in ", "from ", "near ", "outside ", "at "]
                    .iter()
                    .any(|p| m.as_str().starts_with(p));
                // "in Surgery" is a specialty, "at Meadowbank Surgery" a place.
                let words: Vec<&str> = m
                    .as_str()
                    .split(' ')
                    .skip(1)
                    .filter(|w| *w != "the")
                    .collect();
                let named = words.len() >= 2 && !not_places().iter().any(|w| w == words[0]);
                if *kind == Kind::Place
                    && locative
                    && !named
                    && not_places()
                        .iter()
                        .any(|w| m.as_str().ends_with(w.as_str()))
                {
                    continue;
                }
                // "fees from Lilly": a company the industry lexicon knows, not a place.
                let company = || {
                    companies
                        .get_or_init(|| {
                            doc.industry_mentions()
                                .iter()
                                .map(|b| b.span.clone())
                                .collect::<SpanSet>()
                        })
                        .overlaps(&m.range())
                };
                if *kind == Kind::Place && locative && company() {
                    continue;
                }
                found.push((m.range(), *kind));
            }
        }
        for m in uk_places().find_iter(text) {
            let span = m.range();
            if bounded(text, &span) && !sentence_initial(text, span.start) {
                found.push((span, Kind::Place));
            }
        }
        for (span, tag) in self.words.find(&doc.lower) {
            let kind = [
                Kind::Occupation,
                Kind::Family,
                Kind::Sensitive,
                Kind::Clinical,
                Kind::Notable,
                Kind::VagueTime,
            ]
            .into_iter()
            .find(|k| *k as u8 == tag)
            .unwrap_or(Kind::Clinical);
            // "MP" and the like must be written in capitals; "keeper"/"model" need a possessive or article.
            if kind == Kind::Occupation
                && text[span.clone()].eq_ignore_ascii_case("mp")
                && &text[span.clone()] != "MP"
            {
                continue;
            }
            found.push((span, kind));
        }
        found.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        // Drop details nested inside an earlier one of the same kind.
        // Sorted by start, so a span is nested when it ends before the furthest end seen so far
        // for its kind (linear, not a scan of everything kept).
        let mut furthest: Vec<(Kind, usize)> = Vec::new();
        let mut kept: Vec<(Range<usize>, Kind)> = Vec::new();
        for (span, kind) in found {
            match furthest.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, end)) if span.end <= *end => continue,
                Some((_, end)) => *end = span.end,
                None => furthest.push((kind, span.end)),
            }
            kept.push((span, kind));
        }
        kept
    }
}
