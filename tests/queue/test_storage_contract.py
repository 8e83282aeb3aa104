"""The storage contract, run against every backend (SQLite file and a real PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, inspect, text

from assistant.errors import ConfigError, QueueError
from assistant.models import Problem, Severity, TokenUsage
from assistant.queue.models import HistoryEntry, QueueItem, utcnow
from assistant.queue.storage import ListFilter, QueueStorage, normalise_url, reset_caches
from tests.queue.conftest import BERLIN

ROOT = Path(__file__).resolve().parents[2]
MakeItem = Callable[..., QueueItem]


def _entry(action: str = "created") -> HistoryEntry:
    return HistoryEntry(at=utcnow(), actor="test", action=action)


def _stamped(item: QueueItem) -> QueueItem:
    now = utcnow()
    return item.model_copy(update={"created_at": now, "updated_at": now})


def test_open_migrates_to_head_and_reopening_is_idempotent(queue_url: str) -> None:
    QueueStorage(queue_url)
    reset_caches()  # forget that this process migrated: the second open must be a no-op
    QueueStorage(queue_url)
    engine = create_engine(normalise_url(queue_url))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        tables = set(inspect(conn).get_table_names())
        uniques = {u["name"] for u in inspect(conn).get_unique_constraints("queue_items")}
    engine.dispose()
    assert {"queue_items", "queue_history", "publish_channels", "publish_attempts"} <= tables
    assert "uq_queue_items_kit_slot" in uniques


def test_round_trip_keeps_every_field(queue_url: str, make_item: MakeItem) -> None:
    storage = QueueStorage(queue_url)
    item = _stamped(make_item(
        "Grüße aus Hamburg ☕ – neue Röstung", first_comment="Mehr im Profil",
        alt_text="Eine Tasse", link="https://example.com/kaffee", media=["/tmp/a.jpg"],
        language="de", sponsored=True, slot_key="2030-03-04|instagram|0", reviewed=False,
        problems=[Problem(code="meh", severity=Severity.WARNING, message="m", source="brand")],
        brief="Neue Röstung", usage=TokenUsage(prompt_tokens=120, completion_tokens=40, calls=1),
    ))
    stored, created = storage.insert(item, _entry())
    assert created and stored.id is not None
    again = storage.get(stored.id)
    assert again is not None
    for field in ("uid", "kit_id", "platform", "text", "hashtags", "first_comment", "alt_text",
                  "link", "media", "language", "sponsored", "slot_key", "problems", "brief",
                  "usage", "timezone", "status"):
        assert getattr(again, field) == getattr(item, field), field
    assert again.scheduled_at == item.scheduled_at
    assert again.scheduled_at.tzinfo == BERLIN and again.local_time.hour == 9
    assert [h.action for h in again.history] == ["created"]


def test_times_stored_in_utc_keep_local_time_across_dst(queue_url: str,
                                                         make_item: MakeItem) -> None:
    storage = QueueStorage(queue_url)
    winter = make_item(scheduled_at=datetime(2030, 3, 30, 9, 0, tzinfo=BERLIN))
    summer = make_item(scheduled_at=datetime(2030, 3, 31, 9, 0, tzinfo=BERLIN))  # after DST
    ids = [storage.insert(_stamped(i), _entry())[0].id for i in (winter, summer)]
    loaded = [storage.get(i) for i in ids if i is not None]
    assert [i.local_time.hour for i in loaded if i] == [9, 9]
    assert [i.scheduled_at.utcoffset() for i in loaded if i] == [timedelta(hours=1),
                                                                 timedelta(hours=2)]
    # the range filter works on the instant, not on the wall clock
    start = datetime(2030, 3, 31, 0, 0, tzinfo=BERLIN)
    assert [i.id for i in storage.list(ListFilter(start=start))] == [ids[1]]


def test_slot_is_unique_per_kit(queue_url: str, make_item: MakeItem) -> None:
    storage = QueueStorage(queue_url)
    first, created = storage.insert(_stamped(make_item(slot_key="s1")), _entry())
    second, created_again = storage.insert(_stamped(make_item("other", slot_key="s1")), _entry())
    assert created and not created_again
    assert second.id == first.id and second.text == first.text
    other_kit, created_other = storage.insert(
        _stamped(make_item(kit_id="tee", slot_key="s1")), _entry())
    assert created_other and other_kit.id != first.id
    # items without a slot are never merged
    storage.insert(_stamped(make_item()), _entry())
    storage.insert(_stamped(make_item()), _entry())
    assert storage.count() == 4


def test_list_filters_and_order(queue_url: str, make_item: MakeItem) -> None:
    storage = QueueStorage(queue_url)
    base = datetime(2030, 5, 1, 9, 0, tzinfo=BERLIN)
    specs = [("kaffee", "x", "draft", 2), ("kaffee", "instagram", "approved", 0),
             ("tee", "x", "posted", 1), ("kaffee", "linkedin", "failed", 3)]
    for kit, platform, status, day in specs:
        item = make_item(kit_id=kit, platform=platform, status=status,
                         scheduled_at=base + timedelta(days=day))
        storage.insert(_stamped(item), _entry())
    assert [i.platform for i in storage.list()] == ["instagram", "x", "x", "linkedin"]
    assert len(storage.list(ListFilter(kit_id="kaffee"))) == 3
    assert [i.status for i in storage.list(ListFilter(statuses=("draft", "failed")))] == [
        "draft", "failed"]
    assert [i.kit_id for i in storage.list(ListFilter(platforms=("x",)))] == ["tee", "kaffee"]
    window = ListFilter(start=base + timedelta(days=1), end=base + timedelta(days=3))
    assert [i.status for i in storage.list(window)] == ["posted", "draft"]
    assert len(storage.list(ListFilter(limit=2))) == 2


def test_update_is_read_modify_write_with_history(queue_url: str, make_item: MakeItem) -> None:
    storage = QueueStorage(queue_url)
    stored, _ = storage.insert(_stamped(make_item()), _entry())
    assert stored.id is not None

    def change(item: QueueItem) -> tuple[QueueItem, HistoryEntry]:
        return item.model_copy(update={"text": item.text + "!"}), _entry("edited")

    storage.update(stored.id, change)
    after = storage.update(stored.id, change)
    assert after is not None and after.text.endswith("!!")
    assert [h.action for h in after.history] == ["created", "edited", "edited"]
    assert storage.update(999_999, change) is None


def test_aborted_update_writes_nothing(queue_url: str, make_item: MakeItem) -> None:
    storage = QueueStorage(queue_url)
    stored, _ = storage.insert(_stamped(make_item()), _entry())
    assert stored.id is not None

    def boom(item: QueueItem) -> tuple[QueueItem, HistoryEntry]:
        raise RuntimeError("refused")

    with pytest.raises(RuntimeError):
        storage.update(stored.id, boom)
    assert storage.history(stored.id) == stored.history


def test_insert_many_is_all_or_nothing(queue_url: str, make_item: MakeItem) -> None:
    storage = QueueStorage(queue_url)
    good = _stamped(make_item())
    # the second row breaks a NOT NULL constraint in the database itself
    broken = _stamped(make_item()).model_copy(update={"platform": None})
    with pytest.raises(QueueError, match="nothing was imported"):
        storage.insert_many([(good, _entry()), (broken, _entry())])
    assert storage.count() == 0
    stored = storage.insert_many([(good, _entry()), (_stamped(make_item()), _entry())])
    assert len(stored) == 2 and storage.count() == 2
    # importing the same uids again keeps what is there
    assert [i.id for i in storage.insert_many([(good, _entry())])] == [stored[0].id]
    assert storage.count() == 2


def test_bad_urls_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a database URL"):
        QueueStorage("no-url-at-all")
    with pytest.raises(ConfigError, match="supports sqlite and postgresql"):
        QueueStorage("mysql://u@127.0.0.1/db")
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.postgres
def test_unreachable_postgres_is_one_clear_error() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ConfigError, match="database server is running"):
        QueueStorage(f"postgresql://postgres@127.0.0.1:{port}/nothing")


WRITER = r"""
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
from assistant.models import Draft
from assistant.queue.service import QueueService
from assistant.queue.storage import QueueStorage

