//! `mocking-patient`: mocking or shaming patients — a pig emoji after a remark about someone's
//! weight, sarcasm aimed at what a patient said ("told me he 'barely eats'. Sure mate"), or
//! blaming and stigmatising patients ("eating themselves into an early grave", "a bit of stigma is
//! what's needed", "brought it on themselves").
//!
//! Why: doctors must respect patients' dignity, and must never use social media to demean an
//! individual or group (*Using social media as a medical professional* (2024), "Behaving
//! professionally"; *Good medical practice* (2024) para 56). Patients who read such a post
//! may stop seeking care.
//!
//! Example: "Had a 25-stone bloke tell me he 'barely eats' today. Sure mate 🐷" is flagged on
//! "Sure mate", "🐷" and "25-stone bloke".
//!
//! Also sneers at how patients smell or look ("why do the frailty pts always smell like wee and
//! cabbage 🤢", "the old dears stink lol"): the remark must sit in a sentence about patients and
//! come with a sneer ("always", "every single one", "like it's a uniform", "lol", a disgust or
//! laughing emoji); clinical signs ("smell of pear drops", "smelt of alcohol") and care for how
//! patients feel ("many worry they smell of urine") are not mockery.
//!
//! Blame phrases count only when the post is about patients, and not in a sentence about
//! ministers or the government (political criticism is clean).

use crate::pattern::LazyRegex;

use crate::analysis::Post;
use crate::config::Config;
use crate::document::PerSentence;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct MockingPatient {
    animal_emoji: LazyRegex,
    weight: LazyRegex,
    weight_detail: LazyRegex,
    sarcasm: LazyRegex,
    claim: LazyRegex,
    blame: LazyRegex,
    patient_context: LazyRegex,
    politics: LazyRegex,
    body: LazyRegex,
    group: LazyRegex,
    sneer: LazyRegex,
    disgust: LazyRegex,
    clinical_smell: LazyRegex,
    caring: LazyRegex,
    group_before: LazyRegex,
}

