"""Tables of direct publishing, in the queue database: connected channels and one publish
attempt per queue item (the worker's claim, its stable attempt id, retries and lease)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from assistant.queue.orm import Base, UTCDateTime


class ChannelRow(Base):
    """One connected account of one kit on one network; ``credentials`` is sealed (Fernet)."""

    __tablename__ = "publish_channels"
    __table_args__ = (UniqueConstraint("kit_id", "network", name="uq_publish_channels_kit_net"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kit_id: Mapped[str] = mapped_column(String(100), nullable=False)
    network: Mapped[str] = mapped_column(String(40), nullable=False)
    account: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    credentials: Mapped[str] = mapped_column(Text, nullable=False)
    health: Mapped[str] = mapped_column(String(20), nullable=False, default="ok")
    health_message: Mapped[str] = mapped_column(Text, nullable=False, default="")
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class AttemptRow(Base):
    """The worker's record of publishing one item. ``attempt_id`` is written before the
    network is called and never changes, so a retry after a crash asks the network for a post
    carrying it instead of posting again. ``lease_until`` makes a claim expire when its
    worker died; ``next_at`` holds back a retry (rate limit, backoff)."""

    __tablename__ = "publish_attempts"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("queue_items.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    attempt_id: Mapped[str] = mapped_column(String(64), nullable=False)
    channel_id: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), nullable=False)
    tries: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    late: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
