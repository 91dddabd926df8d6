//! The GMC guidance the findings rest on.
//!
//! Summaries are our own paraphrases (the GMC permits non-commercial reuse with acknowledgement,
//! but paraphrase plus a link keeps us clear of that question). A paragraph number appears only
//! where it was verified on a GMC page (see `docs/gmc-guidance.md`, which this catalogue is built
//! from); otherwise the entry shows the document and heading alone.

use serde::Serialize;

use crate::finding::Category;

/// One citable piece of GMC guidance.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guidance {
    /// Stable id used in `Finding::guidance`, e.g. `sm-2024-20`.
    pub id: &'static str,
    pub document: &'static str,
    pub heading: &'static str,
    /// Only when verified on a GMC page.
    pub paragraph: Option<&'static str>,
    pub summary: &'static str,
    pub url: &'static str,
    /// The topic the popup groups it under.
    pub topic: Category,
}

const SOCIAL_MEDIA: &str = "Using social media as a medical professional (2024)";
const SOCIAL_MEDIA_URL: &str = "https://www.gmc-uk.org/professional-standards/the-professional-standards/using-social-media-as-a-medical-professional/using-social-media-as-a-medical-professional";
const GMP: &str = "Good medical practice (2024)";
const GMP_D2_URL: &str = "https://www.gmc-uk.org/professional-standards/professional-standards-for-doctors/good-medical-practice/domain-2-patients-partnership-and-communication";
const GMP_D3_URL: &str = "https://www.gmc-uk.org/professional-standards/professional-standards-for-doctors/good-medical-practice/domain-3-colleagues-culture-and-safety";
const GMP_D4_URL: &str = "https://www.gmc-uk.org/professional-standards/professional-standards-for-doctors/good-medical-practice/domain-4-trust-and-professionalism";
const CONFIDENTIALITY: &str =
    "Confidentiality: good practice in handling patient information (2017)";
const CONFIDENTIALITY_URL: &str = "https://www.gmc-uk.org/professional-standards/the-professional-standards/confidentiality/managing-and-protecting-personal-information";
const EDUCATION_URL: &str = "https://www.gmc-uk.org/ethical-guidance/ethical-guidance-for-doctors/confidentiality---disclosing-for-education-and-training-purposes/disclosing-for-education-and-training-purposes";
const RECORDINGS: &str = "Making and using visual and audio recordings of patients";
const RECORDINGS_URL: &str = "https://www.gmc-uk.org/professional-standards/the-professional-standards/making-and-using-visual-and-audio-recordings-of-patients";
const CONFLICTS: &str = "Identifying and managing conflicts of interest (2024)";
const CONFLICTS_URL: &str = "https://www.gmc-uk.org/professional-standards/professional-standards-for-doctors/identifying-and-managing-conflicts-of-interest";
const BOUNDARIES: &str = "Maintaining personal and professional boundaries (2024)";
const BOUNDARIES_URL: &str = "https://www.gmc-uk.org/professional-standards/the-professional-standards/maintaining-personal-and-professional-boundaries/maintaining-personal-and-professional-boundaries";

use Category::*;

