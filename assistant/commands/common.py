"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import typer
from pydantic import BaseModel

from assistant.errors import InputError

MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL (bigint) can store
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


def split_option(values: list[str] | None, option: str) -> list[str]:
    """The values of a repeatable, comma-separated option, each once, in order.

    Given but empty (``-p ",,,"``) is bad input, not "no filter": it would otherwise
    quietly mean "all platforms".
    """
    items = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    if values and not items:
        raise InputError(
            f"{option} {','.join(values)!r} names nothing; give a value, e.g. {option} x,instagram"
        )
    return list(dict.fromkeys(items))


def parse_id(value: str, what: str = "queue item id") -> int:
    """A database id from the command line: a whole number from 1 to 2**63-1."""
    text = value.strip()
    if text.isdigit() and text.isascii() and 1 <= int(text) <= MAX_ID:
        return int(text)
    raise InputError(
        f"{value!r} is not a {what}; give a whole number like 12 (see `postwerk queue list`)"
    )
