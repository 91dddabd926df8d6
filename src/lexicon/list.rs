//! The one loader for the vocabularies the checker embeds from `data/lexicon/`: the hand lists in
//! `hand/` (companies and brands among them), the first names and places in `checker/`, and the
//! generated lists (`surnames.txt` here, the scorer's other five in `generated.rs`). Every file
//! keeps the format of `data/lexicon/README.md`: `#` header lines (name, source, licence, a last
//! `# format:` line counting the entries), then one `lemma` or `lemma<TAB>tags` per line, sorted,
//! each lemma once. The files are embedded (so the WASM build carries them) without the header
//! lines for readers (`list/embed.rs`) and parsed once, on first use.

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
    /// The header says `# case: as written`: lemmas keep the capitals of the names they are
    /// (`Newcastle upon Tyne`); otherwise they are lower case.
    pub as_written: bool,
    pub entries: Vec<Entry>,
}

impl List {
    /// Parses a file in the one format. Panics on a malformed file: the files are embedded, and
    /// `every_embedded_list_keeps_the_format` parses each of them in the tests.
    pub fn parse(text: &'static str) -> Self {
        let mut name = "";
        let mut entries = Vec::new();
        let mut counted = None;
        let mut as_written = false;
        for line in text.lines() {
            if let Some(header) = line.strip_prefix("# ") {
                assert!(entries.is_empty(), "'#' lines only at the top: {line}");
                if name.is_empty() {
                    name = header.split_once(':').map_or("", |(n, _)| n);
                }
                as_written |= header == "case: as written";
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
        List {
            name,
            as_written,
            entries,
        }
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

/// A vocabulary of `data/lexicon/` (`$file` is its path there), embedded without the header lines
/// for readers (`list/embed.rs`) and parsed on first use. Invoked here and in `generated.rs`
/// (both in `src/lexicon/`, which the path is relative to).
macro_rules! data_list {
    ($(#[$doc:meta])* $static:ident, $file:literal) => {
        $(#[$doc])*
        pub static $static: std::sync::LazyLock<$crate::lexicon::list::List> =
            std::sync::LazyLock::new(|| {
                use $crate::lexicon::list::{embed, List};
                const FILE: &[u8] = include_bytes!(concat!("../../data/lexicon/", $file));
                static EMBEDDED: [u8; embed::len(FILE)] = embed::copy(FILE);
                List::parse(std::str::from_utf8(&EMBEDDED).expect("vocabularies are UTF-8"))
            });
    };
}
pub(crate) use data_list;

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

data_list!(
    /// The insults `derogatory-language` looks for (`in=`; lemmas singular, plurals generated).
    DEROGATORY,
    "hand/derogatory.txt"
);
data_list!(
    /// The people a post may be about at work, by role (`who=colleague|patient`; `no-plural`:
    /// matched only as written).
    ROLES,
    "hand/roles.txt"
);
data_list!(
    /// Family phrases (`use=jigsaw`: a patient's family as an identifying detail; `use=own`: the
    /// poster's own family).
    FAMILY,
    "hand/family.txt"
);
data_list!(
    /// `jigsaw-identification`'s details (`kind=`).
    JIGSAW,
    "hand/jigsaw.txt"
);
data_list!(
    /// The patient-context analysis's cue phrases (`cue=`).
    PATIENT_CUES,
    "hand/patient_cues.txt"
);

data_list!(
    /// How a company or brand is mentioned (`cue=`; `prefix`: any word ending).
    COI_CUES,
    "hand/coi_cues.txt"
);
data_list!(
    /// Health-industry companies, their other names and @handles (`sector=`, `of=`, `cased`…).
    COMPANIES,
    "hand/companies.txt"
);
data_list!(
    /// Branded health products (`owner=`, `generic=`, `of=`, `cased`…).
    BRANDS,
    "hand/brands.txt"
);
data_list!(
    /// Words that make an ambiguous company or service name read as the company (`near=`).
    INDUSTRY_CONTEXT,
    "hand/industry_context.txt"
);

data_list!(
    /// The small word lists single rules check a word against (`list=`).
    RULE_WORDS,
    "hand/rule_words.txt"
);

data_list!(
    /// First names that are not everyday words, looked up ignoring case.
    FIRST_NAMES,
    "checker/first_names.txt"
);
data_list!(
    /// First names that are also everyday words (Will, May, Hope), looked up ignoring case.
    FIRST_NAME_WORDS,
    "checker/first_name_words.txt"
);
data_list!(
    /// UK towns, cities and villages, as written.
    UK_PLACES,
    "checker/uk_places.txt"
);
data_list!(
    /// Surnames (`word`: also an everyday word; `uk`: in a UK-derived list), generated.
    SURNAMES,
    "surnames.txt"
);

/// Every embedded list, for the format test.
pub fn all() -> Vec<&'static List> {
    use super::generated::{
        CONDITIONS, GENERIC_MEDICINES, INSULTS, OCCUPATIONS, UK_HOSPITALS_TRUSTS,
    };
    vec![
        &CONDITIONS,
        &GENERIC_MEDICINES,
        &INSULTS,
        &OCCUPATIONS,
        &UK_HOSPITALS_TRUSTS,
        &FIRST_NAME_WORDS,
        &FIRST_NAMES,
        &SURNAMES,
        &UK_PLACES,
        &BRANDS,
        &COI_CUES,
        &COMPANIES,
        &DEROGATORY,
        &FAMILY,
        &INDUSTRY_CONTEXT,
        &JIGSAW,
        &PATIENT_CUES,
        &ROLES,
        &RULE_WORDS,
    ]
}

pub(crate) mod embed;
#[cfg(test)]
mod tests;
