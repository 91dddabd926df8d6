use super::*;

/// Tags each list may use (`name` for a flag, `name=` for a keyed tag), as documented in
/// `data/lexicon/README.md`.
fn allowed(list: &str) -> &'static [&'static str] {
    match list {
        "brands" => &[
            "cased",
            "co-owner=",
            "generic=",
            "needs=",
            "of=",
            "owner=",
            "unmatched",
        ],
        "coi_cues" => &["cue=", "prefix"],
        "conditions" => &["abbr", "icd=", "lay", "organism", "proc", "rare", "word"],
        "generic_medicines" => &["uk", "us"],
        "insults" => &["abbr", "about=", "ctx", "fix=", "mild"],
        "occupations" => &["soc=", "status"],
        "uk_hospitals_trusts" => &["abbr", "kind=", "nation=", "short"],
        "companies" => &["cased", "needs=", "of=", "parent=", "sector=", "unmatched"],
        "derogatory" => &["in=", "no-plural"],
        "family" => &["use="],
        "first_name_words" | "first_names" | "uk_places" => &[],
        "industry_context" => &["near=", "prefix"],
        "jigsaw" => &["kind="],
        "patient_cues" => &["cue=", "curly"],
        "roles" => &["no-plural", "who="],
        "rule_words" => &["list="],
        "surnames" => &["uk", "word"],
        other => panic!("{other}: no tag table"),
    }
}

#[test]
fn every_embedded_list_keeps_the_format() {
    for list in all() {
        let allowed = allowed(list.name);
        let mut previous = "";
        for e in &list.entries {
            let where_ = format!("{}: {:?}", list.name, e.lemma);
            assert!(e.lemma > previous, "{where_}: sorted, each lemma once");
            previous = e.lemma;
            if !list.as_written {
                assert_eq!(e.lemma, e.lemma.to_lowercase(), "{where_}: lower case");
                assert!(!e.lemma.contains('’'), "{where_}: plain apostrophes");
            }
            assert_eq!(
                e.lemma,
                e.lemma.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            let mut sorted = e.tags.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted, e.tags, "{where_}: tags sorted, each once");
            for tag in &e.tags {
                let key = tag.split_once('=').map_or(*tag, |(k, _)| k);
                let shown = if tag.contains('=') {
                    format!("{key}=")
                } else {
                    key.to_string()
                };
                assert!(
                    allowed.contains(&shown.as_str()),
                    "{where_}: unknown tag {tag}"
                );
                if let Some((_, values)) = tag.split_once('=') {
                    let vals: Vec<&str> = values.split(',').collect();
                    let mut s = vals.clone();
                    s.sort_unstable();
                    s.dedup();
                    assert_eq!(s, vals, "{where_}: values sorted, each once");
                }
            }
        }
    }
}

/// Every file under `data/lexicon/hand/` and `checker/` is embedded (in [`all`]) and, in the file
/// itself (the embedded copy leaves these lines out), names its source and licence.
#[test]
fn every_file_is_embedded_and_names_its_source_and_licence() {
    let names: Vec<&str> = all().iter().map(|l| l.name).collect();
    for dir in ["hand", "checker"] {
        let dir = format!("{}/data/lexicon/{dir}", env!("CARGO_MANIFEST_DIR"));
        for file in std::fs::read_dir(&dir).expect("data/lexicon is there") {
            let path = file.expect("readable").path();
            let text = std::fs::read_to_string(&path).expect("UTF-8");
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            assert!(names.contains(&stem), "{stem}: not embedded");
            assert!(
                text.starts_with(&format!("# {stem}: ")),
                "{stem}: named first"
            );
            for header in ["\n# source: ", "\n# licence: "] {
                assert!(text.contains(header), "{stem}: no{header}");
            }
        }
    }
}

#[test]
fn selectors_and_curly_apostrophes() {
    let says = PATIENT_CUES.phrases("cue=weak-consent");
    assert!(says.contains(&"says it's fine".to_string()));
    assert!(says.contains(&"says it’s fine".to_string()));
    assert!(!PATIENT_CUES
        .phrases("cue=explicit")
        .iter()
        .any(|p| p.contains('’')));
    assert!(FAMILY.words("use=own").contains(&"my mum"));
    assert_eq!(capitalised("january"), "January");
}

#[test]
fn title_cased_capitalises_every_word() {
    assert_eq!(title_cased("alder hey"), "Alder Hey");
    assert_eq!(
        title_cased("birmingham children's"),
        "Birmingham Children's"
    );
    assert_eq!(title_cased("derriford"), "Derriford");
}
