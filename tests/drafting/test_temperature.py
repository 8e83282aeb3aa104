"""The sampling temperature of a first draft (``draft_temperature``) and, with one call per
platform, the step each later platform of a brief adds (``draft_temperature_step``);
against the fake OpenAI server, which records what each request asked for."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.config import load_settings
from assistant.drafting import DraftOptions, draft_posts
from assistant.drafting_passes import Passes
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, is_repair, requested_platforms
from tests.fakes.llm_server import FakeLLMServer

BRIEF = "Neuer Äthiopien-Filterkaffee ist da, mit Blüten und Pfirsich"


@pytest.fixture
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


@pytest.mark.parametrize(("overrides", "sent"), [({}, 0.3), ({"draft_temperature": 0.6}, 0.6)])
def test_a_first_draft_is_asked_at_the_set_temperature(
        fake_llm: FakeLLMServer, kit: BrandKit, overrides: dict[str, float],
        sent: float) -> None:
    script = DraftScript()
    fake_llm.responder = script
    draft_posts(kit, BRIEF, ["x"], options=DraftOptions(settings=load_settings(**overrides)))
    assert script.calls[0]["temperature"] == pytest.approx(sent)


def test_each_later_platform_drafts_one_step_warmer(fake_llm: FakeLLMServer,
                                                    kit: BrandKit) -> None:
    script = DraftScript()
    fake_llm.responder = script
    settings = load_settings(draft_temperature_step=0.2)
    draft_posts(kit, BRIEF, ["x", "instagram", "linkedin"],
                options=DraftOptions(settings=settings))
    first = {requested_platforms(call)[0]: call["temperature"] for call in script.calls
             if not is_repair(call)}
    assert first == pytest.approx({"x": 0.3, "instagram": 0.5, "linkedin": 0.7})
    assert not load_settings().draft_temperature_step  # off until the bench chooses it


def test_the_step_applies_per_platform_call_and_stops_at_one() -> None:
    split = Passes(split_platforms=True, temperature=0.6, temperature_step=0.3)
    assert [split.first_temperature(0, order) for order in range(3)] == \
        pytest.approx([0.6, 0.9, 1.0])
    assert split.first_temperature(1, 0) == pytest.approx(0.7)  # a second variant
    # one call for all platforms has one temperature
    assert Passes(temperature=0.3, temperature_step=0.2).first_temperature(0, 2) == 0.3
