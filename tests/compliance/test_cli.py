"""`postwerk impressum` and `postwerk links`: output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.brand.kit import EXAMPLE_KITS_DIR, BrandKit, load_kit, save_kit
from assistant.cli import main
from assistant.config import get_settings

from .conftest import Server


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


@pytest.fixture
def kits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    kits_dir = tmp_path / "kits"
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(kits_dir))
    monkeypatch.setenv("POSTWERK_LINKS_ALLOW_PRIVATE", "true")
    get_settings.cache_clear()
    save_kit(load_kit("kaffeekontor-hamburg", EXAMPLE_KITS_DIR), kits_dir)
    return kits_dir


def _broken_legal(kits_dir: Path, **legal: object) -> None:
    kit = load_kit("kaffeekontor-hamburg", kits_dir)
    save_kit(kit.model_copy(update={"legal": kit.legal.model_copy(update=legal)}), kits_dir)


def test_impressum_complete_exit_0(kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["impressum", "--brand", "kaffeekontor-hamburg"], capsys)
    assert code == 0
    assert out.startswith("=== Website ===\nImpressum\n\nAngaben gemäß § 5 DDG")
    assert "Impressum: https://www.moewenbohne.example/impressum" in out
    assert "no findings" in out


def test_impressum_json(kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["impressum", "--brand", "kaffeekontor-hamburg", "--json"], capsys)
    doc = json.loads(out)
    assert code == 0 and doc["complete"] is True and doc["findings"] == []
    assert doc["website_text"].startswith("Impressum\n")
    assert doc["profile_text"].endswith("/impressum\n")


def test_impressum_with_findings_exit_1(kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _broken_legal(kits, register_number=None, street="Postfach 1234")
    code, out, _ = run(["impressum", "--brand", "kaffeekontor-hamburg", "--json"], capsys)
    doc = json.loads(out)
    assert code == 1 and doc["complete"] is False
    assert {f["code"] for f in doc["findings"]} == {"register_number_missing", "po_box"}
    assert all(f["message_de"] and f["message_en"] for f in doc["findings"])
    code, out, _ = run(["impressum", "--brand", "kaffeekontor-hamburg"], capsys)
    assert code == 1 and "DE: Registernummer: fehlt" in out and "EN: register number" in out


def test_impressum_unknown_kit_exit_2(kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["impressum", "--brand", "gibtsnicht"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("postwerk: ") and "gibtsnicht" in err and err.count("\n") == 1


def test_links_text(http_server: Server, kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok = http_server.url("/ok?utm_source=x")
    code, out, _ = run(["links", "--text", f"Schau mal: {ok}", "--json"], capsys)
    doc = json.loads(out)
    assert code == 0 and doc["broken"] is False
    assert [r["result"]["status"] for r in doc["rows"]] == ["ok"]
    text = f"Neu: {http_server.url('/redirect')} und {http_server.url('/missing')}"
    code, out, _ = run(["links", "--text", text], capsys)
    assert code == 1
    assert "redirected" in out and "broken" in out and "2 link(s)" in out


def test_links_text_without_urls(kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["links", "--text", "Kein Link hier"], capsys)
    assert code == 0 and "no links found" in out


def test_links_needs_exactly_one_source(kits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["links"], capsys)[0] == 2
    code, _, err = run(["links", "--text", "x", "--brand", "kaffeekontor-hamburg"], capsys)
    assert code == 2 and "exactly one" in err
    assert run(["links", "--brand", "gibtsnicht"], capsys)[0] == 2


def _local_kit(kits_dir: Path, server: Server, impressum: str = "/ok") -> BrandKit:
    kit = load_kit("kaffeekontor-hamburg", kits_dir)
    links = kit.links.model_copy(update={
        "website": server.url("/ok"), "shop": server.url("/redirect"),
        "impressum_url": server.url(impressum), "link_in_bio_url": None})
    channels = [c.model_copy(update={"profile_url": server.url(f"/ok?p={c.platform}")})
                for c in kit.channels if c.platform != "google_business"]
    legal = kit.legal.model_copy(update={"contact_form_url": None})
    kit = kit.model_copy(update={"links": links, "channels": channels, "legal": legal})
    save_kit(kit, kits_dir)
    return kit


def test_links_brand_with_queue(http_server: Server, kits: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.queue import QueueItem, open_queue

    _local_kit(kits, http_server)
    queue = open_queue(get_settings())
    when = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    queue.add(QueueItem(kit_id="kaffeekontor-hamburg", platform="facebook", scheduled_at=when,
                        text="Neu im Shop: " + http_server.url("/missing")))
    queue.add(QueueItem(kit_id="other-kit", platform="facebook", scheduled_at=when,
                        text="Nicht unser Kit: " + http_server.url("/error")))
    queue.storage.dispose()
    code, out, _ = run(["links", "--brand", "kaffeekontor-hamburg", "--json"], capsys)
    doc = json.loads(out)
    assert code == 1 and doc["broken"] is True and doc["queue_checked"] is True
    assert doc["queue_items"] == 1
    rows = {r["where"]: r for r in doc["rows"]}
    assert rows["links.website"]["result"]["status"] == "ok"
    assert rows["links.shop"]["result"]["status"] == "redirected"
    queue_rows = [r for w, r in rows.items() if w.startswith("queue #")]
    assert len(queue_rows) == 1 and queue_rows[0]["result"]["status"] == "broken"
    assert "facebook 2026-03-02 09:00" in queue_rows[0]["where"]
    assert not any("/error" in r["url"] for r in doc["rows"])
    # --no-queue: only the kit's own links, all of which answer
    code, out, _ = run(["links", "--brand", "kaffeekontor-hamburg", "--no-queue"], capsys)
    assert code == 0 and "broken" not in out


def test_subprocess_entry_point(kits: Path) -> None:
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "impressum", "--brand", "kaffeekontor-hamburg",
         "--json"], capture_output=True, text=True, env=os.environ.copy(), timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["complete"] is True
