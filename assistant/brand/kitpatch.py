"""Change a few fields of kit.yaml text and keep every other line as it was (pure).

An accepted learned rule must show in git as the change it is (one list item more, one
line added), not as a rewritten file: ``kit_to_yaml`` drops the comments and reflows every
list. So only the entries that change are rendered again, in the file's own layout
(two-space indents, sequences indented under their key, leaf lists in flow style); an
entry that is not there yet goes at the end of its parent. The caller validates the result
as a whole kit before writing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

FieldPath = tuple[str, ...]
INDENT = 2


class _Dumper(yaml.SafeDumper):
    """Sequences indented under their key ("  - word: ..."), as the example kits write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def render_entry(key: str, value: object, indent: int) -> list[str]:
    """``key: value`` as YAML lines at ``indent`` spaces."""
    flow = None if _leaf_list(value) else False  # [a, b] for a list of words or emoji
    text = yaml.dump({key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=flow, width=100)
    return [" " * indent + line for line in text.splitlines()]


def _leaf_list(value: object) -> bool:
    return isinstance(value, list) and all(not isinstance(v, dict | list) for v in value)


def patch_yaml(text: str, changes: Mapping[FieldPath, object]) -> str:
    """``text`` with each field path (one or two levels) set to its value."""
    lines = text.splitlines()
    for path, value in changes.items():
        lines = _set(lines, path, value)
    return "\n".join(lines) + "\n"


def _set(lines: list[str], path: FieldPath, value: object) -> list[str]:
    if len(path) == 1:
        return _replace_or_append(lines, 0, len(lines), path[0], value, 0)
    if len(path) != 2:
        raise ValueError(f"kit fields are set one or two levels deep, not {'.'.join(path)}")
    parent = _find(lines, 0, len(lines), path[0], 0)
    if parent is None:
        return lines + render_entry(path[0], {path[1]: value}, 0)
    start, end = parent
    if _inline_value(lines[start]):  # "max_chars: {}" holds nothing to keep
        merged: dict[str, Any] = yaml.safe_load("\n".join(lines[start:end]))[path[0]] or {}
        return lines[:start] + render_entry(path[0], {**merged, path[1]: value}, 0) + lines[end:]
    return _replace_or_append(lines, start + 1, end, path[1], value, INDENT)


def _replace_or_append(lines: list[str], lo: int, hi: int, key: str, value: object,
                       indent: int) -> list[str]:
    found = _find(lines, lo, hi, key, indent)
    rendered = render_entry(key, value, indent)
    if found is None:
        at = _last_content(lines, lo, hi)
        return lines[:at] + rendered + lines[at:]
    start, end = found
    return lines[:start] + rendered + lines[end:]


def _find(lines: list[str], lo: int, hi: int, key: str, indent: int) -> tuple[int, int] | None:
    """Lines [start, end) of the entry ``key:`` at exactly ``indent`` spaces."""
    prefix = " " * indent + f"{key}:"
    for n in range(lo, hi):
        if lines[n].startswith(prefix) and not lines[n][indent:indent + 1].isspace():
            end = n + 1
            while end < hi and (_indent(lines[end]) > indent or not lines[end].strip()):
                end += 1
            while end > n + 1 and not lines[end - 1].strip():
                end -= 1  # blank lines before the next entry are not part of this one
            return n, end
    return None


def _last_content(lines: list[str], lo: int, hi: int) -> int:
    at = hi
    while at > lo and not lines[at - 1].strip():
        at -= 1
    return at


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if line.strip() else 0


def _inline_value(line: str) -> bool:
    rest = line.split(":", 1)[1].split("#", 1)[0].strip()
    return bool(rest)
