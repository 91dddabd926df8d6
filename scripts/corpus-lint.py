#!/usr/bin/env python3
"""Checks labelled-post JSONL files against the labelling format (docs/corpus.md).

    python3 scripts/corpus-lint.py FILE...

Prints one line per problem and a per-file summary (posts, platforms, labels, clean share);
exits non-zero if any line is malformed. Duplicate ids and duplicate texts across all files
given are problems too.
"""
import json
import sys
from collections import Counter

CATEGORIES = {"confidentiality", "conflict_of_interest", "boundaries", "respect"}
FIELDS = {"id", "platform", "text", "labels", "allow", "must_flag", "note"}


def check_post(post):
    problems = []
    if set(post) != FIELDS:
        problems.append(f"fields {sorted(post)} != {sorted(FIELDS)}")
        return problems
    if post["platform"] not in ("x", "facebook"):
        problems.append(f"platform {post['platform']!r}")
    text = post["text"]
    if not isinstance(text, str) or not text.strip():
        problems.append("empty text")
        return problems
    if post["platform"] == "x" and len(text) > 280:
        problems.append(f"x post of {len(text)} characters (max 280)")
    labels, allow = post["labels"], post["allow"]
    for cat in labels + allow:
        if cat not in CATEGORIES:
            problems.append(f"unknown category {cat!r}")
    if set(labels) & set(allow):
        problems.append("allow repeats a label")
    if len(set(labels)) != len(labels):
        problems.append("duplicate label")
    if not labels and post["must_flag"]:
        problems.append("clean post with must_flag")
    for s in post["must_flag"]:
        if s not in text:
            problems.append(f"must_flag {s!r} not in text")
    if not post["note"].strip():
        problems.append("empty note")
    return problems


def main(paths):
    bad = 0
    ids, texts = Counter(), Counter()
    for path in paths:
        stats = Counter()
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    post = json.loads(line)
                except json.JSONDecodeError as e:
                    print(f"{path}:{n}: not JSON: {e}")
                    bad += 1
                    continue
                problems = check_post(post) if isinstance(post, dict) else ["not an object"]
                for p in problems:
                    print(f"{path}:{n}: {post.get('id') if isinstance(post, dict) else '?'}: {p}")
                bad += bool(problems)
                if problems:
                    continue
                ids[post["id"]] += 1
                texts[post["text"].strip().lower()] += 1
                stats["posts"] += 1
                stats[post["platform"]] += 1
                stats["clean"] += not post["labels"]
                for cat in post["labels"]:
                    stats[cat] += 1
        clean = stats["clean"] / max(stats["posts"], 1)
        print(f"{path}: {dict(stats)} clean share {clean:.2f}")
    for i, c in ids.items():
        if c > 1:
            print(f"duplicate id {i} ({c}x)")
            bad += 1
    dup_texts = sum(c - 1 for c in texts.values() if c > 1)
    if dup_texts:
        print(f"{dup_texts} duplicate texts")
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
