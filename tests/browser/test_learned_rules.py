"""The Learned tab of the Brand kits page in headless Chromium: three drafts corrected the
same way propose three rules; accepting one changes kit.yaml and shows the diff.
Screenshot: tests/artifacts/learned-rules.png (the README shows it)."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.brand.kit import load_kit
from assistant.config import get_settings
from assistant.learn import pending_rules
from assistant.models import Draft
from assistant.queue import open_queue
from tests.browser_support import screenshot, wait_rendered
from tests.conftest import ROOT

KIT = "kaffeekontor-hamburg"
TIMEOUT = 120_000


def _edited_drafts() -> None:
    queue = open_queue(get_settings(), checker=lambda item: [])
    start = datetime.now(ZoneInfo("Europe/Berlin")) + timedelta(days=1)
    for n, text in enumerate(["Für unsere Kunden: der Röstkurs am Samstag ist ausgebucht 🎉",
                              "Viele Kunden fragen nach Cold Brew: ab Montag wieder da 🎉",
                              "Danke an alle Kunden, die beim Cupping dabei waren 🎉"]):
        item = queue.add_draft(Draft(kit_id=KIT, platform="instagram", text=text),
                               start + timedelta(days=n))
        final = "Moin! " + text.replace("Kunden", "Gäste").replace(" 🎉", "")
        queue.edit(item.id or 0, text=final, by="anna")


def _click(locator) -> None:  # type: ignore[no-untyped-def]
    locator.wait_for(timeout=TIMEOUT)  # a loaded machine draws the page slowly
    locator.click(timeout=TIMEOUT)


def test_rules_from_edits_are_accepted_on_the_brand_page(
        start_app, page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    kits = tmp_path / "kits"
    shutil.copytree(ROOT / "brand_kits" / KIT, kits / KIT)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(kits))
    get_settings.cache_clear()
    _edited_drafts()
    app = start_app()
    page.goto(f"{app.url}/brand")
    _click(page.get_by_role("tab", name="Learned"))
    _click(page.get_by_role("button", name="Find rules in the edits"))
    page.get_by_text("Write 'Gäste' instead of 'Kunden'").wait_for(timeout=TIMEOUT)
    wait_rendered(page)
    assert page.get_by_role("button", name="Accept").count() == 3
    term = next(r for r in pending_rules(KIT) if r.kind == "preferred_term")
    _click(page.locator(f".st-key-accept_{term.id} button"))
    page.get_by_text("kit.yaml changed").wait_for(timeout=TIMEOUT)
    wait_rendered(page)
    assert page.get_by_role("button", name="Accept").count() == 2
    kit = load_kit(KIT, kits)
    assert any(b.word == "Kunden" and b.replacement == "Gäste" for b in kit.banned_words)
    screenshot(page, "learned-rules")
