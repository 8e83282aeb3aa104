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
) -> None:
    """Publish due approved posts, pass after pass, until stopped (Ctrl-C or SIGTERM)."""
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


def register(app: typer.Typer) -> None:
    app.add_typer(publish_app, name="publish")
    app.command("worker")(worker_command)
