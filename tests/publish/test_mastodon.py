"""Mastodon provider against the fake Mastodon server (real HTTP, the real Mastodon.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from assistant.publish import mastodon_auth, registry
from assistant.publish.base import MediaFile, PostRequest, Provider, ProviderError
from assistant.publish.mastodon import MastodonProvider, html_letters, visible_letters
from tests.fakes.mastodon_server import TOKEN, FakeFailure, FakeMastodonServer


@pytest.fixture(scope="module")
def server() -> Iterator[FakeMastodonServer]:
    fake = FakeMastodonServer().start()
    yield fake
    fake.stop()


@pytest.fixture()
def fake(server: FakeMastodonServer) -> FakeMastodonServer:
    server.reset()
    return server


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def provider(fake: FakeMastodonServer, **kwargs: object) -> MastodonProvider:
    kwargs.setdefault("sleep", Sleeps())
    return MastodonProvider({"base_url": fake.url, "access_token": TOKEN}, lambda _c: None,
                            **kwargs)  # type: ignore[arg-type]


@pytest.fixture()
def image(tmp_path: Path) -> Path:
    path = tmp_path / "bild.png"
    Image.new("RGB", (64, 48), "orange").save(path)
    return path


def request(text: str = "Neue Woche, neue Brötchen! #Bäckerei", attempt: str = "att-1",
            **kwargs: object) -> PostRequest:
    return PostRequest(text=text, attempt_id=attempt, **kwargs)  # type: ignore[arg-type]


def test_registry_builds_the_mastodon_provider(fake: FakeMastodonServer) -> None:
    built = registry.build("mastodon", {"base_url": fake.url, "access_token": TOKEN},
                           lambda _c: None)
    assert isinstance(built, MastodonProvider) and isinstance(built, Provider)


def test_missing_token_is_an_auth_error_that_says_reconnect() -> None:
    with pytest.raises(ProviderError, match="connect it again") as info:
        MastodonProvider({"base_url": "http://127.0.0.1:9"}, None)
    assert info.value.kind == "auth"


def test_limits_are_read_from_the_server(fake: FakeMastodonServer) -> None:
    fake.config = {"statuses": {"max_characters": 5000, "max_media_attachments": 8},
                   "media_attachments": {"image_size_limit": 10485760, "description_limit": 3000}}
    limits = provider(fake).limits()
    assert (limits.max_chars, limits.max_images, limits.max_image_bytes) == (5000, 8, 10485760)
    assert limits.max_alt_chars == 3000 and limits.source == "server"


def test_limits_fall_back_to_documented_values(fake: FakeMastodonServer) -> None:
    fake.config = None
    limits = provider(fake).limits()
    assert (limits.max_chars, limits.max_images, limits.source) == (500, 4, "documented")
    assert limits.max_alt_chars == 1500 and limits.max_image_bytes == 16_000_000
    fake.reset()
    fake.fail_next("GET", "/api/v2/instance", FakeFailure(404, "Record not found"))
    assert provider(fake).limits().source == "documented"


def test_publish_text_with_visibility_warning_and_idempotency_key(
        fake: FakeMastodonServer) -> None:
    req = request(visibility="unlisted", content_warning="Werbung", language="de",
                  link="https://example.org/brot")
    published = provider(fake).publish(req)
    status = fake.statuses[-1]
    assert published.url == status["url"] and published.remote_id == status["id"]
    assert fake.sources[status["id"]] == f"{req.text}\n\nhttps://example.org/brot"
    assert (status["visibility"], status["spoiler_text"], status["language"]) == (
        "unlisted", "Werbung", "de")
    assert fake.status_posts()[-1]["idempotency-key"] == "att-1"


def test_retry_with_the_same_attempt_never_makes_a_second_status(
        fake: FakeMastodonServer) -> None:
    first = provider(fake).publish(request(attempt="att-same"))
    second = provider(fake).publish(request(attempt="att-same"))
    assert first.remote_id == second.remote_id and len(fake.statuses) == 1
    provider(fake).publish(request(attempt="att-other"))
    assert len(fake.statuses) == 2


def test_image_with_alt_text_is_polled_until_processed(fake: FakeMastodonServer,
                                                        image: Path) -> None:
    fake.media_processing_polls = 3
    sleeps = Sleeps()
    req = request(media=(MediaFile(str(image), "image/png", "Ein Korb frischer Brötchen"),))
    provider(fake, sleep=sleeps, media_poll_interval=1.5).publish(req)
    attached = fake.statuses[-1]["media_attachments"]
    assert [m["description"] for m in attached] == ["Ein Korb frischer Brötchen"]
    assert attached[0]["url"] and sleeps == [1.5, 1.5, 1.5, 1.5]


def test_media_still_processing_after_the_bound_is_transient(fake: FakeMastodonServer,
                                                              image: Path) -> None:
    fake.media_processing_polls = 100
    req = request(media=(MediaFile(str(image), "image/png", "Alt"),))
    with pytest.raises(ProviderError, match="still processing") as info:
        provider(fake, media_polls=3).publish(req)
    assert info.value.kind == "transient" and fake.statuses == []


def test_media_that_fails_processing_is_rejected(fake: FakeMastodonServer, image: Path) -> None:
    fake.media_processing_polls, fake.media_fails_processing = 1, True
    with pytest.raises(ProviderError, match="Error processing thumbnail") as info:
        provider(fake).publish(request(media=(MediaFile(str(image), "image/png", "Alt"),)))
    assert info.value.kind == "rejected"


def test_first_comment_is_a_reply_to_the_status(fake: FakeMastodonServer) -> None:
    published = provider(fake).publish(request(first_comment="Mehr unter example.org"))
    main, reply = fake.statuses
    assert reply["in_reply_to_id"] == main["id"] and published.comment_url == reply["url"]
    assert fake.status_posts()[-1]["idempotency-key"] == "att-1:comment"


def test_429_is_a_rate_limit_with_the_servers_reset_time(fake: FakeMastodonServer) -> None:
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    reset = (now + timedelta(seconds=90)).isoformat().replace("+00:00", ".000Z")
    fake.fail_next("POST", "/api/v1/statuses", FakeFailure(429, "Too many requests", {
        "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset}))
    with pytest.raises(ProviderError) as info:
        provider(fake, now=lambda: now).publish(request())
    assert info.value.kind == "rate_limit" and info.value.retry_after == pytest.approx(90)
    assert fake.statuses == []


def test_429_with_retry_after_seconds(fake: FakeMastodonServer) -> None:
    fake.fail_next("POST", "/api/v1/statuses", FakeFailure(429, "Too many", {"Retry-After": "30"}))
    with pytest.raises(ProviderError) as info:
        provider(fake).publish(request())
    assert info.value.kind == "rate_limit" and info.value.retry_after == 30


def test_revoked_token_is_auth_and_check_says_reconnect(fake: FakeMastodonServer) -> None:
    assert provider(fake).check().state == "ok"
    fake.revoke()
    with pytest.raises(ProviderError, match="reconnect the channel") as info:
        provider(fake).publish(request())
    assert info.value.kind == "auth" and info.value.status_code == 401
    health = provider(fake).check()
    assert health.state == "needs_reconnect" and "revoked" in health.message


def test_403_is_auth(fake: FakeMastodonServer) -> None:
    fake.fail_next("POST", "/api/v1/statuses", FakeFailure(403, "This action is not allowed"))
    with pytest.raises(ProviderError) as info:
        provider(fake).publish(request())
    assert info.value.kind == "auth"


def test_422_is_rejected_with_the_servers_error_text(fake: FakeMastodonServer) -> None:
    with pytest.raises(ProviderError) as info:
        provider(fake).publish(request("x" * 501))
    assert info.value.kind == "rejected" and info.value.status_code == 422
    assert str(info.value) == ("Mastodon refused this post: Validation failed: "
                               "Text character limit of 500 exceeded")


def test_5xx_is_transient(fake: FakeMastodonServer) -> None:
    fake.fail_next("POST", "/api/v1/statuses", FakeFailure(503, "Service Unavailable"))
    with pytest.raises(ProviderError) as info:
        provider(fake).publish(request())
    assert info.value.kind == "transient" and info.value.status_code == 503


def test_unreachable_server_is_transient() -> None:
    lonely = MastodonProvider({"base_url": "http://127.0.0.1:9", "access_token": "t"}, None,
                              timeout=2)
    with pytest.raises(ProviderError, match="did not answer") as info:
        lonely.publish(request())
    assert info.value.kind == "transient"


def test_timeout_after_accept_then_retry_and_find_existing_make_no_duplicate(
        fake: FakeMastodonServer) -> None:
    fake.hang_after_accept = True
    req = request(content_warning="CW", first_comment=None, link="https://example.org/a?b=1")
    with pytest.raises(ProviderError) as info:
        provider(fake, timeout=0.5).publish(req)
    assert info.value.kind == "transient" and len(fake.statuses) == 1
    found = provider(fake).find_existing(req)
    assert found is not None and found.remote_id == fake.statuses[0]["id"]
    again = provider(fake).publish(req)  # the worker's retry with the same attempt id
    assert again.remote_id == found.remote_id and len(fake.statuses) == 1


def test_find_existing_ignores_other_and_old_posts(fake: FakeMastodonServer) -> None:
    now = datetime.now(UTC)
    provider(fake).publish(request("Etwas ganz anderes", attempt="a"))
    provider(fake).publish(request("Fast gleich!", attempt="b"))
    assert provider(fake).find_existing(request("Fast gleich?", attempt="c")) is None
    assert provider(fake).find_existing(request("Fast gleich!", attempt="c",
                                                content_warning="CW")) is None
    assert provider(fake).find_existing(request("Nie gepostet", attempt="c")) is None
    later = provider(fake, now=lambda: now + timedelta(days=3))
    assert later.find_existing(request("Fast gleich!", attempt="c")) is None
    assert provider(fake).find_existing(request("Fast gleich!", attempt="c")) is not None


def test_find_existing_reports_the_first_comment(fake: FakeMastodonServer) -> None:
    published = provider(fake).publish(request(first_comment="Link im Kommentar"))
    found = provider(fake).find_existing(request(first_comment="Link im Kommentar"))
    assert found is not None and found.comment_url == published.comment_url


def test_missing_image_file_is_rejected(fake: FakeMastodonServer, tmp_path: Path) -> None:
    missing = MediaFile(str(tmp_path / "weg.png"), "image/png", "Alt")
    with pytest.raises(ProviderError, match="cannot upload") as info:
        provider(fake).publish(request(media=(missing,)))
    assert info.value.kind == "rejected"


def test_oauth_app_flow_registers_authorizes_and_exchanges_the_code(
        fake: FakeMastodonServer) -> None:
    client_id, secret = mastodon_auth.register_app(fake.url)
    assert fake.apps[client_id]["scopes"] == mastodon_auth.SCOPES
    url = mastodon_auth.authorization_url(fake.url, client_id, state="s1")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{fake.url}/oauth/authorize?")
    assert query["client_id"] == [client_id] and query["response_type"] == ["code"]
    assert query["scope"] == [" ".join(mastodon_auth.SCOPES)] and query["state"] == ["s1"]
    credentials = mastodon_auth.exchange_code(fake.url, client_id, secret,
                                              fake.grant_code(client_id))
    assert credentials["base_url"] == fake.url and credentials["client_id"] == client_id
    connected = MastodonProvider(credentials, None)
    assert connected.check().state == "ok"
    assert connected.publish(request()).remote_id == fake.statuses[-1]["id"]


def test_oauth_code_that_the_server_refuses_is_a_one_line_auth_error(
        fake: FakeMastodonServer) -> None:
    client_id, secret = mastodon_auth.register_app(fake.url)
    with pytest.raises(ProviderError, match="did not accept the code") as info:
        mastodon_auth.exchange_code(fake.url, client_id, secret, "made-up")
    assert info.value.kind == "auth" and "\n" not in str(info.value)


def test_find_existing_finishes_a_first_comment_lost_in_a_crash(
        fake: FakeMastodonServer) -> None:
    req = request(first_comment="Der Link: https://example.org")
    # the status went out, then the worker died before the reply
    provider(fake).publish(request())
    found = provider(fake).find_existing(req)
    main, reply = fake.statuses
    assert found is not None and found.remote_id == main["id"]
    assert reply["in_reply_to_id"] == main["id"] and found.comment_url == reply["url"]
    assert provider(fake).find_existing(req) == found and len(fake.statuses) == 2


def test_find_existing_finds_a_post_with_a_mention(fake: FakeMastodonServer) -> None:
    req = request("Danke @anna@social.example für das Rezept!")
    published = provider(fake).publish(req)
    # shown as "@anna": the visible letters differ from the text's
    assert html_letters(fake.statuses[-1]["content"]) != visible_letters(req.text)
    found = provider(fake).find_existing(req)
    assert found is not None and found.remote_id == published.remote_id


def test_a_server_without_the_mastodon_api_says_check_the_address(
        fake: FakeMastodonServer) -> None:
    fake.fail_next("POST", "/api/v1/statuses", FakeFailure(404, "Record not found"))
    with pytest.raises(ProviderError, match="check the server address") as info:
        provider(fake).publish(request())
    assert info.value.kind == "auth"
    fake.fail_next("GET", "/api/v1/accounts/verify_credentials", FakeFailure(404, "Not here"))
    assert provider(fake).check().state == "needs_reconnect"
