//! `person-name`'s scans beyond names in running text: a name in a hashtag ("#PrayForLily"),
//! initials beside an age or date of birth ("J.T., 34"), a tagged patient's account, and the
//! relative a post addresses by name ("Janet — saw your post asking after your mum").

use crate::analysis::Post;
use crate::document::Document;
use crate::finding::{Hit, Severity};

use super::words::is_place;
use super::{hit, PersonName, NAME_MSG};

impl PersonName {
    /// Hashtag names, initials, and (in a post about a patient) the addressee and tagged accounts.
    pub(super) fn tags_and_initials(&self, doc: &Post, patient: bool, hits: &mut Vec<Hit>) {
        let text = doc.text;
        for c in self.hashtag.captures_iter(text) {
            let name = c.get(2).or_else(|| c.get(3)).expect("group");
            // After a wish for one person ("#PrayFor", "#StayStrong") any capitalised word that is
            // not a place is taken as a name: the name lists cannot hold every name.
            let wish = c.get(1).is_some_and(|prefix| {
                !matches!(
                    prefix.as_str().to_ascii_lowercase().as_str(),
                    "love" | "team" | "support" | "standwith" | "rip"
                )
            });
            if self.in_lexicon(name.as_str()) || (wish && !is_place(name.as_str())) {
                let span = c.get(0).expect("match").range();
                hits.push(hit(span, Severity::Warning, NAME_MSG, "#ThinkingOfYou"));
            }
        }

        for m in self.initials.find_iter(text) {
            if !patient && !m.as_str().contains("DOB") {
                continue;
            }
            {
                let span = m.range();
                let letters = text[span.clone()]
                    .trim_end_matches(|c: char| !c.is_ascii_uppercase() && c != '.');
                let letters = &text[span.start..span.start + letters.len()];
                if matches!(
                    letters.trim_end_matches('.'),
                    "ED" | "GP"
                        | "UK"
                        | "OK"
                        | "IT"
                        | "BP"
                        | "HR"
                        | "RR"
                        | "CT"
                        | "MR"
                        | "PE"
                        | "MI"
                        | "AF"
                        | "GI"
                        | "NB"
                        | "PS"
                        | "TV"
                        | "DM"
                        | "AM"
                        | "PM"
                        | "ST"
                        | "FY"
                        | "OT"
                        | "SR"
                        | "ID"
                        | "HB"
                        | "IV"
                        | "IM"
                        | "NG"
                        | "OD"
                        | "BD"
                        | "QDS"
                        | "TDS"
                ) {
                    continue;
                }
                let span = span.start..span.start + letters.len();
                hits.push(hit(
                    span,
                    Severity::Warning,
                    "Initials with an age or date of birth still identify a patient.",
                    "a patient",
                ));
            }
        }
        if patient {
            self.addressee(doc, hits);
            for m in self.handle.find_iter(text) {
                let sent = &doc.lower[doc.sentence_near(&m.range())];
                if [
                    "my patient",
                    "my old patient",
                    "our patient",
                    "your dad",
                    "your mum",
                    "your husband",
                    "your wife",
                ]
                .iter()
                .any(|c| sent.contains(c))
                {
                    hits.push(hit(m.range(), Severity::Warning, "Tagging a patient's (or their relative's) account confirms they were under your care.", ""));
                }
            }
        }
    }

    /// "Janet — saw your post asking after your mum…": naming the relative you are updating.
    fn addressee(&self, doc: &Document, hits: &mut Vec<Hit>) {
        let trimmed = doc.text.trim_start();
        let offset = doc.text.len() - trimmed.len();
        let Some(m) = self.word.find(trimmed) else {
            return;
        };
        let rest = trimmed[m.end()..].trim_start();
        let relative = [
            "your mum",
            "your dad",
            "your husband",
            "your wife",
            "your son",
            "your daughter",
            "your nan",
            "your gran",
        ];
        if m.start() == 0
            && rest.starts_with(['—', '–', '-', ',', ':'])
            && self.is_name(m.as_str(), true)
            && relative.iter().any(|r| doc.lower.contains(r))
        {
            let span = offset + m.start()..offset + m.end();
            hits.push(hit(span, Severity::Warning, "Naming a patient's relative in a public update about the patient identifies them both.", ""));
        }
    }
}
