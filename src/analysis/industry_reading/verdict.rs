//! What the industry reading hands the conflict-of-interest rules: each undeclared mention and
//! how it reads.

use std::ops::Range;

use super::Interest;
use crate::lexicon::industry::Product;

/// What an undeclared or partly declared mention reads as.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Verdict {
    /// A declaration is there but doesn't clearly cover this company.
    Partly,
    /// The declarations are elsewhere ("see bio").
    Elsewhere,
    /// A company the doctor declared an interest in, named without a declaration.
    Interest,
    /// A company tied to an event or hospitality, with nothing said of what the doctor received.
    Event,
    /// News, safety or criticism.
    Neutral,
    /// A promotion or endorsement.
    Promotion,
}

/// One mention that no declaration in the post covers, and how it reads.
pub(crate) struct Judged {
    pub span: Range<usize>,
    pub verdict: Verdict,
    /// "Mounjaro (Eli Lilly)", or the company or handle alone.
    pub who: String,
    /// The company behind it ("Eli Lilly"), or the handle or declared name.
    pub maker: String,
    /// The generic name of a brand that has one.
    pub brand_generic: Option<String>,
    /// What it is (from its maker's sector): a medicine, a device, a service, ….
    pub product: Product,
    /// The doctor's declared interest it names.
    pub interest: Option<Interest>,
    /// What the post's declarations say instead (" Your declaration names Pfizer, not Dexcom."),
    /// for a mention read as an event, news or promotion; empty when nothing.
    pub declared_else: String,
}

/// The industry reading of one post.
#[derive(Default)]
pub(crate) struct IndustryReading {
    /// The mentions no declaration covers, in order.
    pub mentions: Vec<Judged>,
    /// Whether the post promotes a product undeclared (a promotion, or a declared interest named
    /// without a declaration): a booking call beside it is a `service-promotion`.
    pub promoted: bool,
}
