"""DNS rebinding and IPv6 forms: the link checker connects to exactly the address it checked.

The resolver is injected (a real function answering DNS questions from a script), the
servers are real sockets on 127.0.0.1, and a refused URL must leave no request in their log.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator

import pytest

from assistant.compliance.links import check_links
from assistant.compliance.netguard import IPAddress, address_kind
from assistant.compliance.urls import find_urls
from assistant.config import Settings

from .conftest import Server

PUBLIC = ipaddress.ip_address("93.184.216.34")
LOOPBACK = ipaddress.ip_address("127.0.0.1")


class Rebinding:
    """Answers a public address first and 127.0.0.1 on every later question."""

    def __init__(self) -> None:
        self.questions: list[str] = []

    def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.questions.append(host)
        return [PUBLIC] if len(self.questions) == 1 else [LOOPBACK]


def _port(server: Server) -> str:
    return server.base.rsplit(":", 1)[1]


def test_rebinding_to_loopback_is_refused_and_never_requested(http_server: Server,
                                                             strict: Settings) -> None:
    resolver = Rebinding()
    url = f"http://rebind.example:{_port(http_server)}/x"
    result = check_links([url], settings=strict, resolver=resolver, use_cache=False)[0]
    assert result.status == "refused" and "127.0.0.1" in result.message
    assert http_server.hits["total"] == 0
    assert len(resolver.questions) >= 2  # the second answer was checked, not trusted


def test_the_checked_address_is_the_one_connected_to(http_server: Server,
                                                     allow_loopback: Settings) -> None:
    # allowed here, so the connection goes through: to the resolver's address, with the
    # name in the Host header (the system's DNS has never heard of pinned.example)
    port = _port(http_server)
    url = f"http://pinned.example:{port}/ok"
    result = check_links([url], settings=allow_loopback, use_cache=False,
                         resolver=lambda host, p: [LOOPBACK])[0]
    assert result.status == "ok" and result.http_status == 200
    assert http_server.hits[f"Host pinned.example:{port}"] >= 1


@pytest.fixture
def tls_listener() -> Iterator[tuple[int, list[str | None]]]:
    """A TLS listener on 127.0.0.1 that records the server name (SNI) of each handshake."""
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.sni_callback = lambda sock, name, ctx: names.append(name)  # type: ignore[assignment,misc,return-value]
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            try:
                context.wrap_socket(conn, server_side=True).close()
            except (ssl.SSLError, OSError):
                conn.close()  # no certificate: the handshake fails after the ClientHello

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1], names
    listener.close()


def test_tls_server_name_is_the_host_not_the_pinned_address(
        tls_listener: tuple[int, list[str | None]], allow_loopback: Settings) -> None:
    port, names = tls_listener
    check_links([f"https://pinned.example:{port}/"], settings=allow_loopback, use_cache=False,
                resolver=lambda host, p: [LOOPBACK], timeout=3)
    assert names and set(names) == {"pinned.example"}  # SNI and certificate check: the name


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("::1", "loopback"),
        ("fec0::1", "site-local"),
        ("2002:7f00:1::", "loopback IPv4-in-IPv6"),  # 6to4 of 127.0.0.1
        ("2002:c0a8:101::", "private IPv4-in-IPv6"),  # 6to4 of 192.168.1.1
        ("::ffff:127.0.0.1", "loopback IPv4-in-IPv6"),
        ("::ffff:10.0.0.1", "private IPv4-in-IPv6"),
        ("::127.0.0.1", "loopback IPv4-in-IPv6"),  # IPv4-compatible
        ("64:ff9b::a9fe:a9fe", "link-local IPv4-in-IPv6"),  # NAT64 of metadata
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback IPv4-in-IPv6"),  # Teredo
        ("2002:5db8:d822::", None),  # 6to4 of a public address
        ("2a00:1450:4001:81c::200e", None),
    ],
)
def test_ipv6_forms(address: str, kind: str | None) -> None:
    assert address_kind(ipaddress.ip_address(address)) == kind


def test_ipv6_literal_urls_are_found_and_refused(http_server: Server, strict: Settings) -> None:
    text = "Loopback: http://[::1]:8801/ und 6to4: http://[2002:7f00:1::]:8801/x."
    urls = find_urls(text)
    assert urls == ["http://[::1]:8801/", "http://[2002:7f00:1::]:8801/x"]
    results = check_links(urls, settings=strict, use_cache=False)
    assert [r.status for r in results] == ["refused", "refused"]
