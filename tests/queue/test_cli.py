"""`postwerk queue ...` end to end on the default SQLite queue in the test's data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from assistant.cli import main
from assistant.queue import QueueItem, open_queue
from tests.queue.conftest import BERLIN

ROOT = Path(__file__).resolve().parents[2]
COFFEE, SOFTWARE = "kaffeekontor-hamburg", "tessaline-software"  # the example kits


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(["queue", *args])
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


@pytest.fixture()
def ids() -> dict[str, int]:
    queue = open_queue()
    when = datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN)
    good = queue.add(QueueItem(kit_id=COFFEE, platform="instagram",
                               text="Moin! Heute rösten wir in Altona eine neue Bohne für dich.",
                               hashtags=["Möwenbohne"], scheduled_at=when))
    long = queue.add(QueueItem(kit_id=COFFEE, platform="x", text="Kaffee " * 50,
                               scheduled_at=when))
    other = queue.add(QueueItem(kit_id=SOFTWARE, platform="bluesky", scheduled_at=when,
                                text="Release notes for version 4 are out: faster sync."))
    return {"good": good.id or 0, "long": long.id or 0, "other": other.id or 0}


def test_list_filters_and_json(capsys: pytest.CaptureFixture[str], ids: dict[str, int]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0 and out.count("\n") == 3 and "[1 error(s)]" in out
    code, out, _ = run(capsys, "list", "--kit", COFFEE, "--platform", "x", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["count"] == 1 and doc["items"][0]["id"] == ids["long"]
    code, _out, err = run(capsys, "list", "--status", "sent")
    assert code == 2 and err.startswith("postwerk: unknown status 'sent'")


def test_show(capsys: pytest.CaptureFixture[str], ids: dict[str, int]) -> None:
    code, out, _ = run(capsys, "show", str(ids["good"]))
    assert code == 0 and "#Möwenbohne" in out and "created" in out
    code, out, _ = run(capsys, "show", str(ids["long"]), "--json")
    assert code == 1 and "too_long" in [p["code"] for p in json.loads(out)["problems"]]
    code, out, err = run(capsys, "show", "999")
    assert code == 2 and err == "postwerk: no queue item #999; see `postwerk queue list`\n"


def test_approve_and_mark_posted(capsys: pytest.CaptureFixture[str], ids: dict[str, int]) -> None:
    code, out, _ = run(capsys, "approve", str(ids["good"]), str(ids["other"]))
    assert code == 0 and out.count("approved #") == 2
    code, out, err = run(capsys, "approve", str(ids["long"]))
    assert code == 2 and err.count("\n") == 1 and "too_long" in err
    code, _out, err = run(capsys, "approve", str(ids["good"]), "4711")
    assert code == 2 and "#4711" in err
    code, _out, err = run(capsys, "mark-posted", str(ids["long"]))
    assert code == 2 and "from draft to posted" in err
    code, out, _ = run(capsys, "mark-posted", str(ids["good"]), "--url",
                       "https://instagram.com/p/x", "--json")
    assert code == 0 and json.loads(out)["status"] == "posted"
    code, out, _ = run(capsys, "archive", str(ids["long"]))
    assert code == 0 and "archived #" in out


def test_export_every_format_and_import_back(capsys: pytest.CaptureFixture[str],
                                             ids: dict[str, int], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for fmt in ("csv", "buffer", "ics", "json", "zip"):
        out_path = tmp_path / "out" / f"queue.{fmt}"
        code, out, _ = run(capsys, "export", "--format", fmt, "--out", str(out_path), "--json")
        assert code == 0 and json.loads(out)["count"] == 3 and out_path.stat().st_size > 0
    cal = Calendar.from_ical((tmp_path / "out" / "queue.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 3
    code, out, _ = run(capsys, "export", "--format", "json", "--out", "-", "--kit", SOFTWARE)
    assert json.loads(out)["count"] == 1
    code, _out, err = run(capsys, "export", "--format", "pdf", "--out", str(tmp_path / "x"))
    assert code == 2 and "use one of csv" in err
    # import into a fresh data dir
    monkeypatch.setenv("POSTWERK_DATA_DIR", str(tmp_path / "fresh"))
    from assistant.config import get_settings

    get_settings.cache_clear()
    code, out, _ = run(capsys, "import", str(tmp_path / "out" / "queue.zip"), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["imported"] == 3 and doc["refused"] == 0
    assert [r["status"] for r in doc["rows"]] == ["draft"] * 3
    code, out, _ = run(capsys, "import", str(tmp_path / "out" / "queue.zip"))
    assert code == 0 and "imported 0, skipped 3, refused 0 row(s)" in out


def test_import_of_a_bad_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("kit_id,platform,text,scheduled_at\nkaffee,x,hi,2030-01-01 09:00\n"
                   "kaffee,x,ho,soon\n")
    code, out, _err = run(capsys, "import", str(bad))
    # one bad row does not stop the good one; the report names the row and why
    assert code == 1 and "row 3: refused: scheduled_at 'soon'" in out
    assert len(open_queue().list()) == 1
    only_bad = tmp_path / "only-bad.csv"
    only_bad.write_text("kit_id,platform,text,scheduled_at\nkaffee,x,ho,soon\n")
    code, _out, err = run(capsys, "import", str(only_bad))
    assert code == 2 and err.count("\n") == 1 and "nothing was imported; row 2: refused" in err
    code, _out, err = run(capsys, "import", str(tmp_path / "nope.csv"))
    assert code == 2 and "file not found" in err


def test_real_process_exit_codes(ids: dict[str, int]) -> None:
    env = {**os.environ}
    proc = subprocess.run([sys.executable, "-m", "assistant", "queue", "approve", "4711"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "assistant", "queue", "list", "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout)["count"] == 3
