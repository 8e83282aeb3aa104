"""LinkedIn personal profile through the versioned REST API (self-serve ``w_member_social``).

Credentials: ``access_token``, ``expires_at`` (ISO), ``member_urn`` and maybe
``refresh_token`` (``linkedin_api.exchange_code`` makes them).

A post: images go up first (``/rest/images?action=initializeUpload``, then a PUT of the bytes
to the upload URL LinkedIn returns; polled until the image is AVAILABLE), then
``POST /rest/posts``; the new post's URN comes back in the ``x-restli-id`` header and its URL
is ``https://www.linkedin.com/feed/update/<urn>/``. The commentary is in LinkedIn's "little"
text format: its reserved characters are escaped, or LinkedIn silently cuts the text at the
first one; hashtags and URLs stay as they are so they stay clickable.

Never twice: ``w_member_social`` cannot read posts back, so ``find_existing`` cannot look.
LinkedIn itself refuses the same content from the same member a second time with 422
``DUPLICATE_POST``, naming the post it already has; ``publish`` takes that answer as the post
(the retry after a timeout that LinkedIn had in fact accepted), so a retry never makes a second
post. A person who really posts the same text twice is told so by LinkedIn the same way, and
then gets that earlier post's URL.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from assistant.config import get_settings
from assistant.platforms.catalogue import get_platform
from assistant.platforms.counting import analyse
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
from assistant.publish.linkedin_api import (
    Clock,
    LinkedInApp,
    refresh_credentials,
    send,
    utc_now,
)
from assistant.publish.text import text_with_link

POST_URL = "https://www.linkedin.com/feed/update/{urn}/"
DUPLICATE_RE = re.compile(r"duplicate of (urn:li:(?:share|ugcPost):\d+)")
EXPIRING_DAYS = 14  # the Channels page warns this long before the token runs out
VISIBILITY = {"public": "PUBLIC", "unlisted": "PUBLIC", "private": "CONNECTIONS",
              "connections": "CONNECTIONS"}


def little_text(text: str) -> str:
    """``text`` in LinkedIn's little format: reserved characters backslash-escaped.

    The reserved set is the catalogue's (the checker warns about the same characters); the
    ``#`` of a hashtag and everything inside a URL are left alone, so both stay links.
    """
    reserved = get_platform("linkedin").reserved_chars
    facts = analyse(text)
    tag_starts = {start for start, _, _ in facts.hashtags}
    in_url = {index for start, end, _ in facts.urls for index in range(start, end)}
    out = []
    for index, char in enumerate(text):
        keep = index in tag_starts or index in in_url
        out.append(char if keep or char not in reserved else "\\" + char)
    return "".join(out)


def post_body(request: PostRequest, member_urn: str, images: list[str]) -> dict[str, Any]:
    """The JSON of POST /rest/posts for this request and its uploaded image URNs."""
    body: dict[str, Any] = {
        "author": member_urn,
        "commentary": little_text(text_with_link(request)),
        "visibility": VISIBILITY.get((request.visibility or "public").lower(), "PUBLIC"),
        "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [],
                         "thirdPartyDistributionChannels": []},
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": False,
    }
    described = [{"id": urn, "altText": media.alt_text}
                 for urn, media in zip(images, request.media, strict=True)]
    if len(described) == 1:
        body["content"] = {"media": described[0]}
    elif described:
        body["content"] = {"multiImage": {"images": described}}
    return body


class LinkedInProvider:
    """One connected LinkedIn member. ``client``, ``app``, ``sleep`` and ``now`` injectable."""

    network = "linkedin"
    auth_kind: AuthKind = "oauth2"

    def __init__(self, credentials: Mapping[str, str], save: SaveCredentials | None = None, *,
                 app: LinkedInApp | None = None, client: httpx.Client | None = None,
                 timeout: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 now: Clock = utc_now, image_polls: int = 20,
                 image_poll_interval: float = 1.0) -> None:
        if not credentials.get("access_token") or not credentials.get("member_urn"):
            raise ProviderError("auth", "This LinkedIn channel has no access token or member; "
                                "connect it again on the Channels page")
        self._credentials = dict(credentials)
        self._save = save
        self.app = app or LinkedInApp.from_settings(get_settings())
        self._client = client or httpx.Client(timeout=timeout)
        self._sleep, self._now = sleep, now
        self.image_polls, self.image_poll_interval = image_polls, image_poll_interval

    # -- the token -------------------------------------------------------------------------------

    @property
    def expires_at(self) -> datetime | None:
        raw = self._credentials.get("expires_at")
        return datetime.fromisoformat(raw) if raw else None

    def _token(self) -> str:
        """A usable access token: refreshed when it is about to run out and LinkedIn gave a
        refresh token (saved through the worker), else an auth error once it has expired."""
        expires = self.expires_at
        if expires is not None and expires <= self._now() + timedelta(days=1):
            if self._credentials.get("refresh_token") and self.app.client_secret:
                self._credentials = refresh_credentials(self._client, self.app,
                                                        self._credentials, now=self._now)
                if self._save is not None:
                    self._save(dict(self._credentials))
            elif expires <= self._now():
                raise ProviderError("auth", f"LinkedIn access expired on {expires:%Y-%m-%d}; "
                                    "reconnect the channel on the Channels page")
        return self._credentials["access_token"]

    def _rest(self, method: str, path: str, action: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.app.rest_headers(self._token()), **kwargs.pop("headers", {})}
        return send(self._client, method, f"{self.app.api_url}{path}", action, now=self._now,
                    headers=headers, **kwargs)

    # -- the Provider interface ------------------------------------------------------------------

    def limits(self) -> Limits:
        return documented_limits("linkedin")  # LinkedIn's API does not publish its limits

    def check(self) -> Health:
        try:
            who = self._rest("GET", "/v2/userinfo", "checking the connection").json()
        except ProviderError as exc:
            if exc.kind == "auth":
                return Health("needs_reconnect", str(exc), expires_at=self.expires_at)
            return Health("error", str(exc), expires_at=self.expires_at)
        account = str(who.get("name") or self._credentials["member_urn"])
        expires = self.expires_at
        if expires is None:
            return Health("ok", f"connected as {account}", account=account)
        days = max(0, (expires - self._now()).days)
        message = f"connected as {account}; expires in {days} days"
        if days < EXPIRING_DAYS:
            return Health("expiring", message, account=account, expires_at=expires)
        return Health("ok", message, account=account, expires_at=expires)

    def publish(self, request: PostRequest) -> Published:
        images = [self._upload(media) for media in request.media]
        body = post_body(request, self._credentials["member_urn"], images)
        try:
            created = self._rest("POST", "/rest/posts", "posting", json=body)
            urn = created.headers.get("x-restli-id", "")
        except ProviderError as exc:
            urn = self._duplicate_of(exc)
        url = POST_URL.format(urn=urn)
        comment_url = self._comment(urn, request.first_comment) if request.first_comment else None
        return Published(url=url, remote_id=urn, published_at=self._now(),
                         comment_url=comment_url)

    def find_existing(self, request: PostRequest) -> Published | None:
        # w_member_social cannot read posts; LinkedIn's DUPLICATE_POST answer in publish is
        # what finds the post that already exists (see the module docstring)
        return None

    # -- parts -------------------------------------------------------------------------------------

    @staticmethod
    def _duplicate_of(exc: ProviderError) -> str:
        """The URN LinkedIn names when it refuses a post it already has; else re-raise."""
        match = DUPLICATE_RE.search(str(exc))
        if exc.status_code != 422 or match is None:
            raise exc
        return match.group(1)

    def _upload(self, media: MediaFile) -> str:
        try:
            data = Path(media.path).read_bytes()
        except OSError as exc:
            raise ProviderError("rejected", f"cannot read the image {media.path} "
                                f"({exc.strerror}); attach it again") from exc
        owner = {"initializeUploadRequest": {"owner": self._credentials["member_urn"]}}
        value = self._rest("POST", "/rest/images?action=initializeUpload",
                           f"preparing the upload of {media.path}", json=owner).json()["value"]
        send(self._client, "PUT", value["uploadUrl"], f"uploading {media.path}", now=self._now,
             content=data, headers={"Authorization": f"Bearer {self._token()}",
                                    "Content-Type": media.mime_type})
        self._wait_available(value["image"], media.path)
        return str(value["image"])

    def _wait_available(self, urn: str, name: str) -> None:
        """LinkedIn processes an image after the upload; a post made before it is AVAILABLE
        fails or shows no image, so ask (bounded, with the injected sleep)."""
        for _ in range(self.image_polls):
            image = self._rest("GET", f"/rest/images/{quote(urn, safe='')}",
                               f"waiting for {name}").json()
            if image.get("status") == "AVAILABLE":
                return
            if image.get("status") == "PROCESSING_FAILED":
                raise ProviderError("rejected", f"LinkedIn could not process the image {name}; "
                                    "use a JPEG, PNG or GIF under 5 MB")
            self._sleep(self.image_poll_interval)
        raise ProviderError("transient", f"LinkedIn was still processing {name}; the post "
                            "will be tried again")

    def _comment(self, urn: str, text: str) -> str:
        body = {"actor": self._credentials["member_urn"], "object": urn,
                "message": {"text": little_text(text)}}
        reply = self._rest("POST", f"/rest/socialActions/{quote(urn, safe='')}/comments",
                           "posting the first comment", json=body)
        comment = reply.headers.get("x-restli-id") or reply.json().get("commentUrn", "")
        return f"{POST_URL.format(urn=urn)}?commentUrn={quote(str(comment), safe='')}"


def connect(credentials: Mapping[str, str], save: SaveCredentials) -> LinkedInProvider:
    """The ProviderFactory the registry uses for ``linkedin`` channels."""
    return LinkedInProvider(credentials, save)
