"""The catalogue holds every figure of PLATFORMS.md, validated, with source and date."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from assistant.errors import ConfigError, InputError, UnknownPlatformError
from assistant.platforms import PLATFORM_IDS, all_platforms, get_platform
from assistant.platforms.catalogue import load_catalogue, parse_catalogue

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

# (limit, unit, byte_limit, url_weight, fold, hashtag_cap, link mode, max_links, alt, images)
FACTS = {
    "x": (280, "weighted", None, 23, None, None, "clickable", None, 1000, 4),
    "bluesky": (300, "graphemes", 3000, None, None, None, "facets", None, 2000, 4),
    "mastodon": (500, "graphemes", None, 23, None, None, "clickable", None, 1500, 4),
    "threads": (500, "chars", None, None, None, 1, "clickable", 5, None, 20),
    "instagram": (2200, "chars", None, None, 125, 5, "not_clickable", None, 1000, 10),
    "facebook": (63206, "chars", None, None, 480, None, "clickable", None, None, 10),
    "linkedin": (3000, "chars", None, None, 210, None, "clickable", None, None, 20),
    "tiktok": (2200, "utf16", None, None, None, None, "not_clickable", None, None, 35),
    "pinterest": (500, "chars", None, None, None, None, "pin_link", None, 500, 1),
    "google_business": (1500, "chars", None, None, None, None, "cta_button", 1, None, 1),
}

# platform: {(width, height): (formats, max_bytes)} exactly as PLATFORMS.md lists them
PRESETS = {
    "x": {(1600, 900), (1080, 1350), (1080, 1080)},
    "bluesky": {(1200, 675), (1080, 1350), (1080, 1080)},
    "mastodon": {(1200, 675), (1080, 1080)},
    "threads": {(1080, 1350), (1080, 1080), (1080, 1920)},
    "instagram": {(1080, 1350), (1080, 1080), (1080, 566), (1080, 1920)},
    "facebook": {(1080, 1350), (1080, 1080), (1200, 630)},
    "linkedin": {(1200, 627), (1080, 1080), (1080, 1350)},
    "tiktok": {(1080, 1920)},
    "pinterest": {(1000, 1500)},
    "google_business": {(1200, 900)},
}
FORMATS_AND_BUDGET = {
    "x": ({"JPEG", "PNG", "WEBP", "GIF"}, 5_000_000),
    "bluesky": ({"JPEG", "PNG"}, 1_000_000),
    "mastodon": ({"JPEG", "PNG", "GIF", "WEBP"}, 16_000_000),
    "threads": ({"JPEG", "PNG"}, 8_000_000),
    "instagram": ({"JPEG"}, 8_000_000),
    "facebook": ({"JPEG", "PNG"}, 8_000_000),
    "linkedin": ({"JPEG", "PNG", "GIF"}, 5_000_000),
    "tiktok": ({"JPEG", "WEBP"}, 20_000_000),
    "pinterest": ({"JPEG", "PNG"}, 20_000_000),
    "google_business": ({"JPEG", "PNG"}, 5_000_000),
}


def test_ids_in_design_order() -> None:
    assert [p.id for p in all_platforms()] == list(PLATFORM_IDS)
    assert PLATFORM_IDS == (
        "x",
        "bluesky",
        "mastodon",
        "threads",
        "instagram",
        "facebook",
        "linkedin",
        "tiktok",
        "pinterest",
        "google_business",
    )


@pytest.mark.parametrize("pid", PLATFORM_IDS)
def test_text_figures(pid: str) -> None:
    p = get_platform(pid)
    limit, unit, byte_limit, url_weight, fold, cap, mode, max_links, alt, images = FACTS[pid]
    assert (p.text_limit, p.unit, p.byte_limit, p.url_weight, p.fold) == (
        limit,
        unit,
        byte_limit,
        url_weight,
        fold,
    )
    assert (p.hashtag_cap, p.links.mode, p.links.max_links) == (cap, mode, max_links)
    assert (p.alt_text_limit, p.max_images) == (alt, images)
    assert p.hashtag_advice


@pytest.mark.parametrize("pid", PLATFORM_IDS)
def test_image_figures(pid: str) -> None:
    p = get_platform(pid)
    assert {(s.width, s.height) for s in p.presets} == PRESETS[pid]
    formats, budget = FORMATS_AND_BUDGET[pid]
    assert set(p.formats) == formats
    assert {s.max_bytes for s in p.presets} == {budget}


def test_other_figures() -> None:
    assert get_platform("x").byte_budget("GIF") == 15_000_000
    assert get_platform("x").byte_budget("jpeg") == 5_000_000
    assert [get_platform(p).quota_per_day for p in ("x", "threads", "linkedin")] == [17, 250, 150]
    assert get_platform("threads").emoji_as_bytes
    assert get_platform("tiktok").strips_newlines
    assert (get_platform("tiktok").title_limit, get_platform("tiktok").description_limit) == (
        90,
        4000,
    )
    pin = get_platform("pinterest")
    assert (pin.title_limit, pin.link_limit) == (100, 2048)
    assert (pin.presets[0].min_width, pin.presets[0].min_height) == (600, 900)
    gbp = get_platform("google_business").presets[0]
    assert (gbp.min_width, gbp.min_height) == (400, 300)
    link = get_platform("facebook").preset("link")
    assert (link.min_width, link.min_height, link.kind) == (600, 315, "link_preview")
    ig = get_platform("instagram")
    assert (ig.min_aspect, ig.max_aspect) == (0.8, 1.91)
    assert ig.preset("story").kind == "story"
    assert set(get_platform("linkedin").reserved_chars) == set("()[]{}@#*~<>\\_|")
    assert get_platform("linkedin").link_preview_lost_with_image
    assert get_platform("mastodon").instance_setting == "configuration.statuses.max_characters"


@pytest.mark.parametrize("pid", PLATFORM_IDS)
def test_every_preset_positive_allowed_budgeted(pid: str) -> None:
    p = get_platform(pid)
    assert p.presets
    for s in p.presets:
        assert s.width > 0 and s.height > 0
        assert s.formats and set(s.formats) <= ALLOWED_FORMATS
        assert s.max_bytes > 0
        assert s.id and s.name
        if s.min_width:
            assert s.min_width <= s.width and s.min_height and s.min_height <= s.height


@pytest.mark.parametrize("pid", PLATFORM_IDS)
def test_source_date_and_urls(pid: str) -> None:
    p = get_platform(pid)
    assert len(p.source) > 20
    assert isinstance(p.checked, date) and p.checked <= date.today()
    assert p.compose_url.startswith("https://")
    assert p.profile_link("kaffee@example.social" if pid == "mastodon" else "kaffee").startswith(
        "https://"
    )


def test_profile_links() -> None:
    assert get_platform("x").profile_link("@kaffee") == "https://x.com/kaffee"
    assert (
        get_platform("mastodon").profile_link("@anna@chaos.social") == "https://chaos.social/@anna"
    )
    with pytest.raises(InputError, match="user@example.social"):
        get_platform("mastodon").profile_link("anna")


def test_unknown_platform_names_the_known_ones() -> None:
    with pytest.raises(UnknownPlatformError) as err:
        get_platform("myspace")
    assert str(err.value).startswith("unknown platform 'myspace'; use one of x, bluesky, ")
    with pytest.raises(UnknownPlatformError, match="has no image preset 'banner'"):
        get_platform("x").preset("banner")


def test_lenient_ids() -> None:
    assert get_platform("Google-Business").id == "google_business"
    assert get_platform(" X ").id == "x"


def test_loaded_once() -> None:
    assert load_catalogue() is load_catalogue()
    assert get_platform("x") is get_platform("x")


def _raw() -> dict:
    from importlib import resources

    text = resources.files("assistant.platforms").joinpath("catalogue.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["x"].update(text_limit=0), "text_limit"),
        (lambda r: r["x"]["presets"][0].update(formats=["BMP"]), "formats"),
        (lambda r: r["x"]["presets"][0].update(width=-5), "width"),
        (lambda r: r["bluesky"]["presets"][0].update(max_bytes=0), "max_bytes"),
        (lambda r: r["x"].update(unit="words"), "unit"),
        (lambda r: r["x"].update(typo_field=1), "typo_field"),
        (lambda r: r.pop("tiktok"), "exactly"),
        (lambda r: r["x"].update(checked="someday"), "checked"),
        (lambda r: r["x"].update(profile_url="http://x.com/{handle}"), "https"),
        (lambda r: r["x"].update(profile_url="https://x.com/"), "handle"),
    ],
)
def test_invalid_catalogue_is_refused_with_the_field(change, message: str) -> None:  # type: ignore[no-untyped-def]
    raw = _raw()
    change(raw)
    with pytest.raises(ConfigError, match=message):
        parse_catalogue(raw)


def test_catalogue_must_be_a_mapping() -> None:
    with pytest.raises(ConfigError, match="mapping"):
        parse_catalogue(["x"])
