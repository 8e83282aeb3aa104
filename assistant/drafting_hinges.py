"""The words a parting sample may not use (option ``draft_parting_ban``). Pure.

Where a brief is a finished post already ("Schema drift alerts now also cover Snowflake;
turn them on under Settings, Alerts. Included in every plan at no extra cost."), the 1.5B
model restates it for every platform, and the fresh drafts of the parting round restate it
again: X and Bluesky had the same text in all 4 bench runs of that brief, the sponsored
meetup's X and Mastodon in 3 of 4 (2026-12-07). Told in words to write it differently, the
model did not; asked with the words that carry the other text banned in the sampler, it
wrote "Schema drift alerts are live for Snowflake! You can enable them in Settings,
Alerts. This feature is free at no extra cost." (CLI, 2026-12-07).

A banned word is one of the other text's that says how, not what: in English a verb or one
of a few adverbs ("now", "also"), never an adjective ("hot" came back as "warm" in "Rinse
your paper filter with warm water", bench 2026-12-07); not a fact of the brief
(its dates, numbers, names, places and states, which the post must keep), not a function
word (a sentence cannot do without "the", "ist", "wir"), not a noun (the topic: every
capitalised German word; an English word the word list knows as a noun, or one after an
article or a possessive, "the paper filter"), not the brand's own vocabulary (its names,
hashtags, word list and the words of its example posts, "drift" in "Schema drift alerts":
banned, it came back as "Schema drifting with Snowflake?"), less a few adverbs, and of
three letters or more.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from assistant.llm.grammar import GAP_MARKS
from assistant.quality.dictionary import english_nouns, english_verbs
from assistant.quality.factcheck import missing
from assistant.quality.grammar_words import (
    DETERMINERS,
    FUSED_ARTICLES,
    MODAL_FORMS,
    PREPOSITIONS,
    PRONOUNS,
)
from assistant.quality.spelling import ENGLISH_FUNCTION_WORDS
from assistant.quality.status import missing_states
from assistant.quality.textnorm import EMAIL_RE, HANDLE_RE, URL_RE, ngrams, word_spans, words

MIN_LETTERS = 3
# the words of a run a parting sample may not say again: ``same_text_as`` reads three-word
# runs (quality.similarity)
RUN = 3
MAX_GAP = 4  # characters between two words of a run: ", " or " – "; a blanked address is more
# at most this many words are banned: each stands for up to four tokens
MAX_WORDS = 24
_WORD = regex.compile(r"[\p{L}][\p{L}'’-]*")
# an English noun phrase's opener: the words after it up to the next function word name
# the thing ("the paper filter", "your Snowflake projects")
_ENGLISH_OPENERS = frozenset({"the", "a", "an", "your", "our", "their", "its", "this",
                              "that", "these", "those", "every", "each", "any", "my"})
_SUBJECTS = frozenset({"we", "you", "they", "i"})
# adverbs that carry no topic however often the brand's examples use them: "now", "every"
# stood in the Tessaline examples and in the brief they had to part from
ADVERBS = frozenset({"now", "also", "every", "just", "only", "today", "here", "again",
                     "already", "still", "even", "really", "jetzt", "auch", "heute",
                     "wieder", "schon", "noch", "nur", "immer", "gerade", "einfach"})
_GERMAN_FUNCTION = frozenset({
    *DETERMINERS, *PREPOSITIONS, *FUSED_ARTICLES, *PRONOUNS, *MODAL_FORMS, "und", "oder",
    "aber", "ist", "sind", "war", "waren", "wird", "werden", "hat", "haben", "habt", "hast",
    "bin", "bist", "seid", "sein", "nicht", "kein", "keine", "dass", "wenn", "als", "wie",
    "ob", "denn", "weil", "sich", "euer", "eure", "unser", "unsere", "dein", "deine", "bis",
    "pro", "per", "je"})
_ENGLISH_FUNCTION = frozenset({
    *ENGLISH_FUNCTION_WORDS, "a", "an", "to", "in", "as", "so", "not", "no", "do", "does",
    "did", "was", "were", "will", "shall", "than", "then", "they", "them", "their", "there",
    "these", "those", "which", "who", "what", "when", "where", "how", "all", "any", "each",
    "into", "over", "out", "off", "per", "via", "i", "he", "she", "his", "her", "him",
    "don't", "it's", "we're", "you're", "let's"})


def hinge_words(other: str, brief: str, language: str, keep: Iterable[str] = ()) -> list[str]:
    """The words of ``other`` (folded, in order) that a sample written to differ from it
    may not use; ``keep``: the brand's own words and texts (see the module doc), less the
    adverbs that join any text (:data:`ADVERBS`)."""
    function = _GERMAN_FUNCTION if language == "de" else _ENGLISH_FUNCTION
    kept = {word.casefold() for kept_text in keep for word in _WORD.findall(kept_text)}
    kept -= ADVERBS
    kept |= _told(other, brief, language)
    found: list[str] = []
    for match in _WORD.finditer(_without_addresses(other)):
        word = match.group().casefold()
        if len(word) >= MIN_LETTERS and word not in function and word not in kept and (
                language == "de" or word in ADVERBS or _english_verb(word)):
            found.append(word)
    return list(dict.fromkeys(found))[:MAX_WORDS]


def hinge_runs(other: str, brief: str, language: str,
               keep: Iterable[str] = ()) -> list[tuple[str, ...]]:
    """The runs of RUN words of ``other`` (as written there, in order) that a sample written
    to differ from it may not say again (``llm.grammar``): each run whose last word is no
    word of the brief's facts and names no thing (:func:`_nouns`), and that no text of
    ``keep`` (the brand's own) says too.

    German wording is mostly words of several tokens, which no token ban reaches: the New
    Year's Eve post "Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet, am 1. Januar
    bleibt das Kontor zu." came back word for word on three platforms, and the Kolumbien
    coffee on two (bench, 2026-12-07). A run that ends on a fact or a noun is left free:
    the sample could only escape it by misspelling the word ("Kontoor" for "Kontor",
    2026-12-07); the run's other words are what it says differently ("bleibt das Kontor
    zu": "zu").

    Nor a run with a number or a word of a state the brief announces in it: forced off
    "vom 24 bis" and "1 Januar bleibt", "das Kontor zu", the model wrote "Vom 24. zu 26.
    Dezember" and "am 1. Januar bis zu dem Kontor" (the closure lost) in ready drafts
    (bench, 2026-12-08): the words around a fact hold its meaning."""
    facts = _told(other, brief, language)
    states = {word for state in missing_states("", brief) for word in words(state)}
    kept = {run for text in keep for run in ngrams(words(text), RUN)}
    plain = _without_addresses(other)
    spans = word_spans(plain)
    found: list[tuple[str, ...]] = []
    for index in range(len(spans) - RUN + 1):
        run = spans[index:index + RUN]
        folded = tuple(word for word, _, _ in run)
        gaps = [plain[run[at][2]:run[at + 1][1]] for at in range(RUN - 1)]
        if folded[-1] not in facts and folded not in kept and all(map(_run_gap, gaps)) \
                and not _holds_fact(folded, states):
            found.append(tuple(plain[start:end] for _, start, end in run))
    return list(dict.fromkeys(found))


def _told(other: str, brief: str, language: str) -> set[str]:
    """The words (folded) a sample keeps free of either ban: those of the brief's facts and
    the things ``other`` names (:func:`_nouns`)."""
    return {word for fact in missing("", brief, language) for word in words(fact)} \
        | _nouns(other, language)


def _holds_fact(folded: tuple[str, ...], states: set[str]) -> bool:
    """Whether a run (its words folded) has a number or a word of a state (``states``)."""
    return any(word in states or any(char.isdigit() for char in word) for word in folded)


def _run_gap(gap: str) -> bool:
    """Whether ``gap`` may stand between two words of one run, as the grammar reads it
    (``llm.grammar.GAP_MARKS``): not a blanked address, a price's "€" or a line of emoji."""
    return 0 < len(gap) <= MAX_GAP and all(mark in GAP_MARKS or mark == "\n" for mark in gap)


def _without_addresses(text: str) -> str:
    """``text`` with its web and e-mail addresses and handles blanked (their length kept):
    "moin@moewenbohne.example" is a fact, and banning "moin" and "example" would ban it
    (CLI, 2026-12-07)."""
    for pattern in (URL_RE, EMAIL_RE, HANDLE_RE):
        text = pattern.sub(lambda found: " " * len(found.group()), text)
    return text


def _english_verb(word: str) -> bool:
    """Whether ``word`` is a form of a word the en_US list knows as a verb (``english_verbs``:
    "removes", "included", "testing"), not a noun in "-ing" of its own."""
    stems, ing_nouns = english_verbs()
    if word in ing_nouns:
        return False
    forms = [*_singulars(word), word.removesuffix("d"), word.removesuffix("ed"),
             word.removesuffix("ing"), word.removesuffix("ing") + "e"]
    return any(form in stems for form in forms if form)


def _english_noun(word: str) -> bool:
    """Whether the word list has ``word`` or its singular as a noun (``english_nouns``)."""
    nouns = english_nouns()
    return any(form in nouns for form in _singulars(word))


def _singulars(word: str) -> list[str]:
    """``word`` and what it is without an English "-s" ending: "plans", "boxes", "carries"
    give "plan", "box", "carry" (and forms no list holds, which match nothing)."""
    forms = [word]
    if word.endswith("s"):
        forms += [word[:-1], word[:-2] if word.endswith("es") else ""]
        forms += [word[:-3] + "y"] if word.endswith("ies") else []
    return [form for form in forms if form]


def _nouns(text: str, language: str) -> set[str]:
    """The words of ``text`` that name things (folded): in German every word written
    large (a word that opens a sentence is read so too: most do not, and a noun kept is
    safer than a noun banned); in English the words after an article or a possessive up to
    the next function word, every word written large after the first of its sentence (or
    of the ad label's "Ad |"), and every word the list knows as a noun, unless it follows
    "we", "you", "they" or "I" (a verb there: "we sponsor the meetup")."""
    plain = _without_addresses(text)
    tokens = [(match.group(), match.start()) for match in _WORD.finditer(plain)]
    if language == "de":
        return {word.casefold() for word, _ in tokens if word[:1].isupper()}
    found: set[str] = set()
    after_opener = False
    before = ""
    for word, start in tokens:
        folded = word.casefold()
        opens_sentence = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:;|"
        if word[:1].isupper() and not opens_sentence:
            found.add(folded)
        if folded in _ENGLISH_OPENERS:
            after_opener = True
        elif folded in _ENGLISH_FUNCTION or not _joined(text, start):
            after_opener = False
        elif after_opener:
            found.add(folded)
        # a word the list knows as a noun, unless a subject says it as a verb ("we sponsor")
        if _english_noun(folded) and not (before in _SUBJECTS and _joined(text, start)):
            found.add(folded)
        before = folded
    return found


def _joined(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows the word before it with only a space (no mark
    between: "the filter, the cup" ends the phrase at the comma)."""
    before = text[:start]
    return before.endswith(" ") and bool(before.rstrip()) and before.rstrip()[-1].isalnum()
