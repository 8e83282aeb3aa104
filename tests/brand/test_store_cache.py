"""The kit's vectors and the voice baseline are computed once per process, not per call."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from assistant.brand.embeddings import CountingEmbedder, get_embedder
from assistant.brand.kit import load_kit
from assistant.brand.store import example_vectors
from assistant.brand.voice import baseline_texts, embed_with_baseline
from assistant.config import Settings
from tests.brand.conftest import COFFEE


def test_example_vectors_are_read_once_per_kit_version(settings: Settings, kits_dir: Path) -> None:
    kit = load_kit(COFFEE, kits_dir)
    first = example_vectors(kit, settings=settings)
    assert example_vectors(kit, settings=settings) is first  # the same array: no new read
    (kits_dir / COFFEE / "examples" / "instagram-99.md").write_text(
        "---\nplatform: instagram\nlanguage: de\n---\nNeu: Kaffee-Tasting am Samstag im Kontor.\n",
        encoding="utf-8",
    )
    changed = load_kit(COFFEE, kits_dir)
    again = example_vectors(changed, settings=settings)
    assert again is not first and again.shape[0] == first.shape[0] + 1


def test_concurrent_voice_scores_embed_the_baseline_once(settings: Settings) -> None:
    counting = CountingEmbedder(get_embedder(settings))
    counting.name = f"counting-{uuid.uuid4()}"  # a fresh cache key for this test
    kit = load_kit(COFFEE)
    workers = [threading.Thread(target=embed_with_baseline, args=(kit, counting, [f"Post {n}"]))
               for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert counting.passages == len(baseline_texts(kit)) + 4  # the baseline once, each post once
