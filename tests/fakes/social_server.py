"""A small social network on 127.0.0.1 for the worker's tests, and its provider.

It keeps every post it accepted (with the ``Idempotency-Key`` it came with) and, unlike
Mastodon, does NOT drop a second post with the same key: a duplicate made by the worker shows
up here. Scripted answers per ``POST /api/posts``:
    "ok"            accept and answer 200 {"id", "url"}
    401 / 422 / 500 answer with that status (422 carries {"error": "Text too long"})
    429             answer 429 with ``Retry-After: 120``
    "accept_hang"   accept the post, then wait ``hang_seconds`` before answering (a timeout
                    after the server accepted; a worker killed mid-publish)
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx

from assistant.publish import registry
from assistant.publish.base import (
    AuthKind,
    Health,
    Limits,
    PostRequest,
    Provider,
    ProviderError,
    Published,
    SaveCredentials,
)

TOKEN = "fake-token-7f3a9c1e5b2d"


@dataclass
class Post:
    id: int
    key: str
    text: str
    media: list[dict[str, Any]]


@dataclass
class NetworkState:
    posts: list[Post] = field(default_factory=list)
    answers: list[int | str] = field(default_factory=list)  # then "ok" forever
    hang_seconds: float = 3.0
    revoked: bool = False
    requests: int = 0


class FakeNetwork:
    def __init__(self) -> None:
        self.state = NetworkState()
        self.lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeNetwork:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self, *answers: int | str, hang_seconds: float = 3.0) -> None:
        with self.lock:
            self.state = NetworkState(answers=list(answers), hang_seconds=hang_seconds)

    def posts(self) -> list[Post]:
        with self.lock:
            return list(self.state.posts)

    def post_url(self, post_id: int) -> str:
        return f"{self.url}/@brand/{post_id}"

    def next_answer(self) -> int | str:
        with self.lock:
            self.state.requests += 1
            return self.state.answers.pop(0) if self.state.answers else "ok"

    def accept(self, key: str, data: dict[str, Any]) -> Post:
        with self.lock:
            post = Post(len(self.state.posts) + 1, key, str(data.get("text", "")),
                        list(data.get("media", [])))
            self.state.posts.append(post)
            return post


def _handler(net: FakeNetwork) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, payload: Any, headers: Mapping[str, str] = {}) -> None:
            body = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout) or was killed

        def _authorised(self) -> bool:
            ok = self.headers.get("Authorization") == f"Bearer {TOKEN}"
            if not ok or net.state.revoked:
                self._send(401, {"error": "The access token was revoked"})
                return False
            return True

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if not self._authorised():
                return
            parsed = urlparse(self.path)
            if parsed.path == "/api/me":
                self._send(200, {"account": "@brand@fake.test"})
                return
            key = parse_qs(parsed.query).get("key", [""])[0]
            found = [{"id": p.id, "url": net.post_url(p.id)} for p in net.posts() if p.key == key]
            self._send(200, found)

        def do_POST(self) -> None:  # noqa: N802
            data = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            if not self._authorised():
                return
            answer = net.next_answer()
            if isinstance(answer, int):
                self._fail(answer)
                return
            post = net.accept(self.headers.get("Idempotency-Key", ""), data)
            if answer == "accept_hang":
                time.sleep(net.state.hang_seconds)
            self._send(200, {"id": post.id, "url": net.post_url(post.id)})

        def _fail(self, status: int) -> None:
            headers = {"Retry-After": "120"} if status == 429 else {}
            error = "Text too long" if status == 422 else f"HTTP {status}"
            self._send(status, {"error": error}, headers)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


class FakeProvider:
    """The provider of the fake network (what a real provider does, in small)."""

    auth_kind: AuthKind = "token"

    def __init__(self, credentials: Mapping[str, str], save: SaveCredentials,
                 network: str = "mastodon", timeout: float = 2.0) -> None:
        self.network = network
        self._client = httpx.Client(base_url=credentials["base_url"], timeout=timeout, headers={
            "Authorization": f"Bearer {credentials['access_token']}"})

    def limits(self) -> Limits:
        return Limits(max_chars=500, max_images=4, max_image_bytes=8_000_000)

    def check(self) -> Health:
        data = self._call("GET", "/api/me")
        return Health(state="ok", message="ok", account=str(data["account"]))

    def publish(self, request: PostRequest) -> Published:
        body = {"text": request.text, "media": [{"path": m.path, "alt": m.alt_text}
                                                for m in request.media]}
        data = self._call("POST", "/api/posts", json=body,
                          headers={"Idempotency-Key": request.attempt_id})
        return Published(url=str(data["url"]), remote_id=str(data["id"]))

    def find_existing(self, request: PostRequest) -> Published | None:
        found = self._call("GET", "/api/posts", params={"key": request.attempt_id})
        if not found:
            return None
        return Published(url=str(found[0]["url"]), remote_id=str(found[0]["id"]))

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            resp = self._client.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise ProviderError("transient", "no answer in time") from None
        except httpx.HTTPError as exc:
            raise ProviderError("transient", f"cannot connect ({exc.__class__.__name__})") \
                from None
        if resp.status_code == 401:
            raise ProviderError("auth", "the token was revoked; reconnect", status_code=401)
        if resp.status_code == 429:
            raise ProviderError("rate_limit", "rate limited", status_code=429,
                                retry_after=float(resp.headers["Retry-After"]))
        if resp.status_code == 422:
            raise ProviderError("rejected", resp.json()["error"], status_code=422)
        if resp.status_code >= 400:
            raise ProviderError("transient", f"HTTP {resp.status_code}",
                                status_code=resp.status_code)
        return resp.json()


def install(network: str = "mastodon", timeout: float = 2.0) -> None:
    """Make ``network`` publish through the fake (registry.register wins over the real one)."""
    def factory(credentials: Mapping[str, str], save: SaveCredentials) -> Provider:
        return FakeProvider(credentials, save, network, timeout)

    registry.register(network, factory)
