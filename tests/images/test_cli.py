"""`postwerk images`: files written, a table or one JSON document, exit 0."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image

from tests.images.factory import encode, photo

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "images", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_json_lists_every_file_without_pixels(tmp_path: Path) -> None:
    source = tmp_path / "Herbst Röstung.jpg"
    source.write_bytes(encode(photo(1600, 1000), "JPEG", quality=90))
    out = tmp_path / "renders"
    result = cli("--input", str(source), "--out", str(out), "-p", "instagram,bluesky",
                 "--focus", "0.3,0.6", "--kit", "kontor", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["renditions"]) == 7
    for item in doc["renditions"]:
        assert "data" not in item
        path = Path(item["path"])
        assert path.parent == out and path.name == item["filename"]
        assert path.name.startswith("kontor-herbst-roestung-")
        assert path.stat().st_size == item["bytes"] <= item["max_bytes"]
        with Image.open(path) as image:
            assert image.size == (item["width"], item["height"])
        assert item["focus"] == [0.3, 0.6]


def test_table_and_defaults(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(encode(photo(800, 800).convert("RGBA"), "PNG"))
    result = cli("--input", str(source), "--out", str(tmp_path / "o"), "--mode", "pad",
                 "--pad-color", "#1a2b3c")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "instagram" in result.stdout and "1080x1920" in result.stdout
    assert "24 files written to" in result.stdout
    assert len(list((tmp_path / "o").iterdir())) == 24
