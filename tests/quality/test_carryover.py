"""invented_fact for content carried over from a kit example (issue 13): names, places,
product words and time frames of an example that the brief does not state, and a post
that says nothing needs doing when the brief says to turn something on."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.models import Problem, Severity
from assistant.quality import quality_problems
from assistant.quality.carryover import is_stated, stem, stems
from assistant.quality.compose import invented_pieces, lexicon
from assistant.quality.reversal import reversal_problems
from tests.quality.conftest import context

KURS_BRIEF = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im "
              "Laden oder per Mail.")
# the embedded model's Röstkurs draft (bench/README.md "Draft quality"): the brief's date and
# time, then the kit's Weihnachtsmischung example
KURS_WITH_XMAS = (
    "Röstkurs am 12. Dezember, 18 Uhr! Unsere Weihnachtsmischung ist da: Kolumbien und "
    "Guatemala, mittel geröstet, mit Noten von Marzipan, Orangenschale und dunkler Schokolade. "
    "Es gibt sie nur bis Ende Dezember, im Kontor und im Shop.")
TIP_BRIEF = "Tipp: den Mahlgrad anpassen, wenn man die Bohne wechselt"
HANNE_TIP = (
    "Kleiner Tipp mit großer Wirkung: Stell deine Mühle neu ein, wenn du die Bohne wechselst. "
    "Schmeckt dein Kaffee sauer und dünn, mahl feiner. Fragen? Schreib sie in die Kommentare, "
    "Hanne antwortet heute Abend.")
SNOWFLAKE_BRIEF = ("Schema drift alerts now also cover Snowflake; turn them on under Settings, "
                   "Alerts. Included in every plan at no extra cost.")
SNOWFLAKE_LINK = "https://tessaline.example/changelog/snowflake"


def invented(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.code == "invented_fact"]


def test_the_christmas_blend_copied_into_the_course_invitation(coffee: BrandKit) -> None:
    [problem] = invented(quality_problems(KURS_WITH_XMAS, [], context(coffee, brief=KURS_BRIEF)))
    assert problem.severity == Severity.ERROR
    assert problem.message.startswith("'Weihnachtsmischung', 'Kolumbien und Guatemala', ")
    assert "come from a kit example, not from the brief; remove them or add them to the " \
           "brief" in problem.message
    assert "\n" not in problem.message
    # the brief's own facts and the kit's words are not listed
    for stated in ("Röstkurs", "12. Dezember", "Kontor", "Shop"):
        assert f"'{stated}" not in problem.message


def test_every_carried_over_piece_is_found(coffee: BrandKit) -> None:
    ctx = context(coffee, brief=KURS_BRIEF)
    examples = tuple(e.text for e in coffee.examples)
    found = invented_pieces(KURS_WITH_XMAS, ctx, lexicon(ctx), examples)
    assert found == ["Weihnachtsmischung", "Kolumbien und Guatemala", "Noten", "Marzipan",
                     "Orangenschale", "Schokolade", "nur bis Ende Dezember"]


def test_stated_in_the_brief_the_same_words_pass(coffee: BrandKit) -> None:
    brief = ("Die Weihnachtsmischung ist zurück - Kolumbien und Guatemala, mit Noten von "
             "Marzipan, Orangenschale und dunkler Schokolade, nur bis Ende Dezember.")
    post = KURS_WITH_XMAS.replace("Röstkurs am 12. Dezember, 18 Uhr! ", "")
    assert invented(quality_problems(post, [], context(coffee, brief=brief))) == []


def test_a_single_place_of_an_example_is_enough(coffee: BrandKit) -> None:
    post = "Röstkurs am 12. Dezember um 18 Uhr, wir rösten Bohnen aus Guatemala. 8 Plätze."
    [problem] = invented(quality_problems(post, [], context(coffee, brief=KURS_BRIEF)))
    assert problem.message.startswith("'Guatemala' comes from a kit example, not from the "
                                      "brief; remove it or add it to the brief")


def test_hanne_and_her_promise(coffee: BrandKit) -> None:
    ctx = context(coffee, brief=TIP_BRIEF, platform="threads")
    [problem] = invented(quality_problems(HANNE_TIP, [], ctx))
    # "heute Abend" is a time ahead that no source names as well (facts.promised_frames)
    assert problem.message.startswith("'heute Abend', 'Hanne (a person)' come from a kit "
                                      "example")
    # the example's voice ("Kleiner Tipp mit großer Wirkung", "in die Kommentare") is no fact
    assert "Wirkung" not in problem.message and "Kommentare" not in problem.message
    promised = context(coffee, brief=TIP_BRIEF + "; Hanne beantwortet heute Abend Fragen",
                       platform="threads")
    assert invented(quality_problems(HANNE_TIP, [], promised)) == []


@pytest.mark.parametrize(("post", "shown"), [
    ("Schema drift alerts now cover Snowflake. Our Frankfurt team shipped it last Tuesday.",
     "'Frankfurt', 'last Tuesday' come from a kit example"),
    ("Schema drift alerts now cover Snowflake, tested by Nordhafen Retail before release.",
     "'Retail' comes from a kit example"),
])
def test_names_and_time_frames_of_an_example_in_english(software: BrandKit, post: str,
                                                        shown: str) -> None:
    ctx = context(software, brief=SNOWFLAKE_BRIEF, platform="bluesky", language="en",
                  link=SNOWFLAKE_LINK)
    [problem] = invented(quality_problems(post, [], ctx))
    assert shown in problem.message


def test_on_by_default_against_a_brief_that_says_turn_them_on(software: BrandKit) -> None:
    post = ("Schema drift alerts now cover Snowflake. It's on by default, so you don't need to "
            "do anything. Included in every plan at no extra cost.")
    ctx = context(software, brief=SNOWFLAKE_BRIEF, platform="linkedin", language="en",
                  link=SNOWFLAKE_LINK)
    [problem] = invented(quality_problems(post, [], ctx))
    assert problem.is_error
    assert problem.message == ("'on by default' tells the reader nothing needs doing, but the "
                               "brief says 'turn them on'; say what to do as the brief does")
    right = ("Schema drift alerts now cover Snowflake. Turn them on under Settings > Alerts; "
             "included in every plan at no extra cost.")
    assert invented(quality_problems(right, [], ctx)) == []


@pytest.mark.parametrize(("post", "brief", "found"), [
    ("Die Warnungen sind standardmäßig aktiv, du musst nichts tun.",
     "Neue Warnungen: aktiviere sie in den Einstellungen", True),
    ("Jetzt neu: Schalte die Warnungen in den Einstellungen ein.",
     "Neue Warnungen: aktiviere sie in den Einstellungen", False),
    ("It's on by default for every workspace.", "Schema drift alerts are live, on by default",
     False),
    ("Nothing to set up: the check runs on every release.", "Enable the check in Settings",
     True),
])
def test_no_action_claims_against_an_instruction(post: str, brief: str, found: bool) -> None:
    assert bool(reversal_problems(post, brief)) is found


HUILA = ("Zurück aus Huila in Kolumbien - unserer Partnerkooperative zahlen wir 30 Prozent "
         "über dem Fairtrade-Mindestpreis.")


@pytest.mark.parametrize(("post", "brief", "found"), [
    # a Mastodon draft of the bench (2026-12-06)
    ("Wir rösten in Huila, aber unsere Partnerkooperative zahlen uns 30 Prozent über dem "
     "Fairtrade-Mindestpreis.", HUILA, True),
    ("Our partner cooperative pays us 30 percent above the Fairtrade minimum.",
     "Back from Huila: we pay our partner cooperative 30 percent above the Fairtrade minimum.",
     True),
    ("Unserer Partnerkooperative zahlen wir 30 Prozent über dem Fairtrade-Mindestpreis.", HUILA,
     False),
    ("Wir bezahlen die Kooperative fair: 30 Prozent über dem Mindestpreis.", HUILA, False),
    # a brief in which nobody pays the brand, or the reader pays
    ("Zahlt uns einfach per Karte oder bar.", "Neu: im Café zahlt ihr jetzt auch per Karte.",
     False),
])
def test_a_payment_turned_round(post: str, brief: str, found: bool) -> None:
    problems = reversal_problems(post, brief)
    assert bool(problems) is found
    assert all(p.code == "invented_fact" and p.is_error and "who pays whom" in p.message
               for p in problems)


def test_stems_compare_inflected_forms_and_compound_parts() -> None:
    stated = stems(("Kooperativen und Mischung für Weihnachten",))
    assert stem("Kurse") == stem("Kurses") == "kurs"
    assert is_stated("Kooperative", stated)  # a plural in the source
    assert is_stated("Weihnachtsmischung", stated)  # a compound of stated words
    assert not is_stated("Marzipan", stated)
    # a hyphenated word by its head: "Kooperativen-Mischung" is stated, "Mischungs-Rallye"
    # is not
    assert is_stated("Kaffee-Mischung", stated)
    assert not is_stated("Mischungs-Rallye", stated)


def test_an_examples_event_copied_into_a_course_invitation(coffee: BrandKit) -> None:
    """A ready Facebook draft (bench, 2026-12-04): the open day's children's rally and its
    cupping, from a kit example, under the brief's course; "Bohnen" is the kit's word, the
    "Bohnen-Rallye" the example's."""
    post = ("Der Röstkurs ist ein tolles Angebot für die Gäste unseres Cafés. Es gibt auch "
            "eine kleine Bohnen-Rallye für Kinder. Es ist ein günstiger Kaffee, mit Löffel "
            "und lautem Schlürfen. Anmeldung im Laden oder per Mail. Maximal 8 Plätze.")
    [problem] = invented(quality_problems(post, [], context(coffee, brief=KURS_BRIEF)))
    assert problem.message.startswith("'Bohnen-Rallye', 'Kinder', 'Löffel', 'Schlürfen' "
                                      "come from a kit example")


