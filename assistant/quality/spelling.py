"""Words that are in no dictionary for the post's language (pure over a ``Dictionary``).

German compounds are open-ended; Hunspell's compound rules know many (Filterkaffee,
Kaffeekontor) but not all (Röstkurs, Kontorhaus), so a word also passes when it splits
into known words with the usual joints (Röst|kurs from rösten, Anmeldungs|formular).
German posts borrow English freely (Cold Brew, Cupping), so an English word passes there,
except the English function words and plain adjectives that German never borrows ("ein
small Rösterei") and an English word written small after a German article or preposition
or alone between German words ("eine unique addition", "super mellow und").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from assistant.models import Problem
from assistant.quality.context import problem
from assistant.quality.dictionary import Dictionary
from assistant.quality.grammar_words import (
    DETERMINERS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    adjective_ending,
    has_infinitive_form,
)
from assistant.quality.nouns import noun_index
from assistant.quality.textnorm import CLITIC, strip_markup

# a word: letters with inner apostrophes, hyphens and gender marks; never touching a digit
_TOKEN = regex.compile(r"(?<![\p{L}\p{N}])\p{L}+(?:['’\-:*_/]\p{L}+)*['’]?(?![\p{N}])")
# a letter of another script stands alone where a small model slipped into another
# language: "Wir freuen,함" (a ready LinkedIn draft, bench 2026-12-04); a Latin one alone is
# an abbreviation or a list's mark ("a)", "m/w/d")
_FOREIGN_LETTER = regex.compile(r"[^\p{Script=Latin}]")
# gender marks: Röster:in, Kund*innen, eine:n, jede_r, KundInnen
_GENDER = regex.compile(r"(?:[:*_/](?:innen|in|n|r|e|er|en)|Innen)$")
_MIN_PART = 3
_MAX_PARTS = 3
SHOWN_WORDS = 5
SUGGESTED = 3
MAX_NEAR = 20


@dataclass(frozen=True)
class Lexicon:
    """The dictionaries for one post: its language's, the ones a word may also come from
    (British next to US English; English inside German posts) and the brand's own words
    (case-folded)."""

    main: Dictionary
    others: tuple[Dictionary, ...]
    own: frozenset[str]
    compounds: bool
    nouns: frozenset[str] = frozenset()  # German: the sources' capitalised words, folded
    # words of another language that this one never borrows (``ENGLISH_FUNCTION_WORDS``
    # for German, less the brief's words and the kit's names and word list), whatever the
    # other dictionaries and the kit's other texts say
    foreign: frozenset[str] = frozenset()


# English words that a German post never borrows: articles, pronouns, prepositions,
# conjunctions, auxiliaries and plain adjectives. German borrows English nouns ("Cold
# Brew", "Team", "Cupping") and a few words of its own ("cool", "happy", "to go"), so the
# English dictionary stays a source for German posts; these passed through it: "Wir sind
# ein small Rösterei mit Café" was a ready Instagram draft (bench, 2026-12-02). Only
# words the German dictionary does not know as written small are listed.
ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "and", "our", "we", "is", "are", "with", "for", "of", "at", "on", "by", "from",
    "this", "that", "your", "you", "my", "me", "us", "it", "its", "be", "been", "has",
    "have", "had", "would", "can", "could", "but", "or", "if", "small", "fresh", "good",
    "great", "big", "free", "nice", "easy", "new",
    # English spellings of words German writes its own way: "Ich habe ein super tip für
    # ..." was a ready Threads draft (bench, 2026-12-02); German writes "Tipp"
    "tip", "tips"})


def _joints(head: str) -> list[str]:
    """What a compound's first part may stand for: Röst -> rösten, Anmeldungs -> Anmeldung."""
    lower = head.lower()
    forms = [head, head.capitalize(), lower + "en", lower + "n"]
    if not lower.endswith("e"):
        # a dropped final e (Schul|buch, Kirsch|kuchen), never from a word in -ee: "Kaffe|
        # junkie" is a slip for Kaffee, and it stood in a ready draft (CLI, 2026-11-30)
        forms.append(head.capitalize() + "e")
    if head.endswith("s") and len(head) > _MIN_PART + 1:
        forms.append(head[:-1])
    if head.endswith("es") and len(head) > _MIN_PART + 2:
        forms.append(head[:-2])
    return forms


