"""The quality checks of one post (issue 13) next to the platform check of the same post,
and our one-typo suggestions next to Hunspell's own suggest for the same misspelt words.

    .venv/bin/python bench/bench_quality_checks.py [runs]

Loading the word lists is paid once per process and printed first. Posts are the 34
example posts of both kits, each with its own text as the brief (the full fact check
runs). Target: a post checks in a few ms once the dictionaries are loaded.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from assistant.brand.kit import load_kit
from assistant.platforms import check_post
from assistant.platforms.counting import analyse
from assistant.quality import QualityContext, quality_problems
from assistant.quality.dictionary import dictionaries, dictionary, german_plain_names, given_names
from assistant.quality.spelling import Lexicon, near_words

KITS = Path(__file__).resolve().parent.parent / "brand_kits"
TYPOS = {"de": ["Anmeldnug", "Röstkrus", "Schockolade", "Kafee", "Filterkaffe"],
         "en": ["recieve", "pipline", "definately", "dashbaord", "calender"]}


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up: regex compilation, caches of the kit's facts
    return statistics.median(seconds(fn) for _ in range(runs)) * 1000


def fresh_check(platform: str, text: str) -> None:
    analyse.cache_clear()  # the platform check caches its text analysis; pay for it each time
    check_post(platform, text)


def load_times() -> None:
    loaders: list[tuple[str, Callable[[], object]]] = [
        (name, partial(dictionary, name)) for name in ("de_DE", "en_US", "en_GB")]
    loaders += [("given names", given_names), ("German name entries", german_plain_names)]
    for label, load in loaders:
        print(f"load {label:<20} {seconds(load) * 1000:8.0f} ms (once per process)")


def posts(runs: int) -> None:
    quality, platform = [], []
    for kit_id in ("kaffeekontor-hamburg", "tessaline-software"):
        kit = load_kit(kit_id, KITS)
        for example in kit.examples:
            ctx = QualityContext(brief=example.text, link=None, language=example.language,
                                 platform=example.platform, kit=kit)
            quality.append(median_ms(partial(quality_problems, example.text, [], ctx), runs))
            platform.append(median_ms(partial(fresh_check, example.platform, example.text), runs))
    q, p = statistics.median(quality), statistics.median(platform)
    print(f"quality_problems per post   median {q:6.2f} ms  max {max(quality):6.2f} ms  "
          f"({len(quality)} posts)")
    print(f"check_post (platform)       median {p:6.2f} ms  max {max(platform):6.2f} ms")
    print(f"ratio quality / platform    {q / p:6.1f}x")


def suggestions() -> None:
    for language, words in TYPOS.items():
        found = dictionaries(language)
        assert found is not None
        lex = Lexicon(found[0], found[1], frozenset(), compounds=language == "de")
        ours = statistics.median(
            seconds(partial(near_words.__wrapped__, word, lex, language)) for word in words)
        theirs = statistics.median(seconds(partial(found[0].suggest, word)) for word in words)
        print(f"suggest {language}: one-typo {ours * 1000:7.1f} ms  hunspell "
              f"{theirs * 1000:7.1f} ms  "
              f"ratio {theirs / ours:5.1f}x faster (median of {len(words)} words, uncached)")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    load_times()
    posts(runs)
    suggestions()


if __name__ == "__main__":
    main()
