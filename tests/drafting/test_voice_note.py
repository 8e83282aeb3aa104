"""The voice score explains itself where it is shown: `postwerk draft` (text and --json)."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main
from tests.fakes.drafts import DraftScript
from tests.fakes.llm_server import FakeLLMServer


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_draft_prints_the_voice_score_and_why(fake_llm: FakeLLMServer,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    fake_llm.responder = DraftScript()
    args = ["draft", "--brand", "kaffeekontor-hamburg", "--brief", "Neue Bohne aus Äthiopien",
            "--platform", "x", "--platform", "linkedin"]
    code, out, _ = run([*args, "--json"], capsys)
    notes = {d["platform"]: d["voice_note"] for d in json.loads(out)}
    assert all(" the kit" in note for note in notes.values())
    code, out, err = run(args, capsys)
    assert code == 0 and not err
    lines = out.splitlines()
    for platform, note in notes.items():
        head = next(i for i, ln in enumerate(lines) if ln.startswith(f"== {platform} "))
        assert "/100" in lines[head] and lines[head + 1] == f"-- voice: {note}"


def test_the_voice_reads_the_post_with_its_tags(fake_llm: FakeLLMServer,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The kit's examples carry their hashtags; a draft scored without its own read "no
    hashtags (kit: ~3)" in Compose whatever its tags (screenshot, 2026-12-02)."""
    fake_llm.responder = DraftScript()
    args = ["draft", "--brand", "kaffeekontor-hamburg", "--brief", "Neue Bohne aus Äthiopien",
            "--platform", "instagram", "--json"]
    code, out, _ = run(args, capsys)
    [draft] = json.loads(out)
    assert code == 0 and draft["hashtags"], draft
    assert "no hashtags" not in draft["voice_note"], draft["voice_note"]
