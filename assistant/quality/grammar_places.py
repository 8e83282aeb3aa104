"""Rule 20 of the German grammar check: an article before a country that takes none, a
people's name as an adjective, and a place's (20c, :func:`places_as_adjectives`) (pure).

"Das ist ein super Kaffee, der sich gut mit der Kultur der Kolumbien verabreicht" (a ready
Mastodon draft of the embedded model, bench 2026-12-05): most countries are neuter and
stand without an article ("aus Kolumbien", "die Kultur Kolumbiens"). A roaster names a
coffee by its origin, and the coffee is masculine ("Heute rösten wir den Kenia", "der
Kolumbien ist fruchtig"), so only the articles that cannot be the coffee's are read:
"die", "das", "ins", and "der" as a genitive after a noun ("der Kultur der Kolumbien").
Read only for the closed list in ``grammar_words`` (the countries that take an article,
"die Schweiz", "der Jemen", "die USA", are not in it), and not where the article is right:
before a product's name ("der Kolumbien Huila ist fruchtig"), before an attribute ("das
Kolumbien der 90er Jahre", "das Kolumbien von heute") or a relative clause ("das
Kolumbien, das wir kennen"), or where an adjective stands between ("das grüne Kolumbien").
Flagged, not mended: "Kolumbiens", "von Kolumbien" and "aus Kolumbien" each fit another
sentence.
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_words import (
    ARTICLE_LESS_COUNTRIES,
    DETERMINERS,
    FUSED_ARTICLES,
    GrammarLexicon,
    Token,
    noun_bits,
)

# what may follow a country that has its article by right: an attribute or a preposition
_ATTRIBUTES = frozenset({"der", "des", "von", "vor", "nach", "unter", "zur", "zum", "zu",
                         "um", "aus", "mit", "ohne", "seit", "in", "im", "bis"})
# the coffee an origin names is masculine ("der Kenia", "den Kolumbien"): these articles
# are never its
_NEVER_COFFEE = frozenset({"die", "das", "ins"})
_RELATIVES = frozenset({"das", "die", "der", "in", "wo", "dessen"})


def articles_before_countries(plain: str, words: list[Token],
                              lex: GrammarLexicon) -> list[Finding]:
    """Rule 20 (see the module doc): "der Kultur der Kolumbien" -> "von Kolumbien"."""
    del lex  # closed word lists
    found = []
    for index, (article, country) in enumerate(zip(words, words[1:], strict=False)):
        before = words[index - 1] if index else None
        if country.text not in ARTICLE_LESS_COUNTRIES or not country.spaced \
                or not _wrong_article(article, before):
            continue
        after = words[index + 2] if index + 2 < len(words) else None
        if after is not None and not after.sentence_start and _article_by_right(
                plain, country, after):
            continue
        phrase = plain[article.start:country.end]
        found.append(Finding(phrase, f"'{phrase}': '{country.text}' takes no article; drop "
                                     f"it or write 'von {country.text}'"))
    return found


def _wrong_article(article: Token, before: Token | None) -> bool:
    """Whether ``article`` cannot be that of the coffee the country names ("den Kenia"
    is "den Kenia-Kaffee"): "die", "das", "ins", or "der" as a genitive after a noun."""
    if article.lower in _NEVER_COFFEE:
        return True
    return article.lower == "der" and before is not None and before.capitalised \
        and not before.sentence_start and article.spaced


def _article_by_right(plain: str, country: Token, after: Token) -> bool:
    """Whether what follows the country makes its article right: a name goes on, an
    attribute or a relative clause follows."""
    gap = plain[country.end:after.start]
    if "-" in gap:
        return True  # "die Kolumbien-Bohne"
    if "," in gap:
        return after.lower in _RELATIVES
    return after.capitalised or after.lower in _ATTRIBUTES


# the people of a coffee land -> its adjective: "Kolumbianer" is a person, and unlike a
# city's "Hamburger" it makes no adjective ("Der Kolumbianer Filterkaffee", a ready
# Facebook draft, bench 2026-12-05)
_PEOPLE = {"Kolumbianer": "kolumbianisch", "Äthiopier": "äthiopisch",
           "Brasilianer": "brasilianisch", "Kenianer": "kenianisch",
           "Peruaner": "peruanisch", "Ruander": "ruandisch", "Mexikaner": "mexikanisch",
           "Indonesier": "indonesisch", "Honduraner": "honduranisch",
           "Nicaraguaner": "nicaraguanisch", "Tansanier": "tansanisch",
           "Bolivianer": "bolivianisch", "Italiener": "italienisch"}


def people_as_adjectives(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 20b: a people's name before a known noun as if it were an adjective:
    "Der Kolumbianer Filterkaffee" -> "kolumbianische" or "Filterkaffee aus Kolumbien". A
    name after it ("der Kolumbianer Juan") is an apposition and stays."""
    found = []
    for people, noun in zip(words, words[1:], strict=False):
        adjective = _PEOPLE.get(people.text)
        if adjective is None or not noun.spaced or not noun.capitalised \
                or noun.sentence_start or noun_bits(noun.text, lex) == 0:
            continue
        phrase = plain[people.start:noun.end]
        found.append(Finding(phrase, f"'{phrase}': '{people.text}' is a person; write "
                                     f"'{adjective}' with the ending the article asks for"))
    return found


# what opens the phrase a place is wrongly put into: an article, a possessive, a fused
# article, a quantifier
_OPENERS = frozenset({*DETERMINERS, *FUSED_ARTICLES, "alle", "allen", "viele", "vielen",
                      "einige", "einigen", "mehrere", "mehreren"})


def places_as_adjectives(plain: str, words: list[Token],
                         lex: GrammarLexicon) -> list[Finding]:
    """Rule 20c: a place's name between an article and a noun as if it were an adjective:
    "an alle Hamburg Büros" (a ready LinkedIn draft, bench 2026-12-06) -> "Hamburger Büros"
    or "Büros in Hamburg". Read only where the word after the place is a known noun and no
    name ("der Kolumbien Huila", a coffee's name, stays); flagged, not mended."""
    found = []
    for opener, place, noun in zip(words, words[1:], words[2:], strict=False):
        if opener.lower not in _OPENERS or not place.capitalised \
                or place.text not in lex.places or not (place.spaced and noun.spaced) \
                or not noun.capitalised or "-" in plain[noun.start:noun.end] \
                or noun.sentence_start or lex.is_name(noun.text) \
                or noun_bits(noun.text, lex) == 0:
            continue
        phrase = plain[opener.start:noun.end]
        found.append(Finding(phrase, f"'{phrase}': a place's name does not stand before a "
                                     f"noun like this; write '{noun.text} in {place.text}' or "
                                     f"'{place.text}-{noun.text}'"))
    return found