impl MockingPatient {
    pub fn new(_config: &Config) -> Self {
        MockingPatient {
            animal_emoji: LazyRegex::new(r"[🐷🐖🐽🐋🐳🐄🦛]"),
            weight: LazyRegex::new(
                r"(?-u:\b)(?:\d+(?:\.\d+)?[- ]?(?:stone|st|kg)|obese|obesity|fat|weight|bmi|eats?|eating|diet|crisps|pies|takeaways?|greggs|couch|scales)(?-u:\b)",
            ),
            weight_detail: LazyRegex::new(
                r"(?-u:\b)\d+(?:\.\d+)?[- ]?(?:stone|st|kg)(?: (?:bloke|man|woman|lady|guy|lad|patient|girl|fella|chap|boy|mum|dad))?(?-u:\b)",
            ),
            sarcasm: LazyRegex::new(concat!(
                r"(?-u:\b)(?:sure mate|sure jan|sure thing mate|yeah,? right|yeah,? sure|ri+ght+ then|likely story",
                r"|pull the other one|and i'?m the queen(?: of sheba)?|of course (?:he|she|they|you) (?:does|do|did|is|are|was|were|has|have)",
                r"|course (?:he|she|they) (?:does|do|did)|totally believe (?:him|her|them|you))(?-u:\b)",
            )),
            claim: LazyRegex::new(
                r"(?-u:\b)(?:tell|told|telling|tells|says|said|claims?|claimed|claiming|swears?|swore|insists?|insisted|reckons?|reckoned)(?-u:\b)",
            ),
            blame: LazyRegex::new(concat!(
                r"(?-u:\b)(?:eat(?:ing|s)? (?:themselves|himself|herself) (?:into|to)",
                r"|(?:drink|drinking|smoke|smoking)(?:ing)? (?:themselves|himself|herself) (?:into|to) (?:an early|the) grave",
                r"|(?:(?:a bit of|some|more|a little) )?(?:stigma|fat[- ]shaming|shaming) (?:is|'s|would be) (?:what'?s|what is|exactly what'?s)? ?(?:needed|required|the answer|no bad thing)",
                r"|brought it on (?:themselves|himself|herself)|serves? (?:them|him|her) right",
                r"|deserves? (?:it|what (?:they|he|she) gets?|everything (?:they|he|she) gets?))(?-u:\b)",
            )),
            patient_context: LazyRegex::new(
                r"(?-u:\b)(?:patients?|pts?|clinic|consultations?|surgery|ward|bay|bed|cubicle|a&e|resus|these people|my list|attenders?)(?-u:\b)",
            ),
            // What patients smell or look like: "smell like wee and cabbage", "stink of fags",
            // "look like zombies".
            body: LazyRegex::new(concat!(
                r"(?-u:\b)(?:(?:smell(?:s|ed|t)?|stink(?:s|ing)?|stank|reek(?:s|ed|ing)?|pong(?:s|ed|ing)?|honk(?:s|ed)?)",
                r" (?:like|of) (?:an? |the |old |stale )?[a-z'-]+(?: and [a-z'-]+)?",
                r"|(?P<bare>stinks?|stank|reeks?|minging|mingers)",
                r"|look(?:s|ed)? like (?:a |an )?(?:beached )?(?:whales?|pigs?|hippos?|walrus(?:es)?|zombies?|trolls?",
                r"|goblins?|gremlins?|potato(?:es)?|tramps?|corpses?))(?-u:\b)",
            )),
            // The patients as a group or one of them, not "the ward" or "the rota".
            group: LazyRegex::new(concat!(
                r"(?-u:\b)(?:patients?|pts?|old (?:dears|ladies|men|boys|girls|folk|biddies|codgers|timers)|oldies|the elderly",
                r"|residents|drunks|these people|frailty|geriatrics|geris|regulars|attenders|the [a-z]+ (?:lot|brigade|crowd))(?-u:\b)",
            )),
            // What turns a description into a sneer: "always", "every single one", "like it's a
            // uniform", "lol".
            sneer: LazyRegex::new(
                r"(?-u:\b)(?:always|every (?:single )?(?:one|time)|without fail|all of them|uniform|lol|lmao|eww*|gross|yuck|grim|rank)(?-u:\b)",
            ),
            // A bare "stink" must follow the people: "the old dears all stink", not "this rota stinks".
            group_before: LazyRegex::new(
                r"(?-u:\b)(?:patients?|pts?|dears|ladies|men|folk|oldies|residents|drunks|people|regulars|attenders|lot|brigade|crowd|they)(?: (?:all|always|really|just|proper|absolutely|literally|still|honestly|are|were))* $",
            ),
            // Care for how patients feel about it: "worry they smell of urine".
            caring: LazyRegex::new(
                r"(?-u:\b)(?:worr\w*|embarrass\w*|dignity|ashamed|self-conscious|afraid|scared|anxious|concerned|fears?|reassur\w*|gently|sensitiv\w*|stigma\w*)(?-u:\b)",
            ),
            disgust: LazyRegex::new(r"[🤢🤮😷🤣😂🙄]"),
            // Smells that are signs ("smell of pear drops" in DKA), taught, not mocked.
            clinical_smell: LazyRegex::new(
                r"(?-u:\b)(?:pear ?drops|acetone|ketones?|almonds|mice|mousy|fish|ammonia|grapes|fruity|sweet|alcohol)(?-u:\b)",
            ),
            politics: LazyRegex::new(
                r"(?-u:\b)(?:government|minister|ministers|secretary|mps?|parliament|tories|tory|labour|dhsc|treasury|chancellor|prime minister|pm|cabinet|policy|policies)(?-u:\b)",
            ),
        }
    }
}

use crate::rules::respect::GUIDANCE;

const MESSAGE: &str = "This mocks or shames patients. Patients who read it may feel judged and \
    stop seeking care, and it falls short of the respect for dignity the GMC expects.";

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "mocking-patient",
    category: Category::Respect,
    description:
        "Mocking or shaming a patient: their body, smell, weight or blame for their illness.",
};

impl Rule for MockingPatient {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let lower = doc.lower.as_str();
        let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
        let weighty = self.weight.is_match(lower);

