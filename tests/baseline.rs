//! The CLI's JSONL output on the development corpus and the identifier vectors, kept as insta
//! snapshots (`tests/snapshots/`). Any change to what the checker reports on these posts shows up
//! here as a diff: refactors must leave them byte-identical; a deliberate change is reviewed with
//! `cargo insta review` (or `INSTA_UPDATE=always`) and named in its commit.
//!
//! The rules are compared alone (`--rules-only`), so a refactor of the rules is checked without
//! the learned scorer; one more snapshot keeps the whole check (rules and scorer) on the corpus,
//! which changes when the model is retrained (`make model`).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// `second-opinion check --jsonl [--rules-only] [--config FILE] < tests/data/INPUT`, its stdout.
fn jsonl(input: &str, config: Option<&str>, rules_only: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_second-opinion"));
    command.args(["check", "--jsonl"]);
    if rules_only {
        command.arg("--rules-only");
    }
    if let Some(config) = config {
        command.arg("--config").arg(data(config));
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    let posts = std::fs::read(data(input)).expect("input exists");
    let mut stdin = child.stdin.take().unwrap();
    // Written from another thread: the output pipe would fill while this one blocks on input.
    let writer = std::thread::spawn(move || stdin.write_all(&posts));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success(), "{input}: {:?}", output.status);
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn corpus_dev() {
    insta::assert_snapshot!(jsonl("corpus-dev.jsonl", None, true));
}

#[test]
fn corpus_dev_with_declared_interests() {
    insta::assert_snapshot!(jsonl(
        "corpus-dev.jsonl",
        Some("baseline-config.json"),
        true
    ));
}

#[test]
fn presidio_vectors() {
    insta::assert_snapshot!(jsonl("presidio_uk_vectors.jsonl", None, true));
}

#[test]
fn supplementary_vectors() {
    insta::assert_snapshot!(jsonl("uk_supplementary_vectors.jsonl", None, true));
}

#[test]
fn corpus_dev_rules_and_scorer() {
    insta::assert_snapshot!(jsonl("corpus-dev.jsonl", None, false));
}
