"""Bluesky through the atproto SDK: app-password login, a kept session, rich text, images with
alt text, link cards, a first comment, and one record per attempt however often it is retried.

Session: the first use logs in with the app password ONCE and hands the exported session to
``save`` (the worker stores it encrypted). Later providers import it; the SDK refreshes the
access token when it runs out and ``save`` gets the new one. Only a session the server no
longer accepts leads to one new login. Bluesky allows 30 logins per 5 minutes per account, so
a login per post would lock a busy channel out.

Exactly once: the record key is derived from the attempt id (``bluesky_text.record_key``).
The PDS cannot hold two records under one key, so a retry after a crash either finds the
post (``find_existing``) or writes it for the first time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
from atproto_client import Client, Session, SessionEvent
from atproto_client import exceptions as sdk
from atproto_client.request import Request

from assistant.compliance.linkcard import PagePreview, fetch_image, fetch_preview
from assistant.errors import ImageError
from assistant.platforms.catalogue import get_platform
from assistant.platforms.counting import count_length, utf8_bytes
from assistant.publish.base import (
    AuthKind,
    Health,
    Limits,
    PostRequest,
    ProviderError,
    Published,
    SaveCredentials,
)
from assistant.publish.bluesky_errors import classify, is_not_found
from assistant.publish.bluesky_media import PreparedImage, prepare_bytes, prepare_image
from assistant.publish.bluesky_text import facets, first_link, record_key, web_url

POST = "app.bsky.feed.post"
DEFAULT_SERVICE = "https://bsky.social"
T = TypeVar("T")
Preview = Callable[[str], PagePreview]
Picture = Callable[[str], bytes | None]


def bluesky_limits() -> Limits:
    """The lexicon's limits, kept in the platform catalogue (the PDS does not publish them)."""
    platform = get_platform("bluesky")
    return Limits(max_chars=platform.text_limit, max_images=platform.max_images,
                  max_image_bytes=max(p.max_bytes for p in platform.presets),
                  max_alt_chars=platform.alt_text_limit, source="documented")


def refusal(request: PostRequest, limits: Limits) -> str | None:
    """Why the post cannot go to Bluesky as it is, in one line, or None."""
    length = count_length("bluesky", request.text)
    byte_limit = get_platform("bluesky").byte_limit
    if length > limits.max_chars:
        return f"the text has {length} characters, Bluesky takes {limits.max_chars}; shorten it"
    if byte_limit and utf8_bytes(request.text) > byte_limit:
        return f"the text is over Bluesky's {byte_limit} bytes; shorten it"
    if len(request.media) > limits.max_images:
        return (f"{len(request.media)} images attached, Bluesky takes {limits.max_images}; "
                "remove some")
    for media in request.media:
        if limits.max_alt_chars and len(media.alt_text) > limits.max_alt_chars:
            return (f"the alt text of {media.path} is over {limits.max_alt_chars} characters; "
                    "shorten it")
    return None


