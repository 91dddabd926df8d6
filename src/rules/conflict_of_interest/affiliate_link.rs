//! `affiliate-link`: a link that earns the doctor money — Amazon short links, affiliate and
//! referral parameters (`?ref=`, `/refer/`, `tag=`), or a shortened or link-in-bio link offered
//! with a money cue ("sign up through my link", "some links earn me a small amount"), and
//! "link in bio" beside a follower offer.
//!
//! Why: commission on a recommended product is a financial interest. *Good medical practice*
//! (2024) para 90(b) asks doctors to declare conflicts when they promote anything publicly, and
//! para 94 not to let an interest affect, or seem to affect, their advice. Affiliate links stay
//! warnings even when declared: the GMC discourages profiting from recommendations.
//!
//! Example: "Best stethoscope for new FY1s? Littmann Classic III. Link below 👇 amzn.to/3Fx8Qz" —
//! `amzn.to/3Fx8Qz` is flagged. A fundraising link (justgiving.com/…) is not.

use std::ops::Range;

use crate::pattern::LazyRegex;

use crate::analysis::Post;
use crate::config::Config;
use crate::document::Document;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

const GUIDANCE: &[&str] = &["gmp-2024-90", "gmp-2024-94", "coi-2024-principles"];

pub struct AffiliateLink {
    url: LazyRegex,
    affiliate: LazyRegex,
    shortener: LazyRegex,
    harmless: LazyRegex,
    money_cue: LazyRegex,
    bio: LazyRegex,
    offer_cue: LazyRegex,
}

impl AffiliateLink {
    pub fn new(_config: &Config) -> Self {
        AffiliateLink {
            url: LazyRegex::new(
                r"(?i)\b(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|co\.uk|uk|org|net|io|ly|to|me|gl|ee|ai|app|health|shop|store|bio|link|page|us|eu|it|cc|at|co|tv|info)\b(?:/[^\s)\]}>'\x22]*)?",
            ),
            affiliate: LazyRegex::new(
                r"(?ix)^(?:https?://)?(?:www\.)?
                  (?: amzn\.(?:to|eu)/ | a\.co/ | (?:[a-z0-9-]+\.)*(?:awin1\.com|skimresources\.com|rstyle\.me|liketk\.it|shopmy\.us|geni\.us|howl\.me|go\.magik\.ly|linksynergy\.com|shareasale\.com|impact\.com|partnerize\.com|prf\.hn)
                  | [^\s]*[?&](?:ref|referral|refer|aff|affiliate|aff_id|affid|tag|coupon|discount|promo|ref_code|invite)=
                  | [^\s]*utm_(?:medium|source|campaign)=(?:affiliate|influencer|referral|partner)
                  | [^\s]*/(?:ref|refer|referral|referrals|aff|affiliate|invite|partner)/ )",
            ),
            shortener: LazyRegex::new(
                r"(?i)^(?:https?://)?(?:www\.)?(?:bit\.ly|tinyurl\.com|ow\.ly|buff\.ly|rebrand\.ly|tiny\.cc|cutt\.ly|shorturl\.at|t\.ly|is\.gd|linktr\.ee|beacons\.ai|lnk\.bio|stan\.store|linkin\.bio|campsite\.bio|msha\.ke)/",
            ),
            harmless: LazyRegex::new(
                r"(?i)justgiving|gofundme|virginmoneygiving|nhs\.uk|nhs\.net|gov\.uk|nice\.org|gmc-uk|bnf\.|rcgp|doi\.org|pubmed|bmj\.com|thelancet|nejm",
            ),
            money_cue: LazyRegex::new(
                r"(?i)\bmy\s+(?:link|links)\b|\bthrough\s+(?:my|the)\s+link\b|\bearns?\s+me\b|\bcommission\b|\baffiliate\b|\bkickback\b|%\s*off\b|\bdiscount\b|\bfree\s+(?:month|trial|year|gift)|\bbuying\s+guide\b|\bshop\s+(?:my|the)\b|\bsign\s+up\s+(?:through|with|via|using)\b",
            ),
            bio: LazyRegex::new(r"(?i)\blinks?\s+in\s+(?:my\s+)?bio\b"),
            offer_cue: LazyRegex::new(
                r"(?i)\bmy\s+followers\b|\bfollowers\s+get\b|\bexclusive\s+(?:offer|discount|deal)|%\s*off\b|£\s*\d+\s+off\b|\bdiscount\b|\bfree\b[^.\n]{0,25}\b(?:supply|trial|month|gift|sample|packs?|box)\b|\bgiving\s+(?:my|you|away)\b|\bcommission\b",
            ),
        }
    }

