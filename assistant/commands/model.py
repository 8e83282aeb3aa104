"""`postwerk model status`."""

from __future__ import annotations

import typer

from assistant.commands.common import JSON_OPTION, emit
from assistant.config import load_settings
from assistant.llm.status import model_status

model_app = typer.Typer(help="The language model in use.", no_args_is_help=True)


@model_app.command("status")
def status(as_json: bool = JSON_OPTION) -> None:
    """Endpoint, model, whether it answers and how fast; for the embedded model its hash check."""
    result = model_status(load_settings())

    def render() -> None:
        typer.echo(f"endpoint   {result.endpoint}{'  (embedded)' if result.local else ''}")
        typer.echo(f"model      {result.model}")
        typer.echo(f"reachable  yes, {result.latency_ms} ms, reply {result.reply!r}")
        if result.local:
            typer.echo(f"path       {result.model_path}")
            typer.echo(f"sha256     {'verified' if result.sha256_verified else 'not verified'}")

    emit(as_json, result, render)


def register(app: typer.Typer) -> None:
    app.add_typer(model_app, name="model")
