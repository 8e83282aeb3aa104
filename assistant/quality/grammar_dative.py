"""Rule 1 of the German grammar check (pure): the case a preposition sets.

"mit maximal 8 Plätze" (a number > 1 wants the dative plural: "Plätzen"), "mit deine
Freunde" (a dative-only preposition before an article and noun that are no dative) and
"mit Freunde" (before a bare plural noun), "zu perfekten Kaffee" (an adjective before a
bare singular noun: "perfektem"); and the accusative after für, durch, gegen, ohne, um
("für dem Besuch" -> "den Besuch").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from assistant.quality.grammar_phrase import (
    INTENSIFIERS,
    Finding,
    adjective_like,
    is_article,
    is_noun,
    noun_after,
    phrase_of,
    plural_fix,
    refit,
    slots_of,
)
from assistant.quality.grammar_words import (
    GrammarLexicon,
    Token,
    adjective_ending,
    adjective_endings_after,
    determiner_bits,
    determiner_forms,
    is_measure,
    is_unit,
    noun_bits,
)
from assistant.quality.nounforms import ALL_PLURAL, DATIVE_PLURAL, plural, readings

DATIVE_PREPOSITIONS = frozenset({"mit", "von", "zu", "bei", "aus", "nach", "seit", "ab", "außer",
                                 "gegenüber", "samt", "nebst"})
# the dative prepositions that never take another case ("ab", "außer" and "gegenüber" can)
_DATIVE_ONLY = frozenset({"mit", "von", "zu", "bei", "aus", "nach", "seit", "samt", "nebst"})
# preposition -> the cases it takes: one, or the dative and the accusative for the two-way
# prepositions ("in der Laden" fits neither: "im Laden" or "in den Laden")
GOVERNED: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_DATIVE_ONLY, ("dat",)),
    **dict.fromkeys(("für", "durch", "gegen", "ohne", "um"), ("acc",)),
    **dict.fromkeys(("in", "an", "auf", "über", "unter", "vor", "hinter", "neben", "zwischen"),
                    ("dat", "acc")),
}
CASE_NAMES = {"dat": "dative", "acc": "accusative"}
_QUANTIFIERS = frozenset({"maximal", "nur", "über", "rund", "etwa", "mindestens", "noch", "ca",
                          "circa", "knapp", "fast", "genau", "insgesamt", "max", "mind", "bis",
                          "zu", "höchstens", "weniger", "mehr", "als", "gut"})
_NUMBER_WORDS = frozenset({"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
                           "zehn", "elf", "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig",
                           "hundert", "tausend"})


def _is_quantity(token: Token) -> bool:
    if token.lower in _NUMBER_WORDS:
        return True
    if not token.number or token.ordinal:
        return False
    try:
        value = float(token.text.replace(".", "").replace(",", "."))
    except ValueError:  # a list of numbers, "1,2,3": no count
        return False
    # a year ("seit 2019 Teil des Teams") is no count
    return value > 1 and not (len(token.text) == 4 and 1900 <= value <= 2100)


def governs(words: list[Token], index: int, prepositions: frozenset[str]) -> bool:
    """Whether ``words[index]`` is one of ``prepositions`` that sets the case of what follows.
    Not "zu" in "für bis zu 8 Plätze" (the case comes from "für") or in "ab und zu einen
    Tweet absetzen" (now and then: the brief of this project), nor "nach" after a noun:
    "der Reihe nach Plätze vergeben" ("nach" closes "der Reihe nach"), unless the noun takes
    "nach" ("Suche nach"); nor "um" that opens an infinitive ("Um ein guter Barista zu
    werden": the copula's nominative, ``opens_infinitive``)."""
    token = words[index]
    if token.lower == "um" and opens_infinitive(words, index):
        return False
    previous = words[index - 1] if index else None
    if token.lower not in prepositions or previous is None:
        return token.lower in prepositions
    if token.lower == "zu" and (previous.lower == "bis" or _ab_und(words, index)):
        return False
    return not (token.lower == "nach" and previous.capitalised and not previous.sentence_start
                and previous.lower not in _NACH_NOUNS)


_INFINITIVE_REACH = 8  # words after "um" in which its "zu" and verb stand
# an infinitive's ending, and one word of a particle, "zu" and the verb ("anzumelden")
INFINITIVE_END = regex.compile(r"(?:en|ern|eln)$")
ZU_JOINED = regex.compile(r"^(\p{Ll}{2,}?)zu(\p{Ll}{2,}(?:en|ern|eln))$")


def opens_infinitive(words: list[Token], index: int) -> bool:
    """Whether "um" at ``index`` opens an infinitive ("um ... zu werden", "um ...
    auszuprobieren") in its sentence: then it is a conjunction and sets no case; what
    follows is the verb's object or, after a copula, its predicate."""
    for place in range(index + 1, min(index + 1 + _INFINITIVE_REACH, len(words))):
        word = words[place]
        if word.sentence_start:
            return False
        following = words[place + 1] if place + 1 < len(words) else None
        if word.lower == "zu" and following is not None and not following.capitalised \
                and INFINITIVE_END.search(following.lower):
            return True
        if ZU_JOINED.match(word.lower) and not word.capitalised:
            return True
    return False


# nouns that "nach" follows as their own preposition, not as a postposition: "auf der Suche
# nach guten Kaffee" (a ready LinkedIn draft, bench 2026-12-04) is "nach gutem Kaffee"
_NACH_NOUNS = frozenset({"suche", "lust", "sehnsucht", "frage", "nachfrage", "durst",
                         "hunger", "duft", "geruch", "verlangen", "streben", "ruf", "bedarf",
                         "appetit", "heimweh", "fernweh", "jagd"})


def _ab_und(words: list[Token], index: int) -> bool:
    """Whether "ab und" stands before ``words[index]`` ("ab und zu": now and then)."""
    return index >= 2 and [word.lower for word in words[index - 2:index]] == ["ab", "und"]


def case_bits(cases: tuple[str, ...]) -> int:
    """Every reading in ``cases``, in each genus and the plural."""
    return readings(" ".join(f"mfn.{case} pl.{case}" for case in cases))


def preposition_readings(words: list[Token], index: int) -> int | None:
    """The readings the preposition ``words[index]`` leaves the phrase after it ("für": the
    accusative; "an": the dative or the accusative); None when the word is none of
    ``GOVERNED`` or sets no case there ("bis zu", "der Reihe nach")."""
    if not governs(words, index, frozenset(GOVERNED)):
        return None
    return case_bits(GOVERNED[words[index].lower])


def dative_plural(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1: "mit maximal 8 Plätze"."""
    found = []
    for index, token in enumerate(words):
        if not governs(words, index, DATIVE_PREPOSITIONS):
            continue
        position = index + 1
        while position < len(words) and words[position].lower in _QUANTIFIERS:
            position += 1
        if position + 1 >= len(words) or not _is_quantity(words[position]):
            continue
        if not is_noun(words, position + 1) or not words[position].spaced:
            continue
        noun = words[position + 1]
        bits = noun_bits(noun.text, lex)
        # "ab" also takes the accusative for time ("ab 18 Jahre", Duden); a measure
        # stays as it is ("mit 3 Liter"); a singular form is no plural ("2 Glas")
        allowed = DATIVE_PLURAL | (plural("acc") if token.lower == "ab" else 0)
        if bits & ALL_PLURAL and not bits & allowed and not is_unit(noun.text):
            fix = plural_fix(noun.text, lex)
            phrase = phrase_of(plain, token, noun)
            hint = f": '{fix}'" if fix else ""
            found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' the noun takes "
                                         f"the dative plural{hint}",
                                 refit(phrase, noun.text, fix) if fix else None))
    return found


def _inflect(token: Token, ending: str | None, lex: GrammarLexicon) -> str:
    had = adjective_ending(token.lower, lex.is_word)
    return token.text[: -len(had)] + ending if had and ending else token.text


def _plural_in(noun: Token, case: str, lex: GrammarLexicon) -> str:
    """The plural of ``noun`` in ``case``: "Freunde" -> "Freunden" (dative) and back."""
    if case == "dat":
        return plural_fix(noun.text, lex) or noun.text
    shorter = noun.text[:-1]
    return shorter if noun.text.endswith("n") and noun_bits(shorter, lex) & plural(case) \
        else noun.text


def _case_fixes(phrase: list[Token], bits: int, case: str, lex: GrammarLexicon) -> list[str]:
    """ "deinen Freunden" for "deine Freunde" in the dative: the article, the adjectives
    and, in the plural, the noun, for each genus the noun may have."""
    article, middle, noun = phrase[0], phrase[1:-1], phrase[-1]
    word = article.determiner
    fixes = []
    for genus in dict.fromkeys(g for g, _ in slots_of(bits)):
        noun_form = _plural_in(noun, case, lex) if genus == "pl" else noun.text
        for form in determiner_forms(word, [(genus, case)]):
            endings = adjective_endings_after(form, [(genus, case)])
            adjectives = [_inflect(t, next(iter(endings)), lex) for t in middle]
            fixes.append(" ".join([form, *adjectives, noun_form]))
    return list(dict.fromkeys(fixes))


def _superlative(phrase: list[Token], lex: GrammarLexicon) -> bool:
    """ "mit das Beste", "mit der schönste Ort": "mit" meaning "among", not a dative."""
    for token in phrase:
        ending = adjective_ending(token.lower, lex.is_word)
        if ending and token.lower[: -len(ending)].endswith("st"):
            return True
    return False


def dative_articles(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1b: a preposition of one case before an article and a noun that agree with each
    other but not in that case: "mit deine Freunde", "von das Team", "für dem Kurs"."""
    found = []
    for index, token in enumerate(words[:-1]):
        article = words[index + 1]
        # "ihr" is also "you" and "her" ("mit ihr"); the formal "Ihr" is read (is_article)
        if (not governs(words, index, frozenset(GOVERNED)) or not article.spaced
                or determiner_bits(article.determiner) == 0
                or not is_article(article, token)):  # ", in der Kaffee ...": relative
            continue
        position = noun_after(words, index + 2)
        if position is None:
            continue
        noun = words[position]
        bits = noun_bits(noun.text, lex)
        shared = bits & determiner_bits(article.determiner)
        cases = GOVERNED[token.lower]
        allowed = case_bits(cases)
        if shared and not shared & allowed and not _superlative(
                words[index + 2:position + 1], lex):
            phrase = phrase_of(plain, token, noun)
            unique = list(dict.fromkeys(
                fix for case in cases
                for fix in _case_fixes(words[index + 1:position + 1], shared, case, lex)))
            fix = " or ".join(f"'{form}'" for form in unique)
            names = " or the ".join(CASE_NAMES[case] for case in cases)
            only = f"{token.text} {unique[0]}" if len(unique) == 1 else None
            found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' the {names}"
                                         + (f": {fix}" if fix else ""), only))
    return found


