"""A kit word a post may use only when its brief does (quality/briefonly): the coffee kit's
"rösten", which the embedded model put into posts about a cold brew, a hand grinder and a
farm (bench, 2026-12-05)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.briefonly import brief_only_problems, forms
from assistant.quality.compose import quality_problems
from assistant.quality.fit import without_flawed
from tests.quality.conftest import codes, context


def test_an_infinitive_stands_for_its_verb_forms_and_not_its_nouns() -> None:
    assert {"röst", "röste", "röstest", "röstet", "rösteten", "röstende"} <= forms("rösten")
    # the past participle says what a roastery's coffee is ("frisch geröstet")
    assert not {"röster", "rösterei", "röstkurs", "röstung", "geröstet", "gerösteten"} & \
        forms("rösten")
    assert {"roast", "roasts", "roasted", "roasting"} <= forms("roast")


@pytest.mark.parametrize(("text", "brief", "word"), [
    # ready drafts of the embedded model (bench, 2026-12-05)
    ("Tief in den Kühlschrank lassen, dann filtern. So röstet der Kaffee perfekt.",
     "Tipp für Cold Brew zu Hause: 70 g grob gemahlener Kaffee auf 1 Liter Wasser.", "röstet"),
    ("Wir rösten in Huila und verkaufen sie in Altona.",
     "Zurück aus Huila in Kolumbien: 30 Prozent über dem Fairtrade-Mindestpreis.", "rösten"),
    ("Werbung | Jetzt röstest du auch in Kooperation mit uns!",
     "Die Handmühle Hansen H2 gibt es jetzt bei uns im Shop für 89 €.", "röstest"),
    ("Ab Montag im Café: Rösten und genießen!", "Neu: Hafer-Cappuccino für 3,80 €.", "rösten"),
    # a ready X draft (bench 2026-12-05): the imperative
    ("Ziehen lassen und langsam herunterdrücken. Jetzt röst!",
     "French Press: grob wie Meersalz, 4 Minuten ziehen lassen.", "röst"),
    # with a clitic (a ready X draft, bench 2026-12-06)
    ("Dann langsam herunterdrücken. Jetzt röstet's!",
     "French Press: grob wie Meersalz, 4 Minuten ziehen lassen.", "röstet"),
])
def test_the_kit_word_the_brief_does_not_use_is_a_warning(text: str, brief: str,
                                                          word: str) -> None:
    [problem] = brief_only_problems(text, brief, ["rösten"])
    assert problem.code == "unbriefed_word" and not problem.is_error
    assert problem.message.startswith(f"'{word}': the kit allows 'rösten' only where the "
                                      "brief says it")


@pytest.mark.parametrize(("text", "brief"), [
    ("Wir rösten die Weihnachtsmischung.", "Wir rösten ab heute die Weihnachtsmischung."),
    ("Frisch geröstet: unsere Weihnachtsmischung.", "Die Weihnachtsmischung ist zurück."),
    ("Einladung zum Röstkurs in der Rösterei, am 12. Dezember.", "Röstkurs am 12. Dezember."),
    ("Der Röster läuft ab 8 Uhr.", "Öffnungszeiten ab 8 Uhr."),
    # a brief word that holds the stem makes roasting its topic
    ("Selbst rösten? Am 12. Dezember im Kontor.", "Einladung zum Röstkurs am 12. Dezember."),
    ("Roasted right here in Altona.", "Open day at the roastery."),
])
def test_the_word_passes_where_the_brief_uses_it_or_only_a_noun_shares_its_stem(
        text: str, brief: str) -> None:
    assert brief_only_problems(text, brief, ["rösten"]) == []


def test_a_noun_stands_for_its_noun_forms_and_the_verb_stem_tells_it() -> None:
    assert forms("Röster") == {"röster", "rösters", "röstern", "rösterin", "rösterinnen"}
    # ready drafts of the embedded model (bench and CLI, 2026-12-06/07)
    for text, brief in (
            ("Die Röster sind sehr warm und gut geröstet.",
             "Die Handmühle Hansen H2 gibt es jetzt bei uns im Shop für 89 €."),
            ("Der Röster ist super, und wir haben einen guten Vorrat.",
             "Winter-Cold-Brew mit Zimt und Orange, 0,3 l für 4,20 €.")):
        [problem] = brief_only_problems(text, brief, ["rösten", "Röster"])
        assert problem.message.startswith("'Röster': the kit allows 'Röster' only where the "
                                          "brief says it"), problem.message
    # a brief on roasting tells the doer; other nouns of the stem are other words
    for text, brief in (("Der Röster läuft warm.", "Einladung zum Röstkurs am 12. Dezember."),
                        ("Unsere Rösterin zeigt es dir.", "Wir rösten live am Samstag."),
                        ("Die Rösterei hat offen.", "Öffnungszeiten ab 8 Uhr.")):
        assert brief_only_problems(text, brief, ["rösten", "Röster"]) == [], text


def test_the_coffee_kit_lists_rosten_and_the_one_checker_reads_it(coffee: BrandKit) -> None:
    assert coffee.brief_only_words == ["rösten", "Röster"]
    ctx = context(coffee, brief="Tipp für Cold Brew zu Hause: 16 Stunden im Kühlschrank.")
    assert "unbriefed_word" in codes(quality_problems(
        "Cold Brew zu Hause: 16 Stunden im Kühlschrank. So röstet der Kaffee perfekt.", [], ctx))
    assert "unbriefed_word" not in codes(quality_problems(
        "Cold Brew zu Hause: 16 Stunden im Kühlschrank ziehen lassen.", [], ctx))


def test_a_sentence_of_the_models_own_with_the_word_is_struck(coffee: BrandKit) -> None:
    """Tidy strikes the sentence when it carries no fact of the brief; a sentence with one
    stays for the repair."""
    brief = "Tipp für Cold Brew zu Hause: 16 Stunden im Kühlschrank ziehen lassen."
    ctx = context(coffee, brief=brief, platform="mastodon")
    text = ("Tipp für Cold Brew zu Hause: 16 Stunden im Kühlschrank ziehen lassen. "
            "So röstet der Kaffee perfekt und ist super leicht zu servieren.")
    kept = without_flawed(text, lambda body: quality_problems(body, [], ctx), brief, "de")
    assert kept == "Tipp für Cold Brew zu Hause: 16 Stunden im Kühlschrank ziehen lassen."
    factual = "Cold Brew zu Hause: wir rösten, dann 16 Stunden im Kühlschrank ziehen lassen."
    assert without_flawed(factual, lambda body: quality_problems(body, [], ctx), brief,
                          "de") == factual
