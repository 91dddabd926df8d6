//! The scorer's view of a post: hashed word and character n-grams plus the rules' own signals.
//!
//! This is the single definition of the features: the training script (`scripts/train-model.py`)
//! reads them from `second-opinion features --jsonl`, so training and the embedded model can never
//! disagree about what a feature is.

use std::ops::Range;

use crate::finding::{Finding, Severity};
use crate::lexicon::people_places::{WordSet, FIRST_NAMES, FIRST_NAMES_COMMON_WORDS, UK_PLACES};

/// The hash width `make model` trains with (the embedded model records its own).
pub const DEFAULT_BITS: u8 = 15;

/// Character n-gram lengths taken from each whitespace-separated chunk (padded with spaces).
const CHAR_NGRAMS: Range<usize> = 3..6;

/// One feature occurrence: its bucket and the bytes of the post that produced it (`None` for the
/// rules' signals, which belong to no single word).
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    pub bucket: u32,
    pub source: Option<Range<usize>>,
}

/// A post's features: occurrences (for explaining a score) and the final sparse vector
/// (bucket, value), sorted by bucket, that the model multiplies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    pub occurrences: Vec<Occurrence>,
    pub vector: Vec<(u32, f32)>,
}

impl Features {
    /// The value the vector holds for `bucket` (0.0 when absent).
    pub fn value(&self, bucket: u32) -> f32 {
        self.vector
            .binary_search_by_key(&bucket, |&(b, _)| b)
            .map_or(0.0, |i| self.vector[i].1)
    }
}

/// Extracts the features of `text` into `2^bits` buckets. `rule_findings` are the rules'
/// findings for the same text (before the scorer's own): which rules fired, and how strongly,
/// are features too.
pub fn extract(text: &str, rule_findings: &[Finding], bits: u8) -> Features {
    let mask = (1u64 << bits) - 1;
    let bucket = |hash: Fnv| (hash.finish() & mask) as u32;
    // About three character n-grams per character, plus the words': sized once, not regrown.
    let mut text_occurrences = Vec::with_capacity(4 * text.len() + 16);
    let mut previous: Option<(&str, Range<usize>)> = None;
    let mut sentence_start = true;
    let words = words(text);
    for word in &words {
        // A word's class ("a UK place", "a first name", "a capitalised word mid-sentence") and
        // the word before it with that class ("from <place>", "saw <name>"): what generalises
        // from the training posts' names and towns to everyone else's.
        if let Some(class) = word_class(&text[word.span.clone()], sentence_start) {
            text_occurrences.push(Occurrence {
                bucket: bucket(Fnv::new(b'x').str(class)),
                source: Some(word.span.clone()),
            });
            if let Some((prev, _)) = &previous {
                // Shown as the classed word itself ("Leeds", not "from").
                text_occurrences.push(Occurrence {
                    bucket: bucket(Fnv::new(b'y').str(prev).str(" ").str(class)),
                    source: Some(word.span.clone()),
                });
            }
        }
        sentence_start = word.ends_sentence;
        text_occurrences.push(Occurrence {
            bucket: bucket(Fnv::new(b'w').str(&word.norm)),
            source: Some(word.span.clone()),
        });
        if let Some(marker) = word.marker {
            text_occurrences.push(Occurrence {
                bucket: bucket(Fnv::new(b'm').char(marker).str(&word.norm)),
                source: Some(word.span.clone()),
            });
        }
        if let Some((prev, prev_span)) = previous.take() {
            text_occurrences.push(Occurrence {
                bucket: bucket(Fnv::new(b'b').str(prev).str(" ").str(&word.norm)),
                source: Some(prev_span.start..word.span.end),
            });
        }
        previous = (!word.ends_sentence).then(|| (word.norm.as_str(), word.span.clone()));
    }
    let word_before = |at: usize| -> Option<String> {
        let head = text[..at].trim_end();
        let start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        (start < head.len()).then(|| normalise(&head[start..]))
    };
    for (span, class) in super::vocabulary::classes(text) {
        text_occurrences.push(Occurrence {
            bucket: bucket(Fnv::new(b'x').str(class)),
            source: Some(span.clone()),
        });
        if let Some(before) = word_before(span.start) {
            text_occurrences.push(Occurrence {
                bucket: bucket(Fnv::new(b'y').str(&before).str(" ").str(class)),
                source: Some(span),
            });
        }
    }
    let mut padded: Vec<char> = Vec::new();
    for chunk in chunks(text) {
        padded.clear();
        padded.push(' ');
        padded.extend(chunk.norm.chars());
        padded.push(' ');
        for n in CHAR_NGRAMS {
            for window in padded.windows(n) {
                let gram = window.iter().fold(Fnv::new(b'c'), |h, &c| h.char(c));
                text_occurrences.push(Occurrence {
                    bucket: bucket(gram),
                    source: Some(chunk.span.clone()),
                });
            }
        }
    }
    for symbol in symbols(text) {
        text_occurrences.push(Occurrence {
            bucket: bucket(Fnv::new(b's').char(symbol.1)),
            source: Some(symbol.0),
        });
    }
    let mut vector = sublinear_unit_vector(&text_occurrences);
    let mut occurrences = text_occurrences;
    let mut rule_buckets: Vec<u32> = rule_findings
        .iter()
        .flat_map(|f| {
            let strength = if f.severity == Severity::Warning {
                "warning"
            } else {
                "info"
            };
            [
                bucket(Fnv::new(b'r').str(&f.rule).str(":").str(strength)),
                bucket(
                    Fnv::new(b'k')
                        .str(f.category.as_str())
                        .str(":")
                        .str(strength),
                ),
            ]
        })
        .collect();
    rule_buckets.sort_unstable();
    rule_buckets.dedup();
    for b in rule_buckets {
        occurrences.push(Occurrence {
            bucket: b,
            source: None,
        });
        vector.push((b, 1.0));
    }
    Features {
        occurrences,
        vector: merge(vector),
    }
}

/// The class of a word as written, if it has one the scorer uses.
fn word_class(word: &str, sentence_start: bool) -> Option<&'static str> {
    struct Lists {
        places: WordSet,
        first_names: WordSet,
        common_words: WordSet,
    }
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    if !word.chars().next().is_some_and(char::is_uppercase) || word.len() < 2 {
        return None;
    }
    let lists = LISTS.get_or_init(|| Lists {
        places: WordSet::new(UK_PLACES),
        first_names: WordSet::new(FIRST_NAMES),
        common_words: WordSet::new(FIRST_NAMES_COMMON_WORDS),
    });
    if word.chars().all(|c| c.is_uppercase() || c.is_numeric()) {
        return None; // acronyms: NHS, GP, ICU
    }
    if lists.places.contains(word) {
        Some("<place>")
    } else if lists.first_names.contains(word) && !lists.common_words.contains(word) {
        Some("<first-name>")
    } else if !sentence_start {
        Some("<capitalised>")
    } else {
        None
    }
}

mod hash;
mod tokens;

use hash::{merge, sublinear_unit_vector, Fnv};
use tokens::{chunks, normalise, symbols, words};

#[cfg(test)]
mod tests;
