"""The Compose step of the flow once more, in the browser, with the embedded model; and a
command typed while the app runs reaches the model server the app started (issue 14: one
model server per machine, not one per command)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from assistant.config import get_settings
from assistant.llm.sharing import stop_shared
from tests.browser_support import screenshot
from tests.model_support import model_servers, status_command

pytestmark = [pytest.mark.model, pytest.mark.timeout(900)]


def test_compose_with_the_embedded_model(start_app, page, real_model: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stop_shared(get_settings())  # the app, not an earlier test, starts the server
    app = start_app(POSTWERK_DATA_DIR=str(real_model))  # the model is joined there once
    page.goto(f"{app.url}/compose")
    page.get_by_label("Brief", exact=True).fill(
        "Barista-Kurs am Samstag im Kontor, noch drei Plätze frei")
    for name in ("Facebook", "Mastodon", "Google Business Profile"):
        page.get_by_role("button", name=f"Remove {name}").first.click()
    page.get_by_role("button", name="Draft posts").click()
    page.get_by_text(re.compile(r"^2 draft\(s\): ")).wait_for(timeout=600_000)
    page.get_by_text("embedded local model").first.wait_for()
    # every card says whether it can go out
    states = page.get_by_text(re.compile(r"^(ready|needs a look|problems)$"))
    expect(states).to_have_count(2, timeout=60_000)
    screenshot(page, "compose-embedded")
    started = model_servers(real_model.resolve())
    assert len(started) == 1  # the app's draft started the one server
    status = status_command()  # a second command while the app runs
    assert status["pid"] == started[0] and status["reachable"]
    assert model_servers(real_model.resolve()) == started
