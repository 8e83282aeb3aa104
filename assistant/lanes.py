"""The bound on model calls at a time, with continuations first (pure asyncio).

Generate week starts every slot's first call at once, bounded by the endpoint's
concurrency. A slot's repairs come after its first call; with a plain FIFO semaphore they
queued behind every other slot's first call, so every slot finished at the end of the week
(the progress list stood still, and a crash lost them all). A call that continues a brief
already begun (a repair, the parting round) is therefore ``urgent``: it takes the next free
lane before any first call still waiting.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import TracebackType

FIRST, URGENT = 1, 0  # smaller goes first


class Lanes:
    """At most ``size`` holders at a time; waiters in order of priority, then arrival.
    ``async with lanes:`` waits as a first call, ``async with lanes.urgent():`` before them."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("lanes need a size of at least 1")
        self._free = size
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    async def acquire(self, priority: int = FIRST) -> None:
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), granted))
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                self.release()  # the lane came as the waiter was cancelled: pass it on
            else:
                self._waiting = [entry for entry in self._waiting if entry[2] is not granted]
                heapq.heapify(self._waiting)
            raise

    def release(self) -> None:
        while self._waiting:
            _, _, granted = heapq.heappop(self._waiting)
            if not granted.done():
                granted.set_result(None)  # the lane goes straight to the next waiter
                return
        self._free += 1

    @asynccontextmanager
    async def urgent(self) -> AsyncIterator[None]:
        await self.acquire(URGENT)
        try:
            yield
        finally:
            self.release()

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        self.release()
