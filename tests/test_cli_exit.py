"""The command as a user runs it (`python -m assistant`, the `postwerk` script): it leaves
the process without the interpreter's teardown, and nothing written is lost by that."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

COFFEE = "kaffeekontor-hamburg"


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_import_indexes_the_kit_and_the_next_command_finds_it(tmp_path: Path) -> None:
    env = {**os.environ, "POSTWERK_KITS_DIR": str(tmp_path / "kits")}
    imported = cli("brand", "import", str(ROOT / "brand_kits" / COFFEE), "--json", env=env)
    assert imported.returncode == 0, imported.stderr
    indexed = json.loads(imported.stdout)["indexed"]
    assert indexed > 20
    again = cli("brand", "index", COFFEE, "--json", env=env)  # a new process, the same store
    assert again.returncode == 0, again.stderr
    assert (json.loads(again.stdout)["added"], json.loads(again.stdout)["unchanged"]) == (
        0, indexed)
    log = Path(os.environ["POSTWERK_DATA_DIR"]) / "logs" / "postwerk.log"
    assert f"imported kit {COFFEE}" in log.read_text(encoding="utf-8")


def test_import_without_a_usable_store_keeps_the_kit(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.mkdir()
    (blocked / "chroma").write_text("a file where the store's folder belongs")
    env = {**os.environ, "POSTWERK_KITS_DIR": str(tmp_path / "kits"),
           "POSTWERK_DATA_DIR": str(blocked)}
    proc = cli("brand", "import", str(ROOT / "brand_kits" / COFFEE), "--json", env=env)
    assert proc.returncode == 0 and json.loads(proc.stdout)["indexed"] is None
    assert proc.stderr.count("\n") == 1 and "imported, but not indexed yet" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "kits" / COFFEE / "kit.yaml").is_file()


def test_long_output_and_exit_codes_arrive_whole(tmp_path: Path) -> None:
    env = dict(os.environ)
    listed = cli("platforms", "--json", env=env)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) >= 10
    too_long = cli("check", "--platform", "x", "--text", "Kaffee " * 80, "--json", env=env)
    assert too_long.returncode == 1 and json.loads(too_long.stdout)["ok"] is False
    bad = cli("check", "--platform", "myspace", "--text", "Moin", env=env)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and bad.stdout == ""

