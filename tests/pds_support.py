"""A real local Bluesky PDS for tests: tests/fakes/pds/server.js (@atproto/pds 0.4.x and an
in-memory PLC directory in one Node process on 127.0.0.1), started on free ports, with test
accounts made through its own API.

`make test` installs its npm packages (``make pds-deps``). When node or that install is missing
the PDS tests FAIL with a message that says so: a skipped publishing test would hide that
Bluesky is untested.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from assistant.llm.local import free_port

PDS_DIR = Path(__file__).resolve().parent / "fakes" / "pds"
SERVER_JS = PDS_DIR / "server.js"
INSTALLED_MARK = PDS_DIR / "node_modules" / "@atproto" / "pds" / "package.json"
START_TIMEOUT = 180.0  # seconds; a cold start takes 2-10 s, but 60 s was seen at load 12 on 2 cores


class PdsUnavailable(RuntimeError):
    """The test PDS cannot run here; the message says which command installs it."""


@dataclass(frozen=True)
class PdsAccount:
    """A test account: its handle, DID, main password and an app password for Postwerk."""

    handle: str
    did: str
    password: str
    app_password: str


def check_installed() -> str:
    """The node binary, or PdsUnavailable naming what is missing and how to install it."""
    node = shutil.which("node")
    if node is None:
        raise PdsUnavailable("node is not installed: run `make test` (or `make system-deps`), "
                             "which installs Node.js for the local Bluesky PDS")
    if not INSTALLED_MARK.exists():
        raise PdsUnavailable(f"the test PDS's npm packages are missing in {PDS_DIR}: run "
                             "`make pds-deps` (part of `make test`)")
    return node


class LocalPds:
    """One running PDS process. ``url`` is what a user would type as the service."""

    def __init__(self, data_dir: Path, *, rate_limits: bool = False) -> None:
        self.data_dir = data_dir
        self.rate_limits = rate_limits
        self.url = ""
        self.plc_url = ""
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> LocalPds:
        node = check_installed()
        # The in-memory PLC forgets every DID on restart, so the PDS must start empty too.
        shutil.rmtree(self.data_dir, ignore_errors=True)
        self.data_dir.mkdir(parents=True)
        env = {**os.environ, "PW_PDS_PORT": str(free_port()), "PW_PLC_PORT": str(free_port()),
               "PW_PDS_DATA": str(self.data_dir),
               "PW_PDS_RATE_LIMITS": "true" if self.rate_limits else "false"}
        log = (self.data_dir / "server.log").open("wb")
        # stdin stays a pipe: when this test process dies, it closes and the server stops.
        self._process = subprocess.Popen([node, str(SERVER_JS)], cwd=PDS_DIR, env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=log)
        ready = self._wait_ready()
        self.url, self.plc_url = ready["pds"], ready["plc"]
        return self

    def _wait_ready(self) -> dict[str, Any]:
        assert self._process is not None and self._process.stdout is not None
        stdout = self._process.stdout
        lines: list[bytes] = []
        reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT)
        if not lines or not lines[0].strip():
            self.stop()
            log = (self.data_dir / "server.log").read_text(errors="replace")[-2000:]
            raise PdsUnavailable(f"the test PDS did not start within {START_TIMEOUT:.0f} s; "
                                 f"its log ends with: {log}")
        ready: dict[str, Any] = json.loads(lines[0])
        return ready

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()
        self._process = None

    def xrpc(self, method: str, *, token: str | None = None, **body: Any) -> dict[str, Any]:
        """POST one XRPC procedure and return its JSON (an error status raises)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = httpx.post(f"{self.url}/xrpc/{method}", json=body, headers=headers,
                              timeout=30)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def get_record(self, uri: str) -> dict[str, Any]:
        """Read a record back by its at:// URI (com.atproto.repo.getRecord, no login needed)."""
        repo, collection, rkey = uri.removeprefix("at://").split("/")
        response = httpx.get(f"{self.url}/xrpc/com.atproto.repo.getRecord",
                             params={"repo": repo, "collection": collection, "rkey": rkey},
                             timeout=30)
        response.raise_for_status()
        record: dict[str, Any] = response.json()
        return record

    def list_records(self, did: str, collection: str = "app.bsky.feed.post"
                     ) -> list[dict[str, Any]]:
        response = httpx.get(f"{self.url}/xrpc/com.atproto.repo.listRecords",
                             params={"repo": did, "collection": collection, "limit": 100},
                             timeout=30)
        response.raise_for_status()
        records: list[dict[str, Any]] = response.json()["records"]
        return records

    def get_blob(self, did: str, cid: str) -> bytes:
        response = httpx.get(f"{self.url}/xrpc/com.atproto.sync.getBlob",
                             params={"did": did, "cid": cid}, timeout=30)
        response.raise_for_status()
        return response.content

    def create_account(self, name: str | None = None) -> PdsAccount:
        """A fresh account ``<name>.test`` with an app password (what a user gives Postwerk)."""
        handle = f"{name or 'pw' + secrets.token_hex(4)}.test"
        password = secrets.token_urlsafe(12)
        made = self.xrpc("com.atproto.server.createAccount", handle=handle, password=password,
                         email=f"{handle}@example.com")
        app = self.xrpc("com.atproto.server.createAppPassword", token=made["accessJwt"],
                        name="postwerk")
        return PdsAccount(handle=handle, did=made["did"], password=password,
                          app_password=app["password"])
