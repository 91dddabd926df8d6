//! Times the native checker on each post of a JSON Lines file, for the side-by-side with Presidio
//! (`scripts/presidio-side-by-side.py`, which runs this and `benches/wasm-bench.mjs --posts`).
//!
//!     cargo run --release --example time-posts -- tests/data/corpus-dev.jsonl
//!
//! The checker is built once. Every post is checked once to warm up, then each post is checked
//! `ROUNDS` times in round-robin order (so no post is timed straight after itself, as a user's next
//! post never is) and its time is the median of its rounds. Prints one JSON object: the per-post
//! p50, p95 and mean in microseconds, and how many posts had at least one warning.

use std::time::Instant;

use second_opinion::{Checker, Config, Severity};

const ROUNDS: usize = 7;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/data/corpus-dev.jsonl".into());
    let corpus = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let post: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            post["text"].as_str().expect("a text field").to_owned()
        })
        .collect();
    let checker = Checker::new(Config::default());
    let warned = texts
        .iter()
        .filter(|t| {
            checker
                .check(t)
                .iter()
                .any(|f| f.severity == Severity::Warning)
        })
        .count();
    let mut rounds = vec![Vec::with_capacity(ROUNDS); texts.len()];
    for _ in 0..ROUNDS {
        for (text, times) in texts.iter().zip(&mut rounds) {
            let start = Instant::now();
            std::hint::black_box(checker.check(std::hint::black_box(text)));
            times.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    let mut per_post: Vec<f64> = rounds
        .iter_mut()
        .map(|times| {
            times.sort_by(f64::total_cmp);
            times[times.len() / 2]
        })
        .collect();
    per_post.sort_by(f64::total_cmp);
    let at = |q: f64| per_post[((q * per_post.len() as f64) as usize).min(per_post.len() - 1)];
    let mean = per_post.iter().sum::<f64>() / per_post.len() as f64;
    println!(
        "{}",
        serde_json::json!({
            "engine": "second-opinion (native)",
            "posts": texts.len(),
            "p50_us": at(0.5),
            "p95_us": at(0.95),
            "mean_us": mean,
            "posts_with_a_warning": warned,
        })
    );
}
