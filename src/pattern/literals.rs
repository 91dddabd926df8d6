//! The literals a pattern cannot match without: a set of strings such that every match of the
//! pattern contains at least one of them. A post that contains none of a pattern's literals
//! cannot match it anywhere, so the pattern need not run on it (see [`super::prefilter`]).
//!
//! Worked out from the pattern's syntax tree (`regex-syntax`, the parser the `regex` crate itself
//! uses), not from its prefixes: `\b(?:very |really )?(?i:idiots?)\b` needs "idiot" even though
//! it may start with "very". Literals are ASCII-lower-cased and are searched for ASCII-case-
//! insensitively, which can only find more than the pattern would, never less; other bytes are
//! kept exactly as written. The one exception is the two non-ASCII letters that Unicode case
//! folding makes equal to ASCII ones (`ſ` to `s`, the Kelvin sign `K` to `k`): they are read as
//! their ASCII letters here, and a post containing either is never prefiltered
//! ([`FOLDS_TO_ASCII`]).

use regex_syntax::hir::{Class, Hir, HirKind};

/// Non-ASCII characters that `(?i)` matches with an ASCII letter.
pub const FOLDS_TO_ASCII: [char; 2] = ['\u{17F}', '\u{212A}'];

/// A class of more characters than this is not spelled out (`\w`, `.`, `[a-z]`). Below the size
/// of the ASCII `\s` (6) and `\d` (10), which the parse without Unicode gives for the larger
/// Unicode classes.
const MAX_CLASS: usize = 5;
/// The most strings a part's exact spelling or a concatenation's literal set may have.
const MAX_EXACT: usize = 64;
/// The most literals a whole pattern may need (an alternation of a long word list).
const MAX_REQUIRED: usize = 2048;

/// What matters about one part of a pattern.
struct Facts {
    /// Every string the part can match, when there are few of them.
    exact: Option<Vec<Vec<u8>>>,
    /// Strings one of which every match of the part contains.
    required: Option<Vec<Vec<u8>>>,
}

/// The literals `source` needs (parsed as `regex::Regex::new` parses it), or `None` when some
/// match may contain no fixed text worth looking for (then the pattern always runs).
pub fn required(source: &str) -> Option<Vec<Vec<u8>>> {
    // Without Unicode the parse skips case-folding Unicode tables (`(?i)\w` took milliseconds);
    // what that loses is handled in `spelled_out` and `literal`.
    let parse = |unicode| {
        regex_syntax::ParserBuilder::new()
            .unicode(unicode)
            .utf8(unicode)
            .build()
            .parse(source)
            .ok()
    };
    // (A class holding a non-ASCII character needs Unicode.)
    let hir = parse(false).or_else(|| parse(true))?;
    let literals = facts(&hir).required?;
    let useful =
        |l: &Vec<u8>| l.len() >= 2 || l.first().is_some_and(|b| !b.is_ascii_alphanumeric());
    literals.iter().all(useful).then_some(literals)
}

fn facts(hir: &Hir) -> Facts {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Facts {
            exact: Some(vec![Vec::new()]),
            required: None,
        },
        HirKind::Literal(literal) => match caseless(&literal.0) {
            Some(text) => exactly(vec![text]),
            None => Facts {
                exact: None,
                required: None,
            },
        },
        HirKind::Class(class) => match spelled_out(class) {
            Some(strings) => exactly(strings),
            None => Facts {
                exact: None,
                required: None,
            },
        },
        HirKind::Capture(capture) => facts(&capture.sub),
        HirKind::Repetition(rep) => {
            let sub = facts(&rep.sub);
            match (rep.min, rep.max) {
                (1, Some(1)) => sub,
                (0, Some(1)) => Facts {
                    exact: sub.exact.map(|mut e| {
                        e.push(Vec::new());
                        dedup(e)
                    }),
                    required: None,
                },
                (0, _) => Facts {
                    exact: None,
                    required: None,
                },
                _ => Facts {
                    exact: None,
                    required: sub.required,
                },
            }
        }
        HirKind::Alternation(branches) => {
            let (mut exact, mut required) = (Some(Vec::new()), Some(Vec::new()));
            for branch in branches.iter().map(facts) {
                exact = exact.zip(branch.exact).map(|(mut all, e)| {
                    all.extend(e);
                    all
                });
                required = required.zip(branch.required).map(|(mut all, r)| {
                    all.extend(r);
                    all
                });
            }
            Facts {
                exact: exact.map(dedup).filter(|e| e.len() <= MAX_EXACT),
                required: required.map(dedup).filter(|r| r.len() <= MAX_REQUIRED),
            }
        }
        HirKind::Concat(parts) => concatenation(parts.iter().map(facts).collect()),
    }
}

/// A part matched by exactly these strings: they are also what it requires.
fn exactly(strings: Vec<Vec<u8>>) -> Facts {
    let strings = dedup(strings);
    Facts {
        required: Some(strings.clone()),
        exact: Some(strings),
    }
}

