//! `features`: the learned scorer's input for each post, for the training script.

use std::process::ExitCode;

use second_opinion::scorer::{self, features};
use second_opinion::{Category, Checker, Config, Severity};
use serde::Serialize;
use serde_json::Value;

use super::jsonl;

#[derive(Serialize)]
struct FeatureLine {
    id: Value,
    /// `[bucket, value]` pairs, sorted by bucket.
    features: Vec<(u32, f32)>,
    /// Categories with a warning from a rule the scorer never lowers (identifiers, codes, links).
    firm: Vec<Category>,
    /// Categories whose only warnings come from contextual rules (see `scorer::is_contextual`).
    contextual: Vec<Category>,
}

pub fn main(bits: u8) -> ExitCode {
    if !(8..=24).contains(&bits) {
        eprintln!("error: --bits must be between 8 and 24");
        return ExitCode::from(2);
    }
    let checker = Checker::new(Config::default());
    let stdin = std::io::stdin().lock();
    let stdout = std::io::stdout().lock();
    let outcome = jsonl::each_post(stdin, stdout, |id, text| {
        let findings = checker.check_rules(text);
        let warned = |firm: bool| -> Vec<Category> {
            Category::ALL
                .into_iter()
                .filter(|c| {
                    findings.iter().any(|f| {
                        f.category == *c
                            && f.severity == Severity::Warning
                            && scorer::is_contextual(&f.rule) != firm
                    })
                })
                .collect()
        };
        let firm = warned(true);
        let contextual = warned(false)
            .into_iter()
            .filter(|c| !firm.contains(c))
            .collect();
        FeatureLine {
            id,
            features: features::extract(text, &findings, bits).vector,
            firm,
            contextual,
        }
    });
    match outcome {
        Ok(jsonl::Outcome { failed_lines: 0 }) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot read or write JSON Lines: {e}");
            ExitCode::from(2)
        }
    }
}