# no compound ends in an article, a preposition or a pronoun: "anmeldden" is no
# "anmeld|den" (a LinkedIn draft, bench 2026-12-02)
_CLOSED_WORDS = frozenset({*DETERMINERS, *PREPOSITIONS, *FUSED_ARTICLES, *PRONOUNS})
# nor does one begin with an adverb of direction that Hunspell's own compounding does not
# know there: "Herausfassung" (for Herausforderung) passed as heraus|Fassung and as
# her|Aus|fassung in a ready LinkedIn job ad (bench 2026-12-03); the real ones
# (Herausgabe, Weiterbildung, Zusammenarbeit, Zurückgabe) are in the dictionary
_ADVERB_HEADS = frozenset({"heraus", "herein", "hinaus", "hinein", "hinzu", "vorbei",
                           "zurück", "weiter", "dabei", "zusammen", "hierher", "daher", "her",
                           "hin"})


def _compound(word: str, lex: Lexicon, parts: int) -> bool:
    if parts < 2 or len(word) < 2 * _MIN_PART:
        return False
    for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if head.lower() in _ADVERB_HEADS or _infinitive_head(head, word, lex) \
                or _er_joint(head, lex):
            continue
        if not any(lex.main.spell(form) for form in _joints(head)):
            continue
        # a capitalised compound ends in a noun (Röst|kurs); a small one in an adjective
        # or verb (kaffee|braun), never in a noun ("röstkurs" is a misspelling)
        tails = [tail[0].upper() + tail[1:], tail] if word[0].isupper() else [tail]
        if tail.lower() in _CLOSED_WORDS:
            continue
        if any(lex.main.spell(t) or t.casefold() in lex.own or _compound(t, lex, parts - 1)
               for t in tails):
            return True
    return False


def _er_joint(head: str, lex: Lexicon) -> bool:
    """A noun in -er joins a compound without an "s" (Lehrer|zimmer, Röster|kurs): "eine
    interessante Röstersreise" (for a reading in the Kontor, a ready Instagram draft in the
    browser, 2026-12-07) passed as Rösters|reise. Most old ones that have it are in the
    dictionary (Jägersmann, Bäckersfrau); "Winterszeit" is not, and is flagged. An
    adjective in -ers ("invers|artig") is no noun. On the German man pages it flags one
    word more, a slip: "Benutzernamme"."""
    noun = head[:-1]
    return len(head) > _MIN_PART + 2 and head[0].isupper() and noun.endswith("er") \
        and bool(lex.main.spell(noun))


def _infinitive_head(head: str, word: str, lex: Lexicon) -> bool:
    """A small compound never begins with a whole infinitive: a verb joins by its stem
    (röst|frisch), so "röstenweise" ("Mit dieser röstenweise können wir ...", a German
    draft, bench 2026-12-06) is no word. An infinitive is an "-en" word whose "-e" form is
    one too (rösten, röste); "offen", "golden" and "eigen" are none."""
    return word.islower() and head.endswith("en") and has_infinitive_form(head, lex.main.spell)


def is_known(word: str, lex: Lexicon) -> bool:
    """True when some dictionary, the brand or a rule of word formation knows ``word``,
    and it is not one of ``lex.foreign``."""
    if lex.main.spell(word):
        return True
    if word.lower() in lex.foreign:
        return False
    if _own(word, lex):
        return True
    stripped = _GENDER.sub("", CLITIC.sub("", word))
    if stripped != word:
        # the base ("Röster:in" -> Röster) or the joined form ("Kund:innen" -> Kundinnen)
        joined = regex.sub(r"[:*_/]", "", word)
        return bool(stripped) and (is_known(stripped, lex) or lex.main.spell(joined))
    if "-" in word or "/" in word:
        # "Barista-Kurs", "m/w/d": each part on its own (single letters are abbreviations)
        return all(is_known(part, lex) for part in regex.split(r"[-/]", word) if len(part) > 1)
    if _english(word, lex):
        return not _respelled(word, lex)
    # a compound is written small after its first letter: "demFair" (two words run
    # together, a ready Instagram draft, bench 2026-12-05) is none, a brand's "PayPal" is
    # the brand's own
    return lex.compounds and not _INNER_CAPITAL.search(word) and (
        _imperative(word, lex) or _compound(word, lex, _MAX_PARTS))


