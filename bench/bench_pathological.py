"""Hostile texts through every platform's check vs. a plain linear scan of the same text.

    .venv/bin/python bench/bench_pathological.py [seed]

twitter-text's URL extractor took ~25 s for ``'a.' * 1000``, and 200 KB did not finish in
300 s. This bench runs hand-written repetitions ('a.', '@', '#', 'http://', unicode, ...)
and fuzz-generated mixtures of hostile fragments through ``check_all`` for all ten
platforms (up to the 100,000-character cap), and through the URL finder and X's count at
200 KB (above the cap, ``check_post`` refuses a text at once). Beside each it times a
plain Python scan over every character (``sum(ch == '.' for ch in text)``): the linear
baseline, measured in the same run on the same text. It prints the worst case, checks that
four times the text costs about four times the time (linear, not quadratic), and exits 1,
loudly, when a budget is exceeded.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable

from assistant.platforms import MAX_TEXT_CHARS, PLATFORM_IDS, check_all, fix_post
from assistant.platforms.counting import analyse
from assistant.platforms.urlscan import url_spans
from assistant.platforms.xcount import x_count

HAND_WRITTEN = ["a.", "@", "#", "http://", "https://a", "a.com.", "ä.", "a.a.a-", "#a.de ",
                "@a@b.de ", "👍🏽", "ä", "a_.", "(", "a/", "xn--", ".", "www.", "日本.jp",
                "https://a.de/x?y=1 #t @u kaffee.de. "]
FRAGMENTS = ["a", ".", "-", "_", "@", "#", "/", ":", "?", "(", ")", "http://", "www.", "com",
             "de", "ä", "日", "👍", "\u200d", "\ufe0f", " ", "xn--", "%", "&", "="]
BUDGET_S_PER_100K = 3.0  # the whole check of 100,000 hostile characters for ten platforms
PAGE_BUDGET_S_PER_100K = 20.0  # the Check page: the check and the safe fixes, ten platforms
PAGE_UNITS = ["a.", "#a\n", "#a.de ", "kaffee.de\n", "@a@b.de ", "a\n"]
MAX_RATIO = 1000.0  # times the plain per-character scan
MAX_GROWTH = 8.0  # 4x the text: linear is ~4x, quadratic 16x


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def baseline(text: str) -> float:
    """The median of five plain scans (one scan is a few ms and jumps with the load)."""
    return statistics.median(seconds(lambda: sum(ch == "." for ch in text)) for _ in range(5))


def full_check(text: str) -> None:
    analyse.cache_clear()
    check_all(text)


def check_page(text: str) -> None:
    """What the Check page does for a pasted text: check and safe fixes, every platform."""
    full_check(text)
    for platform in PLATFORM_IDS:
        fix_post(platform, text)


def count_only(text: str) -> None:
    url_spans(text)
    x_count(text)


def fuzz(rng: random.Random, size: int) -> str:
    unit = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 8)))
    return (unit * (size // len(unit) + 1))[:size]


def measure(name: str, text: str, fn: Callable[[str], None]) -> tuple[float, float]:
    ours, base = seconds(lambda: fn(text)), baseline(text)
    print(f"{name:34} {len(text):>7,} chars {ours * 1000:9.1f} ms  scan {base * 1000:6.2f} ms"
          f"  {ours / base:7.1f}x")
    return ours, base


def growth(unit: str) -> float:
    small = (unit * MAX_TEXT_CHARS)[: MAX_TEXT_CHARS // 4]
    big = (unit * MAX_TEXT_CHARS)[:MAX_TEXT_CHARS]
    return seconds(lambda: full_check(big)) / seconds(lambda: full_check(small))


def main(seed: int = 1) -> int:
    rng = random.Random(seed)
    cases = [(f"check_all {unit!r}", (unit * MAX_TEXT_CHARS)[:MAX_TEXT_CHARS], full_check)
             for unit in HAND_WRITTEN]
    cases += [(f"check_all fuzz #{i}", fuzz(rng, MAX_TEXT_CHARS), full_check) for i in range(12)]
    cases += [(f"urls + X count {unit!r}", (unit * 200_000)[:200_000], count_only)
              for unit in ("a.", "ä.", "a.a.a-", "@", "#")]
    page = [(f"Check page {unit!r}", (unit * MAX_TEXT_CHARS)[:MAX_TEXT_CHARS], check_page)
            for unit in PAGE_UNITS]
    page_results = [(name, *measure(name, text, fn), len(text)) for name, text, fn in page]
    results = [(name, *measure(name, text, fn), len(text)) for name, text, fn in cases]
    worst_page = max(page_results, key=lambda r: r[1] / r[3])
    worst = max(results, key=lambda r: r[1] / r[3])
    worst_ratio = max(results, key=lambda r: r[1] / r[2])
    rise = max(growth(unit) for unit in ("a.", "#", "a.com."))
    print(f"worst time : {worst[0]}: {worst[1]:.3f} s for {worst[3]:,} characters "
          f"(budget {BUDGET_S_PER_100K} s per 100,000)")
    print(f"worst ratio: {worst_ratio[0]}: {worst_ratio[1] / worst_ratio[2]:.0f}x the scan "
          f"(budget {MAX_RATIO:.0f}x)")
    print(f"worst page : {worst_page[0]}: {worst_page[1]:.3f} s "
          f"(budget {PAGE_BUDGET_S_PER_100K} s per 100,000)")
    print(f"growth 25k -> 100k characters: {rise:.1f}x (linear ~4x, quadratic 16x)")
    per_100k = worst[1] * 100_000 / worst[3]
    page_per_100k = worst_page[1] * 100_000 / worst_page[3]
    failed = (per_100k > BUDGET_S_PER_100K or rise > MAX_GROWTH
              or page_per_100k > PAGE_BUDGET_S_PER_100K
              or worst_ratio[1] / worst_ratio[2] > MAX_RATIO)
    print("FAIL: a hostile text exceeded its budget" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1))
