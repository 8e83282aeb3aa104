"""Per-channel Impressum checks and the manual checklist."""

from __future__ import annotations

from assistant.brand.kit import EXAMPLE_KITS_DIR, BrandKit, Channel, load_kit
from assistant.compliance.channels import channel_profile_url, check_channel, check_channels
from assistant.config import Settings

from .conftest import Server


def coffee() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", EXAMPLE_KITS_DIR)


def test_coffee_kit_channels_offline() -> None:
    reports = {r.platform: r for r in check_channels(coffee())}
    assert reports["instagram"].ok and reports["instagram"].findings == []
    assert [f.code for f in reports["google_business"].findings] == [
        "channel_impressum_not_linked"]
    assert reports["instagram"].impressum_link is None  # offline: nothing requested


def test_label_rules() -> None:
    def codes(**kw: object) -> list[str]:
        channel = Channel(platform="instagram", handle="moewenbohne", **kw)  # type: ignore[arg-type]
        return [f.code for f in check_channel(channel, "X GmbH").findings]

    assert codes(links_impressum=True, impressum_label="Impressum") == []
    assert codes(links_impressum=True, impressum_label="Kontakt & Impressum") == []
    assert codes(links_impressum=True, impressum_label="Kontakt") == []
    assert codes(links_impressum=True, impressum_label="Info") == [
        "channel_impressum_label_unclear"]
    assert codes(links_impressum=True) == ["channel_impressum_label_missing"]
    assert codes(links_impressum=False, impressum_label="Impressum") == [
        "channel_impressum_not_linked"]


def test_checklist_names_the_court_cases() -> None:
    report = check_channels(coffee())[0]
    reasons = " ".join(item.reason for item in report.checklist)
    for case in ("I ZR 228/03", "2 HK O 54/11", "11 O 51/14"):
        assert case in reasons
    keys = [item.key for item in report.checklist]
    assert {"two_clicks", "visible_without_scrolling", "name_matches"} <= set(keys)
    name_item = next(i for i in report.checklist if i.key == "name_matches")
    assert "Möwenbohne Kaffeerösterei GmbH" in name_item.text_de


def test_profile_urls() -> None:
    assert channel_profile_url(Channel(platform="x", handle="@tessalinehq")) == (
        "https://x.com/tessalinehq")
    assert channel_profile_url(Channel(platform="mastodon", handle="@kaffee@norden.social")) == (
        "https://norden.social/@kaffee")
    assert channel_profile_url(Channel(platform="google_business", handle="Möwenbohne Café")) \
        is None


def _kit_with_impressum(url: str) -> BrandKit:
    kit = coffee()
    return kit.model_copy(update={"links": kit.links.model_copy(update={"impressum_url": url})})


def test_online_reachable_impressum(http_server: Server, allow_loopback: Settings) -> None:
    reports = check_channels(_kit_with_impressum(http_server.url("/ok")), online=True,
                             settings=allow_loopback)
    insta = next(r for r in reports if r.platform == "instagram")
    assert insta.ok and insta.impressum_link is not None and insta.impressum_link.status == "ok"
    assert http_server.hits["total"] == 1  # one request for all channels


def test_online_broken_impressum(http_server: Server, allow_loopback: Settings) -> None:
    reports = check_channels(_kit_with_impressum(http_server.url("/missing")), online=True,
                             settings=allow_loopback)
    insta = next(r for r in reports if r.platform == "instagram")
    [f] = insta.findings
    assert (f.code, f.severity.value, f.field) == (
        "channel_impressum_unreachable", "error", "links.impressum_url")
    assert "404" in f.message_en
