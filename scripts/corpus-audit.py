#!/usr/bin/env python3
"""Flags labelled posts whose labels look inconsistent with the labelling rules (docs/corpus.md).

    python3 scripts/corpus-audit.py [--cli target/release/second-opinion] FILE...
    python3 scripts/corpus-audit.py --sample 100 --seed 9 FILE...   (unflagged posts, to check by hand)

Prints one JSON line per flagged post: {"id", "file", "reasons": [...], "labels", "allow",
"text"}, then a count per file and reason on stderr. It only finds candidates for a person to
read: the reasons are regexes for the rules' hard cases (any discount, referral or affiliate code
is conflict of interest; an NHS-number-shaped identifier next to a patient is confidentiality)
and the checker's rules-only warnings (`second-opinion check --jsonl --rules-only`) where the
labels disagree with them. The checker is a hint, never the answer: labels follow the rules.
Deterministic; no network. Never run it on the validation set (it is frozen and not audited).
"""
import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter

CATEGORIES = ["confidentiality", "conflict_of_interest", "boundaries", "respect"]

# A discount, referral or affiliate code or link (docs/corpus.md: "It also applies to any post
# that uses a referral, discount or affiliate code or link", "Discount and referral codes are
# labelled whatever the product").
CODE = re.compile(
    r"\b(?:discount|promo|referral|refer(?:ral)?|affiliate|voucher|coupon)\s*(?:code|link)\b"
    r"|\b(?:my|the|use|with|code:?)\s+code\b|\bcode\s*[:=]?\s*[A-Z0-9]{4,}\b"
    r"|\buse\s+[A-Z][A-Z0-9]{3,}\d*\b|\b[A-Z]{3,}[0-9]{2,3}\b(?=[^.\n]{0,40}(?:off|checkout|code|discount))"
    r"|\b\d{1,2}\s?%\s?off\b|\bat checkout\b|\?ref=|\baff(?:iliate)?[-_ ]link\b|\bref(?:erral)? link\b",
    re.I)
# Words that make a code harmless (a code of conduct, an ICD code, a bleep code…).
CODE_EXCUSE = re.compile(r"code of (?:conduct|practice)|\bICD|\bSNOMED|\bcrash call|\bcode (?:red|blue|black)\b"
                         r"|\bpostcode|\bdress code|\bbleep|\bread code", re.I)
# NHS or CHI number shaped: 10 digits, as 3-3-4 with spaces or dashes, or run together.
NHS = re.compile(r"(?<![\d£$.,])(?:\d{3}[ -]?\d{3}[ -]?\d{4}|\d{10})(?![\d.,])")
NHS_CONTEXT = re.compile(r"\b(?:NHS|CHI|pt|patient|hosp(?:ital)?\s*(?:no|number)|MRN|no\.?)\b", re.I)
NOT_PATIENT = re.compile(r"\b(?:FOI|ISBN|order|invoice|tracking|ref(?:erence)?|ticket|booking|test[- ]range|fictional)\b", re.I)
DECLARATION = re.compile(
    r"\b(?:DOI|COI|disclosure|declaration|competing interests?|conflicts? of interest|paid partnership"
    r"|sponsored|gifted|#ad\b|ad \|)|\bno (?:conflicts|COI)", re.I)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
DOB = re.compile(r"\b(?:DOB|d\.o\.b|date of birth|born)\b[:\s]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.I)


def nhs_checksum(digits):
    if len(digits) != 10:
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def rules_findings(cli, posts):
    lines = "".join(json.dumps({"id": p["id"], "text": p["text"], "platform": p["platform"]}) + "\n"
                    for p in posts)
    out = subprocess.run([cli, "check", "--jsonl", "--rules-only"], input=lines.encode(),
                         capture_output=True, check=True).stdout.decode().splitlines()
    found = {}
    for line in out:
        row = json.loads(line)
        found[row["id"]] = {(f["category"], f["rule"]) for f in row.get("findings", [])
                            if f["severity"] == "warning"}
    return found


def reasons_for(post, warnings):
    text, labels, allow = post["text"], set(post["labels"]), set(post["allow"])
    reasons = []
    coi = "conflict_of_interest"
    has_code = CODE.search(text) and not CODE_EXCUSE.search(text)
    if has_code and coi not in labels:
        reasons.append(f"code-not-labelled ({'allow' if coi in allow else 'clean'}): "
                       f"{CODE.search(text).group(0)!r}")
    if coi in allow and DECLARATION.search(text) and has_code:
        reasons.append("declared-plus-code-in-allow")
    for m in NHS.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        window = text[max(0, m.start() - 40):m.end() + 20]
        if "confidentiality" not in labels and (
                NHS_CONTEXT.search(window) and not NOT_PATIENT.search(window)
                or nhs_checksum(digits) and "confidentiality" not in allow):
            reasons.append(f"nhs-shaped-not-labelled (checksum {'ok' if nhs_checksum(digits) else 'fails'}): "
                           f"{m.group(0)!r}")
    if "confidentiality" not in labels and (DOB.search(text)):
        reasons.append("dob-not-labelled")
    if "confidentiality" not in labels and POSTCODE.search(text):
        reasons.append(f"postcode-not-labelled: {POSTCODE.search(text).group(0)!r}")
    for cat in CATEGORIES:
        rules = sorted(r for c, r in warnings if c == cat)
        if rules and cat not in labels:
            reasons.append(f"rules-warn-{'allow' if cat in allow else 'unlabelled'} {cat}: {','.join(rules)}")
    if not labels and post["must_flag"]:
        reasons.append("clean-with-must-flag")
    return reasons


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default="target/release/second-opinion")
    ap.add_argument("--sample", type=int, default=0,
                    help="instead, print this many posts that are NOT flagged, drawn at random, to check by hand")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    counts = Counter()
    unflagged = []
    for path in args.files:
        if "validation" in path:
            sys.exit("the validation set is frozen: it is not audited")
        with open(path, encoding="utf-8") as f:
            posts = [json.loads(line) for line in f if line.strip()]
        found = rules_findings(args.cli, posts)
        for post in posts:
            reasons = reasons_for(post, found.get(post["id"], set()))
            if not reasons:
                unflagged.append(post)
                continue
            if args.sample:
                continue
            for r in reasons:
                counts[(path, r.split(" ")[0].split(":")[0])] += 1
            counts[(path, "posts flagged")] += 1
            print(json.dumps({"id": post["id"], "file": path, "reasons": reasons,
                              "labels": post["labels"], "allow": post["allow"],
                              "must_flag": post["must_flag"], "text": post["text"],
                              "note": post["note"]}, ensure_ascii=False))
    if args.sample:
        for post in random.Random(args.seed).sample(unflagged, args.sample):
            print(json.dumps(post, ensure_ascii=False))
        return
    for (path, reason), n in sorted(counts.items()):
        print(f"{path}\t{reason}\t{n}", file=sys.stderr)


if __name__ == "__main__":
    main()