url, who, slots, own = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
time.sleep(max(0.0, float(sys.argv[5]) - time.time()))  # all writers start together
queue = QueueService(QueueStorage(url), lambda item: [])
start = datetime(2030, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
ids = []
for n in range(slots):
    draft = Draft(kit_id="kaffee", platform="x", text=f"slot {n} by {who}")
    ids.append(queue.add_draft(draft, start + timedelta(hours=n), slot_key=f"slot-{n}").id)
for n in range(own):
    draft = Draft(kit_id="kaffee", platform="bluesky", text=f"own {n} by {who}")
    queue.add_draft(draft, start + timedelta(days=1, minutes=n))
print(",".join(map(str, ids)))
"""


def _writers(url: str, who: str, *, slots: int, own: int) -> list[subprocess.Popen[str]]:
    start = time.time() + 4  # past every writer's import time, so that they really overlap
    return [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, f"{who}{n}", str(slots), str(own), str(start)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(4)
    ]


def test_two_processes_writing_at_once(queue_url: str) -> None:
    """Four writers race for the same 15 slots and add 10 own items each: nothing lost,
    every slot exactly once, and every writer sees the same item for a slot."""
    procs = _writers(queue_url, "w", slots=15, own=10)
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outputs.append(out.strip())
    assert len(set(outputs)) == 1  # the same ids for the same slots in every process
    storage = QueueStorage(queue_url)
    items = storage.list()
    slotted = [i for i in items if i.slot_key]
    assert len(slotted) == 15 and len({i.slot_key for i in slotted}) == 15
    assert len([i for i in items if not i.slot_key]) == 40
    assert all(len(storage.history(i.id)) == 1 for i in items if i.id is not None)


def test_fresh_database_opened_by_many_processes_at_once(queue_url: str) -> None:
    """The migration itself is raced: four processes open an empty database together."""
    procs = _writers(queue_url, "m", slots=3, own=1)
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert QueueStorage(queue_url).count() == 3 + 4


def test_zone_of_a_fixed_offset_time_defaults(make_item: MakeItem) -> None:
    item = make_item(scheduled_at=datetime(2030, 1, 1, 8, 0, tzinfo=ZoneInfo("UTC")))
    assert item.timezone == "UTC" and item.local_time.hour == 8


KILLED_WRITER = r"""
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
from assistant.models import Draft
from assistant.queue.service import QueueService
from assistant.queue.storage import QueueStorage

queue = QueueService(QueueStorage(sys.argv[1]), lambda item: [])
start = datetime(2030, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
for n in range(200):
    if queue.get_by_slot("kaffee", f"slot-{n}") is not None:
        continue  # a second run fills only the empty slots
    draft = Draft(kit_id="kaffee", platform="x", text=f"slot {n}")
    queue.add_draft(draft, start + timedelta(hours=n), slot_key=f"slot-{n}")
    print(n, flush=True)
"""


def test_kill_9_mid_write_loses_nothing_committed(queue_url: str) -> None:
    """kill -9 while writing: what was committed stays, the database opens, a rerun fills
    only the missing slots."""
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, queue_url], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    done = [proc.stdout.readline() for _ in range(30)]
    proc.kill()  # SIGKILL: no cleanup, no rollback handler, no atexit
    proc.wait(timeout=30)
    assert proc.returncode == -9 and all(line.strip() for line in done)
    reset_caches()
    storage = QueueStorage(queue_url)
    if queue_url.startswith("sqlite"):
        engine = create_engine(queue_url)
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        engine.dispose()
    survived = storage.count()
    assert 30 <= survived < 200  # every reported write is there (one more may have landed)
    rerun = subprocess.run([sys.executable, "-c", KILLED_WRITER, queue_url], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert len(rerun.stdout.split()) == 200 - survived
    items = storage.list()
    assert len(items) == 200 and len({i.slot_key for i in items}) == 200


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "postwerk.db"
    bogus.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(ConfigError, match="cannot open the queue database .*not a database"):
        QueueStorage(f"sqlite:///{bogus}")


def test_messages_never_show_the_password() -> None:
    with pytest.raises(ConfigError) as caught:
        QueueStorage("postgresql//user:hunter2@host/db")
    assert "hunter2" not in str(caught.value) and "user:***@" in str(caught.value)


def test_migrations_match_the_models(queue_url: str) -> None:
    """Alembic's autogenerate finds nothing to do: models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from assistant.queue.storage import Base

    QueueStorage(queue_url)
    engine = create_engine(normalise_url(queue_url))
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_threads_share_one_service(queue_url: str) -> None:
    """The planner calls add_draft from worker threads (asyncio.to_thread) on one service."""
    from concurrent.futures import ThreadPoolExecutor

    from assistant.models import Draft
    from assistant.queue.service import QueueService

    queue = QueueService(QueueStorage(queue_url), lambda item: [])
    start = datetime(2030, 6, 1, 9, 0, tzinfo=BERLIN)

    def add(n: int) -> int:
        draft = Draft(kit_id="kaffee", platform="x", text=f"slot {n % 12}")
        item = queue.add_draft(draft, start + timedelta(hours=n % 12), slot_key=f"s{n % 12}")
        return item.id or 0

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(add, range(48)))
    assert len(set(ids)) == 12 and len(queue.list()) == 12
