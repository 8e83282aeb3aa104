"""The brand-voice store: one chromadb collection per kit in ``<data_dir>/chroma``.

Items are the kit's example posts and the chunks of its guideline documents; their ids are
content hashes, so re-indexing embeds only what is new and deletes what is gone. Every
time a collection is opened it gets our registered embedding function: chromadb's default
one would download an ONNX model, which fails offline. The collection's metadata records
which embedder made its vectors; if that changes (another model or endpoint), the
collection is rebuilt rather than mixing incompatible vectors.

This is the only module that imports chromadb.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.errors import ChromaError
from chromadb.utils.embedding_functions import register_embedding_function
from pydantic import BaseModel

from assistant.brand.embeddings import Embedder, get_embedder
from assistant.brand.ingest import (
    Chunk,
    docs_fingerprint,
    example_chunks,
    kit_chunks,
    learned_chunks,
)
from assistant.brand.kit import BrandKit
from assistant.config import Settings, get_settings, load_settings
from assistant.errors import InputError, StoreError

Progress = Callable[[int, int], None]
BATCH = 64
EF_NAME = "postwerk_embedder"


class IndexReport(BaseModel):
    kit_id: str
    added: int
    removed: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.added + self.unchanged


class Retrieved(BaseModel):
    kind: Literal["example", "guideline"]
    text: str
    platform: str | None
    language: str
    source: str
    score: float  # cosine similarity of the brief (query mode) and the item (passage mode)
    section: str = ""


@register_embedding_function
class PostwerkEmbeddingFunction(EmbeddingFunction[Documents]):
    """chromadb's view of our Embedder: documents in passage mode, queries in query mode."""

    def __init__(self, embedder: Embedder | None = None, base_url: str | None = None,
                 model: str | None = None) -> None:
        self.base_url = base_url
        self.model = model
        self.embedder = embedder or get_embedder(
            load_settings(embeddings_base_url=base_url, embeddings_model=model)
        )

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed_passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed_queries(list(input)))

    @staticmethod
    def name() -> str:
        return EF_NAME

    def get_config(self) -> dict[str, Any]:
        # never the API key: this config is persisted inside the chroma folder
        return {"embedder": self.embedder.name, "base_url": self.base_url, "model": self.model}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> PostwerkEmbeddingFunction:
        return PostwerkEmbeddingFunction(base_url=config.get("base_url"), model=config.get("model"))

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine"]


# -- client and collections -------------------------------------------------------------
_CLIENTS: dict[Path, ClientAPI] = {}
_INDEX_LOCKS: dict[str, threading.Lock] = {}
_LOCK = threading.Lock()


@contextmanager
def _store_errors(what: str) -> Iterator[None]:
    try:
        yield
    except (ChromaError, OSError, ValueError) as exc:
        raise StoreError(
            f"vector store: {what} failed ({exc}); check that POSTWERK_DATA_DIR is writable, "
            "or delete its 'chroma' folder and re-index"
        ) from exc


def get_client(settings: Settings | None = None) -> ClientAPI:
    """The PersistentClient for ``<data_dir>/chroma`` (one per folder and process), or an
    HttpClient for a shared chromadb server when POSTWERK_CHROMA_URL is set (teams)."""
    settings = settings or get_settings()
    if settings.chroma_url:
        return _http_client(settings.chroma_url)
    path = (settings.ensure_data_dir() / "chroma").resolve()
    with _LOCK, _store_errors(f"opening {path}"):
        if path not in _CLIENTS:
            _CLIENTS[path] = chromadb.PersistentClient(
                path=str(path), settings=chromadb.Settings(anonymized_telemetry=False)
            )
        return _CLIENTS[path]


def _http_client(url: str) -> ClientAPI:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    key = Path(f"/http/{parts.netloc}")
    with _LOCK:
        if key not in _CLIENTS:
            try:
                _CLIENTS[key] = chromadb.HttpClient(
                    host=parts.hostname or "127.0.0.1",
                    port=parts.port or (443 if parts.scheme == "https" else 8000),
                    ssl=parts.scheme == "https",
                    settings=chromadb.Settings(anonymized_telemetry=False),
                )
            except Exception as exc:  # connection refused, wrong host: one clear line
                raise StoreError(
                    f"cannot reach the chromadb server at {url} ({exc}); start it "
                    "(`chroma run --path DIR --port 8000`) or unset POSTWERK_CHROMA_URL"
                ) from exc
        return _CLIENTS[key]