/// A concatenation needs what any one of its parts needs, or the spellings of a run of exactly
/// spelled neighbours ("bed" `[ -]?` "blocker"); the most selective candidate wins.
fn concatenation(parts: Vec<Facts>) -> Facts {
    let mut candidates: Vec<Vec<Vec<u8>>> = Vec::new();
    let mut run: Option<Vec<Vec<u8>>> = None;
    let mut whole = Some(vec![Vec::new()]);
    for part in parts {
        whole = whole
            .zip(part.exact.as_ref())
            .and_then(|(w, e)| product(&w, e));
        match part.exact {
            Some(exact) => {
                run = Some(match run.take() {
                    None => exact,
                    Some(sofar) => product(&sofar, &exact).unwrap_or_else(|| {
                        candidates.push(sofar);
                        exact
                    }),
                })
            }
            None => candidates.extend(run.take()),
        }
        candidates.extend(part.required);
    }
    candidates.extend(run);
    let required = candidates
        .into_iter()
        .filter(|c| c.iter().all(|l| !l.is_empty()))
        .max_by_key(|c| (c.iter().map(Vec::len).min(), std::cmp::Reverse(c.len())));
    Facts {
        exact: whole,
        required,
    }
}

/// Every `a` followed by every `b`, unless that makes too many strings.
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > MAX_EXACT {
        return None;
    }
    let out = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
        .collect();
    Some(dedup(out))
}

/// The strings a small class matches, one per character, lower-cased as the search ignores case.
fn spelled_out(class: &Class) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    match class {
        Class::Unicode(class) => {
            for range in class.iter() {
                for c in range.start()..=range.end() {
                    let c = match c {
                        '\u{17F}' => 's',
                        '\u{212A}' => 'k',
                        c => c.to_ascii_lowercase(),
                    };
                    out.push(c.to_string().into_bytes());
                    if out.len() > MAX_CLASS * 2 {
                        return None;
                    }
                }
            }
        }
        Class::Bytes(class) => {
            for range in class.iter() {
                for b in range.start()..=range.end() {
                    if !b.is_ascii() || out.len() > MAX_CLASS * 2 {
                        return None; // a piece of a UTF-8 sequence
                    }
                    out.push(vec![b.to_ascii_lowercase()]);
                }
            }
        }
    }
    let out = dedup(out);
    (out.len() <= MAX_CLASS).then_some(out)
}

/// A literal's bytes, ASCII-lower-cased, unless it holds a non-ASCII letter: parsed without
/// Unicode, `(?i)é` is the literal "é", which would miss "É".
fn caseless(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let cased = |c: char| !c.is_ascii() && (c.is_lowercase() || c.is_uppercase());
    (!text.chars().any(cased)).then(|| bytes.to_ascii_lowercase())
}

fn dedup(mut strings: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    strings.sort_unstable();
    strings.dedup();
    strings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(source: &str) -> Option<Vec<String>> {
        required(source).map(|ls| {
            ls.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn only_the_listed_characters_fold_to_ascii_letters() {
        for letter in ('a'..='z').chain('A'..='Z') {
            let re = regex::Regex::new(&format!("(?i)^{letter}$")).unwrap();
            let folds = (0x80..=0x10FFFF)
                .filter_map(char::from_u32)
                .filter(|c| re.is_match(&c.to_string()));
            for c in folds {
                assert!(FOLDS_TO_ASCII.contains(&c), "{c:?} matches (?i){letter}");
            }
        }
    }

    #[test]
    fn a_non_ascii_letter_is_not_a_literal_but_other_symbols_are() {
        assert_eq!(strings(r"(?i)café"), Some(vec!["caf".into()]));
        assert_eq!(
            strings(r"don[’']t"),
            Some(vec!["don't".into(), "don’t".into()])
        );
    }

    #[test]
    fn a_word_list_needs_one_of_its_words() {
        assert_eq!(
            strings(r"(?i)(?-u:\b)(?:very |really )?(?:idiot|moron)s?(?-u:\b)"),
            Some(vec!["idiot".into(), "moron".into()])
        );
    }

    #[test]
    fn neighbours_spelled_exactly_join_up() {
        assert_eq!(
            strings(r"(?i)bed[ -]?blocker"),
            Some(vec![
                "bed blocker".into(),
                "bed-blocker".into(),
                "bedblocker".into()
            ])
        );
    }

    #[test]
    fn case_folding_letters_read_as_ascii() {
        assert_eq!(strings(r"(?i)sk"), Some(vec!["sk".into()]));
    }

    #[test]
    fn a_pattern_that_may_match_without_fixed_text_has_none() {
        assert_eq!(strings(r"\d{10}"), None);
        assert_eq!(strings(r"(?i)\b(?:nhs|\d+)\b"), None);
        assert_eq!(strings(r"[a-z]+"), None);
        assert_eq!(strings(r"a?"), None);
    }

    #[test]
    fn a_required_literal_inside_a_repetition_counts() {
        assert_eq!(strings(r"(?:ab)+\d"), Some(vec!["ab".into()]));
        assert_eq!(strings(r"\w+@\w+"), Some(vec!["@".into()]));
    }
}
