//! Compiler-style diagnostics with the flagged text underlined: what `second-opinion check FILE`
//! prints, and what the rules' fixture snapshots (tests/fixtures.rs) keep. Native builds only.

use std::io::IsTerminal;

use crate::document::byte_offset_of_utf16;
use crate::{guidance, Finding, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

/// Colour when stdout is a terminal and `NO_COLOR` is unset.
pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Every finding as a diagnostic, then a summary line.
pub fn render(name: &str, text: &str, findings: &[Finding], colour: bool) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for finding in findings {
        out.push_str(&renderer.render(&report(name, text, finding)));
        out.push_str("\n\n");
    }
    out.push_str(&summary(name, findings));
    out.push('\n');
    out
}

fn report<'a>(name: &'a str, text: &'a str, finding: &'a Finding) -> Vec<Group<'a>> {
    let level = match finding.severity {
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let span = byte_span(text, finding.start, finding.end);
    // The concern's other ranges (a jigsaw post's further details) are marked beside its span.
    let parts = finding
        .parts
        .iter()
        .map(|p| AnnotationKind::Context.span(byte_span(text, p.start, p.end)));
    let mut main = level
        .primary_title(finding.message.as_str())
        .id(finding.rule.as_str())
        .element(
            Snippet::source(text)
                .path(name)
                .annotation(
                    AnnotationKind::Primary
                        .span(span.clone())
                        .label(finding.category.as_str()),
                )
                .annotations(parts),
        );
    for id in &finding.guidance {
        main = main.element(Level::NOTE.message(cite(id)));
    }
    let mut groups = vec![main];
    for fix in &finding.fixes {
        let at = match (fix.start, fix.end) {
            (Some(start), Some(end)) => byte_span(text, start, end),
            _ => span.clone(),
        };
        groups.push(
            Level::HELP.secondary_title(fix.label.as_str()).element(
                Snippet::source(text)
                    .path(name)
                    .patch(Patch::new(at, fix.replacement.as_str())),
            ),
        );
    }
    groups
}

/// "GMC Good medical practice (2024), para 88: summary <url>", or the heading when the
/// paragraph number is not verified.
fn cite(id: &str) -> String {
    match guidance::by_id(id) {
        Some(g) => {
            let place = match g.paragraph {
                Some(p) => format!("para {p}"),
                None => format!("\"{}\"", g.heading),
            };
            format!(
                "GMC {}, {place} [{}]: {} {}",
                g.document, g.id, g.summary, g.url
            )
        }
        None => format!("guidance {id}"),
    }
}

/// UTF-16 offsets (as findings carry them) to a byte range of `text`.
fn byte_span(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let start = byte_offset_of_utf16(text, start);
    let end = byte_offset_of_utf16(text, end).max(start);
    start..end
}

fn summary(name: &str, findings: &[Finding]) -> String {
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    let reminders = findings.len() - warnings;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if findings.is_empty() {
        format!("{name}: no findings")
    } else {
        format!(
            "{name}: {}, {}",
            plural(warnings, "warning"),
            plural(reminders, "reminder")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Config};

    #[test]
    fn underlines_after_emoji_and_counts() {
        let text = "😷😷 write to jo@example.com today";
        let findings = Checker::new(Config::default()).check(text);
        let out = render("post.txt", text, &findings, false);
        let line = out.lines().find(|l| l.contains("jo@example.com")).unwrap();
        let marks = out.lines().find(|l| l.contains('^')).unwrap();
        // The carets sit under the address, whatever the emoji did to the offsets.
        let at = line.find("jo@").unwrap();
        let caret = marks.find('^').unwrap();
        assert_eq!(
            line[..at].chars().count() + line[..at].chars().filter(|c| *c == '😷').count(),
            caret
        );
        assert!(
            out.trim_end().ends_with("post.txt: 1 warning, 0 reminders"),
            "{out}"
        );
    }
}
