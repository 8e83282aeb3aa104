"""Turn a kit's example posts and guideline documents into chunks for the voice store.

Documents are Markdown, plain text or PDF (text through pypdf). Markdown is first split at
its headings (so a chunk keeps its section), then everything with a character-based
recursive splitter; nothing here counts tokens, because LangChain's token counters need
tiktoken, which downloads its encodings at run time and fails offline.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.brand.fsutil import DOC_SUFFIXES, MAX_DOC_BYTES, atomic_write, check_plain_name
from assistant.brand.kit import BrandKit, kit_dir, load_kit
from assistant.errors import BrandKitError, InputError

# ~800 characters is ~200 e5 tokens: well inside the model's 512-token window, and small
# enough that one chunk is about one rule or one topic.
CHUNK_CHARS = 800
CHUNK_OVERLAP = 100
MIN_PDF_TEXT = 20
HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
STOPWORDS = {
    "de": {"der", "die", "das", "und", "ist", "nicht", "wir", "mit", "auf", "für", "ein", "eine",
           "du", "zu", "den", "von", "im", "sie", "es", "auch", "oder", "bei", "wie", "dich"},
    "en": {"the", "and", "is", "not", "we", "with", "on", "for", "a", "an", "you", "to", "of",
           "in", "it", "or", "at", "how", "our", "are", "this", "that", "be", "your"},
}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Chunk:
    """One unit of the voice store: an example post or a piece of a guideline document."""

    kind: str  # "example" | "guideline"
    text: str
    platform: str  # "" for guideline chunks (they apply to every platform)
    language: str
    source: str  # path inside the kit folder, e.g. "docs/guide.md" or "examples/x-01.md"
    section: str = ""

    @property
    def key(self) -> str:
        """Content id: the same text from the same place always gets the same id."""
        raw = "\x1f".join((self.kind, self.platform, self.language, self.source, self.text))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


# -- documents --------------------------------------------------------------------------
def document_text(filename: str, data: bytes) -> str:
    """Validate an uploaded document and return its text; InputError says what to fix."""
    check_plain_name(filename, "document name")
    suffix = Path(filename).suffix.lower()
    if suffix not in DOC_SUFFIXES:
        raise InputError(
            f"{filename}: {suffix or 'no extension'} is not supported; upload .md, .txt or .pdf"
        )
    if len(data) > MAX_DOC_BYTES:
        raise InputError(
            f"{filename}: {len(data) / 1e6:.1f} MB is over the limit of "
            f"{MAX_DOC_BYTES / 1e6:.0f} MB; split the document or remove images from the PDF"
        )
    text = _pdf_text(filename, data) if suffix == ".pdf" else _utf8_text(filename, data)
    if not text.strip():
        raise InputError(f"{filename}: the document is empty; upload one with text")
    return text


def _utf8_text(filename: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{filename}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and upload again"
        ) from None


def _pdf_text(filename: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{filename}: the PDF is password-protected; upload it unlocked")
        text = "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"{filename}: not a readable PDF ({exc}); export it again") from None
    if len(text.strip()) < MIN_PDF_TEXT:
        raise InputError(
            f"{filename}: the PDF has no text (a scan or only images?); export it with "
            "selectable text or run OCR first"
        )
    return text


def list_documents(kit_id: str, kits_dir: Path | str | None = None) -> list[str]:
    folder = kit_dir(kit_id, kits_dir) / "docs"
    if not folder.is_dir():
        return []
    return sorted(
        p.name for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in DOC_SUFFIXES
    )


def add_document(kit_id: str, filename: str, data: bytes, kits_dir: Path | str | None = None,
                 *, replace: bool = False) -> Path:
    """Validate ``data`` fully, then write it atomically to the kit's docs/ folder.

    A document that already exists is only overwritten with ``replace=True``, so an upload
    can never silently destroy a stored file.
    """
    load_kit(kit_id, kits_dir)  # the kit must exist and be valid
    document_text(filename, data)
    target = kit_dir(kit_id, kits_dir) / "docs" / filename
    if target.exists() and not replace:
        raise InputError(
            f"{filename} already exists in kit {kit_id!r}; tick 'replace' to overwrite it "
            "or rename the file"
        )
    atomic_write(target, data)
    return target


def remove_document(kit_id: str, filename: str, kits_dir: Path | str | None = None) -> Path:
    check_plain_name(filename, "document name")
    target = kit_dir(kit_id, kits_dir) / "docs" / filename
    if not target.is_file():
        raise InputError(f"no document {filename!r} in kit {kit_id!r}; see its document list")
    target.unlink()
    return target


# -- chunking ---------------------------------------------------------------------------
def split_text(filename: str, text: str) -> list[tuple[str, str]]:
    """(section, chunk text) pairs; Markdown keeps its heading path as the section."""
    # imported here: 0.3 s that the checks, which read the documents whole, do not need
    from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_CHARS, chunk_overlap=CHUNK_OVERLAP)
    if Path(filename).suffix.lower() not in (".md", ".markdown"):
        return [("", c) for c in splitter.split_text(_tidy(text)) if c.strip()]
    out: list[tuple[str, str]] = []
    md = MarkdownHeaderTextSplitter(headers_to_split_on=HEADERS, strip_headers=False)
    for doc in md.split_text(text):
        section = " > ".join(str(doc.metadata[h]) for _, h in HEADERS if h in doc.metadata)
        out.extend((section, c) for c in splitter.split_text(_tidy(doc.page_content)) if c.strip())
    return out


def _tidy(text: str) -> str:
    # PDF text and the Markdown splitter leave trailing spaces and runs of blank lines.
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def guess_language(text: str, candidates: list[str], default: str) -> str:
    """The candidate language whose common words appear most often (de/en known)."""
    words = re.findall(r"\w+", text.casefold())
    counts = {lang: sum(w in STOPWORDS[lang] for w in words)
              for lang in candidates if lang in STOPWORDS}
    if not counts or max(counts.values()) == 0:
        return default
    return max(counts, key=lambda lang: counts[lang])


def example_chunks(kit: BrandKit) -> list[Chunk]:
    return [
        Chunk("example", e.text, e.platform, e.language, f"examples/{e.source or '(unsaved)'}")
        for e in kit.examples
    ]


def learned_chunks(kit_id: str, data_dir: Path) -> list[Chunk]:
    """The kit's examples learned from use (``brand.learned``); source ``learned/<name>``."""
    from assistant.brand.learned import learned_folder, load_learned

    return [Chunk("example", e.text, e.platform, e.language, f"learned/{e.source}")
            for e in load_learned(learned_folder(data_dir, kit_id))]