def test_without_examples_nothing_is_carried_over(coffee: BrandKit) -> None:
    bare = coffee.model_copy(update={"examples": []})
    assert invented(quality_problems(KURS_WITH_XMAS.replace(" Kolumbien und Guatemala,", ""),
                                     [], context(bare, brief=KURS_BRIEF))) == []


def test_a_sentence_opener_that_is_also_a_place_is_a_word(coffee: BrandKit) -> None:
    # "Als" is an island in the noun index and "als" a word; instagram-01 opens a sentence
    # with it
    post = ("Röstkurs am 12. Dezember, 18 Uhr. Als Dankeschön gibt es Kaffee. 8 Plätze, "
            "Anmeldung im Laden oder per Mail.")
    assert invented(quality_problems(post, [], context(coffee, brief=KURS_BRIEF))) == []


def test_striking_takes_every_sentence_of_the_copied_example(coffee: BrandKit) -> None:
    """The same draft through the striking of made-up sentences: the sentence with
    "Löffel und lautem Schlürfen" went and cleared the finding, which left the rally for
    children, too few nouns to be found alone, in a ready post. Its mate goes too."""
    from assistant.quality.fit import without_clashing

    ctx = context(coffee, brief=KURS_BRIEF)
    post = ("Möchtest du zum Röstkurs am 12. Dezember um 18 Uhr kommen?\n\nDer Röstkurs ist ein "
            "tolles Angebot für die Gäste unseres Cafés. Es gibt auch eine kleine Bohnen-Rallye "
            "für Kinder. Es ist ein günstiger Kaffee, mit Löffel und lautem Schlürfen. "
            "Anmeldung im Laden oder per Mail. Maximal 8 Plätze.")
    struck = without_clashing(post, lambda text: quality_problems(text, [], ctx), KURS_BRIEF,
                              "de")
    assert "Schlürfen" not in struck and "Bohnen-Rallye" not in struck
    assert struck.endswith("Der Röstkurs ist ein tolles Angebot für die Gäste unseres Cafés. "
                           "Anmeldung im Laden oder per Mail. Maximal 8 Plätze.")
    # a made-up sentence that carries its finding alone takes no other with it
    alone = post.replace(" Es ist ein günstiger Kaffee, mit Löffel und lautem Schlürfen.",
                         " Das Cupping ist am 3. März.").replace(
        "Es gibt auch eine kleine Bohnen-Rallye für Kinder.", "Es gibt auch Kuchen.")
    kept = without_clashing(alone, lambda text: quality_problems(text, [], ctx), KURS_BRIEF,
                            "de")
    assert "Kuchen" in kept and "Cupping" not in kept


def test_an_examples_coined_compound_and_one_more_noun(coffee: BrandKit) -> None:
    """A ready LinkedIn draft (bench 2026-12-07): the open day's "Kakao" and "Bohnen-Rallye",
    reworded, in a post on a roasting course; two nouns of one example are enough when one
    is a compound coined for it. Everyday nouns of an example and a coined one alone pass."""
    post = ("Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze. Die Kinder-Röster sind mit "
            "heißem Kakao und einer kleinen Bohnen-Rallye ausgezeichnet. Anmeldung im Laden "
            "oder per Mail.")
    [problem] = invented(quality_problems(post, [], context(coffee, brief=KURS_BRIEF)))
    assert problem.message.startswith("'Kakao', 'Bohnen-Rallye' come from a kit example")
    for fine in ("Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze. Dabei lernst du die "
                 "Röstkurve kennen. Anmeldung im Laden oder per Mail.",
                 "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze. Kleiner Tipp mit großer "
                 "Wirkung: Anmeldung im Laden oder per Mail."):
        assert invented(quality_problems(fine, [], context(coffee, brief=KURS_BRIEF))) == []
