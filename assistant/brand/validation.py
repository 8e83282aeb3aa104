"""Turn pydantic and YAML errors into one line naming the field and the fix."""

from __future__ import annotations

import types
import typing
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

MAX_SHOWN = 3


def describe_errors(exc: ValidationError, model: type[BaseModel]) -> str:
    """``field 'legal.legal_form': ...; unknown field 'colour' ...`` (at most three)."""
    errors = exc.errors()
    parts = [_describe(err, model) for err in errors[:MAX_SHOWN]]
    more = len(errors) - MAX_SHOWN
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def yaml_where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "syntax error"
    if mark is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: {problem}"
    return str(problem)


def _describe(err: Any, model: type[BaseModel]) -> str:
    loc = err["loc"]
    where = _loc_text(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = f" (allowed here: {', '.join(allowed)})" if allowed else ""
        return f"unknown field '{where}'; remove it or fix its spelling{hint}"
    if kind == "missing":
        return f"missing field '{where}'; add it (see brand_kits/ for complete examples)"
    msg = str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if not where:
        return msg
    got = err.get("input")
    shown = f" (got {str(got)[:60]!r})" if isinstance(got, str | int | float) else ""
    if isinstance(got, str) and got in msg:
        shown = ""
    return f"field '{where}': {msg}{shown}"


def _loc_text(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """The model inside ``X``, ``list[X]``, ``X | None`` (None if there is none)."""
    if _is_model(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if inner is not None:
                return inner
    return None


# Limits checked on the YAML event stream before anything is built: the event parser is
# iterative, while building nested objects recurses (5000-deep YAML is a RecursionError).
MAX_YAML_BYTES = 256 * 1024
MAX_YAML_DEPTH = 32
MAX_YAML_NODES = 20_000


class YAMLLimitError(ValueError):
    """YAML text over one of the limits; the message says which and what to do."""


def safe_yaml_load(text: str) -> Any:
    """``yaml.safe_load`` with limits on size, nesting depth and node count.

    Raises YAMLLimitError for text over a limit, yaml.YAMLError for bad syntax.
    """
    size = len(text.encode("utf-8"))
    if size > MAX_YAML_BYTES:
        raise YAMLLimitError(
            f"{size // 1024} KB is over the limit of {MAX_YAML_BYTES // 1024} KB; "
            "shorten it (long guidelines belong in docs/)"
        )
    depth = nodes = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise YAMLLimitError(
                    f"nested more than {MAX_YAML_DEPTH} levels deep; a kit needs at most "
                    "four, so flatten it"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            nodes += 1
            if nodes > MAX_YAML_NODES:
                raise YAMLLimitError(
                    f"more than {MAX_YAML_NODES:,} values; a kit has a few hundred, "
                    "so remove the surplus"
                )
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, chosen above


# The C loader when PyYAML has it (faster on big files), else the pure-Python one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
