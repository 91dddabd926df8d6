//! Why the scorer flagged a post, in words and highlights. A linear model's score is a sum of
//! its features' contributions, so the sentence whose features add most is the one to highlight,
//! and its words that add most are the ones to name.

use std::collections::HashMap;
use std::ops::Range;

use super::features::Features;
use super::model::CategoryModel;
use crate::config::Config;
use crate::document::{utf16_offsets, Document};
use crate::finding::{Category, Finding, Severity};

/// How many of the sentence's strongest words the message names.
const NAMED_WORDS: usize = 3;

/// Words the highlighted sentence needs.
const MIN_SENTENCE_WORDS: usize = 4;

/// Letters (or digits) a word needs before the message may name it.
const MIN_NAMED_LETTERS: usize = 4;

/// What each category's scorer finding is called and says, and the guidance it rests on.
struct Wording {
    rule: &'static str,
    reads_like: &'static str,
    advice: &'static str,
    guidance: &'static [&'static str],
}

fn wording(category: Category) -> Wording {
    match category {
        Category::Confidentiality => Wording {
            rule: "patient-story",
            reads_like: "This reads like an individual patient's case",
            advice: "Details that are harmless alone can add up to identify someone: post it only with the patient's explicit consent, or leave out what makes the case recognisable.",
            guidance: &["sm-2024-19", "sm-2024-20"],
        },
        Category::ConflictOfInterest => Wording {
            rule: "product-promotion",
            reads_like: "This reads like promotion of a product, service or company",
            advice: "If you have any interest in it, declare it in the post; if you have none, saying so helps readers trust the recommendation.",
            guidance: &["gmp-2024-90", "gmp-2024-95"],
        },
        Category::Boundaries => Wording {
            rule: "blurred-boundary",
            reads_like: "This may blur the line between you and a patient",
            advice: "Keep individual advice and contact with patients to professional channels.",
            guidance: &["bnd-2024-3", "gmp-2024-93"],
        },
        Category::Respect => Wording {
            rule: "disrespectful-tone",
            reads_like: "This may read as disrespectful of a patient or colleague",
            advice: "Comments like this can undermine trust in you and the profession, whoever they are about.",
            guidance: &["sm-2024-respect", "gmp-2024-81"],
        },
    }
}

/// The id of the scorer's finding for `category`.
#[cfg(test)]
pub fn rule_id(category: Category) -> &'static str {
    wording(category).rule
}

/// The scorer's finding for `category`: the sentence that contributed most, named words.
pub fn finding(
    text: &str,
    features: &Features,
    category: Category,
    model: &CategoryModel,
) -> Option<Finding> {
    let config = Config::default();
    let doc = Document::new(text, &config);
    let mut per_bucket: HashMap<u32, f32> = HashMap::new();
    for o in features.occurrences.iter().filter(|o| o.source.is_some()) {
        *per_bucket.entry(o.bucket).or_default() += 1.0;
    }
    // Each occurrence's share of its bucket's contribution, added up per sentence and per chunk.
    let mut sentences: HashMap<Range<usize>, f32> = HashMap::new();
    let mut words: HashMap<Range<usize>, f32> = HashMap::new();
    for o in &features.occurrences {
        let Some(source) = &o.source else { continue };
        let share = model.weight(o.bucket) * features.value(o.bucket) / per_bucket[&o.bucket];
        *sentences.entry(doc.sentence_around(source)).or_default() += share;
        *words.entry(chunk_around(text, source)).or_default() += share;
    }
    let (sentence, contribution) = sentences
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.start.cmp(&a.0.start)))?;
    let sentence = trim(text, sentence);
    // The highlighted sentence must carry the score by itself, and be a sentence rather than a
    // word or two: a score that only the post's shape adds up to ("Again.", a three-word reply)
    // is not something the doctor can be shown.
    let words_in = text[sentence.clone()].split_whitespace().count();
    if words_in < MIN_SENTENCE_WORDS || contribution <= 0.0 {
        return None;
    }
    // Only words that say something can be named: "a", "the" and "on" never explain a concern.
    let meaningful = |span: &Range<usize>| {
        text[span.clone()]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
            >= MIN_NAMED_LETTERS
            || !text[span.clone()].is_ascii()
    };
    let mut named: Vec<(Range<usize>, f32)> = words
        .into_iter()
        .filter(|(span, share)| {
            *share > 0.0
                && span.start >= sentence.start
                && span.end <= sentence.end
                && meaningful(span)
        })
        .collect();
    // A finding must say why: with no word of its sentence to show for it, the score rests on
    // the post's shape rather than its content, and the scorer stays quiet.
    if named.is_empty() {
        return None;
    }
    named.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.start.cmp(&b.0.start)));
    named.truncate(NAMED_WORDS);
    named.sort_by_key(|(span, _)| span.start);
    let w = wording(category);
    let quoted: Vec<String> = named
        .iter()
        .map(|(span, _)| format!("“{}”", &text[span.clone()]))
        .collect();
    let message = format!("{} ({}). {}", w.reads_like, quoted.join(", "), w.advice);
    let offsets = utf16_offsets(text, &[sentence.start, sentence.end]);
    Some(Finding {
        rule: w.rule.to_string(),
        category,
        severity: Severity::Warning,
        start: offsets[0],
        end: offsets[1],
        text: text[sentence].to_string(),
        message,
        guidance: w.guidance.iter().map(|g| g.to_string()).collect(),
        fixes: Vec::new(),
        parts: Vec::new(),
    })
}

/// The whitespace-separated chunk around `span`, without outer punctuation: what to quote.
fn chunk_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = text[..span.start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = text[span.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| span.end + i);
    let piece = &text[start..end];
    let outer = |c: char| !c.is_alphanumeric() && c != '#' && c != '@';
    let lead = piece.len() - piece.trim_start_matches(outer).len();
    let kept = piece.trim_matches(outer).len();
    if kept == 0 {
        return span.clone();
    }
    start + lead..start + lead + kept
}

/// `span` without surrounding whitespace.
fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let piece = &text[span.clone()];
    let lead = piece.len() - piece.trim_start().len();
    span.start + lead..span.start + lead + piece.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_quoted_without_outer_punctuation() {
        let text = "a (44-year-old) teacher, from Leeds.";
        let at = text.find("year").unwrap();
        assert_eq!(&text[chunk_around(text, &(at..at + 4))], "44-year-old");
        let at = text.find("Leeds").unwrap();
        assert_eq!(&text[chunk_around(text, &(at..at + 5))], "Leeds");
    }

    #[test]
    fn trim_drops_outer_whitespace_only() {
        let text = "  Saw him today  ";
        assert_eq!(&text[trim(text, 0..text.len())], "Saw him today");
    }
}
