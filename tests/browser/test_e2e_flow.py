"""The whole flow as a newcomer meets it, in headless Chromium against the fake LLM:
first run, pick the coffee kit, draft for three platforms, render a photo, generate a
week, approve all valid, copy a post, export ICS and CSV and read what was downloaded.
Screenshots of every page go to tests/artifacts/ (the README shows them)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
from icalendar import Calendar
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser_support import screenshot
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer

TIMEOUT = 120_000


def _photo(path: Path) -> Path:
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 255, (3000, 4000, 3), dtype=np.uint8)
    pixels[900:2100, 2600:3600] = (200, 60, 40)  # a subject right of centre
    Image.fromarray(pixels).save(path, "JPEG", quality=88)
    return path


def _wait_idle(page) -> None:  # type: ignore[no-untyped-def]
    """Streamlit shows a running indicator while the script runs; wait until it is gone."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT)


def _download(page, name: str, target: Path) -> None:  # type: ignore[no-untyped-def]
    """Click a download button and save the file. A click that lands while Streamlit is
    still swapping the button for the rerun's new one starts no download (seen on a loaded
    machine); the click is then made again on the fresh button, at most three times."""
    for _ in range(3):
        _wait_idle(page)
        try:
            with page.expect_download(timeout=20_000) as info:
                page.get_by_role("button", name=name).click()
        except PlaywrightTimeoutError:
            continue
        info.value.save_as(target)
        return
    raise AssertionError(f"{name}: three clicks started no download")


def _wait_for_count(locator, wanted: int) -> None:  # type: ignore[no-untyped-def]
    """Until ``locator`` matches ``wanted`` elements or more (it fails after TIMEOUT)."""
    waited = 0
    while locator.count() < wanted:
        assert waited < TIMEOUT, f"{locator.count()} of {wanted} after {waited} ms"
        locator.page.wait_for_timeout(500)
        waited += 500


def _remove_chip(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name=f"Remove {name}").first.click()


def test_newcomer_walks_the_whole_flow(
    start_app, page, fake_llm: FakeLLMServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fake_llm.responder = DraftScript()
    app = start_app(
        POSTWERK_LLM_BASE_URL=fake_llm.url,
        POSTWERK_DATA_DIR=str(tmp_path / "data"),
        POSTWERK_KITS_DIR=str(tmp_path / "kits"),
    )

    # 1. First run: no kit yet -> take the coffee roastery example.
    page.goto(app.url)
    page.get_by_role("button", name="Use example: Möwenbohne Kaffeekontor").click()
    page.get_by_text("Your first ten minutes").wait_for(timeout=TIMEOUT)
    screenshot(page, "start")

    # 2. Compose for three platforms.
    page.goto(f"{app.url}/compose")
    page.get_by_label("Brief", exact=True).fill(
        "Neue Bohne aus Äthiopien, ab Freitag im Kontor in Altona")
    _remove_chip(page, "Mastodon")
    _remove_chip(page, "Google Business Profile")
    page.get_by_role("button", name="Draft posts").click()
    page.get_by_text(re.compile(r"^3 draft\(s\): ")).wait_for(timeout=TIMEOUT)
    _wait_idle(page)
    # every card says its state (the brief's "Freitag" is not in the fake's texts: a look)
    badges = page.get_by_text(re.compile(r"^(ready|needs a look|problems)$"))
    badges.nth(2).wait_for(timeout=TIMEOUT)
    screenshot(page, "compose")

    # 3. One photo, every format.
    page.goto(f"{app.url}/images")
    page.locator('input[type="file"]').first.set_input_files(str(_photo(tmp_path / "cafe.jpg")))
    page.get_by_text("1080×1350").first.wait_for(timeout=TIMEOUT)
    _wait_idle(page)
    screenshot(page, "images")

    # 4. Generate a week; approve everything ready, and (ticked: we read them) the posts
    # that need a look. Nothing with problems is among them.
    page.goto(f"{app.url}/week")
    page.get_by_role("button", name="Generate week").click()
    page.get_by_text("drafted,").first.wait_for(timeout=TIMEOUT)
    _wait_idle(page)
    # the page draws the tick for the posts that need a look before its approve button: once
    # the button shows, the tick shows too when there is one (counted before it had drawn,
    # only the 6 ready posts were approved: a CI run beside a bench, 2026-12-07)
    page.get_by_role("button", name=re.compile(r"^Approve all ready")).first.wait_for(
        timeout=TIMEOUT)
    look = page.get_by_text("that need a look: I read them")
    name = "Approve all ready"
    if look.count():
        look.first.click()
        name = "Approve all ready and read"
        page.get_by_role("button", name=name).wait_for(timeout=TIMEOUT)
        _wait_idle(page)
    page.get_by_role("button", name=name).click()
    page.get_by_role("button", name="Approve all ready (0)").wait_for(timeout=TIMEOUT)
    # the button shows before every card's badge has rendered: count once the page is idle,
    # and again until the cards have drawn
    _wait_idle(page)
    _wait_for_count(page.get_by_text("approved", exact=True), 11)
    screenshot(page, "week")

    # 5. The queue: copy one post with one click, export ICS and CSV.
    page.goto(f"{app.url}/queue")
    page.get_by_text("Today").first.wait_for(timeout=TIMEOUT)
    _wait_idle(page)
    screenshot(page, "queue")
    code = page.locator('[data-testid="stCode"]').first
    code.hover()
    code.locator("button").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "#Möwenbohne" in copied and len(copied) > 40

    downloads = {}
    page.get_by_role("tab", name="Export / import").click()
    for fmt, label in (("ics", "Calendar (ICS)"), ("csv", "CSV (all fields, re-importable)")):
        page.get_by_label("Format").first.click()
        page.get_by_role("option", name=label).click()
        target = tmp_path / f"export.{fmt}"
        _download(page, f"Download {label}", target)
        downloads[fmt] = target.read_bytes()

    events = [c for c in Calendar.from_ical(downloads["ics"]).walk() if c.name == "VEVENT"]
    rows = list(csv.DictReader(io.StringIO(downloads["csv"].decode("utf-8-sig"))))
    assert len(events) == len(rows) >= 11
    assert any("Möwenbohne" in str(e.get("DESCRIPTION")) for e in events)
    assert {r["platform"] for r in rows} >= {"instagram", "facebook", "linkedin"}

    # 6. The remaining pages, for the README.
    for name in ("check", "brand", "compliance", "settings"):
        page.goto(f"{app.url}/{name}")
        page.locator("h1").first.wait_for(timeout=TIMEOUT)
        _wait_idle(page)
        screenshot(page, name)
