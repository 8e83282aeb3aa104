"""The Bluesky provider against a REAL local PDS (tests/pds_support.py): every post is read
back with getRecord and checked (text, facets by byte offsets, images, alt text, blobs)."""

from __future__ import annotations

import base64
import io
import json
import random
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from assistant.compliance.linkcard import PagePreview
from assistant.config import get_settings
from assistant.publish import registry
from assistant.publish.base import MediaFile, PostRequest, ProviderError
from assistant.publish.bluesky import BlueskyProvider
from tests.fakes.pages import PageServer, html_page
from tests.pds_support import LocalPds, PdsAccount


class CountingTransport(httpx.HTTPTransport):
    """The real HTTP transport, counting XRPC calls by method name."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls[request.url.path.rsplit(".", 1)[-1]] += 1  # /xrpc/com.atproto.x.NAME
        return super().handle_request(request)


class Channel:
    """One connected account as the worker holds it: credentials and what ``save`` stored."""

    def __init__(self, pds: LocalPds, account: PdsAccount) -> None:
        self.account = account
        self.credentials: dict[str, str] = {"service": pds.url, "handle": account.handle,
                                            "app_password": account.app_password}
        self.saves = 0

    def save(self, credentials: Mapping[str, str]) -> None:
        self.credentials = dict(credentials)
        self.saves += 1

    def provider(self, transport: httpx.BaseTransport | None = None,
                 **options: Any) -> BlueskyProvider:
        options.setdefault("preview", lambda url: PagePreview(url))  # no page fetch here
        return BlueskyProvider(self.credentials, self.save, transport=transport, **options)


@pytest.fixture
def channel(local_pds: LocalPds) -> Channel:
    return Channel(local_pds, local_pds.create_account())


def _covered(text: str, facet: dict[str, Any]) -> str:
    index = facet["index"]
    return text.encode("utf-8")[index["byteStart"]:index["byteEnd"]].decode("utf-8")


def test_text_and_facets_read_back(local_pds: LocalPds, channel: Channel) -> None:
    friend = local_pds.create_account()
    text = (f"Grüße aus der Rösterei ☕🎉 https://kaffee.example/shop #Röstfrisch "
            f"mit @{friend.handle}")
    published = channel.provider().publish(PostRequest(text=text, attempt_id="a-facets",
                                                       language="de"))
    value = local_pds.get_record(published.remote_id)["value"]
    assert value["text"] == text and value["langs"] == ["de"]
    covered = [(f["features"][0], _covered(text, f)) for f in value["facets"]]
    assert covered == [
        ({"$type": "app.bsky.richtext.facet#link", "uri": "https://kaffee.example/shop"},
         "https://kaffee.example/shop"),
        ({"$type": "app.bsky.richtext.facet#tag", "tag": "Röstfrisch"}, "#Röstfrisch"),
        ({"$type": "app.bsky.richtext.facet#mention", "did": friend.did}, f"@{friend.handle}"),
    ]
    rkey = published.remote_id.rsplit("/", 1)[1]
    assert published.url == f"https://bsky.app/profile/{channel.account.handle}/post/{rkey}"


def _image(path: Path, size: tuple[int, int], noise: bool = False) -> Path:
    if noise:  # random pixels do not compress: far over the 1 MB blob limit as PNG
        image = Image.frombytes("RGB", size, random.Random(7).randbytes(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, (200, 120, 40))
    image.save(path)
    return path


def test_images_with_alt_text_and_blobs(local_pds: LocalPds, channel: Channel,
                                        tmp_path: Path) -> None:
    small = _image(tmp_path / "tasse.jpg", (800, 600))
    big = _image(tmp_path / "roester.png", (2400, 1600), noise=True)
    assert big.stat().st_size > 1_000_000
    media = (MediaFile(str(small), "image/jpeg", "Eine Tasse Kaffee auf Holz"),
             MediaFile(str(big), "image/png", "Der Röster bei der Arbeit"))
    published = channel.provider().publish(PostRequest(
        text="Frisch geröstet https://kaffee.example", attempt_id="a-img", media=media))
    embed = local_pds.get_record(published.remote_id)["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.images"  # images win over a link card
    first, second = embed["images"]
    assert [first["alt"], second["alt"]] == [m.alt_text for m in media]
    did = channel.account.did
    assert local_pds.get_blob(did, first["image"]["ref"]["$link"]) == small.read_bytes()
    resized = local_pds.get_blob(did, second["image"]["ref"]["$link"])
    assert len(resized) <= 1_000_000 and second["image"]["size"] == len(resized)
    shown = Image.open(io.BytesIO(resized))
    ratio = second["aspectRatio"]
    assert max(shown.size) <= 2000 and (ratio["width"], ratio["height"]) == shown.size


@pytest.mark.parametrize(("change", "reason"), [
    ({"text": "x" * 301}, "301 characters, Bluesky takes 300"),
    ({"media": 5}, "5 images attached, Bluesky takes 4"),
    ({"media": "not-an-image"}, "is not an image"),
])
def test_refused_before_anything_is_sent(local_pds: LocalPds, channel: Channel,
                                         tmp_path: Path, change: dict[str, Any],
                                         reason: str) -> None:
    fields: dict[str, Any] = {"text": "Hallo", "attempt_id": "a-refused"}
    if change.get("media") == 5:
        one = _image(tmp_path / "a.jpg", (100, 100))
        fields["media"] = tuple(MediaFile(str(one), "image/jpeg", "alt") for _ in range(5))
    elif change.get("media"):
        bad = tmp_path / "notes.jpg"
        bad.write_text("just text")
        fields["media"] = (MediaFile(str(bad), "image/jpeg", "alt"),)
    else:
        fields.update(change)
    transport = CountingTransport()
    with pytest.raises(ProviderError) as caught:
        channel.provider(transport).publish(PostRequest(**fields))
    assert caught.value.kind == "rejected" and reason in str(caught.value)
    assert "\n" not in str(caught.value) and sum(transport.calls.values()) == 0


def test_thirty_posts_one_login(local_pds: LocalPds, channel: Channel) -> None:
    transport = CountingTransport()
    provider = channel.provider(transport)
    for number in range(30):
        provider.publish(PostRequest(text=f"Post {number}", attempt_id=f"a-30-{number}"))
    assert transport.calls["createSession"] == 1 and transport.calls["createRecord"] == 30
    assert channel.saves == 1 and channel.credentials["session"]
    # the next run (a new worker process) reuses the stored session: no login at all
    later = CountingTransport()
    channel.provider(later).publish(PostRequest(text="Später", attempt_id="a-30-later"))
    assert later.calls["createSession"] == 0
    assert len(local_pds.list_records(channel.account.did)) == 31


def test_retry_after_crash_makes_one_record(local_pds: LocalPds, channel: Channel) -> None:
    request = PostRequest(text="Nur einmal, bitte", attempt_id="a-crash",
                          first_comment="Mehr dazu im Laden.")
    assert channel.provider().find_existing(request) is None
    first = channel.provider().publish(request)
    # the worker died before it stored the result; a new process retries the same attempt
    again = channel.provider()
    found = again.find_existing(request)
    assert found is not None and (found.url, found.remote_id) == (first.url, first.remote_id)
    second = again.publish(request)
    assert second.remote_id == first.remote_id and second.comment_url == first.comment_url
    records = local_pds.list_records(channel.account.did)
    assert len(records) == 2  # the post and its first comment, each once
    comment = next(r for r in records if r["uri"] != first.remote_id)["value"]
    assert comment["text"] == "Mehr dazu im Laden."
    assert comment["reply"]["root"]["uri"] == comment["reply"]["parent"]["uri"] == first.remote_id


def test_two_workers_racing_on_one_attempt_make_one_record(local_pds: LocalPds,
                                                           channel: Channel) -> None:
    request = PostRequest(text="Wer zuerst kommt", attempt_id="a-race")
    providers = [channel.provider(), channel.provider()]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda p: p.publish(request), providers))
    assert results[0].remote_id == results[1].remote_id
    assert len(local_pds.list_records(channel.account.did)) == 1


class CrashBeforeComment(CountingTransport):
    """The worker process dies right after the post was created, before its first comment."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("createRecord") and self.calls["createRecord"] == 1:
            raise httpx.ReadTimeout("process killed", request=request)
        return super().handle_request(request)


