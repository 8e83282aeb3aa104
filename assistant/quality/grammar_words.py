"""The words the German grammar rules look at (pure): tokens, articles, nouns.

Articles and possessives are generated from two paradigms (the definite article and the
ein-words), so the readings of "einem" and the suggestion "einem" for a masculine
dative come from one table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import regex

from assistant.quality.calendar_words import ANY_MONTH
from assistant.quality.nounforms import CASES, plural, readings, singular
from assistant.quality.textnorm import strip_markup

# slot of a paradigm: a genus ("m", "f", "n") or "pl", and a case
Slot = tuple[str, str]

_DEFINITE = {"m": ("der", "des", "dem", "den"), "f": ("die", "der", "der", "die"),
             "n": ("das", "des", "dem", "das"), "pl": ("die", "der", "den", "die")}
_EIN_ENDINGS = {"m": ("", "es", "em", "en"), "f": ("e", "er", "er", "e"),
                "n": ("", "es", "em", ""), "pl": ("e", "er", "en", "e")}
# the ein-words: "ein" has no plural; "Ihr" (formal) is only an article when capitalised
# inside a sentence ("ihr" is also "you"), "euer" loses its e before an ending
EIN_STEMS = ("ein", "kein", "mein", "dein", "sein", "unser", "euer", "Ihr")


def _slot_bits(slot: Slot) -> int:
    genus, case = slot
    return plural(case) if genus == "pl" else singular(genus, case)


def _ein_forms(stem: str) -> dict[str, list[Slot]]:
    forms: dict[str, list[Slot]] = {}
    for genus, endings in _EIN_ENDINGS.items():
        if genus == "pl" and stem == "ein":
            continue
        for case, ending in zip(CASES, endings, strict=True):
            base = "eur" if stem == "euer" and ending else stem
            forms.setdefault(base + ending, []).append((genus, case))
    return forms


def _paradigms() -> dict[str, list[Slot]]:
    table: dict[str, list[Slot]] = {}
    for genus, words in _DEFINITE.items():
        for case, word in zip(CASES, words, strict=True):
            table.setdefault(word, []).append((genus, case))
    for stem in EIN_STEMS:
        for word, slots in _ein_forms(stem).items():
            table.setdefault(word, []).extend(slots)
    return table


DETERMINERS: dict[str, list[Slot]] = _paradigms()
# "dieser", "jener" and "jeder" decline with the definite article's endings ("jeder" has
# no plural). Rule 3 reads them as articles ("Wir rösten dieses Filterkaffee", a ready
# Facebook draft, bench 2026-12-03); the other rules leave them alone, since each may also
# stand alone as a pronoun ("Diese sind ...")
_DER_ENDINGS = {"m": ("er", "es", "em", "en"), "f": ("e", "er", "er", "e"),
                "n": ("es", "es", "em", "es"), "pl": ("e", "er", "en", "e")}
DER_STEMS = ("dies", "jen", "jed")


def _der_forms(stem: str) -> dict[str, list[Slot]]:
    forms: dict[str, list[Slot]] = {}
    for genus, endings in _DER_ENDINGS.items():
        if genus == "pl" and stem == "jed":
            continue
        for case, ending in zip(CASES, endings, strict=True):
            forms.setdefault(stem + ending, []).append((genus, case))
    return forms


DEMONSTRATIVES: dict[str, list[Slot]] = {
    word: slots for stem in DER_STEMS for word, slots in _der_forms(stem).items()}
PREPOSITIONS = frozenset({"in", "an", "auf", "mit", "bei", "von", "zu", "aus", "für", "über",
                          "unter", "vor", "hinter", "nach", "durch", "gegen", "ohne", "um",
                          "seit", "neben", "zwischen", "während", "wegen", "trotz", "ab"})
# an article fused with its preposition: the word after it is a noun ("im Café")
FUSED_ARTICLES = frozenset({"im", "am", "zum", "zur", "beim", "vom", "ins", "ans", "aufs"})
# the modal verbs' forms (the subjunctive too): the infinitive after one is theirs
MODAL_FORMS = frozenset({
    "kann", "kannst", "können", "könnt", "könnte", "könntest", "könnten", "könntet",
    "muss", "musst", "müssen", "müsst", "soll", "sollst", "sollen", "sollt", "sollte",
    "solltest", "sollten", "will", "willst", "wollen", "wollt", "darf", "darfst", "dürfen",
    "dürft", "möchte", "möchtest", "möchten", "möchtet", "würde", "würdest", "würden",
    "würdet",
})

DEFINITE = frozenset(w for words in _DEFINITE.values() for w in words)


def determiner_bits(word: str) -> int:
    slots = DETERMINERS.get(word) or DEMONSTRATIVES.get(word, [])
    return sum({_slot_bits(s) for s in slots})


def determiner_forms(like: str, slots: list[Slot]) -> list[str]:
    """The forms of the article family of ``like`` ("einer" -> ein-) for ``slots``."""
    if like in DEFINITE:
        found = [_DEFINITE[g][CASES.index(c)] for g, c in slots]
    elif like in DEMONSTRATIVES:
        forms = _der_forms(like[:-2] if like.endswith(("er", "es", "em", "en")) else like[:-1])
        found = [w for w, have in forms.items() for slot in slots if slot in have]
    else:
        stem = next(s for s in sorted(EIN_STEMS, key=len, reverse=True)
                    if like.startswith(s) or (s == "euer" and like.startswith("eur")))
        forms = _ein_forms(stem)
        found = [w for w, have in forms.items() for slot in slots if slot in have]
    return list(dict.fromkeys(found))


_LAST_DAY = 31


def _day_number(text: str) -> bool:
    return text.isdigit() and 1 <= int(text) <= _LAST_DAY


@dataclass(frozen=True)
class Token:
    """A word or number of a post, with what stands before it."""

    text: str
    start: int
    end: int
    sentence_start: bool  # first of the post, a line or a sentence
    after_comma: bool
    ordinal: bool  # a number followed by "." or ":" (a date, a time)
    in_date: bool  # the gap before it is a date's: "12. Dezember", "24. bis 26.", "24.–26."
    spaced: bool  # only spaces since the previous token: "ein – so" is no phrase
    gendered: bool  # "Röster:in", "eine:n": the rules leave gender forms alone

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() and not self.text.isupper()

    @property
    def number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def day(self) -> bool:
        """A day of a date: "24." or "24.12." ("von 0. bis 1." is a range of numbers)."""
        return self.ordinal and _day_number(self.text.split(".")[0])

    @property
    def bare_day(self) -> bool:
        """A number that may be a day, written without its dot ("24", not "24." or "0")."""
        return not self.ordinal and _day_number(self.text)

    @property
    def determiner(self) -> str:
        """The key of ``DETERMINERS`` for this word: the formal "Ihr" keeps its capital."""
        return self.text if self.text in DETERMINERS else self.lower


_TOKEN = regex.compile(r"\p{L}+(?:['’\-]\p{L}+)*-?|\d+(?:[.,]\d+)*")
_SENTENCE_END = regex.compile(r"[.!?:;\n]")
_GENDER_MARK = regex.compile(r"[:*_/]\p{L}|Innen")


def tokens(text: str) -> tuple[str, list[Token]]:
    """The post without links, tags and handles, and its tokens."""
    plain = strip_markup(text)
    matches = list(_TOKEN.finditer(plain))
    found: list[Token] = []
    for index, match in enumerate(matches):
        gap = plain[found[-1].end if found else 0:match.start()]
        following = plain[match.end():match.end() + 2]
        in_date = bool(found) and _in_date(found[-1], gap,
                                           [ahead.group() for ahead in matches[index:index + 2]])
        found.append(Token(
            text=match.group(), start=match.start(), end=match.end(),
            sentence_start=not found or (bool(_SENTENCE_END.search(gap)) and not in_date),
            after_comma="," in gap,
            ordinal=match.group()[0].isdigit() and regex.match(r"[.:]\d?", following) is not None,
            in_date=in_date,
            spaced=not gap.strip(" \t"),
            gendered=_GENDER_MARK.match(following) is not None,
        ))
    return plain, found


# the dot after a day, on one line, and the dash of a span of days ("24.–26.")
_DATE_DOT = regex.compile(r"\.[ \t]*(?P<dash>[-–][ \t]*)?")
# the words between the days of a span, lower case: "Und" after a dot opens a sentence
_SPAN_WORDS = frozenset({"bis", "und"})


def _in_date(before: Token, gap: str, ahead: list[str]) -> bool:
    """Whether the dot in ``gap`` is a day's and the date goes on: a month follows ("am 12.
    Dezember", "1. Jan", either language) or the span's next day ("24. bis 26.", "24. und
    25.", "24.–26."). "Wir sind am 12. Danach ist zu." stays two sentences: only a month or
    a span tells the dot from a sentence's end."""
    dot = _DATE_DOT.fullmatch(gap)
    if dot is None or not before.day:
        return False
    word, after = ahead[0], ahead[1:]
    if dot.group("dash"):
        return word[:1].isdigit()
    return word.casefold() in ANY_MONTH or (
        word in _SPAN_WORDS and bool(after) and after[0][:1].isdigit())


