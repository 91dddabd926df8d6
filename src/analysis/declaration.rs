//! Declarations of interest: where a post says what links the doctor has with industry.
//!
//! Not a rule itself: the conflict-of-interest rules read the whole post once with
//! [`DeclarationFinder::find`] before deciding whether a mention is declared. A declaration counts
//! wherever it sits (start, middle, brackets, last line) and in any common wording: labels
//! ("Disclosure:", "COI:", "DOI:", "Declaration of interest", "Competing interests:", "Transparency
//! note:", "Declared:", "Interests declared:", "In the interests of transparency,", "For full
//! transparency -", "To be upfront:"), advertising labels ("#ad", "Ad |", "[Sponsored]", "AD/PR",
//! "paid partnership", "This post is sponsored by", "Gifted by", "#gifted", "#collab",
//! "#brandambassador"), first-person relationships ("I have received speaker fees from X", "I'm
//! paid by", "X pays me to teach", "X sponsors my podcast", "I'm an X trainer", "speaker for X",
//! "I consult for X", "my husband works for X", "I hold shares in", "I designed this app (so,
//! obvious bias!)"), and statements of no interest ("no conflicts to declare"). "I work with X"
//! counts only for a company named in the next few words, since doctors "work with" patients and
//! devices every day. "Sponsored by X" ("funded", "supported", "paid for", "covered") is not a
//! declaration when what was sponsored is a clinic, event or giveaway ("our Saturday skin clinic is
//! sponsored by Medik8", "lunch kindly sponsored by Pfizer"): that tells readers about the event,
//! not what the doctor gets, so the mention is read as a sponsored event (GMP 2024 para 96).
//!
//! Why: *Good medical practice* (2024) para 90(b) asks doctors communicating publicly to declare
//! conflicts of interest, para 95 to be open about them.

use std::ops::Range;

use crate::pattern::LazyRegex;

/// What a declaration says.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// The doctor has an interest (fees, employment, gifts, shares, sponsorship of the post).
    Interest,
    /// The doctor says they have none ("no conflicts to declare").
    NoInterest,
    /// Some links in the post earn the doctor money.
    Affiliate,
    /// The declaration is elsewhere ("see bio", "my declarations are in 5/5").
    Elsewhere,
}

/// One declaration: its kind and the clause that holds it (byte offsets).
#[derive(Clone, Debug)]
pub struct Clause {
    pub kind: Kind,
    pub span: Range<usize>,
    /// The wording only counts if the clause names a company ("I work for X", "funded by X").
    pub needs_company: bool,
}

pub struct DeclarationFinder {
    patterns: Vec<Pattern>,
    /// Just before "sponsored by": a clinic, event or giveaway as the thing sponsored.
    event_subject: LazyRegex,
}

