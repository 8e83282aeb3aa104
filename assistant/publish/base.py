"""The provider interface: what every network (Mastodon, Bluesky, LinkedIn, webhook) offers.

Pure: dataclasses and a Protocol, no I/O. A provider turns a ``PostRequest`` into a
``Published`` or raises ``ProviderError`` with one of four kinds, which the worker maps to what
happens to the queue item:

    auth         the channel needs reconnecting (token revoked or expired): item waits, the
                 channel's health says "needs reconnect"
    rate_limit   retry after ``retry_after`` seconds (the server's time, capped by the worker)
    transient    network trouble, 5xx, a timeout: retry with bounded backoff; the provider's
                 ``find_existing`` is asked first, since the server may have accepted the post
    rejected     the network refused this post (too long, bad media, ...): the item goes back to
                 a person with the platform's reason

Exactly-once in effect: the worker stores ``attempt_id`` on the item before calling
``publish``; a provider passes it to the network's own idempotency where there is one
(Mastodon's ``Idempotency-Key``, a deterministic record key on Bluesky) and ``find_existing``
looks for a post carrying it after a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol, runtime_checkable

from assistant.errors import PublishError

AuthKind = Literal["token", "app_password", "oauth2", "none"]
ErrorKind = Literal["auth", "rate_limit", "transient", "rejected"]
ERROR_KINDS: tuple[ErrorKind, ...] = ("auth", "rate_limit", "transient", "rejected")


class ProviderError(PublishError):
    """A publish that did not happen, sorted by what to do next (see the module docstring)."""

    def __init__(self, kind: ErrorKind, message: str, *, retry_after: float | None = None,
                 status_code: int | None = None) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.retry_after = retry_after
        self.status_code = status_code


@dataclass(frozen=True)
class Limits:
    """What one post may carry on this channel; read from the live server where it says so."""

    max_chars: int
    max_images: int
    max_image_bytes: int
    max_alt_chars: int | None = None
    source: Literal["server", "documented"] = "documented"


@dataclass(frozen=True)
class MediaFile:
    """An image to attach: a path inside the media store, its MIME type and its alt text."""

    path: str
    mime_type: str
    alt_text: str = ""


@dataclass(frozen=True)
class PostRequest:
    """One queue item as a provider needs it. ``attempt_id`` is stable across retries."""

    text: str
    attempt_id: str
    media: tuple[MediaFile, ...] = ()
    link: str | None = None
    first_comment: str | None = None
    language: str | None = None
    visibility: str | None = None        # Mastodon: public / unlisted / private
    content_warning: str | None = None   # Mastodon spoiler text


@dataclass(frozen=True)
class Published:
    """Where the post now lives. ``remote_id`` lets ``find_existing`` and deletes find it."""

    url: str
    remote_id: str
    published_at: datetime | None = None
    comment_url: str | None = None


@dataclass(frozen=True)
class Health:
    """A channel's connection as the Channels page shows it."""

    state: Literal["ok", "expiring", "needs_reconnect", "error"]
    message: str
    account: str | None = None
    expires_at: datetime | None = None
    details: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class Provider(Protocol):
    """One network. Implementations take their credentials and an HTTP client in __init__."""

    network: str
    auth_kind: AuthKind

    def limits(self) -> Limits:
        """The channel's limits (from the live server where the API offers them)."""
        ...

    def check(self) -> Health:
        """A cheap authenticated call: is the connection usable, and until when?"""
        ...

    def publish(self, request: PostRequest) -> Published:
        """Publish text, images with alt text, link and first comment; raise ProviderError."""
        ...

    def find_existing(self, request: PostRequest) -> Published | None:
        """After a crash or a timeout: the post carrying ``request.attempt_id``, if it exists."""
        ...


# How the worker builds a provider for one connected channel: the channel's decrypted
# credentials, and a callback the provider calls when they change (a refreshed Bluesky session,
# a renewed OAuth token), so the new ones are stored encrypted and no login is repeated.
SaveCredentials = Callable[[Mapping[str, str]], None]
ProviderFactory = Callable[[Mapping[str, str], SaveCredentials], Provider]
