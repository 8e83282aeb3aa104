"""Checking one 2,000-character post for all ten platforms vs. one bare twitter-text parse.

    .venv/bin/python bench/bench_check.py [runs]

Both run on the same text in the same process; the figure is the median of many runs. The
shared text analysis is cached per text, so the cache is cleared before every full check:
each run pays for the whole analysis, as the first check of a new text does. Target: the
full check of all ten platforms under 5 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from assistant.platforms import PLATFORM_IDS, check_all
from assistant.platforms.counting import analyse
from assistant.platforms.xcount import parse_tweet, x_count

PARAGRAPH = (
    "Frisch geröstet in der Speicherstadt ☕ Unser neuer Espresso „Elbufer“ schmeckt nach "
    "Kakao, Kirsche und Haselnuss. Probiert ihn im Laden oder bestellt online: "
    "https://kaffee-roesterei.de/shop/elbufer?utm_source=social oder kaffee.de/neu 👨‍👩‍👧‍👦 "
    "🇩🇪 👍🏽 Grüße an alle Straßenbahnfahrer! 日本語のお客様も歓迎します。 "
    "#Kaffeerösterei #Hamburg #Espresso\n\n"
)


def post(length: int = 2000) -> str:
    return (PARAGRAPH * (length // len(PARAGRAPH) + 1))[:length]


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up (imports, regex compilation, catalogue load)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def full_check(text: str) -> None:
    analyse.cache_clear()
    results = check_all(text)
    assert len(results) == len(PLATFORM_IDS)


def main(runs: int = 300) -> None:
    text = post()
    assert len(text) == 2000
    assert x_count(text).weighted == parse_tweet(text).weightedLength
    ours = median_ms(lambda: full_check(text), runs)
    bare = median_ms(lambda: parse_tweet(text), runs)
    x_only = median_ms(lambda: x_count(text), runs)
    print(f"text: {len(text)} characters, {len(PLATFORM_IDS)} platforms, median of {runs} runs")
    print(f"full check, all ten platforms : {ours:7.3f} ms   (target < 5 ms)")
    print(f"bare twitter-text parse_tweet : {bare:7.3f} ms")
    print(f"ratio full check / parse_tweet: {ours / bare:7.2f}x")
    speedup = bare / x_only
    print(f"(our X count alone            : {x_only:7.3f} ms, {speedup:.1f}x faster than it)")
    print("PASS" if ours < 5 else "FAIL: over the 5 ms target")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
