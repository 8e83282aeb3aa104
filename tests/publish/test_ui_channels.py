"""The Channels page (AppTest), the queue's link to the live post, the in-app worker."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import get_settings
from assistant.publish.channels import open_channels
from assistant.publish.running import ensure_background, stop_background
from assistant.queue import QueueItem, open_queue
from tests.fakes.social_server import TOKEN, FakeNetwork
from tests.publish.conftest import BERLIN, KIT


def page(name: str) -> AppTest:
    return AppTest.from_string(f"from assistant.ui import {name}\n{name}.render()",
                               default_timeout=60)


@pytest.fixture()
def no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_PUBLISH_IN_APP", "false")
    get_settings.cache_clear()


def _fill_mastodon(at: AppTest, url: str, token: str) -> AppTest:
    at.selectbox(key="channel_network").select("mastodon").run()
    round_ = at.session_state["connect_round"]
    at.text_input(key=f"connect_mastodon_base_url_{round_}").input(url)
    at.text_input(key=f"connect_mastodon_access_token_{round_}").input(token)
    return next(b for b in at.button if b.label == "Check and connect").click().run()


def test_without_a_key_the_page_says_what_to_set_and_stores_nothing(
        no_thread: None, network: FakeNetwork) -> None:
    at = page("channels").run()
    assert not at.exception
    assert any("POSTWERK_SECRET_KEY" in w.value for w in at.warning)
    at = _fill_mastodon(at, network.url, TOKEN)
    assert any("set POSTWERK_SECRET_KEY" in e.value for e in at.error)
    assert network.state.requests == 0


def test_connect_shows_health_and_one_click_test_finds_a_revoked_token(
        no_thread: None, network: FakeNetwork, secret_key: str) -> None:
    at = _fill_mastodon(page("channels").run(), network.url, TOKEN)
    assert not at.exception and not at.error
    assert any("Connected @brand@fake.test" in s.value for s in at.success)
    assert any(s.value == "ok" for s in at.success)
    token_inputs = [t.value for t in at.text_input]
    assert TOKEN not in token_inputs  # never shown again
    network.state.revoked = True
    at.button(key=f"channel_test_{open_channels().list()[0].id}").click().run()
    assert any(e.value.startswith("needs reconnect") for e in at.error)


def test_a_missing_field_is_named_before_any_request(no_thread: None, network: FakeNetwork,
                                                     secret_key: str) -> None:
    at = _fill_mastodon(page("channels").run(), network.url, "")
    assert any("needs: Access token" in e.value for e in at.error)
    assert network.state.requests == 0


def test_the_queue_links_each_published_post(no_thread: None, network: FakeNetwork,
                                             secret_key: str) -> None:
    from assistant.publish.running import open_worker

    open_channels().connect(KIT, "mastodon", {"base_url": network.url, "access_token": TOKEN})
    queue = open_queue()
    item = queue.add(QueueItem(kit_id=KIT, platform="mastodon", text="Moin aus Altona!",
                               scheduled_at=datetime.now(BERLIN) - timedelta(minutes=1)))
    queue.approve(item.id or 0)
    assert open_worker().run_once().posted == [item.id]
    at = page("queue").run()
    at.multiselect(key="queue_status").select("posted").run()
    assert not at.exception
    frames = [d.value for d in at.dataframe if "live post" in d.value.columns]
    assert frames and network.post_url(1) in list(frames[0]["live post"])
    link = f"[{network.post_url(1)}]({network.post_url(1)})"
    assert any(link in m.value for m in at.markdown)  # the "Published" tab


def test_the_app_runs_the_worker_in_the_background_once_a_channel_exists(
        network: FakeNetwork, secret_key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_PUBLISH_INTERVAL", "1")
    get_settings.cache_clear()
    assert ensure_background() is None  # no channel, no thread
    open_channels().connect(KIT, "mastodon", {"base_url": network.url, "access_token": TOKEN})
    queue = open_queue()
    item = queue.add(QueueItem(kit_id=KIT, platform="mastodon", text="Von allein.",
                               scheduled_at=datetime.now(BERLIN) - timedelta(minutes=1)))
    queue.approve(item.id or 0)
    try:
        running = ensure_background()
        assert running is not None and running.alive
        assert ensure_background() is running  # one per app
        deadline = time.monotonic() + 20
        while queue.get(item.id or 0).status != "posted" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert queue.get(item.id or 0).posted_url == network.post_url(1)
    finally:
        stop_background()
    assert not running.alive
