"""A status label that follows the model while a long call runs (the work runs in a
worker thread; this, the script thread, only redraws the label)."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any, TypeVar

from assistant.config import Settings
from assistant.llm.progress import ModelWatch

T = TypeVar("T")
POLL_SECONDS = 1.0
QUIET_SECONDS = 3.0  # a quick call keeps the plain label; a slow one gets the model's progress


def with_progress(status: Any, label: str, settings: Settings, action: Callable[[], T],
                  on_poll: Callable[[], None] | None = None) -> T:
    """Run ``action``; every second after the first few, ``label`` + the model's progress.
    ``on_poll`` runs in this (the script's) thread every second, so it may draw: the Week
    page shows the slots that the action has finished meanwhile."""
    watch = ModelWatch(settings)
    polls = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(action)
        while True:
            try:
                return future.result(timeout=POLL_SECONDS)
            except concurrent.futures.TimeoutError:
                if on_poll is not None:
                    on_poll()
                polls += 1
                if polls * POLL_SECONDS >= QUIET_SECONDS:
                    status.update(label=f"{label} {watch.line()}")
