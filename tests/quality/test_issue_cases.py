"""The drafts quoted in issue 13, each checked as the drafting path will check it: every
platform's text with quality_problems, and the drafts of one brief with same_text_problems.
None of them may come out without a problem (that is, `ready`)."""

from __future__ import annotations

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems, same_text_problems
from tests.quality.conftest import codes, context

KURS_BRIEF = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im "
              "Laden oder per Mail.")
FIRST = ("Hey du! Du bist ein Kaffeetrinker und möchtest den Röstkurs am 12. Dezember abholen? "
         "Wir haben einen exklusiven Röstkurs am 12. Dezember, 18 Uhr, mit maximal 8 Plätze.")
FIRST_LINKEDIN = ("Hey du! Du bist Kaffeetrinker und möchtest den Röstkurs am 12. Dezember "
                  "abholen? Wir haben einen exklusiven Röstkurs am 12. Dezember, 18 Uhr, mit "
                  "maximal 8 Plätze. #Möwenbohne")
SECOND = ("Neue Chance zum Röstkurs im Altona! Mit 8 Plätze und 18 Uhr ist es ein großes "
          "Angebot … Bestelle dir heute im Laden oder per Mail: [Link zum Bestellen] 🚀")
FILTER_BRIEF = ("Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere, ab Samstag im "
                "Kontor und im Shop.")
FILTER = "Neue Filterkaffee aus Kolumbien 🍋 🍄 🍊 Noten von roter Johannisbeere. Link in Bio!"


def _all(kit: BrandKit, brief: str, texts: dict[str, str]) -> dict[str, list[str]]:
    same = same_text_problems(texts)
    return {platform: codes(quality_problems(text, [], context(kit, brief=brief,
                                                                 platform=platform)))
            + codes(same[platform]) for platform, text in texts.items()}


def test_first_draft_on_facebook_and_linkedin(coffee: BrandKit) -> None:
    found = _all(coffee, KURS_BRIEF, {"facebook": FIRST, "linkedin": FIRST_LINKEDIN})
    assert "same_text_as" in found["facebook"] and "same_text_as" in found["linkedin"]


def test_second_draft_on_facebook_and_linkedin(coffee: BrandKit) -> None:
    found = _all(coffee, KURS_BRIEF, {"facebook": SECOND, "linkedin": SECOND})
    for platform in ("facebook", "linkedin"):
        assert {"placeholder", "missing_fact", "same_text_as", "emoji_not_in_kit"} <= set(
            found[platform])


def test_colombian_filter_coffee_on_instagram_and_x(coffee: BrandKit) -> None:
    found = _all(coffee, FILTER_BRIEF, {"instagram": FILTER, "x": FILTER})
    assert {"same_text_as", "missing_fact", "emoji_not_in_kit"} <= set(found["instagram"])
    assert {"same_text_as", "missing_fact", "emoji_not_in_kit", "link_in_bio"} <= set(found["x"])
    assert "link_in_bio" not in found["instagram"]  # right where links do not work


def test_threads_tip_with_hanne(coffee: BrandKit) -> None:
    tip = ("Kleiner Tipp mit großer Wirkung: Stell deine Mühle neu ein, wenn du die Bohne "
           "wechselst. Schmeckt dein Kaffee sauer und dünn, mahl feiner. Schmeckt er bitter "
           "und trocken, mahl gröber. Fragen? Schreib sie in die Kommentare, Hanne antwortet "
           "heute Abend.")
    found = _all(coffee, "Tipp: den Mahlgrad anpassen, wenn man die Bohne wechselt",
                 {"threads": tip})
    assert {"invented_fact", "copies_example"} <= set(found["threads"])
