//! Public identifier test cases (`tests/data/*_vectors.jsonl`): Presidio's own UK recognizer
//! tests and supplementary UK cases. A positive case holds when a finding with the mapped rule
//! overlaps each expected span; a negative case when that rule raises nothing. Phone cases count
//! only where their configuration's leniency is 1 or unset; dates and persons are not scored
//! (they depend on context the vectors do not give).

mod common;

use common::{code_points_to_utf16, overlaps, read_jsonl};
use second_opinion::{Checker, Config};

fn rules_for(entity: &str) -> Option<&'static [&'static str]> {
    Some(match entity {
        "UK_NHS" => &["nhs-number"],
        "SCOT_CHI" => &["chi-number", "nhs-number"],
        "UK_POSTCODE" => &["postcode"],
        "EMAIL_ADDRESS" => &["email-address"],
        "UK_NINO" => &["ni-number"],
        "PHONE_NUMBER" => &["phone-number"],
        _ => return None,
    })
}

#[test]
fn identifier_vectors_pass() {
    let checker = Checker::new(Config::default());
    let mut failures = Vec::new();
    let mut scored = 0;
    for case in read_jsonl("presidio_uk_vectors.jsonl")
        .into_iter()
        .chain(read_jsonl("uk_supplementary_vectors.jsonl"))
    {
        let entity = case["entity"].as_str().unwrap_or_default();
        let Some(rules) = rules_for(entity) else {
            continue;
        };
        let leniency = case["config"]["leniency"].as_u64();
        if entity == "PHONE_NUMBER" && leniency.is_some_and(|l| l != 1) {
            continue;
        }
        let text = case["text"].as_str().expect("case has text");
        let found: Vec<(usize, usize)> = checker
            .check(text)
            .into_iter()
            .filter(|f| rules.contains(&f.rule.as_str()))
            .map(|f| (f.start, f.end))
            .collect();
        let expected: Vec<(usize, usize)> = case["expected_spans"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                code_points_to_utf16(
                    text,
                    (
                        s[0].as_u64().unwrap() as usize,
                        s[1].as_u64().unwrap() as usize,
                    ),
                )
            })
            .collect();
        let min_count = case["expected_count_min"].as_u64().unwrap_or(0) as usize;
        let ok = if expected.is_empty() && min_count == 0 {
            found.is_empty()
        } else {
            expected
                .iter()
                .all(|e| found.iter().any(|f| overlaps(*f, *e)))
                && found.len() >= min_count
        };
        scored += 1;
        if !ok {
            failures.push(format!(
                "{entity} {text:?}: expected {expected:?}, found {found:?}"
            ));
        }
    }
    println!(
        "identifier vectors: {}/{} pass",
        scored - failures.len(),
        scored
    );
    for f in &failures {
        println!("  FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {scored} identifier vectors fail",
        failures.len()
    );
}
