"""POSTWERK_LLM_BASE_URL=http://user:sk-SECRET@host/v1: the key never shows or is stored
(draft --json's endpoint, model status on stdout and stderr, a failed item's error in the
database and the CSV export)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.cli import main
from assistant.config import get_settings
from assistant.errors import LLMConnectionError
from assistant.llm.client import ChatMessage, Endpoint, LLMClient
from assistant.llm.local import free_port
from assistant.queue import QueueItem, QueueService
from assistant.queue.exports import to_csv
from assistant.queue.storage import QueueStorage
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer

SECRET = "sk-SECRET"


def _with_userinfo(url: str) -> str:
    return url.replace("http://", f"http://user:{SECRET}@", 1)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=120)


def test_draft_json_endpoint_is_masked(fake_llm: FakeLLMServer, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", _with_userinfo(fake_llm.url))
    get_settings.cache_clear()
    fake_llm.responder = DraftScript()
    with pytest.raises(SystemExit):
        main(["draft", "--brand", "kaffeekontor-hamburg", "--brief", "Neue Bohne",
              "--platform", "x", "--json"])
    out, err = capsys.readouterr()
    drafts = json.loads(out)
    assert drafts and all("user:***@" in d["endpoint"] for d in drafts)
    assert SECRET not in out + err


def test_model_status_masks_the_key_on_stdout(fake_llm: FakeLLMServer,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fakes.llm_server import Reply

    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", _with_userinfo(fake_llm.url))
    fake_llm.push(Reply(content="ready"))
    for args in (("model", "status", "--json"), ("model", "status")):
        proc = _run(*args)
        assert proc.returncode == 0, proc.stderr
        assert SECRET not in proc.stdout + proc.stderr and "user:***@" in proc.stdout


def test_model_status_masks_the_key_on_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", f"http://user:{SECRET}@127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("POSTWERK_LLM_MAX_RETRIES", "0")
    proc = _run("model", "status")
    assert proc.returncode == 2 and "cannot reach" in proc.stderr
    assert SECRET not in proc.stdout + proc.stderr and "user:***@" in proc.stderr


def test_failed_item_error_is_masked_in_db_and_csv(tmp_path: Path) -> None:
    client = LLMClient(Endpoint(base_url=f"http://user:{SECRET}@127.0.0.1:{free_port()}/v1",
                                model="m"), timeout=2, max_retries=0)
    with pytest.raises(LLMConnectionError) as caught:
        client.text([ChatMessage(role="user", content="hi")])
    assert SECRET not in str(caught.value)
    db = tmp_path / "q.db"
    queue = QueueService(QueueStorage(f"sqlite:///{db}"))
    item = queue.add(QueueItem(kit_id="k", platform="x", text="Moin",
                               scheduled_at=datetime(2030, 1, 1, 9, tzinfo=ZoneInfo("UTC"))))
    # the raw message, as any caller might pass it: storage masks what it writes
    queue.fail(item.id or 0, f"cannot reach http://user:{SECRET}@host/v1 ({caught.value})")
    with sqlite3.connect(db) as con:
        stored = " ".join(str(v) for row in con.execute("select * from queue_items") for v in row)
        notes = " ".join(str(v) for row in con.execute("select * from queue_history") for v in row)
    assert SECRET not in stored + notes and "user:***@host" in stored
    exported = to_csv(queue.list())
    assert SECRET not in exported and "user:***@host" in exported
