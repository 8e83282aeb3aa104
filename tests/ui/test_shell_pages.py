"""AppTest of the app shell, the Start and Settings pages, and a smoke run of every page."""

from __future__ import annotations

import importlib

import pytest
from streamlit.testing.v1 import AppTest

from assistant.llm.local import free_port
from assistant.ui.shell import PAGES
from tests.conftest import ROOT
from tests.fakes.llm_server import FakeLLMServer, Reply


def page(name: str) -> AppTest:
    return AppTest.from_string(
        f"from assistant.ui import {name}\n{name}.render()", default_timeout=60
    )


def existing_pages() -> list[str]:
    names = []
    for module, *_ in PAGES:
        try:
            importlib.import_module(f"assistant.ui.{module}")
        except ModuleNotFoundError:
            continue
        names.append(module)
    return names


def test_app_builds_navigation_and_runs_start_page() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Postwerk"


@pytest.mark.parametrize("name", existing_pages())
def test_every_page_renders_without_error(name: str, fake_llm: FakeLLMServer) -> None:
    at = page(name).run()
    assert not at.exception, at.exception
    assert at.caption, f"page {name} must say in one line what it is for"


def test_settings_shows_endpoint_and_tests_connection(fake_llm: FakeLLMServer) -> None:
    fake_llm.push(Reply(content="ready"))
    at = page("settings").run()
    table = at.table[0].value
    assert fake_llm.url in " ".join(map(str, table.to_numpy().ravel()))
    at.button[0].click().run()
    assert not at.exception
    assert "answered in" in at.success[0].value
    assert any(m.value == "ready" for m in at.metric)


def test_settings_connection_error_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("POSTWERK_LLM_MAX_RETRIES", "0")
    at = page("settings").run()
    at.button[0].click().run()
    assert not at.exception
    assert "cannot reach" in at.error[0].value