@dataclass(frozen=True)
class GrammarLexicon:
    """What the rules know: noun forms (lower case -> reading bits), whether a word is in
    the dictionary (lower-cased adjectives and verbs) and whether it is a name; and the
    names of several words that the brief and the kit's examples give a genus ("die French
    Press": ``grammar_names``), lower case, words joined by one space -> reading bits."""

    nouns: Mapping[str, int]  # lower-cased form -> reading bits
    is_word: Callable[[str], bool]
    is_name: Callable[[str], bool]
    names: Mapping[str, int] = field(default_factory=dict)
    # places only (the noun index's toponyms: "Hamburg", "Kolumbien"), of those ``is_name``
    # knows
    places: frozenset[str] = frozenset()


_MIN_HEAD = 4  # "Kurs", "Team": shorter tails match too much by chance
# shorter heads that no German word ends in by chance: "Kaffeefan, die ..." (a draft of the
# bench, 2026-12-05) got no genus, so rule 13 could not read its relative pronoun
_SHORT_HEADS = frozenset({"fan"})
_MIN_FRONT = 3
_INFINITIVE = regex.compile(r"(?:en|ern|eln)$")
NEUTER_SINGULAR = readings("n.nom,gen,dat,acc")
ADJECTIVE_ENDINGS = ("e", "er", "en", "es", "em")
ANY = readings("mfn.nom,gen,dat,acc pl.nom,gen,dat,acc")


