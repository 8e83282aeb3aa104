from __future__ import annotations

import pytest

from assistant.quality.dictionary import dictionaries, german_plain_names, given_names
from assistant.quality.names import NameLists, find_names
from assistant.quality.spelling import Lexicon


def _names(text: str, language: str) -> list[tuple[str, bool]]:
    found = dictionaries(language)
    assert found is not None
    lex = Lexicon(found[0], found[1], frozenset(), compounds=language == "de")
    lists = NameLists(given_names(), german_plain_names())
    return [(n.word, n.person) for n in
            find_names(text, lex, lists, language)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Fragen? Schreib sie in die Kommentare, Hanne antwortet heute Abend.", "de",
     [("Hanne", True)]),
    ("Okan hört beim First Crack genau hin.", "de", [("Okan", True)]),
    ("Questions? Priya answers them live, with Marcus from our data team.", "en",
     [("Priya", True), ("Marcus", True)]),
    # nouns, places, months and words that are also names are not persons
    ("Die Ecke im Kontor, der Jasmin im Kaffee, Rose und Mark aus Hamburg im Dezember.", "de",
     []),
    ("Mark your calendar: in May we will ship Rose-tinted dashboards from Berlin.", "en", []),
])
def test_persons(text: str, language: str, expected: list[tuple[str, bool]]) -> None:
    assert _names(text, language) == expected


def test_an_unknown_proper_name_is_a_name_but_a_misspelling_is_not() -> None:
    assert _names("Neu im Röster: Yirgacheffe aus Äthiopien.", "de") == [("Yirgacheffe", False)]
    assert _names("Die Anmeldnug läuft im Laden.", "de") == []


def test_a_name_in_the_kits_own_words_is_the_brands_not_a_person() -> None:
    found = dictionaries("de")
    assert found is not None
    lex = Lexicon(found[0], found[1], frozenset({"santos"}), compounds=True)
    text = "Neu: Santos aus Brasilien."
    plain = NameLists(given_names(), german_plain_names())
    assert [(n.word, n.person) for n in find_names(text, lex, plain, "de")] == [("Santos", True)]
    brand = NameLists(given_names(), german_plain_names(), frozenset({"santos"}))
    assert find_names(text, lex, brand, "de") == []
