"""Shared pydantic models used across modules (boundaries: files, LLM output, queue rows).

Platform catalogue models live in ``assistant.platforms.catalogue``, the brand kit in
``assistant.brand.kit``; both are re-exported from ``assistant`` for the public API.
This module imports no adapter and no other assistant module (so anything may import it).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Problem(BaseModel):
    """One finding about a post. ``code`` is stable (tests, filters and the UI rely on it)."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    # where it came from: platform, brand, compliance, llm
    source: str = "platform"

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


class MediaInfo(BaseModel):
    """What `check_post` needs to know about an attached image (no pixels)."""

    model_config = ConfigDict(frozen=True)

    format: str  # JPEG, PNG, WEBP, GIF, ...
    bytes: int = Field(ge=0)
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    path: str | None = None
    alt_text: str | None = None


class PostCheck(BaseModel):
    """The result of measuring one text the way its platform does."""

    platform: str
    length: int
    limit: int
    unit: str
    ok: bool
    problems: list[Problem] = Field(default_factory=list)
    # extra measures the UI shows (e.g. bluesky bytes, fold position, hashtags)
    details: dict[str, object] = Field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


class TokenUsage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    calls: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
            calls=self.calls + other.calls,
        )


class Brief(BaseModel):
    """What the marketer asks for."""

    text: str = Field(min_length=1)
    language: Literal["de", "en"] | None = None
    sponsored: bool = False
    link: str | None = None
    campaign: str | None = None
    pillar: str | None = None


# The three honest states of a post, from its problems alone: nothing found, only warnings
# (a person should read it before it goes out), or an error (it cannot be approved).
PostState = Literal["ready", "needs_look", "problems"]
POST_STATES: tuple[PostState, ...] = ("ready", "needs_look", "problems")
STATE_LABELS: dict[str, str] = {"ready": "ready", "needs_look": "needs a look",
                                "problems": "problems"}
DraftStatus = Literal["ready", "needs_look", "problems", "failed"]
# how a count of drafts in each state reads ("3 draft(s): 1 ready, 2 need a look")
SUMMARY_WORDS: dict[str, str] = {"ready": "ready", "needs_look": "need a look",
                                 "problems": "with problems", "failed": "failed"}


def state_summary(states: Iterable[str]) -> str:
    """One line that counts drafts by state, so "ready" is said only of ready drafts."""
    counts = {state: 0 for state in SUMMARY_WORDS}
    for state in states:
        counts[state] += 1
    parts = [f"{n} {SUMMARY_WORDS[state]}" for state, n in counts.items() if n]
    return f"{sum(counts.values())} draft(s): {', '.join(parts)}"


def post_state(problems: Iterable[Problem], *, failed: bool = False) -> PostState:
    """THE rule for a post's state; every draft, queue item, page, command and export uses it.

    ``failed``: nothing usable was written (generation or delivery failed).
    """
    found = list(problems)
    if failed or any(p.is_error for p in found):
        return "problems"
    return "needs_look" if found else "ready"


class Draft(BaseModel):
    """One post for one platform, with everything that was checked about it."""

    kit_id: str
    platform: str
    text: str
    hashtags: list[str] = Field(default_factory=list)
    alt_text: str | None = None
    first_comment: str | None = None
    link: str | None = None
    language: str = "de"
    sponsored: bool = False
    problems: list[Problem] = Field(default_factory=list)
    voice_score: float | None = None
    voice_note: str | None = None  # why the voice score is what it is, one line
    usage: TokenUsage = Field(default_factory=TokenUsage)
    brief: str = ""
    variant: int = 0
    endpoint: str = ""
    model: str = ""
    media: list[MediaInfo] = Field(default_factory=list)
    error: str | None = None
    # what the model wrote, once a person has edited ``text`` (the queue keeps the pair)
    model_text: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def state(self) -> PostState:
        """ready / needs_look / problems, derived from the problems (never stored apart)."""
        return post_state(self.problems, failed=self.error is not None)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status(self) -> DraftStatus:
        """The state, or ``failed`` when the model wrote nothing usable (``error`` is set)."""
        return "failed" if self.error is not None else self.state

    @property
    def full_text(self) -> str:
        """The text as it is posted: body, then the hashtags that are not already in it."""
        from assistant.hashtags import compose_text

        return compose_text(self.text, self.hashtags)