def is_adjective_stem(stem: str, is_word: Callable[[str], bool]) -> bool:
    """Whether ``stem`` (lower case) takes every ending of a declined adjective ("neu":
    neue, neuer, neues, neuen, neuem are all words; "test" fails on "testem")."""
    return all(is_word(stem + ending) for ending in ADJECTIVE_ENDINGS)


def has_infinitive_form(lower: str, is_word: Callable[[str], bool]) -> bool:
    """Whether ``lower`` reads as a verb's infinitive: a word whose stem with -e is one too
    ("rösten", "röste"; "offen" fails on "offe")."""
    return is_word(lower) and is_word(lower[:-1])


def adjective_ending(lower: str, is_word: Callable[[str], bool]) -> str | None:
    """The ending of a declined adjective (all of neue, neuer, neues, neuen, neuem are
    words; a verb such as "teste" fails on "testem"), or None."""
    for ending in ("er", "es", "en", "em", "e"):
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) > 1 and is_adjective_stem(stem, is_word):
            return ending
    return None


# usage Wiktionary's entries lack: "die Barista" (Duden: der oder die), the holidays as
# plurals ("Frohe Ostern"); an extra reading can only silence the rules, never add a flag
_EXTRA_READINGS = {
    "barista": readings("f.nom,gen,dat,acc"),
    "ostern": readings("pl.nom,gen,dat,acc"),
    "weihnachten": readings("pl.nom,gen,dat,acc"),
    "pfingsten": readings("pl.nom,gen,dat,acc"),
}
# readings Wiktionary has that a post written in Germany never means: "das Kaffee" is
# Austrian for the coffee house (here "das Café"); the drink is "der Kaffee". The 1.5B model
# wrote "ein gutes Kaffee", "das Kaffee" in 4 of 312 bench drafts, 2 of them ready
# (2026-11-30), and the neuter reading let each pass. Here for every rule and every
# compound read by its head (Röstkaffee); rule 5 had this as a special case of its own
# "Haus" is also the genitive of the rare "der Hau" (a blow), so "im Herzen des alten
# Kontorhaus" (the model's, for "des alten Kontorhauses"; bench, 2026-12-03) passed rule 3,
# and so would any "-haus" compound. "das Grad" is an old unit's genus (Duden: "der Grad"),
# and let "Hier ist das Mahlgrad für die French Press" pass (a ready Mastodon draft, bench
# 2026-12-04)
_REGIONAL_READINGS = {
    "kaffee": NEUTER_SINGULAR,
    "haus": readings("m.gen"),
    "grad": NEUTER_SINGULAR,
}
# masculine and neuter measures stay uninflected after a number ("mit 3 Liter Milch",
# "mit 2 Becher Kaffee"); a compound ending in one is one too (Kaffeebecher)
UNITS = frozenset({"liter", "meter", "gramm", "kilogramm", "kilo", "zentimeter", "millimeter",
                   "kilometer", "milliliter", "zentiliter", "deziliter", "becher", "glas",
                   "sack", "fass", "pfund", "grad", "prozent", "euro", "dollar", "cent",
                   "franken", "stück", "mal", "paar", "dutzend", "karton", "löffel", "beutel",
                   "kasten", "schuss", "zentner", "shot", "shots"})