def _respelled(word: str, lex: Lexicon) -> bool:
    """Whether ``word``, which another language's dictionary knows, is a word of the post's
    language spelled the other one's way: "Es ist ein perfecter Kaffee" (a ready Facebook
    post, bench 2026-12-03) passed as the English comparative; German writes "perfekter"
    (and "direkt", "Produkt")."""
    respelled = word.replace("c", "k")
    return respelled != word and lex.main.spell(respelled)


def _own(word: str, lex: Lexicon) -> bool:
    """One of the brand's own words, also with a plural or genitive s ("Baristas",
    "Kontors") where the dictionary does not know the word itself: it knows a word's own
    forms, and "Qualitäts" (of a guideline's "Qualität") passed in "die die Qualitäts und
    Wertschätzung" of a ready LinkedIn draft (bench, 2026-12-08). The own words are
    case-folded, and folding writes ß as ss: "Schluß" would pass as the "Schluss" of a
    guideline. A word with ß that the dictionary knows only with ss is the old spelling,
    not the brand's (a Facebook question of a bench draft, 2026-11-30); a name with ß
    ("Großmann") stays the brand's."""
    folded = word.casefold()
    if not (folded in lex.own or (folded.endswith("s") and folded[:-1] in lex.own
                                  and not lex.main.spell(word[:-1]))):
        return False
    return "ß" not in word or not lex.main.spell(word.replace("ß", "ss"))


# a hashtag's words: "ColdBrew" -> Cold, Brew; an acronym ("ETL") or a number is no word
_TAG_WORD = regex.compile(r"\p{Lu}?\p{Ll}+")


def tag_known(tag: str, lex: Lexicon) -> bool:
    """Whether every word of three letters or more in a hashtag ("KaffeeLiebe", "ColdBrew",
    "Kolombien") is one ``is_known`` knows without forming a compound of its own: a
    dictionary, the brief or the kit says it. A tag written small is one word to it
    ("coffeelover" is not). The compounds that pass in a sentence ("Röst|kurs") passed
    made-up tags too: "#Partzeit" and "#Parteilzeit" under a job ad in Teilzeit,
    "#Hauswarm", "#Kaffeetrink" (bench dumps, 2026-12-03); a tag left out costs nothing.
    A short last word after another must be a word written small: "#DataDr", a tag cut
    off at "Dr" (bench, 2026-12-05), passed as the English "Dr"; "#StartUp" passes."""
    plain = replace(lex, compounds=False)
    parts = _TAG_WORD.findall(tag)
    tail = parts[-1] if len(parts) > 1 and len(parts[-1]) < _MIN_PART else None
    return all(is_known(word, plain) for word in parts if len(word) >= _MIN_PART) and (
        tail is None or is_known(tail.casefold(), plain))


def _imperative(word: str, lex: Lexicon) -> bool:
    """The short German imperative that the dictionary lacks: "schnapp dir", "mahl feiner"
    (schnappen/schnappe, mahlen/mahle)."""
    lower = word.lower()
    return lex.main.spell(lower + "en") and lex.main.spell(lower + "e")


_LETTERS = {"de": "abcdefghijklmnopqrstuvwxyzäöüß", "en": "abcdefghijklmnopqrstuvwxyz"}


def _edits(word: str, letters: str) -> tuple[list[str], list[str]]:
    """Words one typo away: (swapped letters, dropped/changed/added letter)."""
    splits = [(word[:cut], word[cut:]) for cut in range(len(word) + 1)]
    swaps = [head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1]
    adds = [head + letter + tail for head, tail in splits for letter in letters]
    drops = [head + tail[1:] for head, tail in splits if tail]
    changes = [head + letter + tail[1:] for head, tail in splits if tail
               for letter in letters if letter != tail[0]]
    return swaps, adds + drops + changes


