"""What showing the client's last word on every card costs a Queue page rerun, on SQLite.

    .venv/bin/python bench/bench_review.py

Side by side in one run, on a fresh database in a tmp dir with N items (each with a
"created" entry, every third with a client decision): the history of all listed items read
item by item (``storage.history`` per item) vs. in one query (``with_history``, which uses
``storage.histories``), for N = 100 and 1,000; the list itself for scale. Median of 5.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.config import load_settings
from assistant.queue import QueueItem, QueueService, open_queue
from assistant.queue.models import HistoryEntry
from assistant.review.service import with_history

START = datetime(2030, 3, 2, 8, 0, tzinfo=UTC)


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fill(queue: QueueService, count: int) -> None:
    rows = []
    for n in range(count):
        item = QueueItem(kit_id="bench-kit", platform="x", text=f"Post {n}",
                         scheduled_at=START + timedelta(hours=n), created_at=START,
                         updated_at=START)
        rows.append((item, HistoryEntry(at=START, actor="bench", action="created")))
    queue.storage.insert_many(rows)
    for item in queue.list()[::3]:
        queue.record(item.id or 0, "client_approved", "content:0000 ok", by="Anna (client)")


def one_by_one(queue: QueueService, items: list[QueueItem]) -> list[QueueItem]:
    return [i.model_copy(update={"history": queue.storage.history(i.id or 0)}) for i in items]


def compare(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        queue = open_queue(load_settings(data_dir=Path(tmp)), checker=lambda item: [])
        fill(queue, count)
        items = queue.list()
        assert one_by_one(queue, items) == with_history(queue, items)  # same answer
        listed = median_ms(queue.list)
        single = median_ms(lambda: one_by_one(queue, items))
        bulk = median_ms(lambda: with_history(queue, items))
        print(f"{count:>5} items: list {listed:7.1f} ms | history one by one "
              f"{single:7.1f} ms vs one query {bulk:6.1f} ms ({single / bulk:4.1f}x)")


def main() -> None:
    for count in (100, 1000):
        compare(count)


if __name__ == "__main__":
    main()
