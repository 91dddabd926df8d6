//! `personal-channel`: inviting patients to contact the doctor through a personal channel
//! (WhatsApp, Instagram, Telegram, TikTok, a personal mobile, a private Facebook group, "message me
//! here").
//!
//! Why: a personal channel sits outside the practice's records, safeguards and cover
//! arrangements, and it blurs the line between the doctor's private and professional life. The
//! GMC asks doctors to keep personal and professional boundaries (*Maintaining personal and
//! professional boundaries* (2024) paras 3–4) and reminds them that private messages and closed
//! groups can become public (*Good medical practice* (2024) para 93).
//!
//! Example: "Any of my patients reading this — feel free to WhatsApp me on 07700 900614" is
//! flagged on "WhatsApp me".
//!
//! An invitation is flagged only when the post speaks to patients ("my patients", "my menopause
//! clinic patients", "on my list", "registered with us", "patients welcome", "Dear patients", a
//! line opening "Patients —") or the same sentence asks for clinical matters (results,
//! prescriptions, rashes, "if she gets worse", "personalised advice", "direct advice"). A sentence that declines ("I can't give personalised advice") is not an invitation. "DM to book" adverts, recruitment ("message me and I'll put you
//! forward") and colleagues asking each other to DM are left alone.

use std::sync::LazyLock;

use crate::lexicon::list::RULE_WORDS;
use crate::pattern::LazyRegex;

use crate::analysis::Post;
use crate::config::Config;
use crate::document::{PerSentence, SpanSet};
use crate::finding::{Category, Hit, RuleInfo, Severity};
use crate::rules::Rule;

pub struct PersonalChannel {
    invite: LazyRegex,
    audience: LazyRegex,
    clinical: LazyRegex,
    negated: LazyRegex,
    declined: LazyRegex,
    supporting: LazyRegex,
}

