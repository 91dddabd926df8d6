//! Scores the checker on labelled posts and fails below the thresholds of the detection issue:
//! the development corpus (`tests/data/corpus-dev.jsonl`, a regression test: the rules were
//! developed against it) and the frozen validation set (`data/corpus/validation/`, written by a
//! different writer before any tuning, never trained or tuned on).
//!
//! Scoring follows the corpus labelling rules (docs/corpus.md): a category counts as raised when
//! any `warning` finding has it; raising a category in `labels` is a true positive, one in
//! `allow` is neutral, anything else is a false positive. A clean post (`labels` empty) with any
//! false positive is a false alarm. `must_flag` substrings must be overlapped by some finding's
//! span or one of its parts (a highlight of either severity).
//!
//! `CORPUS_VERBOSE=1 cargo test --test corpus -- --nocapture` lists every miss.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{overlaps, read_jsonl_file, utf16_spans_of};
use second_opinion::{Checker, Config, Severity};

/// The lowest figures each set may show, and the highest false-alarm rate.
struct Thresholds {
    confidentiality: f64,
    conflict_of_interest: f64,
    boundaries_respect: f64,
    false_alarms: f64,
    must_flag: f64,
}

#[derive(Default)]
struct Tally {
    hit: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hit += usize::from(hit);
    }
    fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hit as f64 / self.total as f64
        }
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:.3} ({}/{})", self.rate(), self.hit, self.total)
    }
}

#[derive(Default)]
struct Scorecard {
    confidentiality: Tally,
    conflict_of_interest: Tally,
    boundaries_respect: Tally,
    false_alarms: Tally,
    must_flag: Tally,
    extra_category_on_labelled: usize,
}

fn strings(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect()
}

fn score(posts: &[serde_json::Value]) -> Scorecard {
    let verbose = std::env::var_os("CORPUS_VERBOSE").is_some();
    let checker = Checker::new(Config::default());
    let mut card = Scorecard::default();
    for post in posts {
        let id = post["id"].as_str().unwrap_or("?");
        let text = post["text"].as_str().expect("post has text");
        let labels = strings(&post["labels"]);
        let allow = strings(&post["allow"]);
        let findings = checker.check(text);
        let raised: BTreeSet<String> = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.category.as_str().to_string())
            .collect();
        for label in &labels {
            let found = raised.contains(label);
            match label.as_str() {
                "confidentiality" => card.confidentiality.add(found),
                "conflict_of_interest" => card.conflict_of_interest.add(found),
                _ => card.boundaries_respect.add(found),
            }
            if verbose && !found {
                println!("MISSED {id} {label}: {text}");
            }
        }
        let unexpected: Vec<_> = raised
            .iter()
            .filter(|c| !labels.contains(*c) && !allow.contains(*c))
            .collect();
        if labels.is_empty() {
            card.false_alarms.add(!unexpected.is_empty());
        } else {
            card.extra_category_on_labelled += usize::from(!unexpected.is_empty());
        }
        if verbose && !unexpected.is_empty() {
            let why: Vec<_> = findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .map(|f| format!("{}={:?}", f.rule, f.text))
                .collect();
            println!("FALSE {id} {unexpected:?} {why:?}: {text}");
        }
        for needle in strings(&post["must_flag"]) {
            let covered = utf16_spans_of(text, &needle).into_iter().any(|span| {
                findings.iter().any(|f| {
                    overlaps((f.start, f.end), span)
                        || f.parts.iter().any(|p| overlaps((p.start, p.end), span))
                })
            });
            card.must_flag.add(covered);
            if verbose && !covered {
                println!("UNFLAGGED {id} {needle:?}");
            }
        }
    }
    card
}

fn check(name: &str, posts: &[serde_json::Value], min: Thresholds) {
    let card = score(posts);
    println!("{name}: {} posts", posts.len());
    println!("  confidentiality recall      {}", card.confidentiality);
    println!(
        "  conflict-of-interest recall {}",
        card.conflict_of_interest
    );
    println!("  boundaries+respect recall   {}", card.boundaries_respect);
    println!("  false alarms on clean posts {}", card.false_alarms);
    println!("  must_flag coverage          {}", card.must_flag);
    println!(
        "  labelled posts with an extra category: {}",
        card.extra_category_on_labelled
    );
    let checks = [
        (
            "confidentiality recall",
            card.confidentiality.rate(),
            min.confidentiality,
            true,
        ),
        (
            "conflict-of-interest recall",
            card.conflict_of_interest.rate(),
            min.conflict_of_interest,
            true,
        ),
        (
            "boundaries+respect recall",
            card.boundaries_respect.rate(),
            min.boundaries_respect,
            true,
        ),
        (
            "false alarm rate",
            card.false_alarms.rate(),
            min.false_alarms,
            false,
        ),
        (
            "must_flag coverage",
            card.must_flag.rate(),
            min.must_flag,
            true,
        ),
    ];
    for (what, value, bound, at_least) in checks {
        let ok = if at_least {
            value >= bound
        } else {
            value <= bound
        };
        assert!(ok, "{name}: {what} {value:.3} (bound {bound})");
    }
}

fn read_dir_jsonl(dir: &str) -> Vec<serde_json::Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    paths.iter().flat_map(|p| read_jsonl_file(p)).collect()
}

#[test]
fn dev_corpus_meets_thresholds() {
    let posts =
        read_jsonl_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus-dev.jsonl"));
    check(
        "development corpus",
        &posts,
        // The rules alone score 1.000 here; the scorer lowers some of their contextual warnings
        // (measured 0.815 / 0.980 / 0.955, no false alarms, 0.996 must_flag).
        Thresholds {
            confidentiality: 0.78,
            conflict_of_interest: 0.95,
            boundaries_respect: 0.90,
            false_alarms: 0.02,
            must_flag: 0.90,
        },
    );
}

/// The validation set's files, as frozen in its `SHA256SUMS`.
fn frozen_validation_set() -> Vec<serde_json::Value> {
    use sha2::{Digest, Sha256};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus/validation");
    let sums = std::fs::read_to_string(dir.join("SHA256SUMS")).expect("SHA256SUMS exists");
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let (sum, name) = line.split_once("  ").expect("sha256sum format");
        let bytes = std::fs::read(dir.join(name)).expect("frozen file exists");
        let actual: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(actual, sum, "{name} changed: the validation set is frozen");
    }
    read_dir_jsonl("data/corpus/validation")
}

#[test]
fn validation_set_meets_thresholds() {
    let posts = frozen_validation_set();
    assert!(
        posts.len() >= 800,
        "validation set has {} posts",
        posts.len()
    );
    check(
        "validation set",
        &posts,
        // Floors just under what the current checker measures (0.771 / 0.892 / 0.704, false
        // alarms 0.015, must_flag 0.617), so a regression fails the build. The detection
        // issue's targets (0.93 / 0.93 / 0.85, at most 0.02, 0.90) are not met yet: the README
        // says so.
        Thresholds {
            confidentiality: 0.74,
            conflict_of_interest: 0.86,
            boundaries_respect: 0.68,
            false_alarms: 0.02,
            must_flag: 0.59,
        },
    );
}
