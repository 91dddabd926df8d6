//! `check --jsonl`: one JSON object per input line in, one JSON line of findings out, in order.

use std::io::{BufRead, Write};

use second_opinion::{Checker, Finding};
use serde::Serialize;
use serde_json::Value;

pub struct Outcome {
    pub failed_lines: usize,
}

#[derive(Serialize)]
struct Checked {
    id: Value,
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    line: usize,
    error: String,
}

/// Checks every line of `input`, writing one line per non-blank input line to `output`.
/// A line that cannot be read as a post gets an error object and the run goes on.
/// With `rules_only`, the rules' findings without the learned scorer.
pub fn run(
    checker: &Checker,
    rules_only: bool,
    input: impl BufRead,
    output: impl Write,
) -> std::io::Result<Outcome> {
    each_post(input, output, |id, text| Checked {
        id,
        findings: if rules_only {
            checker.check_rules(text)
        } else {
            checker.check(text)
        },
    })
}

/// Reads `{"id", "text"}` lines and writes `answer`'s reply to each, in order; a line that
/// cannot be read as a post gets an error object and the run goes on.
pub fn each_post<T: Serialize>(
    mut input: impl BufRead,
    mut output: impl Write,
    answer: impl Fn(Value, &str) -> T,
) -> std::io::Result<Outcome> {
    let mut outcome = Outcome { failed_lines: 0 };
    let mut buffer = Vec::new();
    let mut line = 0;
    loop {
        buffer.clear();
        if input.read_until(b'\n', &mut buffer)? == 0 {
            break;
        }
        line += 1;
        let raw = match std::str::from_utf8(&buffer) {
            Ok(raw) => raw.trim_end_matches(['\n', '\r']),
            Err(e) => {
                outcome.failed_lines += 1;
                let error = format!("line is not valid UTF-8: {e}");
                write_line(
                    &mut output,
                    &Failed {
                        id: &Value::Null,
                        line,
                        error,
                    },
                )?;
                continue;
            }
        };
        if raw.trim().is_empty() {
            continue;
        }
        match parse(raw) {
            Ok((id, text)) => write_line(&mut output, &answer(id, &text))?,
            Err((id, error)) => {
                outcome.failed_lines += 1;
                write_line(
                    &mut output,
                    &Failed {
                        id: &id,
                        line,
                        error,
                    },
                )?;
            }
        }
    }
    output.flush()?;
    Ok(outcome)
}

/// The id (null when absent) and text of one input line, or the id and what is wrong.
fn parse(raw: &str) -> Result<(Value, String), (Value, String)> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| (Value::Null, format!("invalid JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err((
            Value::Null,
            "expected a JSON object with \"text\"".to_string(),
        ));
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    match object.remove("text") {
        Some(Value::String(text)) => Ok((id, text)),
        Some(_) => Err((id, "\"text\" must be a string".to_string())),
        None => Err((id, "missing \"text\"".to_string())),
    }
}

fn write_line(output: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *output, value)?;
    output.write_all(b"\n")?;
    // One answer per line as soon as it is ready, so the CLI can sit behind a pipe.
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use second_opinion::Config;

    fn run_on(input: &str) -> (Vec<Value>, usize) {
        let checker = Checker::new(Config::default());
        let mut out = Vec::new();
        let outcome = run(&checker, false, input.as_bytes(), &mut out).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, outcome.failed_lines)
    }

    #[test]
    fn keeps_order_skips_blanks_and_reports_bad_lines() {
        let (lines, failed) = run_on(
            "{\"id\": \"a\", \"text\": \"hi\"}\n\n{oops\n{\"id\": 7}\r\n{\"id\": \"b\", \"text\": \"mail jo@example.com\"}",
        );
        assert_eq!(failed, 2);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[1]["line"], 3);
        assert_eq!(lines[1]["id"], Value::Null);
        assert_eq!(lines[2]["id"], 7);
        assert_eq!(lines[2]["line"], 4);
        assert_eq!(lines[3]["findings"][0]["rule"], "email-address");
    }
}