def test_comment_kept_back_by_a_crash_is_posted_by_find_existing(local_pds: LocalPds,
                                                                 channel: Channel) -> None:
    request = PostRequest(text="Post mit Kommentar", attempt_id="a-half",
                          first_comment="Der Kommentar dazu.")
    with pytest.raises(ProviderError):
        channel.provider(CrashBeforeComment()).publish(request)
    assert [r["value"]["text"] for r in local_pds.list_records(channel.account.did)] == [
        "Post mit Kommentar"]
    found = channel.provider().find_existing(request)  # the restarted worker resumes
    assert found is not None and found.comment_url
    again = channel.provider().find_existing(request)
    assert again is not None and again.comment_url == found.comment_url
    texts = sorted(r["value"]["text"] for r in local_pds.list_records(channel.account.did))
    assert texts == ["Der Kommentar dazu.", "Post mit Kommentar"]


class TimeoutAfterAccepted(CountingTransport):
    """The server gets (and stores) the first createRecord, but its answer never arrives."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.endswith("createRecord") and self.calls["createRecord"] == 1:
            response.read()
            raise httpx.ReadTimeout("answer lost", request=request)
        return response


def test_timeout_after_the_server_accepted(local_pds: LocalPds, channel: Channel) -> None:
    request = PostRequest(text="Angekommen?", attempt_id="a-timeout")
    published = channel.provider(TimeoutAfterAccepted()).publish(request)
    assert local_pds.get_record(published.remote_id)["value"]["text"] == "Angekommen?"
    assert len(local_pds.list_records(channel.account.did)) == 1


def test_link_card_title_through_the_link_guard(local_pds: LocalPds, channel: Channel,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    photo = io.BytesIO()
    Image.new("RGB", (600, 315), (90, 50, 20)).save(photo, "JPEG")
    site = PageServer({
        "/kurs": html_page("Röstkurs im Dezember", "Zwei Stunden", og_image="/karte.jpg"),
        "/karte.jpg": (200, {"Content-Type": "image/jpeg"}, photo.getvalue()),
    }).start()
    try:
        text = f"Neue Termine: {site.url('/kurs')}"
        monkeypatch.setenv("POSTWERK_LINKS_ALLOW_PRIVATE", "true")
        get_settings.cache_clear()
        allowed = channel.provider(preview=None, picture=None).publish(PostRequest(text=text,
                                                                     attempt_id="a-card"))
        monkeypatch.setenv("POSTWERK_LINKS_ALLOW_PRIVATE", "false")
        get_settings.cache_clear()
        refused = channel.provider(preview=None, picture=None).publish(PostRequest(text=text,
                                                                     attempt_id="a-card-2"))
    finally:
        site.stop()
    card = local_pds.get_record(allowed.remote_id)["value"]["embed"]
    assert card["$type"] == "app.bsky.embed.external"
    assert {key: card["external"][key] for key in ("uri", "title", "description")} == {
        "uri": site.url("/kurs"), "title": "Röstkurs im Dezember", "description": "Zwei Stunden"}
    thumb = card["external"]["thumb"]
    assert local_pds.get_blob(channel.account.did, thumb["ref"]["$link"]) == photo.getvalue()
    bare = local_pds.get_record(refused.remote_id)["value"]["embed"]["external"]
    assert (bare["uri"], bare["title"], bare["description"]) == (site.url("/kurs"), "", "")
    assert "thumb" not in bare
    # the guard refused the loopback page without a request
    assert site.hits["/kurs"] == 1 and site.hits["/karte.jpg"] == 1


def test_refused_session_gets_one_new_login(local_pds: LocalPds, channel: Channel) -> None:
    channel.provider().publish(PostRequest(text="Erster", attempt_id="a-s1"))
    handle, did, access, refresh, endpoint = channel.credentials["session"].split(":::")
    channel.credentials["session"] = ":::".join(
        [handle, did, access[:-4] + "AAAA", refresh[:-4] + "AAAA", endpoint])
    transport = CountingTransport()
    channel.provider(transport).publish(PostRequest(text="Zweiter", attempt_id="a-s2"))
    assert transport.calls["createSession"] == 1 and channel.saves == 2
    assert channel.provider().check().state == "ok"


def _expired(jwt: str) -> str:
    """The same access token with its expiry in the past (the SDK reads it before sending)."""
    header, payload, signature = jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["exp"] = int(time.time()) - 60
    encoded = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return ".".join([header, encoded, signature])


def test_expired_access_token_is_refreshed_not_logged_in(local_pds: LocalPds,
                                                         channel: Channel) -> None:
    channel.provider().publish(PostRequest(text="Vorher", attempt_id="a-r1"))
    handle, did, access, refresh, endpoint = channel.credentials["session"].split(":::")
    channel.credentials["session"] = ":::".join([handle, did, _expired(access), refresh,
                                                 endpoint])
    transport = CountingTransport()
    channel.provider(transport).publish(PostRequest(text="Nachher", attempt_id="a-r2"))
    assert transport.calls["refreshSession"] == 1 and transport.calls["createSession"] == 0
    assert channel.saves == 2  # the refreshed session was handed to save()
    fresh = channel.credentials["session"].split(":::")[2].split(".")[1]
    assert json.loads(base64.urlsafe_b64decode(fresh + "=" * (-len(fresh) % 4)))["exp"] > (
        time.time() + 600)  # a valid token again, from the refresh token alone
    assert len(local_pds.list_records(channel.account.did)) == 2


def test_wrong_app_password_needs_reconnect(local_pds: LocalPds, channel: Channel) -> None:
    channel.credentials["app_password"] = "aaaa-bbbb-cccc-dddd"
    with pytest.raises(ProviderError) as caught:
        channel.provider().publish(PostRequest(text="Hallo", attempt_id="a-wrong"))
    assert caught.value.kind == "auth" and "connect the channel again" in str(caught.value)
    assert channel.provider().check().state == "needs_reconnect"


def test_server_down_is_transient(channel: Channel) -> None:
    from assistant.llm.local import free_port

    channel.credentials["service"] = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ProviderError) as caught:
        channel.provider().publish(PostRequest(text="Hallo", attempt_id="a-down"))
    assert caught.value.kind == "transient"


@pytest.fixture(scope="module")
def limited_pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalPds]:
    """A second PDS with its own rate limits on (30 logins per 5 minutes per account)."""
    server = LocalPds(tmp_path_factory.mktemp("pds-limited"), rate_limits=True).start()
    yield server
    server.stop()


def test_login_rate_limit_waits_for_the_servers_reset(limited_pds: LocalPds) -> None:
    account = limited_pds.create_account()
    channel = Channel(limited_pds, account)
    for _ in range(30):  # someone else's reconnect loop used up the account's logins
        limited_pds.xrpc("com.atproto.server.createSession", identifier=account.handle,
                         password=account.app_password)
    with pytest.raises(ProviderError) as caught:
        channel.provider().publish(PostRequest(text="x", attempt_id="a-rl"))
    assert caught.value.kind == "rate_limit" and caught.value.status_code == 429
    # the server's window is 5 minutes: the wait comes from its ratelimit-reset header
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 300


def test_registered_in_the_registry(channel: Channel) -> None:
    provider = registry.build("bluesky", channel.credentials, channel.save)
    assert isinstance(provider, BlueskyProvider) and provider.limits().max_chars == 300
