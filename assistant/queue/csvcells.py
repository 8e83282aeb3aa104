"""CSV cells that a spreadsheet will not run as formulas (OWASP "CSV injection").

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written with
a leading single quote, so Excel, LibreOffice and Google Sheets show it as text. Cells that
already begin with quotes before such a character get one more quote, which makes the
escaping exactly reversible: the importer drops one quote and gets the original back.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(value: str) -> bool:
    return value.lstrip("'").startswith(TRIGGERS)


def escape_cell(value: str) -> str:
    return "'" + value if _needs_quote(value) else value


def unescape_cell(value: str) -> str:
    """The inverse of ``escape_cell`` (other cells are returned unchanged)."""
    if value.startswith("'") and _needs_quote(value[1:]):
        return value[1:]
    return value
