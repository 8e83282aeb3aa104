"""`postwerk brand ...`: JSON output and exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from assistant.cli import main
from tests.brand.conftest import COFFEE, EXAMPLE_KITS, SOFTWARE


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["brand", *args])
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_list_and_show(kits_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    kits = json.loads(out)["kits"]
    assert [k["id"] for k in kits] == [COFFEE, SOFTWARE]
    assert kits[0]["examples"] == 18 and "google_business" in kits[0]["channels"]
    code, out, _ = run(capsys, "show", COFFEE, "--json")
    assert code == 0 and json.loads(out)["legal"]["vat_id"] == "DE274180534"
    code, out, _ = run(capsys, "show", SOFTWARE)
    assert code == 0 and "name: Tessaline" in out and "16 example posts" in out


def test_list_reports_a_broken_kit_with_exit_1(kits_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (kits_dir / SOFTWARE / "kit.yaml").write_text("id: [", encoding="utf-8")
    code, out, _ = run(capsys, "list", "--json")
    assert code == 1
    broken = json.loads(out)["kits"][1]
    assert broken["ok"] is False and "not valid YAML" in broken["error"]


def test_import_zip_then_duplicate_is_exit_2(tmp_path: Path, kits_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "coffee.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (EXAMPLE_KITS / COFFEE).rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(EXAMPLE_KITS / COFFEE).as_posix())
    code, out, _ = run(capsys, "import", str(archive), "--as", "kaffee-kopie", "--json")
    assert code == 0 and json.loads(out)["id"] == "kaffee-kopie"
    code, out, err = run(capsys, "import", str(archive))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "already exists" in err and "Traceback" not in err


def test_index_and_search(kits_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "index", SOFTWARE, "--json")
    report = json.loads(out)
    assert code == 0 and report["added"] == report["total"] > 16
    code, out, _ = run(capsys, "search", "--brand", SOFTWARE, "--query",
                       "Schema-Änderungen früh erkennen", "--k", "2", "--platform", "x",
                       "--lang", "en", "--json")
    assert code == 0
    results = json.loads(out)["results"]
    examples = [r for r in results if r["kind"] == "example"]
    assert len(examples) == 2 and examples[0]["platform"] == "x"
    assert examples[0]["source"] == "examples/x-01.md"
    assert {"kind", "text", "platform", "language", "source", "score"} <= set(results[0])
    code, out, _ = run(capsys, "search", "--brand", SOFTWARE, "--query", "lineage")
    assert code == 0 and "example" in out and "guideline" in out


@pytest.mark.parametrize(("args", "message"), [
    (["show", "nope-kit"], "no brand kit 'nope-kit'"),
    (["index", "nope-kit"], "no brand kit 'nope-kit'"),
    (["search", "--brand", SOFTWARE, "--query", "x", "--platform", "myspace"],
     "unknown platform 'myspace'"),
    (["search", "--brand", SOFTWARE, "--query", "x", "--lang", "deutsch"],
     "--lang 'deutsch' is not a language code"),
    (["search", "--brand", SOFTWARE, "--query", "x", "--k", "0"], "k=0 is out of range"),
    (["search", "--brand", SOFTWARE, "--query", "  "], "the brief is empty"),
    (["import", "/no/such/kit"], "no such file or folder"),
])
def test_bad_input_is_exit_2_with_one_line(kits_dir: Path, capsys: pytest.CaptureFixture[str],
                                          args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1
