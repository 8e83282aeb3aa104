"""Storage of connected channels and publish attempts, on the queue's database.

Each method is one transaction. ``claim`` is the race-free step: on SQLite the write
transaction is ``BEGIN IMMEDIATE`` (one writer at a time), on PostgreSQL the attempt row is
locked ``FOR UPDATE`` and a second insert of the same item fails on its primary key; either
way two workers never both hold a live claim on one item.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from assistant.errors import InputError
from assistant.publish.models import Attempt, ConnectedChannel
from assistant.queue.publish_rows import AttemptRow, ChannelRow
from assistant.queue.storage import QueueStorage


def _channel(row: ChannelRow) -> ConnectedChannel:
    return ConnectedChannel(id=row.id, kit_id=row.kit_id, network=row.network,
                            account=row.account, health=row.health,
                            health_message=row.health_message, expires_at=row.expires_at,
                            checked_at=row.checked_at)


def _attempt(row: AttemptRow, resumed: bool) -> Attempt:
    return Attempt(item_id=row.item_id, attempt_id=row.attempt_id, state=row.state,
                   tries=row.tries, late=row.late, resumed=resumed, next_at=row.next_at,
                   last_error=row.last_error)


class ChannelStore:
    """Connected channels; credentials go in and out only sealed."""

    def __init__(self, storage: QueueStorage) -> None:
        self.storage = storage

    def connect(self, kit_id: str, network: str, account: str, sealed: str,
                now: datetime, expires_at: datetime | None = None) -> ConnectedChannel:
        """Add the channel, or replace the credentials of the kit's channel on that network
        (a reconnect): its health is reset, the worker may use it again."""
        with self.storage.transaction(write=True) as s:
            row = s.scalar(select(ChannelRow).filter_by(kit_id=kit_id, network=network))
            if row is None:
                row = ChannelRow(kit_id=kit_id, network=network, created_at=now)
                s.add(row)
            row.account, row.credentials, row.expires_at = account, sealed, expires_at
            row.health, row.health_message, row.checked_at, row.updated_at = "ok", "", now, now
            s.flush()
            return _channel(row)

    def list(self, kit_id: str | None = None) -> list[ConnectedChannel]:
        query = select(ChannelRow).order_by(ChannelRow.kit_id, ChannelRow.network)
        if kit_id:
            query = query.where(ChannelRow.kit_id == kit_id)
        with self.storage.transaction() as s:
            return [_channel(r) for r in s.scalars(query)]

    def get(self, channel_id: int) -> ConnectedChannel:
        with self.storage.transaction() as s:
            return _channel(self._row(s, channel_id))

    def find(self, kit_id: str, network: str) -> ConnectedChannel | None:
        with self.storage.transaction() as s:
            row = s.scalar(select(ChannelRow).filter_by(kit_id=kit_id, network=network))
            return None if row is None else _channel(row)

    def sealed(self, channel_id: int) -> str:
        with self.storage.transaction() as s:
            return self._row(s, channel_id).credentials

    def replace_sealed(self, channel_id: int, sealed: str, now: datetime,
                       expires_at: datetime | None = None) -> None:
        """A provider refreshed its session or token: keep the new one (never log it)."""
        with self.storage.transaction(write=True) as s:
            row = self._row(s, channel_id)
            row.credentials, row.updated_at = sealed, now
            if expires_at is not None:
                row.expires_at = expires_at

    def set_health(self, channel_id: int, health: str, message: str, now: datetime,
                   expires_at: datetime | None = None, account: str | None = None) -> None:
        with self.storage.transaction(write=True) as s:
            row = self._row(s, channel_id)
            row.health, row.health_message, row.checked_at = health, message[:500], now
            if expires_at is not None:
                row.expires_at = expires_at
            if account:
                row.account = account

    def remove(self, channel_id: int) -> None:
        with self.storage.transaction(write=True) as s:
            s.delete(self._row(s, channel_id))

    def _row(self, s: object, channel_id: int) -> ChannelRow:
        row = s.get(ChannelRow, channel_id)  # type: ignore[attr-defined]
        if row is None:
            raise InputError(f"no connected channel #{channel_id}; see `postwerk channels list`")
        assert isinstance(row, ChannelRow)
        return row


class AttemptStore:
    """The worker's attempts: claim, start, and the outcomes."""

    def __init__(self, storage: QueueStorage) -> None:
        self.storage = storage
        self.locking = storage.dialect == "postgresql"

    def claim(self, item_id: int, worker: str, now: datetime, lease: timedelta,
              channel_id: int | None = None) -> Attempt | None:
        """Hold ``item_id`` for ``lease``; None when another worker holds it, it waits for a
        retry time, it waits for a person, or it is done."""
        try:
            with self.storage.transaction(write=True) as s:
                row = s.get(AttemptRow, item_id, with_for_update=self.locking)
                if row is None:
                    row = AttemptRow(item_id=item_id, attempt_id=uuid.uuid4().hex, tries=0,
                                     state="claimed", late=False)
                    s.add(row)
                elif not _claimable(row, now):
                    return None
                resumed = row.state in ("in_flight", "failed") or row.tries > 0
                if row.state == "failed":
                    row.tries = 0  # a person sent it again: a fresh round of retries
                row.claimed_by, row.lease_until, row.updated_at = worker, now + lease, now
                row.channel_id = channel_id
                s.flush()
                return _attempt(row, resumed)
        except IntegrityError:
            return None  # another worker inserted the claim first (PostgreSQL)

    def start(self, item_id: int, now: datetime, late: bool) -> None:
        """Written before the network is called: from here on, a crash means "maybe sent"."""
        with self.storage.transaction(write=True) as s:
            row = self._row(s, item_id)
            row.state, row.tries, row.late, row.updated_at = "in_flight", row.tries + 1, late, now

    def done(self, item_id: int, now: datetime) -> None:
        self._set(item_id, now, state="done", lease_until=None, next_at=None, last_error=None)

    def retry_at(self, item_id: int, when: datetime, error: str, now: datetime) -> None:
        """Not sent (known): try again at ``when``."""
        self._set(item_id, now, state="waiting", lease_until=None, next_at=when,
                  last_error=error[:500])

    def fail(self, item_id: int, error: str, now: datetime) -> None:
        """Given up; the item went to "failed". Kept, with its attempt id, so that when a person
        sends it again the network is first asked whether an earlier try got through."""
        self._set(item_id, now, state="failed", lease_until=None, next_at=None,
                  last_error=error[:500])

    def hold(self, item_id: int, error: str, now: datetime) -> None:
        """Waits for a person (late policy "wait", channel needs reconnect)."""
        self._set(item_id, now, state="held", lease_until=None, next_at=None,
                  last_error=error[:500])

    def forget(self, item_id: int) -> None:
        """The item went back to a person: a later approval starts a fresh attempt."""
        with self.storage.transaction(write=True) as s:
            s.execute(delete(AttemptRow).where(AttemptRow.item_id == item_id))

    def get(self, item_id: int) -> Attempt | None:
        with self.storage.transaction() as s:
            row = s.get(AttemptRow, item_id)
            return None if row is None else _attempt(row, row.tries > 0)

    def _set(self, item_id: int, now: datetime, **values: object) -> None:
        with self.storage.transaction(write=True) as s:
            row = self._row(s, item_id)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = now

    def _row(self, s: object, item_id: int) -> AttemptRow:
        row = s.get(AttemptRow, item_id, with_for_update=self.locking)  # type: ignore[attr-defined]
        if row is None:
            raise InputError(f"queue item #{item_id} has no publish attempt")
        assert isinstance(row, AttemptRow)
        return row


def _claimable(row: AttemptRow, now: datetime) -> bool:
    if row.state == "done":
        return False
    if row.lease_until is not None and row.lease_until > now:
        return False  # a live worker holds it (or a dead one whose lease has not run out)
    return row.next_at is None or row.next_at <= now
