//! The generated vocabularies of `data/lexicon/` that only the scorer reads (its word classes,
//! `src/scorer/vocabulary.rs`; the sixth, `surnames.txt`, is in `list.rs` with the lists the rules
//! read), through the one loader.

use super::list::data_list;

data_list!(
    /// Job titles and roles a person is described by (`soc=`, `status`).
    OCCUPATIONS,
    "occupations.txt"
);
data_list!(
    /// Conditions, procedures and organisms (`abbr`, `word`, `rare`, `lay`, `proc`, `organism`,
    /// `icd=`).
    CONDITIONS,
    "conditions.txt"
);
data_list!(
    /// Generic medicine names (`abbr`, `us`, `uk`).
    GENERIC_MEDICINES,
    "generic_medicines.txt"
);
data_list!(
    /// UK hospitals, trusts and health boards (`abbr`, `kind=`, `nation=`, `short`).
    UK_HOSPITALS_TRUSTS,
    "uk_hospitals_trusts.txt"
);
data_list!(
    /// Insults and derogatory terms (`abbr`, `about=`, `ctx`, `mild`, `fix=`).
    INSULTS,
    "insults.txt"
);
