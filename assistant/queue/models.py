"""The queue's pydantic models and its status machine (pure: no I/O, no SQLAlchemy).

A queue item is one post for one platform of one kit, scheduled at an aware datetime in an
IANA zone. Its status moves only along ``TRANSITIONS``; the service enforces that, this module
only says what is allowed so that the CLI, the UI and the tests share one table.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator

from assistant.config import valid_zone
from assistant.errors import QueueError, TransitionError
from assistant.models import PostState, Problem, TokenUsage, post_state

Status = Literal["draft", "approved", "posted", "failed", "archived"]
STATUSES: tuple[str, ...] = get_args(Status)

# from -> the statuses it may move to. "any -> archived"; archived is final (nothing is deleted,
# an archived item stays visible in the history and exports).
TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"approved", "failed", "archived"}),
    "approved": frozenset({"posted", "draft", "failed", "archived"}),
    "failed": frozenset({"draft", "archived"}),
    "posted": frozenset({"archived"}),
    "archived": frozenset(),
}

# Fields whose change alters what gets posted: they re-run the checker and send an approved
# item back to draft (a person must look at it again).
CONTENT_FIELDS: frozenset[str] = frozenset(
    {"platform", "text", "hashtags", "first_comment", "alt_text", "link", "media", "language",
     "sponsored"}
)
EDITABLE_FIELDS: frozenset[str] = CONTENT_FIELDS | {"scheduled_at", "brief", "usage"}


class ItemNotFoundError(QueueError):
    """No queue item with that id (or slot)."""


def check_transition(current: str, target: str) -> None:
    """Raise TransitionError unless ``current -> target`` is allowed."""
    if target not in TRANSITIONS.get(current, frozenset()):
        allowed = ", ".join(sorted(TRANSITIONS.get(current, ()))) or "nothing (it is final)"
        raise TransitionError(
            f"cannot move an item from {current} to {target}; from {current} it can go to {allowed}"
        )


def zone_name(value: datetime, default: str) -> str:
    """The IANA name of an aware datetime's zone, or ``default`` for fixed offsets / UTC."""
    tz = value.tzinfo
    if isinstance(tz, ZoneInfo):
        return tz.key
    return default


def new_uid() -> str:
    return uuid.uuid4().hex


class HistoryEntry(BaseModel):
    """One change of an item: who did what when, with the old and new status or text."""

    at: datetime
    actor: str
    action: str
    old_status: str | None = None
    new_status: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    note: str | None = None


class QueueItem(BaseModel):
    """One post in the queue. ``scheduled_at`` is aware and shown in ``timezone``."""

    model_config = ConfigDict(validate_assignment=True)

    id: int | None = None
    uid: str = Field(default_factory=new_uid)
    kit_id: str = Field(min_length=1)
    platform: str = Field(min_length=1)
    text: str = ""
    hashtags: list[str] = Field(default_factory=list)
    first_comment: str | None = None
    alt_text: str | None = None
    link: str | None = None
    media: list[str] = Field(default_factory=list)
    language: str | None = None
    sponsored: bool = False
    scheduled_at: datetime
    timezone: str = "Europe/Berlin"
    status: Status = "draft"
    problems: list[Problem] = Field(default_factory=list)
    brief: str = ""
    usage: TokenUsage = Field(default_factory=TokenUsage)
    slot_key: str | None = None
    reviewed: bool = False
    posted_url: str | None = None
    posted_at: datetime | None = None
    error: str | None = None
    history: list[HistoryEntry] = Field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @field_validator("scheduled_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("scheduled_at needs a time zone (an aware datetime)")
        return value

    @field_validator("hashtags")
    @classmethod
    def _no_hash(cls, value: list[str]) -> list[str]:
        # stored without the leading '#', as the hashtags module does
        return [t.lstrip("#").strip() for t in value if t.lstrip("#").strip()]

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return valid_zone(value)

    @model_validator(mode="before")
    @classmethod
    def _zone_from_datetime(cls, data: Any) -> Any:
        # a datetime carrying a ZoneInfo names its own zone unless one is given explicitly
        if isinstance(data, dict) and "timezone" not in data:
            when = data.get("scheduled_at")
            if isinstance(when, datetime) and isinstance(when.tzinfo, ZoneInfo):
                data = {**data, "timezone": when.tzinfo.key}
        return data

    @property
    def local_time(self) -> datetime:
        """The scheduled time in the item's own zone."""
        return self.scheduled_at.astimezone(ZoneInfo(self.timezone))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def state(self) -> PostState:
        """ready / needs_look / problems from the stored problems (derived, not a column)."""
        return post_state(self.problems, failed=self.status == "failed")

    @property
    def full_text(self) -> str:
        """Body plus the hashtags not already in it: the exact string that gets posted."""
        from assistant.hashtags import compose_text

        return compose_text(self.text, self.hashtags)

    def content_hash(self) -> str:
        """A stable hash of what gets posted (idempotency keys, change detection)."""
        import hashlib
        import json

        payload = {
            "platform": self.platform, "text": self.text, "hashtags": self.hashtags,
            "first_comment": self.first_comment, "alt_text": self.alt_text, "link": self.link,
            "media": self.media, "scheduled_at": self.scheduled_at.astimezone(UTC).isoformat(),
        }
        raw = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(raw).hexdigest()


def utcnow() -> datetime:
    return datetime.now(UTC)