def reset_clients() -> None:
    """Forget cached clients (tests use this to prove that data survives a new client)."""
    _forget()
    with _LOCK:
        _CLIENTS.clear()
        chromadb.api.client.SharedSystemClient.clear_system_cache()


def collection_name(kit_id: str) -> str:
    return f"kit-{kit_id}"


def open_collection(kit_id: str, settings: Settings | None = None,
                    embedder: Embedder | None = None) -> Collection:
    """The kit's collection, created if needed, rebuilt if made by another embedder."""
    settings = settings or get_settings()
    embedder = embedder or get_embedder(settings)
    client = get_client(settings)
    ef = PostwerkEmbeddingFunction(embedder, settings.embeddings_base_url,
                                   settings.embeddings_model)
    name = collection_name(kit_id)
    with _store_errors(f"opening collection {name}"):
        col = client.get_or_create_collection(name, embedding_function=ef,  # type: ignore[arg-type]
                                              metadata={"embedder": embedder.name})
        if (col.metadata or {}).get("embedder") != embedder.name:
            _forget(kit_id)
            client.delete_collection(name)
            col = client.create_collection(name, embedding_function=ef,  # type: ignore[arg-type]
                                           metadata={"embedder": embedder.name})
    return col


def delete_index(kit_id: str, settings: Settings | None = None) -> None:
    _forget(kit_id)
    client = get_client(settings)
    with _store_errors(f"deleting {collection_name(kit_id)}"):
        if collection_name(kit_id) in [c.name for c in client.list_collections()]:
            client.delete_collection(collection_name(kit_id))


# -- indexing ---------------------------------------------------------------------------
def _kits_dir(settings: Settings, kits_dir: Path | str | None) -> Path:
    return Path(kits_dir) if kits_dir is not None else settings.kits_dir


def fingerprint(kit: BrandKit, kits_dir: Path, embedder: Embedder,
                data_dir: Path | None = None) -> str:
    """Changes whenever an example (hand-written or learned, in ``data_dir``), a document
    (name/size/mtime) or the embedder changes."""
    learned = learned_chunks(kit.id, data_dir) if data_dir is not None else []
    keys = sorted(c.key for c in example_chunks(kit) + learned)
    raw = "|".join([embedder.name, docs_fingerprint(kit, kits_dir), *keys])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


def index_kit(kit: BrandKit, *, progress: Progress | None = None,
              settings: Settings | None = None, embedder: Embedder | None = None,
              kits_dir: Path | str | None = None) -> IndexReport:
    """Bring the kit's collection up to date; only new items are embedded.

    New items are added before removed ones are deleted, so a failure half-way (a broken
    endpoint, a full disk) leaves every item that was stored before.
    """
    settings = settings or get_settings()
    embedder = embedder or get_embedder(settings)
    with _index_lock(kit.id):
        return _index(kit, settings, embedder, _kits_dir(settings, kits_dir), progress)


def _index_lock(kit_id: str) -> threading.Lock:
    # drafting scores voices in worker threads: one indexer per kit at a time in a process
    with _LOCK:
        return _INDEX_LOCKS.setdefault(kit_id, threading.Lock())


def _index(kit: BrandKit, settings: Settings, embedder: Embedder, root: Path,
           progress: Progress | None) -> IndexReport:
    learned = learned_chunks(kit.id, settings.data_dir)
    chunks = {c.key: c for c in kit_chunks(kit, root) + learned}
    col = open_collection(kit.id, settings, embedder)
    with _store_errors("reading the index"):
        existing = set(col.get(include=[])["ids"])
    new = [c for key, c in chunks.items() if key not in existing]
    gone = sorted(existing - chunks.keys())
    _add(col, new, embedder, progress)
    with _store_errors("updating the index"):
        if gone:
            col.delete(ids=gone)
        col.modify(metadata={"embedder": embedder.name,
                             "fingerprint": fingerprint(kit, root, embedder,
                                                        settings.data_dir)})
    return IndexReport(kit_id=kit.id, added=len(new), removed=len(gone),
                       unchanged=len(chunks) - len(new))


