"""The publishing worker: every due approved item of every connected channel, once.

Exactly-once in effect, step by step (each step its own committed transaction):
1. claim the item (``AttemptStore.claim``: one worker wins, the claim has a lease);
2. store the attempt's state "in flight" with its stable attempt id BEFORE the call;
3. call the provider, which hands the attempt id to the network's own idempotency;
4. record the URL and move the item to posted.
A worker killed between 2 and 4 leaves an "in flight" attempt; when its lease has run out the
next worker asks the provider for a post carrying the attempt id (``find_existing``) before
publishing again. The error kinds decide what happens next (see ``_on_error``).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.publish import outcomes
from assistant.publish.base import Provider, ProviderError, Published
from assistant.publish.channels import ChannelService
from assistant.publish.models import Attempt, ConnectedChannel
from assistant.publish.policy import (
    RetryPolicy,
    backoff_after,
    held_note,
    late_note,
    lateness,
    rate_limit_wait,
)
from assistant.queue.models import QueueItem
from assistant.queue.publish_store import AttemptStore
from assistant.queue.service import QueueService

if TYPE_CHECKING:
    from assistant.brand.schema import BrandKit

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass
class PassReport:
    """What one pass did, by item id."""

    posted: list[int] = field(default_factory=list)
    late: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)
    rejected: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[int]]:
        return {"posted": self.posted, "late": self.late, "retrying": self.retrying,
                "waiting": self.waiting, "rejected": self.rejected, "failed": self.failed}


@dataclass
class _Job:
    item: QueueItem
    channel: ConnectedChannel
    attempt: Attempt
    provider: Provider
    late: timedelta | None


class Worker:
    def __init__(self, queue: QueueService, channels: ChannelService, attempts: AttemptStore,
                 settings: Settings, *, clock: Clock | None = None,
                 policy: RetryPolicy | None = None, name: str | None = None) -> None:
        self.queue, self.channels, self.attempts = queue, channels, attempts
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(UTC))
        self.policy = policy or RetryPolicy()
        self.name = name or worker_name()

    def run_once(self) -> PassReport:
        """One pass over the due approved items; returns what it did."""
        report = PassReport()
        for item, channel in self.due():
            self._guarded(item, channel, report)
        return report

    def due(self) -> list[tuple[QueueItem, ConnectedChannel]]:
        """The due approved items that have a connected channel, each with its channel
        (a channel on the item's platform, else the kit's webhook)."""
        now = self.clock()
        channels = {(c.kit_id, c.network): c for c in self.channels.list()}
        if not channels:
            return []
        due = self.queue.list(status="approved", end=now + timedelta(microseconds=1))
        out = []
        for item in due:
            channel = channels.get((item.kit_id, item.platform)) or channels.get(
                (item.kit_id, "webhook"))
            if channel is not None:  # else: the manual path (copy, export)
                out.append((item, channel))
        return out

    def run_item(self, item_id: int) -> PassReport:
        """Publish one item if it is (still) due (a job of the team job queue)."""
        report = PassReport()
        for item, channel in self.due():
            if item.id == item_id:
                self._guarded(item, channel, report)
        return report

    def _guarded(self, item: QueueItem, channel: ConnectedChannel, report: PassReport) -> None:
        try:
            self._publish_one(item, channel, report)
        except AssistantError as exc:  # one bad item never stops the pass
            log.warning("publishing #%s: %s", item.id, exc)
        except Exception:  # a bug in a provider: logged; the claim runs out, then a retry
            log.exception("publishing #%s failed unexpectedly", item.id)  # asks find_existing

    def loop(self, stop: threading.Event, interval: float,
             on_pass: Callable[[PassReport], None] | None = None) -> None:
        """Passes until ``stop`` is set (the in-app thread and `postwerk worker`)."""
        while not stop.is_set():
            try:
                report = self.run_once()
                if on_pass is not None:
                    on_pass(report)
            except AssistantError as exc:  # the database is down: say so, try again later
                log.warning("worker pass failed: %s", exc)
            except Exception:  # the in-app thread must outlive a bug: log it, go on
                log.exception("worker pass failed unexpectedly")
            stop.wait(interval)

    # -- one item ----------------------------------------------------------------------
    def _publish_one(self, item: QueueItem, channel: ConnectedChannel,
                     report: PassReport) -> None:
        from assistant.review.release import release_refusal

        now = self.clock()
        if not channel.usable(now) or release_refusal(item, self.settings) is not None:
            report.waiting.append(item.id or 0)
            return
        attempt = self.attempts.claim(item.id or 0, self.name, now, self.policy.lease,
                                      channel.id)
        if attempt is None:
            return  # another worker has it, or it waits for its retry time
        job = self._job(attempt, channel, now, report)
        if job is not None:
            self._run(job, report)

    def _job(self, attempt: Attempt, channel: ConnectedChannel, now: datetime,
             report: PassReport) -> _Job | None:
        item = self.queue.get(attempt.item_id)  # fresh: it may have changed since the list
        if item.status != "approved":
            self.attempts.retry_at(item.id or 0, now, f"not approved ({item.status})", now)
            return None
        delay = lateness(item.scheduled_at, now, self._grace(item))
        if delay is not None and self._late_waits(item) and not attempt.resumed:
            if attempt.state != "held":
                outcomes.note(self.queue, item, "publish_held", held_note(delay))
            self.attempts.hold(item.id or 0, held_note(delay), now)
            report.waiting.append(item.id or 0)
            return None
        return _Job(item, channel, attempt, self.channels.provider(channel), delay)

    def _run(self, job: _Job, report: PassReport) -> None:
        item_id = job.item.id or 0
        kit = self._kit(job.item.kit_id)
        request = outcomes.request_for(job.item, job.attempt.attempt_id,
                                       kit.channel(job.item.platform) if kit else None)
        try:
            published = job.provider.find_existing(request) if job.attempt.resumed else None
            if published is None:
                self.attempts.start(item_id, self.clock(), job.late is not None)
                published = job.provider.publish(request)
        except ProviderError as exc:
            self._on_error(job, exc, report)
            return
        self._on_published(job, published, report)

    def _on_published(self, job: _Job, published: Published, report: PassReport) -> None:
        now = self.clock()
        note = late_note(job.late) if job.late is not None else None
        outcomes.record_posted(self.queue, job.item, published, now, note)
        self.attempts.done(job.item.id or 0, now)
        report.posted.append(job.item.id or 0)
        if note:
            report.late.append(job.item.id or 0)
        log.info("published #%s to %s: %s", job.item.id, job.channel.network, published.url)

    def _on_error(self, job: _Job, exc: ProviderError, report: PassReport) -> None:
        now, item, item_id = self.clock(), job.item, job.item.id or 0
        reason = f"{job.channel.network}: {exc}"
        log.warning("publishing #%s failed (%s): %s", item_id, exc.kind, reason)
        if exc.kind == "auth":
            self.channels.mark(job.channel.id, exc)
            self.attempts.hold(item_id, reason, now)
            outcomes.note(self.queue, item, "publish_waiting",
                          f"waits: the channel needs reconnecting ({reason})", error=reason)
            report.waiting.append(item_id)
        elif exc.kind == "rejected":
            self.attempts.forget(item_id)
            outcomes.send_back(self.queue, item, reason)
            report.rejected.append(item_id)
        else:
            self._retry_later(job, exc, reason, report)

    def _retry_later(self, job: _Job, exc: ProviderError, reason: str,
                     report: PassReport) -> None:
        now, item_id = self.clock(), job.item.id or 0
        tries = (self.attempts.get(item_id) or job.attempt).tries
        if exc.kind == "transient" and tries >= self.policy.max_tries:
            self.attempts.fail(item_id, reason, now)
            self.queue.fail(item_id, f"not published after {tries} tries: {reason}",
                            by=outcomes.ACTOR)
            report.failed.append(item_id)
            return
        wait = (rate_limit_wait(self.policy, exc.retry_after) if exc.kind == "rate_limit"
                else backoff_after(self.policy, tries))
        self.attempts.retry_at(item_id, now + wait, reason, now)
        outcomes.note(self.queue, job.item, "publish_retry",
                      f"retry in {int(wait.total_seconds())} s: {reason}")
        report.retrying.append(item_id)

    def _grace(self, item: QueueItem) -> timedelta:
        kit = self._kit(item.kit_id)
        return timedelta(minutes=kit.late_after_minutes if kit else 60)

    def _late_waits(self, item: QueueItem) -> bool:
        kit = self._kit(item.kit_id)
        return kit is not None and kit.late_posts == "wait"

    def _kit(self, kit_id: str) -> BrandKit | None:
        from assistant.brand.kit import load_kit

        try:
            return load_kit(kit_id, self.settings.kits_dir)
        except AssistantError:
            return None  # no kit: the defaults (send late posts, 60 min grace)
