"""Finding URLs, UTM parameters, shorteners (no network)."""

from __future__ import annotations

import pytest

from assistant.compliance.urls import add_utm, find_urls, has_utm, is_shortener


def test_find_urls_trims_punctuation_and_dedupes() -> None:
    text = ("Neu im Shop: https://shop.moewenbohne.example/espresso?x=1. Mehr unter "
            "(https://www.moewenbohne.example/blog) und www.moewenbohne.example! "
            "Wiki: https://de.wikipedia.org/wiki/Kaffee_(Getränk), nochmal "
            "https://shop.moewenbohne.example/espresso?x=1")
    assert find_urls(text) == [
        "https://shop.moewenbohne.example/espresso?x=1",
        "https://www.moewenbohne.example/blog",
        "www.moewenbohne.example",
        "https://de.wikipedia.org/wiki/Kaffee_(Getränk)",
    ]


def test_find_urls_ignores_mail_and_handles() -> None:
    assert find_urls("Schreib an moin@moewenbohne.example oder @moewenbohne") == []
    assert find_urls("") == []


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.moewenbohne.example/shop",
     "https://www.moewenbohne.example/shop?utm_source=instagram&utm_medium=social"
     "&utm_campaign=herbst"),
    ("https://www.moewenbohne.example/shop?sorte=espresso#top",
     "https://www.moewenbohne.example/shop?sorte=espresso&utm_source=instagram"
     "&utm_medium=social&utm_campaign=herbst#top"),
    # existing UTM values are kept, not doubled
    ("https://www.moewenbohne.example/?utm_source=newsletter",
     "https://www.moewenbohne.example/?utm_source=newsletter&utm_medium=social"
     "&utm_campaign=herbst"),
])
def test_add_utm(url: str, expected: str) -> None:
    out = add_utm(url, "instagram", campaign="herbst")
    assert out == expected
    assert add_utm(out, "instagram", campaign="herbst") == out
    assert has_utm(out)


def test_add_utm_without_campaign() -> None:
    assert add_utm("https://a.example/", "x") == "https://a.example/?utm_source=x&utm_medium=social"


@pytest.mark.parametrize(("url", "short"), [
    ("https://bit.ly/3abc", True), ("http://t.co/x", True), ("https://lnkd.in/eXy", True),
    ("https://buff.ly/1", True), ("https://www.tinyurl.com/y", True),
    ("https://notbit.ly/x", False), ("https://www.moewenbohne.example/", False),
])
def test_shorteners(url: str, short: bool) -> None:
    assert is_shortener(url) is short
