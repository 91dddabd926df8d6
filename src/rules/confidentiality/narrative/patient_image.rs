//! `patient-image`: the post shares, or says it attaches, an image of a patient, their scan,
//! X-ray, ECG, rash or notes ("Sharing this CXR from this morning", "pic of his CXR", "see the
//! scan below", "Handover list photo attached"), or admits the image shows a name ("forgot to crop
//! his name off").
//!
//! Why: even anonymised images can identify a patient through small details, and scans often
//! carry names, dates and hospital numbers (*Making and using visual and audio recordings of
//! patients* para 17; *Using social media as a medical professional* (2024) para 20).
//!
//! Example: "Look at this rash 😳 the pt sent me the photo this morning" flags "the photo".
//!
//! Not flagged: equipment and services ("appeal for a new MRI scanner", "shorter waits for
//! scans"), fictional or consented teaching images.

use crate::pattern::LazyRegex;

use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

const GUIDANCE: &[&str] = &["rec-17", "sm-2024-20", "gmp-2024-88"];

pub struct PatientImage {
    image: LazyRegex,
    share: LazyRegex,
    clinical: LazyRegex,
    uncropped: LazyRegex,
}

impl PatientImage {
    pub fn new(_config: &Config) -> Self {
        PatientImage {
            image: LazyRegex::new(
                r"(?i)\b(?:photos?|pics?|pictures?|images?|snaps?|screenshots?|scan|x-?rays?|cxr|axr|ct|mri|ecg|ekg|ultrasound|echo|handover list|handover sheet|drug chart|obs chart|fluid chart|notes|discharge summary|discharge letter|clinic letter|referral letter|blood results|prescription|dermoscopy)\b",
            ),
            share: LazyRegex::new(
                r"(?i)\b(?:attached|below|sharing|share this|here's|here is|look at (?:this|the)|check out|see (?:the|this)|this|pic of|photo of|pic from|photo from|sent me|posting|post the)\b|📸|👇",
            ),
            clinical: LazyRegex::new(
                r"(?i)\b(?:cxr|axr|x-?ray|ct|mri|ecg|ekg|scan|handover list|handover sheet|drug chart|obs chart|fluid chart|notes|discharge summary|discharge letter|clinic letter|referral letter|blood results|prescription|rash|his|her|pt's|patient's)\b",
            ),
            uncropped: LazyRegex::new(
                r"(?i)\b(?:forgot to|didn't|did not|not) (?:crop|blur|redact|cover|remove)\w*[^.!?\n]{0,40}\bname\b[^.!?\n)]{0,30}|\b(?:redacted|blurred|cropped|covered)\b[^.!?\n]{0,30}\b(?:mostly|partly|partially|most of|sort of|kind of|ish|hopefully|i think)\b",
            ),
        }
    }
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "patient-image",
    category: Category::Confidentiality,
    description: "An image of a patient, their scan or their notes, shared in a patient context.",
};

impl Rule for PatientImage {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        let ctx = doc.patient_context();
        if ctx.fiction || ctx.real_consent() {
            return;
        }
        let text = doc.text;
        for m in self.image.find_iter(text) {
            let sent = doc.sentence_near(&m.range());
            let sentence_text = &text[sent.clone()];
            if !self.share.is_match(sentence_text) || !self.clinical.is_match(sentence_text) {
                continue;
            }
            let severity =
                if ctx.is_patient() || (self.clinical.is_match(m.as_str()) && !ctx.family) {
                    Severity::Warning
                } else {
                    Severity::Info
                };
            hits.push(
                Hit::new(&INFO, severity,
                    m.range(),
                    "This post shares an image of a patient, their scan or notes. Images carry names, dates and small details that can identify the patient; share only with explicit consent and fully anonymised.",
                    GUIDANCE,
                )
                .with_fix(FixHit::replace("Remove the reference to the image", "")),
            );
            break;
        }
        for m in self.uncropped.find_iter(text) {
            hits.push(Hit::new(
                &INFO,
                Severity::Warning,
                m.range(),
                "The image shows the patient's name. Remove it before posting.",
                GUIDANCE,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, warned};

    #[test]
    fn flags_letters_and_half_redacted_images() {
        assert!(warned(
            "patient-image",
            "Here's a photo of the discharge summary I wrote yesterday (redacted the name, mostly 😬)"
        ));
        assert!(warned(
            "patient-image",
            "Sharing this clinic letter, blurred the name partly"
        ));
    }

    #[test]
    fn flags_shared_scans_and_notes() {
        assert!(warned(
            "patient-image",
            "Sharing this CXR from this morning — textbook tension pneumo"
        ));
        assert!(warned(
            "patient-image",
            "Handover list photo attached so the night team can see"
        ));
        assert!(warned(
            "patient-image",
            "Look at this rash 😳 the pt sent me the photo this morning"
        ));
        assert!(warned(
            "patient-image",
            "look at this CT (forgot to crop his name off the top, whatever)"
        ));
    }

    #[test]
    #[ignore = "an image announced only by an emoji or a link is invisible to a text checker"]
    fn image_only_by_link() {
        assert!(flagged("patient-image", "Textbook 🫁 pic.x.com/abc123"));
    }
}
