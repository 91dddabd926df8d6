//! The rules' fixture files, `tests/fixtures/<rule-id>.txt`: each post under `# flags` must get
//! at least one finding from that rule alone, each post under `# must not flag` none, and the
//! rule's annotated output (what `second-opinion check FILE` prints) on every post is kept as an
//! insta snapshot, so a change in a span, message, fix or citation shows as a diff.
//!
//! Format: one post a line, `\n` for a line break inside a post and `\\` for a backslash; a
//! line `# flags` or `# must not flag` starts a section; other lines starting with `#` and blank
//! lines are comments. A line `# config: {...}` (before the first section) gives the settings,
//! as the options page stores them, for the whole file.

use std::path::Path;

// The CLI's own renderer, so the snapshots are exactly what `second-opinion check` prints.
use second_opinion::{report, Checker, Config};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    Flags,
    MustNotFlag,
}

struct Fixture {
    config: Config,
    posts: Vec<(Expect, String)>,
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('n')) => {
                out.push('\n');
                chars.next();
            }
            ('\\', Some('\\')) => {
                out.push('\\');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

fn parse(name: &str, source: &str) -> Fixture {
    let mut section = None;
    let mut config = Config::default();
    let mut posts = Vec::new();
    for (n, line) in source.lines().enumerate() {
        match line.trim_end() {
            "# flags" => section = Some(Expect::Flags),
            "# must not flag" => section = Some(Expect::MustNotFlag),
            l if l.starts_with("# config:") && section.is_none() => {
                config = Config::from_json(&l["# config:".len()..])
                    .unwrap_or_else(|e| panic!("{name}:{}: {e}", n + 1));
            }
            l if l.is_empty() || l.starts_with('#') => {}
            l => {
                let expect = section
                    .unwrap_or_else(|| panic!("{name}:{}: a post before any section", n + 1));
                posts.push((expect, unescape(l)));
            }
        }
    }
    Fixture { config, posts }
}

fn fixtures_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// Every rule id a rule (not the scorer) reports.
fn rule_ids() -> Vec<&'static str> {
    Checker::new(Config::default())
        .rules()
        .into_iter()
        .map(|info| info.id)
        .filter(|id| Checker::for_rule(Config::default(), id).is_some())
        .collect()
}

#[test]
fn every_rule_has_a_fixture_with_both_sections_and_every_fixture_a_rule() {
    let ids = rule_ids();
    let mut missing = Vec::new();
    for id in &ids {
        let path = fixtures_dir().join(format!("{id}.txt"));
        let Ok(source) = std::fs::read_to_string(&path) else {
            missing.push(format!("{id} has no fixture file {}", path.display()));
            continue;
        };
        let fixture = parse(id, &source);
        for expect in [Expect::Flags, Expect::MustNotFlag] {
            if !fixture.posts.iter().any(|(e, _)| *e == expect) {
                missing.push(format!("{id}.txt has no {expect:?} post"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    for entry in std::fs::read_dir(fixtures_dir()).expect("tests/fixtures") {
        let name = entry.expect("dir entry").file_name();
        let name = name.to_string_lossy();
        let id = name.strip_suffix(".txt").unwrap_or(&name);
        assert!(ids.contains(&id), "tests/fixtures/{name} names no rule");
    }
}

#[test]
fn fixtures_flag_what_they_say_and_keep_their_output() {
    let mut failures = Vec::new();
    let mut snapshots = Vec::new();
    for id in rule_ids() {
        let path = fixtures_dir().join(format!("{id}.txt"));
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue; // reported by the test above
        };
        let fixture = parse(id, &source);
        let checker = Checker::for_rule(fixture.config, id).expect("a rule");
        let mut snapshot = String::new();
        for (expect, post) in fixture.posts {
            let findings: Vec<_> = checker
                .check_rules(&post)
                .into_iter()
                .filter(|f| f.rule == id)
                .collect();
            match expect {
                Expect::Flags if findings.is_empty() => {
                    failures.push(format!("{id}: does not flag {post:?}"))
                }
                Expect::MustNotFlag if !findings.is_empty() => failures.push(format!(
                    "{id}: flags {:?} in {post:?}",
                    findings.iter().map(|f| &f.text).collect::<Vec<_>>()
                )),
                _ => {}
            }
            if expect == Expect::Flags {
                snapshot.push_str(&report::render("post", &post, &findings, false));
                snapshot.push('\n');
            }
        }
        snapshots.push((id, snapshot));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for (id, snapshot) in snapshots {
        insta::assert_snapshot!(id, snapshot);
    }
}
