"""Teams on PostgreSQL: publishing as procrastinate jobs in the queue database; two job
workers racing (and two jobs for one item) still post every item exactly once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from assistant.config import get_settings
from assistant.errors import ConfigError
from assistant.publish import jobs
from assistant.queue.storage import reset_caches
from tests.fakes.social_server import FakeNetwork
from tests.publish.conftest import BERLIN, Env, make_env
from tests.queue.conftest import PostgresServer, postgres_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_env(postgres_server: PostgresServer, network: FakeNetwork, tmp_path: Path,  # noqa: F811
           secret_key: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Env]:
    name = f"jobs_{tmp_path.name[-20:].replace('-', '_').lower()}"
    postgres_server.sql(f"CREATE DATABASE {name}")
    url = postgres_server.url(name)
    monkeypatch.setenv("POSTWERK_DATABASE_URL", url)
    get_settings.cache_clear()
    env = make_env(url, network, tmp_path / "media")
    env.clock.now = datetime.now(BERLIN)  # the job workers use the real clock
    yield env
    jobs._WORKERS.clear()
    reset_caches()
    postgres_server.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_sqlite_has_no_job_queue_and_says_so() -> None:
    with pytest.raises(ConfigError, match="needs PostgreSQL"):
        jobs.make_app()


async def _two_workers(app: object) -> None:
    async with app.open_async():  # type: ignore[attr-defined]
        await asyncio.gather(*(app.run_worker_async(  # type: ignore[attr-defined]
            wait=False, concurrency=2, name=name, install_signal_handlers=False,
            fetch_job_polling_interval=0.2, listen_notify=False) for name in ("a", "b")))


def test_job_workers_racing_publish_every_item_once(pg_env: Env) -> None:
    pg_env.connect()
    now = datetime.now(BERLIN)
    items = [pg_env.approved(f"Job Nummer {n}.", when=now - timedelta(minutes=n + 1))
             for n in range(6)]
    app = jobs.make_app()
    with app.open():
        jobs.ensure_schema(app)
        jobs.ensure_schema(app)  # a second worker starting finds the tables
        worker = jobs.worker_for(get_settings())
        assert sorted(jobs.defer_publishing(app, worker)) == sorted(i.id for i in items)
        assert jobs.defer_publishing(app, worker) == []  # one pending job per item
        for item in items[:3]:  # and a second job for some items, as if deferred twice
            app.configure_task("postwerk:publish_item").defer(item_id=item.id)
    asyncio.run(_two_workers(app))
    texts = Counter(p.text for p in pg_env.network.posts())
    assert len(texts) == 6 and set(texts.values()) == {1}
    for item in items:
        assert pg_env.queue.get(item.id or 0).status == "posted"


def test_weeks_for_many_kits_are_deferred_as_jobs(pg_env: Env) -> None:
    app = jobs.make_app()
    with app.open():
        jobs.ensure_schema(app)
        ids = jobs.defer_weeks(app, ["kaffeekontor-hamburg", "tessaline-software"],
                               datetime.now(BERLIN).date() + timedelta(days=7))
        assert len(ids) == 2
        rows = app.connector.get_sync_connector().execute_query_all(
            query="SELECT task_name, args FROM procrastinate_jobs WHERE id = ANY(%(ids)s)",
            ids=ids)
    assert {r["task_name"] for r in rows} == {"postwerk:generate_week"}
    assert {r["args"]["kit_id"] for r in rows} == {"kaffeekontor-hamburg",
                                                   "tessaline-software"}
