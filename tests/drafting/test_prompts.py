from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.prompts import load_prompt, prompt_names, render


@pytest.mark.parametrize("name", prompt_names())
def test_every_prompt_file_renders(name: str) -> None:
    prompt = load_prompt(name)
    values = {v: f"<{v}>" for v in prompt.variables}
    rendered = render(name, **values)
    assert rendered
    for text in rendered.values():
        assert "{{" not in text
    used = prompt.placeholders()
    assert used == set(prompt.variables), "declared variables must all be used"
    for v in used:
        assert any(f"<{v}>" in t for t in rendered.values())


def test_missing_variable_is_an_error() -> None:
    prompt = load_prompt("draft")
    values = {v: "x" for v in prompt.variables[1:]}
    with pytest.raises(ConfigError, match=prompt.variables[0]):
        render("draft", **values)


def test_undeclared_placeholder_in_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("variables: [a]\nuser: '{{ a }} {{ b }}'\n")
    with pytest.raises(ConfigError, match="undeclared variables b"):
        load_prompt("bad", tmp_path)


def test_braces_in_values_are_kept_literally() -> None:
    prompt = load_prompt("repair")
    out = render("repair", problems='{"x": 1} {{ not_a_var }}', platform_ids="x")
    assert '{"x": 1} {{ not_a_var }}' in out["user"]
    assert prompt.name == "repair"