@lru_cache(maxsize=4096)
def near_words(word: str, lex: Lexicon, language: str) -> tuple[str, ...]:
    """Up to three known words one typo away from ``word`` (Anmeldnug -> Anmeldung).

    Hunspell's own suggest takes 0.2-1 s for a German word; this tries the ~700 words
    one typo away with the dictionary alone, and swapped letters also with the compound
    rules (Röstkrus -> Röstkurs). Words longer than MAX_NEAR get no suggestions.
    """
    if len(word) > MAX_NEAR:
        return ()
    cap = word[:1].isupper()
    swaps, others = _edits(word.lower(), _LETTERS.get(language, _LETTERS["en"]))
    # a German noun written small ("kaffee") or an English weekday ("monday")
    found = [word.capitalize()] if not cap and is_known(word.capitalize(), lex) else []
    for group, compounds in ((swaps, True), (others, False)):
        for candidate in dict.fromkeys(group):
            shown = candidate[:1].upper() + candidate[1:] if cap else candidate
            known = is_known(shown, lex) if compounds else lex.main.spell(shown)
            # swapping a doubled letter ("pp") gives the word itself back
            if len(candidate) > 1 and shown != word and shown not in found and known:
                found.append(shown)
                if len(found) == SUGGESTED:
                    return tuple(found)
    return tuple(found)


def unknown_words(text: str, lex: Lexicon) -> list[str]:
    """The words of ``text`` no dictionary knows, each once, in order. Hashtags, links,
    handles, e-mail addresses, emoji, numbers and acronyms (ALL CAPS) are not words here.
    A German noun written small after an article or a preposition counts too ("in unser
    café": English knows "café", German only "Café"), and so does an English word written
    small inside a German phrase (``_english_in_phrase``)."""
    plain = strip_markup(text)
    tokens = list(_TOKEN.finditer(plain))
    found: list[str] = []
    for index, match in enumerate(tokens):
        word = match.group().rstrip("'’")
        if (len(word) < 2 and not _FOREIGN_LETTER.match(word)) or word.isupper() \
                or word in found:
            continue
        before = tokens[index - 1].group().lower() if index else ""
        counted = _AFTER_NUMBER.search(plain, max(0, match.start() - _NUMBER_WINDOW),
                                       match.start())
        if not is_known(word, lex) or _small_noun(word, before, lex) \
                or _doubled(word, lex) \
                or (counted is not None and _counted_small_noun(word, lex)) \
                or _english_in_phrase(word, _neighbours(plain, tokens, index), lex):
            found.append(word)
    return found


def _neighbours(plain: str, tokens: list[regex.Match[str]], index: int) -> tuple[str, str]:
    """The words right before and after token ``index`` with only spaces between ("" where
    a mark, a line break or the text's end stands)."""
    def joined(first: int, second: int) -> bool:
        return not plain[tokens[first].end():tokens[second].start()].strip(" ")

    before = tokens[index - 1].group() if index and joined(index - 1, index) else ""
    after = tokens[index + 1].group() if index + 1 < len(tokens) and joined(index, index + 1) \
        else ""
    return before, after


def _english_in_phrase(word: str, neighbours: tuple[str, str], lex: Lexicon) -> bool:
    """An English word written small inside a German phrase, which the German dictionary
    does not know as written: after a German article or preposition ("Kakao: eine unique
    addition.", a ready Instagram draft, bench 2026-12-03), or alone between two German
    words ("Das macht den Kaffee super mellow und leichter", a ready Threads draft,
    2026-12-04). German writes a borrowed noun capitalised ("im Sale"); an English phrase
    of its own stays ("Second hand, first class", "Kaffee to go"). A word of the brand's
    own passes only as the sources write it: "Kaffee cupping" (a ready Bluesky draft, bench
    2026-12-05) for the kit's "zum Cupping", whose small form only the link's path has."""
    if not lex.compounds or not word.islower() or lex.main.spell(word) \
            or (_own(word, lex) and word not in lex.nouns) or not _english(word, lex):
        return False
    if _opens_phrase(neighbours[0].lower()):
        return True
    return all(_german(neighbour, lex) for neighbour in neighbours) and any(
        not _english(neighbour, lex) for neighbour in neighbours)


def _german(word: str, lex: Lexicon) -> bool:
    return bool(word) and bool(lex.main.spell(word) or lex.main.spell(word.lower()))


def _english(word: str, lex: Lexicon) -> bool:
    """Whether another language's dictionary (English in a German post) knows ``word``."""
    return any(other.spell(word) or other.spell(word.lower()) for other in lex.others)