# what may stand before the noun it measures: "eine Tasse Kaffee", "ein Stück Kuchen"
_MEASURES = UNITS | {"tasse", "kanne", "packung", "portion", "scheibe", "flasche", "prise",
                     "dose", "tüte", "schale", "handvoll", "kiste", "sorte", "runde", "ladung",
                     "art", "menge", "kilo", "pfund"}
_MIN_UNIT_TAIL = 5


def _ends_in(key: str, words: frozenset[str]) -> bool:
    return key in words or any(key.endswith(w) for w in words if len(w) >= _MIN_UNIT_TAIL)


def is_unit(word: str) -> bool:
    return _ends_in(word.lower(), UNITS)


def is_measure(word: str) -> bool:
    return _ends_in(word.lower(), _MEASURES)


# pronouns written capitalised (formal "Sie", "Ihnen"; "Dir" in letters) are no nouns
PRONOUNS = frozenset({"sie", "ihnen", "ihr", "du", "dich", "dir", "euch", "ich", "wir", "es",
                      "er", "man", "uns", "mich", "mir", "ihm", "ihn", "dein", "deine"})


def _known(key: str, nouns: Mapping[str, int]) -> int:
    return (nouns.get(key, 0) & ~_REGIONAL_READINGS.get(key, 0)) | _EXTRA_READINGS.get(key, 0)


# an English gerund ("Cupping", "Setting", "Jogging") is a neuter noun in German; read as a
# compound it ended in a German noun ("Cup|ping": der Ping) and "Das Cupping" got a false
# warning. Only after a doubled consonant: "-ling" (der Frühling) and "-ring" stay German.
_ENGLISH_GERUND = regex.compile(r"(?:pp|tt|nn|mm|gg|bb|dd)ing$")


# a front part ending so takes the joining s ("Ausrüstung-s-tag"): the head starts after
# it, and may be short ("tag"); read from the s on, it was "Stag" (neuter): a false warning
_JOINED_BY_S = ("ung", "heit", "keit", "schaft", "ion", "tät")


def _compound_bits(key: str, nouns: Mapping[str, int]) -> int:
    """The readings of the longest known noun a compound ends in (röstkurs -> kurs)."""
    head = compound_head(key, nouns)
    return 0 if head is None else _known(head, nouns)


