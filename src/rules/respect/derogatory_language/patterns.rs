//! `derogatory-language`'s vocabulary (roles, insults, slurs, describing words) and the patterns built
//! from it, all matched against the lower-cased text.

use crate::config::Config;
use crate::lexicon::inflect::{plural, singular_or_plural};
use crate::lexicon::list::{Entry, DEROGATORY, ROLES};
use crate::pattern::LazyRegex;

use super::DerogatoryLanguage;

/// "a waste of space", "a waste of a salary", "a waste of a white coat": what follows "waste of"
/// (`in=waste`) or "waste of" and an optional "a" (`in=waste-a`), as written.
fn waste() -> String {
    format!(
        "waste of (?:{}|(?:a )?{})",
        insults("in=waste", regex::escape),
        insults("in=waste-a", regex::escape)
    )
}

/// Vocabulary entries as a regex group: each lemma in `form` (its plural, or both forms), or as
/// written when it is tagged `no-plural`.
fn group<'a>(entries: impl Iterator<Item = &'a Entry>, form: fn(&str) -> String) -> String {
    let words: Vec<String> = entries
        .map(|e| {
            if e.has("no-plural") {
                regex::escape(e.lemma)
            } else {
                form(e.lemma)
            }
        })
        .collect();
    format!("(?:{})", words.join("|"))
}

/// The people the poster works with or treats (data/lexicon/hand/roles.txt), in either form:
/// a contemptuous word about them is flagged.
fn roles() -> String {
    group(ROLES.entries.iter(), singular_or_plural)
}

/// The insults of data/lexicon/hand/derogatory.txt tagged `in=<slot>`, in `form`.
fn insults(slot: &str, form: fn(&str) -> String) -> String {
    group(DEROGATORY.entries.iter().filter(|e| e.is(slot)), form)
}

