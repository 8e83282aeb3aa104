"""What the quality checks know about a post besides its text (pure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.brand.schema import BrandKit
from assistant.models import Problem, Severity

SOURCE = "quality"


@dataclass(frozen=True)
class QualityContext:
    """The brief the post was written from, the link it may carry, and the brand kit.

    ``brief`` is None for a post typed by hand (nothing to compare facts against);
    ``kit`` is None for a post checked without a brand.
    """

    brief: str | None
    link: str | None
    language: str
    platform: str
    kit: BrandKit | None
    # the text of the kit's guideline documents (docs/): a source of facts like the kit's
    guidelines: str = ""


def problem(code: str, message: str, severity: Severity = Severity.WARNING) -> Problem:
    return Problem(code=code, severity=severity, message=message, source=SOURCE)


# a reading of a post (what it finds, None for nothing) and the message for what it found
Reading = tuple[Callable[[str], Any], Callable[[Any], str]]


def first_found(code: str, text: str, readings: Sequence[Reading]) -> list[Problem]:
    """One ``code`` warning, with the message of the first reading that finds something in
    ``text`` (they are tried in order), or none when no reading does."""
    for read, message in readings:
        found = read(text)
        if found is not None:
            return [problem(code, message(found))]
    return []


def shorten(text: str, limit: int = 40) -> str:
    """A quote of ``text`` short enough for a one-line message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
