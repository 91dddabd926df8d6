//! `personal-channel`: inviting patients to contact the doctor through a personal channel
//! (WhatsApp, Instagram, a personal mobile, a private Facebook group, "message me here").
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
//! An invitation is flagged only when the post speaks to patients ("my patients", "on my list",
//! "registered with us") or the same sentence asks for clinical matters (results, prescriptions,
//! rashes, "if she gets worse"). "DM to book" adverts, recruitment ("message me and I'll put you
//! forward") and colleagues asking each other to DM are left alone.

use crate::pattern::LazyRegex;

use crate::config::Config;
use crate::finding::{Category, Hit, Severity};
use crate::rules::Rule;
use crate::text::Document;

pub struct PersonalChannel {
    invite: LazyRegex,
    audience: LazyRegex,
    clinical: LazyRegex,
    negated: LazyRegex,
    supporting: LazyRegex,
}

impl PersonalChannel {
    pub fn new(_config: &Config) -> Self {
        PersonalChannel {
            // Matched against the lower-cased text.
            invite: LazyRegex::new(concat!(
                r"(?-u:\b)(?:(?:whatsapp|snapchat|snap|text|dm|pm|inbox|message|msg|facetime|ring|call)",
                r" me(?: (?:on|at|via|there|here|directly|privately|personally))?",
                r"|add me on (?:facebook|fb|insta(?:gram)?|snap(?:chat)?|whatsapp|tiktok)",
                r"|(?:i'?m|i am|find me|follow me) on (?:insta(?:gram)?|whatsapp|snap(?:chat)?|tiktok)",
                r"|my (?:personal |own )?(?:mobile|whatsapp|insta(?:gram)?|dms|inbox)",
                r"|private (?:facebook |fb |whatsapp |telegram |insta(?:gram)? )?(?:group|group chat|chat|page))(?-u:\b)",
            )),
            audience: LazyRegex::new(concat!(
                r"(?-u:\b)(?:(?:my|our) (?:own )?patients|(?:on|registered on) my list",
                r"|registered (?:with us|with the practice|at (?:the|our) (?:surgery|practice))",
                r"|patients (?:at|of) (?:the |our )?\w+|for (?:my|our) patients)(?-u:\b)",
            )),
            clinical: LazyRegex::new(concat!(
                r"(?-u:\b)(?:results?|prescriptions?|scripts?|repeat|symptoms?|rash(?:es)?|photos?|pics?",
                r"|medications?|meds|queries|questions about|worse|worried|worth coming in",
                r"|bloods|blood tests?|test results|diagnos\w*|pain)(?-u:\b)",
            )),
            supporting: LazyRegex::new(concat!(
                r"(?-u:\b)(?:(?:photos?|pics?|pictures?|snaps?) of (?:your |the )?(?:rash(?:es)?|moles?|lumps?|spots?",
                r"|wounds?|skin|eyes?|throat|bites?)|(?:your |with (?:your|their) )?(?:date of birth|dob",
                r"|nhs number)|questions? about (?:your )?(?:results?|medications?|meds|symptoms?))(?-u:\b)",
            )),
            negated: LazyRegex::new(r"(?:don'?t|do not|never|please don'?t|can'?t|cannot|won'?t|not) $"),
        }
    }
}

const GUIDANCE: &[&str] = &["bnd-2024-3", "bnd-2024-4", "gmp-2024-93"];

impl Rule for PersonalChannel {
    fn check(&self, doc: &Document, hits: &mut Vec<Hit>) {
        let to_patients = self.audience.is_match(&doc.lower);
        let mut invited = false;
        for m in self.invite.find_iter(&doc.lower) {
            let before = &doc.lower[doc.window(&m.range(), 20).start..m.start()];
            if self.negated.is_match(before) {
                continue;
            }
            // `individual-advice` runs first and may already have flagged this offer.
            let taken = hits.iter().any(|h| {
                h.category == Category::Boundaries
                    && h.span.start < m.end()
                    && m.start() < h.span.end
            });
            if taken {
                continue;
            }
            let sentence = doc.sentence_around(&m.range());
            let clinical = self.clinical.is_match(&doc.lower[sentence]);
            if !(to_patients || clinical) {
                continue;
            }
            invited = true;
            hits.push(Hit::new(
                "personal-channel",
                Category::Boundaries,
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
                "personal-channel",
                Category::Boundaries,
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
    fn flags_instagram_for_clinical_queries() {
        assert!(flagged(
            "personal-channel",
            "I'm on Insta, message me there for repeat prescriptions and results."
        ));
    }

    #[test]
    fn flags_private_group_for_patients() {
        assert!(flagged(
            "personal-channel",
            "I've set up a private Facebook group for my patients at the practice."
        ));
    }

    #[test]
    fn flags_message_me_here_about_a_patient_getting_worse() {
        assert!(flagged(
            "personal-channel",
            "Carry on with the tablets and message me here if he gets worse."
        ));
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
    fn ignores_adverts_recruitment_and_colleagues() {
        assert!(!flagged(
            "personal-channel",
            "Best device I've used. DM to book!"
        ));
        assert!(!flagged(
            "personal-channel",
            "We're hiring. If you're interested, message me and I'll put you forward."
        ));
        assert!(!flagged(
            "personal-channel",
            "Anyone from the community nursing team on tonight? Pls DM me 🙏"
        ));
    }

    #[test]
    fn ignores_telling_people_not_to_message() {
        assert!(!flagged(
            "personal-channel",
            "To my patients: please don't message me here with symptoms, ring the surgery."
        ));
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