def compound_head(key: str, nouns: Mapping[str, int]) -> str | None:
    """The longest known noun that the folded compound ``key`` ends in (röstkurs -> kurs,
    weihnachtsmischung -> mischung), or None."""
    for cut in range(_MIN_FRONT, len(key) - 2):
        front, head = key[:cut], key[cut:]
        if front.endswith(_JOINED_BY_S) and head.startswith("s"):
            continue  # the joining s, not the head's first letter
        if len(head) < _MIN_HEAD and head not in _SHORT_HEADS and not (
                front.endswith(_JOINED_BY_S, 0, -1) and front.endswith("s")):
            continue
        if _known(head, nouns):
            return head
    return None


# countries (and the coffee regions the kits name) that take no article in German: no
# noun reading, so no rule judges an article by a guessed genus ("Ham|burg" is no Burg);
# grammar_places reads the article before them
ARTICLE_LESS_COUNTRIES = frozenset({
    "Kolumbien", "Guatemala", "Äthiopien", "Brasilien", "Kenia", "Peru", "Honduras",
    "Ruanda", "Burundi", "Indonesien", "Vietnam", "Mexiko", "Nicaragua", "Tansania",
    "Uganda", "Panama", "Bolivien", "Ecuador", "Jamaika", "Sumatra", "Indien",
    "China", "Japan", "Deutschland", "Österreich", "Italien", "Frankreich",
    "Spanien", "Portugal", "Dänemark", "Schweden", "Norwegen", "Finnland", "Polen",
    "Belgien", "England", "Irland", "Griechenland", "Kanada", "Australien", "Neuseeland",
    "Chile", "Argentinien", "Kuba", "Huila", "Sidamo", "Yirgacheffe", "Hamburg",
})


def noun_bits(word: str, lex: GrammarLexicon) -> int:
    """Every reading the noun ``word`` may have; 0 when it is unknown: the rules then say
    nothing. A hyphenated compound is read by its last part."""
    last = word.rstrip("-").rsplit("-", 1)[-1]
    key = last.lower()
    if len(key) < 2 or key in PRONOUNS or last in ARTICLE_LESS_COUNTRIES:
        return 0
    bits = _known(key, lex.nouns) or (NEUTER_SINGULAR if _ENGLISH_GERUND.search(key)
                                       else _compound_bits(key, lex.nouns))
    # any infinitive can be a neuter noun: "beim Rösten", "zum Mitnehmen"
    if _INFINITIVE.search(key) and lex.is_word(key):
        bits |= NEUTER_SINGULAR
    # an adjective used as a noun takes any genus: "das Doppelte", "die Neue"
    if adjective_ending(key, lex.is_word):
        bits |= ANY
    return bits


# an adjective's ending after an article: the definite article leaves -e in five slots
# (der neue, die neue, das neue; die neue, das neue), an ein-word -er/-e/-es in the
# nominative (ein neuer, eine neue, ein neues) and -e/-es in the accusative; -en elsewhere
_AFTER_DEFINITE = {("m", "nom"): "e", ("f", "nom"): "e", ("n", "nom"): "e",
                   ("f", "acc"): "e", ("n", "acc"): "e"}
_AFTER_EIN = {("m", "nom"): "er", ("f", "nom"): "e", ("n", "nom"): "es",
              ("f", "acc"): "e", ("n", "acc"): "es"}


def adjective_endings_after(article: str, slots: list[Slot]) -> set[str]:
    """The endings an adjective may take between ``article`` and a noun read as ``slots``."""
    table = _AFTER_DEFINITE if article.lower() in DEFINITE else _AFTER_EIN
    return {table.get(slot, "en") for slot in slots}


def sentences(words: list[Token]) -> Iterator[list[Token]]:
    """The tokens sentence by sentence (the dot of "am 12. Dezember" ends none: ``tokens``)."""
    sentence: list[Token] = []
    for token in words:
        if sentence and token.sentence_start:
            yield sentence
            sentence = []
        sentence.append(token)
    if sentence:
        yield sentence
