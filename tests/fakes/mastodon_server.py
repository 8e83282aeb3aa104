"""A fake Mastodon server: a real HTTP server on 127.0.0.1 that follows the documented API.

Not a mock: the real Mastodon.py client talks HTTP to it. It keeps statuses, media and
OAuth apps in memory and answers the documented endpoints the provider uses:

    GET  /api/v2/instance                    configuration.statuses / media_attachments limits
    GET  /api/v1/accounts/verify_credentials the token's account (401 when revoked)
    POST /api/v2/media                       202 with url null while processing, else 200
    GET  /api/v1/media/:id                   206 while processing, 200 when ready
    POST /api/v1/statuses                    honours Idempotency-Key; 422 over the limit
    GET  /api/v1/accounts/:id/statuses       newest first
    GET  /api/v1/statuses/:id/source         the plain text as it was sent
    POST /api/v1/apps, POST /oauth/token     the OAuth app flow (codes from ``grant_code``)

Failures a test asks for: ``fail_next(method, path, FakeFailure(...))`` answers the next
matching request with that status and headers (429 with rate-limit headers, 503, 422, ...);
``revoke()`` makes the token answer 401; ``hang_after_accept = True`` creates the next status
and then never answers (the client times out although the post exists);
``media_processing_polls = N`` answers N polls with 206 before the media is ready.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "fake-mastodon-token"
ACCOUNT = {"id": "109", "username": "postwerk", "acct": "postwerk", "display_name": "Postwerk",
           "locked": False, "bot": False, "created_at": "2024-01-01T00:00:00.000Z",
           "note": "", "url": "", "avatar": "", "header": "", "followers_count": 0,
           "following_count": 0, "statuses_count": 0, "fields": [], "emojis": []}
DEFAULT_CONFIG: dict[str, Any] = {
    "statuses": {"max_characters": 500, "max_media_attachments": 4,
                 "characters_reserved_per_url": 23},
    "media_attachments": {"image_size_limit": 16777216, "description_limit": 1500,
                          "supported_mime_types": ["image/jpeg", "image/png", "image/webp"]},
}
URL_RE = re.compile(r"https?://[^\s<]+")
MENTION_RE = re.compile(r"(?<![\w/])@(\w+)@([\w.-]+\w)")


@dataclass
class FakeFailure:
    status: int
    error: str = "fake failure"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def render_html(text: str) -> str:
    """Text as Mastodon renders it: paragraphs, <br />, links split into visible parts."""
    def link(match: re.Match[str]) -> str:
        url = match.group(0)
        scheme, rest = url.split("://", 1)
        return (f'<a href="{url}" rel="nofollow noopener" target="_blank">'
                f'<span class="invisible">{scheme}://</span><span class="">{rest}</span>'
                '<span class="invisible"></span></a>')
    def mention(match: re.Match[str]) -> str:  # shown without the server, as Mastodon does
        user, domain = match.groups()
        return (f'<span class="h-card"><a href="https://{domain}/@{user}" class="u-url '
                f'mention">@<span>{user}</span></a></span>')
    paragraphs = [p for p in text.split("\n\n") if p]
    parts = [MENTION_RE.sub(mention, URL_RE.sub(link, html.escape(p, quote=False)))
             .replace("\n", "<br />") for p in paragraphs]
    return "".join(f"<p>{p}</p>" for p in parts)


class FakeMastodonServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(110000000000000001)
        self._release = threading.Event()
        self.reset()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeMastodonServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self) -> None:
        with self._lock:
            self._release.set()  # let a hanging handler of an earlier test finish
            self._release = threading.Event()
            self.tokens = {TOKEN}
            self.config: dict[str, Any] | None = json.loads(json.dumps(DEFAULT_CONFIG))
            self.statuses: list[dict[str, Any]] = []
            self.sources: dict[str, str] = {}
            self.media: dict[str, dict[str, Any]] = {}
            self.idempotency: dict[tuple[str, str], str] = {}
            self.failures: list[tuple[str, str, FakeFailure]] = []
            self.requests: list[tuple[str, str, dict[str, str]]] = []
            self.apps: dict[str, dict[str, str]] = {}
            self.codes: dict[str, str] = {}
            self.media_processing_polls = 0
            self.media_fails_processing = False
            self.hang_after_accept = False

    # -- what a test can ask for -------------------------------------------------------------

    def fail_next(self, method: str, path: str, failure: FakeFailure) -> None:
        with self._lock:
            self.failures.append((method, path, failure))

    def revoke(self) -> None:
        with self._lock:
            self.tokens.clear()

    def grant_code(self, client_id: str) -> str:
        """What the user's browser gets after approving the app at the authorization URL."""
        code = f"code-{next(self._ids)}"
        with self._lock:
            self.codes[code] = client_id
        return code

    def status_posts(self) -> list[dict[str, str]]:
        """Headers of every POST /api/v1/statuses request that reached the server."""
        return [h for m, p, h in self.requests if m == "POST" and p == "/api/v1/statuses"]

    # -- the API -----------------------------------------------------------------------------

    def _take_failure(self, method: str, path: str) -> FakeFailure | None:
        with self._lock:
            for index, (fail_method, fail_path, failure) in enumerate(self.failures):
                if fail_method == method and path.startswith(fail_path):
                    del self.failures[index]
                    return failure
        return None

    def answer(self, method: str, path: str, headers: dict[str, str],
               form: dict[str, list[str]], files: dict[str, bytes]) -> _Reply:
        with self._lock:
            self.requests.append((method, path, headers))
        failure = self._take_failure(method, path)
        if failure is not None:
            return _Reply(failure.status, {"error": failure.error}, failure.headers)
        public = {("GET", "/api/v2/instance"), ("GET", "/api/v1/instance"),
                  ("POST", "/api/v1/apps"), ("POST", "/oauth/token")}
        if (method, path.rstrip("/")) not in public and not self._authorized(headers):
            return _Reply(401, {"error": "The access token was revoked"})
        return self._route(method, path.rstrip("/"), headers, form, files)

    def _authorized(self, headers: dict[str, str]) -> bool:
        auth = headers.get("authorization", "")
        return auth.startswith("Bearer ") and auth[7:] in self.tokens

    def _route(self, method: str, path: str, headers: dict[str, str],
               form: dict[str, list[str]], files: dict[str, bytes]) -> _Reply:
        one = {key: values[-1] for key, values in form.items()}
        if method == "GET" and path in ("/api/v2/instance", "/api/v1/instance"):
            return self._instance()
        if method == "GET" and path == "/api/v1/accounts/verify_credentials":
            return _Reply(200, {**ACCOUNT, "source": {"privacy": "public", "note": ""}})
        if method == "POST" and path == "/api/v2/media":
            return self._upload(one, files)
        if method == "GET" and path.startswith("/api/v1/media/"):
            return self._poll_media(path.rsplit("/", 1)[1])
        if method == "POST" and path == "/api/v1/statuses":
            return self._post_status(headers, form, one)
        if method == "GET" and path == f"/api/v1/accounts/{ACCOUNT['id']}/statuses":
            limit = int(one.get("limit", "20"))
            return _Reply(200, list(reversed(self.statuses))[:limit])
        if method == "GET" and path.endswith("/source"):
            status_id = path.split("/")[-2]
            return self._source(status_id)
        if method == "POST" and path == "/api/v1/apps":
            return self._create_app(one)
        if method == "POST" and path == "/oauth/token":
            return self._token(one)
        return _Reply(404, {"error": "Record not found"})

    def _instance(self) -> _Reply:
        body: dict[str, Any] = {"domain": "127.0.0.1", "title": "Fake", "version": "4.4.0",
                                "source_url": "", "description": "", "languages": ["de"],
                                "api_versions": {"mastodon": 6}}
        if self.config is not None:
            body["configuration"] = self.config
        return _Reply(200, body)

    def _upload(self, one: dict[str, str], files: dict[str, bytes]) -> _Reply:
        if "file" not in files:
            return _Reply(422, {"error": "Validation failed: File can't be blank"})
        limit = (self.config or DEFAULT_CONFIG)["media_attachments"]["image_size_limit"]
        if len(files["file"]) > limit:
            return _Reply(422, {"error": "Validation failed: File file size must be less "
                                         f"than {limit // 1048576} MB"})
        media_id = str(next(self._ids))
        entry = {"id": media_id, "type": "image", "url": None, "preview_url": None,
                 "remote_url": None, "description": one.get("description"), "blurhash": None,
                 "meta": {}, "_polls_left": self.media_processing_polls,
                 "_bytes": len(files["file"])}
        with self._lock:
            self.media[media_id] = entry
        if entry["_polls_left"] > 0:
            return _Reply(202, self._public_media(entry))
        entry["url"] = f"{self.url}/system/media/{media_id}.png"
        return _Reply(200, self._public_media(entry))

    def _poll_media(self, media_id: str) -> _Reply:
        entry = self.media.get(media_id)
        if entry is None:
            return _Reply(404, {"error": "Record not found"})
        if self.media_fails_processing:
            return _Reply(422, {"error": "Error processing thumbnail for uploaded media"})
        with self._lock:
            entry["_polls_left"] -= 1
            ready = entry["_polls_left"] < 0
        if not ready:
            return _Reply(206, self._public_media(entry))
        entry["url"] = f"{self.url}/system/media/{media_id}.png"
        return _Reply(200, self._public_media(entry))

    @staticmethod
    def _public_media(entry: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in entry.items() if not key.startswith("_")}

    def _post_status(self, headers: dict[str, str], form: dict[str, list[str]],
                     one: dict[str, str]) -> _Reply:
        key = headers.get("idempotency-key")
        token = headers.get("authorization", "")
        with self._lock:
            if key and (token, key) in self.idempotency:
                existing = self.idempotency[(token, key)]
                return _Reply(200, next(s for s in self.statuses if s["id"] == existing))
        problem = self._invalid_status(form, one)
        if problem:
            return _Reply(422, {"error": problem})
        status = self._create_status(form, one)
        with self._lock:
            if key:
                self.idempotency[(token, key)] = status["id"]
        if self.hang_after_accept:
            self.hang_after_accept = False
            self._release.wait(30)  # the status exists; the reply never comes in time
        return _Reply(200, status)

    def _invalid_status(self, form: dict[str, list[str]], one: dict[str, str]) -> str | None:
        config = (self.config or DEFAULT_CONFIG)["statuses"]
        text = one.get("status", "")
        media_ids = form.get("media_ids[]", [])
        if not text and not media_ids:
            return "Validation failed: Text can't be blank"
        if len(text) > config["max_characters"]:
            return f"Validation failed: Text character limit of {config['max_characters']} exceeded"
        if len(media_ids) > config["max_media_attachments"]:
            return "Validation failed: Too many media attachments"
        if any(self.media.get(m, {}).get("url") is None for m in media_ids):
            return "Validation failed: Cannot attach files that have not finished processing"
        return None

    def _create_status(self, form: dict[str, list[str]], one: dict[str, str]) -> dict[str, Any]:
        status_id = str(next(self._ids))
        media = [self._public_media(self.media[m]) for m in form.get("media_ids[]", [])]
        status = {
            "id": status_id, "uri": f"{self.url}/users/postwerk/statuses/{status_id}",
            "url": f"{self.url}/@postwerk/{status_id}", "created_at": _now(),
            "account": ACCOUNT, "content": render_html(one.get("status", "")),
            "visibility": one.get("visibility", "public"),
            "sensitive": bool(one.get("spoiler_text")), "spoiler_text": one.get("spoiler_text", ""),
            "media_attachments": media, "in_reply_to_id": one.get("in_reply_to_id"),
            "in_reply_to_account_id": ACCOUNT["id"] if one.get("in_reply_to_id") else None,
            "language": one.get("language"), "tags": [], "emojis": [],
            "mentions": [{"id": str(next(self._ids)), "username": user, "acct": f"{user}@{host}",
                          "url": f"https://{host}/@{user}"}
                         for user, host in MENTION_RE.findall(one.get("status", ""))],
            "reblogs_count": 0, "favourites_count": 0, "replies_count": 0, "reblog": None,
            "poll": None, "card": None, "edited_at": None,
        }
        with self._lock:
            self.statuses.append(status)
            self.sources[status_id] = one.get("status", "")
        return status

    def _source(self, status_id: str) -> _Reply:
        status = next((s for s in self.statuses if s["id"] == status_id), None)
        if status is None:
            return _Reply(404, {"error": "Record not found"})
        return _Reply(200, {"id": status_id, "text": self.sources[status_id],
                            "spoiler_text": status["spoiler_text"]})

    def _create_app(self, one: dict[str, str]) -> _Reply:
        client_id = f"client-{next(self._ids)}"
        app = {"id": client_id, "name": one.get("client_name", ""), "client_id": client_id,
               "client_secret": f"secret-{client_id}", "redirect_uri": one.get("redirect_uris", ""),
               "scopes": one.get("scopes", "read").split()}
        with self._lock:
            self.apps[client_id] = app
        return _Reply(200, app)

    def _token(self, one: dict[str, str]) -> _Reply:
        client_id = self.codes.get(one.get("code", ""))
        app = self.apps.get(one.get("client_id", ""))
        valid = (one.get("grant_type") == "authorization_code" and app is not None
                 and client_id == app["client_id"]
                 and one.get("client_secret") == app["client_secret"])
        if not valid:
            return _Reply(400, {"error": "invalid_grant", "error_description":
                                "The provided authorization grant is invalid, expired, revoked"})
        token = f"token-{next(self._ids)}"
        with self._lock:
            self.tokens.add(token)
            del self.codes[one["code"]]
        return _Reply(200, {"access_token": token, "token_type": "Bearer",
                            "scope": " ".join(app["scopes"]), "created_at": 1700000000})

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _serve(self, method: str) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                form, files = _parse_body(self.headers.get("content-type", ""), raw)
                for key, values in parse_qs(parts.query).items():
                    form.setdefault(key, values)
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = fake.answer(method, parts.path, headers, form, files)
                body = json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json; charset=utf-8")
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

        return Handler


def _parse_body(content_type: str, raw: bytes) -> tuple[dict[str, list[str]], dict[str, bytes]]:
    """Form fields and uploaded files of a urlencoded or multipart/form-data body."""
    if content_type.startswith("application/x-www-form-urlencoded"):
        return parse_qs(raw.decode(), keep_blank_values=True), {}
    if content_type.startswith("application/json"):
        data = json.loads(raw or b"{}")
        return {k: v if isinstance(v, list) else [str(v)] for k, v in data.items()}, {}
    if not content_type.startswith("multipart/form-data"):
        return {}, {}
    message = BytesParser(policy=HTTP).parsebytes(
        f"content-type: {content_type}\r\n\r\n".encode() + raw)
    form: dict[str, list[str]] = {}
    files: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if part.get_filename():
            files[str(name)] = payload
        else:
            form.setdefault(str(name), []).append(payload.decode())
    return form, files
