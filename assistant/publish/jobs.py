"""Teams on PostgreSQL: the worker's jobs on procrastinate, a job queue in the same database
(the only module that imports procrastinate). No home-made scheduler loop:

    postwerk.schedule_publishing   periodic, every minute: one ``publish_item`` job per due
                                   approved item (a queueing lock keeps one pending per item)
    postwerk.publish_item          claim and publish one item (the claim, attempt id and
                                   find_existing make it exactly-once in effect even when two
                                   jobs for one item run at once)
    postwerk.generate_week         draft a kit's week (many brands overnight: one job each)

``postwerk worker`` runs procrastinate's worker when POSTWERK_DATABASE_URL is PostgreSQL; run
as many as you like, on as many machines.
"""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime
from typing import Any

import procrastinate
from procrastinate.exceptions import AlreadyEnqueued, ConnectorException

from assistant.config import Settings, get_settings
from assistant.errors import ConfigError
from assistant.publish.worker import Worker

log = logging.getLogger(__name__)
tasks = procrastinate.Blueprint()
_WORKERS: dict[str, Worker] = {}
_LOCK = threading.Lock()


def conninfo(settings: Settings) -> str:
    """psycopg's connection string for the queue's PostgreSQL URL; ConfigError otherwise."""
    url = settings.database_url or ""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    raise ConfigError("the job queue needs PostgreSQL; set POSTWERK_DATABASE_URL="
                      "postgresql://user@host/db (with SQLite, `postwerk worker` runs alone)")


def make_app(settings: Settings | None = None) -> procrastinate.App:
    settings = settings or get_settings()
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(
        conninfo=conninfo(settings)), import_paths=[__name__])
    app.add_tasks_from(tasks, namespace="postwerk")
    return app


def ensure_schema(app: procrastinate.App) -> None:
    """procrastinate's tables in the queue database, created once (a second worker starting
    at the same moment finds them made by the first)."""
    connector = app.connector.get_sync_connector()
    query = "SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS present"
    if connector.execute_query_one(query=query)["present"]:
        return
    try:
        app.schema_manager.apply_schema()
    except ConnectorException:
        if not connector.execute_query_one(query=query)["present"]:
            raise


def worker_for(settings: Settings) -> Worker:
    """One publishing worker per process and database (jobs run in threads)."""
    from assistant.publish.running import open_worker

    with _LOCK:
        if settings.queue_url not in _WORKERS:
            _WORKERS[settings.queue_url] = open_worker(settings)
        return _WORKERS[settings.queue_url]


def defer_publishing(app: procrastinate.App, worker: Worker) -> list[int]:
    """One job per due item; an item with a job already waiting is not deferred again."""
    deferred = []
    for item, _channel in worker.due():
        item_id = item.id or 0
        try:
            app.configure_task("postwerk:publish_item", queueing_lock=f"publish-{item_id}"
                               ).defer(item_id=item_id)
        except AlreadyEnqueued:
            continue
        deferred.append(item_id)
    return deferred


@tasks.periodic(cron="* * * * *", periodic_id="publish")
@tasks.task(name="schedule_publishing", pass_context=True, queueing_lock="schedule")
def schedule_publishing(context: Any, timestamp: int) -> list[int]:
    return defer_publishing(context.app, worker_for(get_settings()))


@tasks.task(name="publish_item")
def publish_item(item_id: int) -> dict[str, list[int]]:
    return worker_for(get_settings()).run_item(item_id).as_dict()


@tasks.task(name="generate_week")
def generate_week(kit_id: str, start: str, days: int = 7) -> dict[str, int]:
    from assistant.brand.kit import load_kit
    from assistant.planner_run import generate_week as run_week
    from assistant.planner_run import make_plan

    kit = load_kit(kit_id)
    report = run_week(kit, make_plan(kit, date.fromisoformat(start), days=days))
    return {"created": len(report.created), "failed": len(report.failed),
            "kept": len(report.skipped)}


def defer_weeks(app: procrastinate.App, kit_ids: list[str], start: date, days: int = 7,
                at: datetime | None = None) -> list[int]:
    """One generate-week job per kit (e.g. overnight: ``at`` 02:00); returns the job ids."""
    options: dict[str, Any] = {"schedule_at": at} if at is not None else {}
    return [app.configure_task("postwerk:generate_week", **options).defer(
        kit_id=kit_id, start=start.isoformat(), days=days) for kit_id in kit_ids]


def run_worker(settings: Settings | None = None, *, concurrency: int = 2,
               wait: bool = True, name: str | None = None) -> None:
    """procrastinate's worker on the queue database until stopped (SIGINT/SIGTERM)."""
    app = make_app(settings)
    with app.open():
        ensure_schema(app)
    app.run_worker(concurrency=concurrency, wait=wait, name=name,
                   install_signal_handlers=wait)
