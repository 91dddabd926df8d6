//! `jigsaw-identification`'s vocabulary: occupations, family words, sensitive and rare conditions,
//! tiny pools of people, words that are not places, vague times, and the UK places.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::people_places::{entries, UK_PLACES};

#[rustfmt::skip]
pub(super) const OCCUPATIONS: &[&str] = &[
    "teacher", "head teacher", "headteacher", "headmaster", "headmistress", "vicar", "priest",
    "imam", "rabbi", "farrier", "roofer", "tiler", "builder", "plumber", "electrician", "miner",
    "ex-miner", "farmer", "pilot", "footballer", "rugby player", "cricketer", "jockey", "gymnast",
    "athlete", "boxer", "police officer", "policeman", "policewoman", "firefighter", "fireman",
    "paramedic", "staff nurse", "consultant anaesthetist", "consultant anaesthetists", "mp",
    "councillor", "mayor", "judge", "barrister", "solicitor", "journalist", "presenter", "actor",
    "actress", "singer", "musician", "tiktoker", "influencer", "youtuber", "soldier",
    "lorry driver", "taxi driver", "bus driver", "postman", "postwoman", "night watchman",
    "watchman", "shopkeeper", "publican", "landlady", "chef", "vet", "dentist", "professor",
    "lecturer", "caretaker", "lollipop lady", "fisherman", "gamekeeper", "blacksmith", "nun",
    "monk", "bishop", "motorcyclist", "keeper", "goalkeeper", "referee", "dancer", "model",
    "swimmer", "rower", "cyclist", "magistrate", "midwife", "carer",
    "care worker", "hairdresser", "barber", "mechanic", "cleaner", "lawyer", "accountant",
    "engineer", "scientist", "prison officer", "security guard", "bouncer", "shop assistant",
    "waitress", "waiter", "bar manager", "baker", "butcher", "delivery driver", "courier",
    "train driver", "nursery worker", "childminder", "social worker", "coastguard", "lifeguard",
    "ceo", "dj", "artist", "author", "vlogger",
];
#[rustfmt::skip]
pub(super) const FAMILY_WORDS: &[&str] = &[
    "twins", "triplets", "quads", "mum of", "mother of", "dad of", "father of", "her husband",
    "his wife", "her partner", "his partner", "her kids", "his kids", "her sons", "her daughters",
    "three sons", "two sons", "three daughters", "two daughters", "grandchildren", "ivf", "widow",
    "widower", "her nephew", "his nephew", "her niece", "his daughter", "her daughter", "his son",
    "her son", "her mum", "her dad", "his mum", "his dad", "her family", "his family",
];
#[rustfmt::skip]
pub(super) const SENSITIVE: &[&str] = &[
    "overdose", "self-harm", "suicide", "hiv", "gender clinic", "transition", "termination",
    "abortion", "miscarriage", "pregnant", "domestic abuse", "hit her", "hit him", "assault",
    "rape", "alcohol withdrawal", "ivdu", "heroin", "drinking", "terminal", "dementia",
    "alzheimer's", "early-onset alzheimer's", "dnacpr", "psychosis", "sectioned", "schizophrenia",
    "chlamydia", "safeguarding", "police informed", "eating disorder", "anorexia", "bmi was",
    "prostate exam", "rhinoplasty", "transplant",
];
#[rustfmt::skip]
pub(super) const CLINICAL: &[&str] = &[
    "heart failure", "cabg", "c. diff", "c diff", "mrsa", "acl reconstruction", "biopsy",
    "hip referral", "blood thinners", "anticoagulant", "copd", "seizure", "stroke", "cancer",
    "chemo", "fracture", "broken ankle", "broken hip", "tib fracture", "burns", "pneumonia",
    "sepsis", "dka", "gi bleed", "leg ulcer", "diabetes", "insulin", "ventilator", "intubated",
    "hypothermic", "pressure sores",
];
#[rustfmt::skip]
pub(super) const NOTABLE: &[&str] = &[
    "on the news", "in the news", "article", "telegraph", "bbc", "itv", "sky news", "daily mail",
    "went viral", "viral", "headlines", "olympic", "olympian", "paralympic", "medallist",
    "premier league", "championship", "famous", "celebrity", "you'd know", "you would know",
    "household name", "followers", "local mp", "red arrows", "youngest ever", "oldest ever",
    "first ever", "known cases", "only one in", "one of only", "record", "one of our own",
    "one of us", "the derby", "prom", "not saying whose", "won't say who", "can't say who",
    "can't say more", "new series", "ferry", "foot-and-mouth", "in the back of a taxi",
    "small parish", "small village", "tiny village", "small town", "tiny town", "small island",
    "tiny island", "remote island", "first case", "only case", "in the paper", "local paper",
];
/// Capitalised words after "in"/"from" that are not specific places.
#[rustfmt::skip]
pub(super) const NOT_PLACES: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "England", "Scotland", "Wales", "Ireland", "Britain", "Europe", "Christmas", "Easter",
    "Summer", "Winter", "Spring", "Autumn", "General", "Practice", "Medicine", "Surgery", "The", "This",
    "That", "Twitter", "Facebook", "Instagram", "English", "Total", "Hospital",
];
#[rustfmt::skip]
pub(super) const VAGUE_TIME: &[&str] = &[
    "today", "tonight", "last night", "this morning", "yesterday", "this afternoon", "this week",
];

/// The GeoNames places, built once per process and only for the first post that has a patient
/// context: 5,000 names are the costliest automaton in the checker, and most posts never need it.
pub(super) fn uk_places() -> &'static AhoCorasick {
    static PLACES: OnceLock<AhoCorasick> = OnceLock::new();
    PLACES.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(entries(UK_PLACES))
            .expect("places build")
    })
}
