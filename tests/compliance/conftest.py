"""Fixtures: a complete legal entity to break one field at a time, and a real HTTP server
on 127.0.0.1 whose routes answer the ways real sites do (no mocks of httpx)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from assistant.brand.kit import LegalEntity, RegulatedProfession
from assistant.compliance.links import clear_link_cache
from assistant.compliance.vat import make_vat_id
from assistant.config import Settings, load_settings

VALID_VAT = make_vat_id("27418053")  # DE274180534


def gmbh(**overrides: Any) -> LegalEntity:
    """A complete GmbH; override or blank single fields to break it."""
    values: dict[str, Any] = dict(
        name="Möwenbohne Kaffeerösterei GmbH", legal_form="GmbH",
        representatives=["Hanne Petersen"], street="Bohnenkai 12", postal_code="22767",
        city="Hamburg", email="moin@moewenbohne.example", phone="+49 40 5550 1274",
        register_court="Amtsgericht Hamburg", register_number="HRB 187654", vat_id=VALID_VAT,
    )
    values.update(overrides)
    # model_construct: the UI form passes unvalidated values too; the checks must cope
    if isinstance(values.get("profession"), dict):
        values["profession"] = RegulatedProfession.model_construct(**values["profession"])
    return LegalEntity.model_construct(**values)


@dataclass
class Server:
    base: str
    hits: Counter[str] = field(default_factory=Counter)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, location: str | None = None, body: bytes = b"") -> None:
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _route(self) -> None:
            path = self.path.split("?")[0]
            server.hits[f"{self.command} {path}"] += 1
            server.hits["total"] += 1
            server.hits[f"Host {self.headers.get('Host')}"] += 1
            routes: dict[str, tuple[int, str | None]] = {
                "/ok": (200, None), "/redirect": (301, "/ok"), "/missing": (404, None),
                "/error": (500, None), "/loop-a": (302, "/loop-b"), "/loop-b": (302, "/loop-a"),
                "/blocked": (403, None), "/nolocation": (302, None),
                "/to-private": (302, "http://10.0.0.1/secret"),
            }
            if path == "/hang":
                server.release.wait(10)  # longer than any test timeout
                return
            if path == "/nohead":
                self._send(405 if self.command == "HEAD" else 200, body=b"hello")
                return
            if path.startswith("/chain/"):
                left = int(path.rsplit("/", 1)[1])
                self._send(302, f"/chain/{left - 1}") if left else self._send(200)
                return
            status, location = routes.get(path, (404, None))
            self._send(status, location, b"x" * 10)

        do_HEAD = do_GET = _route

    return Handler


@pytest.fixture
def http_server() -> Iterator[Server]:
    state = Server(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    clear_link_cache()
    yield state
    state.release.set()
    httpd.shutdown()
    httpd.server_close()
    clear_link_cache()


@pytest.fixture
def allow_loopback(tmp_path: Any) -> Settings:
    return load_settings(links_allow_private=True, data_dir=tmp_path / "data",
                         kits_dir=tmp_path / "kits")


@pytest.fixture
def strict(tmp_path: Any) -> Settings:
    return load_settings(links_allow_private=False, data_dir=tmp_path / "data",
                         kits_dir=tmp_path / "kits")
