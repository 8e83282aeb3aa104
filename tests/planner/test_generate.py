"""Generate week against the fake server with the real queue (SQLite) and store."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from assistant.brand.kit import load_kit
from assistant.config import get_settings
from assistant.planner import plan_week
from assistant.planner_run import generate_week
from assistant.queue import open_queue
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, requested_platforms
from tests.fakes.llm_server import FakeLLMServer, Reply

START = date(2030, 12, 2)  # a Monday, far enough ahead never to be "in the past"


@pytest.fixture()
def kit():  # type: ignore[no-untyped-def]
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


def test_week_fills_every_slot_once(fake_llm: FakeLLMServer, kit) -> None:  # type: ignore[no-untyped-def]
    fake_llm.responder = DraftScript()
    plan = plan_week(kit, START)
    states: list[tuple[str, str]] = []
    report = generate_week(kit, plan, progress=lambda s, st, i: states.append((s.key, st)))
    assert len(report.created) == len(plan.slots) and not report.failed
    assert {i.slot_key for i in report.created} == {s.key for s in plan.slots}
    assert all(i.status == "draft" and i.text for i in report.created)
    assert {st for _, st in states} == {"queued", "drafting", "done"}
    calls = len(fake_llm.chat_requests)
    again = generate_week(kit, plan)
    assert not again.created and len(again.skipped) == len(plan.slots)
    assert len(fake_llm.chat_requests) == calls  # nothing drafted twice
    assert len(open_queue().list(kit_id=kit.id)) == len(plan.slots)


def test_llm_failing_half_way_keeps_finished_slots(
    fake_llm: FakeLLMServer, kit, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POSTWERK_LLM_MAX_RETRIES", "0")
    get_settings.cache_clear()
    good = DraftScript()

    def flaky(body):  # type: ignore[no-untyped-def]
        if "facebook" in requested_platforms(body):
            return Reply.error(500, "model crashed")
        return good(body)

    fake_llm.responder = flaky
    plan = plan_week(kit, START)
    report = generate_week(kit, plan)
    fb = [s for s in plan.slots if s.platform == "facebook"]
    assert len(report.failed) == len(fb) and all(
        "server error" in (i.error or "") for i in report.failed
    )
    assert len(report.created) == len(plan.slots) - len(fb)
    fake_llm.responder = good  # the model is back: a retry fills only the failed slots
    before = len(fake_llm.chat_requests)
    retry = generate_week(kit, plan)
    assert len(retry.created) == len(fb) and not retry.failed
    # only the failed slots are asked for (each may be asked to repair what the checks found)
    asked = [requested_platforms(body) for body in fake_llm.chat_requests[before:]]
    assert len(asked) >= len(fb) and all(platforms == ["facebook"] for platforms in asked)
    assert len(open_queue().list(kit_id=kit.id)) == len(plan.slots)


def _rows(db: Path) -> list[tuple[str, str]]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("select slot_key, uid from queue_items").fetchall()
        except sqlite3.OperationalError:
            return []


def test_kill_9_during_generate_week_loses_nothing(fake_llm: FakeLLMServer, tmp_path: Path) -> None:
    fake_llm.responder = DraftScript(latency=0.4)
    data = tmp_path / "killdata"
    env = dict(os.environ, POSTWERK_DATA_DIR=str(data), POSTWERK_LLM_CONCURRENCY="1")
    env.pop("POSTWERK_DATABASE_URL", None)  # the queue lives in the data dir, as for a user
    cmd = [
        sys.executable,
        "-m",
        "assistant",
        "week",
        "--brand",
        "kaffeekontor-hamburg",
        "--start",
        START.isoformat(),
        "--json",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db = data / "postwerk.db"
    deadline = time.monotonic() + 120
    while len(_rows(db)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = dict(_rows(db))
    assert 3 <= len(done_before) < 11, "the kill must land half-way"
    rerun = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode in (0, 1), rerun.stderr
    out = json.loads(rerun.stdout)
    rows = _rows(db)
    keys = [k for k, _ in rows]
    assert len(keys) == len(set(keys)) == 11  # every slot once, no duplicates
    assert all(dict(rows)[k] == uid for k, uid in done_before.items())  # nothing finished lost
    assert len(out["kept"]) == len(done_before)
