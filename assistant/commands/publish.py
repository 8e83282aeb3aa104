"""`postwerk publish run` (one pass, then exit) and `postwerk worker` (passes until stopped).

Both publish every due approved post of every connected channel, exactly once in effect; run
as many `postwerk worker` processes against one database as you like (they never post an
item twice). Exit 1 after a pass in which a post was rejected or failed.
"""

from __future__ import annotations

import signal
import threading
from datetime import timedelta
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit

if TYPE_CHECKING:  # the queue (SQLAlchemy) loads only when a publish command runs
    from assistant.publish.worker import PassReport, Worker

publish_app = typer.Typer(help="Publish due approved posts to connected channels.",
                          no_args_is_help=True)

LEASE_OPTION = typer.Option(300.0, "--lease", min=1.0,
                            help="Seconds a claim is held before another worker may take "
                            "over an item whose worker died (longer than any request).")


def _worker(lease: float) -> Worker:
    from assistant.publish.policy import RetryPolicy
    from assistant.publish.running import open_worker

    return open_worker(policy=RetryPolicy(lease=timedelta(seconds=lease)))


@publish_app.command("run")
def run_command(lease: float = LEASE_OPTION, as_json: bool = JSON_OPTION) -> None:
    """One pass over the due approved posts, then exit."""
    report = _worker(lease).run_once().as_dict()

    def render() -> None:
        typer.echo("  ".join(f"{key}: {len(ids)}" for key, ids in report.items()))

    emit(as_json, report, render)
    if report["rejected"] or report["failed"]:
        raise typer.Exit(1)


def worker_command(
    interval: float = typer.Option(30.0, "--interval", min=1.0, help="Seconds between passes."),
    lease: float = LEASE_OPTION,
    concurrency: int = typer.Option(2, "--concurrency", min=1, max=32,
                                    help="PostgreSQL: jobs this worker runs at once."),
) -> None:
    """Publish due approved posts until stopped (Ctrl-C or SIGTERM). With PostgreSQL the
    jobs run on procrastinate in the same database (run several workers); with SQLite a
    pass every --interval seconds."""
    from assistant.config import get_settings

    if (get_settings().database_url or "").startswith(("postgres", "postgresql")):
        from assistant.publish.jobs import run_worker

        typer.echo("postwerk worker: procrastinate jobs in the queue database", err=True)
        run_worker(concurrency=concurrency)
        return
    worker = _worker(lease)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_args: stop.set())
    typer.echo(f"postwerk worker {worker.name}: a pass every {interval:g} s", err=True)

    def show(report: PassReport) -> None:
        counts = {k: len(v) for k, v in report.as_dict().items() if v}
        if counts:
            typer.echo(" ".join(f"{k}={n}" for k, n in counts.items()), err=True)

    worker.loop(stop, interval, show)


@publish_app.command("weeks")
def weeks_command(
    start: str = typer.Option(..., "--start", help="First day of the week (YYYY-MM-DD)."),
    brands: list[str] = typer.Option(  # noqa: B008 - typer's way to declare a list option
        [], "--brand", "-b", help="A kit id (repeat); all kits when not given."),
    days: int = typer.Option(7, "--days", min=1, max=31),
    at: str | None = typer.Option(None, "--at", help="Run at this time (YYYY-MM-DDTHH:MM, "
                                  "in POSTWERK_TIMEZONE), e.g. tonight; now when not given."),
    as_json: bool = JSON_OPTION,
) -> None:
    """PostgreSQL: defer one generate-week job per kit for the workers (many brands
    overnight)."""
    from datetime import date, datetime

    from assistant.brand.kit import list_kits
    from assistant.config import get_settings
    from assistant.errors import InputError
    from assistant.publish.jobs import defer_weeks, ensure_schema, make_app

    settings = get_settings()
    try:
        first = date.fromisoformat(start.strip())
        when = datetime.fromisoformat(at).replace(tzinfo=settings.zone) if at else None
    except ValueError:
        raise InputError("--start is YYYY-MM-DD and --at YYYY-MM-DDTHH:MM, e.g. "
                         "--start 2026-12-07 --at 2026-12-06T02:00") from None
    app = make_app(settings)
    with app.open():
        ensure_schema(app)
        ids = defer_weeks(app, brands or list_kits(), first, days, when)
    emit(as_json, {"jobs": ids},
         lambda: typer.echo(f"deferred {len(ids)} generate-week job(s): {ids}"))


def register(app: typer.Typer) -> None:
    app.add_typer(publish_app, name="publish")
    app.command("worker")(worker_command)
