"""Proposed rules: accepting one changes kit.yaml (a small diff, enforced by the one checker
and told to the model), dismissing one is remembered; nothing changes the kit by itself.
Through the CLI, with its exit codes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.brand.kit import load_kit
from assistant.briefing import voice_rules
from assistant.checks import PostSubject, post_problems
from assistant.cli import main
from assistant.models import Draft
from assistant.queue import QueueService
from tests.learning.conftest import KIT

WHEN = datetime(2030, 3, 4, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
MODEL = [
    "Für unsere Kunden rösten wir heute die neue Bohne aus Peru 🎉",
    "Viele Kunden fragen nach Cold Brew: ab Montag gibt es ihn im Kontor 🎉",
    "Danke an alle Kunden, die beim Cupping am Samstag dabei waren 🎉",
]


def _edited(queue: QueueService) -> None:
    """Three drafts, each corrected the same way: Gäste, no 🎉, Moin in front."""
    for text in MODEL:
        item = queue.add_draft(Draft(kit_id=KIT, platform="instagram", text=text,
                                     brief=text), WHEN)
        final = "Moin! " + text.replace("Kunden", "Gäste").replace(" 🎉", "")
        queue.edit(item.id or 0, text=final, by="anna")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def _proposed(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    code, out, err = run(capsys, "learn", "propose", "--brand", KIT, "--json")
    assert code == 0, err
    return {str(r["kind"]): r for r in json.loads(out)["rules"]}


def test_propose_accept_and_dismiss_through_the_cli(
        kits: Path, queue: QueueService, capsys: pytest.CaptureFixture[str]) -> None:
    path = kits / KIT / "kit.yaml"
    before = path.read_text()
    _edited(queue)
    rules = _proposed(capsys)
    assert {"preferred_term", "banned_emoji", "opener"} <= set(rules)
    term = rules["preferred_term"]
    assert term["key"] == "Kunden" and term["value"] == "Gäste"
    assert path.read_text() == before  # proposing changes nothing

    code, out, err = run(capsys, "learn", "accept", str(rules["preferred_term"]["id"]))
    assert code == 0, err
    assert "+  - word: Kunden" in out and "+    replacement: Gäste" in out
    after = path.read_text()
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["  - word: Kunden", "    replacement: Gäste"]  # comments and rest kept
    kit = load_kit(KIT, kits)
    assert any(b.word == "Kunden" and b.replacement == "Gäste" for b in kit.banned_words)
    assert "'Gäste' (not 'Kunden')" in voice_rules(kit, "de")

    code, out, _ = run(capsys, "learn", "dismiss", str(rules["opener"]["id"]), "--json")
    assert code == 0 and json.loads(out)["dismissed"]["key"] == "Moin"
    assert load_kit(KIT, kits).opener is None
    again = _proposed(capsys)
    assert set(again) == {"banned_emoji"}  # accepted and dismissed ones are not proposed


def test_accepted_rules_are_enforced_by_the_one_checker(
        kits: Path, queue: QueueService, capsys: pytest.CaptureFixture[str]) -> None:
    _edited(queue)
    for rule in _proposed(capsys).values():
        assert run(capsys, "learn", "accept", str(rule["id"]))[0] == 0
    kit = load_kit(KIT, kits)
    assert kit.opener == "Moin" and "🎉" in kit.emoji.banned
    text = "Für unsere Kunden: neue Bohne aus Peru 🎉"
    codes = {p.code for p in post_problems(PostSubject(KIT, "instagram", text), kit)}
    assert {"banned_word", "banned_emoji", "missing_opener"} <= codes
    fixed = "Moin! Für unsere Gäste: neue Bohne aus Peru ☕"
    codes = {p.code for p in post_problems(PostSubject(KIT, "instagram", fixed), kit)}
    assert not {"banned_word", "banned_emoji", "missing_opener"} & codes


def test_an_unknown_rule_id_is_one_line_and_exit_2(
        kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "learn", "accept", "opener-00000000")
    assert code == 2 and err.count("\n") == 1 and "learn propose" in err
    code, _out, err = run(capsys, "learn", "propose", "--brand", "no-such-kit")
    assert code == 2 and err.count("\n") == 1 and "no brand kit" in err


def test_no_edits_propose_nothing(kits: Path, queue: QueueService,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    item = queue.add_draft(Draft(kit_id=KIT, platform="x", text="Moin! Neue Bohne."), WHEN)
    queue.edit(item.id or 0, text="Moin! Neue Bohne aus Peru.")  # one edit, nothing recurring
    code, out, _ = run(capsys, "learn", "propose", "--brand", KIT)
    assert code == 0 and "nothing to propose" in out
