"""A planned slot's brief carries the kit's guidance (call to action, pillar description):
the post may use it, and leaving it out is not a missing fact of the brief."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.brand.kit import load_kit
from assistant.planner import plan_week
from assistant.quality import QualityContext, quality_problems

KITS = Path(__file__).resolve().parents[2] / "brand_kits"


@pytest.mark.parametrize("kit_id", ["kaffeekontor-hamburg", "tessaline-software"])
def test_the_kits_guidance_in_a_planned_brief_is_no_missing_fact(kit_id: str) -> None:
    kit = load_kit(kit_id, KITS)
    plan = plan_week(kit, date(2031, 3, 3), today=date(2031, 3, 1))
    assert any(kit.cta and kit.cta in slot.brief for slot in plan.slots)
    for slot in plan.slots:
        ctx = QualityContext(brief=slot.brief, link=None, language=kit.default_language,
                             platform=slot.platform, kit=kit)
        codes = {p.code for p in quality_problems("Moin.", [], ctx)}
        assert "missing_fact" not in codes, slot.brief


def test_a_fact_the_user_wrote_into_the_brief_is_still_required() -> None:
    kit = load_kit("kaffeekontor-hamburg", KITS)
    brief = f"Röstkurs am 12. Dezember um 18 Uhr. Call to action: {kit.cta}"
    ctx = QualityContext(brief=brief, link=None, language="de", platform="instagram", kit=kit)
    missing = [p for p in quality_problems("Röstkurs bei uns!", [], ctx)
               if p.code == "missing_fact"]
    assert missing and "12. Dezember" in missing[0].message and "Shop" not in missing[0].message
