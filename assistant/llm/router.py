"""The shared model server's front door: one port, two llama.cpp contexts behind it.

The model server loads the model once (the weights are mapped, so both contexts share
them) into a context with a thread per core ("full") and one with a thread fewer
("spare", see ``contention`` for why). Every generation request goes to the spare
context while other programs hold a core, else to the full one; the answer is passed
back unchanged. ``/slots`` lists the slots of both and ``/metrics`` sums their counters,
so the progress line, the idle watch and the benches see one server. Everything else
(``/v1/models``, ``/tokenize``, ...) goes to the full context.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

log = logging.getLogger(__name__)

GENERATION_PATHS = frozenset({"/v1/chat/completions", "/chat/completions",
                              "/v1/completions", "/completions", "/completion"})
# one value of llama.cpp's Prometheus text: "llamacpp:prompt_tokens_total 1456"
METRIC_LINE = re.compile(r"^llamacpp:(\w+) ([0-9.eE+-]+)$", re.M)


def metric_values(text: str) -> dict[str, float]:
    """The values of llama.cpp's Prometheus text by name (without "llamacpp:")."""
    return {name: float(value) for name, value in METRIC_LINE.findall(text)}


def merged_metrics(texts: Sequence[str]) -> str:
    """Prometheus texts of the contexts as one: the values of a name summed (the first
    text's comment lines and order kept)."""
    totals: dict[str, float] = {}
    for text in texts:
        for line in text.splitlines():
            match = METRIC_LINE.match(line)
            if match:
                totals[match[1]] = totals.get(match[1], 0.0) + float(match[2])
    lines = []
    for line in texts[0].splitlines() if texts else []:
        match = METRIC_LINE.match(line)
        lines.append(f"llamacpp:{match[1]} {totals[match[1]]:g}" if match else line)
    return "\n".join(lines) + "\n"


def merged_slots(replies: Sequence[Any]) -> list[Any]:
    return [slot for reply in replies if isinstance(reply, list) for slot in reply]


class Router:
    """A threaded HTTP proxy on 127.0.0.1 in front of ``full`` and ``spare`` (base URLs
    without /v1); ``wants_spare`` is asked for every generation request."""

    def __init__(self, full: str, spare: str | None, wants_spare: Callable[[], bool]) -> None:
        self.full, self.spare, self.wants_spare = full, spare, wants_spare
        self._client = httpx.Client(timeout=None)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="router",
                                        daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> Router:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()

    def target(self, method: str, path: str) -> str:
        generating = method == "POST" and path.split("?", 1)[0] in GENERATION_PATHS
        if generating and self.spare is not None and self.wants_spare():
            log.debug("request to the spare context (other programs hold a core)")
            return self.spare
        return self.full

    def backends(self) -> list[str]:
        return [self.full] + ([self.spare] if self.spare else [])

    def answer(self, method: str, path: str, body: bytes,
               headers: dict[str, str]) -> tuple[int, str, bytes]:
        """(status, content type, body) for one request."""
        bare = path.split("?", 1)[0]
        if method == "GET" and bare == "/slots":
            replies = [self._client.get(f"{url}{path}").json() for url in self.backends()]
            return 200, "application/json", json.dumps(merged_slots(replies)).encode()
        if method == "GET" and bare == "/metrics":
            texts = [self._client.get(f"{url}{path}").text for url in self.backends()]
            return 200, "text/plain; version=0.0.4", merged_metrics(texts).encode()
        reply = self._client.request(method, f"{self.target(method, path)}{path}",
                                     content=body or None, headers=headers)
        return (reply.status_code, reply.headers.get("content-type", "application/json"),
                reply.content)


def _handler(router: Router) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the http.server protocol)
            self._relay("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._relay("POST")

        def _relay(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            forwarded = {name: value for name, value in self.headers.items()
                         if name.lower() in ("content-type", "authorization", "accept")}
            try:
                status, kind, content = router.answer(method, self.path, body, forwarded)
            except httpx.HTTPError as exc:
                log.warning("model context did not answer %s %s: %s", method, self.path, exc)
                status, kind = 502, "application/json"
                content = json.dumps({"error": {"message": "the model context is not "
                                                "reachable; restart `postwerk model serve`"}
                                      }).encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            log.debug("router: " + format, *args)

    return Handler