def _add(col: Collection, new: list[Chunk], embedder: Embedder,
         progress: Progress | None) -> None:
    total = len(new)
    if progress:
        progress(0, total)
    for start in range(0, total, BATCH):
        batch = new[start:start + BATCH]
        vectors = embedder.embed_passages([c.text for c in batch])
        with _store_errors("adding items"):
            # upsert: ids are content hashes, so a concurrent indexer's write is identical
            col.upsert(ids=[c.key for c in batch], embeddings=list(vectors),
                    documents=[c.text for c in batch], metadatas=[_meta(c) for c in batch])
        if progress:
            progress(start + len(batch), total)


def _meta(chunk: Chunk) -> dict[str, str | int | float | bool | None]:
    return {"kind": chunk.kind, "platform": chunk.platform, "language": chunk.language,
            "source": chunk.source, "section": chunk.section, "hash": chunk.key}


def ensure_index(kit: BrandKit, *, settings: Settings | None = None,
                 embedder: Embedder | None = None,
                 kits_dir: Path | str | None = None) -> Collection:
    """The kit's collection, re-indexed first if the kit changed since the last index."""
    settings = settings or get_settings()
    embedder = embedder or get_embedder(settings)
    return _fresh(kit, settings, embedder, kits_dir)[1]


# (store, kit, embedder) -> (fingerprint, collection): a draft asks for the kit's index once
# per platform, for its guidelines and for its voice score; one check per kit version will do
_FRESH: dict[tuple[str, str, str], tuple[str, Collection]] = {}
_VECTORS: dict[tuple[str, str, str, str], np.ndarray] = {}


def _store_key(settings: Settings) -> str:
    return settings.chroma_url or str((settings.data_dir / "chroma").resolve())


def _fresh(kit: BrandKit, settings: Settings, embedder: Embedder,
           kits_dir: Path | str | None) -> tuple[str, Collection]:
    root = _kits_dir(settings, kits_dir)
    current = fingerprint(kit, root, embedder, settings.data_dir)
    key = (_store_key(settings), kit.id, embedder.name)
    cached = _FRESH.get(key)
    if cached is not None and cached[0] == current:
        return cached
    # the first of a week's concurrent kit searches indexes; the others wait and take its
    # result (each used to index again: chunking the documents, reading every id)
    with _index_lock(kit.id):
        cached = _FRESH.get(key)
        if cached is not None and cached[0] == current:
            return cached
        col = open_collection(kit.id, settings, embedder)
        if (col.metadata or {}).get("fingerprint") != current:
            _index(kit, settings, embedder, root, None)
            col = open_collection(kit.id, settings, embedder)
        with _LOCK:
            _FRESH[key] = (current, col)
    return current, col


def _forget(kit_id: str | None = None) -> None:
    with _LOCK:
        for key in [k for k in _FRESH if kit_id is None or k[1] == kit_id]:
            del _FRESH[key]
        for vkey in [k for k in _VECTORS if kit_id is None or k[1] == kit_id]:
            del _VECTORS[vkey]


def index_current(kit: BrandKit, settings: Settings | None = None) -> bool:
    """True when the kit's index exists and matches the kit as it is now. Embeds nothing:
    a kit never indexed in this data dir is left to its first draft."""
    settings = settings or get_settings()
    client = get_client(settings)
    with _store_errors("reading the index"):
        if collection_name(kit.id) not in [c.name for c in client.list_collections()]:
            return False
    embedder = get_embedder(settings)
    col = open_collection(kit.id, settings, embedder)
    current = fingerprint(kit, settings.kits_dir, embedder, settings.data_dir)
    return (col.metadata or {}).get("fingerprint") == current


def index_size(kit_id: str, settings: Settings | None = None) -> int:
    with _store_errors("counting"):
        return open_collection(kit_id, settings).count()


