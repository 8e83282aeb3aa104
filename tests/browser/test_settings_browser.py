"""Start the real app, open Settings in Chromium, click "Test connection" (fake server)."""

from __future__ import annotations

from tests.browser_support import screenshot
from tests.fakes.llm_server import FakeLLMServer, Reply


def test_settings_test_connection_in_browser(
    start_app, page, fake_llm: FakeLLMServer, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    fake_llm.responder = lambda body: Reply(content="ready")
    app = start_app(
        POSTWERK_LLM_BASE_URL=fake_llm.url,
        POSTWERK_DATA_DIR=str(tmp_path / "data"),
    )
    page.goto(f"{app.url}/settings")
    page.get_by_role("button", name="Test connection").click()
    page.get_by_text("answered in").wait_for()
    page.get_by_text("ready", exact=True).first.wait_for()
    assert fake_llm.chat_requests, "the app must really call the endpoint"
    shot = screenshot(page, "settings")
    assert shot.stat().st_size > 10_000