impl PersonalChannel {
    pub fn new(_config: &Config) -> Self {
        PersonalChannel {
            // Matched against the lower-cased text.
            invite: LazyRegex::new(concat!(
                r"(?-u:\b)(?:(?:whatsapp|snapchat|snap|telegram|signal|text|dm|pm|inbox|message|msg|facetime|ring|call)",
                r" me(?: (?:on|at|via|there|here|directly|privately|personally))?",
                r"|add me on (?:facebook|fb|insta(?:gram)?|snap(?:chat)?|whatsapp|tiktok|telegram|signal|discord)",
                r"|(?:i'?m|i am|find me|follow me) on (?:insta(?:gram)?|whatsapp|snap(?:chat)?|tiktok|telegram|signal|discord)",
                r"|(?:join|follow|subscribe to|check out|head to|find) (?:my|our) (?:new |free |private |personal |own )?",
                r"(?:telegram|whatsapp|insta(?:gram)?|tiktok|snap(?:chat)?|youtube|facebook|fb|discord|signal)",
                r"(?: (?:channel|group|community|page|account|chat))?",
                r"|my (?:personal |own |new )?(?:mobile|whatsapp|insta(?:gram)?|dms|inbox|telegram|signal|snapchat)",
                r"|(?:my|our|a|the) (?:new |free |private )?(?:telegram|whatsapp|signal|discord) (?:channel|group|community|chat)",
                r"|private (?:facebook |fb |whatsapp |telegram |insta(?:gram)? )?(?:group|group chat|chat|page))(?-u:\b)",
            )),
            // "my patients", "my menopause clinic patients", "for our lovely patients".
            audience: LazyRegex::new(concat!(
                r"(?-u:\b)(?:(?:my|our)((?: [a-z-]+){0,3}?) patients|(?:on|registered on) my list",
                r"|registered (?:with us|with the practice|at (?:the|our) (?:surgery|practice))",
                r"|patients (?:at|of) (?:the |our )?\w+",
                r"|patients(?: are| very| always| all| more than)? welcome",
                r"|patients (?:can|may|should|are free to) (?:join|message|dm|follow|add|text|whatsapp|ask)",
                r"|any (?:of )?(?:my |our )?patients (?:reading|out there|who|following|seeing)",
                r"|(?:dear|calling all|to all|attention|hi|hey)(?: my| our)? patients)(?-u:\b)",
                // "Patients — feel free to...", "Patients: WhatsApp me": a post that opens by
                // addressing patients.
                r"|(?m)^\W*(?:my |our |all )?patients *(?:[,:—–-]|\.\.\.|…)",
            )),
            clinical: LazyRegex::new(concat!(
                r"(?-u:\b)(?:results?|prescriptions?|scripts?|repeat|symptoms?|rash(?:es)?|photos?|pics?",
                r"|medications?|meds|queries|worse|worried|worth coming in",
                r"|bloods|blood tests?|test results|diagnos\w*|pain",
                r"|personali[sz]ed (?:advice|plans?|recommendations|guidance|tips|care)|tailored advice",
                r"|individual(?:ised)? advice|one[- ]to[- ]one advice",
                r"|(?:direct|personal|1[:-]1|1-2-1) (?:medical |health )?advice",
                r"|(?:ask|send) me (?:your |any )?(?:medical|health|clinical) (?:questions|queries)",
                r"|questions about (?:your |the |their |his |her )?(?:health|treatment|condition|tablets|pills",
                r"|hrt|care|scan|operation|op|procedure|referral|baby|child))(?-u:\b)",
            )),
            supporting: LazyRegex::new(concat!(
                r"(?-u:\b)(?:(?:photos?|pics?|pictures?|snaps?) of (?:your |the )?(?:rash(?:es)?|moles?|lumps?|spots?",
                r"|wounds?|skin|eyes?|throat|bites?)|(?:your |with (?:your|their) )?(?:date of birth|dob",
                r"|nhs number)|questions? about (?:your )?(?:results?|medications?|meds|symptoms?))(?-u:\b)",
            )),
            declined: LazyRegex::new(
                r"(?-u:\b)(?:can'?t|cannot|won'?t|don'?t|do not|unable to|not able to|never) (?:give|offer|provide|do|answer|reply to)(?-u:\b)",
            ),
            negated: LazyRegex::new(
                r"(?:don'?t|do not|never|please don'?t|can'?t|cannot|won'?t|not) $",
            ),
        }
    }
}

/// Words between "my" and "patients" that make them someone else's ("my colleagues' patients").
/// Words that put others in the message (`list=channel-others` in rule_words.txt).
static OTHERS: LazyLock<Vec<&str>> = LazyLock::new(|| RULE_WORDS.words("list=channel-others"));

const GUIDANCE: &[&str] = &["bnd-2024-3", "bnd-2024-4", "gmp-2024-93"];

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "personal-channel",
    category: Category::Boundaries,
    description: "Inviting patients to contact the doctor through a personal channel.",
};

