"""Lanes: the bound on model calls at a time, continuations of a begun brief first."""

from __future__ import annotations

import asyncio

import pytest

from assistant.lanes import Lanes


def test_never_more_holders_than_lanes_and_urgent_waiters_go_first() -> None:
    order: list[str] = []

    async def main() -> int:
        lanes = Lanes(1)
        held = 0
        most = 0
        release = asyncio.Event()

        async def call(name: str, urgent: bool) -> None:
            nonlocal held, most
            async with (lanes.urgent() if urgent else lanes):
                held += 1
                most = max(most, held)
                order.append(name)
                if name == "first":
                    await release.wait()
                held -= 1

        holder = asyncio.create_task(call("first", False))
        await asyncio.sleep(0)
        waiters = [asyncio.create_task(call(name, urgent)) for name, urgent in
                   (("slot b", False), ("slot c", False), ("repair a", True))]
        await asyncio.sleep(0)
        release.set()
        await asyncio.gather(holder, *waiters)
        return most

    assert asyncio.run(main()) == 1
    assert order == ["first", "repair a", "slot b", "slot c"]


def test_a_cancelled_waiter_gives_its_place_and_no_lane_is_lost() -> None:
    async def main() -> list[str]:
        lanes = Lanes(1)
        done: list[str] = []
        await lanes.acquire()
        waiter = asyncio.create_task(lanes.acquire())
        after = asyncio.create_task(lanes.acquire())
        await asyncio.sleep(0)
        waiter.cancel()
        lanes.release()  # goes to "after", not to the cancelled waiter
        await after
        done.append("after")
        lanes.release()
        async with lanes:  # the lane is free again
            done.append("again")
        return done

    assert asyncio.run(main()) == ["after", "again"]


def test_lanes_need_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Lanes(0)
