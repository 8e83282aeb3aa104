"""The phrases the German grammar rules read (pure): an article or a preposition, optional
adjectives and a noun, and how a finding about one looks."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from assistant.quality.grammar_words import (
    ADJECTIVE_ENDINGS,
    DEFINITE,
    DETERMINERS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    is_measure,
    noun_bits,
)
from assistant.quality.nounforms import CASES, DATIVE_PLURAL, plural, singular

# lower-case words that end like an adjective but are none ("ein bisschen Milch")
_NOT_ADJECTIVES = frozenset({"bisschen", "paar", "oder", "aber", "über", "unter", "hinter",
                             "wieder", "immer", "heute", "gerne", "morgen", "eher", "lieber",
                             "ohne", "seine", "sondern", "außer", "jeder", "diese", "sowie"})
# uninflected words that say how, before an adjective ("sehr gut", "frisch gemahlener")
INTENSIFIERS = frozenset({"sehr", "besonders", "ganz", "extra", "richtig", "echt", "so", "noch",
                          "super", "wirklich", "absolut", "frisch", "neu", "erst", "grob",
                          "fein", "mittelfein", "leicht"})
_MAX_ADJECTIVES = 4
_JOINING = frozenset({"und", "oder"})
_MIN_APPOSED = 6  # letters of a noun before a name that heads it ("Hafermolkerei Elbhof")
# small words that are no adverb of the adjective after them
_FUNCTION_WORDS = frozenset({*DETERMINERS, *PREPOSITIONS, *FUSED_ARTICLES, "und", "oder",
                             "aber", "sondern", "als", "wie", "zu", "nicht", "kein", "sowie"})
# words before a comma that no relative clause refers to
GREETINGS = frozenset({"hey", "hallo", "hi", "moin", "ja", "nein", "achtung", "psst", "tja",
                       "na", "oh", "ach", "leute", "freunde", "wow", "juhu", "yay"})


@dataclass(frozen=True)
class Finding:
    phrase: str
    message: str
    # the phrase as it must read, when exactly one correction fits (tidy applies it)
    fix: str | None = None


def refit(phrase: str, old: str, new: str) -> str:
    """``phrase`` with its last occurrence of ``old`` (the word to correct) as ``new``."""
    start, _, tail = phrase.rpartition(old)
    return f"{start}{new}{tail}"


# articles, possessives and demonstratives end like adjectives but open a phrase of their
# own: "eine der besten Bohnen", "Einer unserer Röster", "Die erste dieser Bohnen" are a
# part of a whole (a genitive), no article, adjective and noun out of agreement
_DEMONSTRATIVE = regex.compile(r"^(?:dies|jen|jed|welch|manch|solch)(?:e|er|en|em|es)$")


def adjective_like(token: Token) -> bool:
    word = token.text
    return (word.islower() and word not in _NOT_ADJECTIVES and word not in DETERMINERS
            and not _DEMONSTRATIVE.match(word)
            and (word in INTENSIFIERS or word.endswith(ADJECTIVE_ENDINGS)))


def is_noun(words: list[Token], position: int) -> bool:
    """A capitalised word joined to the phrase by spaces only. One followed by another
    capitalised word is left alone ("einen Flat White", "die Happy Hour" are names) unless
    it measures the next ("eine Tasse Kaffee")."""
    token = words[position]
    after = words[position + 1] if position + 1 < len(words) else None
    joined = after is not None and after.spaced and after.capitalised and not is_measure(
        token.text)
    # "die Kaffee- und Teeliebhaber": a word cut at its hyphen has its head further on
    cut = token.text.endswith("-")
    return token.capitalised and token.spaced and not token.gendered and not joined and not cut


def noun_after(words: list[Token], index: int) -> int | None:
    """The index of the noun after optional adjectives from ``index`` on, or None; two
    adjectives may be joined by "und" or "oder" ("eine warme und köstliche Erlebnis", a
    ready draft of the bench, 2026-12-02: the article rule read no phrase there)."""
    position = _first_capitalised(words, index)
    return position if position is not None and is_noun(words, position) else None


def _first_capitalised(words: list[Token], index: int) -> int | None:
    """The index of the first word written large from ``index`` on, after adjectives only
    (joined by "und"/"oder", or with an adverb before one); None when another word, or
    one not set off by a space, comes first."""
    for position in range(index, min(index + _MAX_ADJECTIVES + 1, len(words))):
        token = words[position]
        if not token.spaced:
            return None
        if token.capitalised:
            return position
        if not (adjective_like(token) or _joins_adjectives(words, position, index)
                or _adverb_before_adjective(words, position)):
            return None
    return None


def _adverb_before_adjective(words: list[Token], position: int) -> bool:
    """Whether ``words[position]`` is an uninflected word that says how of the inflected
    adjective after it: "ein qualitativ hochwertiges Rösterei" (a ready LinkedIn draft,
    bench 2026-12-04) is read as "ein hochwertiges Rösterei"."""
    token = words[position]
    after = words[position + 1] if position + 1 < len(words) else None
    return (after is not None and after.spaced and token.text.isalpha() and token.text.islower()
            and token.lower not in _FUNCTION_WORDS
            and not token.lower.endswith(ADJECTIVE_ENDINGS) and after.text.islower()
            and after.lower.endswith(ADJECTIVE_ENDINGS) and adjective_like(after))


def _joins_adjectives(words: list[Token], position: int, first: int) -> bool:
    """Whether ``words[position]`` is "und" or "oder" between two adjectives of a phrase
    that begins at ``first``."""
    return (words[position].lower in _JOINING and first < position < len(words) - 1
            and adjective_like(words[position - 1]) and adjective_like(words[position + 1]))


def name_after(words: list[Token], index: int) -> tuple[int, int] | None:
    """The first and last index of a name of two or more capitalised words after optional
    adjectives from ``index`` on ("die neue French Press", "einen Flat White"), which
    :func:`noun_after` leaves alone; None where there is none. The adjectives are read as
    there ("ein einfaches und effizientes Cold Brew-Tipp")."""
    position = _first_capitalised(words, index)
    if position is None or words[position].gendered:
        return None
    last = position
    while last + 1 < len(words) and _continues_name(words[last + 1]):
        last += 1
    return (position, last) if last > position else None


def _continues_name(token: Token) -> bool:
    return (token.spaced and token.capitalised and not token.sentence_start
            and not token.gendered)


def name_key(words: list[Token], first: int, last: int) -> str:
    return " ".join(token.lower for token in words[first:last + 1])


@dataclass(frozen=True)
class Head:
    """The head of a phrase: a noun, or a name of several words the lexicon has learned."""

    first: int
    last: int
    bits: int  # 0: unknown, the rules say nothing
    label: str  # the noun or the whole name, as written


def head_after(plain: str, words: list[Token], index: int, lex: GrammarLexicon) -> Head | None:
    """The noun after ``index`` (and optional adjectives), or else a learned name there. A
    name whose first word is a known noun and whose others are none is that noun's
    (an apposition: "die Hafermolkerei Elbhof" is a Molkerei), so "mit dem Hafermolkerei
    Elbhof" (a ready Instagram draft, bench 2026-12-04) is read, though the brief's "der"
    alone would allow a masculine name."""
    position = noun_after(words, index)
    if position is not None:
        noun = words[position]
        return Head(position, position, noun_bits(noun.text, lex), noun.text)
    run = name_after(words, index)
    if run is None:
        return None
    first, last = run
    parts = [noun_bits(token.text, lex) for token in words[first:last + 1]]
    # short words are often another language's ("einen Flat White": "Flat" is German too)
    head = parts[0] if len(words[first].text) >= _MIN_APPOSED else 0
    if any(parts[1:]):
        head = 0
    learned = lex.names.get(name_key(words, first, last), 0)
    bits = (head & learned if learned else head) if head else learned
    if not learned and "-" in words[last].text.strip("-") and not any(parts[:-1]) and all(
            token.text.isalpha() for token in words[first:last]):
        # words of another language and a compound, with a space for its first hyphen, are
        # the compound's last part's: "Ein einfaches und effizientes Cold Brew-Tipp" (a
        # ready Mastodon draft, bench 2026-12-07) is a "Cold-Brew-Tipp", a Tipp masculine;
        # after a German noun the compound is its name ("das Feld Build-Kernel-Version")
        bits = parts[-1]
    return Head(first, last, bits, plain[words[first].start:words[last].end]) if bits else None


def phrase_of(plain: str, first: Token, last: Token) -> str:
    return " ".join(plain[first.start:last.end].split())


def plural_fix(noun: str, lex: GrammarLexicon) -> str | None:
    for candidate in (noun + "n", noun + "en"):
        if noun_bits(candidate, lex) & DATIVE_PLURAL:
            return candidate
    return None


def slots_of(bits: int) -> list[tuple[str, str]]:
    slots = [(g, c) for g in ("m", "f", "n") for c in CASES if bits & singular(g, c)]
    return slots + [("pl", c) for c in CASES if bits & plural(c)]


def is_article(token: Token, previous: Token | None) -> bool:
    if token.gendered:
        return False
    if token.text not in DETERMINERS and token.lower not in DETERMINERS:
        return False
    if token.lower.startswith("ihr"):
        # "ihr" is also "you"; the formal "Ihr" is capitalised inside a sentence
        return token.text.startswith("Ihr") and not token.sentence_start
    if token.lower in DEFINITE:
        # after a comma "der/die/das" opens a relative clause
        # ("alle, die Kaffee lieben", "der Laden, in dem Kundinnen ..."), but not after a
        # greeting, which no relative clause can refer to ("Hey, das Röstkurs ...")
        relative = (token.after_comma and not (previous and previous.lower in GREETINGS)) or (
            previous is not None and previous.after_comma and previous.lower in PREPOSITIONS)
        return not relative and not (previous and previous.lower in {"alle", "was"})
    return True