# -- retrieval --------------------------------------------------------------------------
def retrieve(kit: BrandKit, query: str, *, platform: str | None = None,
             language: str | None = None, k: int = 5, guideline_k: int | None = None,
             settings: Settings | None = None, embedder: Embedder | None = None,
             kits_dir: Path | str | None = None) -> list[Retrieved]:
    """The ``k`` example posts and ``guideline_k`` guideline chunks closest to ``query``.

    Examples matching platform and language come first; when the filter leaves fewer than
    ``k``, the rest is filled from looser filters (language only, platform only, none).
    Guideline chunks prefer the language. ``guideline_k`` defaults to ``(k + 1) // 2``.
    """
    if not query.strip():
        raise InputError("the brief is empty; describe what the post should be about")
    if not 1 <= k <= 50:
        raise InputError(f"k={k} is out of range; ask for 1 to 50 results")
    embedder = embedder or get_embedder(settings or get_settings())
    col = ensure_index(kit, settings=settings, embedder=embedder, kits_dir=kits_dir)
    qvec = _query_vector(embedder, query)
    gk = (k + 1) // 2 if guideline_k is None else guideline_k
    example_filters = _filter_chain({"platform": platform, "language": language})
    found = _search(col, qvec, "example", k, example_filters)
    found += _search(col, qvec, "guideline", gk, _filter_chain({"language": language}))
    return found


_QUERY_CACHE: dict[tuple[str, str], np.ndarray] = {}
_QUERY_CACHE_SIZE = 256


def _query_vector(embedder: Embedder, query: str) -> np.ndarray:
    """The query's embedding; drafting asks once per platform of a brief, so keep a few."""
    key = (embedder.name, query)  # the name identifies model and backend
    vector = _QUERY_CACHE.get(key)
    if vector is None:
        vector = embedder.embed_queries([query])[0]
        with _LOCK:
            if len(_QUERY_CACHE) >= _QUERY_CACHE_SIZE:
                _QUERY_CACHE.pop(next(iter(_QUERY_CACHE)))
            _QUERY_CACHE[key] = vector
    return vector


def _filter_chain(wanted: dict[str, str | None]) -> list[dict[str, str]]:
    """Strict to loose: all given filters, then each one alone, then none."""
    given = {key: value for key, value in wanted.items() if value}
    chain = [given] + [{key: value} for key, value in given.items()] + [{}]
    unique: list[dict[str, str]] = []
    for f in chain:
        if f not in unique:
            unique.append(f)
    return unique


def _search(col: Collection, qvec: np.ndarray, kind: str, n: int,
            chain: list[dict[str, str]]) -> list[Retrieved]:
    out: list[Retrieved] = []
    seen: set[str] = set()
    for extra in chain:
        if len(out) >= n:
            break
        conditions = [{"kind": kind}] + [{key: value} for key, value in extra.items()]
        where: dict[str, Any] = conditions[0] if len(conditions) == 1 else {"$and": conditions}
        with _store_errors("searching"):
            res = col.query(query_embeddings=[qvec], n_results=n, where=where,  # type: ignore[arg-type]
                            include=["documents", "metadatas", "distances"])
        for rid, doc, meta, dist in zip(res["ids"][0], res["documents"][0],  # type: ignore[index]
                                        res["metadatas"][0], res["distances"][0], strict=True):  # type: ignore[index]
            if rid not in seen and len(out) < n:
                seen.add(rid)
                out.append(_retrieved(str(doc), meta, float(dist)))
    return out


def _retrieved(doc: str, meta: Any, distance: float) -> Retrieved:
    return Retrieved(kind=meta["kind"], text=doc, platform=meta.get("platform") or None,
                     language=meta["language"], source=meta["source"],
                     score=round(1.0 - distance, 4), section=meta.get("section") or "")


def example_vectors(kit: BrandKit, *, settings: Settings | None = None,
                    embedder: Embedder | None = None,
                    kits_dir: Path | str | None = None) -> np.ndarray:
    """The stored (passage-mode) vectors of the kit's example posts, one row each (read
    once per kit version and process: every voice score needs them)."""
    settings = settings or get_settings()
    embedder = embedder or get_embedder(settings)
    current, col = _fresh(kit, settings, embedder, kits_dir)
    key = (_store_key(settings), kit.id, embedder.name, current)
    vectors = _VECTORS.get(key)
    if vectors is None:
        vectors = _read_example_vectors(col)
        with _LOCK:
            _VECTORS[key] = vectors
    return vectors


def _read_example_vectors(col: Collection) -> np.ndarray:
    with _store_errors("reading example vectors"):
        got = col.get(where={"kind": "example"}, include=["embeddings"])
    rows = got["embeddings"]
    if rows is None or len(rows) == 0:
        return np.zeros((0, 0), dtype=np.float32)
    return np.asarray(rows, dtype=np.float32)
