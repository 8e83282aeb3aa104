"""Lines begun in small letters (issue 13): tidy writes a whole list line large, the
check names what is left (a line cut off before it); the brand's name as a label before a
line goes. Real dictionaries."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.dictionary import dictionaries
from assistant.quality.linestart import capitalised, lowercase_start_problems, without_name_labels
from assistant.quality.tidy import tidy_post


def spelled(language: str) -> object:
    found = dictionaries(language)
    assert found is not None
    return found[0].spell


def never(word: str) -> bool:
    return False


def test_a_list_line_begun_small_is_written_large() -> None:
    seen = "Wir suchen eine Barista in Teilzeit\n20 Stunden pro Woche\nfür unser Café in Altona"
    assert capitalised(seen, spelled("de")).endswith("\nFür unser Café in Altona")
    holiday = "Vom 24. bis 26. Dezember ist das Kontor zu.\nab dem 27. Dezember sind wir da."
    assert "\nAb dem 27." in capitalised(holiday, spelled("de"))


def test_a_line_cut_off_before_it_stays_small_and_is_named() -> None:
    cut = "20 Stunden pro Woche, für unser caf\nen Altona. Bewerbung per Mail."
    assert capitalised(cut, spelled("de")) == cut
    [found] = lowercase_start_problems(cut, never)
    assert found.code == "lowercase_start" and "'en Altona." in found.message
    going_on = "Spül den Filter heiß aus\nund zu warmen."  # "und" goes on: not a sentence
    assert capitalised(going_on, spelled("de")) == going_on
    assert lowercase_start_problems(going_on, never)
    english = "Alerts now cover Snowflake.\n\nif their models break, you know first."
    assert capitalised(english, spelled("en")) == english
    assert lowercase_start_problems(english, never)


def test_what_may_begin_a_line_small() -> None:
    fine = ("Wir suchen eine Barista,\nfür unser Café in Altona.\n"  # wrapped after a comma
            "moin@moewenbohne.example\nhttps://moewenbohne.example/kurs\n#kaffee\n"
            "dbt models break quietly.")
    assert lowercase_start_problems(fine, lambda word: word == "dbt") == []
    assert lowercase_start_problems("dbt models break quietly.", never)


NAMES = ("Möwenbohne Kaffeekontor", "Möwenbohne Kaffeerösterei GmbH")


@pytest.mark.parametrize(("text", "expected"), [
    # before Facebook's question and Instagram's hook (bench, 2026-12-02)
    ("Möwenbohne Kaffeekontor: Wann, wo und wie?\n\nEinladung zum Röstkurs.",
     "Wann, wo und wie?\n\nEinladung zum Röstkurs."),
    ("Frohe Weihnachten!\nMöwenbohne Kaffeerösterei GmbH: neuer Kaffee ist da",
     "Frohe Weihnachten!\nNeuer Kaffee ist da"),
    # the name as a word of its sentence, and a label with one word after it, stay
    ("Möwenbohne Kaffeekontor sucht eine Barista!", "Möwenbohne Kaffeekontor sucht eine "
     "Barista!"),
    ("Möwenbohne Kaffeekontor: Moin!", "Möwenbohne Kaffeekontor: Moin!"),
    ("Neu bei Möwenbohne Kaffeekontor: Kolumbien im Shop", "Neu bei Möwenbohne "
     "Kaffeekontor: Kolumbien im Shop"),
    # the name as a line of its own among the lines of a ready Instagram tip (2026-12-02)
    ("Ziehen lassen, filtern und fertig!\nMöwenbohne Kaffeerösterei GmbH\nKomm vorbei!",
     "Ziehen lassen, filtern und fertig!\nKomm vorbei!"),
    ("Frohe Weihnachten!\n\nMöwenbohne Kaffeekontor.", "Frohe Weihnachten!"),
    ("Möwenbohne Kaffeekontor", "Möwenbohne Kaffeekontor"),  # a post of the name alone
])
def test_the_brands_name_as_a_label_goes(text: str, expected: str) -> None:
    assert without_name_labels(text, NAMES) == expected


def test_tidy_takes_the_name_label_out(coffee: BrandKit) -> None:
    text = "Möwenbohne Kaffeekontor: Frohe Weihnachten! Vom 24. bis 26. Dezember zu."
    assert tidy_post(text, coffee, "facebook", None) == (
        "Frohe Weihnachten! Vom 24. bis 26. Dezember zu.")
