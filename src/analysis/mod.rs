//! The analysis layer: facts about one post that several rules need (is it about a patient
//! encounter, which companies and brands it names, how they read, where its declarations are),
//! each worked out at most once per post and handed to every rule with the [`Document`].

use std::cell::OnceCell;
use std::ops::Deref;

use crate::document::Document;
use crate::lexicon::industry::{Lexicon, Mention};
use industry_reading::IndustryReading;

pub(crate) mod coi_context;
pub(crate) mod declaration;
pub(crate) mod identifier_context;
pub(crate) mod industry_reading;
pub(crate) mod patient_context;
pub(crate) mod ten_digit;

use patient_context::{Context, PatientContext};
use ten_digit::{TenDigitScanner, TenDigits, TenKind};

/// A post under check: its [`Document`] and the facts rules share, each found on first request.
pub struct Post<'a> {
    doc: Document<'a>,
    patient: OnceCell<Context>,
    industry: OnceCell<Vec<Mention>>,
    industry_reading: OnceCell<IndustryReading>,
    ten_digit: OnceCell<Vec<(TenDigits, TenKind)>>,
}

impl<'a> Post<'a> {
    pub fn new(doc: Document<'a>) -> Self {
        Post {
            doc,
            patient: OnceCell::new(),
            industry: OnceCell::new(),
            industry_reading: OnceCell::new(),
            ten_digit: OnceCell::new(),
        }
    }

    /// Whether (and how) the post is about a patient.
    pub(crate) fn patient_context(&self) -> &Context {
        self.patient
            .get_or_init(|| PatientContext::shared().analyse(&self.doc.lower))
    }

    /// Every industry-lexicon mention in the post (sorted by start).
    pub(crate) fn industry_mentions(&self) -> &[Mention] {
        self.industry.get_or_init(|| Lexicon::get().find(&self.doc))
    }

    /// How the industry mentions read (see [`industry_reading`]). The reading needs matchers
    /// built from the configuration and the post's codes and links, which the
    /// conflict-of-interest rules hold, so the first of them to check the post reads it (`read`)
    /// and the others reuse the reading.
    pub(crate) fn industry_reading(
        &self,
        read: impl FnOnce() -> IndustryReading,
    ) -> &IndustryReading {
        self.industry_reading.get_or_init(read)
    }
}

impl Post<'_> {
    /// Every 10-digit number standing on its own, with what it reads as (NHS, CHI, other): the
    /// NHS and CHI rules both need it.
    pub(crate) fn ten_digit_numbers(&self) -> &[(TenDigits, TenKind)] {
        self.ten_digit.get_or_init(|| {
            let scanner = TenDigitScanner::shared();
            scanner
                .scan(self.doc.text)
                .into_iter()
                .map(|n| {
                    let kind = scanner.classify(&self.doc, &n);
                    (n, kind)
                })
                .collect()
        })
    }
}

impl<'a> Deref for Post<'a> {
    type Target = Document<'a>;

    fn deref(&self) -> &Document<'a> {
        &self.doc
    }
}
