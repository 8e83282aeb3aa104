"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import typer
from pydantic import BaseModel

JSON_OPTION = typer.Option(False, "--json", help="Print one JSON document on stdout.")


def to_jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


def emit(as_json: bool, payload: Any, render: Callable[[], None] | None = None) -> None:
    """Print ``payload`` as one JSON document, or call ``render`` for human output."""
    if as_json or render is None:
        sys.stdout.write(json.dumps(to_jsonable(payload), ensure_ascii=False, indent=2) + "\n")
    else:
        render()


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, no traceback, exit ``code`` (2 = bad input or configuration)."""
    first = " ".join(str(message).split())
    sys.stderr.write(f"postwerk: {first}\n")
    raise typer.Exit(code)
