//! Tidy removals. Deleting just the matched identifier leaves its label and a double space
//! behind ("NHS no  — honestly"), so a removal fix also takes the label in front of an
//! identifier ("NHS no", "DOB:", "MRN") and one neighbouring space.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::floor_boundary;

/// Labels that only ever introduce the identifier that follows them.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:nhs|chi|h&c|hcn|mrn|hosp(?:ital)?|unit|ni|nino|national insurance|dob|d\.o\.b|date of birth|tel|phone|mob(?:ile)?|e-?mail|postcode)\.?(?:\s*(?:no\.?|num(?:ber)?|#))?\s*[:#-]?\s*$",
    )
    .expect("label pattern compiles")
});

/// The span a removal of `span` should delete from `text`.
pub fn tidy(text: &str, span: Range<usize>) -> Range<usize> {
    // 40 bytes bound the label's length (the longest, "national insurance number: ", is 27), not
    // a context window: `LABEL` is anchored at the identifier, so this only keeps its search short.
    let window_start = floor_boundary(text, span.start.saturating_sub(40));
    let before = &text[window_start..span.start];
    let start = LABEL
        .find(before)
        .map_or(span.start, |label| window_start + label.start());
    let end = span.end;
    let after = text[end..].chars().next();
    let space_before = text[..start].ends_with(' ');
    let closes = after.map_or(true, |c| c == ' ' || ",.;:!?)".contains(c));
    if space_before && closes {
        start - 1..end
    } else if start == 0 && after == Some(' ') {
        start..end + 1
    } else {
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::tidy;

    fn removed(text: &str, target: &str) -> String {
        let start = text.find(target).unwrap();
        let span = tidy(text, start..start + target.len());
        format!("{}{}", &text[..span.start], &text[span.end..])
    }

    #[test]
    fn takes_the_label_and_a_space() {
        assert_eq!(
            removed("Pt NHS no 943 476 5919 — stable", "943 476 5919"),
            "Pt — stable"
        );
        assert_eq!(
            removed("DOB: 14/07/1968, lives alone", "14/07/1968"),
            ", lives alone"
        );
        assert_eq!(
            removed("ring 07700 900614 today", "07700 900614"),
            "ring today"
        );
    }

    #[test]
    fn leaves_other_words_and_odd_text_alone() {
        assert_eq!(
            removed("email me at jo@example.com", "jo@example.com"),
            "email me at"
        );
        assert_eq!(removed("😷 abc", "abc"), "😷");
        assert_eq!(removed("abc", "abc"), "");
    }
}
