"""AppTest of the Week page: generate, see the calendar, approve all valid."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from assistant.queue import open_queue
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer


def test_generate_and_approve_all_valid(fake_llm: FakeLLMServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(__import__("tests.conftest").conftest.ROOT)
    fake_llm.responder = DraftScript()
    at = AppTest.from_string("from assistant.ui import week\nweek.render()", default_timeout=120)
    at.run()
    assert not at.exception
    next(b for b in at.button if b.label == "Generate week").click().run()
    assert not at.exception, at.exception
    items = open_queue().list(kit_id="kaffeekontor-hamburg")
    assert len(items) == 11 and all(i.status == "draft" for i in items)
    approve = next(b for b in at.button if b.label.startswith("Approve all valid"))
    approve.click().run()
    assert not at.exception
    statuses = {i.status for i in open_queue().list(kit_id="kaffeekontor-hamburg")}
    assert statuses == {"approved"}
