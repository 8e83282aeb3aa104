"""A new user in a real Chromium: create a kit from nothing, add examples and a document,
and look at the retrieval preview (the issue's "done when")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.kit import load_kit
from tests.browser_support import screenshot

pytestmark = pytest.mark.browser

POSTS = [
    "Frische Franzbrötchen ab sechs Uhr. Kommen Sie vorbei, solange sie warm sind.",
    "Unser Sauerteig reift 24 Stunden. Deshalb schmeckt das Brot am dritten Tag noch.",
    "Fresh cinnamon buns from six in the morning, while they are still warm.",
]


def idle(pg) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the current run (its status widget is gone)."""
    pg.wait_for_timeout(300)
    pg.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)


def test_new_user_creates_a_kit_and_previews_retrieval(start_app, page, tmp_path: Path
                                                       ) -> None:  # type: ignore[no-untyped-def]
    kits = tmp_path / "kits"
    app = start_app(POSTWERK_KITS_DIR=str(kits), POSTWERK_DATA_DIR=str(tmp_path / "data"))
    page.goto(f"{app.url}/brand")
    page.get_by_text("No brand kit yet").wait_for()
    page.get_by_role("textbox", name="Brand name", exact=True).fill("Nordlicht Bäckerei")
    page.get_by_role("textbox", name="Kit id", exact=True).fill("nordlicht")
    page.get_by_text("Sie", exact=True).click()
    page.get_by_label("Registered name").fill("Nordlicht Backwaren GmbH")
    page.get_by_role("button", name="Create kit").click()
    page.get_by_text("Created kit 'nordlicht'").wait_for()

    page.get_by_role("tab", name="Example posts").click()
    idle(page)
    for number, text in enumerate(POSTS, start=1):
        page.get_by_label("Post text").fill(text)
        page.get_by_role("button", name="Add example").click()
        page.get_by_text(f"examples/x-0{number}.md").wait_for()
    assert len(load_kit("nordlicht", kits).examples) == 3

    page.get_by_role("tab", name="Documents").click()
    guide = tmp_path / "leitfaden.md"
    guide.write_text("# Leitfaden\n\nWir siezen unsere Kundschaft. Freundlich, nie "
                     "aufdringlich.\n", encoding="utf-8")
    page.get_by_text("Brand book, tone-of-voice guide").wait_for()
    idle(page)  # the tab switch reruns the script; upload into the settled page
    page.locator("input[type=file]").set_input_files(str(guide))
    page.get_by_role("button", name="Add to kit").click()
    page.get_by_text("Added leitfaden.md").wait_for()

    page.get_by_role("tab", name="Index & preview").click()
    page.get_by_text("Preview: what the model is shown").wait_for()
    idle(page)
    page.get_by_label("Brief", exact=True).fill("Zimtschnecken am Morgen")
    page.get_by_role("button", name="Show what the model sees").click()
    page.get_by_text("docs/leitfaden.md").wait_for(timeout=120_000)
    text = page.inner_text("body")
    order = [text.index(f"examples/x-0{n}.md") for n in (1, 3, 2)]
    assert order == sorted(order), "the two pastry posts (de, en) must rank above the bread"
    assert screenshot(page, "brand-preview").stat().st_size > 10_000
