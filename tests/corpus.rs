//! Scores the checker on the labelled development corpus (`tests/data/corpus-dev.jsonl`) and fails
//! below the thresholds of the core issue.
//!
//! Scoring follows the corpus README: a category counts as raised when any `warning` finding has
//! it; raising a category in `labels` is a true positive, one in `allow` is neutral, anything else
//! is a false positive. A clean post (`labels` empty) with any false positive is a false alarm.
//! `must_flag` substrings must be overlapped by some finding (a highlight of either severity).
//!
//! `CORPUS_VERBOSE=1 cargo test --test corpus -- --nocapture` lists every miss.

mod common;

use std::collections::BTreeSet;

use common::{overlaps, read_jsonl, utf16_spans_of};
use second_opinion::{Checker, Config, Severity};

const MIN_CONFIDENTIALITY_RECALL: f64 = 0.90;
const MIN_CONFLICT_RECALL: f64 = 0.90;
const MIN_BOUNDARIES_RESPECT_RECALL: f64 = 0.70;
const MAX_FALSE_ALARM_RATE: f64 = 0.05;
const MIN_MUST_FLAG_COVERAGE: f64 = 0.90;

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

fn strings(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect()
}

#[test]
fn corpus_meets_thresholds() {
    let verbose = std::env::var_os("CORPUS_VERBOSE").is_some();
    let checker = Checker::new(Config::default());
    let (mut conf, mut coi, mut other) = (Tally::default(), Tally::default(), Tally::default());
    let (mut false_alarms, mut must_flag) = (Tally::default(), Tally::default());
    let mut false_positives_on_labelled = 0;

    for post in read_jsonl("corpus-dev.jsonl") {
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
                "confidentiality" => conf.add(found),
                "conflict_of_interest" => coi.add(found),
                _ => other.add(found),
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
            false_alarms.add(!unexpected.is_empty());
        } else {
            false_positives_on_labelled += usize::from(!unexpected.is_empty());
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
            let covered = utf16_spans_of(text, &needle)
                .into_iter()
                .any(|span| findings.iter().any(|f| overlaps((f.start, f.end), span)));
            must_flag.add(covered);
            if verbose && !covered {
                println!("UNFLAGGED {id} {needle:?}");
            }
        }
    }

    println!(
        "confidentiality recall      {:.3} ({}/{})",
        conf.rate(),
        conf.hit,
        conf.total
    );
    println!(
        "conflict-of-interest recall {:.3} ({}/{})",
        coi.rate(),
        coi.hit,
        coi.total
    );
    println!(
        "boundaries+respect recall   {:.3} ({}/{})",
        other.rate(),
        other.hit,
        other.total
    );
    println!(
        "false alarms on clean posts {:.3} ({}/{})",
        false_alarms.rate(),
        false_alarms.hit,
        false_alarms.total
    );
    println!("labelled posts with an extra category: {false_positives_on_labelled}");
    println!(
        "must_flag coverage          {:.3} ({}/{})",
        must_flag.rate(),
        must_flag.hit,
        must_flag.total
    );

    assert!(
        conf.rate() >= MIN_CONFIDENTIALITY_RECALL,
        "confidentiality recall {:.3}",
        conf.rate()
    );
    assert!(
        coi.rate() >= MIN_CONFLICT_RECALL,
        "conflict-of-interest recall {:.3}",
        coi.rate()
    );
    assert!(
        other.rate() >= MIN_BOUNDARIES_RESPECT_RECALL,
        "boundaries+respect recall {:.3}",
        other.rate()
    );
    assert!(
        false_alarms.rate() <= MAX_FALSE_ALARM_RATE,
        "false alarm rate {:.3}",
        false_alarms.rate()
    );
    assert!(
        must_flag.rate() >= MIN_MUST_FLAG_COVERAGE,
        "must_flag coverage {:.3}",
        must_flag.rate()
    );
}
