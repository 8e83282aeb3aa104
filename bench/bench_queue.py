"""The queue on SQLite: what a page rerun and a second "generate week" run cost.

    .venv/bin/python bench/bench_queue.py

Side by side in one run, each on a fresh database in a tmp dir:
1. opening the queue the first time in a process (engine + Alembic check/upgrade under the
   write lock) vs. opening it again (cached engine; what every Streamlit rerun pays);
2. add_draft for a 7 x 5 week (35 slots, one committed transaction each, real platform checks)
   vs. the same 35 calls again, when every slot exists (the idempotent second run: no checker,
   no write);
3. list() of 1,000 items (what the Queue page loads) vs. get() of one item with its history.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from assistant.config import load_settings
from assistant.models import Draft
from assistant.platforms import check_post
from assistant.queue import QueueService, open_queue
from assistant.queue.storage import reset_caches

BERLIN = ZoneInfo("Europe/Berlin")
PLATFORMS = ("instagram", "facebook", "linkedin", "mastodon", "x")
START = datetime(2030, 3, 2, 9, 0, tzinfo=BERLIN)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def week(queue: QueueService) -> None:
    for day in range(7):
        for n, pid in enumerate(PLATFORMS):
            draft = Draft(kit_id="kaffee", platform=pid, status="ok",
                          text=f"Tag {day}: frischer Kaffee aus Hamburg ☕", hashtags=["kaffee"])
            when = START + timedelta(days=day, minutes=n)
            queue.add_draft(draft, when, slot_key=f"{when:%Y-%m-%d}|{pid}|0")


def fill(queue: QueueService, count: int) -> None:
    for n in range(count):
        draft = Draft(kit_id="bulk", platform=PLATFORMS[n % 5], text=f"Post {n}")
        queue.add_draft(draft, START + timedelta(hours=n))


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="postwerk-bench-"))
    opens_cold, opens_warm = [], []
    for n in range(5):
        settings = load_settings(data_dir=root / f"open{n}")
        reset_caches()
        opens_cold.append(timed(lambda s=settings: open_queue(s)))  # type: ignore[misc]
        opens_warm.append(statistics.median(
            timed(lambda s=settings: open_queue(s)) for _ in range(20)))  # type: ignore[misc]
    cold, warm = statistics.median(opens_cold), statistics.median(opens_warm)
    print(f"open queue: first {cold * 1000:.1f} ms, cached {warm * 1000:.2f} ms "
          f"-> {cold / warm:.0f}x")

    queue = open_queue(load_settings(data_dir=root / "week"))
    for pid in PLATFORMS:  # warm up the platform checks (imports, regexes), not measured
        check_post(pid, "warm up #kaffee")
    first = timed(lambda: week(queue))
    second = timed(lambda: week(queue))
    assert len(queue.list()) == 35
    print(f"add_draft 7x5 week: first run {first * 1000:.0f} ms "
          f"({first / 35 * 1000:.1f} ms/slot), second run {second * 1000:.0f} ms "
          f"-> {first / second:.1f}x")

    fill(queue, 965)
    listing = statistics.median(timed(queue.list) for _ in range(5))
    one = statistics.median(timed(lambda: queue.get(1)) for _ in range(20))
    print(f"list 1,000 items {listing * 1000:.0f} ms; get one with history {one * 1000:.2f} ms "
          f"-> {listing / one:.0f}x")
    reset_caches()


if __name__ == "__main__":
    main()
