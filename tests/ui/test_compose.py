"""AppTest of the Compose page: draft, per-platform images, live re-check, regenerate."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer

IMAGE = {"format": "JPEG", "bytes": 300_000, "width": 1080, "height": 1350, "alt_text": "Tasse"}


@pytest.fixture()
def at(fake_llm: FakeLLMServer) -> AppTest:
    fake_llm.responder = DraftScript()
    app = AppTest.from_string("from assistant.ui import compose\ncompose.render()",
                              default_timeout=120)
    app.session_state["attached_media"] = [
        {**IMAGE, "path": "/tmp/a.jpg", "platform": "instagram", "preset": "portrait"},
        {**IMAGE, "path": "/tmp/b.jpg", "platform": "linkedin", "preset": "portrait"},
    ]
    return app.run()


def _draft(at: AppTest, platforms: list[str]) -> AppTest:
    at.text_area[0].input("Neue Bohne aus Äthiopien")
    at.multiselect[0].set_value(platforms)
    return at.button[0].click().run()


def test_draft_edit_and_recheck(at: AppTest) -> None:
    _draft(at, ["instagram", "linkedin", "x"])
    assert not at.exception
    drafts = at.session_state["compose_drafts"]
    assert [d["platform"] for d in drafts] == ["instagram", "linkedin", "x"]
    media = {d["platform"]: [m["path"] for m in d["media"]] for d in drafts}
    assert media == {"instagram": ["/tmp/a.jpg"], "linkedin": ["/tmp/b.jpg"], "x": []}
    assert all(d["status"] == "ready" for d in drafts)
    notes = [c.value for c in at.caption if c.value.startswith("Voice: ")]
    assert notes == [f"Voice: {d['voice_note']}" for d in drafts]  # the score says why
    assert all(" the kit" in n for n in notes)
    # edit the X post past its limit: the card re-checks and says by how much
    at.text_area(key="text_2").input("Kaffee " * 60).run()
    assert not at.exception
    assert at.session_state["compose_drafts"][2]["status"] == "problems"
    assert any("too_long" in e.value for e in at.error)


def test_regenerate_one_platform(at: AppTest, fake_llm: FakeLLMServer) -> None:
    _draft(at, ["instagram", "x"])
    before = len(fake_llm.chat_requests)
    at.button(key="regen_1").click().run()
    assert not at.exception
    assert len(fake_llm.chat_requests) == before + 1
    assert "x" in fake_llm.chat_requests[-1]["messages"][1]["content"]


def test_llm_failure_keeps_the_brief(at: AppTest, fake_llm: FakeLLMServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.fakes.llm_server import Reply

    monkeypatch.setenv("POSTWERK_LLM_MAX_RETRIES", "0")
    fake_llm.responder = lambda body: Reply.error(500, "down")
    _draft(at, ["x"])
    assert not at.exception
    assert "server error" in at.error[0].value
    assert at.text_area[0].value == "Neue Bohne aus Äthiopien"


def test_a_draft_edited_past_the_length_cap_is_one_error(at: AppTest) -> None:
    _draft(at, ["x"])
    huge = "a." * 50_001  # 100,002 characters
    at.text_area(key="text_0").input(huge).run()
    assert not at.exception
    assert any("100,000" in e.value for e in at.error)
    assert at.text_area(key="text_0").value == huge  # the typed text is kept


def test_an_edit_rescores_the_voice_and_says_why(at: AppTest) -> None:
    _draft(at, ["instagram"])
    before = at.session_state["compose_drafts"][0]
    formal = ("Sehr geehrte Kundinnen und Kunden, wir freuen uns, Ihnen unseren neuen "
              "Filterkaffee aus Äthiopien vorstellen zu dürfen. Bitte besuchen Sie uns.")
    at.text_area(key="text_0").input(formal).run()
    assert not at.exception
    after = at.session_state["compose_drafts"][0]
    assert after["voice_score"] < before["voice_score"] - 20
    assert "Sie instead of du" in after["voice_note"]
    assert f"Voice: {after['voice_note']}" in [c.value for c in at.caption]


def test_cards_show_the_three_states(at: AppTest) -> None:
    _draft(at, ["facebook", "x"])
    assert not at.exception
    badges = [m.value for m in at.markdown if m.value.startswith("**")]
    assert badges and all(":green-badge[ready]" in b for b in badges)
    # an edit that adds an emoji the brand does not use: a warning, so it needs a look
    text = at.session_state["compose_drafts"][0]["text"] + " 🚀"
    at.text_area(key="text_0").input(text).run()
    assert at.session_state["compose_drafts"][0]["state"] == "needs_look"
    assert any(":orange-badge[needs a look]" in m.value for m in at.markdown)
    # a shortened link nobody asked for: invented (an error), and a shortener (a warning)
    at.text_area(key="text_0").input(text + " https://bit.ly/abc").run()
    codes = {p["code"] for p in at.session_state["compose_drafts"][0]["problems"]}
    assert {"invented_fact", "link_shortener"} <= codes
    at.text_area(key="text_1").input("Kaffee " * 60).run()
    assert any(":red-badge[problems]" in m.value for m in at.markdown)
