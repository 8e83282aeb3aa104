"""Drafting with a kit whose learned rules a person accepted (issue 16): the model's text
breaks them, the draft follows them (tidy), and what tidy must not touch goes back to the
model: a banned word in a form the preferred term does not have, a post over the kit's
length. Against the fake OpenAI server, with the real kit, store and checks."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.brand.schema import BannedWord
from assistant.drafting import draft_posts
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, is_repair, post
from tests.fakes.llm_server import FakeLLMServer

LEARNED_CODES = {"banned_emoji", "banned_word", "missing_opener", "banned_hashtag"}
BRIEF = "Zehn Jahre Kontor in Altona: Danke an alle Kunden"


@pytest.fixture()
def learned() -> BrandKit:
    """The example kit after accepting what bench_learning finds (Kunden -> Gäste, no 🎉,
    "Moin" first, LinkedIn at most 360 characters) and a never-tag; no emoji list, so it
    is the banned list that takes 🎉 out, not the list of the kit's own emoji."""
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    return kit.model_copy(update={
        "banned_words": [*kit.banned_words, BannedWord(word="Kunden", replacement="Gäste")],
        "emoji": kit.emoji.model_copy(update={"allowed": [], "banned": ["🎉"]}),
        "hashtags": kit.hashtags.model_copy(update={"never": ["Angebot"]}),
        "opener": "Moin",
        "max_chars": {"linkedin": 360},
    })


def codes(draft: Any) -> set[str]:
    return {p.code for p in draft.problems}


def test_a_draft_breaking_every_learned_rule_comes_out_following_them(
        fake_llm: FakeLLMServer, learned: BrandKit) -> None:
    text = ("Hallo zusammen! 🎉 Zehn Jahre Kontor in Altona: Danke an alle Kunden, die "
            "seit dem ersten Tag vorbeikommen. Unsere Kunden machen das Kontor aus. #Angebot")
    script = DraftScript(lambda platform, call: post(platform, text, ["Angebot", "Kaffee"]))
    fake_llm.responder = script
    [draft] = draft_posts(learned, BRIEF, ["instagram"])
    assert draft.text == ("Moin zusammen! Zehn Jahre Kontor in Altona: Danke an alle Gäste, "
                          "die seit dem ersten Tag vorbeikommen. Unsere Gäste machen das "
                          "Kontor aus.")
    assert "Angebot" not in draft.hashtags
    assert not codes(draft) & LEARNED_CODES, draft.problems
    assert len(script.calls) == 1  # nothing was left for a repair call


def test_a_form_the_term_does_not_have_goes_to_the_repair_call(
        fake_llm: FakeLLMServer, learned: BrandKit) -> None:
    first = ("Hallo zusammen! 🎉 Zehn Jahre Kontor in Altona: Danke an alle Kunden! "
             "Am Samstag feiern wir mit unseren Kunden.")
    fixed = ("Hallo zusammen! Zehn Jahre Kontor in Altona: Danke an alle Gäste! "
             "Am Samstag feiern wir mit unseren Gästen.")
    script = DraftScript(lambda platform, call: post(platform, first if call == 0 else fixed))
    fake_llm.responder = script
    [draft] = draft_posts(learned, BRIEF, ["instagram"])
    assert len(script.calls) == 2 and is_repair(script.calls[1])
    asked = script.calls[1]["messages"][-1]["content"]
    assert "'Kunden' is banned by the brand; use 'Gäste' instead" in asked
    assert "Moin" not in asked and "🎉" not in asked  # tidy did those, nothing to ask
    assert draft.text == ("Moin zusammen! Zehn Jahre Kontor in Altona: Danke an alle Gäste! "
                          "Am Samstag feiern wir mit unseren Gästen.")
    assert not codes(draft) & LEARNED_CODES, draft.problems


LONG = ("Moin! Zehn Jahre Kontor in Altona. Wir sagen danke an alle Gäste, die seit dem "
        "ersten Tag zu uns kommen, an die Nachbarschaft, die uns trägt, und an das Team, das "
        "jeden Morgen den Röster anwirft. Aus einer kleinen Rösterei ist ein Treffpunkt "
        "geworden, an dem sich Menschen aus dem ganzen Viertel begegnen. Wir feiern das am "
        "Samstag mit Kaffee, Kuchen und Musik im Kontor. Kommt vorbei, bringt Freunde mit und "
        "erzählt uns, was euch die zehn Jahre bedeutet haben.")
SHORT = ("Moin! Zehn Jahre Kontor in Altona. Danke an alle Gäste, die seit dem ersten Tag "
         "kommen. Wir feiern am Samstag mit Kaffee und Kuchen im Kontor.")


@pytest.mark.parametrize(("repaired", "state"), [(SHORT, "short"), (LONG, "over")])
def test_a_post_over_the_kits_length_goes_to_the_repair_call_with_the_cap(
        fake_llm: FakeLLMServer, learned: BrandKit, repaired: str, state: str) -> None:
    assert len(LONG) > 360 >= len(SHORT)
    script = DraftScript(lambda platform, call: post(platform, LONG if call == 0 else repaired,
                                                     []))
    fake_llm.responder = script
    [draft] = draft_posts(learned, BRIEF, ["linkedin"])
    asked = script.calls[1]["messages"][-1]["content"]
    assert is_repair(script.calls[1]) and "the brand keeps linkedin posts to 360" in asked
    if state == "short":
        assert "over_brand_length" not in codes(draft)
    else:  # the model did not shorten it: never ready, the person sees why
        assert len(script.calls) == 3
        assert "over_brand_length" in codes(draft) and draft.state != "ready"
