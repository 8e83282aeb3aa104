"""A fake LinkedIn: a real HTTP server on 127.0.0.1 built from the documented requests and replies.

Serves the OAuth2 endpoints (``/oauth/v2/accessToken``), ``/v2/userinfo`` (OpenID Connect) and
the versioned REST API a member post needs:

    POST /rest/images?action=initializeUpload  {"value": {"uploadUrl", "image", ...}}
    PUT  /upload/<n>                           the image bytes (201)
    GET  /rest/images/<urn>                    status PROCESSING until ready, then AVAILABLE
    POST /rest/posts                           201, the new URN in the x-restli-id header;
                                               422 over 3000 characters or for the same
                                               content twice (DUPLICATE_POST, naming the URN)
    POST /rest/socialActions/<urn>/comments    201, the comment URN in x-restli-id

Every /rest/ call needs ``LinkedIn-Version`` (an active YYYYMM, else 426) and
``X-Restli-Protocol-Version: 2.0.0``. Commentary is read as LinkedIn's "little" format: an
unescaped reserved character cuts the text there, as LinkedIn does.

Failures: ``fail_next(method, path, FakeFailure(...))``; ``expire()`` makes every token answer
401 EXPIRED_ACCESS_TOKEN; ``hang_after_accept`` creates the next post and never answers.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.fakes.mastodon_server import FakeFailure

TOKEN = "fake-linkedin-token"
MEMBER = "urn:li:person:8675309"
RESERVED = "()[]{}@#*~<>\\_|"
ACTIVE_VERSIONS = {f"2026{month:02d}" for month in range(1, 12)} | {"202512"}
__all__ = ["FakeFailure", "FakeLinkedInServer", "MEMBER", "TOKEN", "shown_text"]


def shown_text(little: str) -> str:
    """What LinkedIn shows for a little-format commentary: escapes undone, cut at the first
    unescaped reserved character (a hashtag's # is an element, not a cut)."""
    out, index = [], 0
    while index < len(little):
        char = little[index]
        if char == "\\" and index + 1 < len(little):
            out.append(little[index + 1])
            index += 2
            continue
        if char == "#" and index + 1 < len(little) and little[index + 1].isalnum():
            out.append(char)
        elif char in RESERVED:
            break
        else:
            out.append(char)
        index += 1
    return "".join(out)


@dataclass
class _Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def _error(status: int, code: str, message: str, service: int | None = None) -> _Reply:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if service is not None:
        body["serviceErrorCode"] = service
    return _Reply(status, body)


class FakeLinkedInServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(7400000000000000001)
        self._release = threading.Event()
        self.reset()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeLinkedInServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self) -> None:
        with self._lock:
            self._release.set()
            self._release = threading.Event()
            self.tokens = {TOKEN}
            self.expired = False
            self.refresh_tokens: set[str] = set()
            self.codes: dict[str, str] = {}
            self.posts: list[dict[str, Any]] = []
            self.comments: list[dict[str, Any]] = []
            self.images: dict[str, dict[str, Any]] = {}
            self.failures: list[tuple[str, str, FakeFailure]] = []
            self.requests: list[tuple[str, str, dict[str, str]]] = []
            self.image_processing_polls = 0
            self.hang_after_accept = False

    def fail_next(self, method: str, path: str, failure: FakeFailure) -> None:
        with self._lock:
            self.failures.append((method, path, failure))

    def expire(self) -> None:
        self.expired = True

    def grant_code(self) -> str:
        code = f"code-{next(self._ids)}"
        self.codes[code] = MEMBER
        return code

    def _take_failure(self, method: str, path: str) -> FakeFailure | None:
        with self._lock:
            for index, (fail_method, fail_path, failure) in enumerate(self.failures):
                if fail_method == method and path.startswith(fail_path):
                    del self.failures[index]
                    return failure
        return None

    def answer(self, method: str, path: str, query: dict[str, list[str]],
               headers: dict[str, str], raw: bytes) -> _Reply:
        with self._lock:
            self.requests.append((method, path, headers))
        failure = self._take_failure(method, path)
        if failure is not None:
            return _Reply(failure.status, {"status": failure.status, "message": failure.error},
                          failure.headers)
        if path == "/oauth/v2/accessToken":
            return self._token(parse_qs(raw.decode()))
        problem = self._auth_problem(path, headers)
        if problem is not None:
            return problem
        return self._route(method, path, query, raw)

    def _auth_problem(self, path: str, headers: dict[str, str]) -> _Reply | None:
        auth = headers.get("authorization", "")
        if self.expired:
            return _error(401, "EXPIRED_ACCESS_TOKEN",
                          "The token used in the request has expired", 65601)
        if not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
            return _error(401, "INVALID_ACCESS_TOKEN", "Invalid access token", 65600)
        if not path.startswith("/rest/"):
            return None
        version = headers.get("linkedin-version")
        if version is None:
            return _error(400, "VERSION_MISSING", "A version must be present. Please specify a "
                          "version by adding the LinkedIn-Version header.")
        if version not in ACTIVE_VERSIONS:
            return _error(426, "NONEXISTENT_VERSION", f"Requested version {version} is not active")
        if headers.get("x-restli-protocol-version") != "2.0.0":
            return _error(400, "PROTOCOL_VERSION", "X-Restli-Protocol-Version 2.0.0 is required")
        return None

    def _route(self, method: str, path: str, query: dict[str, list[str]],
               raw: bytes) -> _Reply:
        if method == "GET" and path == "/v2/userinfo":
            return _Reply(200, {"sub": MEMBER.rsplit(":", 1)[1], "name": "Bea Bäckerin",
                                "given_name": "Bea", "family_name": "Bäckerin", "locale": "de_DE"})
        initialize = query.get("action") == ["initializeUpload"]
        if method == "POST" and path == "/rest/images" and initialize:
            return self._initialize_upload(json.loads(raw))
        if method == "PUT" and path.startswith("/upload/"):
            return self._receive_image(path.rsplit("/", 1)[1], raw)
        if method == "GET" and path.startswith("/rest/images/"):
            return self._image_status(unquote(path.rsplit("/", 1)[1]))
        if method == "POST" and path == "/rest/posts":
            return self._create_post(json.loads(raw))
        if method == "POST" and path.startswith("/rest/socialActions/"):
            return self._comment(unquote(path.split("/")[3]), json.loads(raw))
        return _error(404, "NOT_FOUND", f"No resource at {path}")

    def _token(self, form: dict[str, list[str]]) -> _Reply:
        one = {key: values[-1] for key, values in form.items()}
        grant = one.get("grant_type")
        if grant == "authorization_code" and one.get("code") in self.codes:
            del self.codes[one["code"]]
        elif grant == "refresh_token" and one.get("refresh_token") in self.refresh_tokens:
            pass
        else:
            return _Reply(400, {"error": "invalid_grant", "error_description":
                                "The provided authorization grant is invalid, expired or revoked"})
        token, refresh = f"token-{next(self._ids)}", f"refresh-{next(self._ids)}"
        with self._lock:
            self.tokens.add(token)
            self.refresh_tokens.add(refresh)
            self.expired = False
        return _Reply(200, {"access_token": token, "expires_in": 5183999,
                            "refresh_token": refresh, "refresh_token_expires_in": 31535999,
                            "scope": "openid,profile,w_member_social", "token_type": "Bearer"})

    def _initialize_upload(self, body: dict[str, Any]) -> _Reply:
        owner = body.get("initializeUploadRequest", {}).get("owner")
        if owner != MEMBER:
            return _error(403, "ACCESS_DENIED", f"Not enough permissions to upload for {owner}")
        number = str(next(self._ids))
        urn = f"urn:li:image:D4E10AQ{number}"
        with self._lock:
            self.images[urn] = {"number": number, "bytes": None,
                                "polls_left": self.image_processing_polls}
        return _Reply(200, {"value": {"uploadUrlExpiresAt": 1767225600000,
                                      "uploadUrl": f"{self.url}/upload/{number}", "image": urn}})

    def _receive_image(self, number: str, raw: bytes) -> _Reply:
        for image in self.images.values():
            if image["number"] == number:
                image["bytes"] = raw
                return _Reply(201)
        return _error(404, "NOT_FOUND", "Unknown upload")

    def _image_status(self, urn: str) -> _Reply:
        image = self.images.get(urn)
        if image is None or image["bytes"] is None:
            return _error(404, "NOT_FOUND", f"Image {urn} not found")
        with self._lock:
            image["polls_left"] -= 1
            ready = image["polls_left"] < 0
        return _Reply(200, {"id": urn, "owner": MEMBER,
                            "status": "AVAILABLE" if ready else "PROCESSING"})

    def _create_post(self, body: dict[str, Any]) -> _Reply:
        problem = self._invalid_post(body)
        if problem is not None:
            return problem
        urn = f"urn:li:share:{next(self._ids)}"
        with self._lock:
            self.posts.append({**body, "id": urn, "shown": shown_text(body["commentary"])})
        if self.hang_after_accept:
            self.hang_after_accept = False
            self._release.wait(30)
        return _Reply(201, None, {"x-restli-id": urn})

    def _invalid_post(self, body: dict[str, Any]) -> _Reply | None:
        if body.get("author") != MEMBER:
            return _error(403, "ACCESS_DENIED", "Not enough permissions to post as "
                          f"{body.get('author')}")
        if len(body.get("commentary", "")) > 3000:
            return _error(422, "FIELD_LENGTH_TOO_LONG", "/commentary :: length of commentary "
                          "exceeds the maximum allowed 3000")
        for image in _image_ids(body.get("content") or {}):
            if image not in self.images or self.images[image]["polls_left"] >= 0:
                return _error(422, "INVALID_CONTENT", f"Image {image} is not AVAILABLE")
        for post in self.posts:  # LinkedIn refuses the same text from the same member again
            if (post["author"], post["commentary"]) == (body["author"], body["commentary"]):
                return _Reply(422, {
                    "errorDetailType": "com.linkedin.common.error.BadRequest",
                    "message": "com.linkedin.content.common.exception.BadRequestResponseException"
                               f": Content is a duplicate of {post['id']}",
                    "errorDetails": {"inputErrors": [{"description": "Duplicate post is detected",
                                                      "input": {}, "code": "DUPLICATE_POST"}]},
                    "status": 422})
        return None

    def _comment(self, urn: str, body: dict[str, Any]) -> _Reply:
        if not any(post["id"] == urn for post in self.posts):
            return _error(404, "NOT_FOUND", f"{urn} not found")
        comment_urn = f"urn:li:comment:({urn},{next(self._ids)})"
        with self._lock:
            self.comments.append({**body, "urn": comment_urn,
                                  "shown": shown_text(body["message"]["text"])})
        return _Reply(201, {**body, "commentUrn": comment_urn}, {"x-restli-id": comment_urn})

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self, method: str) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = fake.answer(method, parts.path, parse_qs(parts.query), headers, raw)
                body = b"" if reply.body is None else json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(body)))
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:  # noqa: N802
                self._serve("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._serve("POST")

            def do_PUT(self) -> None:  # noqa: N802
                self._serve("PUT")

        return Handler


def _image_ids(content: dict[str, Any]) -> list[str]:
    if "media" in content:
        return [content["media"]["id"]]
    return [image["id"] for image in content.get("multiImage", {}).get("images", [])]
