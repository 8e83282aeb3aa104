"""approve() requests its links before the write transaction, never while the row is locked.

The approve checker here does real network I/O: it asks a loopback server that answers only
when the test lets it. While that request hangs, another writer must get through; before,
approve held SQLite's write lock (BEGIN IMMEDIATE) for the whole request and the writer
waited. An edit made while the check ran makes approve refuse (it checked another text).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from assistant.errors import TransitionError
from assistant.models import Problem
from assistant.queue import QueueItem, QueueService
from assistant.queue.storage import QueueStorage
from tests.queue.conftest import BERLIN


class HeldServer:
    """Answers a request only after ``release`` is set; ``asked`` is set when one arrives."""

    def __init__(self) -> None:
        self.asked, self.release = threading.Event(), threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                outer.asked.set()
                outer.release.wait(30)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/link"

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def held() -> Iterator[HeldServer]:
    server = HeldServer()
    yield server
    server.stop()


def _link_checker(url: str) -> object:
    def check(item: QueueItem) -> list[Problem]:
        httpx.get(url, timeout=30)  # the network call an online link check makes
        return []

    return check


def _queue(path: Path, approve_checker: object = None) -> QueueService:
    return QueueService(QueueStorage(f"sqlite:///{path}"), lambda item: [],
                        approve_checker=approve_checker)  # type: ignore[arg-type]


def _item(text: str) -> QueueItem:
    return QueueItem(kit_id="k", platform="mastodon", text=text,
                     scheduled_at=datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN))


def test_a_writer_is_not_blocked_while_approve_requests_links(tmp_path: Path,
                                                              held: HeldServer) -> None:
    db = tmp_path / "q.db"
    approver = _queue(db, _link_checker(held.url))
    writer = _queue(db)
    item = approver.add(_item("Moin"))
    other = writer.add(_item("Servus"))
    outcome: dict[str, object] = {}
    thread = threading.Thread(target=lambda: outcome.update(item=approver.approve(item.id or 0)))
    thread.start()
    assert held.asked.wait(10), "the approve checker never asked the server"
    # the link request hangs now; a write must go through before it is answered
    done = threading.Event()
    threading.Thread(target=lambda: (writer.edit(other.id or 0, text="Servus!"), done.set()),
                     daemon=True).start()
    assert done.wait(10), "the writer was blocked by approve's pending network call"
    assert not held.release.is_set() and "item" not in outcome
    held.release.set()
    thread.join(30)
    approved = outcome["item"]
    assert isinstance(approved, QueueItem) and approved.status == "approved"
    assert writer.get(other.id or 0).text == "Servus!"


def test_an_edit_during_the_check_makes_approve_refuse(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    editor = _queue(db)

    def check_while_someone_edits(item: QueueItem) -> list[Problem]:
        editor.edit(item.id or 0, text="Ganz neuer Text")
        return []

    approver = _queue(db, check_while_someone_edits)
    item = approver.add(_item("Moin"))
    with pytest.raises(TransitionError, match="edited while it was being checked"):
        approver.approve(item.id or 0)
    after = approver.get(item.id or 0)
    assert after.status == "draft" and after.text == "Ganz neuer Text"