    /// The byte spans of every money-earning link in `doc`. The cues are looked for within 28
    /// and 35 words (what were 160 and 200 bytes, `document/words.rs`).
    pub fn find(&self, doc: &Document) -> Vec<Range<usize>> {
        let text = doc.text;
        let mut spans = Vec::new();
        for m in self.url.find_iter(text) {
            let url = m.as_str();
            if self.harmless.is_match(url) {
                continue;
            }
            let earns = self.affiliate.is_match(url)
                || (self.shortener.is_match(url)
                    && self.money_cue.is_match(&text[doc.window(&m.range(), 28)]));
            if earns {
                spans.push(trim_trailing_punctuation(text, m.range()));
            }
        }
        for m in self.bio.find_iter(text) {
            if self.offer_cue.is_match(&text[doc.window(&m.range(), 35)]) {
                spans.push(m.range());
            }
        }
        spans.sort_by_key(|s| s.start);
        spans
    }
}

fn trim_trailing_punctuation(text: &str, mut span: Range<usize>) -> Range<usize> {
    while span.end > span.start + 1 && text[..span.end].ends_with(['.', ',', '!', '?', ';', ':']) {
        span.end -= 1;
    }
    span
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "affiliate-link",
    category: Category::ConflictOfInterest,
    description: "A link that earns the doctor money (affiliate tags, Amazon short links) without a declaration.",
};

impl Rule for AffiliateLink {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        for span in self.find(doc) {
            let bio = self.bio.is_match(doc.slice(&span));
            let message = if bio {
                "A follower offer with \"link in bio\" usually means an affiliate or sponsored deal. If the link earns you money or perks, declare it in the post."
            } else {
                "This looks like an affiliate, referral or tracked link. If it earns you commission, that is a financial interest: declare it clearly beside the link, or link to the product without the tracking."
            };
            let mut hit = Hit::new(&INFO, Severity::Warning, span, message, GUIDANCE);
            if !bio {
                hit = hit.with_fix(FixHit::replace("Remove the link", ""));
            }
            hits.push(hit);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{flagged, spans_of};

    #[test]
    fn flags_amazon_short_links() {
        assert_eq!(
            spans_of(
                "affiliate-link",
                "Littmann Classic III. Link below 👇 amzn.to/3Fx8Qz"
            ),
            vec!["amzn.to/3Fx8Qz"]
        );
    }

    #[test]
    fn flags_link_in_bio_beside_a_follower_offer() {
        let text = "they're giving my followers a free year's supply — link in my bio 💚";
        assert_eq!(spans_of("affiliate-link", text), vec!["link in my bio"]);
    }

    #[test]
    fn ignores_fundraising_guidance_and_plain_links() {
        for text in [
            "Any donation helps: justgiving.com/drsamruns 💜",
            "Guidance here: https://www.nice.org.uk/guidance/ng28",
            "Slides at bit.ly/resp-update",
            "Looking for testers. Link in bio.",
            "Read it at bmj.com/content/380/bmj-2022-072?ref=home",
        ] {
            assert!(!flagged("affiliate-link", text), "{text}");
        }
    }

    #[test]
    #[ignore = "a bare product link on a retailer's site can't be told from an affiliate one"]
    fn plain_retailer_links_are_a_known_limit() {
        assert!(flagged(
            "affiliate-link",
            "Get it here: boots.com/cerave-cream"
        ));
    }
}