def _opens_phrase(word: str) -> bool:
    """Whether ``word`` (lower-cased) is an article or a preposition: a noun follows."""
    return word in DETERMINERS or word in PREPOSITIONS or word in FUSED_ARTICLES


_REPEATED_PART = regex.compile(r"(\p{Ll}{4,})\1")


def _doubled(word: str, lex: Lexicon) -> bool:
    """A word that says a part of four letters or more twice in a row ("morgenmorgen",
    "Kaffeekaffee", "Apfelapfelpunsch"): the compound rules take it, but it is a slip (a
    ready bench draft, 2026-11-30; a ready Instagram draft in the browser, 2026-12-07).
    "Bonbon" and "Tamtam" are words; so is what a dictionary without compounds knows
    ("couscous"); German's takes any compound, "Kaffeekaffee" too."""
    return _REPEATED_PART.search(word.lower()) is not None and (
        lex.compounds or not lex.main.spell(word))


# words a noun follows as it follows an article: "noch mehr spaß" passed as the
# imperative of "spaßen" (a ready LinkedIn draft, bench 2026-12-05)
_NOUN_AFTER = frozenset({"mehr", "viel", "wenig", "weniger", "kein", "keine", "keinen",
                         "keinem", "keiner", "genug"})


def _small_noun(word: str, before: str, lex: Lexicon) -> bool:
    """A German noun written small: one the dictionary or the brief and the kit know only
    capitalised ("ein röstkurs" for the brief's "Röstkurs", which the brief's own words
    would otherwise let pass: a ready Facebook draft, 2026-11-30; "Ab Januar bewerbung per
    Mail", 4 bench drafts, one ready, 2026-12-01). Away from an article, a preposition or
    a word of ``_NOUN_AFTER``, a word that is also a verb's imperative ("mahl feiner") or
    an English word ("Second hand", "to go") is not read as a noun."""
    if not lex.compounds or not word.islower() or lex.main.spell(word):
        return False
    noun = bool(lex.main.spell(word.capitalize()) or word in lex.nouns)
    return noun and (_opens_phrase(before) or before in _NOUN_AFTER or not (
        _imperative(word, lex) or _english(word, lex)))


# a capital right after a small letter inside a word
_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
# a number and spaces right before a word; not a model's name ("Die Handmühle Hansen H2
# haben wir", a Facebook draft, bench 2026-12-07: "haben" read as the noun "Haben"), however
# many digits it has ("H123": the lookbehind refuses a digit too, so the search cannot
# start inside the name, and the window holds a long number whole)
_AFTER_NUMBER = regex.compile(r"(?<![\p{L}\d])\d+[ \t]+$")
_NUMBER_WINDOW = 12


def _counted_small_noun(word: str, lex: Lexicon) -> bool:
    """A German noun written small after a number, where the small word is a verb's form
    and so passed the dictionary: "16 stunden im Kühlschrank" ("stunden", to defer a
    payment; a ready Instagram draft, bench 2026-12-05), "4 tage". Units ("5 kg"),
    adjectives ("3 kleine") and "mal" stay."""
    if not lex.compounds or not word.islower() or len(word) < 4 or word == "mal" \
            or adjective_ending(word, lex.main.spell) is not None:
        return False
    # the noun list, not the dictionary: Hunspell takes any word with a capital ("Gibt":
    # "Hansen H2 gibt es", bench 2026-12-05)
    return word in noun_index()


def spelling_message(words: list[str], suggest: dict[str, tuple[str, ...]]) -> str:
    shown = []
    for word in words[:SHOWN_WORDS]:
        hint = ", ".join(suggest.get(word, ())[:2])
        shown.append(f"'{word}' ({hint}?)" if hint else f"'{word}'")
    more = f" and {len(words) - SHOWN_WORDS} more" if len(words) > SHOWN_WORDS else ""
    return (f"not in the dictionary: {', '.join(shown)}{more}; correct the spelling or add "
            "the word to the kit's word list")


def spelling_problems(words: list[str], suggest: dict[str, tuple[str, ...]]) -> list[Problem]:
    return [problem("spelling", spelling_message(words, suggest))] if words else []
