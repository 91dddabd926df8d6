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
        parts: vec![],
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

/// A finding of `rule` saying `message` over `text` at `start` (ASCII, so bytes are UTF-16 units),
/// with a removal fix aimed at its own span.
fn said(rule: &str, message: &str, start: usize, text: &str) -> Finding {
    Finding {
        rule: rule.into(),
        message: message.into(),
        text: text.into(),
        fixes: vec![crate::finding::Fix {
            label: "Remove this detail".into(),
            replacement: String::new(),
            start: None,
            end: None,
        }],
        ..finding(
            Category::Confidentiality,
            start,
            start + text.len(),
            Severity::Warning,
        )
    }
}

/// Every range a finding highlights: its own span, then its parts.
fn ranges(f: &Finding) -> Vec<(usize, usize, &str)> {
    let mut all: Vec<_> = std::iter::once((f.start, f.end, f.text.as_str()))
        .chain(f.parts.iter().map(|p| (p.start, p.end, p.text.as_str())))
        .collect();
    all.sort_unstable();
    all
}

#[test]
fn the_details_of_a_jigsaw_post_are_one_finding() {
    let text =
        "😷 Saw a 23yo M, a teacher from Leeds, this morning after the M6 pile-up, sharing his CXR";
    let details: Vec<_> = check(text)
        .into_iter()
        .filter(|f| f.rule == "jigsaw-identification")
        .collect();
    assert!(details.len() >= 3, "{details:?}");
    let all = Checker::new(Config::default()).check(text);
    let jigsaw: Vec<_> = all
        .iter()
        .filter(|f| f.rule == "jigsaw-identification")
        .collect();
    assert_eq!(jigsaw.len(), 1, "{all:?}");
    let one = jigsaw[0];
    assert_eq!(one.severity, Severity::Warning);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let got = ranges(one);
    for (start, end, part) in &got {
        assert_eq!(String::from_utf16_lossy(&utf16[*start..*end]), *part);
    }
    // Sorted and disjoint, and every detail the rule reported is still highlighted.
    assert!(got.windows(2).all(|w| w[0].1 <= w[1].0), "{got:?}");
    for d in &details {
        assert!(
            got.iter().any(|(s, e, _)| *s <= d.start && d.end <= *e),
            "{} lost: {got:?}",
            d.text
        );
    }
    // Each removal says which detail it removes, and is aimed at it.
    let removals: Vec<_> = one
        .fixes
        .iter()
        .filter(|f| f.label.starts_with("Remove this detail (“"))
        .collect();
    assert!(removals.len() >= 2, "{:?}", one.fixes);
    assert!(removals
        .iter()
        .all(|f| f.start.is_some() && f.end.is_some()));
}

#[test]
fn overlapping_ranges_of_one_concern_merge() {
    let m = "Details that add up";
    let reminder = Finding {
        severity: Severity::Info,
        ..said("jigsaw-identification", m, 0, "seen")
    };
    let mut findings = vec![
        reminder,
        said("jigsaw-identification", m, 10, "near Junction"),
        said("jigsaw-identification", m, 15, "Junction 19"),
        said("other-rule", m, 40, "else"),
    ];
    super::group(&mut findings);
    assert_eq!(findings.len(), 2, "{findings:?}");
    let one = &findings[0];
    assert_eq!(
        ranges(one),
        vec![(0, 4, "seen"), (10, 26, "near Junction 19")]
    );
    // The span its card quotes is the first range at the concern's severity, not the reminder.
    assert_eq!(
        (one.severity, one.text.as_str()),
        (Severity::Warning, "near Junction 19")
    );
    assert_eq!(one.parts[0].text, "seen");
    // The two removals over the merged range became one, covering both.
    let merged: Vec<_> = one
        .fixes
        .iter()
        .map(|f| (f.label.as_str(), f.start, f.end))
        .collect();
    assert_eq!(
        merged,
        vec![
            (
                "Remove this detail (“near Junction 19”)",
                Some(10),
                Some(26)
            ),
            ("Remove this detail (“seen”)", Some(0), Some(4)),
        ]
    );
    assert_eq!(findings[1].rule, "other-rule");
    assert!(findings[1].parts.is_empty());
}

#[test]
fn identifiers_are_one_concern_only_for_the_same_text() {
    let m = "This looks like a phone number";
    let mut findings = vec![
        said("phone-number", m, 0, "07700 900123"),
        said("phone-number", m, 20, "07700 900456"),
        said("person-name", "A name", 40, "Doris"),
        said("person-name", "A name", 60, "Doris"),
    ];
    super::group(&mut findings);
    let left: Vec<_> = findings.iter().map(|f| (f.start, f.parts.len())).collect();
    assert_eq!(left, vec![(0, 0), (20, 0), (40, 1)]);
    // The same fix for the same name is offered once.
    assert_eq!(findings[2].fixes.len(), 1, "{:?}", findings[2].fixes);
}

#[test]
fn a_one_range_finding_has_no_parts_in_its_json() {
    let text = "Saw a 23yo M from Leeds this morning after the M6 pile-up, sharing his CXR";
    let all = Checker::new(Config::default()).check(text);
    let json: Vec<serde_json::Value> = all
        .iter()
        .map(|f| serde_json::to_value(f).expect("serialises"))
        .collect();
    assert!(json
        .iter()
        .any(|f| f["parts"].as_array().is_some_and(|p| !p.is_empty())));
    let mut single = said("r", "m", 0, "x");
    single.fixes.clear();
    let value = serde_json::to_value(&single).expect("serialises");
    assert!(value.get("parts").is_none(), "{value}");
}
