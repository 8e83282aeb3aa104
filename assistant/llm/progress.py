"""What the embedded model is doing right now, for a progress line in the UI.

The shared llama.cpp server reports its slots on ``/slots``: how much of each prompt it
has read and how many tokens it has written. Polled about once a second while a draft
runs, that gives a speed and an upper bound for the time left (the reply may stop before
its token budget, never after).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx

from assistant.config import Settings
from assistant.llm.sharing import current_record


@dataclass(frozen=True)
class SlotState:
    """Totals over the slots that work now."""

    prompt_total: int
    prompt_done: int
    decoded: int
    remain: int  # tokens left in the budgets (an upper bound)


def parse_slots(data: Any) -> SlotState:
    busy = [s for s in data if isinstance(s, dict) and s.get("is_processing")]
    nexts = [(s.get("next_token") or [{}])[0] for s in busy]
    return SlotState(
        prompt_total=sum(int(s.get("n_prompt_tokens", 0)) for s in busy),
        prompt_done=sum(int(s.get("n_prompt_tokens_processed", 0)) for s in busy),
        decoded=sum(int(n.get("n_decoded", 0)) for n in nexts),
        remain=sum(max(0, int(n.get("n_remain", 0))) for n in nexts),
    )


def describe(elapsed: float, before: SlotState | None, now: SlotState, interval: float) -> str:
    """One line: elapsed time, the phase with its speed, and an upper bound for the rest."""
    head = f"{elapsed:.0f} s"
    if now.decoded == 0 and now.prompt_total == 0:
        return f"{head} · waiting for the model"
    if now.decoded == 0:
        done = now.prompt_done - (before.prompt_done if before else 0)
        rate = done / interval if interval > 0 else 0.0
        left = now.prompt_total - now.prompt_done
        tail = f" · ~{left / rate:.0f} s to read the rest" if rate > 0 else ""
        return f"{head} · reading the brief and examples ({now.prompt_done} of " \
               f"{now.prompt_total} tokens){tail}"
    written = now.decoded - (before.decoded if before else 0)
    rate = written / interval if interval > 0 and written >= 0 else 0.0
    tail = f" · at most ~{now.remain / rate:.0f} s left" if rate > 0 and now.remain else ""
    return f"{head} · writing: {now.decoded} tokens at {rate:.1f} tokens/s{tail}"


class ModelWatch:
    """Polls the data dir's shared model server; for endpoints only the time is shown."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._started = time.monotonic()
        self._last: tuple[float, SlotState] | None = None

    def _slots_url(self) -> str | None:
        # looked up on every poll: the first draft may be the one that starts the server
        if not self._settings.uses_local_model:
            return None
        record = current_record(self._settings)
        return record.base_url.removesuffix("/v1") + "/slots" if record else None

    def line(self) -> str:
        now = time.monotonic()
        elapsed = now - self._started
        url = self._slots_url()
        if url is None:
            return f"{elapsed:.0f} s"
        try:
            state = parse_slots(httpx.get(url, timeout=2.0).json())
        except (httpx.HTTPError, ValueError, TypeError, AttributeError):
            return f"{elapsed:.0f} s"
        before, interval = (self._last[1], now - self._last[0]) if self._last else (None, 0.0)
        self._last = (now, state)
        return describe(elapsed, before, state, interval)
