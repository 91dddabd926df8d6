"""Checks the word lists in data/lexicon/ without the network (run by `make test-vocabularies`).

Every file has its header (source, licence, command), one format (data/lexicon/README.md),
sorted unique lower-case lemmas and only the tags its README section allows; the lists stay
inside the size budget; the normaliser's test vectors hold and every obfuscated spelling the
generator makes of every insult is matched back to it.
"""

import gzip
import random
import re
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "data" / "lexicon"
sys.path.insert(0, str(ROOT / "scripts" / "vocabularies"))
import normalise  # noqa: E402

FILES = {
    # file: (allowed bare flags, allowed key=value flags, minimum entries)
    "conditions": ({"rare", "lay", "abbr", "proc", "word", "organism"}, {"icd"}, 3000),
    "generic_medicines": ({"us", "uk", "abbr"}, set(), 1000),
    "occupations": ({"status"}, {"soc"}, 500),
    "uk_places": ({"city", "area", "word"}, {"nation"}, 5000),
    "uk_hospitals_trusts": ({"abbr", "short"}, {"kind", "nation"}, 500),
    "first_names": ({"f", "m", "uk", "word"}, set(), 8000),
    "surnames": ({"uk", "word"}, set(), 5000),
    "insults": ({"ctx", "mild", "abbr"}, {"about", "fix"}, 200),
}
VALUES = {
    "nation": {"eng", "sco", "wal", "ni"},
    "kind": {"trust", "board", "hospital", "hospice", "ambulance", "other"},
    "about": {"patient", "colleague", "any"},
}
TAG = re.compile(r"^([a-z][a-z0-9-]*)(?:=([A-Za-z0-9.'_-]+(?:,[A-Za-z0-9.'_-]+)*))?$")
GZIP_BUDGET = 150 * 1024


def read(name):
    return (LEXICON / f"{name}.txt").read_text(encoding="utf-8")


def entries(name):
    out = {}
    for line in read(name).splitlines():
        if not line.startswith("#"):
            lemma, _, tags = line.partition("\t")
            out[lemma] = tags.split()
    return out


class Format(unittest.TestCase):
    def test_every_file_is_listed(self):
        self.assertEqual(sorted(p.stem for p in LEXICON.glob("*.txt")), sorted(FILES))

    def test_headers(self):
        for name in FILES:
            with self.subTest(name):
                text = read(name)
                lines = text.splitlines()
                header = [l for l in lines if l.startswith("#")]
                self.assertEqual(lines[: len(header)], header, "'#' lines only at the top")
                self.assertTrue(lines[0].startswith(f"# {name}: "))
                for key in ("source", "licence", "command"):
                    self.assertTrue(any(l.startswith(f"# {key}: ") for l in header), key)
                self.assertIn("build-vocabularies.py", next(l for l in header if "command:" in l))
                m = re.search(r"(\d+) entries$", header[-1])
                self.assertTrue(m and int(m.group(1)) == len(lines) - len(header),
                                "the last header line counts the entries")

    def test_one_format(self):
        for name, (flags, keyed, minimum) in FILES.items():
            with self.subTest(name):
                text = read(name)
                self.assertTrue(text.endswith("\n") and "\r" not in text)
                lemmas = []
                for n, line in enumerate(text.splitlines(), 1):
                    if line.startswith("#"):
                        continue
                    where = f"{name}.txt:{n}: {line!r}"
                    self.assertLessEqual(line.count("\t"), 1, where)
                    lemma, tab, tags = line.partition("\t")
                    self.assertEqual(lemma, lemma.lower(), where)
                    self.assertEqual(lemma, " ".join(lemma.split()), where)
                    self.assertTrue(lemma and not lemma.startswith("#"), where)
                    self.assertFalse(tab and not tags, where)
                    tag_list = tags.split(" ") if tags else []
                    self.assertEqual(tag_list, sorted(set(tag_list)), where + " tags sorted, once")
                    for tag in tag_list:
                        m = TAG.match(tag)
                        self.assertTrue(m, where)
                        key, value = m.groups()
                        if value is None:
                            self.assertIn(key, flags, where)
                        else:
                            self.assertIn(key, keyed, where)
                            vals = value.split(",")
                            self.assertEqual(vals, sorted(set(vals)), where)
                            if key in VALUES:
                                self.assertLessEqual(set(vals), VALUES[key], where)
                    lemmas.append(lemma)
                self.assertEqual(lemmas, sorted(lemmas), "sorted")
                self.assertEqual(len(lemmas), len(set(lemmas)), "no duplicates")
                self.assertGreaterEqual(len(lemmas), minimum)

    def test_size_budget(self):
        total = sum(len(gzip.compress((LEXICON / f"{n}.txt").read_bytes(), 9)) for n in FILES)
        self.assertLess(total, GZIP_BUDGET, f"{total} bytes gzipped")


