"""A real OpenAI-compatible HTTP server on 127.0.0.1 whose replies each test scripts.

Not a mock: the real openai SDK talks HTTP to it. Replies come from a FIFO queue
(``fake.push(Reply...)``), else from ``fake.responder(request_json) -> Reply``,
else a default "ok" text. Every request body is recorded in ``fake.requests``.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LONG_WORD = 8  # letters: a longer word is two tokens of the fake's tokenizer


@dataclass
class Reply:
    content: str = "ok"
    status: int = 200
    delay: float = 0.0
    finish_reason: str = "stop"
    headers: dict[str, str] = field(default_factory=dict)
    raw_body: bytes | None = None
    usage: tuple[int, int, int] = (50, 20, 0)  # prompt, completion, cached

    @classmethod
    def json(cls, obj: Any, **kw: Any) -> Reply:
        return cls(content=json.dumps(obj, ensure_ascii=False), **kw)

    @classmethod
    def error(
        cls, status: int, message: str = "fake error", retry_after: float | None = None
    ) -> Reply:
        headers = {"retry-after": str(retry_after)} if retry_after is not None else {}
        body = json.dumps({"error": {"message": message, "type": "fake", "code": status}})
        return cls(status=status, headers=headers, raw_body=body.encode())

    @classmethod
    def hang(cls, seconds: float) -> Reply:
        return cls(delay=seconds)

    @classmethod
    def malformed(cls) -> Reply:
        return cls(content='{"posts": [ {"platform": "x", "text": "unterminated')

    @classmethod
    def truncated(cls, content: str = '{"posts": [') -> Reply:
        return cls(content=content, finish_reason="length")


Responder = Callable[[dict[str, Any]], Reply]


class FakeLLMServer:
    def __init__(self, model: str = "fake-model", port: int = 0) -> None:
        self.model = model
        self.replies: deque[Reply] = deque()
        self.responder: Responder | None = None
        self.requests: list[dict[str, Any]] = []
        self.latency = 0.0  # added to every chat reply
        # what a llama.cpp server shows on GET /slots and /metrics (the router's tests)
        self.slots: list[dict[str, Any]] = []
        self.metrics_text = ""
        # how many chat requests were being answered at once, at most (concurrency tests
        # count overlap instead of timing it: the machines are shared and noisy)
        self.in_flight = 0
        self.max_in_flight = 0
        # POST /tokenize as llama.cpp's server answers it: what was asked, and the ids given
        self.tokenized: list[str] = []
        self.vocabulary: dict[str, int] = {}
        self._generation = 0  # a reset starts a new count; requests of earlier tests don't count
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def push(self, *replies: Reply) -> None:
        with self._lock:
            self.replies.extend(replies)

    def reset(self) -> None:
        with self._lock:
            self.replies.clear()
            self.requests.clear()
            self.responder = None
            self.latency = 0.0
            self._generation += 1
            self.in_flight = 0
            self.max_in_flight = 0
            self.tokenized.clear()

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if "messages" in r]

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(body)
            if self.replies:
                return self.replies.popleft()
        if self.responder is not None:
            return self.responder(body)
        return Reply()

    def tokenize(self, content: str) -> list[int]:
        """A tokenizer with llama.cpp's answer's shape: a word (with the space before it) of
        up to LONG_WORD letters is one token, a longer one two (its halves)."""
        with self._lock:
            self.tokenized.append(content)
            pieces: list[str] = []
            for word in re.findall(r" ?[^ ]+", content):
                cut = (len(word) + 1) // 2
                pieces += [word] if len(word.strip()) <= LONG_WORD else [word[:cut], word[cut:]]
            return [self.vocabulary.setdefault(piece, len(self.vocabulary) + 1)
                    for piece in pieces]

    def _enter(self) -> int:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return self._generation

    def _leave(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self.in_flight -= 1

    def _completion(self, reply: Reply) -> dict[str, Any]:
        prompt, completion, cached = reply.usage
        return {
            "id": f"chatcmpl-fake-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "finish_reason": reply.finish_reason,
                    "message": {"role": "assistant", "content": reply.content},
                }
            ],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
                "prompt_tokens_details": {"cached_tokens": cached},
            },
        }

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _send(
                self, status: int, body: bytes, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:  # noqa: N802
                if self.path.rstrip("/").endswith("/models"):
                    data = {"object": "list", "data": [{"id": fake.model, "object": "model"}]}
                    self._send(200, json.dumps(data).encode())
                elif self.path == "/slots":
                    self._send(200, json.dumps(fake.slots).encode())
                elif self.path == "/metrics":
                    self._send(200, fake.metrics_text.encode())
                else:
                    self._send(404, b'{"error": {"message": "not found"}}')

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except json.JSONDecodeError:
                    body = {}
                if self.path == "/tokenize":
                    tokens = fake.tokenize(str(body.get("content", "")))
                    self._send(200, json.dumps({"tokens": tokens}).encode())
                    return
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                generation = fake._enter()
                try:
                    self._answer(fake._next(body))
                finally:
                    fake._leave(generation)

            def _answer(self, reply: Reply) -> None:
                time.sleep(reply.delay + fake.latency)
                if reply.raw_body is not None or reply.status != 200:
                    self._send(reply.status, reply.raw_body or b"{}", reply.headers)
                    return
                self._send(200, json.dumps(fake._completion(reply)).encode(), reply.headers)

        return Handler