impl DerogatoryLanguage {
    pub fn new(_config: &Config) -> Self {
        // Plural insults for people, used after a demonstrative ("these morons", "bunch of
        // muppets") and after a role with describing words in between ("the orthopods are
        // knuckle-dragging idiots").
        let plural_insults = insults("in=plural", |l| regex::escape(&plural(l)));
        // Singular insults after "is a ..." with describing words in between.
        let singular_insults = insults("in=singular", regex::escape);
        // After an intensifier, either form: "absolute muppet", "bunch of muppets".
        let any_insults = insults("in=any", singular_or_plural);
        let roles = roles();
        // What a role is called after "are" / "is", as written ("useless", "idiots", "a joke").
        let describing = insults("in=describing", regex::escape);
        let intensifiers = insults("in=intensifier", regex::escape);
        let waste = waste();
        DerogatoryLanguage {
            // All matched against the lower-cased text.
            slurs: LazyRegex::new(format!(
                concat!(
                    r"(?-u:\b)(?:{slurs}|{waste}",
                    r"|where do they find (?:these|such|those) people|who (?:hired|trained|let) (?:him|her|them|this one)",
                    r"|why do (?:we|i) (?:even )?bother|(?:should|ought to|needs? to) (?:be|get) struck off",
                    r"|(?:hand|give) (?:your|his|her|their) licen[cs]e (?:in|back)",
                    r"|shouldn'?t be (?:allowed to practi[sc]e|allowed near patients|a doctor)",
                    r"|(?:a )?disgrace to (?:the|our) profession|embarrassment to (?:the|our) profession",
                    r"|glorified {glorified})(?-u:\b)",
                ),
                slurs = insults("in=slur", singular_or_plural),
                waste = waste,
                glorified = insults("in=glorified", singular_or_plural),
            )),
            // An intensifier (or the masked "f*ing") before an insult, or "joke of a" before a role.
            intensified: LazyRegex::new(format!(
                r"(?-u:\b)(?:(?:{intensifiers}|f\*+ing) {any_insults}|(?:absolute |total |complete |utter )?joke of an? {roles})(?-u:\b)"
            )),
            mention: LazyRegex::new(
                r#"(?:(?-u:\b)(?:call|calls|calling|called|term|terms|label|labels|labelling|word|words|phrase|like) (?:them |patients |people |someone |anyone )?|(?-u:\b)the )?['"‘“]$"#,
            ),
            // "you're a disgrace", "you're a lazy, arrogant waste of a salary": up to three
            // describing words between the article and the insult.
            direct: LazyRegex::new(format!(
                r"\byou(?:'re|’re| are) (?:such |just |nothing but |honestly |literally )?(?:a|an)((?: [a-z][a-z'-]*,?){{0,3}}?(?: and)?) (?:disgrace|quack|joke|charlatan|fraud|{singular_insults}|{waste})\b"
            )),
            quack: LazyRegex::new(
                r"(?-u:\b)(?:a|that|this|total|absolute|utter|complete|you|these|those|bunch of|such a) (quacks?)(?-u:\b)(?: ([a-z]+))?",
            ),
            role_adjective: LazyRegex::new(format!(
                r"(?-u:\b){roles}(?-u:\b)[^.!?\n]{{0,40}}?(?-u:\b)(?:are|is|were|was|'re|'s)(?: (?:all|just|so|completely|totally|utterly|absolutely|bloody|fucking|literally|actually|genuinely|honestly|such|proper))* ({describing})(?-u:\b)"
            )),
            adjective_role: LazyRegex::new(format!(
                r"(?-u:\b)(?:useless|incompetent|clueless|lazy|stupid|brainless|pathetic|moronic|idiot|thick) {roles}(?-u:\b)"
            )),
            self_directed: LazyRegex::new(concat!(
                r"(?:(?-u:\b)i (?:felt|feel|look|looked|sounded) like|(?-u:\b)i'?m|(?-u:\b)i am|(?-u:\b)i was|(?-u:\b)made me (?:feel|look) like|(?-u:\b)call me) (?:a |an |such an? |the )?[a-z ]{0,20}$",
                r"|(?-u:\b)we(?:'re| are| were| felt like| looked like)(?: all| both| just)?(?: a| an)? $",
            )),
            // "the orthopods are knuckle-dragging idiots", "the locum was a spineless muppet":
            // up to three describing words between the verb and the insult.
            role_insult: LazyRegex::new(format!(
                r"\b(?:{roles}|(?:dr|mr|mrs|ms|miss|prof) [a-z]+)\b[^.!?\n]{{0,40}}?\b(?:(?:are|were|'re)(?: (?:all|just|such|a bunch of|a load of|a pack of))*((?: [a-z][a-z'-]*){{0,3}}?) {plural_insults}|(?:is|was|'s)(?: just| such| also| really)? an?((?: [a-z][a-z'-]*,?){{0,3}}?(?: and)?) (?:{singular_insults}|{waste}))\b"
            )),
            // "these morons", "bunch of absolute muppets", "such idiots".
            demonstrative: LazyRegex::new(format!(
                r"\b(?:these|those|such|bunch of|pack of|load of|gang of|band of|herd of)((?: [a-z][a-z'-]*){{0,2}}?) {plural_insults}\b"
            )),
            // Sneers at a colleague's competence: "bought his degree online", "got her degree out
            // of a cereal box", "how did she pass medical school", "how is he a consultant".
            competence: LazyRegex::new(format!(
                r"\b(?:{bought}|{from_a}|how (?:did|does|has|on earth did|the hell did|tf did) {who}(?:ever |even |actually |manage to )*(?:{pass} {exams}|{qualify}(?: {exams})?)|who (?:gave|let|allowed) (?:him|her|them|this (?:one|guy|bloke|woman|person)) {licence}|how (?:is|are) {who}(?:even |actually |still |allowed to be )*{post})\b",
                bought = concat!(
                    r"(?:bought|buys|buying|purchased|ordered|printed|won) (?:his|her|their|your|a|the) ",
                    r"(?:medical |nursing |nhs )?(?:degree|qualifications?|licen[cs]e|diploma|mbbs|mbchb|cct|frcs|mrcp|mrcs|certificate|gmc registration)",
                ),
                from_a = concat!(
                    r"(?:degree|qualifications?|licen[cs]e|diploma|mbbs|mbchb|cct|frcs|mrcp|mrcs|certificate)s? (?:from|out of|off|in) ",
                    r"(?:a |an |the )?(?:box of |packet of |bag of )?(?:cereal|corn ?flakes|coco pops|christmas cracker|crackers?|lucky bag",
                    r"|lucky dip|kinder egg|happy meal|ebay|wish|temu|the internet|online|raffle|tombola|vending machine|crisp packet|jar)(?: box| packet| bag)?",
                ),
                who = format!(
                    r"(?:he|she|they|(?:this|that) (?:one|guy|bloke|woman|person|man|lad)|(?:the|this|that|our|their) (?:[a-z]+ )?{roles}) "
                ),
                pass = r"(?:pass|passed|scrape through|scraped through|get into|got into)",
                qualify =
                    r"(?:graduate|graduated|qualify|qualified|get a licen[cs]e|get registered)",
                exams = concat!(
                    r"(?:medical school|med school|finals|medicine|mrcp|mrcs|frcs|the mrcgp|mrcgp|(?:his|her|their|the) (?:exams|finals|osces?)",
                    r"|exams|osces?|an interview|the interview|foundation|specialty training)",
                ),
                licence = r"(?:a (?:medical )?degree|a licen[cs]e|qualify|graduate|near patients|a stethoscope|loose on patients)",
                post = concat!(
                    r"(?:a doctor|a consultant|a gp|a registrar|a surgeon|a nurse|allowed to practi[sc]e|still practi[sc]ing|qualified",
                    r"|on the register|registered)",
                ),
            )),
            admiring: LazyRegex::new(
                r"\b(?:while|whilst|with (?:a|two|three|four|kids|children|a baby)|during|despite|juggling|as a (?:single|carer|mum|dad|parent)|so proud|amazing|incredible|inspir\w*|legend|respect)\b",
            ),
            // "Absolutely useless." as a sentence of its own.
            verdict: LazyRegex::new(concat!(
                r"(?m)(?:^|[.!?]) *((?:(?:absolutely|completely|totally|utterly|bloody|just|so|fucking|f\*+ing|literally|honestly|simply|truly",
                r"|genuinely|actually|frankly|beyond)[, ]+)*(?:useless|incompetent|clueless|hopeless|pathetic|brainless|a joke|an embarrassment",
                r"|a liability|a disgrace|a waste of space|dangerously incompetent))\b[^a-z0-9.!?\n]*(?:[.!?\n]|$)",
            )),
            other_person: LazyRegex::new(format!(
                r"\b(?:(?:mr|mrs|ms|miss|dr|prof) [a-z]+|(?:the|this|that|our|these|those|whoever|their|his|her) (?:[a-z-]+ ){{0,2}}?{roles})\b"
            )),
            pronoun: LazyRegex::new(r"\b(?:he|she|his|her|him|they|them|their)\b"),
            any_role: LazyRegex::new(format!(r"\b{roles}\b")),
            // A verdict on a thing ("the printer is useless"), as written.
            things: LazyRegex::new(format!(r"\b{}\b", insults("in=thing", regex::escape))),
            first_person: LazyRegex::new(r"\b(?:i|i'm|i've|i'd|me|myself)\b"),
            // Politics, where "useless" is about a government, as written.
            politics: LazyRegex::new(format!(r"\b{}\b", insults("in=politics", regex::escape))),
            // "the crumbly in bed 3": the adjective used as a noun for an old patient.
            crumbly: LazyRegex::new(
                r"\b(?:an?|the|another|old|this|that|some|our|sweet|little) (crumbly)(?: ([a-z]+))?",
            ),
            // "a right Karen", "went full Karen", "Karen energy".
            karen: LazyRegex::new(concat!(
                r"\b(?:(?:a right|a proper|an absolute|a total|a complete|a real|a bit of a|such a|what a|full|full-on|classic|typical",
                r"|(?:is|was|'s|being|were|are) (?:a|an|such a|total|absolute|proper)) karens?|karens?(?: energy| vibes| behaviou?r| moment| haircut)",
                r"|karen(?:ing|ed)",
                // Karens as a crowd: "a clinic full of Karens", "these Karens demanding", not
                // "both Karens in pharmacy".
                r"|(?:full of|bunch of|loads? of|lots of|pack of|gang of|army of|queue of|room of|these|those|so many|more|entitled|angry|the usual) karens",
                r"|karens (?:demanding|wanting|complaining|shouting|kicking off|googling|who (?:google|googled|demand|think|want|insist|complain|read)))\b",
            )),
            // "Can't fix stupid": contempt for the people just described.
            stupid: LazyRegex::new(
                r"\b(?:(?:you )?can'?t fix stupid|(?:you )?can'?t cure stupid|no cure for stupid(?:ity)?|stupid is as stupid does)\b",
            ),
        }
    }
}