class Content(unittest.TestCase):
    def test_what_the_issue_names(self):
        want = {
            "conditions": ["heart attack", "stroke", "mnd", "motor neurone disease",
                           "vibrio vulnificus", "pneumonia", "leukaemia", "hip replacement"],
            "generic_medicines": ["paracetamol", "acetaminophen", "salbutamol", "co-codamol",
                                  "metformin", "gliclazide", "semaglutide"],
            "occupations": ["teacher", "fisherman", "nurse", "bus driver", "solicitor"],
            "uk_places": ["leeds", "newlyn", "darlington", "cornwall", "penzance"],
            "uk_hospitals_trusts": ["addenbrooke's hospital", "nhs lothian",
                                    "barts health nhs trust", "royal victoria hospital belfast"],
            "first_names": ["doreen", "oliver", "aaliyah"],
            "surnames": ["hargreaves", "whitfield", "smith", "patel", "macdonald"],
            "insults": ["muppet", "waste of space", "frequent flyer", "bed blocker"],
        }
        for name, lemmas in want.items():
            missing = [lemma for lemma in lemmas if lemma not in entries(name)]
            self.assertEqual(missing, [], name)

    def test_generics_are_never_brands(self):
        meds = entries("generic_medicines")
        for brand in ("calpol", "tylenol", "panadol", "ozempic", "wegovy", "mounjaro", "ventolin"):
            self.assertNotIn(brand, meds)
        brands_file = LEXICON / "hand" / "brands.txt"
        brands = {l.split("\t")[0].lower()
                  for l in brands_file.read_text(encoding="utf-8").splitlines()
                  if l and not l.startswith("#")}
        self.assertGreater(len(brands), 400)
        self.assertEqual(brands & set(meds), set())

    def test_tags_mean_what_they_say(self):
        self.assertIn("word", entries("first_names")["hope"])
        self.assertIn("uk", entries("surnames")["hargreaves"])
        self.assertIn("us", entries("generic_medicines")["acetaminophen"])
        self.assertIn("abbr", entries("conditions")["mnd"])
        self.assertIn("nation=sco", entries("uk_hospitals_trusts")["ninewells hospital"])


class Normaliser(unittest.TestCase):
    def setUp(self):
        self.insults = sorted(entries("insults"))
        self.matcher = normalise.Matcher(self.insults)

    def test_examples(self):
        rows = [l.split("\t") for l in
                (LEXICON / "normaliser_examples.tsv").read_text(encoding="utf-8").splitlines()
                if l and not l.startswith("#")]
        self.assertGreater(len(rows), 40)
        for text, skel, lemmas in rows:
            with self.subTest(text):
                if skel:
                    self.assertEqual(normalise.skeleton(text), skel)
                self.assertEqual(self.matcher.find(text), lemmas.split(";") if lemmas else [])

    def test_generated_obfuscations_match_their_lemma(self):
        rng = random.Random(7)
        failures = []
        for lemma in self.insults:
            for variant in normalise.obfuscations(lemma, rng):
                if lemma not in self.matcher.find(variant):
                    failures.append((lemma, variant))
        self.assertEqual(failures, [])

    def test_plain_english_is_not_an_insult(self):
        text = ("The registrar reviewed the patient in clinic this morning and discussed the "
                "assessment, the class of medicine and a follow-up scan in Scunthorpe as planned.")
        self.assertEqual(self.matcher.find(text), [])


if __name__ == "__main__":
    unittest.main(verbosity=1)
