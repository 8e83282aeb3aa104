"""Mastodon through Mastodon.py: limits from the server, media with alt text, never twice.

Credentials (``Mapping[str, str]``): ``base_url`` and ``access_token``; ``client_id`` and
``client_secret`` too when the OAuth app flow (``mastodon_auth``) made the token.

Exactly-once: every status carries ``Idempotency-Key: <attempt_id>`` (the reply with the first
comment ``<attempt_id>:comment``), so a retry with the same attempt returns the status the
server already made instead of a second one. Mastodon keeps those keys for about an hour, and
the key is not visible on a status, so ``find_existing`` (asked after a crash or a timeout,
possibly much later) looks at the account's recent statuses instead: one with the same content
warning and image count whose visible letters equal the request's is confirmed with
``/api/v1/statuses/:id/source``, which returns the exact text that was sent. If the crash came
between the status and its first comment, ``find_existing`` posts the comment, since the worker
takes a found post as done. An equal text is
only taken within ``find_window`` (two days), so a brand's yearly "Frohe Weihnachten" is not
mistaken for this one.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from mastodon import (
    Mastodon,
    MastodonError,
    MastodonNetworkError,
    MastodonRatelimitError,
)

from assistant.publish.base import (
    AuthKind,
    Health,
    Limits,
    MediaFile,
    PostRequest,
    ProviderError,
    Published,
    SaveCredentials,
)
from assistant.publish.documented import documented_limits
from assistant.publish.http_errors import kind_for_status, retry_after_seconds
from assistant.publish.text import text_with_link

# Mastodon's documented defaults (from the catalogue), for what /api/v2/instance leaves out
DOCUMENTED_LIMITS = documented_limits("mastodon")
# Mastodon.py asks for the server version before some calls unless told one; 4.0 has every
# endpoint used here (v2 media, v2 instance, status source, Idempotency-Key).
ASSUMED_VERSION = "4.0.0"
LIMITS = "reading the server's limits"  # a 404 there only means "no /api/v2/instance"
FIND_LIMIT = 40  # statuses looked at by find_existing: the most one page returns

T = TypeVar("T")


def limits_from_instance(instance: Mapping[str, Any]) -> Limits:
    """The limits in a /api/v2/instance answer; documented values for what it leaves out."""
    config = instance.get("configuration") or {}
    statuses = config.get("statuses") or {}
    media = config.get("media_attachments") or {}
    found = {
        "max_chars": statuses.get("max_characters"),
        "max_images": statuses.get("max_media_attachments"),
        "max_image_bytes": media.get("image_size_limit"),
        "max_alt_chars": media.get("description_limit"),
    }
    if all(value is None for value in found.values()):
        return DOCUMENTED_LIMITS
    return Limits(
        max_chars=int(found["max_chars"] or DOCUMENTED_LIMITS.max_chars),
        max_images=int(found["max_images"] or DOCUMENTED_LIMITS.max_images),
        max_image_bytes=int(found["max_image_bytes"] or DOCUMENTED_LIMITS.max_image_bytes),
        max_alt_chars=(int(found["max_alt_chars"]) if found["max_alt_chars"] is not None
                       else DOCUMENTED_LIMITS.max_alt_chars),
        source="server",
    )


def visible_letters(text: str) -> str:
    """Letters and digits only, case-folded: equal for a text and its HTML rendering."""
    return "".join(char for char in text.casefold() if char.isalnum())


def html_letters(content: str) -> str:
    return visible_letters(html.unescape(re.sub(r"<[^>]+>", "", content)))


class MastodonProvider:
    """One connected Mastodon account. ``session``, ``sleep`` and ``now`` are injectable."""

    network = "mastodon"
    auth_kind: AuthKind = "token"

    def __init__(self, credentials: Mapping[str, str], save: SaveCredentials | None = None, *,
                 session: requests.Session | None = None, timeout: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 media_polls: int = 30, media_poll_interval: float = 2.0,
                 find_window: timedelta = timedelta(days=2)) -> None:
        base_url, token = credentials.get("base_url", ""), credentials.get("access_token", "")
        if not base_url or not token:
            raise ProviderError("auth", "This Mastodon channel has no server URL or access "
                                "token; connect it again on the Channels page")
        self.base_url = base_url.rstrip("/")
        self._save = save
        self._sleep, self._now = sleep, now
        self.media_polls, self.media_poll_interval = media_polls, media_poll_interval
        self.find_window = find_window
        self._session = session or requests.Session()
        # the last answer, so that errors can read its status and rate-limit headers
        self._last: requests.Response | None = None
        self._session.hooks["response"].append(self._remember)
        self._api = Mastodon(access_token=token, api_base_url=self.base_url,
                             session=self._session, request_timeout=timeout,
                             ratelimit_method="throw", mastodon_version=ASSUMED_VERSION,
                             version_check_mode="created")
        self._limits: Limits | None = None

    def _remember(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        self._last = response

    # -- calls and their errors ----------------------------------------------------------------

    def _call(self, action: str, method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        self._last = None
        try:
            return method(*args, **kwargs)
        except MastodonError as exc:
            raise self._translate(action, exc) from exc

    def _translate(self, action: str, exc: MastodonError) -> ProviderError:
        response = self._last
        if isinstance(exc, MastodonNetworkError):
            return ProviderError("transient", f"Mastodon did not answer while {action} "
                                 f"({exc}); it will be tried again")
        if response is None:  # refused before sending: a missing file, a bad argument
            return ProviderError("rejected", f"Mastodon: cannot {action}: {exc}")
        code = response.status_code
        kind = "rate_limit" if isinstance(exc, MastodonRatelimitError) else kind_for_status(code)
        reason = _server_error(response) or str(exc)
        if code == 404 and action != LIMITS:  # every path used exists on a Mastodon server
            return ProviderError("auth", f"{self.base_url} answered 404 while {action} "
                                 f"({reason}); check the server address and connect the "
                                 "channel again", status_code=code)
        if kind == "auth":
            message = (f"Mastodon refused the access token while {action} ({reason}); "
                       "reconnect the channel on the Channels page")
        elif kind == "rate_limit":
            message = f"Mastodon's rate limit was reached while {action}; waiting for its reset"
        elif kind == "transient":
            message = f"Mastodon answered {code} while {action}; it will be tried again"
        else:
            message = f"Mastodon refused this post: {reason}"
        return ProviderError(kind, message, status_code=code,
                             retry_after=retry_after_seconds(response.headers, self._now()))

    # -- the Provider interface ------------------------------------------------------------------

    def limits(self) -> Limits:
        if self._limits is None:
            try:
                instance = self._call(LIMITS, self._api.instance_v2)
                self._limits = limits_from_instance(instance)
            except ProviderError as exc:
                if exc.status_code != 404:  # a server without /api/v2/instance: documented
                    raise
                self._limits = DOCUMENTED_LIMITS
        return self._limits

    def check(self) -> Health:
        try:
            account = self._call("checking the connection", self._api.account_verify_credentials)
        except ProviderError as exc:
            if exc.kind == "auth":
                return Health("needs_reconnect", str(exc))
            return Health("error", str(exc))
        handle = f"@{account['acct']}@{urlsplit(self.base_url).netloc}"
        return Health("ok", f"connected as {handle}", account=handle)

    def publish(self, request: PostRequest) -> Published:
        media_ids = [self._upload(media) for media in request.media]
        status = self._call(
            "posting the status", self._api.status_post, text_with_link(request),
            media_ids=media_ids or None, visibility=request.visibility,
            spoiler_text=request.content_warning or None, language=request.language,
            idempotency_key=request.attempt_id)
        comment_url = self._reply(status, request) if request.first_comment else None
        return _published(status, comment_url)

    def find_existing(self, request: PostRequest) -> Published | None:
        account = self._call("looking for the post", self._api.account_verify_credentials)
        recent = self._call("looking for the post", self._api.account_statuses, account["id"],
                            limit=FIND_LIMIT, exclude_reblogs=True)
        for status in recent:
            if self._same_post(status, request):
                return _published(status, self._comment_of(status, recent, request))
        return None

    # -- parts -------------------------------------------------------------------------------------

    def _upload(self, media: MediaFile) -> str:
        """Upload one image with its alt text; poll while the server answers "processing"."""
        attachment = self._call(f"uploading {media.path}", self._api.media_post, media.path,
                                mime_type=media.mime_type, description=media.alt_text or None)
        for _ in range(self.media_polls):
            if attachment.get("url"):
                return str(attachment["id"])
            self._sleep(self.media_poll_interval)
            attachment = self._call(f"waiting for {media.path}", self._api.media,
                                    attachment["id"])
        if attachment.get("url"):
            return str(attachment["id"])
        waited = self.media_polls * self.media_poll_interval
        raise ProviderError("transient", f"Mastodon was still processing {media.path} after "
                            f"{waited:.0f} s; the post will be tried again")

    def _reply(self, status: Mapping[str, Any], request: PostRequest) -> str:
        """The first comment as a reply in the status's thread; its URL."""
        reply = self._call(
            "posting the first comment", self._api.status_post, request.first_comment,
            in_reply_to_id=status["id"], visibility=request.visibility,
            language=request.language, idempotency_key=f"{request.attempt_id}:comment")
        return str(reply["url"])

    def _comment_of(self, status: Mapping[str, Any], recent: list[Any],
                    request: PostRequest) -> str | None:
        """The URL of the status's first comment; posted now if the crash came between the
        two, since the worker takes a found post as done (its own Idempotency-Key keeps it
        single)."""
        if not request.first_comment:
            return None
        replies = [s for s in recent if str(s.get("in_reply_to_id")) == str(status["id"])]
        return str(replies[-1]["url"]) if replies else self._reply(status, request)

    def _same_post(self, status: Mapping[str, Any], request: PostRequest) -> bool:
        created = status.get("created_at")
        if status.get("in_reply_to_id") or not isinstance(created, datetime):
            return False
        created = created if created.tzinfo else created.replace(tzinfo=UTC)
        text = text_with_link(request)
        if (created < self._now() - self.find_window
                or (status.get("spoiler_text") or "") != (request.content_warning or "")
                or len(status.get("media_attachments") or []) != len(request.media)
                or not self._letters_may_match(status, text)):
            return False
        source = self._call("looking for the post", self._api.status_source, status["id"])
        return bool((source.get("text") or "").strip() == text.strip())

    @staticmethod
    def _letters_may_match(status: Mapping[str, Any], text: str) -> bool:
        """A cheap filter before asking for the source. A mention is shown without its
        server (``@anna@social.example`` as ``@anna``), so then only the source can tell."""
        if status.get("mentions"):
            return True
        return html_letters(status.get("content") or "") == visible_letters(text)


def _server_error(response: requests.Response) -> str | None:
    """The ``error`` text of a Mastodon error body (``{"error": "Validation failed: ..."}``)."""
    try:
        body = response.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return str(error) if error else None


def _published(status: Mapping[str, Any], comment_url: str | None) -> Published:
    created = status.get("created_at")
    return Published(url=str(status.get("url") or status.get("uri")), remote_id=str(status["id"]),
                     published_at=created if isinstance(created, datetime) else None,
                     comment_url=comment_url)


def connect(credentials: Mapping[str, str], save: SaveCredentials) -> MastodonProvider:
    """The ProviderFactory the registry uses for ``mastodon`` channels."""
    return MastodonProvider(credentials, save)
