#!/usr/bin/env python3
"""Times Microsoft Presidio's analyser and this checker on the same posts, each post timed.

    make presidio            (or: .venv-presidio/bin/python scripts/presidio-side-by-side.py [FILE])

FILE defaults to the 255 development posts (tests/data/corpus-dev.jsonl). Each engine is loaded
once, checks every post once to warm up, then checks all posts in order for ROUNDS rounds; a
post's time is the median of its rounds, and the report gives the p50, p95 and mean over posts.
The native figures come from `examples/time-posts.rs` and the WASM ones from
`benches/wasm-bench.mjs --posts` (needs `make wasm`), which measure the same way.

Presidio runs with its default recognisers (UK NHS number, phone, email, credit card, IBAN, URL,
…) on spaCy's blank English pipeline, saved under target/presidio/. spaCy's trained pipelines
(`en_core_web_lg`, Presidio's default) are published on GitHub, not on PyPI, so this machine
cannot install one; without one Presidio finds no names or places (NER) and skips that work, so
its time here is a lower bound on its time in a default install.
"""
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 7


def presidio_engine():
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    blank = ROOT / "target" / "presidio" / "en_blank"
    if not blank.exists():
        blank.parent.mkdir(parents=True, exist_ok=True)
        spacy.blank("en").to_disk(blank)
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": str(blank)}],
    })
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def time_presidio(texts):
    engine = presidio_engine()
    found = sum(1 for t in texts if engine.analyze(text=t, language="en"))
    rounds = [[] for _ in texts]
    for _ in range(ROUNDS):
        for text, times in zip(texts, rounds):
            start = time.perf_counter()
            engine.analyze(text=text, language="en")
            times.append((time.perf_counter() - start) * 1e6)
    per_post = sorted(statistics.median(t) for t in rounds)
    return {
        "engine": "Presidio analyzer (blank spaCy pipeline, no NER)",
        "posts": len(texts),
        "p50_us": per_post[len(per_post) // 2],
        "p95_us": per_post[min(len(per_post) - 1, int(0.95 * len(per_post)))],
        "mean_us": sum(per_post) / len(per_post),
        "posts_with_an_entity": found,
    }


def run_json(cmd):
    return json.loads(subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True,
                                     text=True).stdout.strip().splitlines()[-1])


def main():
    path = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "tests" / "data" / "corpus-dev.jsonl")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    results = [
        time_presidio(texts),
        run_json(["cargo", "run", "--quiet", "--release", "--example", "time-posts", "--", str(path)]),
        run_json(["node", "benches/wasm-bench.mjs", "--posts", str(path)]),
    ]
    presidio = results[0]["p50_us"]
    print(f"{len(texts)} posts from {path.name}; per post, median of {ROUNDS} rounds")
    print(f"{'engine':52} {'p50':>10} {'p95':>10} {'mean':>10} {'p50 vs Presidio':>16}")
    for r in results:
        print(f"{r['engine']:52} {r['p50_us']:>8.1f}µs {r['p95_us']:>8.1f}µs {r['mean_us']:>8.1f}µs"
              f" {presidio / r['p50_us']:>15.0f}×")
    for r in results:
        print(json.dumps(r))


if __name__ == "__main__":
    main()
