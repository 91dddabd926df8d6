//! Runs the built `second-opinion` binary: JSON Lines order, error lines and exit status, the
//! human-readable output, `--config` and `--version`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_second-opinion"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let written = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    // A run that stops before reading stdin (a bad --config) closes the pipe first; that is not
    // a test failure, its exit status and stderr are what get checked.
    if let Err(e) = written {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {e}"
        );
    }
    child.wait_with_output().unwrap()
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("second-opinion-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn jsonl_answers_every_line_in_order() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Lovely sunny day\", \"platform\": \"x\"}\n",
        "\n",
        "{\"id\": 2, \"text\": \"😷 write to jo@example.com\", \"platform\": \"facebook\"}\n",
        "{\"id\": \"c\", \"text\": \"three frequent flyers tonight\"}\n",
    );
    let output = run(&["check", "--jsonl"], input);
    assert!(output.status.success(), "{output:?}");
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], serde_json::json!({"id": "a", "findings": []}));
    assert_eq!(lines[1]["id"], 2);
    let email = &lines[1]["findings"][0];
    assert_eq!(email["rule"], "email-address");
    assert_eq!(
        (email["start"].as_u64(), email["end"].as_u64()),
        (Some(12), Some(26))
    );
    assert_eq!(lines[2]["findings"][0]["category"], "respect");
}

#[test]
fn jsonl_reports_bad_lines_and_goes_on() {
    let input = concat!(
        "{not json\n",
        "{\"id\": \"no-text\"}\n",
        "[1, 2]\n",
        "{\"id\": \"ok\", \"text\": \"fine\"}\n",
    );
    let output = run(&["check", "--jsonl"], input);
    assert!(!output.status.success());
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], Value::Null);
    assert_eq!(lines[0]["line"], 1);
    assert!(lines[0]["error"].as_str().unwrap().contains("JSON"));
    assert_eq!(lines[1]["id"], "no-text");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("text"));
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[3], serde_json::json!({"id": "ok", "findings": []}));
}

#[test]
fn human_output_underlines_the_text_and_sets_the_exit_status() {
    let output = run(&["check", "-"], "🩺 Three frequent flyers in tonight\n");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(out.contains("warning[derogatory-language]"), "{out}");
    assert!(out.contains("gmp-2024-56"), "{out}");
    assert!(out.contains("regular attender"), "{out}");
    let source = out.lines().find(|l| l.contains("| 🩺 Three")).unwrap();
    let carets = out.lines().find(|l| l.contains("^^^")).unwrap();
    // The stethoscope is one char but two columns wide.
    let column = source.find("frequent").unwrap() - source.find('🩺').unwrap() - 4 + 2;
    let under = carets.find('^').unwrap() - source.find('🩺').unwrap();
    assert_eq!(under, column, "\n{source}\n{carets}");
    assert_eq!(carets.matches('^').count(), "frequent flyers".len());
    assert!(
        out.trim_end().ends_with("<stdin>: 1 warning, 0 reminders"),
        "{out}"
    );
}

#[test]
fn clean_file_exits_zero() {
    let path = temp_file(
        "clean.txt",
        "Flu jabs available at the practice from Monday.\n",
    );
    let output = run(&["check", path.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("no findings"));
}

#[test]
fn config_applies_and_bad_config_is_explained() {
    let quiet = temp_file("quiet.json", r#"{"categories": {"respect": "remind"}}"#);
    let output = run(
        &["check", "--config", quiet.to_str().unwrap(), "-"],
        "Three frequent flyers tonight",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains("info[derogatory-language]"));

    let off = temp_file("off.json", r#"{"categories": {"respect": "off"}}"#);
    let output = run(
        &["check", "--jsonl", "--config", off.to_str().unwrap()],
        "{\"id\": 1, \"text\": \"Three frequent flyers tonight\"}\n",
    );
    assert_eq!(json_lines(&output)[0]["findings"], serde_json::json!([]));

    let bad = temp_file("bad.json", r#"{"declared_interest": []}"#);
    let output = run(&["check", "--config", bad.to_str().unwrap(), "-"], "hi");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("invalid configuration") && err.contains("declared_interest"),
        "{err}"
    );
}

#[test]
fn version_and_help() {
    let output = run(&["--version"], "");
    assert!(output.status.success());
    assert!(String::from_utf8(output.stdout)
        .unwrap()
        .contains(env!("CARGO_PKG_VERSION")));
    let output = run(&["check", "--help"], "");
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(
        help.contains("--jsonl") && help.contains("Exit status"),
        "{help}"
    );
}
