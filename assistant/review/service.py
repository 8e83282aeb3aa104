"""Review links as a service: the marketer creates, lists and revokes them; a client opens
one and decides per post. Every client read and write is limited to the link's kit and days,
checked again inside the write transaction."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from assistant.config import Settings, get_settings
from assistant.errors import AssistantError, InputError, ReviewLinkError
from assistant.queue.models import HistoryEntry, QueueItem, check_transition, utcnow
from assistant.queue.service import QueueService
from assistant.review import tokens
from assistant.review.gate import (
    CHANGES_REQUESTED,
    CLIENT_APPROVED,
    CLIENT_SUFFIX,
    client_approved,
    content_mark,
    decision_note,
)
from assistant.review.keys import signing_key
from assistant.review.links import LinkStore, ReviewLink

VISIBLE = ("draft", "approved", "posted")  # what a client sees; draft/approved can be decided
DECIDABLE = ("draft", "approved")
MAX_DAYS = 92
MAX_EXPIRY_DAYS = 365
NAME_MAX = 40  # the history's actor column is 60 wide, " (client)" included
GONE = "this post is not part of this review link"
CHANGED = "this post was changed since you opened the page; reload the page and look again"


@dataclass(frozen=True)
class ReviewScope:
    link: ReviewLink
    start: datetime  # inclusive, in the app's zone
    end: datetime  # exclusive

    def contains(self, item: QueueItem) -> bool:
        return (item.kit_id == self.link.kit_id and self.start <= item.scheduled_at < self.end
                and item.status in VISIBLE)


@dataclass
class DecisionResult:
    done: list[QueueItem] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


def client_actor(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InputError("type your name first, so that the team knows who decided")
    if len(clean) > NAME_MAX:
        raise InputError(f"the name is longer than {NAME_MAX} characters; shorten it")
    return clean + CLIENT_SUFFIX


class ReviewService:
    def __init__(self, queue: QueueService, settings: Settings | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.queue = queue
        self.settings = settings or get_settings()
        self.clock = clock
        self.store = LinkStore(self.settings.ensure_data_dir())

    # -- the marketer ----------------------------------------------------------------
    def create(self, kit_id: str, first_day: date, last_day: date,
               expires_days: int = 14) -> ReviewLink:
        from assistant.brand.kit import load_kit

        load_kit(kit_id, self.settings.kits_dir)  # an unknown kit names the known ones
        if last_day < first_day:
            raise InputError("the last day is before the first day; swap --from and --to")
        if (last_day - first_day).days >= MAX_DAYS:
            raise InputError(f"a review link covers at most {MAX_DAYS} days; make two links")
        if not 1 <= expires_days <= MAX_EXPIRY_DAYS:
            raise InputError(f"--expires-days must be 1 to {MAX_EXPIRY_DAYS}")
        now = self.clock()
        link = ReviewLink(id=secrets.token_hex(6), kit_id=kit_id, first_day=first_day,
                          last_day=last_day, created_at=now,
                          expires_at=now + timedelta(days=expires_days))
        self.store.add(link)
        return link

    def url(self, link: ReviewLink) -> str:
        claims = tokens.ReviewClaims(link.id, link.kit_id, link.first_day, link.last_day,
                                     link.expires_at)
        token = tokens.encode(claims, signing_key(self.settings))
        return f"{self.settings.public_url.rstrip('/')}/?review={token}"

    def links(self) -> list[ReviewLink]:
        return sorted(self.store.all(), key=lambda link: link.created_at, reverse=True)

    def revoke(self, link_id: str) -> ReviewLink:
        link = self.store.get(link_id.strip())
        if link is None:
            raise InputError(f"no review link {link_id!r}; see `postwerk review list`")
        if link.revoked_at is None:
            link = link.model_copy(update={"revoked_at": self.clock()})
            self.store.replace(link)
        return link

    # -- the client --------------------------------------------------------------------
    def open(self, token: str) -> ReviewScope:
        """The scope of a genuine, active link; ReviewLinkError (one line) otherwise."""
        claims = tokens.decode(token, signing_key(self.settings), self.clock())
        link = self.store.get(claims.link_id)
        if link is None or (link.kit_id, link.first_day, link.last_day) != (
                claims.kit_id, claims.first_day, claims.last_day):
            raise ReviewLinkError(tokens.TAMPERED)
        if link.revoked_at is not None:
            raise ReviewLinkError("this review link was withdrawn; ask for a new link")
        zone = self.settings.zone
        return ReviewScope(link, datetime.combine(link.first_day, time(0), tzinfo=zone),
                           datetime.combine(link.last_day + timedelta(days=1), time(0),
                                            tzinfo=zone))

    def items(self, token: str) -> list[QueueItem]:
        """The link's posts with their history (the client's earlier decisions)."""
        scope = self.open(token)
        return with_history(self.queue, self.queue.list(
            kit_id=scope.link.kit_id, status=VISIBLE, start=scope.start, end=scope.end))

    def decide(self, token: str, item_id: int, name: str, decision: str,
               comment: str = "", seen: str | None = None) -> QueueItem:
        """Record "approve" or "changes" for one post of the link; changes -> draft.

        ``seen`` is the content mark of the version the client was shown: if the post was
        edited since, nothing is recorded (a client approves only what they read)."""
        if decision not in ("approve", "changes"):
            raise InputError("decide with 'approve' or 'changes'")
        if decision == "changes" and not comment.strip():
            raise InputError("say what should change in the comment, then send it")
        actor, scope = client_actor(name), self.open(token)

        def change(item: QueueItem) -> tuple[QueueItem, HistoryEntry | None]:
            if not scope.contains(item) or item.status not in DECIDABLE:
                raise ReviewLinkError(GONE)
            if seen is not None and seen != content_mark(item):
                raise ReviewLinkError(CHANGED)
            new = item
            if decision == "changes" and item.status == "approved":
                check_transition(item.status, "draft")
                new = item.model_copy(update={"status": "draft", "reviewed": False,
                                              "updated_at": self.clock()})
            action = CLIENT_APPROVED if decision == "approve" else CHANGES_REQUESTED
            return new, HistoryEntry(at=self.clock(), actor=actor, action=action,
                                     old_status=item.status, new_status=new.status,
                                     note=decision_note(item, comment))

        updated = self.queue.storage.update(item_id, change)
        if updated is None:
            raise ReviewLinkError(GONE)
        return updated

    def approve_all(self, token: str, name: str, comment: str = "",
                    seen: dict[int, str] | None = None) -> DecisionResult:
        """Approve every open post of the link; with ``seen`` (id -> content mark) only
        those, each in the version the client was shown."""
        result = DecisionResult()
        client_actor(name)  # a missing name is one error, not one per post
        for item in self.items(token):
            if item.status not in DECIDABLE or item.id is None or client_approved(item):
                continue
            if seen is not None and item.id not in seen:
                continue  # arrived after the page was drawn: not looked at
            mark = seen.get(item.id) if seen is not None else None
            try:
                result.done.append(self.decide(token, item.id, name, "approve", comment, mark))
            except AssistantError as exc:
                result.refused[item.id] = str(exc)
        return result


def with_history(queue: QueueService, items: list[QueueItem]) -> list[QueueItem]:
    """Listed items (the list leaves the history out) with their history, for the ones a
    client can still decide on: what the cards need to show the client's latest word."""
    wanted = [i.id for i in items if i.id is not None and i.status in DECIDABLE]
    found = queue.storage.histories(wanted) if wanted else {}
    return [item.model_copy(update={"history": found[item.id]})
            if item.id in found else item for item in items]


def open_review(settings: Settings | None = None) -> ReviewService:
    from assistant.queue import open_queue

    settings = settings or get_settings()
    return ReviewService(open_queue(settings), settings)
