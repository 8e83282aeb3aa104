"""The proofreading pass (Settings.draft_proofread) against the fake OpenAI server: a
correction is kept only when it changed no fact; off means no second call."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.config import load_settings
from assistant.drafting import DraftOptions, draft_posts
from assistant.proofreading import facts_kept
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, post
from tests.fakes.llm_server import FakeLLMServer, Reply

# an error with two corrections ("Unser" or "Unseren"), which tidy leaves to the proofreading
WRONG = "Unsere Filterkaffee aus Kolumbien: ab Samstag im Kontor, 250 g für 11,90 €. Komm vorbei!"
RIGHT = "Unser Filterkaffee aus Kolumbien: ab Samstag im Kontor, 250 g für 11,90 €. Komm vorbei!"
MOVED = "Unser Filterkaffee aus Kolumbien: ab Sonntag im Kontor, 250 g für 12,90 €. Komm vorbei!"
BRIEF = "Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor, 250 g für 11,90 €"


@pytest.fixture()
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


class Proofreader:
    """Drafts ``WRONG`` for every platform; the proofreading call answers ``corrected``."""

    def __init__(self, corrected: str) -> None:
        self.drafts = DraftScript(lambda platform, call: post(platform, WRONG))
        self.corrected = corrected
        self.proofread_calls: list[dict[str, Any]] = []

    def __call__(self, body: dict[str, Any]) -> Reply:
        if "Proofread these" in body["messages"][-1]["content"]:
            self.proofread_calls.append(body)
            return Reply.json({"posts": [{"platform": "x", "text": self.corrected},
                                         {"platform": "mastodon", "text": self.corrected}]})
        return self.drafts(body)


def _draft(kit: BrandKit, proofread: bool) -> list[str]:
    options = DraftOptions(settings=load_settings(draft_proofread=proofread))
    drafts = draft_posts(kit, BRIEF, ["x", "mastodon"], options=options)
    return [d.text for d in drafts]


@pytest.mark.usefixtures("one_call_per_brief")
def test_a_grammar_fix_that_keeps_every_fact_is_taken(fake_llm: FakeLLMServer, kit: BrandKit) -> None:  # noqa: E501
    script = Proofreader(RIGHT)
    fake_llm.responder = script
    assert _draft(kit, proofread=True) == [RIGHT, RIGHT]
    assert len(script.proofread_calls) == 1  # one call for all platforms of the brief
    sent = script.proofread_calls[0]["messages"][-1]["content"]
    assert "--- x\n" + WRONG in sent and "--- mastodon\n" + WRONG in sent


@pytest.mark.usefixtures("one_call_per_brief")
def test_a_correction_that_changes_a_fact_is_discarded(fake_llm: FakeLLMServer, kit: BrandKit) -> None:  # noqa: E501
    script = Proofreader(MOVED)
    fake_llm.responder = script
    assert _draft(kit, proofread=True) == [WRONG, WRONG]
    assert len(script.proofread_calls) == 1


def test_off_makes_no_second_call(fake_llm: FakeLLMServer, kit: BrandKit) -> None:
    script = Proofreader(RIGHT)
    fake_llm.responder = script
    assert _draft(kit, proofread=False) == [WRONG, WRONG]
    assert not script.proofread_calls


@pytest.mark.parametrize(("before", "after", "kept"), [
    (WRONG, RIGHT, True),
    (WRONG, MOVED, False),  # a weekday and a price changed
    ("Röstkurs am 12. Dezember, 18 Uhr.", "Röstkurs am 12. Dezember um 19 Uhr.", False),
    ("Mehr unter https://a.example/x", "Mehr unter https://a.example/y", False),
    ("Kurs am 12. Dezember.", "Kurs am 12. Dezember. Hanne Petersen freut sich!", False),
    ("Kurs mit Hanne Petersen am 12. Dezember.", "Kurs am 12. Dezember.", False),
    ("We brew at 2 pm for six people max.", "We brew at 2 pm for six people at most.", True),
])
def test_the_fact_guard(before: str, after: str, kept: bool) -> None:
    language = "en" if before.startswith("We") else "de"
    assert facts_kept(before, after, language) is kept
