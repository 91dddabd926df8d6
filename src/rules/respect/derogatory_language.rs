//! `derogatory-language`: contemptuous terms for patients or colleagues ("frequent flyers", "bed
//! blocker", "wasters", "absolute clown", "thick as mince", "glorified HCAs", "should be struck
//! off", "the night nurses are useless", "where do they find these people"), insults with
//! describing words before them ("the orthopods are knuckle-dragging idiots"), plural insults after
//! a demonstrative ("I can't with these morons"), sneers at a colleague's competence ("bought his
//! degree online", "how did she pass medical school", "Absolutely useless." after talk of a
//! colleague), direct insults with describing words ("you're a lazy, arrogant waste of a salary"),
//! "the crumbly in bed 3", "a right Karen", "a clinic full of Karens" and "can't fix stupid" (not
//! in a post about politics).
//!
//! Why: the GMC asks doctors never to use social media to abuse, bully or demean an individual or
//! group (*Using social media as a medical professional* (2024), "Behaving professionally"), to
//! treat colleagues with kindness, courtesy and respect (*Good medical practice* (2024) para 48)
//! and not to abuse or bully anyone (para 56). Contempt for patients also erodes public trust.
//!
//! Example: "three frequent flyers, all drunk" is flagged on "frequent flyers", with a fix
//! offering "regular attenders".
//!
//! Inter-specialty teasing is `specialty-banter`'s (a reminder, never a warning). Criticism of
//! ministers, policies or products ("the pay offer is a disgrace", "quack remedies") is not flagged.

use crate::pattern::LazyRegex;
use context::{softened, PERSON_FOLLOWERS};

use crate::analysis::Post;
use crate::document::PerSentence;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

/// The compiled patterns (their vocabulary and sources in `derogatory_language/patterns.rs`).
pub struct DerogatoryLanguage {
    slurs: LazyRegex,
    intensified: LazyRegex,
    direct: LazyRegex,
    quack: LazyRegex,
    role_adjective: LazyRegex,
    adjective_role: LazyRegex,
    self_directed: LazyRegex,
    mention: LazyRegex,
    role_insult: LazyRegex,
    demonstrative: LazyRegex,
    competence: LazyRegex,
    admiring: LazyRegex,
    verdict: LazyRegex,
    other_person: LazyRegex,
    pronoun: LazyRegex,
    any_role: LazyRegex,
    things: LazyRegex,
    first_person: LazyRegex,
    politics: LazyRegex,
    crumbly: LazyRegex,
    karen: LazyRegex,
    stupid: LazyRegex,
}

use crate::rules::respect::GUIDANCE;

const MESSAGE: &str = "This is derogatory language about patients or colleagues. Contempt in a \
    public post damages trust in the profession, and colleagues are owed courtesy and respect; \
    raise real concerns through proper routes.";

