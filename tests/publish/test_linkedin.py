"""LinkedIn provider against the fake LinkedIn server (real HTTP, httpx)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image

from assistant.config import get_settings
from assistant.publish import linkedin_api, registry
from assistant.publish.base import MediaFile, PostRequest, Provider, ProviderError
from assistant.publish.linkedin import LinkedInProvider, little_text
from assistant.publish.linkedin_api import LinkedInApp
from tests.fakes.linkedin_server import MEMBER, TOKEN, FakeFailure, FakeLinkedInServer

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeLinkedInServer]:
    fake = FakeLinkedInServer().start()
    yield fake
    fake.stop()


@pytest.fixture()
def fake(server: FakeLinkedInServer) -> FakeLinkedInServer:
    server.reset()
    return server


def app(fake: FakeLinkedInServer, version: str = "202605") -> LinkedInApp:
    return LinkedInApp(api_url=fake.url, oauth_url=fake.url, version=version,
                       client_id="li-client", client_secret="li-secret")


def credentials(days: float = 40, refresh: str | None = None) -> dict[str, str]:
    creds = {"access_token": TOKEN, "member_urn": MEMBER,
             "expires_at": (NOW + timedelta(days=days)).isoformat()}
    if refresh:
        creds["refresh_token"] = refresh
    return creds


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def provider(fake: FakeLinkedInServer, creds: dict[str, str] | None = None,
             **kwargs: object) -> LinkedInProvider:
    kwargs.setdefault("sleep", Sleeps())
    kwargs.setdefault("app", app(fake))
    return LinkedInProvider(creds or credentials(), lambda _c: None, now=lambda: NOW,
                            **kwargs)  # type: ignore[arg-type]


def request(text: str = "Unsere neue Backstube (in Köln) ist offen! #Bäckerei",
            attempt: str = "att-1", **kwargs: object) -> PostRequest:
    return PostRequest(text=text, attempt_id=attempt, **kwargs)  # type: ignore[arg-type]


@pytest.fixture()
def image(tmp_path: Path) -> Path:
    path = tmp_path / "bild.jpg"
    Image.new("RGB", (64, 48), "brown").save(path)
    return path


def test_little_text_escapes_reserved_characters_but_not_hashtags_and_urls() -> None:
    text = "Neu (ab 8 Uhr) @Köln *frisch* #Brot https://example.org/a_(b)"
    assert little_text(text) == (
        "Neu \\(ab 8 Uhr\\) \\@Köln \\*frisch\\* #Brot https://example.org/a_(b)")


def test_registry_builds_the_linkedin_provider(fake: FakeLinkedInServer,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_LINKEDIN_API_URL", fake.url)
    monkeypatch.setenv("POSTWERK_LINKEDIN_VERSION", "202604")
    get_settings.cache_clear()
    built = registry.build("linkedin", credentials(days=400), lambda _c: None)
    assert isinstance(built, LinkedInProvider) and isinstance(built, Provider)
    assert built.app.api_url == fake.url and built.app.version == "202604"
    built.publish(request())
    assert fake.requests[-1][2]["linkedin-version"] == "202604"


def test_text_post_is_published_whole_with_the_versioned_headers(
        fake: FakeLinkedInServer) -> None:
    req = request(link="https://example.org/backstube")
    published = provider(fake).publish(req)
    post = fake.posts[-1]
    assert published.remote_id == post["id"]
    assert published.url == f"https://www.linkedin.com/feed/update/{post['id']}/"
    assert post["shown"] == f"{req.text}\n\nhttps://example.org/backstube"  # not cut at "("
    assert (post["author"], post["visibility"], post["lifecycleState"]) == (
        MEMBER, "PUBLIC", "PUBLISHED")
    headers = fake.requests[-1][2]
    assert headers["linkedin-version"] == "202605"
    assert headers["x-restli-protocol-version"] == "2.0.0"


def test_images_with_alt_text_are_uploaded_and_polled_until_available(
        fake: FakeLinkedInServer, image: Path) -> None:
    fake.image_processing_polls = 2
    sleeps = Sleeps()
    media = (MediaFile(str(image), "image/jpeg", "Brötchen im Korb"),
             MediaFile(str(image), "image/jpeg", "Der Ofen"))
    provider(fake, sleep=sleeps, image_poll_interval=0.5).publish(request(media=media))
    images = fake.posts[-1]["content"]["multiImage"]["images"]
    assert [i["altText"] for i in images] == ["Brötchen im Korb", "Der Ofen"]
    assert all(fake.images[i["id"]]["bytes"] == image.read_bytes() for i in images)
    assert sleeps == [0.5, 0.5, 0.5, 0.5]


def test_one_image_is_a_media_post(fake: FakeLinkedInServer, image: Path) -> None:
    provider(fake).publish(request(media=(MediaFile(str(image), "image/jpeg", "Alt"),)))
    assert fake.posts[-1]["content"]["media"]["altText"] == "Alt"


def test_image_still_processing_after_the_bound_is_transient(fake: FakeLinkedInServer,
                                                             image: Path) -> None:
    fake.image_processing_polls = 50
    with pytest.raises(ProviderError, match="still processing") as info:
        provider(fake, image_polls=3).publish(
            request(media=(MediaFile(str(image), "image/jpeg", "Alt"),)))
    assert info.value.kind == "transient" and fake.posts == []


def test_first_comment_is_posted_under_the_post(fake: FakeLinkedInServer) -> None:
    published = provider(fake).publish(request(first_comment="Mehr dazu (Link): example.org"))
    comment = fake.comments[-1]
    assert comment["object"] == published.remote_id and comment["actor"] == MEMBER
    assert comment["shown"] == "Mehr dazu (Link): example.org"
    assert published.comment_url and "commentUrn=" in published.comment_url


def test_timeout_after_accept_then_retry_makes_no_second_post(fake: FakeLinkedInServer) -> None:
    fake.hang_after_accept = True
    slow = provider(fake, client=httpx.Client(timeout=0.5))
    with pytest.raises(ProviderError) as info:
        slow.publish(request())
    assert info.value.kind == "transient" and len(fake.posts) == 1
    assert provider(fake).find_existing(request()) is None  # w_member_social cannot read
    again = provider(fake).publish(request())  # the worker's retry: LinkedIn names its post
    assert again.remote_id == fake.posts[0]["id"] and len(fake.posts) == 1


def test_expired_token_is_auth_and_check_says_reconnect(fake: FakeLinkedInServer) -> None:
    fake.expire()
    with pytest.raises(ProviderError, match="reconnect") as info:
        provider(fake).publish(request())
    assert info.value.kind == "auth" and info.value.status_code == 401
    assert provider(fake).check().state == "needs_reconnect"


def test_token_past_its_expiry_is_auth_without_asking(fake: FakeLinkedInServer) -> None:
    with pytest.raises(ProviderError, match="expired on 2026-11-28") as info:
        provider(fake, credentials(days=-1)).publish(request())
    assert info.value.kind == "auth" and fake.requests == []


def test_check_shows_the_expiry_in_days(fake: FakeLinkedInServer) -> None:
    health = provider(fake, credentials(days=40.5)).check()
    assert health.state == "ok" and health.message.endswith("expires in 40 days")
    assert health.account == "Bea Bäckerin" and health.expires_at == NOW + timedelta(days=40.5)
    assert provider(fake, credentials(days=5)).check().state == "expiring"


def test_a_token_about_to_expire_is_refreshed_and_saved(fake: FakeLinkedInServer) -> None:
    fake.refresh_tokens.add("refresh-1")
    saved: list[dict[str, str]] = []
    linked = LinkedInProvider(credentials(days=0.5, refresh="refresh-1"), saved.append,
                              app=app(fake), now=lambda: NOW)
    linked.publish(request())
    assert saved and saved[0]["access_token"] != TOKEN and saved[0]["member_urn"] == MEMBER
    assert datetime.fromisoformat(saved[0]["expires_at"]) > NOW + timedelta(days=59)
    assert fake.requests[-1][2]["authorization"] == f"Bearer {saved[0]['access_token']}"


def test_429_is_a_rate_limit_until_the_daily_reset(fake: FakeLinkedInServer) -> None:
    fake.fail_next("POST", "/rest/posts", FakeFailure(
        429, "Resource level throttle APPLICATION DAY limit for calls to this resource is "
        "reached."))
    with pytest.raises(ProviderError) as info:
        provider(fake).publish(request())
    assert info.value.kind == "rate_limit" and info.value.retry_after == 12 * 3600


def test_429_with_retry_after(fake: FakeLinkedInServer) -> None:
    fake.fail_next("POST", "/rest/posts", FakeFailure(429, "Too many", {"Retry-After": "60"}))
    with pytest.raises(ProviderError) as info:
        provider(fake).publish(request())
    assert info.value.kind == "rate_limit" and info.value.retry_after == 60


def test_422_over_the_limit_is_rejected_with_linkedins_reason(fake: FakeLinkedInServer) -> None:
    with pytest.raises(ProviderError, match="exceeds the maximum allowed 3000") as info:
        provider(fake).publish(request("x" * 3001))
    assert info.value.kind == "rejected" and info.value.status_code == 422


def test_400_is_rejected(fake: FakeLinkedInServer) -> None:
    fake.fail_next("POST", "/rest/posts", FakeFailure(400, "/visibility :: invalid value"))
    with pytest.raises(ProviderError, match="invalid value") as info:
        provider(fake).publish(request())
    assert info.value.kind == "rejected"


def test_5xx_is_transient(fake: FakeLinkedInServer) -> None:
    fake.fail_next("POST", "/rest/posts", FakeFailure(504, "Gateway Timeout"))
    with pytest.raises(ProviderError) as info:
        provider(fake).publish(request())
    assert info.value.kind == "transient"


def test_a_retired_api_version_says_which_setting_to_change(fake: FakeLinkedInServer) -> None:
    with pytest.raises(ProviderError, match="POSTWERK_LINKEDIN_VERSION"):
        provider(fake, app=app(fake, version="202301")).publish(request())


def test_limits_are_the_documented_ones() -> None:
    limits = LinkedInProvider(credentials(), None, app=LinkedInApp()).limits()
    assert (limits.max_chars, limits.max_images, limits.source) == (3000, 20, "documented")


def test_oauth_flow_gives_credentials_with_expiry_and_member(fake: FakeLinkedInServer) -> None:
    url = linkedin_api.authorization_url(app(fake), "http://127.0.0.1:8501/cb", "st")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{fake.url}/oauth/v2/authorization?")
    assert query["scope"] == ["openid profile w_member_social"] and query["state"] == ["st"]
    with httpx.Client() as client:
        creds = linkedin_api.exchange_code(app(fake), fake.grant_code(),
                                           "http://127.0.0.1:8501/cb", client=client,
                                           now=lambda: NOW)
    with pytest.raises(ProviderError, match="did not accept") as info:
        linkedin_api.exchange_code(app(fake), "used-or-wrong", "http://x/cb")
    assert info.value.kind == "auth"
    assert creds["member_urn"] == MEMBER and creds["refresh_token"].startswith("refresh-")
    assert datetime.fromisoformat(creds["expires_at"]) == NOW + timedelta(seconds=5183999)
    assert provider(fake, creds).check().message.endswith("expires in 59 days")


def test_image_post_with_comment_retried_after_a_timeout_is_one_post_one_comment(
        fake: FakeLinkedInServer, image: Path) -> None:
    fake.hang_after_accept = True
    req = request(media=(MediaFile(str(image), "image/jpeg", "Alt"),), first_comment="Link")
    with pytest.raises(ProviderError):
        provider(fake, client=httpx.Client(timeout=0.5)).publish(req)
    again = provider(fake).publish(req)
    assert len(fake.posts) == 1 and again.remote_id == fake.posts[0]["id"]
    assert [c["object"] for c in fake.comments] == [again.remote_id]
