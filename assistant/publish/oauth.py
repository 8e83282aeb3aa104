"""The sign-in flows that end in a connected channel: Mastodon's OAuth app flow (the server
shows a code to paste) and LinkedIn's OAuth2 (LinkedIn sends the code back to the Channels
page). The network calls are the providers' (``mastodon_auth``, ``linkedin_api``); this
module only carries the flow from its start to ``ChannelService.connect``."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from assistant.config import Settings
from assistant.publish.channels import ChannelService
from assistant.publish.credentials import box_from_settings
from assistant.publish.models import ConnectedChannel

STATE_MAX_AGE = 15 * 60  # seconds a LinkedIn sign-in may take


@dataclass(frozen=True)
class MastodonSignIn:
    """A started Mastodon sign-in: the app registered on the server, the link to open."""

    base_url: str
    client_id: str
    client_secret: str
    url: str


def mastodon_start(base_url: str) -> MastodonSignIn:
    from assistant.publish.mastodon_auth import authorization_url, register_app

    client_id, client_secret = register_app(base_url)
    return MastodonSignIn(base_url, client_id, client_secret,
                          authorization_url(base_url, client_id))


def mastodon_finish(channels: ChannelService, kit_id: str, started: MastodonSignIn,
                    code: str) -> ConnectedChannel:
    from assistant.publish.mastodon_auth import exchange_code

    credentials = exchange_code(started.base_url, started.client_id, started.client_secret,
                                code)
    return channels.connect(kit_id, "mastodon", credentials)


def linkedin_redirect(settings: Settings) -> str:
    """Where LinkedIn sends the code: the Channels page at POSTWERK_PUBLIC_URL (register this
    exact URL in the LinkedIn app)."""
    return settings.public_url.rstrip("/") + "/channels"


def linkedin_start(settings: Settings, kit_id: str) -> str:
    """The LinkedIn sign-in link. Its ``state`` is sealed (kit id and a nonce, valid 15 min),
    since the page LinkedIn sends the user back to is a new browser session."""
    from assistant.publish.linkedin_api import LinkedInApp, authorization_url

    state = box_from_settings(settings).seal({"kit_id": kit_id,
                                              "nonce": secrets.token_urlsafe(8)})
    return authorization_url(LinkedInApp.from_settings(settings), linkedin_redirect(settings),
                             state)


def linkedin_finish(channels: ChannelService, settings: Settings, code: str,
                    state: str) -> ConnectedChannel:
    from assistant.publish.linkedin_api import LinkedInApp, exchange_code

    kit_id = box_from_settings(settings).open(state, max_age=STATE_MAX_AGE)["kit_id"]
    credentials = exchange_code(LinkedInApp.from_settings(settings), code,
                                linkedin_redirect(settings))
    return channels.connect(kit_id, "linkedin", credentials)
