//! One concern, one finding: a finding that lies inside another of the same category, and is no
//! more serious, adds a second underline and a second card for what the first already says
//! ("1956" as a jigsaw detail inside "DOB 12/03/1956"). It is dropped after the scorer has had
//! its say, so what the scorer reads (the rules' own findings) is unchanged.

use std::collections::HashMap;

use crate::finding::{Category, Finding, Fix, Severity};

/// Removes every finding contained in an earlier-starting (or same-start, longer) rule finding of
/// the same category with at least its severity. Linear after one sort: for each category only the
/// finding reaching furthest so far, at each severity, can contain the next one.
pub fn drop_contained(findings: &mut Vec<Finding>) {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| (findings[i].start, std::cmp::Reverse(findings[i].end)));
    // Per category and severity: the kept rule finding reaching furthest so far (end, index).
    let mut reach: HashMap<(Category, Severity), (usize, usize)> = HashMap::new();
    // (container, contained) pairs: the contained finding's fixes move to its container.
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    for i in order {
        let f = &findings[i];
        let container = [Severity::Info, Severity::Warning]
            .into_iter()
            .filter(|s| *s >= f.severity)
            .filter_map(|s| reach.get(&(f.category, s)).copied())
            .find(|&(end, _)| f.end <= end);
        if let Some((_, c)) = container.filter(|_| f.start < f.end) {
            absorbed.push((c, i));
            continue;
        }
        // A scorer finding spans a whole sentence: the rule findings inside it keep their own
        // cards and fixes ("Use the generic name", "the patient"), so it never swallows them.
        if !crate::scorer::RULES.iter().any(|r| r.id == f.rule) {
            let reached = reach.entry((f.category, f.severity)).or_insert((0, i));
            if f.end > reached.0 {
                *reached = (f.end, i);
            }
        }
    }
    // The container keeps the contained finding's fixes that it lacks ("Generalise the age" for
    // "23yo" inside "23yo M"), each aimed at the contained text.
    let mut keep = vec![true; findings.len()];
    for (c, i) in absorbed {
        keep[i] = false;
        let (start, end) = (findings[i].start, findings[i].end);
        let moved: Vec<Fix> = std::mem::take(&mut findings[i].fixes)
            .into_iter()
            .map(|fix| Fix {
                start: fix.start.or(Some(start)),
                end: fix.end.or(Some(end)),
                ..fix
            })
            .collect();
        let fixes = &mut findings[c].fixes;
        for fix in moved {
            if !fixes.iter().any(|f| f.label == fix.label) {
                fixes.push(fix);
            }
        }
    }
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use crate::finding::{Category, Finding, Severity};
    use crate::testing::check;
    use crate::{Checker, Config};

    /// A bare finding: only where it is, its category and its severity matter here.
    fn finding(category: Category, start: usize, end: usize, severity: Severity) -> Finding {
        Finding {
            rule: "r".into(),
            category,
            severity,
            start,
            end,
            text: String::new(),
            message: String::new(),
            guidance: vec![],
            fixes: vec![],
        }
    }

    fn spans(text: &str) -> Vec<(String, String)> {
        Checker::new(Config::default())
            .check(text)
            .into_iter()
            .map(|f| (f.rule, f.text))
            .collect()
    }

    #[test]
    fn a_detail_inside_an_identifier_is_not_a_second_finding() {
        let text = "Mrs P, DOB 12/03/1956, seen in clinic today with a chest infection";
        // The rules alone report the year twice (as a date of birth and as a jigsaw detail)...
        let rules = check(text);
        assert!(rules
            .iter()
            .any(|f| f.rule == "jigsaw-identification" && f.text == "1956"));
        // ...the checker once.
        let all = spans(text);
        assert!(all
            .iter()
            .any(|(r, t)| r == "date-of-birth" && t == "DOB 12/03/1956"));
        assert!(!all.iter().any(|(_, t)| t == "1956"), "{all:?}");
    }

    #[test]
    fn the_container_takes_the_fixes_it_lacks() {
        let text = "Saw a 23yo M from Leeds this morning after the M6 pile-up, sharing his CXR";
        let all = Checker::new(Config::default()).check(text);
        let whole = all
            .iter()
            .find(|f| f.text == "23yo M")
            .unwrap_or_else(|| panic!("{all:?}"));
        assert!(!all.iter().any(|f| f.text == "23yo"), "{all:?}");
        let age = whole
            .fixes
            .iter()
            .find(|f| f.label == "Generalise the age")
            .expect("the age fix moved to the finding around it");
        assert_eq!((age.start, age.end), (Some(6), Some(10)));
        assert_eq!(age.replacement, "in their 20s");
    }

    #[test]
    fn a_more_serious_finding_inside_a_reminder_stays() {
        let confidentiality =
            |start, end, severity| finding(Category::Confidentiality, start, end, severity);
        let mut findings = vec![
            confidentiality(0, 20, Severity::Info),
            confidentiality(5, 9, Severity::Warning),
            confidentiality(6, 8, Severity::Warning),
            confidentiality(6, 8, Severity::Info),
            confidentiality(30, 40, Severity::Warning),
        ];
        super::drop_contained(&mut findings);
        let left: Vec<_> = findings
            .iter()
            .map(|f| (f.start, f.end, f.severity))
            .collect();
        assert_eq!(
            left,
            vec![
                (0, 20, Severity::Info),
                (5, 9, Severity::Warning),
                (30, 40, Severity::Warning)
            ]
        );
    }

    #[test]
    fn a_finding_of_another_category_inside_stays() {
        // "Text me on 07700 900123": a boundary concern around a phone number.
        let mut findings = vec![
            finding(Category::Boundaries, 0, 23, Severity::Warning),
            finding(Category::Confidentiality, 11, 23, Severity::Warning),
        ];
        super::drop_contained(&mut findings);
        assert_eq!(findings.len(), 2);
    }
}