/// A clinic, event or giveaway ending just before "sponsored by" / "funded by".
const EVENT_SUBJECT: &str = r"(?x)
    \b(?:clinics?|events?|days?|evenings?|nights?|sessions?|lunch(?:es)?|dinners?|breakfasts?|drinks
      |courses?|conferences?|meetings?|workshops?|launch|party|raffle|stands?|stalls?|giveaways?
      |prizes?|goodie\s+bags?|goody\s+bags?|bags|webinars?|masterclass(?:es)?|talks?|teaching
      |journal\s+club|refreshments|food|pizza|coffee|cakes?|fair|roadshow|open\s+day|study\s+day
      |screening|checks|treatments?|facials?|samples|freebies|hampers?|competition)
    \s*(?:[()\[\],:–—-]\s*)?(?:(?:is|was|are|were|'s|’s|has\s+been|have\s+been|will\s+be|being|all)\s+)*
    (?:(?:very\s+)?(?:kindly|generously|proudly|partly|partially|fully|once\s+again|again|also)\s+)*$
";

struct Pattern {
    kind: Kind,
    needs_company: bool,
    /// When set, the clause ends this many words after the wording (or at the sentence end, if
    /// sooner), so only a company named right after it counts.
    reach: Option<usize>,
    regex: LazyRegex,
}

/// How many words after a near relationship ("I work with the Allergan team") may hold the
/// company: room for "the" and a three-word name.
const NEAR_REACH: usize = 4;

/// Labels and advertising marks: enough on their own.
const LABELS: &str = r"(?x)
    (?:^|[\s(\[{|•*:;,.!?-])
    (?: full\s+disclosure | disclosures? | declarations?(?:\s+of\s+interests?)? | declaring
      | declared\s+interests? | conflicts?\s+of\s+interests?(?:\s+statement)? | competing\s+interests?
      | cois? | dois? | transparency(?:\s+note)? | financial\s+interests? | declared
      | interests?\s+declared | declarations?\s+of\s+interests?\s+declared )
    \s*[:：|–—-]
  | \b(?:(?:for|in\s+the\s+(?:interests?|spirit|name)\s+of|in\s+(?:the\s+)?(?:name|spirit)\s+of|in)\s+(?:full\s+|complete\s+|total\s+)?
        | (?:full|complete|total|100%)\s+ ) transparency\s*[,:：;|–—-]
  | \bto\s+be\s+(?:fully\s+|completely\s+|totally\s+|100%\s+)?(?:transparent|upfront|up\s+front)\s*[,:：;|–—-]
  | \b(?:interests?|cois?|dois?|conflicts?(?:\s+of\s+interests?)?)\s+(?:declared|disclosed)\b
  | (?:^|\n|\()\s*interests?\s*:
  | \bfull\s+disclosure\s*, | \bdeclaring\s+(?:first|upfront|up\s+front)\b | \bwith\s+that\s+declared\b
  | \b(?:i\s+should|i\s+must|i\s+need\s+to|let\s+me|i'll|i’ll|i\s+will|i\s+want\s+to|i)\s+(?:declare|disclose)\s+(?:that|my|an?|upfront|first|here)\b
  | \#(?:ad|ads|advert|advertisement|advertising|paidad|sponsored|sponsoredpost|spon|sp|paidpartnership|paidpromo|paidpost
       | gifted|giftedpr|prgift|prproduct|affiliate|affiliatelink|partner|partnership|brandpartner|collab|collaboration
       | paidcollab|brandambassador|ambassador)\b
  | (?:^|[\s(\[])ad\s*[|:]
  | \[(?:ad|advert|sponsored|paid\s+partnership|gifted|pr\s+sample)\]
  | \bad\s*/\s*pr\b | \bpr\s*/\s*ad\b | \bpaid\s+(?:partnership|promotion|collaboration|collab)\b
  | \b(?:this|the)\s+(?:post|video|reel|thread|content|tweet|episode|podcast|course|event|webinar)\s+(?:is|was)\s+(?:sponsored|paid\s+for|funded|an\s+ad|in\s+partnership)\b
  | \bthis\s+is\s+(?:an?\s+)?(?:ad|advert|advertisement|sponsored\s+post|paid\s+(?:post|partnership|promotion))\b
  | \bcommercial\s+(?:partnership|relationship|collaboration|arrangement)\b | \bpaid\s+(?:ad|advert|post|content)\b
  | \((?:ad|paid|sponsored|gifted|affiliate)\) | \bsponsored\s+(?:post|content)\b | \bgifted\s+(?:by|from|to\s+me)\b | \bgifted\s+(?:pr|product|package|sample)
  | \b(?:was|were)\s+gifted\b | \bpr\s+(?:package|sample)\b | \bpress\s+sample\b
  | \b(?:speaker|speaking|consultancy|consulting|advisory(?:\s+board)?|lecture|lecturing|training|educational)\s+(?:fees?|honorari(?:um|a|ums))\b
  | \bhonorari(?:um|a|ums)\b | \bkey\s+opinion\s+leader\b
  | \b(?:paid|unpaid)\s+(?:consultant|adviser|advisor|ambassador|trainer|faculty|speaker|partner|member|role|position|kol|spokesperson|medical\s+advis[eo]r)\b
  | \b(?:i'm|i’m|i\s+am|im|i've\s+been|i’ve\s+been|i\s+have\s+been|i\s+was|i\s+get|i\s+got)\s+(?:being\s+)?paid\s+(?:to|by|for)\b
  | \bbrand\s+ambassador\b | \badvisory\s+(?:board|panel|committee|role)\b
  | \b(?:co-?)?founder\b | \bi\s+(?:own|co-own)\s+(?:the|this|a|my)\s+(?:clinic|company|business|app|practice|brand)\b
  | \bi\s+(?:designed|built|created|developed|made|co-founded|founded)\s+(?:this|the)\s+(?:app|device|product|course|tool|platform|programme|program)\b
  | \b(?:obvious|obviously|declare\s+my)\s+bias | \b(?:i'm|i’m|i\s+am|im)\s+(?:obviously\s+|totally\s+|a\s+bit\s+)?biased\b | \bpinch\s+of\s+salt\b
";

/// First-person relationships that count only when they name a company ("I work for X").
const RELATIONSHIPS: &str = r"(?x)
    \b(?:i|my\s+(?:husband|wife|partner|spouse|son|daughter|brother|sister|father|mother|dad|mum|family))\s+(?:also\s+|currently\s+)?(?:work|works|worked)\s+for\b
  | \b(?:employed\s+by|employee\s+of|employee\b|shareholder|share\s+options|stock\s+options|equity\s+in)
  | \b(?:hold|own|have)\s+shares\b | \bsalaried\s+\w+\s+(?:with|for|at)\b | \bmedical\s+director\b
  | \bpaid\s+by\b | \b(?:funded|sponsored|supported|paid\s+for|covered)\s+by\b
  | \b(?:grant|funding|fees?|payment|money)\s+from\b | \bpaid\s+(?:my|our)\s+(?:flights|travel|hotel|registration|expenses|fees)\b
  | \b(?:loaned|lent|sent|gave|gifted)\s+(?:us|me|our|my)\b | \b(?:i|we)\s+(?:was|were|have\s+been|'ve\s+been)\s+(?:sent|given|loaned|lent)\b
  | \b(?:working|partnering|partnered|partner)\s+with\b | \bin\s+partnership\s+with\b
  | \bambassador\s+for\b | \bsit\s+on\b | \bmember\s+of\b[^.\n]{0,40}\b(?:board|panel)\b
  | \b(?:pays?|paid)\s+me\b | \b(?:pays?|paid|funds?|funded|sponsors?|sponsored|covers?|covered)\s+(?:for\s+)?(?:my|our)\s+(?:\w+\s+)?(?:time|work|role|travel|flights?|hotel|expenses|fees|training|course|courses|teaching|talks?|podcast|channel|content|posts?|videos?|research|trip|place|registration|salary)\b
  | \b(?:speaker|trainer|faculty|educator|ambassador|consultant|adviser|advisor|kol|spokesperson|affiliate|partner)\s+(?:for|to)\b
  | \b(?:i'm|i’m|i\s+am|im|i\s+was|i've\s+been|i’ve\s+been|as)\s+(?:also\s+|currently\s+|now\s+)?(?:an?|one\s+of)\s+(?:[^\s.,;:!?()]+\s+){1,3}?(?:trainers?|ambassadors?|speakers?|faculty|educators?|kols?|spokesperson|affiliates?|brand\s+partners?|key\s+opinion\s+leaders?|advis[eo]rs?)\b
  | \bi\s+(?:also\s+|occasionally\s+|currently\s+|regularly\s+|sometimes\s+)?(?:consult|lecture|teach|train|speak|present|advise|work|worked)\s+for\b
  | \bi\s+(?:also\s+|occasionally\s+|currently\s+|regularly\s+)?(?:consult|advise)\s+(?:to|with)\b
  | \b(?:in\s+)?collab(?:oration)?\s+with\b | \bon\s+behalf\s+of\b
";

/// Relationship wordings too common to read the whole clause: they count only for a company
/// named right after them ("I work with Allergan", not "I work with patients ... Libre").
const NEAR_RELATIONSHIPS: &str = r"(?x)
    \b(?:i|we)\s+(?:also\s+|currently\s+|now\s+|regularly\s+|proudly\s+)?(?:work|worked|collaborate|collaborated|partner|partnered)\s+with\b
";

const AFFILIATE: &str = r"(?x)
    \baffiliate\s+links?\b | \bi\s+(?:may\s+|might\s+|will\s+)?earn\s+(?:a\s+)?(?:small\s+)?(?:commission|fee|amount)
  | \bearns?\s+me\b | \bcommission\s+(?:on|from|if)\b
";

const NO_INTEREST: &str = r"(?x)
    \bno\s+(?:relevant\s+|current\s+)?(?:conflicts?|cois?|dois?|competing\s+interests?|financial\s+(?:interests?|links?|ties|relationships?|conflicts?)|ties|affiliations?|links?\s+(?:to|with)|interests?\s+to\s+declare)\b
  | \bnothing\s+to\s+(?:declare|disclose)\b | \bnone\s+to\s+declare\b | \bnot\s+(?:sponsored|paid|an\s+ad|affiliated)\b
  | \bunsponsored\b | \bi\s+(?:have|hold)\s+no\s+(?:shares|financial)\b | \b(?:coi|doi|cois|dois|declarations?)\s*[:-]?\s*(?:none|nil|n/a)\b
";

const ELSEWHERE: &str = r"(?x)
    \b(?:dois?|cois?|declarations?|disclosures?|interests)\b[^.\n]{0,30}?\b(?:in|on|at|see)\s+(?:my\s+)?(?:bio|profile|pinned|website|\d+/\d+|the\s+(?:first|last|final|next|end|bottom|thread|replies|comments))
  | \bsee\s+(?:my\s+)?(?:bio|profile|pinned)\b[^.\n]{0,20}\b(?:dois?|cois?|declarations?|disclosures?|interests)
";

impl Pattern {
    fn new(kind: Kind, needs_company: bool, reach: Option<usize>, source: &'static str) -> Self {
        Pattern {
            kind,
            needs_company,
            reach,
            regex: LazyRegex::new(source),
        }
    }
}

impl DeclarationFinder {
    pub fn new() -> Self {
        DeclarationFinder {
            patterns: vec![
                Pattern::new(Kind::Interest, false, None, LABELS),
                Pattern::new(Kind::Interest, true, None, RELATIONSHIPS),
                Pattern::new(Kind::Interest, true, Some(NEAR_REACH), NEAR_RELATIONSHIPS),
                Pattern::new(Kind::Affiliate, false, None, AFFILIATE),
                Pattern::new(Kind::NoInterest, false, None, NO_INTEREST),
                Pattern::new(Kind::Elsewhere, false, None, ELSEWHERE),
            ],
            event_subject: LazyRegex::new(EVENT_SUBJECT),
        }
    }

    /// Every declaration in `lower` (the post with ASCII letters lower-cased; offsets are the
    /// same as the post's), in no particular order. Clauses may overlap.
    pub fn find(&self, lower: &str) -> Vec<Clause> {
        let text = lower;
        let mut clauses = Vec::new();
        for pattern in &self.patterns {
            for m in pattern.regex.find_iter(text) {
                if is_citation(text, m.end()) {
                    continue;
                }
                // Don't count the punctuation the pattern needs before a label.
                let lead = text[m.range()]
                    .bytes()
                    .take_while(|b| b" \t\r\n({|*:;,.!?-".contains(b))
                    .count();
                if pattern.needs_company && self.sponsors_an_event(text, m.start() + lead, m.end())
                {
                    continue;
                }
                let mut span = clause_around(text, m.start() + lead..m.end());
                if let Some(words) = pattern.reach {
                    span.start = m.start() + lead;
                    span.end = words_after(text, m.end(), words).min(span.end);
                }
                // "Nobody pays me to say this", "Dexcom doesn't pay me": no interest, and no
                // company needed.
                let negated = pattern.needs_company && is_negated(text, m.start() + lead);
                clauses.push(Clause {
                    kind: if negated {
                        Kind::NoInterest
                    } else {
                        pattern.kind
                    },
                    span,
                    needs_company: pattern.needs_company && !negated,
                });
            }
        }
        clauses
    }
}

impl DeclarationFinder {
    /// True when `text[start..end]` is "sponsored by" (or "funded by" ...) and what was sponsored,
    /// just before it, is a clinic, event or giveaway.
    fn sponsors_an_event(&self, text: &str, start: usize, end: usize) -> bool {
        let found = &text[start..end];
        let sponsor = ["funded", "sponsored", "supported", "paid for", "covered"]
            .iter()
            .any(|w| found.starts_with(w))
            && found.ends_with("by");
        if !sponsor {
            return false;
        }
        // 60 bytes, not words: the declaration scan reads the text alone, without the post's
        // `Document` (issue 8, still to do).
        let mut from = start.saturating_sub(60);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        self.event_subject.is_match(&text[from..start])
    }
}

mod clause;

pub use clause::clause_around;
use clause::{is_citation, is_negated, words_after};

#[cfg(test)]
mod tests;