/// Every entry, in the order the popup lists them within a topic.
pub const CATALOGUE: &[Guidance] = &[
    Guidance { id: "sm-2024-18", document: SOCIAL_MEDIA, heading: "Confidentiality", paragraph: Some("18"), summary: "Whatever the platform, keep patient information confidential and respect patients' dignity and privacy.", url: SOCIAL_MEDIA_URL, topic: Confidentiality },
    Guidance { id: "sm-2024-19", document: SOCIAL_MEDIA, heading: "Confidentiality", paragraph: Some("19"), summary: "Small details that are harmless alone can add up, so that the patient or people close to them recognise the case.", url: SOCIAL_MEDIA_URL, topic: Confidentiality },
    Guidance { id: "sm-2024-20", document: SOCIAL_MEDIA, heading: "Confidentiality", paragraph: Some("20"), summary: "Do not post information that could identify a patient unless they have given explicit consent.", url: SOCIAL_MEDIA_URL, topic: Confidentiality },
    Guidance { id: "sm-2024-9", document: SOCIAL_MEDIA, heading: "Maintaining public trust", paragraph: Some("9"), summary: "Anonymous posts can often be traced, and messages in private or closed groups can become public.", url: SOCIAL_MEDIA_URL, topic: Confidentiality },
    Guidance { id: "gmp-2024-88", document: GMP, heading: "Communicating as a medical professional", paragraph: Some("88"), summary: "Keep patient confidentiality in every kind of professional communication, written, spoken or digital.", url: GMP_D4_URL, topic: Confidentiality },
    Guidance { id: "gmp-2024-16", document: GMP, heading: "Treating patients fairly and respecting their rights", paragraph: Some("16"), summary: "Respect every patient's dignity and right to privacy.", url: GMP_D2_URL, topic: Confidentiality },
    Guidance { id: "conf-2017-121", document: CONFIDENTIALITY, heading: "Managing and protecting personal information", paragraph: Some("121"), summary: "Don't share personal information about patients where others can overhear it, and the GMC counts internet forums as such a place.", url: CONFIDENTIALITY_URL, topic: Confidentiality },
    Guidance { id: "conf-2017-79", document: CONFIDENTIALITY, heading: "Disclosing for purposes other than direct care", paragraph: Some("79"), summary: "Outside direct care, use anonymised information wherever it will do; identifiable information needs a lawful basis such as consent.", url: EDUCATION_URL, topic: Confidentiality },
    Guidance { id: "conf-identifiers", document: "Confidentiality: disclosing for education and training purposes", heading: "Endnotes: what counts as identifying", paragraph: None, summary: "Identifiers include names, initials, postcodes, NHS and hospital numbers, National Insurance numbers and key dates such as a date of birth.", url: EDUCATION_URL, topic: Confidentiality },
    Guidance { id: "rec-17", document: RECORDINGS, heading: "Anonymised recordings", paragraph: Some("17"), summary: "Even anonymised images can identify a patient through seemingly trivial details, so take particular care before publishing them.", url: RECORDINGS_URL, topic: Confidentiality },
    Guidance { id: "gmp-2024-90", document: GMP, heading: "Public professional communication, including social media, advertising, promotion and endorsement", paragraph: Some("90(b)"), summary: "When you communicate publicly, including promoting or endorsing products or services, declare any conflicts of interest.", url: GMP_D4_URL, topic: ConflictOfInterest },
    Guidance { id: "gmp-2024-94", document: GMP, heading: "Honesty in financial and commercial dealings", paragraph: Some("94"), summary: "Don't let any interest affect, or seem to affect, how you treat, prescribe for or refer patients.", url: GMP_D4_URL, topic: ConflictOfInterest },
    Guidance { id: "gmp-2024-95", document: GMP, heading: "Honesty in financial and commercial dealings", paragraph: Some("95"), summary: "Be open about any conflict of interest and declare it formally.", url: GMP_D4_URL, topic: ConflictOfInterest },
    Guidance { id: "gmp-2024-96", document: GMP, heading: "Honesty in financial and commercial dealings", paragraph: Some("96"), summary: "Don't seek or accept incentives, gifts or hospitality that could affect, or be seen to affect, your decisions.", url: GMP_D4_URL, topic: ConflictOfInterest },
    Guidance { id: "coi-2024-principles", document: CONFLICTS, heading: "Guiding principles", paragraph: None, summary: "Put patients first, never use your position for financial gain, and be open and honest about all your interests.", url: CONFLICTS_URL, topic: ConflictOfInterest },
    Guidance { id: "bnd-2024-3", document: BOUNDARIES, heading: "Introduction", paragraph: Some("3"), summary: "Keep appropriate personal and professional boundaries with patients and with colleagues.", url: BOUNDARIES_URL, topic: Boundaries },
    Guidance { id: "bnd-2024-4", document: BOUNDARIES, heading: "Introduction", paragraph: Some("4"), summary: "Patients must be able to trust that you will behave appropriately and never see them as potential partners.", url: BOUNDARIES_URL, topic: Boundaries },
    Guidance { id: "gmp-2024-86", document: GMP, heading: "Maintaining professional boundaries", paragraph: Some("86"), summary: "Don't use your professional position to pursue a sexual or improper emotional relationship with a patient or someone close to them.", url: GMP_D4_URL, topic: Boundaries },
    Guidance { id: "gmp-2024-93", document: GMP, heading: "Private communication", paragraph: Some("93"), summary: "Remember that private messages and closed groups can become public.", url: GMP_D4_URL, topic: Boundaries },
    Guidance { id: "sm-2024-respect", document: SOCIAL_MEDIA, heading: "Behaving professionally and maintaining boundaries", paragraph: None, summary: "Never use social media to abuse, bully, harass or target an individual or group.", url: SOCIAL_MEDIA_URL, topic: Respect },
    Guidance { id: "gmp-2024-48", document: GMP, heading: "Treating colleagues with kindness, courtesy and respect", paragraph: Some("48"), summary: "Treat colleagues, meaning anyone you work with, with kindness, courtesy and respect.", url: GMP_D3_URL, topic: Respect },
    Guidance { id: "gmp-2024-56", document: GMP, heading: "Contributing to a positive working and training environment", paragraph: Some("56"), summary: "Don't abuse, discriminate against, bully or harass anyone.", url: GMP_D3_URL, topic: Respect },
    Guidance { id: "gmp-2024-81", document: GMP, heading: "Acting with honesty and integrity", paragraph: Some("81"), summary: "Your conduct must justify the trust patients and the public place in you.", url: GMP_D4_URL, topic: Respect },
];

/// Looks up an entry by id.
pub fn by_id(id: &str) -> Option<&'static Guidance> {
    CATALOGUE.iter().find(|g| g.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique() {
        let ids: HashSet<_> = CATALOGUE.iter().map(|g| g.id).collect();
        assert_eq!(ids.len(), CATALOGUE.len());
    }

    #[test]
    fn every_entry_links_to_the_gmc() {
        for g in CATALOGUE {
            assert!(g.url.starts_with("https://www.gmc-uk.org/"), "{}", g.id);
            assert!(!g.summary.is_empty() && g.summary.len() < 200, "{}", g.id);
        }
    }

    #[test]
    fn the_reference_in_docs_lists_every_entry() {
        let reference = include_str!("../docs/gmc-guidance.md");
        for g in CATALOGUE {
            let para = g.paragraph.unwrap_or("—");
            let row = format!(
                "| `{}` | [{}]({}), {} | {} |",
                g.id, g.document, g.url, g.heading, para
            );
            assert!(
                reference.contains(&row),
                "docs/gmc-guidance.md lacks {}",
                g.id
            );
        }
    }

    #[test]
    fn unverified_numbers_are_never_shown() {
        // SM 2024 para 14 is only quoted by a secondary source: heading only.
        assert_eq!(by_id("sm-2024-respect").unwrap().paragraph, None);
        assert_eq!(by_id("coi-2024-principles").unwrap().paragraph, None);
    }
}