impl Rule for PersonalChannel {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let to_patients = self.audience.captures_iter(&doc.lower).any(|c| {
            c.get(1).map_or(true, |gap| {
                !gap.as_str().split(' ').any(|w| OTHERS.contains(&w))
            })
        });
        let mut invited = false;
        // `individual-advice` runs first and may already have flagged an offer. (This rule's
        // own invitations never overlap a later one: `find_iter` matches do not overlap.)
        let taken: SpanSet = hits
            .iter()
            .filter(|h| h.category() == Category::Boundaries)
            .map(|h| h.span.clone())
            .collect();
        let (mut declined_in, mut clinical_in) = (
            PerSentence::new(&self.declined),
            PerSentence::new(&self.clinical),
        );
        for m in self.invite.find_iter(&doc.lower) {
            let before = &doc.lower[doc.window(&m.range(), 4).start..m.start()];
            if self.negated.is_match(before) {
                continue;
            }
            if taken.overlaps(&m.range()) {
                continue;
            }
            let sentence = doc.sentence_around(&m.range());
            if declined_in.is_match(&doc.lower, &sentence) {
                continue;
            }
            let clinical = clinical_in.is_match(&doc.lower, &sentence);
            if !(to_patients || clinical) {
                continue;
            }
            invited = true;
            hits.push(Hit::new(
                &INFO,
                Severity::Warning,
                m.range(),
                "This invites patients to contact you through a personal channel. Messages there \
                 bypass the practice's records and safeguards and blur professional boundaries; \
                 point people to the practice's own contact routes, or 111/999 if urgent.",
                GUIDANCE,
            ));
        }
        if !invited {
            return;
        }
        // What the invitation asks patients to send through that channel.
        for m in self.supporting.find_iter(&doc.lower) {
            hits.push(Hit::new(
                &INFO,
                Severity::Warning,
                m.range(),
                "Clinical details and identifiers sent through a personal channel sit outside the \
                 record and its safeguards.",
                GUIDANCE,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of};

    #[test]
    fn flags_whatsapp_invitation_to_patients() {
        assert_eq!(
            spans_of(
                "personal-channel",
                "Any of my patients struggling to get through, WhatsApp me on 07700 900614."
            ),
            vec!["WhatsApp me on"]
        );
    }

    #[test]
    fn highlights_what_patients_are_asked_to_send() {
        assert_eq!(
            spans_of(
                "personal-channel",
                "Patients at Parkside: WhatsApp me if you can't get through. Photos of rashes are fine."
            ),
            vec!["WhatsApp me", "Photos of rashes"]
        );
    }

    #[test]
    fn flags_telegram_and_tiktok_invitations() {
        assert_eq!(
            spans_of(
                "personal-channel",
                "Join my Telegram channel for daily menopause tips, patients welcome!"
            ),
            vec!["Join my Telegram channel"]
        );
        assert!(flagged(
            "personal-channel",
            "Follow my TikTok @dr.glow for personalised advice, patients welcome!"
        ));
        assert!(flagged(
            "personal-channel",
            "Telegram me if your rash gets worse"
        ));
    }

    #[test]
    fn ignores_channels_for_colleagues_declines_and_scam_warnings() {
        for text in [
            "Follow my TikTok for med school revision tips!",
            "Join our Telegram channel for the regional teaching programme, trainees only",
            "I can't give personalised advice on TikTok, but follow my TikTok for general tips",
            "See your GP for personalised advice about HRT",
            "Patients welcome at our open day on Saturday, no booking needed",
            "Scammers are using a fake Telegram channel in my name. I will never message you on Telegram.",
        ] {
            assert!(!flagged("personal-channel", text), "{text}");
        }
    }

    #[test]
    fn flags_invitations_that_address_patients_directly() {
        assert_eq!(
            spans_of(
                "personal-channel",
                "Patients — feel free to WhatsApp me on 07700 900555 anytime"
            ),
            vec!["WhatsApp me on"]
        );
        for text in [
            "Patients: text me on 07700 900123 if you can't get through to reception",
            "Dear patients, I'm on Insta now, DM me there",
            "Join my private Facebook group 'Dr Nina's Patients Hub' for direct advice",
            "Add me on WhatsApp for personal advice about your HRT",
        ] {
            assert!(flagged("personal-channel", text), "{text}");
        }
    }

    #[test]
    fn ignores_patient_notices_and_groups_without_an_invitation() {
        for text in [
            "Patients — the surgery closes at 1pm on Thursday for training",
            "Patients: please ring reception on 0113 496 0000 for appointments, not my mobile",
            "Join our private WhatsApp group for GP trainees in the deanery",
            "Join my Instagram live tonight, ask me questions about the MRCP",
            "DM me to book a private consultation at the clinic",
        ] {
            assert!(!flagged("personal-channel", text), "{text}");
        }
    }

    #[test]
    #[ignore = "a follow request without a patient cue or clinical words is not recognised"]
    fn knows_its_limits() {
        assert!(flagged(
            "personal-channel",
            "Lovely seeing you all at the surgery today, add me on Insta!"
        ));
    }
}
