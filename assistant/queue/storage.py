"""Queue storage on SQLAlchemy 2 (the only module of the app that imports SQLAlchemy).

SQLite by default (WAL, busy_timeout, write transactions ``BEGIN IMMEDIATE`` so that two
processes queue up instead of failing with "database is locked"), PostgreSQL (psycopg 3) by URL.
The schema is created and upgraded by Alembic on open, under a lock, so that two processes
opening a fresh database at once do not race. Rows cross this boundary only as pydantic
``QueueItem`` / ``HistoryEntry``; business rules live in the service.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    JSON,
    Boolean,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
    text,
)
from sqlalchemy.exc import (
    DBAPIError,
    IntegrityError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.errors import ConfigError, QueueError
from assistant.queue import publish_rows  # noqa: F401  (its tables join Base.metadata)
from assistant.queue.engines import create_queue_engine
from assistant.queue.models import HistoryEntry, QueueItem
from assistant.queue.orm import Base, UTCDateTime
from assistant.redact import mask_text

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# any constant: the PostgreSQL advisory lock that serialises migrations
_PG_MIGRATION_LOCK = 0x706F7374


# aliases: inside the classes `list` is the method's name
Items = list[QueueItem]
Entries = list[HistoryEntry]
# what a write records: one entry, several (an edit and its edit pair) or none
Written = HistoryEntry | Sequence[HistoryEntry] | None

class ItemRow(Base):
    __tablename__ = "queue_items"
    __table_args__ = (
        UniqueConstraint("uid", name="uq_queue_items_uid"),
        UniqueConstraint("kit_id", "slot_key", name="uq_queue_items_kit_slot"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(64), nullable=False)
    kit_id: Mapped[str] = mapped_column(String(100), index=True, nullable=False)
    platform: Mapped[str] = mapped_column(String(40), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    hashtags: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    first_comment: Mapped[str | None] = mapped_column(Text)
    alt_text: Mapped[str | None] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text)
    media: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    language: Mapped[str | None] = mapped_column(String(16))
    sponsored: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True, nullable=False)
    timezone: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(16), index=True, nullable=False)
    problems: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    brief: Mapped[str] = mapped_column(Text, nullable=False, default="")
    usage: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    slot_key: Mapped[str | None] = mapped_column(String(200))
    reviewed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    posted_url: Mapped[str | None] = mapped_column(Text)
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class HistoryRow(Base):
    __tablename__ = "queue_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("queue_items.id", ondelete="CASCADE"), index=True, nullable=False
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    actor: Mapped[str] = mapped_column(String(60), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    old_status: Mapped[str | None] = mapped_column(String(16))
    new_status: Mapped[str | None] = mapped_column(String(16))
    old_text: Mapped[str | None] = mapped_column(Text)
    new_text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


_ITEM_COLUMNS = tuple(c.key for c in ItemRow.__table__.columns if c.key != "id")


def _to_row_values(item: QueueItem) -> dict[str, Any]:
    data = item.model_dump(mode="json", exclude={"id", "history"})
    # keep datetimes as objects (the column type converts them), JSON columns as plain data
    for key in ("scheduled_at", "created_at", "updated_at", "posted_at"):
        data[key] = getattr(item, key)
    data["error"] = mask_text(data["error"])  # an endpoint's key never lands in the database
    return {k: data[k] for k in _ITEM_COLUMNS}


def _to_item(row: ItemRow, history: Sequence[HistoryRow] = ()) -> QueueItem:
    values = {k: getattr(row, k) for k in _ITEM_COLUMNS}
    values["history"] = [_to_entry(h) for h in history]
    # stored as UTC; shown in the item's own zone
    values["scheduled_at"] = row.scheduled_at.astimezone(ZoneInfo(row.timezone))
    return QueueItem(id=row.id, **values)


def _to_entry(row: HistoryRow) -> HistoryEntry:
    return HistoryEntry(
        at=row.at, actor=row.actor, action=row.action, old_status=row.old_status,
        new_status=row.new_status, old_text=row.old_text, new_text=row.new_text, note=row.note,
    )


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use psycopg 3 for them."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


@dataclass(frozen=True)
class ListFilter:
    kit_id: str | None = None
    statuses: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    start: datetime | None = None  # scheduled_at >= start
    end: datetime | None = None  # scheduled_at < end
    limit: int | None = None


class QueueStorage:
    """Rows in, rows out, each call one transaction. Thread-safe, process-safe."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = _engine(self.url)
        self.dialect = self.engine.dialect.name
        _migrate_once(self.engine, self.url)

    # -- transactions ---------------------------------------------------------
    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        try:
            with self.engine.connect() as conn:
                if write:
                    conn.execution_options(postwerk_write=True)
                with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                    yield session
        except IntegrityError:
            raise
        except OperationalError as exc:
            raise QueueError(
                f"the queue database is not reachable or locked ({_reason(exc)}); "
                "check POSTWERK_DATABASE_URL and try again"
            ) from exc

    def transaction(self, write: bool = False) -> Any:
        """A session in one transaction for the other tables of this database (publishing)."""
        return self._session(write)

    # -- reads -----------------------------------------------------------------
    def get(self, item_id: int, *, with_history: bool = True) -> QueueItem | None:
        with self._session() as s:
            row = s.get(ItemRow, item_id)
            return None if row is None else self._load(s, row, with_history)

    def get_by_slot(self, kit_id: str, slot_key: str) -> QueueItem | None:
        with self._session() as s:
            row = s.scalar(select(ItemRow).filter_by(kit_id=kit_id, slot_key=slot_key))
            return None if row is None else self._load(s, row, True)

    def get_by_uid(self, uid: str) -> QueueItem | None:
        with self._session() as s:
            row = s.scalar(select(ItemRow).filter_by(uid=uid))
            return None if row is None else self._load(s, row, True)

    def list(self, flt: ListFilter = ListFilter()) -> Items:
        query = select(ItemRow)
        if flt.kit_id:
            query = query.where(ItemRow.kit_id == flt.kit_id)
        if flt.statuses:
            query = query.where(ItemRow.status.in_(flt.statuses))
        if flt.platforms:
            query = query.where(ItemRow.platform.in_(flt.platforms))
        if flt.start is not None:
            query = query.where(ItemRow.scheduled_at >= flt.start)
        if flt.end is not None:
            query = query.where(ItemRow.scheduled_at < flt.end)
        query = query.order_by(ItemRow.scheduled_at, ItemRow.id).limit(flt.limit)
        with self._session() as s:
            return [_to_item(r) for r in s.scalars(query)]

    def history(self, item_id: int) -> Entries:
        with self._session() as s:
            return [_to_entry(h) for h in self._history_rows(s, item_id)]

    def histories(self, item_ids: Sequence[int]) -> dict[int, Entries]:
        """The history of many items in one query (pages that show each card's last word)."""
        out: dict[int, Entries] = {item_id: [] for item_id in item_ids}
        ids = list(out)
        with self._session() as s:
            for start in range(0, len(ids), 900):  # under every backend's parameter limit
                chunk = ids[start:start + 900]
                query = select(HistoryRow).where(HistoryRow.item_id.in_(chunk)).order_by(
                    HistoryRow.id)
                for row in s.scalars(query):
                    out[row.item_id].append(_to_entry(row))
        return out

    def count(self) -> int:
        with self._session() as s:
            return int(s.scalar(select(func.count(ItemRow.id))) or 0)

    # -- writes ----------------------------------------------------------------
    def insert(self, item: QueueItem, entry: Written) -> tuple[QueueItem, bool]:
        """Store a new item; if its (kit, slot) or uid exists, return that one and False."""
        try:
            with self._session(write=True) as s:
                existing = self._find_existing(s, item)
                if existing is not None:
                    return self._load(s, existing, True), False
                row = self._add(s, item, entry)
                return self._load(s, row, True), True
        except IntegrityError as exc:
            # another process inserted the same slot between our check and our insert
            with self._session() as s:
                existing = self._find_existing(s, item)
                if existing is None:
                    raise QueueError(f"the queue refused the item: {_reason(exc)}") from exc
                return self._load(s, existing, True), False

    def insert_many(self, items: Sequence[tuple[QueueItem, HistoryEntry]]) -> Items:
        """Store all or nothing; items whose uid or slot already exist are returned as stored."""
        try:
            with self._session(write=True) as s:
                out = []
                for item, entry in items:
                    existing = self._find_existing(s, item)
                    row = existing if existing is not None else self._add(s, item, entry)
                    out.append(row)
                return [_to_item(r) for r in out]
        except IntegrityError as exc:
            raise QueueError(f"nothing was imported: {_reason(exc)}") from exc

    def update(
        self, item_id: int, change: Callable[[QueueItem], tuple[QueueItem, Written]]
    ) -> QueueItem | None:
        """Read, change and write one item in one locked transaction (no lost updates).

        ``change`` gets the current item and returns the new one plus the history entry to
        write; it may raise to abort (nothing is written). None if there is no such item.
        """
        with self._session(write=True) as s:
            row = s.get(ItemRow, item_id, with_for_update=self.dialect == "postgresql")
            if row is None:
                return None
            new, entry = change(self._load(s, row, True))
            for key, value in _to_row_values(new).items():
                if key not in ("uid", "created_at"):
                    setattr(row, key, value)
            for one in _entries(entry):
                s.add(_history_row(row.id, one))
            s.flush()
            return self._load(s, row, True)

    def add_history(self, item_id: int, entry: HistoryEntry) -> None:
        with self._session(write=True) as s:
            s.add(_history_row(item_id, entry))

    def dispose(self) -> None:
        self.engine.dispose()

    # -- helpers ---------------------------------------------------------------
    def _find_existing(self, s: Session, item: QueueItem) -> ItemRow | None:
        row = s.scalar(select(ItemRow).filter_by(uid=item.uid))
        if row is None and item.slot_key is not None:
            row = s.scalar(select(ItemRow).filter_by(kit_id=item.kit_id, slot_key=item.slot_key))
        return row

    def _add(self, s: Session, item: QueueItem, entry: Written) -> ItemRow:
        row = ItemRow(**_to_row_values(item))
        s.add(row)
        s.flush()  # assigns the id (and raises IntegrityError on a duplicate slot)
        for one in _entries(entry):
            s.add(_history_row(row.id, one))
        s.flush()
        return row

    def _history_rows(self, s: Session, item_id: int) -> Sequence[HistoryRow]:
        query = select(HistoryRow).filter_by(item_id=item_id).order_by(HistoryRow.id)
        return s.scalars(query).all()

    def _load(self, s: Session, row: ItemRow, with_history: bool) -> QueueItem:
        return _to_item(row, self._history_rows(s, row.id) if with_history else ())