class BlueskyProvider:
    """One connected Bluesky account. ``transport`` and ``preview`` are for tests."""

    network = "bluesky"
    auth_kind: AuthKind = "app_password"

    def __init__(self, credentials: Mapping[str, str], save: SaveCredentials, *,
                 transport: httpx.BaseTransport | None = None, timeout: float = 30.0,
                 clock: Callable[[], float] = time.time, preview: Preview | None = None,
                 picture: Picture | None = None) -> None:
        self._credentials = dict(credentials)
        self._save = save
        self._clock = clock
        self._preview = preview or fetch_preview
        self._picture = picture or fetch_image
        options: dict[str, Any] = {"timeout": timeout}
        if transport is not None:
            options["transport"] = transport
        service = self._credentials.get("service") or DEFAULT_SERVICE
        self._client = Client(base_url=service, request=Request(**options))
        self._client.on_session_change(self._session_changed)
        self._connected = False
        self._did = ""
        self._handles: dict[str, str | None] = {}

    # -- session ------------------------------------------------------------------------
    def _session_changed(self, event: SessionEvent, session: Session) -> None:
        self._did = session.did  # the account's repo; without an app view there is no profile
        if event in (SessionEvent.CREATE, SessionEvent.REFRESH):
            self._credentials["session"] = self._client.export_session_string()
            self._save(dict(self._credentials))

    def _login(self) -> None:
        handle = self._credentials.get("handle", "")
        password = self._credentials.get("app_password", "")
        if not handle or not password:
            raise ProviderError("auth", "this Bluesky channel has no handle or app password; "
                                "connect it again")
        try:
            self._client.login(handle, password, fetch_bsky_profile=False)
        except (sdk.AtProtocolError, httpx.HTTPError) as exc:
            raise classify(exc, self._clock) from exc
        self._connected = True

    def _connect(self) -> None:
        if self._connected:
            return
        session = self._credentials.get("session")
        if not session:
            self._login()
            return
        try:
            self._client.login(session_string=session, fetch_bsky_profile=False)
        except (ValueError, sdk.AtProtocolError):
            self._login()  # a damaged stored session: log in again rather than give up
            return
        self._connected = True

    def _call(self, action: Callable[[], T]) -> T:
        """Run one SDK call on the session; a session the server refuses gets ONE login."""
        self._connect()
        try:
            return action()
        except (sdk.AtProtocolError, httpx.HTTPError) as exc:
            error = classify(exc, self._clock)
            if error.kind != "auth":
                raise error from exc
        self._connected = False
        self._login()
        try:
            return action()
        except (sdk.AtProtocolError, httpx.HTTPError) as exc:
            raise classify(exc, self._clock) from exc

    # -- the Provider interface ---------------------------------------------------------
    def limits(self) -> Limits:
        return bluesky_limits()

    def check(self) -> Health:
        try:
            answer = self._call(lambda: self._client.com.atproto.server.get_session())
        except ProviderError as exc:
            account = self._credentials.get("handle")
            if exc.kind == "auth":
                return Health(state="needs_reconnect", message=str(exc), account=account)
            return Health(state="error", message=str(exc), account=account)
        return Health(state="ok", message=f"connected as @{answer.handle}",
                      account=answer.handle, details={"did": answer.did})

    def publish(self, request: PostRequest) -> Published:
        limits = self.limits()
        reason = refusal(request, limits)
        if reason:
            raise ProviderError("rejected", reason)
        try:
            images = [prepare_image(m, limits.max_image_bytes) for m in request.media]
        except ImageError as exc:
            raise ProviderError("rejected", str(exc)) from exc
        self._connect()
        record = self._record(request.text, request.language)
        embed = self._images_embed(images) if images else self._card(request)
        if embed:
            record["embed"] = embed
        post = self._create(record_key(request.attempt_id), record)
        return self._published(post, self._comment(request, post))

    def find_existing(self, request: PostRequest) -> Published | None:
        """The attempt's post if it exists. The worker takes a found post as done, so a first
        comment that a crash kept from going out is posted now (under its own record key)."""
        found = self._get(record_key(request.attempt_id))
        if found is None:
            return None
        rkey = record_key(request.attempt_id, "comment")
        comment = self._get(rkey) if request.first_comment else None
        comment_url = self._published(comment).url if comment else self._comment(request, found)
        return self._published(found, comment_url)

    def _comment(self, request: PostRequest, post: dict[str, str]) -> str | None:
        """Post the first comment as a reply to ``post``; its URL, or None without one."""
        if not request.first_comment:
            return None
        comment = self._record(request.first_comment, request.language)
        comment["reply"] = {"root": post, "parent": post}
        return self._published(
            self._create(record_key(request.attempt_id, "comment"), comment)).url

    # -- records ------------------------------------------------------------------------
    def _record(self, text: str, language: str | None) -> dict[str, Any]:
        created = datetime.fromtimestamp(self._clock(), UTC).isoformat().replace("+00:00", "Z")
        record: dict[str, Any] = {"$type": POST, "text": text, "createdAt": created}
        found = facets(text, self._resolve_handle)
        if found:
            record["facets"] = found
        if language:
            record["langs"] = [language]
        return record

    def _create(self, rkey: str, record: dict[str, Any]) -> dict[str, str]:
        """Write the record under ``rkey``; if that fails, it may have been written before
        (a retry, or an answer lost after the server accepted): look before giving up."""
        try:
            made = self._call(lambda: self._client.com.atproto.repo.create_record(
                {"repo": self._did, "collection": POST, "rkey": rkey, "record": record}))
        except ProviderError as error:
            existing = self._get(rkey) if error.kind != "auth" else None
            if existing is None:
                raise
            return existing
        return {"uri": made.uri, "cid": made.cid}

    def _get(self, rkey: str) -> dict[str, str] | None:
        def fetch() -> Any:
            params = {"repo": self._did, "collection": POST, "rkey": rkey}
            try:
                return self._client.com.atproto.repo.get_record(params)
            except sdk.RequestErrorBase as exc:
                if is_not_found(exc):
                    return None
                raise

        found = self._call(fetch)
        return {"uri": found.uri, "cid": found.cid or ""} if found else None

    def _published(self, ref: Mapping[str, str], comment_url: str | None = None) -> Published:
        actor = self._credentials.get("handle") or self._did
        return Published(url=web_url(actor, ref["uri"]), remote_id=ref["uri"],
                         published_at=datetime.fromtimestamp(self._clock(), UTC),
                         comment_url=comment_url)

    def _resolve_handle(self, handle: str) -> str | None:
        if handle not in self._handles:
            try:
                answer = self._client.com.atproto.identity.resolve_handle({"handle": handle})
                self._handles[handle] = answer.did
            except (sdk.AtProtocolError, httpx.HTTPError):
                self._handles[handle] = None  # unknown: the mention stays plain text
        return self._handles[handle]

    # -- embeds -------------------------------------------------------------------------
    def _upload(self, image: PreparedImage) -> dict[str, Any]:
        headers = {"Content-Type": image.mime_type}
        blob = self._call(lambda: self._client.com.atproto.repo.upload_blob(
            image.data, headers=headers)).blob
        return {"$type": "blob", "ref": {"$link": str(blob.cid)}, "mimeType": blob.mime_type,
                "size": blob.size}

    def _images_embed(self, images: list[PreparedImage]) -> dict[str, Any]:
        return {"$type": "app.bsky.embed.images", "images": [
            {"image": self._upload(image), "alt": image.alt_text,
             "aspectRatio": {"width": image.width, "height": image.height}}
            for image in images]}

    def _card(self, request: PostRequest) -> dict[str, Any] | None:
        url = request.link or first_link(request.text)
        if not url:
            return None
        page = self._preview(url)
        external: dict[str, Any] = {"uri": url, "title": page.title,
                                    "description": page.description}
        thumb = self._thumb(page.image_url) if page.image_url else None
        if thumb:
            external["thumb"] = thumb
        return {"$type": "app.bsky.embed.external", "external": external}

    def _thumb(self, image_url: str) -> dict[str, Any] | None:
        """The page's og:image as the card's picture; a card without one if it is missing,
        refused by the link guard or no usable image (the post matters, the picture not)."""
        data = self._picture(image_url)
        if not data:
            return None
        try:
            image = prepare_bytes(data, image_url.rsplit("/", 1)[-1] or "og-image", "",
                                  self.limits().max_image_bytes)
        except ImageError:
            return None
        return self._upload(image)


def bluesky_factory(credentials: Mapping[str, str], save: SaveCredentials) -> BlueskyProvider:
    """The registry's factory: one provider per connected Bluesky channel."""
    return BlueskyProvider(credentials, save)
