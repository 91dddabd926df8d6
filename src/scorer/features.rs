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

/// 1 + ln(count) per bucket, scaled to unit length, so long posts and short ones weigh alike.
fn sublinear_unit_vector(occurrences: &[Occurrence]) -> Vec<(u32, f32)> {
    let mut buckets: Vec<u32> = occurrences.iter().map(|o| o.bucket).collect();
    buckets.sort_unstable();
    let mut vector: Vec<(u32, f32)> = Vec::new();
    for b in buckets {
        match vector.last_mut() {
            Some((last, count)) if *last == b => *count += 1.0,
            _ => vector.push((b, 1.0)),
        }
    }
    for (_, value) in vector.iter_mut() {
        *value = 1.0 + value.ln();
    }
    let norm = vector.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, value) in vector.iter_mut() {
            *value /= norm;
        }
    }
    vector
}

/// Sorts by bucket and adds values that share one.
fn merge(mut vector: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    vector.sort_by_key(|&(b, _)| b);
    let mut merged: Vec<(u32, f32)> = Vec::with_capacity(vector.len());
    for (b, v) in vector {
        match merged.last_mut() {
            Some((last, value)) if *last == b => *value += v,
            _ => merged.push((b, v)),
        }
    }
    merged
}

/// FNV-1a (64-bit) over a namespace byte and then the feature's UTF-8 bytes: stable across
/// platforms and releases. Fed piece by piece ("prev", " ", "word"), so a bigram or a character
/// n-gram is hashed without building its string; the pieces hash exactly as their concatenation.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new(namespace: u8) -> Self {
        Fnv(Self::OFFSET).byte(namespace)
    }

    fn byte(self, byte: u8) -> Self {
        Fnv((self.0 ^ u64::from(byte)).wrapping_mul(Self::PRIME))
    }

    fn str(self, s: &str) -> Self {
        s.bytes().fold(self, Fnv::byte)
    }

    fn char(self, c: char) -> Self {
        self.str(c.encode_utf8(&mut [0; 4]))
    }

    fn finish(self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// Lower case, every digit as `0`: "44-year-old" and "52-year-old" are one shape.
fn normalise(s: &str) -> String {
    if s.is_ascii() {
        // Most words: the same result without decoding characters one by one.
        let bytes = s.bytes().map(|b| {
            if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            }
        });
        return bytes.map(char::from).collect();
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_numeric() { '0' } else { c })
        .collect()
}

struct Word {
    span: Range<usize>,
    norm: String,
    /// `#` or `@` right before the word (a hashtag or handle).
    marker: Option<char>,
    /// A sentence break (`.`, `!`, `?`, newline) follows before the next word: no bigram across.
    ends_sentence: bool,
}

/// Runs of letters and digits.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start: Option<usize> = None;
    let flush = |out: &mut Vec<Word>, start: usize, end: usize| {
        let marker = text[..start]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '#' | '@'));
        out.push(Word {
            span: start..end,
            norm: normalise(&text[start..end]),
            marker,
            ends_sentence: false,
        });
    };
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
        } else {
            if let Some(s) = start.take() {
                flush(&mut out, s, at);
            }
            if matches!(c, '.' | '!' | '?' | '\n') {
                if let Some(last) = out.last_mut() {
                    last.ends_sentence = true;
                }
            }
        }
    }
    if let Some(s) = start {
        flush(&mut out, s, text.len());
    }
    out
}

struct Chunk {
    span: Range<usize>,
    norm: String,
}

/// Whitespace-separated chunks without their outer punctuation, keeping symbols inside
/// ("f*cking", "id10t"): the character n-grams see how a word was spelt.
fn chunks(text: &str) -> Vec<Chunk> {
    let outer = |c: char| !c.is_alphanumeric() && !matches!(c, '*' | '#' | '@' | '$' | '!' | '1');
    let mut out = Vec::new();
    for piece in text.split_whitespace() {
        // `piece` is a slice of `text`: its offset is where it starts in memory.
        let at = piece.as_ptr() as usize - text.as_ptr() as usize;
        let trimmed = piece.trim_matches(outer);
        if trimmed.is_empty() {
            continue;
        }
        let start = at + (piece.len() - piece.trim_start_matches(outer).len());
        out.push(Chunk {
            span: start..start + trimmed.len(),
            norm: normalise(trimmed),
        });
    }
    out
}

/// Emoji and other non-ASCII symbols, one feature each (🐷, 🤡, 🙄 carry tone).
fn symbols(text: &str) -> impl Iterator<Item = (Range<usize>, char)> + '_ {
    text.char_indices()
        .filter(|&(_, c)| !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
        .filter(|&(_, c)| {
            !matches!(
                c,
                '\u{fe0f}' | '\u{200d}' | '’' | '‘' | '“' | '”' | '–' | '—'
            )
        })
        .map(|(at, c)| (at..at + c.len_utf8(), c))
}

#[cfg(test)]
mod tests;
