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
