//! The command line: argument parsing and the two modes (FILE and --jsonl).

mod features;
mod jsonl;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use second_opinion::{report, Checker, Config};

/// Exit status for a usage, input or configuration error.
const TROUBLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "second-opinion",
    version = second_opinion::VERSION,
    about = "Checks UK doctors' social-media posts against GMC guidance before they are published",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a post (or, with --jsonl, many posts) and report findings.
    #[command(after_help = "\
Exit status:
  FILE mode:   0 no warnings (reminders only or nothing found), 1 at least one warning,
               2 the input or configuration could not be read.
  --jsonl:     0 every line was checked, 1 at least one line could not be read
               (it gets {\"id\": ..., \"line\": N, \"error\": \"...\"} and the run goes on),
               2 the configuration could not be read.

JSONL input is one object per line: {\"id\": ..., \"text\": \"...\", \"platform\": \"x\"|\"facebook\"}.
Output is one line per input line, in the same order: {\"id\": ..., \"findings\": [...]}.
Blank lines are skipped. Finding offsets (start, end) are UTF-16 code units.")]
    Check {
        /// Read JSON Lines on stdin and write JSON Lines of findings on stdout.
        #[arg(long)]
        jsonl: bool,
        /// The rules' findings alone, without the learned scorer (what the scorer is trained
        /// on; the refactoring snapshots compare it).
        #[arg(long)]
        rules_only: bool,
        /// Settings as JSON (declared interests, ignored terms, category modes).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// The post to check, as plain text; `-` reads stdin.
        #[arg(
            value_name = "FILE",
            required_unless_present = "jsonl",
            conflicts_with = "jsonl"
        )]
        file: Option<PathBuf>,
    },
    /// Print the learned scorer's features of each post (JSON Lines in, JSON Lines out): what
    /// `scripts/train-model.py` trains on.
    Features {
        /// Hash width: the vector has 2^BITS buckets.
        #[arg(long, default_value_t = second_opinion::scorer::features::DEFAULT_BITS)]
        bits: u8,
    },
}

pub fn main() -> ExitCode {
    let (jsonl, rules_only, config, file) = match Cli::parse().command {
        Command::Check {
            jsonl,
            rules_only,
            config,
            file,
        } => (jsonl, rules_only, config, file),
        Command::Features { bits } => return features::main(bits),
    };
    let config = match config.map(|path| load_config(&path)).transpose() {
        Ok(config) => config.unwrap_or_default(),
        Err(message) => return fail(&message),
    };
    let checker = Checker::new(config);
    if jsonl {
        let stdin = std::io::stdin().lock();
        let stdout = std::io::stdout().lock();
        return match jsonl::run(&checker, rules_only, stdin, stdout) {
            Ok(jsonl::Outcome { failed_lines: 0 }) => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(1),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => fail(&format!("cannot read or write JSON Lines: {e}")),
        };
    }
    let path = file.unwrap_or_else(|| PathBuf::from("-"));
    let (name, text) = match read_post(&path) {
        Ok(read) => read,
        Err(message) => return fail(&message),
    };
    let findings = if rules_only {
        checker.check_rules(&text)
    } else {
        checker.check(&text)
    };
    let report = report::render(&name, &text, &findings, report::use_colour());
    print!("{report}");
    if findings
        .iter()
        .any(|f| f.severity == second_opinion::Severity::Warning)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(TROUBLE)
}

fn load_config(path: &PathBuf) -> Result<Config, String> {
    let json = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
    Config::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads the post from FILE or stdin (`-`), without the file's final newline.
fn read_post(path: &PathBuf) -> Result<(String, String), String> {
    let (name, mut text) = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        ("<stdin>".to_string(), text)
    } else {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        (path.display().to_string(), text)
    };
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok((name, text))
}
