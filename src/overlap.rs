//! One concern, one finding, worked out after the scorer has had its say, so what the scorer
//! reads (the rules' own findings) is unchanged:
//!
//! - [`drop_contained`]: a finding that lies inside another of the same category, and is no more
//!   serious, adds a second underline and a second card for what the first already says ("1956"
//!   as a jigsaw detail inside "DOB 12/03/1956"). It is dropped and its fixes move to the
//!   container; its span is already highlighted by the container's, so it needs no part.
//! - [`group`]: the findings of one rule that say the same thing (a jigsaw post's age, job and
//!   place; the cues of one boundary concern; a brand named three times) become one finding whose
//!   further ranges are its `parts`; overlapping ranges ("near Junction", "Junction 19") merge.

use std::collections::HashMap;

use crate::finding::{Category, Finding, Fix, Part, Severity};

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

/// Rules whose findings are one concern only when they flag the same text: two NHS numbers (or
/// two beds) are two things to remove, "Doris" twice is one name.
const IDENTIFIERS: &[&str] = &[
    "nhs-number",
    "chi-number",
    "hospital-number",
    "date-of-birth",
    "postcode",
    "phone-number",
    "email-address",
    "ni-number",
    "person-name",
    "patient-reference",
];

/// Makes each concern one finding: findings with the same rule, category and message (and, for an
/// identifier, the same text) become one, at the most serious severity among them. Its span is
/// the first range at that severity, `parts` the others (sorted; before or after the span);
/// overlapping ranges merge into one. Every fix is aimed at
/// its own range, and a label that several ranges share names the text it acts on
/// ("Remove this detail (“in Leeds”)"). Linear in the findings (one hash map, one pass).
pub fn group(findings: &mut Vec<Finding>) {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<(&str, Category, &str, String), usize> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        let same_text = if IDENTIFIERS.contains(&f.rule.as_str()) {
            f.text.to_lowercase()
        } else {
            String::new()
        };
        let key = (f.rule.as_str(), f.category, f.message.as_str(), same_text);
        let g = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    if groups.len() == findings.len() {
        return;
    }
    let mut slots: Vec<Option<Finding>> = std::mem::take(findings).into_iter().map(Some).collect();
    for g in groups {
        let mut members: Vec<Finding> = g.iter().filter_map(|&i| slots[i].take()).collect();
        let one = if members.len() == 1 {
            members.pop()
        } else {
            merge(members)
        };
        findings.extend(one);
    }
    findings.sort_by_key(|f| (f.start, f.end));
}

/// One range of a concern being merged, with the fixes aimed at it.
struct Piece {
    severity: Severity,
    start: usize,
    end: usize,
    text: String,
    fixes: Vec<Fix>,
}

/// `members` (same rule and message) as one finding.
fn merge(members: Vec<Finding>) -> Option<Finding> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut severity = Severity::Info;
    let mut head: Option<Finding> = None;
    for mut m in members {
        severity = severity.max(m.severity);
        let (start, end) = (m.start, m.end);
        let fixes = std::mem::take(&mut m.fixes).into_iter().map(|fix| Fix {
            start: fix.start.or(Some(start)),
            end: fix.end.or(Some(end)),
            ..fix
        });
        pieces.push(Piece {
            severity: m.severity,
            start,
            end,
            text: m.text.clone(),
            fixes: fixes.collect(),
        });
        pieces.extend(std::mem::take(&mut m.parts).into_iter().map(|p| Piece {
            severity: m.severity,
            start: p.start,
            end: p.end,
            text: p.text,
            fixes: Vec::new(),
        }));
        head.get_or_insert(m);
    }
    pieces.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    let mut ranges: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match ranges.last_mut() {
            Some(last) if piece.start < last.end => absorb(last, piece),
            _ => ranges.push(piece),
        }
    }
    name_shared_labels(&mut ranges);
    // The finding's own span (what its card quotes) is its first range at its severity: "23yo M"
    // rather than a reminder-only "this morning" before it.
    let main = ranges.iter().position(|r| r.severity == severity)?;
    let first = ranges.remove(main);
    let mut fixes: Vec<Fix> = first.fixes;
    let mut parts = Vec::new();
    for r in ranges {
        parts.push(Part {
            start: r.start,
            end: r.end,
            text: r.text,
        });
        fixes.extend(r.fixes);
    }
    // One button per label: the same fix for the same text twice ("Use the generic name" for a
    // brand named twice) is offered once, and an appended declaration once.
    let mut labels = std::collections::HashSet::new();
    fixes.retain(|f| labels.insert(f.label.clone()));
    let head = head?;
    Some(Finding {
        severity,
        start: first.start,
        end: first.end,
        text: first.text,
        fixes,
        parts,
        ..head
    })
}

/// Folds `piece`, which starts inside `last`, into it: the text reaches the further end, and a
/// fix both have (same label and replacement) covers both ranges.
fn absorb(last: &mut Piece, piece: Piece) {
    last.severity = last.severity.max(piece.severity);
    if piece.end > last.end {
        let units: Vec<u16> = piece
            .text
            .encode_utf16()
            .skip(last.end - piece.start)
            .collect();
        last.text.push_str(&String::from_utf16_lossy(&units));
        last.end = piece.end;
    }
    for fix in piece.fixes {
        let same = last
            .fixes
            .iter_mut()
            .find(|f| f.label == fix.label && f.replacement == fix.replacement);
        match same {
            Some(f) => {
                f.start = f.start.min(fix.start);
                f.end = f.end.max(fix.end);
            }
            None => last.fixes.push(fix),
        }
    }
}

/// A label several ranges share gets the text it acts on, so each button says what it changes.
fn name_shared_labels(ranges: &mut [Piece]) {
    let mut count: HashMap<String, usize> = HashMap::new();
    for r in ranges.iter() {
        let mut seen = std::collections::HashSet::new();
        for f in &r.fixes {
            if seen.insert(f.label.as_str()) {
                *count.entry(f.label.clone()).or_default() += 1;
            }
        }
    }
    for r in ranges.iter_mut() {
        for f in &mut r.fixes {
            if count.get(&f.label).is_some_and(|&n| n > 1) {
                f.label = format!("{} (“{}”)", f.label, r.text);
            }
        }
    }
}

#[cfg(test)]
mod tests;
