"""A real webhook receiver on 127.0.0.1 with scripted answers (the HTTP edge of the tests)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Script:
    # one entry per request: an HTTP status, or "hang" (answer only after hang_seconds)
    answers: list[int | str] = field(default_factory=lambda: [200])
    hang_seconds: float = 3.0
    headers: dict[str, str] = field(default_factory=dict)  # sent with every answer

    def next(self) -> int | str:
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


class WebhookServer:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self.script = Script()
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with outer._lock:
                    outer.received.append(Received(self.path, dict(self.headers), body))
                    answer = outer.script.next()
                if answer == "hang":
                    time.sleep(outer.script.hang_seconds)
                    answer = 200
                try:
                    self.send_response(int(answer))
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "2")
                    for name, value in outer.script.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(b"{}")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/hook"

    def start(self) -> WebhookServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self, *answers: int | str, hang_seconds: float = 3.0,
              headers: dict[str, str] | None = None) -> None:
        with self._lock:
            self.received.clear()
            self.script = Script(list(answers) or [200], hang_seconds, dict(headers or {}))
