"""Documents: reading, bad uploads (each with a clear error and nothing lost), chunking."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.fsutil import MAX_DOC_BYTES
from assistant.brand.ingest import (
    CHUNK_CHARS,
    add_document,
    document_chunks,
    document_text,
    guess_language,
    kit_chunks,
    list_documents,
    remove_document,
    split_text,
)
from assistant.brand.kit import load_kit
from assistant.errors import InputError
from tests.brand.conftest import COFFEE, SOFTWARE, pdf_bytes, snapshot


def test_pdf_with_text_is_read() -> None:
    text = document_text("guide.pdf", pdf_bytes("We roast every Saturday in Hamburg."))
    assert "roast every Saturday" in text


def test_markdown_and_text_with_bom() -> None:
    assert document_text("a.md", "\ufeff# Titel\nÄrger".encode()) == "# Titel\nÄrger"
    assert document_text("a.TXT", b"plain") == "plain"


BAD_UPLOADS = [
    ("scan.pdf", pdf_bytes(None), r"scan.pdf: the PDF has no text \(a scan"),
    ("broken.pdf", b"%PDF-1.4 garbage", "broken.pdf: not a readable PDF"),
    ("latin1.md", "Röstung".encode("latin-1"), r"latin1.md: not UTF-8 text \(byte 1\)"),
    ("big.txt", b"a" * (MAX_DOC_BYTES + 1), "big.txt: 5.2 MB is over the limit of 5 MB"),
    ("../../etc/passwd.md", b"x", "contains a path; upload the file by its plain name"),
    ("sub/guide.md", b"x", "contains a path"),
    ("C:\\Users\\me\\guide.md", b"x", "contains a path"),
    ("/abs/guide.md", b"x", "contains a path"),
    ("guide.docx", b"x", r"\.docx is not supported; upload .md, .txt or .pdf"),
    ("empty.md", b"  \n", "the document is empty"),
]


@pytest.mark.parametrize(("name", "data", "expected"), BAD_UPLOADS)
def test_bad_upload_is_refused_and_nothing_is_lost(kits_dir: Path, name: str, data: bytes,
                                                    expected: str) -> None:
    before = snapshot(kits_dir)
    with pytest.raises(InputError, match=expected):
        add_document(COFFEE, name, data)
    assert snapshot(kits_dir) == before
    assert load_kit(COFFEE).name == "Möwenbohne Kaffeekontor"


def test_add_replace_and_remove_document(kits_dir: Path) -> None:
    path = add_document(COFFEE, "faq.md", "# FAQ\n\nWir rösten samstags.".encode())
    assert path == kits_dir / COFFEE / "docs" / "faq.md"
    assert list_documents(COFFEE) == ["faq.md", "markenstimme.md"]
    with pytest.raises(InputError, match="faq.md already exists .* tick 'replace'"):
        add_document(COFFEE, "faq.md", b"# Neu")
    assert path.read_bytes().startswith(b"# FAQ")
    add_document(COFFEE, "faq.md", b"# Neu\n\nText.", replace=True)
    assert path.read_bytes() == b"# Neu\n\nText."
    remove_document(COFFEE, "faq.md")
    assert list_documents(COFFEE) == ["markenstimme.md"]
    with pytest.raises(InputError, match="no document 'faq.md'"):
        remove_document(COFFEE, "faq.md")


def test_markdown_split_keeps_sections_and_size() -> None:
    text = (Path(__file__).resolve().parents[2] / "brand_kits" / COFFEE / "docs"
            / "markenstimme.md").read_text(encoding="utf-8")
    pieces = split_text("markenstimme.md", text)
    assert len(pieces) >= 8
    assert all(len(chunk) <= CHUNK_CHARS for _, chunk in pieces)
    sections = {section for section, _ in pieces}
    assert "Möwenbohne: So klingen wir > Anrede" in sections
    anrede = next(chunk for section, chunk in pieces if section.endswith("> Anrede"))
    assert "duzen" in anrede


def test_long_text_is_split_with_overlap() -> None:
    sentences = " ".join(f"Satz Nummer {i} über Kaffee und Röstung." for i in range(200))
    pieces = split_text("long.txt", sentences)
    assert len(pieces) > 5 and all(len(c) <= CHUNK_CHARS for _, c in pieces)
    assert all(section == "" for section, _ in pieces)


def test_guess_language() -> None:
    assert guess_language("Wir rösten den Kaffee und du trinkst ihn.", ["de", "en"], "en") == "de"
    assert guess_language("We roast the coffee and you drink it.", ["de", "en"], "de") == "en"
    assert guess_language("12345", ["de", "en"], "en") == "en"


def test_kit_chunks_have_stable_content_ids(kits_dir: Path) -> None:
    kit = load_kit(SOFTWARE)
    first = kit_chunks(kit)
    assert [c.key for c in first] == [c.key for c in kit_chunks(kit)]
    kinds = {c.kind for c in first}
    assert kinds == {"example", "guideline"}
    guides = document_chunks(kit)
    assert all(c.source == "docs/voice-guide.md" and c.language == "en" for c in guides)


def test_broken_document_on_disk_names_it(kits_dir: Path) -> None:
    (kits_dir / COFFEE / "docs" / "alt.md").write_bytes("Röstung".encode("latin-1"))
    from assistant.errors import BrandKitError

    with pytest.raises(BrandKitError, match="kaffeekontor-hamburg/docs/alt.md: not UTF-8"):
        document_chunks(load_kit(COFFEE))
