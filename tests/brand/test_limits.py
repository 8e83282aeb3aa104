"""Limits on kits (issue 12, item 10): list lengths, YAML size, depth and node count, the
files a kit import reads. Each is one clear error, found before the expensive work."""

from __future__ import annotations

import io
import resource
import shutil
import zipfile
from pathlib import Path

import pytest

from assistant.brand.kit import import_kit, kit_from_yaml, load_kit
from assistant.errors import BrandKitError, InputError
from tests.brand.conftest import COFFEE, EXAMPLE_KITS

HEAD = "id: limit-kit\nname: Limits\nlegal: {name: A GmbH, legal_form: GmbH}\n"


def test_million_entry_tone_zip_is_refused_before_parsing(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("kit.yaml", HEAD + "tone:\n" + "- a\n" * 1_000_000)
    source = tmp_path / "tone.zip"
    source.write_bytes(buffer.getvalue())
    assert source.stat().st_size < 20_000  # the 6 KB zip of the issue
    with pytest.raises(InputError, match=r"kit.yaml: 4.0 MB is over the limit of 0.3 MB"):
        import_kit(source, tmp_path / "kits")
    assert not (tmp_path / "kits" / "limit-kit").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("tone: [" + ", ".join(f"w{n}" for n in range(51)) + "]\n",
         "field 'tone': List should have at most 50 items"),
        ("audience: " + "x" * 2001 + "\n", "field 'audience': String should have at most 2000"),
        ("banned_words: [" + ", ".join(f"{{word: w{n}}}" for n in range(501)) + "]\n",
         "at most 500 items"),
        ("links: {utm_defaults: {" + ", ".join(f"k{n}: v" for n in range(21)) + "}}\n",
         "at most 20 items"),
        ("tone: [" + "1, " * 20_001 + "]\n", "more than 20,000 values"),
        ("tone: " + "[" * 40 + "]" * 40 + "\n", "nested more than 32 levels deep"),
        ("audience: '" + "x" * 300_000 + "'\n", "is over the limit of 256 KB"),
    ],
)
def test_kit_yaml_limits(extra: str, message: str) -> None:
    with pytest.raises(BrandKitError, match=message) as caught:
        kit_from_yaml(HEAD + extra)
    assert "\n" not in str(caught.value)


def test_the_example_kits_are_within_every_limit() -> None:
    for kit_id in ("kaffeekontor-hamburg", "tessaline-software"):
        assert load_kit(kit_id, EXAMPLE_KITS).id == kit_id


def test_oversized_kit_yaml_on_disk_is_not_read_whole(tmp_path: Path) -> None:
    kits = tmp_path / "kits"
    shutil.copytree(EXAMPLE_KITS / COFFEE, kits / COFFEE)
    with (kits / COFFEE / "kit.yaml").open("ab") as fh:
        fh.truncate(2 * 1024**3)  # a 2 GB (sparse) kit.yaml
    with pytest.raises(BrandKitError, match="over the limit of 256 KB"):
        load_kit(COFFEE, kits)


def test_folder_import_reads_only_the_kits_files(tmp_path: Path) -> None:
    """A kit folder that also holds a 3 GB video: only kit.yaml, examples/ and docs/ are read."""
    source = tmp_path / "src"
    shutil.copytree(EXAMPLE_KITS / COFFEE, source)
    with (source / "shoot.mp4").open("wb") as fh:
        fh.truncate(3 * 1024**3)  # sparse: costs no disk, but 3 GB of memory if read
    (source / "raw").mkdir()
    (source / "raw" / "notes.md").write_text("not part of a kit")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    kit = import_kit(source, tmp_path / "kits")
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert kit.id == COFFEE and grown < 1024**2  # less than 1 GB more at the peak
    assert sorted(p.name for p in (tmp_path / "kits" / COFFEE).iterdir()) == [
        "docs", "examples", "kit.yaml"]


def test_too_many_files_in_a_kit(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(EXAMPLE_KITS / COFFEE, source)
    for n in range(1001):
        (source / "examples" / f"extra-{n:04d}.md").write_text(
            f"---\nplatform: x\nlanguage: de\n---\nPost {n}\n")
    with pytest.raises(InputError, match="more than 1000 example posts and documents"):
        import_kit(source, tmp_path / "kits")


def test_zip_with_too_many_entries(tmp_path: Path) -> None:
    source = tmp_path / "many.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("kit.yaml", HEAD)
        for n in range(10_001):
            archive.writestr(f"junk/{n}", b"")
    with pytest.raises(InputError, match="more than 10000 entries"):
        import_kit(source, tmp_path / "kits")
