//! `second-opinion`: checks draft social-media posts from the command line (docs/ARCHITECTURE.md, "The Finding contract").
//!
//! `second-opinion check FILE` prints compiler-style diagnostics; `second-opinion check --jsonl`
//! reads one JSON object per line on stdin and writes one JSON line of findings per input.
//!
//! The CLI is native only. Cargo still compiles this target when the WASM test suite is built
//! (`cargo test --target wasm32-unknown-unknown --test wasm`), so there it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
#[path = "second-opinion/cli.rs"]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
