"""The Start page: with no kit it offers the example kits and a way to create one."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.brand.kit import list_kits


def test_first_run_copies_an_example_kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(tmp_path / "kits"))
    at = AppTest.from_string("from assistant.ui import home\nhome.render()", default_timeout=60)
    at.run()
    assert not at.exception
    buttons = [b for b in at.button if b.label.startswith("Use example")]
    assert len(buttons) == 2
    next(b for b in buttons if "Möwenbohne" in b.label).click().run()
    assert not at.exception
    assert list_kits(tmp_path / "kits") == ["kaffeekontor-hamburg"]
    assert any("first ten minutes" in s.value for s in at.subheader)


def test_start_page_with_kits_shows_the_steps() -> None:
    at = AppTest.from_string("from assistant.ui import home\nhome.render()", default_timeout=60)
    at.run()
    assert not at.exception
    assert at.metric[0].value == "2"