fn removal(lower: &str) -> FixHit {
    if lower.starts_with("frequent") {
        let plural = lower.ends_with('s');
        FixHit::replace(
            "Say \"regular attender\" instead",
            if plural {
                "regular attenders"
            } else {
                "regular attender"
            },
        )
    } else if lower.starts_with("bed") && lower.contains("blocker") {
        let plural = lower.ends_with('s');
        FixHit::replace(
            "Say \"patient awaiting discharge\" instead",
            if plural {
                "patients awaiting discharge"
            } else {
                "patient awaiting discharge"
            },
        )
    } else {
        FixHit::replace("Remove the phrase", "")
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "derogatory-language",
    category: Category::Respect,
    description:
        "Contemptuous terms for patients or colleagues (\"frequent flyer\", \"bed blocker\").",
};

impl Rule for DerogatoryLanguage {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let lower = doc.lower.as_str();
        let mut spans: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
        for m in self.slurs.find_iter(lower) {
            if !self.is_mention(doc, m.range()) {
                spans.push((m.range(), true));
            }
        }
        for m in self.intensified.find_iter(lower) {
            if !self.is_self_directed(doc, m.start()) {
                spans.push((m.range(), true));
            }
        }
        for c in self.direct.captures_iter(lower) {
            let (Some(all), Some(gap)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if !softened(gap.as_str()) {
                spans.push((all.range(), true));
            }
        }
        for c in self.quack.captures_iter(lower) {
            let Some(word) = c.get(1) else { continue };
            let product = c.get(2).is_some_and(|next| {
                let next = next.as_str();
                [
                    "remed", "cure", "therap", "treat", "medic", "product", "claim", "science",
                    "diet",
                ]
                .iter()
                .any(|p| next.starts_with(p))
            });
            if !product {
                spans.push((word.range(), true));
            }
        }
        for c in self.role_adjective.captures_iter(lower) {
            if let Some(adjective) = c.get(1) {
                spans.push((adjective.range(), false));
            }
        }
        for m in self.adjective_role.find_iter(lower) {
            let quoted = lower[..m.start()]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '\'' | '"' | '‘' | '“'));
            if !quoted {
                spans.push((m.range(), false));
            }
        }
        let mut politics_in = PerSentence::new(&self.politics);
        for c in self.role_insult.captures_iter(lower) {
            let (Some(all), Some(gap)) = (c.get(0), c.get(1).or_else(|| c.get(2))) else {
                continue;
            };
            let glued = lower[all.end()..].starts_with('-');
            let sentence = doc.sentence_around(&all.range());
            if !glued && !softened(gap.as_str()) && !politics_in.is_match(lower, &sentence) {
                // Highlight from the last word before the describing words: "are knuckle-dragging idiots".
                let verb = lower[all.start()..gap.start()]
                    .rfind([' ', '\''])
                    .map_or(all.start(), |at| all.start() + at + 1);
                spans.push((verb..all.end(), false));
            }
        }
        for c in self.demonstrative.captures_iter(lower) {
            let Some(all) = c.get(0) else { continue };
            let gap = c.get(1).map_or("", |g| g.as_str());
            let sentence = doc.sentence_around(&all.range());
            let selfish = all.as_str().starts_with("such")
                && (self.is_self_directed(doc, all.start())
                    || [" we ", " i "]
                        .iter()
                        .any(|p| lower[all.end()..].starts_with(p)));
            if !selfish
                && !softened(gap)
                && !self.is_mention(doc, all.range())
                && !politics_in.is_match(lower, &sentence)
            {
                spans.push((all.range(), true));
            }
        }
        let mut admiring_in = PerSentence::new(&self.admiring);
        for m in self.competence.find_iter(lower) {
            let sentence = doc.sentence_around(&m.range());
            let rest = &lower[m.end()..sentence.end];
            if !rest.starts_with(" for ")
                && !admiring_in.is_match(lower, &sentence)
                && !self.is_mention(doc, m.range())
            {
                spans.push((m.range(), false));
            }
        }
        let mut other_person_in = PerSentence::new(&self.other_person);
        let mut pronoun_in = PerSentence::new(&self.pronoun);
        let mut any_role_in = PerSentence::new(&self.any_role);
        let mut first_person_in = PerSentence::new(&self.first_person);
        let mut things_in = PerSentence::new(&self.things);
        for c in self.verdict.captures_iter(lower) {
            let Some(verdict) = c.get(1) else { continue };
            let before = lower[..verdict.start()].trim_end_matches(['.', '!', '?', '\n', ' ']);
            if before.is_empty() {
                continue;
            }
            let previous = doc.sentence_around(&(before.len()..before.len()));
            // A pronoun is enough for a verdict on competence ("he ... Absolutely useless."), not
            // for one that may be about what happened to him ("he waited 14 hours. Pathetic.").
            let competence = [
                "useless",
                "incompetent",
                "clueless",
                "brainless",
                "liability",
            ]
            .iter()
            .any(|w| verdict.as_str().ends_with(w));
            let aimed = other_person_in.is_match(lower, &previous)
                || (competence && pronoun_in.is_match(lower, &previous))
                || (any_role_in.is_match(lower, &previous)
                    && !first_person_in.is_match(lower, &previous));
            if aimed
                && !politics_in.is_match(lower, &previous)
                && !things_in.is_match(lower, &previous)
            {
                spans.push((verdict.range(), true));
            }
        }
        for c in self.crumbly.captures_iter(lower) {
            let Some(word) = c.get(1) else { continue };
            let person = c
                .get(2)
                .map_or(true, |next| PERSON_FOLLOWERS.contains(&next.as_str()));
            if person && !self.is_mention(doc, word.range()) {
                spans.push((word.range(), true));
            }
        }
        for m in self.karen.find_iter(lower) {
            if !self.is_mention(doc, m.range()) {
                spans.push((m.range(), true));
            }
        }
        if !self.politics.is_match(lower) {
            for m in self.stupid.find_iter(lower) {
                if !self.is_mention(doc, m.range()) {
                    spans.push((m.range(), true));
                }
            }
        }
        spans.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut last_end = 0;
        for (span, removable) in spans {
            if span.start < last_end {
                continue;
            }
            last_end = span.end;
            let mut hit = Hit::new(
                &INFO,
                Severity::Warning,
                span.clone(),
                target::target(doc, &span).message(MESSAGE),
                GUIDANCE,
            );
            if removable {
                hit = hit.with_fix(removal(&lower[span]));
            }
            hits.push(hit);
        }
    }
}

mod context;
mod patterns;
mod target;
#[cfg(test)]
mod tests;
