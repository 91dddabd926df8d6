//! Inflections generated from lemmas, so a data file lists each word once ("muppet") and every
//! rule that needs "muppets" asks here.

/// The plural of an English noun lemma (its last word): "muppet" -> "muppets", "numpty" ->
/// "numpties", "donkey" -> "donkeys", "caveman" -> "cavemen", "tosser" -> "tossers", "coach" ->
/// "coaches". Regular English rules only; a lemma with an irregular plural is tagged in its file.
pub fn plural(lemma: &str) -> String {
    if let Some(stem) = lemma.strip_suffix("man") {
        return format!("{stem}men");
    }
    let bytes = lemma.as_bytes();
    if let [.., before, b'y'] = bytes {
        if !b"aeiou".contains(before) {
            return format!("{}ies", &lemma[..lemma.len() - 1]);
        }
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        return format!("{lemma}es");
    }
    format!("{lemma}s")
}

/// A regex fragment (an alternation member, no group) for the lemma and its plural:
/// "muppets?" when the plural only adds `s`, otherwise "numpty|numpties".
pub fn singular_or_plural(lemma: &str) -> String {
    let plural = plural(lemma);
    // Compared before escaping: "a&e doc" escapes to "a\&e doc", its plural is "a&e docs".
    if plural == format!("{lemma}s") {
        format!("{}s?", regex::escape(lemma))
    } else {
        format!("{}|{}", regex::escape(lemma), regex::escape(&plural))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        for (lemma, plural_form) in [
            ("muppet", "muppets"),
            ("numpty", "numpties"),
            ("donkey", "donkeys"),
            ("caveman", "cavemen"),
            ("dunce", "dunces"),
            ("coach", "coaches"),
            ("bus", "buses"),
            ("frequent flyer", "frequent flyers"),
        ] {
            assert_eq!(plural(lemma), plural_form, "{lemma}");
        }
    }

    #[test]
    fn fragments() {
        assert_eq!(singular_or_plural("muppet"), "muppets?");
        assert_eq!(singular_or_plural("numpty"), "numpty|numpties");
        assert_eq!(singular_or_plural("caveman"), "caveman|cavemen");
        // A lemma with a character the regex escapes still gets the short form.
        assert_eq!(
            singular_or_plural("a&e doc"),
            format!("{}s?", regex::escape("a&e doc"))
        );
    }
}
