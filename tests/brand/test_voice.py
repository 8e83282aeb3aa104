"""Voice scores measure the voice, not just the topic: on both example kits, the kit's own
held-out examples beat the other kit, generic posts and the kit's topics in a wrong voice;
scores spread out instead of saturating; each score explains itself in one line."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.brand.embeddings import CountingEmbedder, Embedder, get_embedder
from assistant.brand.kit import BrandKit, load_kit
from assistant.brand.voice import (
    VoiceResult,
    baseline_texts,
    reset_baseline_cache,
    voice_results,
    voice_scores,
)
from assistant.config import Settings
from assistant.errors import BrandKitError
from tests.brand.conftest import COFFEE, EXAMPLE_KITS, SOFTWARE
from tests.brand.voice_cases import WRONG_VOICE, embed_all, evaluate

IN_VOICE_DE = ("Frisch aus dem Röster: unser neuer Kenia, hell geröstet, mit Noten von schwarzer "
               "Johannisbeere. Als Filterkaffee am schönsten. Ab Samstag im Kontor. #Möwenbohne")
GENERIC_DE = "Wir wünschen euch allen einen guten Start in die neue Woche!"
IN_VOICE_EN = ("Column-level lineage now covers Dagster assets: see which downstream models break "
               "before you deploy. Release notes: https://tessaline.example/changelog")
OFF_BRAND_EN = "Happy Friday everyone! Enjoy the sunshine and see you next week."
KITS = (COFFEE, SOFTWARE)
OTHERS = ("other kit", "generic", "wrong voice")

Results = dict[str, dict[str, list[VoiceResult]]]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder()


@pytest.fixture(scope="module")
def results(embedder: Embedder) -> Results:
    """Every group of texts scored against both kits (each text embedded once)."""
    kits = [load_kit(k, EXAMPLE_KITS) for k in KITS]
    return evaluate(kits, embed_all(kits, embedder))


def scores(results: Results, kit_id: str, group: str) -> list[float]:
    return [r.score for r in results[kit_id][group]]


@pytest.mark.parametrize("kit_id", KITS)
@pytest.mark.parametrize("group", OTHERS)
def test_held_out_examples_beat_every_other_group(results: Results, kit_id: str,
                                                  group: str) -> None:
    own, other = scores(results, kit_id, "own held-out"), scores(results, kit_id, group)
    assert statistics.mean(own) >= 75, own
    assert statistics.mean(own) - statistics.mean(other) >= 40, (own, other)
    assert min(own) > max(other), (kit_id, group, own, other)


@pytest.mark.parametrize("kit_id", KITS)
def test_on_topic_in_the_wrong_voice_scores_low_although_the_topic_matches(
        results: Results, kit_id: str) -> None:
    wrong = results[kit_id]["wrong voice"]
    assert statistics.mean(r.content for r in wrong) >= 0.5  # the embedding sees the topic
    assert statistics.mean(r.score for r in wrong) <= 40  # the style part sees the voice


@pytest.mark.parametrize("kit_id", KITS)
def test_scores_spread_and_never_saturate(results: Results, kit_id: str) -> None:
    own = scores(results, kit_id, "own held-out")
    every = [s for group in results[kit_id] for s in scores(results, kit_id, group)]
    assert statistics.stdev(own) >= 5  # not all within a few points
    assert max(own + scores(results, kit_id, "wrong voice")) < 99.5  # no clip at 100
    assert max(every) - min(every) >= 60
    assert all(0.0 <= s <= 100.0 for s in every)


def test_the_note_says_why_in_one_line(results: Results) -> None:
    sie = results[COFFEE]["wrong voice"][WRONG_VOICE[COFFEE].index(
        next(t for t in WRONG_VOICE[COFFEE] if t.startswith("Wir laden Sie")))]
    assert "Sie instead of du" in sie.note and "but" in sie.note
    chatty = results[SOFTWARE]["wrong voice"][0]
    assert "emoji (kit uses none)" in chatty.note and "more exclamation marks" in chatty.note
    far = results[SOFTWARE]["other kit"][0]
    assert "topic far from the kit's posts" in far.note
    best = max(results[COFFEE]["own held-out"], key=lambda r: r.score)
    assert best.note.startswith(("sounds like the kit", "the kit's topics"))
    every = [r for kit in results.values() for group in kit.values() for r in group]
    assert all(r.note and "\n" not in r.note and len(r.note) <= 200 for r in every)


def test_in_voice_beats_generic_and_off_brand(shared_settings: Settings) -> None:
    coffee = load_kit(COFFEE, shared_settings.kits_dir)
    got = voice_scores(coffee, [IN_VOICE_DE, GENERIC_DE, IN_VOICE_EN, ""],
                       settings=shared_settings)
    assert all(0.0 <= s <= 100.0 for s in got)
    assert got[0] >= 70 and got[0] > got[1] + 30
    assert got[2] < got[0] - 30 and got[3] == 0.0
    software = load_kit(SOFTWARE, shared_settings.kits_dir)
    en = voice_scores(software, [IN_VOICE_EN, OFF_BRAND_EN, IN_VOICE_DE], settings=shared_settings)
    assert en[0] >= 70 and en[1] <= 30 and en[2] <= 20
    assert voice_scores(software, [], settings=shared_settings) == []


class CallCounter(CountingEmbedder):
    """The real embedder, counting its passage calls too (the texts it counts already)."""

    calls = 0

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return super().embed_passages(texts)


def test_each_text_is_embedded_once_in_one_call(shared_settings: Settings) -> None:
    kit = load_kit(SOFTWARE, shared_settings.kits_dir)
    counting = CallCounter(get_embedder(shared_settings))
    voice_results(kit, ["x"], settings=shared_settings)  # the store is indexed
    reset_baseline_cache()
    got = voice_results(kit, [IN_VOICE_EN, OFF_BRAND_EN, "  "], settings=shared_settings,
                        embedder=counting)
    assert counting.calls == 1 and counting.passages == len(baseline_texts(kit)) + 2
    assert got[2] == VoiceResult(0.0, 0.0, 0.0, "no text to score")  # blank: not embedded
    voice_results(kit, [IN_VOICE_EN], settings=shared_settings, embedder=counting)
    assert counting.calls == 2 and counting.passages == len(baseline_texts(kit)) + 3
    assert counting.queries == 0


def test_too_few_examples_is_a_clear_error(settings: Settings, kits_dir: Path) -> None:
    kit: BrandKit = load_kit(COFFEE)
    lonely = kit.model_copy(update={"examples": kit.examples[:1]})
    with pytest.raises(BrandKitError, match="has 1 example posts; voice scores need at least 2"):
        voice_scores(lonely, ["Hallo"], settings=settings)
