"""The German grammar check: loading its noun index, and the time per post.

    .venv/bin/python bench/bench_grammar.py

(1) Loading, each in a fresh process (seconds and peak RSS): our index parsed from the
    german-nouns CSV vs. read from its cache in the data dir vs. the package's own
    ``german_nouns.Nouns()`` (the module we chose not to import).
(2) Per post, median of 20 runs over the German kit's example posts and guide: the grammar
    rules vs. the spelling check's ``unknown_words`` on the same text (both with their
    word lists loaded), and how many warnings the examples get (must be 0).
Tmp data dir only. Target: a post in a few ms once loaded.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's assistant, also when run from a worktree
# name -> (imports, not timed; the load that is timed)
_LOADERS = {
    "ours, parse CSV": ("from assistant.quality.nouns import noun_index", "noun_index()"),
    "ours, from cache": ("from assistant.quality.nouns import noun_index", "noun_index()"),
    "package Nouns()": ("from german_nouns.lookup import Nouns", "Nouns()"),
}
_MEASURE = """
import json, resource, time
{setup}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
{code}
print(json.dumps([time.perf_counter() - start,
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before]))
"""


def _run(setup: str, code: str, data_dir: str) -> tuple[float, float]:
    env = {**os.environ, "POSTWERK_DATA_DIR": data_dir, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", _MEASURE.format(setup=setup, code=code)], env=env,
                         capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, rss = json.loads(out.stdout.strip().splitlines()[-1])
    return float(seconds), float(rss)


def loading() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        print("(1) loading, a fresh process each (imports not counted)")
        results = {name: _run(*loader, data_dir) for name, loader in _LOADERS.items()}
    for name, (seconds, rss) in results.items():
        print(f"    {name:18} {seconds:6.2f} s   peak RSS +{rss:4.0f} MB")
    parse, cached = results["ours, parse CSV"][0], results["ours, from cache"][0]
    package = results["package Nouns()"][0]
    print(f"    cache vs parse: {parse / cached:.1f}x faster; "
          f"package vs ours from cache: {package / cached:.1f}x slower")


def _median_ms(fn: object, texts: list[str], runs: int) -> list[float]:
    per_text = []
    for text in texts:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            fn(text)  # type: ignore[operator]
            times.append((time.perf_counter() - start) * 1000)
        per_text.append(statistics.median(times))
    return per_text


def per_post() -> None:
    from assistant.quality.compose import grammar_lexicon, lexicon
    from assistant.quality.context import QualityContext
    from assistant.quality.grammar_de import grammar_problems
    from assistant.quality.spelling import unknown_words

    kit_dir = ROOT / "brand_kits" / "kaffeekontor-hamburg"
    paths = sorted([*(kit_dir / "examples").glob("*.md"), *(kit_dir / "docs").glob("*.md")])
    texts = [p.read_text(encoding="utf-8") for p in paths]
    ctx = QualityContext(brief=None, link=None, language="de", platform="instagram", kit=None)
    lex = lexicon(ctx)
    assert lex is not None
    rules = grammar_lexicon(lex)
    warnings = [p.message for t in texts for p in grammar_problems(t, rules)]
    grammar = _median_ms(lambda t: grammar_problems(t, rules), texts, 20)
    spelling = _median_ms(lambda t: unknown_words(t, lex), texts, 20)
    words = sum(len(t.split()) for t in texts)
    print(f"(2) per post, {len(texts)} German kit texts ({words} words), median of 20 runs")
    posts = [ms for path, ms in zip(paths, grammar, strict=True) if path.parent.name == "examples"]
    print(f"    grammar : median {statistics.median(grammar):.2f} ms, max {max(grammar):.2f} ms "
          f"(example posts only: max {max(posts):.2f} ms)")
    print(f"    spelling: median {statistics.median(spelling):.2f} ms, "
          f"max {max(spelling):.2f} ms")
    ratio = statistics.median(grammar) / statistics.median(spelling)
    print(f"    grammar / spelling: {ratio:.2f}x")
    print(f"    warnings on the kit's own texts: {len(warnings)} (false positives: must be 0)")
    for message in warnings:
        print(f"      {message}")


def main() -> None:
    loading()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["POSTWERK_DATA_DIR"] = data_dir
        per_post()


if __name__ == "__main__":
    main()
