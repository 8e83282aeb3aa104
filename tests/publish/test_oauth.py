"""The sign-in flows that end in a connected channel: Mastodon's OAuth app flow and LinkedIn's
OAuth2 back to the Channels page, against the documented-API fakes."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import get_settings
from assistant.errors import ConfigError
from assistant.publish import oauth
from assistant.publish.channels import open_channels
from tests.fakes.linkedin_server import MEMBER, FakeLinkedInServer
from tests.fakes.mastodon_server import FakeMastodonServer
from tests.publish.conftest import KIT


@pytest.fixture()
def mastodon() -> Iterator[FakeMastodonServer]:
    fake = FakeMastodonServer().start()
    yield fake
    fake.stop()


@pytest.fixture()
def linkedin(monkeypatch: pytest.MonkeyPatch, secret_key: str) -> Iterator[FakeLinkedInServer]:
    fake = FakeLinkedInServer().start()
    for name, value in {"API_URL": fake.url, "OAUTH_URL": fake.url, "CLIENT_ID": "li-client",
                        "CLIENT_SECRET": "li-secret"}.items():
        monkeypatch.setenv(f"POSTWERK_LINKEDIN_{name}", value)
    monkeypatch.setenv("POSTWERK_PUBLISH_IN_APP", "false")
    get_settings.cache_clear()
    yield fake
    fake.stop()


def test_mastodon_sign_in_connects_the_channel(mastodon: FakeMastodonServer,
                                               secret_key: str) -> None:
    started = oauth.mastodon_start(mastodon.url)
    assert started.url.startswith(f"{mastodon.url}/oauth/authorize?")
    channels = open_channels()
    channel = oauth.mastodon_finish(channels, KIT, started, mastodon.grant_code(
        started.client_id))
    assert (channel.kit_id, channel.network, channel.health) == (KIT, "mastodon", "ok")
    assert channels.test(channel.id).health == "ok"


def test_linkedin_sign_in_comes_back_to_the_page_and_connects(
        linkedin: FakeLinkedInServer) -> None:
    url = oauth.linkedin_start(get_settings(), KIT)
    query = parse_qs(urlsplit(url).query)
    assert query["redirect_uri"] == ["http://127.0.0.1:8501/channels"]
    at = AppTest.from_string("from assistant.ui import channels\nchannels.render()",
                             default_timeout=60)
    at.query_params["code"] = linkedin.grant_code()
    at.query_params["state"] = query["state"][0]
    at.run()
    assert not at.exception and not at.error
    assert any("Connected LinkedIn" in s.value for s in at.success)
    (channel,) = open_channels().list()
    assert (channel.kit_id, channel.network) == (KIT, "linkedin")
    assert channel.health_line(channel.checked_at) == "ok"  # type: ignore[arg-type]
    assert MEMBER not in str(channel)  # the member id stays in the sealed credentials


def test_a_changed_linkedin_state_is_refused(linkedin: FakeLinkedInServer) -> None:
    state = parse_qs(urlsplit(oauth.linkedin_start(get_settings(), KIT)).query)["state"][0]
    with pytest.raises(ConfigError, match="expired or was changed"):
        oauth.linkedin_finish(open_channels(), get_settings(), linkedin.grant_code(),
                              state[:-4] + "AAAA")
    assert open_channels().list() == []
