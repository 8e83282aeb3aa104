"""Two workers racing over one queue, on SQLite and on PostgreSQL: no post goes out twice."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from assistant.queue.storage import reset_caches
from tests.fakes.social_server import FakeNetwork
from tests.publish.conftest import Env, make_env
from tests.queue.conftest import postgres_server, queue_url  # noqa: F401  (fixtures)


@pytest.fixture()
def race_env(queue_url: str, network: FakeNetwork, tmp_path: Path,  # noqa: F811
             secret_key: str) -> Iterator[Env]:
    yield make_env(queue_url, network, tmp_path / "media")
    reset_caches()


def _together(count: int, action: object) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        results[index] = action(index)  # type: ignore[operator]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_only_one_of_many_claims_wins(race_env: Env) -> None:
    item = race_env.approved()
    now = race_env.clock.now
    claims = _together(6, lambda i: race_env.attempts.claim(
        item.id or 0, f"w{i}", now, timedelta(minutes=5)))
    assert sum(c is not None for c in claims) == 1


def test_two_workers_racing_post_every_item_exactly_once(race_env: Env) -> None:
    race_env.connect()
    items = [race_env.approved(f"Beitrag Nummer {n}.", when=race_env.clock.now
                               - timedelta(minutes=n)) for n in range(8)]
    workers = [race_env.worker("alpha"), race_env.worker("beta")]
    reports = _together(2, lambda i: workers[i].run_once())
    posted = [i for r in reports for i in r.posted]  # type: ignore[attr-defined]
    assert sorted(posted) == sorted(item.id for item in items)
    texts = Counter(p.text for p in race_env.network.posts())
    assert len(texts) == 8 and set(texts.values()) == {1}
    for item in items:
        assert race_env.queue.get(item.id or 0).status == "posted"
