"""The voice store: incremental indexing, persistence, filters, cross-lingual retrieval,
and the OpenAI-compatible embeddings endpoint (a real server on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.brand.embeddings import CountingEmbedder, HttpEmbedder, get_embedder
from assistant.brand.ingest import add_document
from assistant.brand.kit import ExamplePost, load_kit, save_kit
from assistant.brand.store import (
    EF_NAME,
    IndexReport,
    collection_name,
    get_client,
    index_kit,
    reset_clients,
    retrieve,
)
from assistant.config import Settings, load_settings
from assistant.errors import ConfigError, InputError, StoreError
from tests.brand.conftest import COFFEE, ROOT, SOFTWARE
from tests.brand.fake_embeddings import FakeEmbeddingServer


def test_second_index_run_embeds_nothing(settings: Settings, counting: CountingEmbedder) -> None:
    kit = load_kit(COFFEE)
    first = index_kit(kit, settings=settings, embedder=counting)
    assert first.added >= 18 + 8 and first.removed == 0 and first.unchanged == 0
    assert counting.passages == first.added
    second = index_kit(kit, settings=settings, embedder=counting)
    assert (second.added, second.removed, second.unchanged) == (0, 0, first.added)
    assert counting.passages == first.added  # not one more text embedded


def test_changes_are_indexed_incrementally(settings: Settings, counting: CountingEmbedder,
                                           kits_dir: Path) -> None:
    kit = load_kit(SOFTWARE)
    base = index_kit(kit, settings=settings, embedder=counting).added
    new_post = ExamplePost(platform="x", language="en", text="Lineage for Dagster assets.")
    kept = [e for e in kit.examples if e.source != "x-02.md"]
    save_kit(kit.model_copy(update={"examples": [*kept, new_post]}))
    add_document(SOFTWARE, "faq.md", b"# FAQ\n\nWe never read row-level data.")
    counting.passages = 0
    report = index_kit(load_kit(SOFTWARE), settings=settings, embedder=counting)
    assert (report.added, report.removed) == (2, 1)  # new post + one FAQ chunk; x-02 gone
    assert report.unchanged == base - 1
    assert counting.passages == 2


def test_progress_reports_every_batch(settings: Settings, counting: CountingEmbedder) -> None:
    calls: list[tuple[int, int]] = []
    report = index_kit(load_kit(COFFEE), settings=settings, embedder=counting,
                       progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, report.added) and calls[-1] == (report.added, report.added)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_index_persists_across_a_new_client(settings: Settings, counting: CountingEmbedder
                                            ) -> None:
    kit = load_kit(COFFEE)
    first = index_kit(kit, settings=settings, embedder=counting)
    reset_clients()  # drop every cached client: the next one reads the files on disk
    fresh = CountingEmbedder(get_embedder())
    again = index_kit(kit, settings=settings, embedder=fresh)
    assert again.unchanged == first.added and fresh.passages == 0
    hits = retrieve(kit, "Barista-Kurs", k=2, settings=settings, embedder=fresh)
    assert hits[0].source == "examples/instagram-04.md"


def test_index_persists_across_processes(settings: Settings) -> None:
    index_kit(load_kit(SOFTWARE), settings=settings)
    env = {**os.environ, "POSTWERK_DATA_DIR": str(settings.data_dir),
           "POSTWERK_KITS_DIR": str(settings.kits_dir)}
    out = subprocess.run([sys.executable, "-m", "assistant", "brand", "index", SOFTWARE,
                          "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["added"] == 0 and report["unchanged"] == report["total"] > 16


def test_chroma_rebuilds_our_embedding_function_from_its_config(settings: Settings) -> None:
    index_kit(load_kit(COFFEE), settings=settings)
    reset_clients()
    # no embedding function passed: chroma must build ours from the persisted config
    col = get_client(settings).get_collection(collection_name(COFFEE))
    assert col.configuration["embedding_function"].name() == EF_NAME
    res = col.query(query_texts=["Cold Brew Rezept"], n_results=2)
    assert "examples/instagram-02.md" in [m["source"] for m in res["metadatas"][0]]


@pytest.mark.parametrize(("kit_id", "query", "expected"), [
    (COFFEE, "Wann gibt es den nächsten Kurs, in dem ich Espresso und Milchschaum lerne?",
     {"examples/instagram-04.md", "examples/instagram-06.md"}),  # de + en about the class
    (COFFEE, "Rezept für Cold Brew im Sommer",
     {"examples/instagram-02.md", "examples/instagram-08.md"}),  # de + en cold brew
    (SOFTWARE, "Kostenloses Webinar: Datenpipelines testen, ohne Releases zu bremsen",
     {"examples/linkedin-05.md", "examples/bluesky-04.md"}),  # German query, English posts
])
def test_cross_lingual_retrieval_ranks_the_topic_first(shared_settings: Settings, kit_id: str,
                                                       query: str, expected: set[str]) -> None:
    kit = load_kit(kit_id, shared_settings.kits_dir)
    hits = retrieve(kit, query, k=8, settings=shared_settings)
    examples = [h for h in hits if h.kind == "example"]
    assert {h.source for h in examples[:2]} == expected
    on_topic = min(h.score for h in examples if h.source in expected)
    assert all(h.score < on_topic for h in examples if h.source not in expected)
    languages = {h.language for h in examples[:2]}
    assert languages == ({"de", "en"} if kit_id == COFFEE else {"en"})


def test_filters_prefer_platform_and_language_then_fill(shared_settings: Settings) -> None:
    settings = shared_settings
    kit = load_kit(COFFEE, settings.kits_dir)
    hits = retrieve(kit, "Kaffee für Büros und Teams", platform="linkedin", language="de", k=4,
                    settings=settings)
    examples = [h for h in hits if h.kind == "example"]
    assert len(examples) == 4
    assert [h.platform for h in examples[:2]] == ["linkedin", "linkedin"]  # only 2 exist
    assert examples[0].source == "examples/linkedin-01.md"
    assert all(h.language == "de" for h in examples)  # filled with language-only matches
    guides = [h for h in hits if h.kind == "guideline"]
    assert len(guides) == 2 and all(h.source == "docs/markenstimme.md" for h in guides)
    assert all(h.platform is None and h.section for h in guides)
    en = retrieve(kit, "coffee", language="en", k=3, settings=settings, guideline_k=0)
    assert [h.language for h in en] == ["en", "en", "en"]


def test_retrieve_rejects_bad_requests(shared_settings: Settings) -> None:
    settings = shared_settings
    kit = load_kit(COFFEE, settings.kits_dir)
    with pytest.raises(InputError, match="the brief is empty"):
        retrieve(kit, "  ", settings=settings)
    with pytest.raises(InputError, match="k=0 is out of range"):
        retrieve(kit, "Kaffee", k=0, settings=settings)


def test_retrieve_indexes_a_changed_kit_by_itself(settings: Settings, kits_dir: Path) -> None:
    kit = load_kit(SOFTWARE)
    index_kit(kit, settings=settings)
    add_document(SOFTWARE, "pricing.md", b"# Pricing\n\nTeams pay per pipeline, not per seat.")
    hits = retrieve(kit, "What does it cost per pipeline?", k=1, guideline_k=10,
                    settings=settings)
    assert "docs/pricing.md" in {h.source for h in hits}


# -- OpenAI-compatible embeddings endpoint -----------------------------------------------------
@pytest.fixture()
def embed_server() -> Iterator[FakeEmbeddingServer]:
    server = FakeEmbeddingServer().start()
    yield server
    server.stop()


def _http_settings(server: FakeEmbeddingServer, kits_dir: Path) -> Settings:
    return load_settings(embeddings_base_url=server.url, embeddings_model="multilingual-e5-small",
                         llm_api_key="sk-embed-test", kits_dir=kits_dir)


def test_http_embedder_speaks_the_openai_format(embed_server: FakeEmbeddingServer,
                                                kits_dir: Path) -> None:
    settings = _http_settings(embed_server, kits_dir)
    embedder = get_embedder(settings)
    assert isinstance(embedder, HttpEmbedder)
    rows = embedder.embed_passages(["Kaffee", "coffee", "Tee"])
    assert rows.shape == (3, 384)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    request = embed_server.requests[-1]
    assert request["path"] == "/v1/embeddings" and request["auth"] == "Bearer sk-embed-test"
    assert request["body"]["input"] == ["passage: Kaffee", "passage: coffee", "passage: Tee"]
    # the reply came back in reverse order; rows must follow the input order
    assert float(rows[0] @ get_embedder(load_settings()).embed_passages(["Kaffee"])[0]) > 0.99


def test_switching_embedder_rebuilds_the_collection(embed_server: FakeEmbeddingServer,
                                                    settings: Settings, kits_dir: Path) -> None:
    kit = load_kit(SOFTWARE)
    local = index_kit(kit, settings=settings)
    http_settings = _http_settings(embed_server, kits_dir)
    remote = index_kit(kit, settings=http_settings)
    assert remote.added == local.added and remote.unchanged == 0  # re-embedded, not mixed
    hits = retrieve(kit, "Webinar zum Testen von Datenpipelines", k=2, settings=http_settings)
    assert {h.source for h in hits if h.kind == "example"} == {
        "examples/linkedin-05.md", "examples/bluesky-04.md"}


def test_failing_endpoint_loses_nothing(embed_server: FakeEmbeddingServer,
                                        kits_dir: Path) -> None:
    settings = _http_settings(embed_server, kits_dir)
    kit = load_kit(SOFTWARE)
    stored = index_kit(kit, settings=settings).added
    embed_server.fail_with = 503
    extra = ExamplePost(platform="x", language="en", text="Freshness checks now know weekends.")
    changed = kit.model_copy(update={"examples": [*kit.examples, extra]})
    with pytest.raises(StoreError, match="answered 503.*check POSTWERK_EMBEDDINGS_MODEL"):
        index_kit(changed, settings=settings)
    embed_server.fail_with = None
    report = index_kit(changed, settings=settings)
    assert (report.added, report.unchanged) == (1, stored)


def test_unreachable_endpoint_and_missing_model(kits_dir: Path) -> None:
    with pytest.raises(ConfigError, match="POSTWERK_EMBEDDINGS_MODEL is not"):
        get_embedder(load_settings(embeddings_base_url="http://127.0.0.1:9/v1"))
    dead = get_embedder(load_settings(embeddings_base_url="http://127.0.0.1:9/v1",
                                      embeddings_model="nomic-embed-text", llm_timeout=2))
    with pytest.raises(StoreError, match="unreachable .*unset POSTWERK_EMBEDDINGS_BASE_URL"):
        dead.embed_queries(["x"])


def test_concurrent_indexers_embed_each_item_once(settings: Settings,
                                                  counting: CountingEmbedder) -> None:
    import threading

    kit = load_kit(SOFTWARE)
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(
        index_kit(kit, settings=settings, embedder=counting))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = reports[0].total
    assert sorted(r.added for r in reports) == [0, 0, total]
    assert counting.passages == total


def test_concurrent_searches_of_a_new_kit_index_it_once(settings: Settings,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from assistant.brand import store

    runs: list[str] = []
    real_index = store._index

    def counted(*args: Any) -> IndexReport:  # our own function, counted: not an edge
        runs.append("index")
        return real_index(*args)

    monkeypatch.setattr(store, "_index", counted)
    kit = load_kit(SOFTWARE)
    found: list[int] = []
    threads = [threading.Thread(target=lambda: found.append(len(
        retrieve(kit, "Webinar zu Datenpipelines", k=2, settings=settings))))
        for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert runs == ["index"] and found == [3] * 6
