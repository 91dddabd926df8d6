//! The one loader for the hand-compiled vocabularies in `data/lexicon/hand/`. Every file there
//! keeps the format of `data/lexicon/README.md`: `#` header lines (name, source, licence, a last
//! `# format:` line counting the entries), then one `lemma` or `lemma<TAB>tags` per line, sorted,
//! each lemma once. The files are embedded with `include_str!` (so the WASM build carries them)
//! and parsed once, on first use.

use std::sync::LazyLock;

/// One entry: a lower-case lemma and its tags (`flag` or `name=value,value`).
#[derive(Debug)]
pub struct Entry {
    pub lemma: &'static str,
    tags: Vec<&'static str>,
}

impl Entry {
    /// True when the entry carries the bare flag `flag`.
    pub fn has(&self, flag: &str) -> bool {
        self.tags.contains(&flag)
    }

    /// The values of the entry's `name=` tag (none when it has no such tag).
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.tags
            .iter()
            .filter_map(move |t| t.strip_prefix(name)?.strip_prefix('='))
            .flat_map(|v| v.split(','))
    }

    /// True when `selector` (`flag` or `name=value`) holds for the entry.
    pub fn is(&self, selector: &str) -> bool {
        match selector.split_once('=') {
            Some((name, value)) => self.values(name).any(|v| v == value),
            None => self.has(selector),
        }
    }
}

/// A parsed vocabulary file.
#[derive(Debug)]
pub struct List {
    pub name: &'static str,
    pub entries: Vec<Entry>,
}

impl List {
    /// Parses a file in the one format. Panics on a malformed file: the files are embedded, and
    /// `every_hand_list_keeps_the_format` parses each of them in the tests.
    pub fn parse(text: &'static str) -> Self {
        let mut name = "";
        let mut entries = Vec::new();
        let mut counted = None;
        for line in text.lines() {
            if let Some(header) = line.strip_prefix("# ") {
                assert!(entries.is_empty(), "'#' lines only at the top: {line}");
                if name.is_empty() {
                    name = header.split_once(':').map_or("", |(n, _)| n);
                }
                if let Some(format) = header.strip_prefix("format: ") {
                    counted = format
                        .rsplit_once("; ")
                        .and_then(|(_, n)| n.strip_suffix(" entries"))
                        .and_then(|n| n.parse::<usize>().ok());
                }
                continue;
            }
            let (lemma, tags) = line.split_once('\t').unwrap_or((line, ""));
            let tags: Vec<&str> = if tags.is_empty() {
                Vec::new()
            } else {
                tags.split(' ').collect()
            };
            entries.push(Entry { lemma, tags });
        }
        assert!(
            !name.is_empty(),
            "a vocabulary names itself on its first line"
        );
        assert_eq!(
            counted,
            Some(entries.len()),
            "{name}: the format line counts the entries"
        );
        List { name, entries }
    }

    /// The lemmas of the entries `selector` holds for (see [`Entry::is`]), in file order.
    pub fn lemmas<'a>(&'a self, selector: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.entries
            .iter()
            .filter(move |e| e.is(selector))
            .map(|e| e.lemma)
    }

    /// The lemmas `selector` holds for, each with its `prefix` flag (a lemma that accepts any
    /// word ending), in file order.
    pub fn prefixed(&self, selector: &str) -> Vec<(&'static str, bool)> {
        self.entries
            .iter()
            .filter(|e| e.is(selector))
            .map(|e| (e.lemma, e.has("prefix")))
            .collect()
    }

    /// The lemmas `selector` holds for, collected.
    pub fn words(&self, selector: &str) -> Vec<&'static str> {
        self.lemmas(selector).collect()
    }
}

macro_rules! hand_list {
    ($(#[$doc:meta])* $static:ident, $file:literal) => {
        $(#[$doc])*
        pub static $static: LazyLock<List> = LazyLock::new(|| {
            List::parse(include_str!(concat!("../../data/lexicon/hand/", $file)))
        });
    };
}

impl List {
    /// The phrases to match for `selector`: each lemma, and for an entry flagged `curly` also the
    /// lemma written with the typographic apostrophe `’` (only those entries: the rest match as
    /// written).
    pub fn phrases(&self, selector: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.entries.iter().filter(|e| e.is(selector)) {
            out.push(e.lemma.to_string());
            if e.has("curly") {
                out.push(e.lemma.replace('\'', "’"));
            }
        }
        out
    }
}

/// A lemma with its first letter capitalised ("january" -> "January"), for lists matched as
/// capitalised words.
pub fn capitalised(lemma: &str) -> String {
    let mut chars = lemma.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A lemma with each word's first letter capitalised ("alder hey" -> "Alder Hey"), for names
/// matched as written in a capitalised pattern.
pub fn title_cased(lemma: &str) -> String {
    lemma
        .split(' ')
        .map(capitalised)
        .collect::<Vec<_>>()
        .join(" ")
}

hand_list!(
    /// The insults `derogatory-language` looks for (`in=`; lemmas singular, plurals generated).
    DEROGATORY,
    "derogatory.txt"
);
hand_list!(
    /// The people a post may be about at work, by role (`who=colleague|patient`; `no-plural`:
    /// matched only as written).
    ROLES,
    "roles.txt"
);
hand_list!(
    /// Family phrases (`use=jigsaw`: a patient's family as an identifying detail; `use=own`: the
    /// poster's own family).
    FAMILY,
    "family.txt"
);
hand_list!(
    /// `jigsaw-identification`'s details (`kind=`).
    JIGSAW,
    "jigsaw.txt"
);
hand_list!(
    /// The patient-context analysis's cue phrases (`cue=`).
    PATIENT_CUES,
    "patient_cues.txt"
);

hand_list!(
    /// How a company or brand is mentioned (`cue=`; `prefix`: any word ending).
    COI_CUES,
    "coi_cues.txt"
);
hand_list!(
    /// Words that make an ambiguous company or service name read as the company (`near=`).
    INDUSTRY_CONTEXT,
    "industry_context.txt"
);

hand_list!(
    /// The small word lists single rules check a word against (`list=`).
    RULE_WORDS,
    "rule_words.txt"
);

/// Every hand list, for the format test.
pub fn all() -> Vec<&'static List> {
    vec![
        &COI_CUES,
        &DEROGATORY,
        &FAMILY,
        &INDUSTRY_CONTEXT,
        &JIGSAW,
        &PATIENT_CUES,
        &ROLES,
        &RULE_WORDS,
    ]
}

#[cfg(test)]
mod tests;
