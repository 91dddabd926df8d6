//! The copy of a vocabulary file the checker embeds: the file less the header lines that are for
//! readers (`# source:`, `# licence:`, `# command:`, `# note:`), worked out at compile time. The
//! loader reads the first line (the name), `# case:` and `# format:`; the rest is documentation,
//! and leaving it out keeps ~8 KB of notes out of the WASM build.

/// True when the line starting at `at` is one the embedded copy keeps (an entry may start with
/// `#`, as `#ad` does; a header line starts with `# `).
const fn kept(file: &[u8], at: usize) -> bool {
    at == 0
        || !starts_with(file, at, b"# ")
        || starts_with(file, at, b"# case:")
        || starts_with(file, at, b"# format:")
}

const fn starts_with(file: &[u8], at: usize, prefix: &[u8]) -> bool {
    let mut i = 0;
    while i < prefix.len() {
        if at + i >= file.len() || file[at + i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Where the line starting at `at` ends, its `\n` included.
const fn line_end(file: &[u8], at: usize) -> usize {
    let mut end = at;
    while end < file.len() && file[end] != b'\n' {
        end += 1;
    }
    if end < file.len() {
        end + 1
    } else {
        end
    }
}

/// The length of the embedded copy of `file`.
pub const fn len(file: &[u8]) -> usize {
    let (mut at, mut n) = (0, 0);
    while at < file.len() {
        let end = line_end(file, at);
        if kept(file, at) {
            n += end - at;
        }
        at = end;
    }
    n
}

/// The embedded copy of `file` (`N` is [`len`] of it).
pub const fn copy<const N: usize>(file: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    let (mut at, mut n) = (0, 0);
    while at < file.len() {
        let end = line_end(file, at);
        if kept(file, at) {
            let mut i = at;
            while i < end {
                out[n] = file[i];
                n += 1;
                i += 1;
            }
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_name_case_format_and_entries() {
        const FILE: &[u8] = b"# x: a list\n# source: here\n# case: as written\n# note: n\n# format: f; 2 entries\n#ad\tt\nB";
        const KEPT: [u8; super::len(FILE)] = super::copy(FILE);
        assert_eq!(
            std::str::from_utf8(&KEPT),
            Ok("# x: a list\n# case: as written\n# format: f; 2 entries\n#ad\tt\nB")
        );
    }
}
