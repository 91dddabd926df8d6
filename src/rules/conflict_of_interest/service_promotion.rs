//! `service-promotion`: an invitation to book a paid service ("DM to book", "book your
//! consultation", "limited slots") in a post that promotes a product undeclared (an
//! `undeclared-promotion` or `declared-interest` warning in the post's industry reading,
//! [`crate::analysis::industry_reading`]).
//!
//! Why: *Good medical practice* (2024) para 90(b) (declare conflicts when promoting anything
//! publicly, services included) and para 95 (be open about interests), and the GMC's
//! *Identifying and managing conflicts of interest* (2024): the doctor profits from the bookings.
//!
//! Example: "Honestly, Mounjaro is a game changer. DM to book your consultation!" is a warning on
//! "DM to book".

use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, Hit, RuleInfo, Severity};
use crate::pattern::LazyRegex;
use crate::rules::conflict_of_interest::{MentionReader, GUIDANCE};
use crate::rules::Rule;

const INFO: RuleInfo = RuleInfo {
    id: "service-promotion",
    category: Category::ConflictOfInterest,
    description: "An invitation to book a paid service in a post that promotes a product.",
};

pub struct ServicePromotion {
    reader: MentionReader,
    booking: LazyRegex,
}

impl ServicePromotion {
    pub fn new(config: &Config) -> Self {
        ServicePromotion {
            reader: MentionReader::new(config),
            booking: LazyRegex::new(
                r"(?i)\b(?:dm|message|pm|inbox|call|text|email)\s+(?:me\s+|us\s+|the\s+(?:clinic|page)\s+)?to\s+book\b|\bbook\s+(?:your|a)\s+(?:free\s+)?(?:consultation|consult|appointment|slot|session|treatment)s?\b(?:\s+(?:at|with|via)\s+@\w+)?|\bbook\s+(?:now|today|online)\b|\blimited\s+(?:slots|spaces|availability)\b",
            ),
        }
    }
}

impl Rule for ServicePromotion {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        if !self.reader.read(doc).promoted {
            return;
        }
        for m in self.booking.find_iter(doc.text) {
            hits.push(Hit::new(&INFO, Severity::Warning,
                m.range(),
                "This invites bookings for a paid service in a post that promotes a product. Say how you benefit (your clinic, fees, the maker's support) in a declaration.",
                GUIDANCE,
            ));
        }
    }
}
