//! Declarations of interest: where a post says what links the doctor has with industry.
//!
//! Not a rule itself: the conflict-of-interest rules read the whole post once with
//! [`DeclarationFinder::find`] before deciding whether a mention is declared. A declaration counts
//! wherever it sits (start, middle, brackets, last line) and in any common wording: labels
//! ("Disclosure:", "COI:", "DOI:", "Declaration of interest", "Competing interests:", "Transparency
//! note:"), advertising labels ("#ad", "Ad |", "[Sponsored]", "AD/PR", "paid partnership",
//! "This post is sponsored by", "Gifted by"), first-person relationships ("I have received speaker
//! fees from X", "I'm paid by", "my husband works for X", "I hold shares in", "I designed this app
//! (so, obvious bias!)"), and statements of no interest ("no conflicts to declare").
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
    patterns: Vec<(Kind, bool, LazyRegex)>,
}

/// Labels and advertising marks: enough on their own.
const LABELS: &str = r"(?x)
    (?:^|[\s(\[{|•*:;,.!?-])
    (?: full\s+disclosure | disclosures? | declarations?(?:\s+of\s+interests?)? | declaring
      | declared\s+interests? | conflicts?\s+of\s+interests?(?:\s+statement)? | competing\s+interests?
      | cois? | dois? | transparency(?:\s+note)? | in\s+the\s+interests?\s+of\s+(?:full\s+)?transparency
      | financial\s+interests? )
    \s*[:：|–—-]
  | (?:^|\n|\()\s*interests?\s*:
  | \bfull\s+disclosure\s*, | \bdeclaring\s+(?:first|upfront|up\s+front)\b | \bwith\s+that\s+declared\b
  | \b(?:i\s+should|i\s+must|i\s+need\s+to|let\s+me|i'll|i\s+will|i\s+want\s+to|i)\s+declare\s+(?:that|my|an?|upfront|first)\b
  | \#(?:ad|advert|advertisement|sponsored|spon|paidpartnership|paidpromo|gifted|affiliate|partner)\b
  | (?:^|[\s(\[])ad\s*[|:]
  | \[(?:ad|advert|sponsored|paid\s+partnership|gifted|pr\s+sample)\]
  | \bad\s*/\s*pr\b | \bpr\s*/\s*ad\b | \bpaid\s+(?:partnership|promotion|collaboration|collab)\b
  | \b(?:this|the)\s+(?:post|video|reel|thread|content|tweet|episode|podcast|course|event|webinar)\s+(?:is|was)\s+(?:sponsored|paid\s+for|funded|an\s+ad|in\s+partnership)\b
  | \bsponsored\s+post\b | \bgifted\s+(?:by|from|to\s+me)\b | \bgifted\s+(?:pr|product|package|sample)
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

impl DeclarationFinder {
    pub fn new() -> Self {
        DeclarationFinder {
            patterns: vec![
                (Kind::Interest, false, LazyRegex::new(LABELS)),
                (Kind::Interest, true, LazyRegex::new(RELATIONSHIPS)),
                (Kind::Affiliate, false, LazyRegex::new(AFFILIATE)),
                (Kind::NoInterest, false, LazyRegex::new(NO_INTEREST)),
                (Kind::Elsewhere, false, LazyRegex::new(ELSEWHERE)),
            ],
        }
    }

    /// Every declaration in `lower` (the post with ASCII letters lower-cased; offsets are the
    /// same as the post's), in no particular order. Clauses may overlap.
    pub fn find(&self, lower: &str) -> Vec<Clause> {
        let text = lower;
        let mut clauses = Vec::new();
        for (kind, needs_company, pattern) in &self.patterns {
            for m in pattern.find_iter(text) {
                if is_citation(text, m.end()) {
                    continue;
                }
                // Don't count the punctuation the pattern needs before a label.
                let lead = text[m.range()]
                    .bytes()
                    .take_while(|b| b" \t\r\n({|*:;,.!?-".contains(b))
                    .count();
                clauses.push(Clause {
                    kind: *kind,
                    span: clause_around(text, m.start() + lead..m.end()),
                    needs_company: *needs_company,
                });
            }
        }
        clauses
    }
}

/// "doi: 10.1056/..." is a citation, not a declaration.
fn is_citation(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    rest.starts_with("10.") || rest.starts_with("http") || text[..end].ends_with("doi.")
}

/// The clause holding a declaration: from the sentence start (or an opening bracket) to the
/// sentence end (or a bracket).
pub fn clause_around(text: &str, found: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let is_stop = |i: usize| {
        matches!(bytes[i], b'\n' | b'(' | b')' | b'[' | b']')
            || (matches!(bytes[i], b'.' | b'!' | b'?')
                && !matches!(bytes.get(i + 1), Some(b) if !b.is_ascii_whitespace()))
    };
    let limit_back = found.start.saturating_sub(300);
    let mut start = found.start;
    while start > limit_back && !is_stop(start - 1) {
        start -= 1;
    }
    let limit = (found.end + 300).min(text.len());
    let mut end = found.end;
    while end < limit && !is_stop(end) {
        end += 1;
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start.min(found.start)..end.max(found.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = DeclarationFinder::new()
            .find(&text.to_ascii_lowercase())
            .into_iter()
            .filter(|c| !c.needs_company)
            .map(|c| c.kind)
            .collect();
        kinds.dedup();
        kinds
    }

    #[test]
    fn recognises_labels_anywhere() {
        for text in [
            "DOI: speaker fees from Pfizer.",
            "great data (COI: none) today",
            "Long post...\n\nCompeting interests: I consult for Galderma.",
            "Ad | working with them this month",
            "[Sponsored] Proud to partner",
            "#ad this is a paid partnership",
            "AD/PR: I was sent this",
            "Transparency note: they loaned us a probe",
            "(Interest: I'm a salaried GP with them.)",
            "Full disclosure, I work for them",
            "I'm chairing it and I'm being paid to do so — declaring upfront.",
            "I designed this app (so, obvious bias!)",
        ] {
            assert!(kinds(text).contains(&Kind::Interest), "{text}");
        }
    }

    #[test]
    fn recognises_no_interest_and_elsewhere() {
        assert_eq!(kinds("No conflicts to declare."), vec![Kind::NoInterest]);
        assert!(kinds("See bio for my DOIs. Anyway").contains(&Kind::Elsewhere));
        assert!(kinds("(My declarations are in 5/5.)").contains(&Kind::Elsewhere));
    }

    #[test]
    fn ignores_citations_and_ordinary_words() {
        assert!(kinds("Full paper: doi: 10.1056/NEJMoa2032183").is_empty());
        assert!(kinds("I'm a consultant in A&E and I love my job").is_empty());
        assert!(kinds("Adding this to my reading list").is_empty());
    }

    #[test]
    fn clause_stops_at_brackets_and_sentences() {
        let text = "Libre panel (DOI: I'm an unpaid member of the panel). Next";
        let lower = text.to_ascii_lowercase();
        let clause = DeclarationFinder::new().find(&lower).remove(0);
        assert_eq!(&text[clause.span], "DOI: I'm an unpaid member of the panel");
    }

    #[test]
    fn never_panics_on_multibyte_text() {
        let text = "😷é COI: ✨ fees 😷 from é".repeat(50);
        for clause in DeclarationFinder::new().find(&text) {
            assert!(
                text.is_char_boundary(clause.span.start) && text.is_char_boundary(clause.span.end)
            );
        }
    }
}
