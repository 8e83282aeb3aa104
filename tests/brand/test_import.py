"""Importing kits from folders and zips, refusing unsafe archives, never losing a kit."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from assistant.brand.kit import copy_example_kit, import_kit, list_kits, load_kit
from assistant.errors import BrandKitError, InputError
from tests.brand.conftest import COFFEE, EXAMPLE_KITS, SOFTWARE, pdf_bytes, snapshot


def _zip_kit(source: Path, target: Path, prefix: str = "", extra: dict[str, bytes] | None = None
             ) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(source).as_posix())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return target


def test_import_folder_into_empty_kits_dir(tmp_path: Path) -> None:
    kits = tmp_path / "kits"
    kit = import_kit(EXAMPLE_KITS / COFFEE, kits)
    assert kit.id == COFFEE and list_kits(kits) == [COFFEE]
    assert load_kit(COFFEE, kits) == load_kit(COFFEE, EXAMPLE_KITS)
    assert (kits / COFFEE / "docs" / "markenstimme.md").is_file()
    assert not [p for p in kits.iterdir() if p.name.startswith(".")]  # no staging left


def test_import_zip_with_top_folder_and_junk(tmp_path: Path) -> None:
    archive = _zip_kit(EXAMPLE_KITS / SOFTWARE, tmp_path / "kit.zip", prefix="tessaline/",
                       extra={"tessaline/README.txt": b"ignored", "__MACOSX/._x": b"junk"})
    kit = import_kit(archive, tmp_path / "kits")
    assert kit.id == SOFTWARE and len(kit.examples) == 16
    assert not (tmp_path / "kits" / SOFTWARE / "README.txt").exists()


@pytest.mark.parametrize(("member", "expected"), [
    ("../evil.md", r"points outside the kit \('..'\)"),
    ("docs/../../evil.md", r"points outside the kit"),
    ("/etc/evil.md", "has an absolute path"),
    ("C:\\evil\\kit.yaml", "has an absolute path"),
])
def test_zip_with_unsafe_member_is_refused(tmp_path: Path, member: str, expected: str) -> None:
    archive = _zip_kit(EXAMPLE_KITS / COFFEE, tmp_path / "bad.zip", extra={member: b"x"})
    kits = tmp_path / "kits"
    with pytest.raises(InputError, match=expected):
        import_kit(archive, kits)
    assert list_kits(kits) == []
    assert not (tmp_path / "evil.md").exists()


def test_import_duplicate_id_is_refused_and_existing_kit_kept(kits_dir: Path) -> None:
    path = kits_dir / COFFEE / "kit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "name: Möwenbohne Kaffeekontor", "name: Meine Version"), encoding="utf-8")
    before = snapshot(kits_dir / COFFEE)
    with pytest.raises(BrandKitError, match="already exists; import it under another id"):
        import_kit(EXAMPLE_KITS / COFFEE, kits_dir)
    assert snapshot(kits_dir / COFFEE) == before
    assert not [p for p in kits_dir.iterdir() if p.name.startswith(".")]


def test_import_as_new_id_and_replace(kits_dir: Path) -> None:
    copy = import_kit(EXAMPLE_KITS / COFFEE, kits_dir, new_id="kaffee-zwei")
    assert copy.id == "kaffee-zwei" and load_kit("kaffee-zwei", kits_dir).name == copy.name
    (kits_dir / COFFEE / "examples" / "instagram-01.md").unlink()
    replaced = import_kit(EXAMPLE_KITS / COFFEE, kits_dir, replace=True)
    assert len(replaced.examples) == 18
    assert (kits_dir / COFFEE / "examples" / "instagram-01.md").is_file()


def test_import_invalid_kit_changes_nothing(tmp_path: Path, kits_dir: Path) -> None:
    bad = tmp_path / "bad-kit"
    bad.mkdir()
    (bad / "kit.yaml").write_text("id: bad-kit\nname: X\nlegal: {name: X, legal_form: Ltd}\n",
                                  encoding="utf-8")
    before = snapshot(kits_dir)
    with pytest.raises(BrandKitError, match="field 'legal.legal_form'"):
        import_kit(bad, kits_dir)
    assert snapshot(kits_dir) == before and list_kits(kits_dir) == [COFFEE, SOFTWARE]


def test_import_with_a_bad_document_is_refused(tmp_path: Path) -> None:
    archive = _zip_kit(EXAMPLE_KITS / COFFEE, tmp_path / "k.zip",
                       extra={"docs/scan.pdf": pdf_bytes(None)})
    with pytest.raises(InputError, match="scan.pdf: the PDF has no text"):
        import_kit(archive, tmp_path / "kits")
    assert list_kits(tmp_path / "kits") == []


def test_import_errors_for_missing_or_wrong_source(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        import_kit(tmp_path / "nope", tmp_path / "kits")
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder or a .zip"):
        import_kit(tmp_path / "x.txt", tmp_path / "kits")
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a valid zip file"):
        import_kit(tmp_path / "x.zip", tmp_path / "kits")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BrandKitError, match="no kit.yaml found"):
        import_kit(tmp_path / "empty", tmp_path / "kits")


def test_copy_example_kit(tmp_path: Path) -> None:
    kit = copy_example_kit(SOFTWARE, None, tmp_path / "kits")
    assert kit.id == SOFTWARE
    with pytest.raises(BrandKitError, match="already exists"):
        copy_example_kit(SOFTWARE, None, tmp_path / "kits")
    assert copy_example_kit(SOFTWARE, "tess-copy", tmp_path / "kits").id == "tess-copy"