        let mut mocked = false;
        for m in self.sarcasm.find_iter(lower) {
            let before = &lower[doc.window(&(m.start()..m.start()), 35).start..m.start()];
            if self.claim.is_match(before) {
                spans.push(m.range());
                mocked = true;
            }
        }
        if weighty {
            for m in self.animal_emoji.find_iter(doc.text) {
                spans.push(m.range());
                mocked = true;
            }
        }
        if mocked && weighty {
            for m in self.weight_detail.find_iter(lower) {
                spans.push(m.range());
            }
        }
        let disgusted = self.disgust.is_match(doc.text);
        let mut sneered = false;
        let mut group_in = PerSentence::new(&self.group);
        let mut caring_in = PerSentence::new(&self.caring);
        let mut sneer_in = PerSentence::new(&self.sneer);
        let mut politics_in = PerSentence::new(&self.politics);
        for c in self.body.captures_iter(lower) {
            let Some(m) = c.get(0) else { continue };
            let sentence = doc.sentence_around(&m.range());
            if c.name("bare").is_some() {
                let before = &lower[doc.window(&m.range(), 7).start..m.start()];
                if !self.group_before.is_match(before) {
                    continue;
                }
            }
            if group_in.is_match(lower, &sentence)
                && !caring_in.is_match(lower, &sentence)
                && (disgusted || sneer_in.is_match(lower, &sentence))
                && !self.clinical_smell.is_match(m.as_str())
                && !politics_in.is_match(lower, &sentence)
            {
                spans.push(m.range());
                sneered = true;
            }
        }
        if sneered {
            for m in self.disgust.find_iter(doc.text) {
                spans.push(m.range());
            }
        }
        if self.patient_context.is_match(lower) {
            for m in self.blame.find_iter(lower) {
                let sentence = doc.sentence_around(&m.range());
                if !politics_in.is_match(lower, &sentence) {
                    spans.push(m.range());
                }
            }
        }

        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        let mut last_end = 0;
        for span in spans {
            if span.start < last_end {
                continue;
            }
            last_end = span.end;
            let emoji = doc.text[span.clone()].chars().all(|c| !c.is_ascii());
            let mut hit = Hit::new(&INFO, Severity::Warning, span, MESSAGE, GUIDANCE);
            if emoji {
                hit = hit.with_fix(FixHit::replace("Remove the emoji", ""));
            }
            hits.push(hit);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of};

    #[test]
    fn flags_weight_mockery_with_a_pig_emoji() {
        assert_eq!(
            spans_of(
                "mocking-patient",
                "Had a 25-stone bloke tell me he 'barely eats' today. Sure mate 🐷"
            ),
            vec!["25-stone bloke", "Sure mate", "🐷"]
        );
    }

    #[test]
    fn flags_sneers_at_how_patients_smell_or_look() {
        assert_eq!(
            spans_of(
                "mocking-patient",
                "Why do the frailty pts always smell like wee and cabbage?? Like it's a uniform 🤢"
            ),
            vec!["smell like wee and cabbage", "🤢"]
        );
        for text in [
            "The old dears on ward 9 stink of fags every single time lol",
            "Nursing home patients reek of stale urine, gross",
            "Patients in resus tonight all look like zombies 😂",
            "The Friday night drunks always stink lol",
        ] {
            assert!(flagged("mocking-patient", text), "{text}");
        }
    }

    #[test]
    fn ignores_smell_as_a_clinical_sign_or_about_dignity() {
        for text in [
            "Patients in DKA often smell of pear drops: that's acetone on the breath.",
            "Patient smelt of alcohol and had a GCS of 13, so we scanned his head.",
            "Many patients with incontinence worry they smell of urine. Ask gently and offer the continence service.",
            "The ward always smells like toast at 7am and I love it",
            "Why do I always smell like hospital soap after a shift 🤢",
            "Patients always worry they smell of wee. Reassure them, it's so common.",
            "This rota stinks, patients always lose out",
            "We rank patients by acuity, always",
        ] {
            assert!(!flagged("mocking-patient", text), "{text}");
        }
    }

    #[test]
    #[ignore = "sarcasm with no reported claim before it is not recognised"]
    fn knows_its_limits() {
        assert!(flagged(
            "mocking-patient",
            "Bed 4 'only has two glasses of wine a night'. Riiight 🙄"
        ));
    }
}
