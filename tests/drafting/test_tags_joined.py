"""A brief's hyphenated word the model split into tags is one tag on the draft (the
finishing of a post, with the real kit and checks; no model)."""

from __future__ import annotations

from assistant.brand.kit import load_kit
from assistant.drafting_post import PostReply, finish_post
from assistant.models import Brief
from tests.conftest import ROOT

BRIEF = ("Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr, 6 Plätze, 25 € pro Person "
         "inklusive zwei Getränken. Anmeldung per Mail an moin@moewenbohne.example.")
# a ready Facebook post of the CLI (2026-12-07), tagged "#Möwenbohne #Latte #Art"
TEXT = ("Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr, 6 Plätze\n\nWir freuen uns "
        "auf dich! Anmeldung per Mail an moin@moewenbohne.example. 25 € pro Person inklusive "
        "zwei Getränken.")


def test_the_split_word_comes_back_as_one_tag() -> None:
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    reply = PostReply(platform="facebook", text=f"{TEXT}\n\n#Latte #Art",
                      hashtags=["Möwenbohne"])
    draft = finish_post(kit, Brief(text=BRIEF, language="de"), "facebook", reply, "de", [])
    assert draft.hashtags == ["Möwenbohne", "LatteArt"]
    assert draft.text == TEXT
