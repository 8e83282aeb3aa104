"""AppTest of the Week page: generate, see the calendar, approve all ready."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from streamlit.testing.v1 import AppTest

from assistant.queue import QueueItem, open_queue
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer


def test_generate_shows_the_state_of_every_post(fake_llm: FakeLLMServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(__import__("tests.conftest").conftest.ROOT)
    fake_llm.responder = DraftScript()
    at = AppTest.from_string("from assistant.ui import week\nweek.render()", default_timeout=120)
    at.run()
    assert not at.exception
    next(b for b in at.button if b.label == "Generate week").click().run()
    assert not at.exception, at.exception
    items = open_queue().list(kit_id="kaffeekontor-hamburg")
    assert len(items) == 11 and all(i.status == "draft" for i in items)
    # every card shows its state; "Approve all ready" offers exactly the ready ones
    # (what it does with the others: the test below)
    ready = [i for i in items if i.state == "ready"]
    badges = (":green-badge[ready]", ":red-badge[problems]", ":orange-badge[needs a look]")
    assert sum(any(b in m.value for b in badges) for m in at.markdown) == 11
    approve = next(b for b in at.button if b.label.startswith("Approve all ready"))
    assert approve.label == f"Approve all ready ({len(ready)})"


def test_slow_week_lists_every_finished_slot(fake_llm: FakeLLMServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The week runs in a worker thread (so the label can follow the model); the slots it
    finishes are drawn by the script thread while it runs and after it ends."""
    monkeypatch.chdir(__import__("tests.conftest").conftest.ROOT)
    fake_llm.responder = DraftScript(latency=1.2)
    at = AppTest.from_string("from assistant.ui import week\nweek.render()", default_timeout=180)
    at.run()
    next(b for b in at.button if b.label == "Generate week").click().run()
    assert not at.exception, at.exception
    lines = [m.value for m in at.markdown if m.value.startswith(("✅", "⛔", "↺"))]
    assert len(lines) == 11, lines
    assert any("11 drafted" in s.label for s in at.status), [s.label for s in at.status]


def _next_monday_10() -> datetime:
    berlin = ZoneInfo("Europe/Berlin")
    today = datetime.now(berlin).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)  # the page's default start
    return datetime.combine(monday, time(10, 0), tzinfo=berlin)


def test_refused_approval_stays_on_screen(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 12 item 12: the refusal used to be wiped by an immediate st.rerun()."""
    monkeypatch.chdir(__import__("tests.conftest").conftest.ROOT)
    item = open_queue().add(QueueItem(kit_id="kaffeekontor-hamburg", platform="x",
                                      text="Kaffee " * 60, scheduled_at=_next_monday_10()))
    at = AppTest.from_string("from assistant.ui import week\nweek.render()", default_timeout=60)
    at.run()
    assert not at.exception
    at.button(key=f"wapp_{item.id}").click().run()
    assert not at.exception, at.exception
    refusals = [e.value for e in at.error if f"cannot approve #{item.id}" in e.value]
    assert refusals and "too_long" in refusals[0]
    assert open_queue().get(item.id or 0).status == "draft"


def test_queue_that_cannot_open_is_an_error_not_a_traceback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """_queue() is evaluated inside the error guard: a bad database URL is one message."""
    monkeypatch.chdir(__import__("tests.conftest").conftest.ROOT)
    monkeypatch.setenv("POSTWERK_DATABASE_URL", "nosuchdb://nowhere/x")
    at = AppTest.from_string("from assistant.ui import week\nweek.render()", default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert any("nosuchdb" in e.value or "database" in e.value.lower() for e in at.error)


def test_approve_all_leaves_needs_look_to_an_explicit_choice(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(__import__("tests.conftest").conftest.ROOT)
    at = AppTest.from_string("from assistant.ui import week\nweek.render()", default_timeout=120)
    at.run()
    start = at.date_input(key="week_start").value
    when = datetime.combine(start, time(9), tzinfo=ZoneInfo("Europe/Berlin"))
    queue = open_queue()
    text = "Moin! Heute rösten wir in Altona eine neue Bohne für dich."
    ready, look = (queue.add(QueueItem(kit_id="kaffeekontor-hamburg", platform="facebook",
                                       text=t, hashtags=["Möwenbohne"],
                                       scheduled_at=when + timedelta(hours=n)))
                   for n, t in enumerate([text, text + " https://bit.ly/abc"]))
    at.run()
    assert any(":orange-badge[needs a look]" in m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Approve all ready (1)").click().run()
    assert [queue.get(i.id or 0).status for i in (ready, look)] == ["approved", "draft"]
    at.checkbox(key="week_include_needs_look").check().run()
    next(b for b in at.button if b.label == "Approve all ready and read (1)").click().run()
    assert not at.exception
    assert queue.get(look.id or 0).status == "approved"
