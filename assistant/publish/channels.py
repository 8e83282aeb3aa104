"""Connected channels: connect (check first, then store sealed), test, list, remove, and
the provider of a channel with its credentials opened (only in memory)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from assistant.config import Settings, get_settings
from assistant.errors import InputError, PublishError
from assistant.publish import registry
from assistant.publish.base import Health, Provider, ProviderError
from assistant.publish.credentials import CredentialBox, box_from_settings
from assistant.publish.models import ConnectedChannel, health_after
from assistant.queue.publish_store import ChannelStore
from assistant.queue.storage import QueueStorage

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Field:
    """One credential a network needs to connect (the connect forms and `--help` show it)."""

    key: str
    label: str
    secret: bool = False
    required: bool = True
    default: str = ""


# network -> the credentials its provider reads (see each provider's module docstring)
CONNECT_FIELDS: dict[str, tuple[Field, ...]] = {
    "bluesky": (Field("service", "PDS address", default="https://bsky.social"),
                Field("handle", "Handle (e.g. brand.bsky.social)"),
                Field("app_password", "App password (Settings > App passwords)", secret=True)),
    "linkedin": (Field("access_token", "Access token (w_member_social)", secret=True),
                 Field("member_urn", "Member URN (urn:li:person:...)"),
                 Field("expires_at", "Token expires at (ISO date)", required=False),
                 Field("refresh_token", "Refresh token", secret=True, required=False)),
    "mastodon": (Field("base_url", "Server (e.g. https://mastodon.social)"),
                 Field("access_token", "Access token (Preferences > Development)",
                       secret=True)),
    "webhook": (Field("url", "Webhook URL (https://...)"),
                Field("secret", "Signing secret", secret=True, required=False)),
}


def missing_fields(network: str, credentials: Mapping[str, str]) -> list[str]:
    """The labels of required fields left empty (the form says which, before any request)."""
    return [f.label for f in CONNECT_FIELDS.get(network, ())
            if f.required and not credentials.get(f.key, "").strip()]


def _now() -> datetime:
    return datetime.now(UTC)


class ChannelService:
    def __init__(self, store: ChannelStore, box: Callable[[], CredentialBox],
                 clock: Clock = _now) -> None:
        self.store = store
        self._box = box  # asked only when credentials are sealed or opened
        self.clock = clock

    def list(self, kit_id: str | None = None) -> list[ConnectedChannel]:
        return self.store.list(kit_id)

    def get(self, channel_id: int) -> ConnectedChannel:
        return self.store.get(channel_id)

    def find(self, kit_id: str, network: str) -> ConnectedChannel | None:
        return self.store.find(kit_id, network)

    def connect(self, kit_id: str, network: str,
                credentials: Mapping[str, str]) -> ConnectedChannel:
        """Check the credentials with one authenticated call, then store them sealed.
        Refused credentials are never stored (a one-line error says what to fix)."""
        box = self._box()  # no key: refuse before anything is sent anywhere
        missing = missing_fields(network, credentials)
        if missing:
            raise InputError(f"{network} needs: {', '.join(missing)}")
        clean = {k: v.strip() for k, v in credentials.items() if v and v.strip()}
        latest: dict[str, str] = dict(clean)
        provider = registry.build(network, clean, latest.update)
        try:
            health = provider.check()
        except ProviderError as exc:
            raise PublishError(f"{network} did not accept these credentials: {exc}") from None
        if health.state in ("needs_reconnect", "error"):
            raise PublishError(f"{network} did not accept these credentials: {health.message}")
        channel = self.store.connect(kit_id, network, health.account or "", box.seal(latest),
                                     self.clock(), health.expires_at)
        log.info("connected %s channel #%s for kit %s", network, channel.id, kit_id)
        return channel

    def provider(self, channel: ConnectedChannel) -> Provider:
        """The channel's provider; refreshed sessions/tokens are sealed and stored again."""
        box = self._box()
        credentials = box.open(self.store.sealed(channel.id))

        def save(new: Mapping[str, str]) -> None:
            self.store.replace_sealed(channel.id, box.seal(dict(new)), self.clock(),
                                      _expiry(new))

        return registry.build(channel.network, credentials, save)

    def test(self, channel_id: int) -> ConnectedChannel:
        """One cheap authenticated call; the result is the channel's stored health."""
        channel = self.store.get(channel_id)
        try:
            health = self.provider(channel).check()
        except ProviderError as exc:
            health = Health(state=health_after(exc.kind), message=str(exc))
        self.store.set_health(channel.id, health.state, health.message, self.clock(),
                              health.expires_at, health.account)
        return self.store.get(channel_id)

    def mark(self, channel_id: int, exc: ProviderError) -> None:
        """The worker met an auth error: the channel needs a person to reconnect it."""
        self.store.set_health(channel_id, health_after(exc.kind), str(exc), self.clock())

    def remove(self, channel_id: int) -> ConnectedChannel:
        channel = self.store.get(channel_id)
        self.store.remove(channel_id)
        return channel


def _expiry(credentials: Mapping[str, str]) -> datetime | None:
    value = credentials.get("expires_at")
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """``key=value`` pairs from the command line (a value may contain '=')."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            # the value is not echoed: it may be a pasted token
            raise InputError("each --field must be a name and its value joined by '=', "
                             "e.g. --field base_url=https://mastodon.social; "
                             "see `postwerk channels connect --help`")
        out[key.strip()] = value
    return out


def open_channels(settings: Settings | None = None, clock: Clock = _now) -> ChannelService:
    settings = settings or get_settings()
    if settings.database_url is None:
        settings.ensure_data_dir()
    store = ChannelStore(QueueStorage(settings.queue_url))
    return ChannelService(store, lambda: box_from_settings(settings), clock)
