"""`postwerk review create|list|revoke` end to end (exit codes, --json, one-line errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from tests.review.conftest import KIT


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(["review", *args])
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def test_create_list_revoke(capsys: pytest.CaptureFixture[str], kits: Path) -> None:
    code, out, _ = run(capsys, "create", "--brand", KIT, "--from", "2030-03-04", "--to",
                       "2030-03-10", "--expires-days", "3", "--json")
    assert code == 0
    made = json.loads(out)
    assert made["url"].startswith("http://127.0.0.1:8501/?review=v1.")
    assert made["state"] == "active"
    code, out, _ = run(capsys, "list", "--json")
    listed = json.loads(out)
    assert [row["id"] for row in listed] == [made["id"]]
    assert "url" not in listed[0]  # a list is no place to copy tokens from
    code, out, _ = run(capsys, "revoke", made["id"])
    assert code == 0 and "revoked" in out
    code, out, _ = run(capsys, "list")
    assert "revoked" in out


@pytest.mark.parametrize(("args", "message"), [
    (["create", "--brand", "nope", "--from", "2030-03-04", "--to", "2030-03-10"], "no brand kit"),
    (["create", "--brand", KIT, "--from", "4.3.2030", "--to", "2030-03-10"], "YYYY-MM-DD"),
    (["revoke", "zzz"], "no review link")])
def test_bad_input_is_one_line(capsys: pytest.CaptureFixture[str], kits: Path,
                               args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
