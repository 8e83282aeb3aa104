"""Drafting with the real embedded model: one brief, two platforms."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.kit import load_kit
from assistant.drafting import draft_posts
from assistant.hashtags import compose_text
from assistant.platforms import check_post
from tests.conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.timeout(900)]


def test_embedded_model_drafts_are_ok_or_flagged(real_model: Path) -> None:
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    drafts = draft_posts(
        kit, "Neue Bohne aus Äthiopien, ab Freitag im Kontor in Altona", ["instagram", "linkedin"]
    )
    assert [d.platform for d in drafts] == ["instagram", "linkedin"]
    for d in drafts:
        assert d.text.strip(), "the model must write something"
        errors = [p for p in d.problems if p.is_error]
        assert (d.status == "problems") == bool(errors)  # never approvable and invalid
        if d.status == "ready":
            assert check_post(d.platform, compose_text(d.text, d.hashtags)).ok
        assert d.usage.prompt_tokens > 0 and d.endpoint.endswith("embedded local model")
        assert "Möwenbohne" in d.hashtags
