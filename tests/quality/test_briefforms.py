"""The brief's own article kept where a post says the brief's phrase in another case."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.briefforms import keep_brief_forms
from assistant.quality.tidy import tidy_post

HUILA = ("Zurück aus Huila in Kolumbien - unserer Partnerkooperative zahlen wir 30 Prozent "
         "über dem Fairtrade-Mindestpreis.")


@pytest.mark.parametrize(("seen", "mended"), [
    # a ready Instagram and a ready LinkedIn draft of the bench (2026-12-02)
    ("Zurück aus Huila in Kolumbien - unsere Partnerkooperative zahlen wir 30 Prozent über "
     "dem Fairtrade-Mindestpreis", "Zurück aus Huila in Kolumbien - unserer "
     "Partnerkooperative zahlen wir 30 Prozent über dem Fairtrade-Mindestpreis"),
    ("Eine wichtige Aufgabe: unsere Partnerkooperative zahlen wir 30 Prozent mehr.",
     "Eine wichtige Aufgabe: unserer Partnerkooperative zahlen wir 30 Prozent mehr."),
    ("Unsere Partnerkooperative zahlen wir mehr.", "Unserer Partnerkooperative zahlen wir mehr."),
])
def test_the_briefs_case_comes_back(seen: str, mended: str) -> None:
    assert keep_brief_forms(seen, HUILA) == mended


@pytest.mark.parametrize(("seen", "brief"), [
    # another word before: a genitive of the post's own, not a slip
    ("Der Duft der Bohnen aus Kolumbien ist da.", "Die Bohnen aus Kolumbien sind da."),
    # other words after: another phrase ("unsere Partnerkooperative" as a subject)
    ("Unsere Partnerkooperative erntet im Dezember.", HUILA),
    # the same form, or a word of another paradigm ("eine" is no form of "unser")
    ("Wir lieben die Bohnen aus Kolumbien.", "Die Bohnen aus Kolumbien sind da."),
    ("Zurück aus Huila - einer Partnerkooperative zahlen wir 30 Prozent mehr.", HUILA),
])
def test_the_posts_own_phrases_stay(seen: str, brief: str) -> None:
    assert keep_brief_forms(seen, brief) == seen


def test_tidy_puts_the_briefs_form_back(coffee: BrandKit) -> None:
    seen = ("Zurück aus Huila in Kolumbien - unsere Partnerkooperative zahlen wir 30 Prozent "
            "über dem Fairtrade-Mindestpreis")
    assert "unserer Partnerkooperative" in tidy_post(seen, coffee, "instagram", None,
                                                     brief=HUILA)
    # without the brief (a person's edit in Compose) the text is left to the checks
    assert "unsere Partnerkooperative" in tidy_post(seen, coffee, "instagram", None)
