"""A client review link in headless Chromium: the client opens the link, types a name,
approves two posts and asks for changes on a third; page paths and a changed token reach
nothing else; the marketer's Queue page shows the request with its comment.
Screenshots: tests/artifacts/review-client.png and review-queue.png (the README shows them)."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from assistant.config import get_settings
from assistant.queue import QueueItem, open_queue
from assistant.review.gate import client_approved, open_change_request
from assistant.review.service import ReviewService
from tests.browser_support import screenshot, wait_rendered
from tests.conftest import ROOT

KIT = "kaffeekontor-hamburg"
BERLIN = ZoneInfo("Europe/Berlin")
TIMEOUT = 120_000


def _seed(tmp_path: Path, monday: date) -> tuple[dict[str, int], str]:
    photo = tmp_path / "tasse.jpg"
    Image.new("RGB", (1080, 1350), (120, 80, 50)).save(photo, "JPEG")
    queue = open_queue(get_settings(), checker=lambda item: [])

    def add(day: int, platform: str, text: str, **extra: object) -> int:
        when = datetime.combine(monday + timedelta(days=day), datetime.min.time(),
                                tzinfo=BERLIN).replace(hour=9)
        return queue.add(QueueItem(kit_id=KIT, platform=platform, text=text,
                                   scheduled_at=when, **extra)).id or 0  # type: ignore[arg-type]

    ids = {"bohne": add(0, "instagram", "Neue Bohne aus Äthiopien ☕ ab Freitag im Kontor.",
                        hashtags=["kaffee", "hamburg"], media=[str(photo)], alt_text="Tasse"),
           "kurs": add(2, "facebook", "Röstkurs am Samstag: noch drei Plätze frei."),
           "team": add(4, "linkedin", "Wir suchen Verstärkung für die Rösterei in Altona."),
           "later": add(9, "instagram", "Nicht in diesem Link.")}
    review = ReviewService(queue, get_settings())
    link = review.create(KIT, monday, monday + timedelta(days=6))
    return ids, parse_qs(urlparse(review.url(link)).query)["review"][0]


def _click(page, key: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f".st-key-{key} button").click()
    wait_rendered(page)


def test_client_approves_two_and_asks_for_changes_on_one(
        start_app, page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(ROOT / "brand_kits" / KIT, tmp_path / "kits" / KIT)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(tmp_path / "kits"))
    get_settings.cache_clear()
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    ids, token = _seed(tmp_path, monday)
    app = start_app()

    page.goto(f"{app.url}/?review={token}")
    page.get_by_text("Posts for review: Möwenbohne Kaffeekontor").wait_for(timeout=TIMEOUT)
    wait_rendered(page)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert page.get_by_text("Nicht in diesem Link.").count() == 0
    page.locator(".st-key-client_name input").fill("Anna Berg")
    page.locator(".st-key-client_name input").press("Tab")
    wait_rendered(page)
    _click(page, f"ca_{ids['bohne']}")
    _click(page, f"ca_{ids['kurs']}")
    page.locator(f".st-key-cc_{ids['team']} input").fill("Bitte Gehalt und Standort nennen")
    page.locator(f".st-key-cc_{ids['team']} input").press("Tab")
    wait_rendered(page)
    _click(page, f"cr_{ids['team']}")
    page.get_by_text("sent back with your comment").wait_for(timeout=TIMEOUT)
    assert page.get_by_text("approved by you").count() == 2
    screenshot(page, "review-client")

    queue = open_queue(get_settings(), checker=lambda item: [])
    assert client_approved(queue.get(ids["bohne"])) and client_approved(queue.get(ids["kurs"]))
    request = open_change_request(queue.get(ids["team"]))
    assert request is not None and request.actor == "Anna Berg (client)"

    # the same token on a page path shows the client page; a changed token shows one line
    page.goto(f"{app.url}/settings?review={token}")
    page.get_by_text("Posts for review").wait_for(timeout=TIMEOUT)
    wait_rendered(page)
    assert page.get_by_text("POSTWERK_", exact=False).count() == 0
    page.goto(f"{app.url}/queue?review={token[:-4]}AAAA")
    page.get_by_text("this review link is not valid").wait_for(timeout=TIMEOUT)
    wait_rendered(page)
    assert page.locator("h1").count() == 0 and page.locator("input").count() == 0

    # the marketer sees it
    page.goto(f"{app.url}/queue")
    page.get_by_text("Client feedback (1)").wait_for(timeout=TIMEOUT)
    page.get_by_text("Bitte Gehalt und Standort nennen").first.wait_for(timeout=TIMEOUT)
    screenshot(page, "review-queue")
