"""Link cards read the page through the link guard, and degrade to an empty card."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.compliance.linkcard import (
    PagePreview,
    fetch_image,
    fetch_preview,
    parse_preview,
)
from assistant.config import Settings, load_settings
from tests.fakes.pages import PageServer, html_page


@pytest.fixture
def site() -> Iterator[PageServer]:
    server = PageServer({
        "/roestkurs": html_page("Röstkurs &amp; Verkostung", "Zwei Stunden an der Trommel."),
        "/og": html_page("Plain", og_title="Der Open-Graph-Titel", og_image="/bild.jpg"),
        "/latin1": (200, {"Content-Type": "text/html"}, "<title>Grüße</title>".encode("cp1252")),
        "/moved": (301, {"Location": "/roestkurs"}, b""),
        "/bild.jpg": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff"),
        "/weg": (410, {"Content-Type": "text/html"}, b"<title>Gone</title>"),
    }).start()
    yield server
    server.stop()


def _settings(tmp_path: Path, allow_private: bool) -> Settings:
    return load_settings(links_allow_private=allow_private, data_dir=tmp_path / "data")


def test_title_and_description_of_a_page(site: PageServer, tmp_path: Path) -> None:
    card = fetch_preview(site.url("/moved"), settings=_settings(tmp_path, True))
    assert card == PagePreview(url=site.url("/moved"), title="Röstkurs & Verkostung",
                               description="Zwei Stunden an der Trommel.")


def test_open_graph_title_wins() -> None:
    html = '<title>Plain</title><meta property="og:title" content="Besser">'
    assert parse_preview("https://a.example", html).title == "Besser"


def test_guard_refuses_a_private_address_without_a_request(site: PageServer,
                                                           tmp_path: Path) -> None:
    card = fetch_preview(site.url("/roestkurs"), settings=_settings(tmp_path, False))
    assert card == PagePreview(url=site.url("/roestkurs"))
    assert site.hits["/roestkurs"] == 0


@pytest.mark.parametrize("path", ["/bild.jpg", "/weg"])
def test_no_title_from_non_pages(site: PageServer, tmp_path: Path, path: str) -> None:
    assert fetch_preview(site.url(path), settings=_settings(tmp_path, True)).title == ""


def test_offline_gives_an_empty_card(tmp_path: Path) -> None:
    card = fetch_preview("https://kaffee.invalid/kurs", settings=_settings(tmp_path, False))
    assert card == PagePreview(url="https://kaffee.invalid/kurs")


def test_og_image_is_absolute_and_fetched_through_the_guard(site: PageServer,
                                                            tmp_path: Path) -> None:
    card = fetch_preview(site.url("/og"), settings=_settings(tmp_path, True))
    assert (card.title, card.image_url) == ("Der Open-Graph-Titel", site.url("/bild.jpg"))
    assert fetch_image(card.image_url, settings=_settings(tmp_path, True)) == b"\xff\xd8\xff"
    assert fetch_image(card.image_url, settings=_settings(tmp_path, False)) is None
    assert fetch_image(site.url("/og"), settings=_settings(tmp_path, True)) is None  # HTML
    assert site.hits["/bild.jpg"] == 1


def test_a_windows_1252_page_keeps_its_umlauts(site: PageServer, tmp_path: Path) -> None:
    assert fetch_preview(site.url("/latin1"), settings=_settings(tmp_path, True)).title == "Grüße"
