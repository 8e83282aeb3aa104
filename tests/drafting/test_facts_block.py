"""The brief's facts as a checklist in the prompt (option ``draft_fact_list``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.briefing import facts_block
from assistant.drafting import Job, build_messages
from assistant.drafting_passes import Passes
from assistant.models import Brief
from assistant.quality.factcheck import missing

KITS = Path(__file__).resolve().parents[2] / "brand_kits"
ROESTKURS = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im "
             "Laden oder per Mail.")


@pytest.fixture(scope="module")
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", KITS)


def test_every_part_of_the_brief_with_a_fact_is_listed(kit: BrandKit) -> None:
    block = facts_block(ROESTKURS, kit, "de")
    assert block.splitlines()[1:] == [
        "- Einladung zum Röstkurs am 12. Dezember", "- 18 Uhr", "- maximal 8 Plätze",
        "- Anmeldung im Laden oder per Mail"]
    # a post made of the list carries every fact the missing_fact check asks for
    assert missing(" ".join(block.splitlines()[1:]), ROESTKURS, "de") == []


def test_prices_keep_their_comma_and_the_kits_call_to_action_is_no_fact(kit: BrandKit) -> None:
    brief = ("Neuer Filterkaffee aus Kolumbien, 250 g für 11,90 €. Call to action: "
             f"{kit.cta}")
    lines = facts_block(brief, kit, "de").splitlines()[1:]
    assert lines == ["- 250 g für 11,90 €"]


def test_a_brief_without_facts_gets_no_list(kit: BrandKit) -> None:
    assert facts_block("Ein Tipp für besseren Filterkaffee zu Hause", kit, "de") == ""


@pytest.mark.parametrize("on", [True, False])
def test_the_option_puts_the_list_in_the_user_text(kit: BrandKit, on: bool) -> None:
    job = Job(kit, Brief(text=ROESTKURS), ["facebook"], "de", {"facebook": []},
              passes=Passes(fact_list=on))
    system, user = build_messages(job, [])
    assert ("- maximal 8 Plätze" in user.content) is on
    assert "maximal 8 Plätze" not in system.content
