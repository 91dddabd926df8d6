//! `date-of-birth`: a date of birth in a post.
//!
//! Why: a date of birth is one of the "key dates" the GMC lists as identifying, and with almost
//! any other detail it singles out one patient (*Confidentiality* education endnote; *Using social
//! media as a medical professional* (2024) paras 19–20; *Good medical practice* (2024) para 88).
//!
//! Example: "DOB 03/07/1961, female, ?sepsis" — a warning, with fixes that remove it or
//! generalise it to the decade ("born in the 1960s").
//!
//! A label ("DOB", "D.O.B.", "date of birth", "born", "born on") followed by a real date:
//! `14/02/1939`, `14-2-39`, `14.02.1939`, `1939-02-14`, `14th February 1939`, `14 Feb 1939`,
//! `February 14, 1939`. The poster's own or their family's birth ("I was born on…", "my daughter
//! was born…") is only `info`. A month and year without a day after "DOB" is `info`.

use regex::Captures;

use crate::pattern::LazyRegex;

use super::GUIDANCE;
use crate::analysis::identifier_context::{before, real_date, Cues};
use crate::analysis::Post;
use crate::config::Config;
use crate::finding::{Category, FixHit, Hit, RuleInfo, Severity};
use crate::rules::Rule;

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

pub struct DateOfBirth {
    pattern: LazyRegex,
    own: Cues,
    patient: Cues,
}

impl DateOfBirth {
    pub fn new(_config: &Config) -> Self {
        let label = r"(?:(?-u:\b)d\.?o\.?b(?-u:\b)\.?|(?-u:\b)date of birth|(?-u:\b)born(?: on)?)";
        let pattern = format!(
            r"(?i-u){label} ?[:\-]? ?(?:(?P<d1>[0-9]{{1,2}})[/.\-](?P<m1>[0-9]{{1,2}})[/.\-](?P<y1>[0-9]{{4}}|[0-9]{{2}})(?-u:\b)|(?P<y2>[0-9]{{4}})-(?P<m2>[0-9]{{2}})-(?P<d2>[0-9]{{2}})(?-u:\b)|(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m3>{MONTHS})\.?,? (?P<y3>[0-9]{{4}})(?-u:\b)|(?P<m4>{MONTHS})\.? (?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?,? (?P<y4>[0-9]{{4}})(?-u:\b)|(?P<m5>[0-9]{{1,2}}|{MONTHS})[/ ](?P<y5>[0-9]{{4}})(?-u:\b))"
        );
        DateOfBirth {
            pattern: LazyRegex::new(pattern),
            own: Cues::new("i was|i|my|our|we|me"),
            // A title ("our wonderful Mrs Gwendoline Price, born 1 May 1925") says whose birth it
            // is: someone named formally, not the poster's own family, whatever "our" before it.
            patient: Cues::new("pt|patient|mr|mrs|ms|miss|mx"),
        }
    }
}

fn month_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    let lower = s.to_ascii_lowercase();
    MONTHS.split('|').position(|m| m == lower).map(|i| {
        if i < 12 {
            i as u32 + 1
        } else {
            [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][i - 12]
        }
    })
}

/// (day, month, full year or `None` for a two-digit year, two-digit year), when the date is real.
fn parse(c: &Captures) -> Option<(bool, Option<u32>)> {
    for (d, m, y) in [
        ("d1", "m1", "y1"),
        ("d2", "m2", "y2"),
        ("d3", "m3", "y3"),
        ("d4", "m4", "y4"),
    ] {
        let (Some(day), Some(month), Some(year)) = (c.name(d), c.name(m), c.name(y)) else {
            continue;
        };
        let day: u32 = day.as_str().parse().ok()?;
        let month = month_number(month.as_str())?;
        let year_text = year.as_str();
        let year: u32 = year_text.parse().ok()?;
        if year_text.len() == 2 {
            let ok = real_date(day, month, 1900 + year) || real_date(day, month, 2000 + year);
            return ok.then_some((true, None));
        }
        return ((1880..2100).contains(&year) && real_date(day, month, year))
            .then_some((true, Some(year)));
    }
    let month = month_number(c.name("m5")?.as_str())?;
    let year: u32 = c.name("y5")?.as_str().parse().ok()?;
    ((1..=12).contains(&month) && (1880..2100).contains(&year)).then_some((false, Some(year)))
}

/// What this rule reports, as the options page and popup name it.
const INFO: RuleInfo = RuleInfo {
    id: "date-of-birth",
    category: Category::Confidentiality,
    description: "A date of birth, by label or context.",
};

impl Rule for DateOfBirth {
    fn describe(&self) -> &'static [RuleInfo] {
        std::slice::from_ref(&INFO)
    }

    fn check(&self, doc: &Post, hits: &mut Vec<Hit>) {
        for c in self.pattern.captures_iter(doc.text) {
            let Some(m) = c.get(0) else { continue };
            let Some((full, year)) = parse(&c) else {
                continue;
            };
            let labelled_dob = !doc.lower[m.range()].starts_with("born");
            if !full && !labelled_dob {
                continue;
            }
            let near = before(doc, m.start(), 6);
            let own = !labelled_dob && self.own.in_text(near) && !self.patient.in_text(near);
            let (severity, message) = if own {
                (Severity::Info, "This is a date of birth. Fine for your own family if they agree, but never post a patient's.")
            } else if !full {
                (Severity::Info, "This gives a month and year of birth. With other details it can still identify a patient.")
            } else {
                (Severity::Warning, "This looks like a date of birth. A key date like this, with almost any other detail, identifies a patient.")
            };
            let mut hit = Hit::new(&INFO, severity, m.range(), message, GUIDANCE)
                .with_fix(FixHit::replace("Remove the date of birth", ""));
            if let Some(year) = year {
                let decade = year / 10 * 10;
                hit = hit.with_fix(FixHit::replace(
                    format!("Give only the decade (born in the {decade}s)"),
                    format!("born in the {decade}s"),
                ));
            }
            hits.push(hit);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{fixed_texts, flagged, spans_of, warned};

    #[test]
    fn flags_labelled_dates_in_many_formats() {
        for text in [
            "DOB 03/07/1961, female",
            "'J.T., DOB 14/02/1939, PEG fed'",
            "d.o.b. 14-2-39",
            "date of birth: 1939-02-14",
            "born on 14th February 1939",
            "DOB 14 Feb 1939",
            "born February 14, 1939 in Leeds",
        ] {
            assert!(warned("date-of-birth", text), "{text}");
        }
        assert_eq!(
            spans_of("date-of-birth", "x DOB 03/07/1961, y"),
            vec!["DOB 03/07/1961"]
        );
    }

    #[test]
    fn own_family_and_partial_dates_are_reminders() {
        assert!(!warned(
            "date-of-birth",
            "my daughter was born on 3 March 2019"
        ));
        assert!(flagged("date-of-birth", "DOB 07/1961"));
        assert!(!warned("date-of-birth", "DOB 07/1961"));
    }

    #[test]
    fn offers_a_decade_fix() {
        assert_eq!(
            fixed_texts("date-of-birth", "DOB 14/02/1939, PEG fed")[1],
            "born in the 1930s, PEG fed"
        );
    }

    #[test]
    #[ignore = "an unlabelled date with an age (\"14/02/1939, 85F\") is left to the jigsaw rule"]
    fn unlabelled_birth_dates() {
        assert!(flagged("date-of-birth", "J.T. 14/02/1939 PEG fed"));
    }
}
