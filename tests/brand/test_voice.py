"""Voice scores: in-voice text scores high, generic and off-brand text low, 0..100."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.kit import load_kit
from assistant.brand.voice import voice_scores
from assistant.config import Settings
from assistant.errors import BrandKitError
from tests.brand.conftest import COFFEE, SOFTWARE

IN_VOICE_DE = ("Frisch aus dem Röster: unser neuer Kenia, hell geröstet, mit Noten von schwarzer "
               "Johannisbeere. Als Filterkaffee am schönsten. Ab Samstag im Kontor. #Möwenbohne")
GENERIC_DE = "Wir wünschen euch allen einen guten Start in die neue Woche!"
IN_VOICE_EN = ("Column-level lineage now covers Dagster assets: see which downstream models break "
               "before you deploy. Release notes: https://tessaline.example/changelog")
OFF_BRAND_EN = "Happy Friday everyone! Enjoy the sunshine and see you next week."


def test_in_voice_beats_generic_and_off_brand(shared_settings: Settings) -> None:
    coffee = load_kit(COFFEE, shared_settings.kits_dir)
    scores = voice_scores(coffee, [IN_VOICE_DE, GENERIC_DE, IN_VOICE_EN, ""],
                          settings=shared_settings)
    assert all(0.0 <= s <= 100.0 for s in scores)
    assert scores[0] >= 70 and scores[0] > scores[1] + 30
    assert scores[2] < scores[0] and scores[3] == 0.0
    software = load_kit(SOFTWARE, shared_settings.kits_dir)
    en = voice_scores(software, [IN_VOICE_EN, OFF_BRAND_EN, IN_VOICE_DE], settings=shared_settings)
    assert en[0] >= 70 and en[1] <= 20 and en[2] <= 20
    assert voice_scores(software, [], settings=shared_settings) == []


def test_own_examples_score_high(shared_settings: Settings) -> None:
    kit = load_kit(SOFTWARE, shared_settings.kits_dir)
    scores = voice_scores(kit, [e.text for e in kit.examples], settings=shared_settings)
    assert sum(scores) / len(scores) >= 90  # each example is near its siblings


def test_too_few_examples_is_a_clear_error(settings: Settings, kits_dir: Path) -> None:
    kit = load_kit(COFFEE)
    lonely = kit.model_copy(update={"examples": kit.examples[:1]})
    with pytest.raises(BrandKitError, match="has 1 example posts; voice scores need at least 2"):
        voice_scores(lonely, ["Hallo"], settings=settings)