# a bare noun after a dative-only preposition: a plural form that could be no dative; its
# only singular reading may be the old dative "-e" ("dem Freunde"), read as no singular
_NOT_DATIVE_SINGULAR = readings("mfn.nom,gen,acc")


def dative_bare_nouns(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1c: "mit Freunde und Familie" -> "Freunden"."""
    found = []
    for index, token in enumerate(words[:-1]):
        if not governs(words, index, _DATIVE_ONLY) or not is_noun(words, index + 1):
            continue
        noun = words[index + 1]
        bits = noun_bits(noun.text, lex)
        if (bits & ALL_PLURAL and not bits & (DATIVE_PLURAL | _NOT_DATIVE_SINGULAR)
                and not is_unit(noun.text)):
            fix = plural_fix(noun.text, lex)
            phrase = phrase_of(plain, token, noun)
            found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' the noun takes "
                                         "the dative plural" + (f": '{fix}'" if fix else ""),
                                 refit(phrase, noun.text, fix) if fix else None))
    return found


# the heads of nouns for persons: one person is counted, so the singular takes an
# article ("Mit Kaffeefan und Kaffee für dein Team", a ready Instagram draft, bench
# 2026-12-02). Not "Gast" ("zu Gast sein"), "Mensch" or "Kind" (set phrases)
_PERSON_HEADS = ("fan", "freund", "freundin", "liebhaber", "liebhaberin", "trinker",
                 "trinkerin", "kunde", "kundin", "barista", "mitarbeiter", "mitarbeiterin",
                 "kollege", "kollegin", "teilnehmer", "teilnehmerin", "anfänger", "anfängerin",
                 "profi", "experte", "expertin", "nachbar", "nachbarin", "besucher",
                 "besucherin", "junkie", "nerd", "chefin")
_DATIVE_SINGULAR = readings("mfn.dat")
_FEMININE_DATIVE = readings("f.dat")


def dative_bare_persons(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1c, second part: one person after a dative preposition with no article: "mit
    Kaffeefan" -> "mit einem Kaffeefan" or "mit Kaffeefans". Read where the noun's form is
    a dative singular and no dative plural ("mit Kunden" may be many); "von Fan zu Fan"
    is a set phrase."""
    found = []
    for index, token in enumerate(words[:-1]):
        if not governs(words, index, _DATIVE_ONLY) or not is_noun(words, index + 1):
            continue
        noun = words[index + 1]
        head = next((head for head in _PERSON_HEADS if noun.lower.endswith(head)), None)
        # a name is no count noun: "mit Stefan" ends in "fan"
        if head is None or lex.is_name(noun.text) or _paired(words, index):
            continue
        # a compound the index lacks reads as its head ("Kaffeefan" as "Fan")
        bits = noun_bits(noun.text, lex) or noun_bits(head.capitalize(), lex)
        if not bits & _DATIVE_SINGULAR or bits & DATIVE_PLURAL:
            continue
        article = "einer" if bits & _FEMININE_DATIVE else "einem"
        phrase = phrase_of(plain, token, noun)
        found.append(Finding(phrase, f"'{phrase}': one person takes an article, or write the "
                                     f"plural: '{token.text} {article} {noun.text}'"))
    return found


def _paired(words: list[Token], index: int) -> bool:
    """"von Fan zu Fan": the preposition's noun said again after "zu", or before "zu"."""
    noun = words[index + 1].lower
    after = words[index + 2:index + 4]
    before = words[max(0, index - 1):index]
    return ([word.lower for word in after] == ["zu", noun]
            or (words[index].lower == "zu" and [word.lower for word in before] == [noun]))


_DATIVE_MASCULINE_NEUTER = readings("mn.dat")


def bare_phrases(plain: str, words: list[Token], prepositions: frozenset[str]
                 ) -> Iterator[tuple[Token, Token, list[Token], str]]:
    """(preposition, noun, adjectives, lead) of each phrase with no article: one of
    ``prepositions`` that sets the case, maybe a measure ("mit 70 g grob gemahlener
    Kaffee", a ready Threads draft of 2026-12-05: the measured noun takes the case too), at
    least one adjective (``not_adjective``), then the noun; ``lead`` is the phrase's text
    before its adjectives ("mit", "mit 70 g"). A preposition written large inside a
    sentence is rule 15's."""
    for index, token in enumerate(words[:-2]):
        if not governs(words, index, prepositions) or not (
                token.text.islower() or token.sentence_start):
            continue
        start = _after_measure(words, index + 1)
        position = noun_after(words, start)
        if position is None or position == start:
            continue
        adjectives = words[start:position]
        if not any(not_adjective(word, token) for word in adjectives):
            yield token, words[position], adjectives, plain[token.start:words[start - 1].end]


# a unit written short after a number: "70 g", "1,5 l", "200 ml"
_UNIT_SIGNS = frozenset({"g", "kg", "mg", "ml", "cl", "l"})


def _after_measure(words: list[Token], index: int) -> int:
    """The index after a number and its unit at ``index`` ("70 g", "drei Tassen"), else
    ``index``."""
    if index + 2 >= len(words):
        return index
    number, unit = words[index], words[index + 1]
    counted = number.lower in _NUMBER_WORDS or (number.number and not number.ordinal)
    measure = unit.lower in _UNIT_SIGNS or is_measure(unit.text) or is_measure(
        unit.text.removesuffix("n"))
    return index + 2 if counted and measure and unit.spaced else index


def dative_bare_adjectives(plain: str, words: list[Token], lex: GrammarLexicon
                           ) -> list[Finding]:
    """Rule 1d: "zu perfekten Kaffee" -> "perfektem", "mit kalten Wasser" -> "kaltem" (a
    ready Instagram draft of the embedded model, bench 2026-12-01). Without an article the
    adjective of a masculine or neuter noun in the dative ends in -em; read only where every
    dative reading of the noun's form is masculine or neuter singular ("mit frischen Bohnen"
    is a plural, "mit frischer Milch" feminine). Where the form may also be a plural ("mit
    anderen Kaffeetrinker"), the dative plural fits too, and tidy leaves it to the repair."""
    found = []
    for token, noun, adjectives, lead in bare_phrases(plain, words, _DATIVE_ONLY):
        bits = noun_bits(noun.text, lex)
        dative = bits & case_bits(("dat",))
        if not dative or dative & ~_DATIVE_MASCULINE_NEUTER or is_unit(noun.text):
            continue
        endings = [adjective_ending(word.lower, lex.is_word) for word in adjectives]
        # an uninflected word before an adjective says how ("frisch gemahlener", "grob
        # gemahlener Kaffee" stood in a ready Instagram draft, bench 2026-12-02) and stays
        bare = [word for word, ending in zip(adjectives, endings, strict=True) if ending is None]
        inflected = [ending for ending in endings if ending is not None]
        if (any(word.lower not in INTENSIFIERS for word in bare) or not inflected
                or all(ending == "em" for ending in inflected)):
            continue
        fixed = [word.text if ending is None else _inflect(word, "em", lex)
                 for word, ending in zip(adjectives, endings, strict=True)]
        phrase = phrase_of(plain, token, noun)
        fix = " ".join([lead, *fixed, noun.text])
        # "mit anderen Kaffeetrinker" may mean many: then "anderen Kaffeetrinkern" fits too
        many = plural_fix(noun.text, lex) if bits & ALL_PLURAL else None
        if many:
            both = " ".join([lead, *(word.text for word in adjectives), many])
            found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' the dative: "
                                         f"'{fix}' or '{both}'"))
            continue
        found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' an adjective before "
                                     f"'{noun.text}' ends in -em: '{fix}'", fix))
    return found


# quantifiers that decline like adjectives but take no -em here ("aus beiden Gründen",
# "mit allen"); articles and demonstratives are no ``adjective_like`` word at all
_PRONOUN_LIKE = regex.compile(r"^(?:all|beid|viel|einig|wenig|mehrer|ihr|unsr)(?:e|er|en|em|es)?$")
_PARTICIPLE = regex.compile(r"nd(?:e|er|en|em|es)$")


def not_adjective(word: Token, preposition: Token) -> bool:
    """An article, a pronoun, or the participle of "der zu verwendende Editor" (after
    "zu", a present participle is no adjective of a phrase the preposition governs)."""
    lower = word.lower
    gerundive = preposition.lower == "zu" and _PARTICIPLE.search(lower) is not None
    return not adjective_like(word) or _PRONOUN_LIKE.match(lower) is not None or gerundive
