//! Shared helpers for the integration tests. Each test crate uses only some of them.
#![allow(dead_code)]

use std::path::PathBuf;

use second_opinion::document::utf16_offsets;

/// Reads a JSON Lines file from `tests/data/`.
pub fn read_jsonl(name: &str) -> Vec<serde_json::Value> {
    read_jsonl_file(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
}

/// Reads a JSON Lines file.
pub fn read_jsonl_file(path: &std::path::Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", path.display())))
        .collect()
}

/// The UTF-16 span of every occurrence of `needle` in `text`.
pub fn utf16_spans_of(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let bytes: Vec<usize> = text
        .match_indices(needle)
        .flat_map(|(at, m)| [at, at + m.len()])
        .collect();
    utf16_offsets(text, &bytes)
        .chunks(2)
        .map(|c| (c[0], c[1]))
        .collect()
}

/// Converts a span in code points (Python's string offsets) to UTF-16 units.
pub fn code_points_to_utf16(text: &str, span: (usize, usize)) -> (usize, usize) {
    let units = |n: usize| text.chars().take(n).map(char::len_utf16).sum();
    (units(span.0), units(span.1))
}

pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}