def _entries(entry: Written) -> Sequence[HistoryEntry]:
    if entry is None:
        return ()
    return (entry,) if isinstance(entry, HistoryEntry) else entry


def _history_row(item_id: int, entry: HistoryEntry) -> HistoryRow:
    values = entry.model_dump()
    values["note"] = mask_text(values["note"])
    return HistoryRow(item_id=item_id, **values)


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return (mask_text(" ".join(str(orig if orig is not None else exc).split())) or "")[:200]


# -- engines and migrations ----------------------------------------------------------
_ENGINES: dict[str, Engine] = {}
_MIGRATED: set[str] = set()
_LOCK = threading.Lock()


def _engine(url: str) -> Engine:
    with _LOCK:
        if url not in _ENGINES:
            _ENGINES[url] = create_queue_engine(url)
        return _ENGINES[url]


def _migrate_once(engine: Engine, url: str) -> None:
    with _LOCK:
        if url in _MIGRATED:
            return
        try:
            upgrade(engine)
        except DBAPIError as exc:
            raise ConfigError(
                f"cannot open the queue database ({_reason(exc)}); check POSTWERK_DATABASE_URL "
                "and that the database server is running"
            ) from exc
        _MIGRATED.add(url)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations inside one locked transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        conn.execution_options(postwerk_write=True)
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)


def reset_caches() -> None:
    """Forget engines (tests that drop databases or fork)."""
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()
        _MIGRATED.clear()
