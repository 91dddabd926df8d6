//! What a fresh process pays before its first answer (the extension's background after a wake
//! does the same in WASM): `Checker::new`; compiling every rule pattern, which the background's
//! warm-up does a few at a time (`compile_pending`) and a first check does for the patterns it
//! reaches; the first check, which also builds the vocabularies; a second check of another post.
//!
//!     cargo run --release --example first-check
//!
//! Run it a few times: each run is one cold start, so there is nothing to take a median over
//! inside one process.

use std::time::Instant;

use second_opinion::{Checker, Config};

fn main() {
    let t = Instant::now();
    let checker = Checker::new(Config::default());
    let built = t.elapsed();
    let t = Instant::now();
    while second_opinion::compile_pending(usize::MAX) > 0 {}
    let patterns = t.elapsed();
    let t = Instant::now();
    checker.check("Saw a 34-year-old teacher from Keswick in clinic today, Mrs K in bed 4.");
    let first = t.elapsed();
    let t = Instant::now();
    checker.check("Honestly Mounjaro is a game changer @NovoNordiskUK, use my code SAVE10.");
    let second = t.elapsed();
    println!(
        "Checker::new {:.2} ms, every pattern compiled {:.2} ms, first check {:.2} ms, second check {:.2} ms",
        built.as_secs_f64() * 1e3,
        patterns.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        second.as_secs_f64() * 1e3
    );
}
