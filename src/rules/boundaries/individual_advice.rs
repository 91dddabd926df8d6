//! `individual-advice`: offering one person clinical advice by DM or in a public reply ("DM me
//! your rash pics", "DM me and I'll talk you through it", a reply that says "@kerry sounds like a
//! UTI" or "@sam just take Nytol", or gives a dose: "200mg bd x 3 days", "take 2 tablets").
//!
//! A reply is a post that opens with an @handle or "Replying to @handle"; elsewhere in a post,
//! advice counts as a reply when it follows a handle ("... @kerry sounds like a UTI"). A dose
//! counts only in a reply and in a sentence aimed at the person ("you", "take", "ask"), not a
//! colleague's "we start 5mg od".
//!
//! Why: advice given to a stranger online has no history, examination, records or safety-netting,
//! and the exchange sits outside any proper consultation. The GMC asks doctors to keep
//! professional boundaries online (*Maintaining personal and professional boundaries* (2024)
//! paras 3–4) and reminds them that private messages can become public (*Good medical practice*
//! (2024) para 93).
//!
//! Example: "@tom chest pain down your left arm? DM me, I'll talk you through it" is flagged on
//! "DM me, I'll talk you through it".
//!
//! Politely declining ("I can't give individual advice on here, but please call 111") is clean,
//! and so is general health information that is not aimed at one person.

use std::sync::LazyLock;

use crate::lexicon::list::RULE_WORDS;
use crate::pattern::LazyRegex;

