"""Three honest states (issue 13, item 2): ready, needs a look, problems.

One rule (``models.post_state``) decides; drafts, queue items, bulk approval, the CLI's
``--json`` and human output, and the exports all show what it says.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import get_settings
from assistant.errors import TransitionError
from assistant.models import Draft, Problem, Severity, post_state
from assistant.queue import QueueItem, QueueService, open_queue
from assistant.queue.exports import to_csv, to_ics, to_json
from assistant.queue.importing import import_upload
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, post
from tests.fakes.llm_server import FakeLLMServer

KIT = "kaffeekontor-hamburg"
WHEN = datetime(2031, 1, 6, 9, tzinfo=UTC)
WARN = Problem(code="link_shortener", severity=Severity.WARNING, message="w")
ERR = Problem(code="too_long", severity=Severity.ERROR, message="e")
READY_TEXT = "Moin! Heute gibt es in Altona eine neue Bohne für dich."


@pytest.fixture(autouse=True)
def kits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "kits"
    shutil.copytree(ROOT / "brand_kits" / KIT, folder / KIT)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    get_settings.cache_clear()


def test_the_one_rule() -> None:
    assert post_state([]) == "ready"
    assert post_state([WARN]) == "needs_look"
    assert post_state([WARN, ERR]) == "problems"
    assert post_state([], failed=True) == "problems"


def test_draft_status_is_derived_and_survives_a_round_trip() -> None:
    draft = Draft(kit_id=KIT, platform="x", text="Moin", problems=[WARN])
    assert (draft.state, draft.status) == ("needs_look", "needs_look")
    dumped = draft.model_dump(mode="json")
    assert dumped["state"] == dumped["status"] == "needs_look"
    assert Draft.model_validate(dumped).status == "needs_look"
    draft.problems = []
    assert draft.status == "ready"  # never stale: computed from the problems
    failed = Draft(kit_id=KIT, platform="x", text="", error="the model did not answer")
    assert (failed.state, failed.status) == ("problems", "failed")


def three_items(queue: QueueService) -> dict[str, int]:
    """A ready, a needs-look (shortened link) and a problems (too long) item."""
    texts = {"ready": READY_TEXT, "needs_look": READY_TEXT + " https://bit.ly/abc",
             "problems": "Kaffee " * 60}
    ids = {}
    for state, text in texts.items():
        item = queue.add(QueueItem(kit_id=KIT, platform="x", text=text, scheduled_at=WHEN,
                                   hashtags=["Möwenbohne"]))
        assert item.state == state, (state, item.problems)
        ids[state] = item.id or 0
    return ids


def test_approve_all_takes_only_ready_items() -> None:
    queue = open_queue()
    ids = three_items(queue)
    result = queue.approve_many(list(ids.values()))
    assert [i.id for i in result.done] == [ids["ready"]]
    assert "needs a look" in result.refused[ids["needs_look"]]
    assert "read it and approve it on its own" in result.refused[ids["needs_look"]]
    assert "cannot approve" in result.refused[ids["problems"]]


def test_needs_look_only_by_explicit_choice_problems_never() -> None:
    queue = open_queue()
    ids = three_items(queue)
    result = queue.approve_many([ids["needs_look"], ids["problems"]], include_needs_look=True)
    assert [i.id for i in result.done] == [ids["needs_look"]]
    assert list(result.refused) == [ids["problems"]]
    with pytest.raises(TransitionError, match="too_long"):
        queue.approve(ids["problems"])


def test_a_single_needs_look_item_can_be_approved() -> None:
    queue = open_queue()
    ids = three_items(queue)
    assert queue.approve(ids["needs_look"]).status == "approved"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def test_cli_queue_states_and_the_explicit_flag(capsys: pytest.CaptureFixture[str]) -> None:
    ids = three_items(open_queue())
    code, out, _ = run(capsys, "queue", "list", "--json")
    assert code == 0
    assert {i["id"]: i["state"] for i in json.loads(out)["items"]} == {
        v: k for k, v in ids.items()}
    code, out, _ = run(capsys, "queue", "list")
    assert "needs a look" in out and "ready" in out and "problems" in out
    code, _out, err = run(capsys, "queue", "show", str(ids["needs_look"]))
    assert code == 1  # a person must read it first
    code, _out, err = run(capsys, "queue", "approve", str(ids["needs_look"]))
    assert code == 2 and "needs a look" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "queue", "approve", str(ids["needs_look"]),
                       "--include-needs-look")
    assert code == 0 and f"approved #{ids['needs_look']}" in out


def test_exports_carry_the_state() -> None:
    queue = open_queue()
    ids = three_items(queue)
    items = queue.list()
    rows = list(csv.DictReader(io.StringIO(to_csv(items))))
    assert {int(r["id"]): r["state"] for r in rows} == {v: k for k, v in ids.items()}
    assert {i["state"] for i in json.loads(to_json(items))["items"]} == set(ids)
    assert b"needs a look" in to_ics(items).replace(b"\r\n ", b"")
    # the column is derived: importing the CSV computes it again instead of trusting it
    header, body = to_csv(items).split("\r\n", 1)
    forged = header + "\r\n" + body.replace(",problems,", ",ready,")
    for n, row in enumerate(rows):
        forged = forged.replace(row["uid"], f"u{n}")
    report = import_upload(queue, forged.encode(), "forged.csv")
    assert not report.unknown_columns
    again = [queue.get(r.item_id or 0).state for r in report.rows]
    assert sorted(again) == sorted(ids)


def test_an_imported_approved_row_that_needs_a_look_stays_a_draft() -> None:
    queue = open_queue()
    ids = three_items(queue)
    queue.approve(ids["needs_look"])  # a person looked, here
    exported = to_csv([queue.get(ids["needs_look"])]).replace(
        queue.get(ids["needs_look"]).uid, "elsewhere")
    report = import_upload(queue, exported.encode(), "approved.csv")
    [row] = report.rows
    assert row.status == "draft" and "needs a look" in row.reason


def test_cli_draft_shows_the_state_and_exits_1_unless_ready(
    fake_llm: FakeLLMServer, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {"x": READY_TEXT,
             # ends as if cut off: a warning
             "linkedin": "Frische Bohne, heute bei uns in Altona: komm vorbei und probier "
                         "sie, denn …"}
    fake_llm.responder = DraftScript(lambda pid, _call: post(pid, texts[pid], ["Möwenbohne"]))
    args = ["draft", "--brand", KIT, "--brief", "Neue Bohne, heute in Altona",
            "--platform", "x", "--platform", "linkedin"]
    code, out, _ = run(capsys, *args, "--json")
    assert code == 1  # one of them needs a look
    assert {d["platform"]: d["state"] for d in json.loads(out)} == {
        "x": "ready", "linkedin": "needs_look"}
    code, out, _ = run(capsys, *args)
    assert "== x [READY]" in out and "== linkedin [NEEDS A LOOK]" in out


def test_the_summary_says_ready_only_of_ready_drafts() -> None:
    from assistant.models import state_summary

    assert state_summary(["ready", "needs_look", "needs_look"]) == (
        "3 draft(s): 1 ready, 2 need a look")
    assert state_summary(["problems", "failed"]) == "2 draft(s): 1 with problems, 1 failed"
    assert "ready" not in state_summary(["needs_look"])
