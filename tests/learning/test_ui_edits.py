"""The pages, driven with AppTest: an edit on Compose, Week and Queue keeps the model's text
and the person's text as a pair; the Brand kits page proposes rules to accept or dismiss and
has the switch for client approval."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from streamlit.testing.v1 import AppTest

from assistant.brand.kit import load_kit
from assistant.learn import pending_rules
from assistant.models import Draft
from assistant.queue import QueueItem, QueueService, open_queue
from assistant.queue.edits import EDIT_PAIR
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer
from tests.learning.conftest import KIT

BERLIN = ZoneInfo("Europe/Berlin")
MODEL = "Für unsere Kunden: die neue Bohne aus Peru ist da 🎉"


def _pairs(item: QueueItem) -> list[tuple[str | None, str | None]]:
    return [(e.old_text, e.new_text) for e in item.history if e.action == EDIT_PAIR]


def _app(module: str) -> AppTest:
    return AppTest.from_string(f"from assistant.ui import {module}\n{module}.render()",
                               default_timeout=180)


def _next_monday_10() -> datetime:
    today = datetime.now(BERLIN).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)  # the Week page's start
    return datetime.combine(monday, time(10, 0), tzinfo=BERLIN)


def _model_draft(queue: QueueService, when: datetime) -> QueueItem:
    return queue.add_draft(Draft(kit_id=KIT, platform="instagram", text=MODEL, brief=MODEL), when)


def test_compose_edit_then_queue_keeps_the_pair(kits: Path, fake_llm: FakeLLMServer) -> None:
    fake_llm.responder = DraftScript()
    at = _app("compose").run()
    at.text_area[0].input("Neue Bohne aus Äthiopien")
    at.multiselect[0].set_value(["instagram"])
    at.button[0].click().run()
    assert not at.exception
    model = at.session_state["compose_drafts"][0]["text"]
    at.text_area(key="text_0").input("Moin! " + model).run()
    at.button(key="queue_0").click().run()
    assert not at.exception
    [item] = open_queue().list(kit_id=KIT)
    assert _pairs(open_queue().get(item.id or 0)) == [(model, "Moin! " + model)]


def test_week_save_keeps_the_pair(kits: Path) -> None:
    item = _model_draft(open_queue(), _next_monday_10())
    at = _app("week").run()
    assert not at.exception
    final = "Moin! Für unsere Gäste: Peru ist da"
    at.text_area(key=f"wtext_{item.id}").input(final).run()
    at.button(key=f"wsave_{item.id}").click().run()
    assert not at.exception
    assert _pairs(open_queue().get(item.id or 0)) == [(MODEL, final)]


def test_queue_edit_keeps_the_pair(kits: Path) -> None:
    item = _model_draft(open_queue(), datetime.now(BERLIN) + timedelta(hours=3))
    at = _app("queue").run()
    assert not at.exception
    at.selectbox(key="queue_edit_id").select(item.id).run()
    at.text_area(key=f"queue_edit_text_{item.id}").input("Moin! Für unsere Gäste: Peru").run()
    at.button(key="queue_edit_save").click().run()
    assert not at.exception
    assert _pairs(open_queue().get(item.id or 0)) == [(MODEL, "Moin! Für unsere Gäste: Peru")]
    assert any(f"#{item.id} saved" in s.value for s in at.success)


def _three_edits(queue: QueueService) -> None:
    for n, day in enumerate((1, 2, 3)):
        text = f"Für unsere Kunden: Röstkurs Nummer {n} im Kontor 🎉"
        item = queue.add_draft(Draft(kit_id=KIT, platform="instagram", text=text, brief=text),
                               datetime.now(BERLIN) + timedelta(days=day))
        final = "Moin! " + text.replace("Kunden", "Gäste").replace(" 🎉", "")
        queue.edit(item.id or 0, text=final)


def _keyed(widgets: Any, prefix: str, suffix: str = "") -> Any:
    return next(w for w in widgets if str(w.key).startswith(prefix) and
                str(w.key).endswith(suffix))


def test_brand_page_proposes_rules_to_accept_or_dismiss(kits: Path) -> None:
    _three_edits(open_queue())
    before = (kits / KIT / "kit.yaml").read_text()
    at = _app("brand").run()
    at.selectbox(key="brand_choice").select(KIT).run()
    at.button(key=f"learn_propose_{KIT}").click().run()
    assert not at.exception
    rules = {r.kind: r for r in pending_rules(KIT)}
    assert {"preferred_term", "banned_emoji", "opener"} <= set(rules)
    assert (kits / KIT / "kit.yaml").read_text() == before  # nothing changed by itself
    at.button(key=f"accept_{rules['preferred_term'].id}").click().run()
    assert not at.exception
    assert any("Accepted: Write 'Gäste' instead of 'Kunden'" in s.value for s in at.success)
    assert any("+    replacement: Gäste" in c.value for c in at.code)
    at.button(key=f"dismiss_{rules['opener'].id}").click().run()
    kit = load_kit(KIT, kits)
    assert any(b.word == "Kunden" and b.replacement == "Gäste" for b in kit.banned_words)
    assert kit.opener is None
    assert {r.kind for r in pending_rules(KIT)} == {"banned_emoji"}
    assert not [b for b in at.button if str(b.key).startswith("dismiss_opener")]


def test_brand_page_switches_client_approval(kits: Path) -> None:
    at = _app("brand").run()
    at.selectbox(key="brand_choice").select(KIT).run()
    assert load_kit(KIT, kits).client_approval_required is False
    _keyed(at.toggle, f"edit_{KIT}_", "_client").set_value(True)
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception and not at.error
    assert load_kit(KIT, kits).client_approval_required is True