use crate::analysis::Post;
use crate::config::Config;
use crate::document::PerSentence;
use crate::finding::{Category, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct IndividualAdvice {
    dm_offer: LazyRegex,
    photo_request: LazyRegex,
    reply: LazyRegex,
    reply_advice: LazyRegex,
    reply_product: LazyRegex,
    handle_before: LazyRegex,
    dose: LazyRegex,
    personal: LazyRegex,
    decline: LazyRegex,
    results: LazyRegex,
    addressed: LazyRegex,
}

const CONDITIONS: &str = concat!(
    r"(?:uti|water infection|urine infection|chest infection|infection|migraine|sinusitis|viral",
    r"|a virus|gastro|ibs|reflux|heartburn|sciatica|shingles|eczema|psoriasis|thrush|tonsillitis",
    r"|strep|flu|covid|anxiety|a panic attack|panic attacks|angina|gout|cellulitis|kidney stones?",
    r"|appendicitis|vertigo|labyrinthitis|an allergy|an allergic reaction|hay ?fever",
    r"|conjunctivitis|an ear infection|otitis|tendonitis|tendinitis|a sprain|a fracture|a bug",
    r"|concussion|bronchitis|pneumonia|asthma|a hernia|gallstones|endometriosis|pcos",
    r"|(?:peri)?menopause|diverticulitis|costochondritis|a muscle strain|a pulled muscle",
    r"|piles|haemorrhoids|a cyst|impetigo|ringworm|scabies|nits|croup|colic|teething|tennis elbow)",
);

const MEDICINES: &str = concat!(
    r"(?:aspirin|ibuprofen|paracetamol|naproxen|codeine|co-codamol|antihistamines?|cetirizine",
    r"|loratadine|piriton|nytol|sleeping (?:tablets|pills)|melatonin|gaviscon|omeprazole",
    r"|lansoprazole|antibiotics|amoxicillin|nitrofurantoin|trimethoprim|steroids?|prednisolone",
    r"|hydrocortisone|canesten|clotrimazole|fluconazole|imodium|loperamide|senna|lactulose",
    r"|buscopan|calpol|nurofen|sudafed|vitamin d|iron tablets|a statin|statins|an inhaler)",
);

impl IndividualAdvice {
    pub fn new(_config: &Config) -> Self {
        let reply_advice = format!(
            r"(?-u:\b)(?:sounds (?:like|to me like) (?:an? )?{c}|(?:probably|likely|definitely|classic|def) (?:an? )?{c}|you(?:'ve| have)? (?:probably |likely )?got (?:an? )?{c}|(?:just |honestly |definitely |def )?(?:take|try|get|grab|buy|chew|pop|start) (?:an? |some |the )?{m}|works for most people|you(?:'ll)? need (?:a course of |some )?{m}|ask (?:the|your|a) (?:pharmacist|chemist|gp|doctor) for (?:some |a course of )?{m})(?-u:\b)",
            c = CONDITIONS,
            m = MEDICINES,
        );
        IndividualAdvice {
            // All matched against the lower-cased text.
            dm_offer: LazyRegex::new(concat!(
                r"(?-u:\b)(?:dm|pm|message|msg|inbox|whatsapp|text|email) me",
                r"(?: (?:your|a|some) (?:rash|mole|lump|skin|wound|symptoms?|results?|bloods|blood results",
                r"|scans?|x-?rays?|meds|medications?|address|details|photos?|pics?|pictures?|questions?)",
                r"(?: (?:pics?|photos?|pictures?|snaps?))?",
                r"|[ ,]+(?:and )?i'?ll (?:talk you through(?: it)?|have a look|take a look|tell you",
                r"|let you know|advise|sort you(?: out)?|prescribe|check|diagnose|see what|give you",
                r"|get you|send you))(?-u:\b)"
            )),
            photo_request: LazyRegex::new(concat!(
                r"(?-u:\b)(?:send|dm|message|post) (?:me )?(?:a |some |your )?(?:photos?|pics?|pictures?|snaps?)",
                r" (?:of )?(?:your|the) (?:rash|mole|lump|spot|wound|skin|eye|throat|tongue|bite)(?-u:\b)",
                r"|(?-u:\b)free (?:derm(?:atology)? |medical |gp |clinical )?(?:advice|consults?|consultations?)(?-u:\b)",
            )),
            // "@sue ...", "Replying to @sue: ...", "re @sue".
            reply: LazyRegex::new(
                r"^\W*(?:(?:replying|reply|in reply|responding) to |re:? )?@[a-z0-9_]{1,30}(?-u:\b)",
            ),
            // "... @sue sounds like a UTI": a handle just before the advice, anywhere in the post.
            handle_before: LazyRegex::new(
                r"@[a-z0-9_]{1,30}[,:]? *(?:(?:hun|hon|babe|mate|lovely|love|x)[,!]? *)?$",
            ),
            // Dose instructions: "200mg bd", "x 3 days", "take 2 tablets", "two puffs twice a day".
            dose: LazyRegex::new(concat!(
                r"(?-u:\b)(?:\d+(?:\.\d+)? ?(?:mg|mcg|micrograms?|g|ml)(?: (?:tablets?|caps(?:ules)?))?",
                r" (?:bd|tds|qds|od|on|nocte|prn|once|twice|three times|four times|every|daily|a day|at night|x ?\d+)",
                r"|x ?\d+ ?(?:days?|weeks?|\/7|\/52)",
                r"|take (?:\d+|one|two|three|four) (?:tablets?|pills?|caps(?:ules)?|puffs?|spoonfuls?|sachets?|doses?)",
                r"|(?:\d+|one|two|three|four) (?:tablets?|pills?|caps(?:ules)?|puffs?|sachets?) (?:once|twice|three times|four times|every|a day|daily|at night))(?-u:\b)",
            )),
            // A dose aimed at the person replied to, not a colleague's "we start 5mg od".
            personal: LazyRegex::new(
                r"(?-u:\b)(?:you|your|you'?re|hun|hon|babe|mate|take|ask|get|try|grab|buy|pop)(?-u:\b)",
            ),
            reply_advice: LazyRegex::new(reply_advice),
            reply_product: LazyRegex::new(
                r"(?-u:\b)(?:just|honestly|definitely) (?:get|take|try|grab|buy|use) (?:some )?([a-z][a-z-]{2,})(?-u:\b)",
            ),
            results: LazyRegex::new(concat!(
                r"(?-u:\b)your (?:biopsy|results?|blood(?: test)?s?|scan|x-?ray|smear|tests?|swabs?|mri|ct|ecg",
                r"|histology|mammogram)(?: results?)? (?:came back|has come back|have come back|is back",
                r"|are back|was|were|is|are|looks?|looked) (?:all )?(?:benign|normal|clear|fine|negative",
                r"|positive|abnormal|okay|ok|good|reassuring)(?-u:\b)",
            )),
            addressed: LazyRegex::new(
                r"(?-u:\b)(?:if you(?:'re| are)? (?:see|seeing|read|reading) this|you know who you are)(?-u:\b)",
            ),
            decline: LazyRegex::new(concat!(
                r"(?-u:\b)(?:can'?t|cannot|can not|won'?t|unable to|not able to|not allowed to|don'?t) ",
                r"(?:give|offer|provide|do)(?: you)? (?:any )?(?:individual |personal |specific |medical )?",
                r"(?:advice|consultations?|diagnos[ie]s)(?-u:\b)",
                r"|(?-u:\b)(?:can'?t|cannot|won'?t) (?:advise|diagnose|comment on (?:individual|your))",
            )),
        }
    }
}

/// Words after "just take", "honestly try" that are not a product.
/// Words after "try"/"use" that are no product (`list=not-product` in rule_words.txt).
static NOT_PRODUCTS: LazyLock<Vec<&str>> = LazyLock::new(|| RULE_WORDS.words("list=not-product"));

const GUIDANCE: &[&str] = &["bnd-2024-3", "bnd-2024-4", "gmp-2024-93"];

const DM_MESSAGE: &str = "This offers one person clinical advice by private message, outside a \
    proper consultation with records and safety-netting. Decline politely and point them to \
    their GP, 111 or 999.";
const RESULTS_MESSAGE: &str = "This gives one patient their results in a public post. Results \
    belong in a private, verified conversation through the practice or hospital.";
const REPLY_MESSAGE: &str = "This gives one person individual clinical advice in a reply. \
    Without a history, examination or records it may be unsafe; point them to their GP, \
    pharmacist, 111 or 999 instead.";

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "individual-advice",
    category: Category::Boundaries,
    description: "Individual clinical advice offered by DM or in a public reply.",
};