def document_chunks(kit: BrandKit, kits_dir: Path | str | None = None) -> list[Chunk]:
    """Chunks of every document in docs/. A broken document stops indexing with its name."""
    chunks: list[Chunk] = []
    folder = kit_dir(kit.id, kits_dir) / "docs"
    for name in list_documents(kit.id, kits_dir):
        try:
            text = document_text(name, (folder / name).read_bytes())
        except InputError as exc:
            raise BrandKitError(f"{kit.id}/docs/{exc}; fix or remove that document") from None
        lang = guess_language(text, kit.languages, kit.default_language)
        chunks.extend(
            Chunk("guideline", piece, "", lang, f"docs/{name}", section)
            for section, piece in split_text(name, text)
        )
    return chunks


def kit_chunks(kit: BrandKit, kits_dir: Path | str | None = None) -> list[Chunk]:
    """Everything of ``kit`` that goes into the store, duplicates (same key) removed."""
    unique: dict[str, Chunk] = {}
    for chunk in example_chunks(kit) + document_chunks(kit, kits_dir):
        unique.setdefault(chunk.key, chunk)
    return list(unique.values())


def kit_guidelines(kit: BrandKit, kits_dir: Path | str | None = None) -> str:
    """The text of every document in the kit's docs/ (its guidelines), for the checks: a
    fact the guidelines state is the brand's, not invented. A document that does not read
    is left out here (indexing names it)."""
    if not list_documents(kit.id, kits_dir):
        return ""
    return _guidelines(kit.id, str(kit_dir(kit.id, kits_dir)), docs_fingerprint(kit, kits_dir))


@lru_cache(maxsize=16)
def _guidelines(kit_id: str, folder: str, fingerprint: str) -> str:
    texts = []
    for name in list_documents(kit_id, Path(folder).parent):
        try:
            texts.append(document_text(name, (Path(folder) / "docs" / name).read_bytes()))
        except (InputError, OSError) as exc:
            log.warning("guideline %s/docs/%s left out of the checks: %s", kit_id, name, exc)
    return "\n\n".join(texts)


def docs_fingerprint(kit: BrandKit, kits_dir: Path | str | None = None) -> str:
    """Cheap change detector for docs/ (names, sizes, mtimes) without reading the files."""
    folder = kit_dir(kit.id, kits_dir) / "docs"
    parts = []
    for name in list_documents(kit.id, kits_dir):
        stat = (folder / name).stat()
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
