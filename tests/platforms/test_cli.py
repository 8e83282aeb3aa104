"""`postwerk check` and `postwerk platforms`: output, --json, exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from assistant.cli import main
from tests.conftest import ROOT


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_valid_post_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "--platform", "x", "--text", "Hallo 👋 kaffee.de"], capsys)
    assert code == 0 and not err
    assert "X" in out and "32/280 weighted characters" in out and "ok" in out


def test_problems_exit_1_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "-p", "x", "--text", "日本" * 71, "--json"], capsys)
    assert code == 1
    doc = json.loads(out)
    assert doc["ok"] is False
    (check,) = doc["checks"]
    assert (check["platform"], check["length"], check["limit"], check["unit"]) == (
        "x",
        284,
        280,
        "weighted",
    )
    assert check["problems"][0]["code"] == "too_long"
    assert check["problems"][0]["severity"] == "error"


def test_warnings_alone_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "-p", "instagram", "--text", "Mehr: kaffee.de/neu"], capsys)
    assert code == 0 and "link_not_clickable" in out


def test_repeated_and_comma_platforms_and_default_all(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "-p", "x", "-p", "bluesky,tiktok", "-t", "Hi", "--json"], capsys)
    assert [c["platform"] for c in json.loads(out)["checks"]] == ["x", "bluesky", "tiktok"]
    _, out, _ = run(["check", "-t", "Hi", "--json"], capsys)
    assert len(json.loads(out)["checks"]) == 10


def test_file_input_utf8_with_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "post.txt"
    post.write_bytes("\ufeffGrüße aus Hamburg".encode())
    code, out, _ = run(["check", "-p", "bluesky", "--file", str(post), "--json"], capsys)
    check = json.loads(out)["checks"][0]
    assert code == 0 and check["length"] == 17 and check["details"]["bytes"] == 19


def test_fix_option(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Neu!\nhttps://kaffee.de/shop\n#a #b #c #d #e #f"
    code, out, _ = run(["check", "-p", "instagram", "-t", text, "--fix", "--json"], capsys)
    doc = json.loads(out)
    assert code == 1  # the original has 6 hashtags
    fixed = doc["fixes"][0]
    assert fixed["text"] == "Neu!\nLink in bio\n#a #b #c #d #e"
    assert fixed["check"]["ok"] is True
    code, out, _ = run(["check", "-p", "instagram", "-t", text, "--fix"], capsys)
    assert "safe fixes:" in out and "Link in bio" in out


def test_image_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "foto.png"
    Image.new("RGB", (1080, 1350), "brown").save(png)
    code, out, _ = run(["check", "-p", "instagram", "-t", "Bild", "--image", str(png)], capsys)
    assert code == 1 and "media_format" in out and "foto.png is PNG" in out
    code, _, _ = run(["check", "-p", "x", "-t", "Bild", "--image", str(png)], capsys)
    assert code == 0
    junk = tmp_path / "junk.jpg"
    junk.write_text("not an image")
    code, _, err = run(["check", "-p", "x", "-t", "Bild", "--image", str(junk)], capsys)
    assert code == 2 and "is not an image" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "-p", "myspace", "-t", "Hi"], "unknown platform 'myspace'; use one of x"),
        (["check", "-p", "x"], "exactly one of them"),
        (["check", "-p", "x", "-t", "Hi", "--file", "post.txt"], "exactly one of them"),
        (["check", "-p", "x", "--file", "/nonexistent/post.txt"], "file not found"),
        (["check", "-p", "x", "--file", "/"], "is not a file"),
        (["check", "-p", "x", "-t", "Hi", "--image", "/nonexistent.jpg"], "no such file"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert code == 2 and not out
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_non_utf8_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Grüße".encode("latin-1"))
    code, _, err = run(["check", "-p", "x", "--file", str(latin)], capsys)
    assert code == 2 and "is not UTF-8 text" in err and "save it as UTF-8" in err


def test_platforms_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["platforms"], capsys)
    assert code == 0
    for fragment in ("x", "280", "weighted", "google_business", "63206", "1080x1350", "≤5"):
        assert fragment in out
    code, out, _ = run(["platforms", "--json"], capsys)
    doc = json.loads(out)
    assert [p["id"] for p in doc][:2] == ["x", "bluesky"] and len(doc) == 10
    x = doc[0]
    assert x["text_limit"] == 280 and x["presets"][0]["width"] == 1600 and x["checked"]


def test_real_process_stdin_and_exit_codes() -> None:
    cmd = [sys.executable, "-m", "assistant", "check", "-p", "mastodon", "--file", "-", "--json"]
    done = subprocess.run(
        cmd,
        input="Hi @anna@chaos.social https://example.com/" + "x" * 100,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["checks"][0]["length"] == 3 + 5 + 1 + 23
    bad = subprocess.run(
        [sys.executable, "-m", "assistant", "check", "-p", "nope", "-t", "x"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert bad.returncode == 2 and bad.stderr.startswith("postwerk: unknown platform 'nope'")
