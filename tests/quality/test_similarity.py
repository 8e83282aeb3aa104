from __future__ import annotations

import itertools

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems, same_text_problems
from assistant.quality.similarity import (
    COPY_SHARE,
    SAME_CONTAINMENT,
    SAME_RATIO,
    copied_share,
    likeness,
)
from tests.quality.conftest import codes, context

KURS = ("Neue Chance zum Röstkurs im Altona! Mit 8 Plätze und 18 Uhr ist es ein großes "
        "Angebot. Bestelle dir heute im Laden oder per Mail: [Link zum Bestellen] 🚀")
FILTER = ("Neue Filterkaffee aus Kolumbien 🍋 🍄 🍊 Rote Johannisbeere und Rohrzucker, "
          "hell geröstet. Link in Bio! #Möwenbohne #Filterkaffee")
HANNE_TIP = (
    "Kleiner Tipp mit großer Wirkung: Stell deine Mühle neu ein, wenn du die Bohne wechselst. "
    "Schmeckt dein Kaffee sauer und dünn, mahl feiner. Schmeckt er bitter und trocken, mahl "
    "gröber. Fragen? Schreib sie in die Kommentare, Hanne antwortet heute Abend.")
LAUNCH_LINKEDIN = (
    "Today we are releasing column-level lineage for dbt projects. You can now see which "
    "dashboards break before a model change is merged. Turn it on in Settings > Lineage.")


def test_issue_texts_on_two_platforms_are_flagged_on_both() -> None:
    found = same_text_problems({"facebook": KURS, "linkedin": KURS + " #Möwenbohne"})
    assert codes(found["facebook"]) == ["same_text_as"] == codes(found["linkedin"])
    assert "linkedin" in found["facebook"][0].message
    found = same_text_problems({"instagram": FILTER, "x": FILTER.replace("Link in Bio! ", "")})
    assert codes(found["x"]) == ["same_text_as"]


def test_english_trimmed_copy_is_near_same() -> None:
    short = LAUNCH_LINKEDIN.rsplit(" Turn", 1)[0] + " https://tessaline.example/lineage"
    found = same_text_problems({"linkedin": LAUNCH_LINKEDIN, "x": short, "bluesky": "Lineage "
                                "for dbt is live: spot a breaking dashboard before you merge."})
    assert codes(found["x"]) == ["same_text_as"] and found["bluesky"] == []


def test_texts_written_per_platform_pass() -> None:
    found = same_text_problems({
        "facebook": "Röstkurs am 12. Dezember um 18 Uhr: Wir zeigen dir, wie aus grünen Bohnen "
                    "Kaffee wird. Maximal 8 Plätze, Anmeldung im Laden oder per Mail.",
        "linkedin": "Teamevent gesucht? Am 12. Dezember, 18 Uhr, rösten bis zu 8 Leute mit uns "
                    "ihre eigene Mischung. Anmeldung per Mail oder direkt im Kontor.",
    })
    assert found == {"facebook": [], "linkedin": []}


def test_thresholds_sit_above_every_pair_of_distinct_kit_examples(
        coffee: BrandKit, software: BrandKit) -> None:
    texts = [e.text for kit in (coffee, software) for e in kit.examples]
    for first, second in itertools.combinations(texts, 2):
        ratio, contained = likeness(first, second)
        assert ratio < SAME_RATIO and contained < SAME_CONTAINMENT
        assert max(copied_share(first, second), copied_share(second, first)) < COPY_SHARE


def test_threads_tip_copied_from_a_kit_example_is_a_warning(coffee: BrandKit) -> None:
    ctx = context(coffee, brief="Tipp: Mahlgrad anpassen, wenn man die Bohne wechselt",
                  platform="threads")
    [problem] = [p for p in quality_problems(HANNE_TIP, [], ctx) if p.code == "copies_example"]
    assert not problem.is_error and "Kleiner Tipp mit großer Wirkung" in problem.message


def test_english_copy_of_an_example_is_flagged(coffee: BrandKit) -> None:
    copied = ("Cold brew season is here. 100 g of coarsely ground coffee, 1 litre of cold "
              "water, 14 hours in the fridge. Try our new Kenya!")
    ctx = context(coffee, brief="Cold brew tip with Kenya beans", language="en",
                  platform="instagram")
    assert "copies_example" in codes(quality_problems(copied, [], ctx))


def test_a_post_in_the_kits_voice_is_not_a_copy(coffee: BrandKit) -> None:
    own = ("Röstkurs im Kontor ☕ Am 12. Dezember um 18 Uhr zeigen wir dir, wie aus grünen "
           "Bohnen dein Kaffee wird. Maximal 8 Plätze, Anmeldung im Laden oder per Mail.")
    ctx = context(coffee, brief=own)
    assert "copies_example" not in codes(quality_problems(own, [], ctx))


def test_one_warning_per_platform_names_every_look_alike() -> None:
    trimmed = KURS.replace(" 🚀", "")
    found = same_text_problems({"facebook": KURS, "linkedin": KURS + " #Kaffee", "x": trimmed,
                                "instagram": "Röstkurs am 12.12.: acht Plätze, sei dabei!"})
    [problem] = found["facebook"]
    assert "the linkedin and x drafts" in problem.message
    assert found["instagram"] == []
