"""The queue's default checks: platform, brand and law; approval requests the links."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.config import get_settings
from assistant.errors import TransitionError
from assistant.queue import QueueItem, open_queue
from tests.conftest import ROOT


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:  # noqa: N802
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("content-length", "0")
        self.end_headers()

    do_GET = do_HEAD  # noqa: N815


@pytest.fixture()
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("POSTWERK_LINKS_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(ROOT / "brand_kits"))
    get_settings.cache_clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def item(text: str) -> QueueItem:
    return QueueItem(kit_id="kaffeekontor-hamburg", platform="facebook", language="de",
                     text=text, hashtags=["Möwenbohne"],
                     scheduled_at=datetime(2031, 1, 6, 9, tzinfo=UTC))


def test_a_broken_link_cannot_be_approved(site: str) -> None:
    queue = open_queue()
    broken = queue.add(item(f"Neu im Kontor: Kaffee aus Äthiopien. Mehr: {site}/gone"))
    with pytest.raises(TransitionError, match="link_broken"):
        queue.approve(broken.id)  # type: ignore[arg-type]
    fine = queue.add(item(f"Neu im Kontor: Kaffee aus Äthiopien. Mehr: {site}/ok"))
    assert queue.approve(fine.id).status == "approved"  # type: ignore[arg-type]


def test_an_edit_is_checked_as_strictly_as_a_draft(site: str) -> None:
    queue = open_queue()
    stored = queue.add(item("Neu im Kontor: Kaffee aus Äthiopien. Komm vorbei!"))
    edited = queue.edit(stored.id, text="Unser Premium-Kaffee für Sie!")  # type: ignore[arg-type]
    codes = {p.code for p in edited.problems if p.is_error}
    assert {"banned_word", "wrong_formality"} <= codes
    with pytest.raises(TransitionError):
        queue.approve(stored.id)  # type: ignore[arg-type]
