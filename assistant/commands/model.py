"""`postwerk model status|serve|stop`: the language model in use and the shared server."""

from __future__ import annotations

import typer

from assistant.commands.common import JSON_OPTION, emit
from assistant.config import load_settings

model_app = typer.Typer(help="The language model in use.", no_args_is_help=True)


@model_app.command("status")
def status(as_json: bool = JSON_OPTION) -> None:
    """Endpoint, model, whether it answers and how fast; for the embedded model its hash
    check and the shared server (pid, port, threads, uptime, idle timeout)."""
    from assistant.llm.status import model_status

    result = model_status(load_settings())

    def render() -> None:
        typer.echo(f"endpoint   {result.endpoint}{'  (embedded)' if result.local else ''}")
        typer.echo(f"model      {result.model}")
        typer.echo(f"reachable  yes, {result.latency_ms} ms, reply {result.reply!r}")
        if result.local:
            typer.echo(f"path       {result.model_path}")
            typer.echo(f"sha256     {'verified' if result.sha256_verified else 'not verified'}")
        if result.pid is not None:
            idle = f"{result.idle_timeout:.0f} s" if result.idle_timeout else "never"
            typer.echo(f"server     pid {result.pid}, port {result.port}, up "
                       f"{result.uptime_seconds:.0f} s, stops after {idle} idle")
            spare = (f"; {result.spare_threads} while other programs hold a core"
                     if result.spare_threads else "")
            typer.echo(f"threads    {result.threads} (prompt {result.threads_batch}), "
                       f"{result.slots} slots{spare}")

    emit(as_json, result, render)


@model_app.command("serve")
def serve(
    idle_timeout: float | None = typer.Option(
        None, "--idle-timeout", min=0,
        help="Stop after this many seconds without requests (0 = never); "
        "default POSTWERK_LOCAL_IDLE_TIMEOUT.",
    ),
    spawned: bool = typer.Option(False, "--spawned", hidden=True),
) -> None:
    """Run the embedded model server for this data dir in the foreground; every command and
    the app use it (they start one in the background when none runs)."""
    from assistant.llm.serve import serve as run_server

    overrides = {} if idle_timeout is None else {"local_idle_timeout": idle_timeout}
    settings = load_settings(**overrides)
    if not spawned:
        typer.echo(f"serving the embedded model for {settings.data_dir} (Ctrl+C stops)", err=True)
    try:
        run_server(settings, spawned=spawned)
    except KeyboardInterrupt:
        pass


@model_app.command("stop")
def stop(as_json: bool = JSON_OPTION) -> None:
    """Stop this data dir's shared model server, if one runs."""
    from assistant.llm.sharing import stop_shared

    record = stop_shared(load_settings())
    payload = {"stopped": record is not None, "pid": record.pid if record else None}

    def render() -> None:
        typer.echo(f"stopped the model server (pid {record.pid})" if record
                   else "no model server was running")

    emit(as_json, payload, render)


def register(app: typer.Typer) -> None:
    app.add_typer(model_app, name="model")
