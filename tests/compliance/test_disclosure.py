"""AI disclosure by kit setting."""

from __future__ import annotations

import pytest

from assistant.compliance.disclosure import apply_ai_disclosure, disclosure_problems
from assistant.errors import InputError

TEXT = "Frisch geröstet: unser Herbst-Espresso."


@pytest.mark.parametrize(("setting", "ai_image", "labelled"), [
    ("never", False, False), ("never", True, False),
    ("ai_images", False, False), ("ai_images", True, True),
    ("always", False, True), ("always", True, True),
])
def test_apply(setting: str, ai_image: bool, labelled: bool) -> None:
    out = apply_ai_disclosure(TEXT, setting, "Bild KI-generiert", ai_image)
    assert (out == f"{TEXT}\n\nBild KI-generiert") is labelled
    assert (out == TEXT) is (not labelled)
    assert apply_ai_disclosure(out, setting, "Bild KI-generiert", ai_image) == out
    problems = disclosure_problems(TEXT, setting, "Bild KI-generiert", ai_image)
    assert [p.code for p in problems] == (["ai_label_missing"] if labelled else [])
    assert disclosure_problems(out, setting, "Bild KI-generiert", ai_image) == []


def test_label_found_case_insensitively() -> None:
    text = TEXT + " (bild ki-generiert)"
    assert apply_ai_disclosure(text, "always", "Bild KI-generiert", False) == text


def test_default_label_by_language_when_kit_has_none() -> None:
    assert apply_ai_disclosure("Hi", "ai_images", "", True, "en") == "Hi\n\nImage created with AI"
    assert apply_ai_disclosure("Hallo", "always", None, False).endswith(
        "Mit KI-Unterstützung erstellt")


def test_label_before_hashtags_keeps_ad_label_first() -> None:
    from assistant.compliance.labels import check_ad_label
    from assistant.hashtags import compose_text

    body = apply_ai_disclosure("Werbung | Neuer Espresso", "always", "KI-generiert", False)
    posted = compose_text(body, ["Kaffee"])
    assert posted.startswith("Werbung | Neuer Espresso\n\nKI-generiert")
    assert check_ad_label(posted, "de", True) == []


def test_unknown_setting() -> None:
    with pytest.raises(InputError, match="never, ai_images, always"):
        apply_ai_disclosure(TEXT, "sometimes", "x", False)