impl Rule for IndividualAdvice {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let lower = doc.lower.as_str();
        if self.decline.is_match(lower) {
            return;
        }
        let mut push = |span: std::ops::Range<usize>, message: &str| {
            let span = trim_end(lower, span);
            if span.is_empty()
                || hits
                    .iter()
                    .any(|h| h.rule.id == INFO.id && overlaps(&h.span, &span))
            {
                return;
            }
            hits.push(Hit::new(&INFO, Severity::Warning, span, message, GUIDANCE));
        };
        for m in self.dm_offer.find_iter(lower) {
            push(m.range(), DM_MESSAGE);
        }
        for m in self.photo_request.find_iter(lower) {
            push(m.range(), DM_MESSAGE);
        }
        let reply = self.reply.is_match(lower);
        if reply || self.addressed.is_match(lower) {
            for m in self.results.find_iter(lower) {
                push(m.range(), RESULTS_MESSAGE);
            }
        }
        if !reply {
            // "Great thread! @kerry sounds like a UTI": advice right after a handle.
            for m in self.reply_advice.find_iter(lower) {
                let before = &lower[doc.window(&m.range(), 7).start..m.start()];
                if self.handle_before.is_match(before) {
                    push(m.range(), REPLY_MESSAGE);
                }
            }
        }
        if reply {
            for m in self.reply_advice.find_iter(lower) {
                push(m.range(), REPLY_MESSAGE);
            }
            let mut personal_in = PerSentence::new(&self.personal);
            for m in self.dose.find_iter(lower) {
                let sentence = doc.sentence_around(&m.range());
                if personal_in.is_match(lower, &sentence) {
                    push(m.range(), REPLY_MESSAGE);
                }
            }
            for c in self.reply_product.captures_iter(lower) {
                let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                if !NOT_PRODUCTS.contains(&word.as_str()) {
                    push(all.range(), REPLY_MESSAGE);
                }
            }
        }
    }
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Drops trailing spaces a pattern's tail may have taken (ASCII only, so boundaries hold).
fn trim_end(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let trimmed = text[span.clone()].trim_end_matches([' ', ',']);
    span.start..span.start + trimmed.len()
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of};

    #[test]
    fn flags_dm_offers_of_assessment() {
        assert!(flagged(
            "individual-advice",
            "DM me your rash pics and I'll tell you whether you need to worry"
        ));
        assert_eq!(
            spans_of(
                "individual-advice",
                "@tom_b Chest pain? Take an aspirin and DM me, I'll talk you through it"
            )
            .last()
            .map(String::as_str),
            Some("DM me, I'll talk you through it")
        );
    }

    #[test]
    fn flags_replies_with_a_lead_in_and_dose_instructions() {
        let spans = spans_of(
            "individual-advice",
            "Replying to @sue_from_stoke: sounds like a UTI hun, ask the pharmacist for trimethoprim 200mg bd x 3 days",
        );
        assert!(spans.iter().any(|s| s == "sounds like a UTI"), "{spans:?}");
        assert!(spans.iter().any(|s| s.contains("200mg bd")), "{spans:?}");
        for text in [
            "@dan_runs take 2 tablets of ibuprofen three times a day with food, you'll be fine",
            "@mia_k you need 400mg tds for a week",
            "Such a good question. @kerry_b92 sounds like a chest infection, see your GP",
            "re @tom_b: try 10mg at night x 5 days",
        ] {
            assert!(flagged("individual-advice", text), "{text}");
        }
    }

    #[test]
    fn ignores_doses_in_teaching_and_colleague_replies() {
        for text in [
            "Nitrofurantoin 100mg bd x 3 days is first line for uncomplicated UTI in women.",
            "@DrSmith agree, we start amlodipine 5mg od and review in 4 weeks",
            "Replying to @jo_smith: that sounds like a nightmare shift, hope you got some sleep",
            "Shoutout to @nhs_pharmacy, take 2 minutes to read their thread",
            "@worried_mum I can't give individual advice, but 111 can tell you about doses",
        ] {
            assert!(!flagged("individual-advice", text), "{text}");
        }
    }

    #[test]
    #[ignore = "advice in a Facebook comment thread has no @handle to show it is a reply"]
    fn knows_its_limits() {
        assert!(flagged(
            "individual-advice",
            "Karen, that sounds like shingles, get some aciclovir from the chemist"
        ));
    }
}
