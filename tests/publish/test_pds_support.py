"""The local PDS itself: it runs, makes accounts, listens only on 127.0.0.1, and a machine
without it fails the tests with the command that installs it (never a silent skip)."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests import pds_support
from tests.pds_support import LocalPds, PdsUnavailable


def test_accounts_log_in_with_their_app_password(local_pds: LocalPds) -> None:
    account = local_pds.create_account()
    assert account.handle.endswith(".test") and account.did.startswith("did:plc:")
    session = local_pds.xrpc("com.atproto.server.createSession", identifier=account.handle,
                             password=account.app_password)
    assert session["did"] == account.did
    # the in-memory PLC knows the new DID: the PDS resolves the handle back to it
    resolved = httpx.get(f"{local_pds.url}/xrpc/com.atproto.identity.resolveHandle",
                         params={"handle": account.handle}, timeout=10).json()
    assert resolved["did"] == account.did


def _listening_on(port: int, host: str) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex((host, port)) == 0


def _outward_address() -> str | None:
    """This machine's address on its network (no packet is sent: UDP connect only routes)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1, never answered
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_both_servers_listen_on_loopback_only(local_pds: LocalPds) -> None:
    outward = _outward_address()
    for url in (local_pds.url, local_pds.plc_url):
        port = urlsplit(url).port
        assert port is not None and _listening_on(port, "127.0.0.1")
        if outward:
            assert not _listening_on(port, outward), f"{url} is reachable from outside"


def test_missing_node_fails_with_the_install_command(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no node on it
    with pytest.raises(PdsUnavailable, match=r"node is not installed: run `make test`"):
        LocalPds(tmp_path / "pds").start()


def test_missing_npm_install_fails_with_the_install_command(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    monkeypatch.setattr(pds_support, "INSTALLED_MARK", tmp_path / "absent" / "package.json")
    with pytest.raises(PdsUnavailable, match=r"run `make pds-deps`"):
        LocalPds(tmp_path / "pds").start()
