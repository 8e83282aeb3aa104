"""Content a post carries over from a kit example without a source for it (pure).

A small model shown the kit's example posts copies their content into a post about
something else: the Weihnachtsmischung's "Kolumbien und Guatemala", "Marzipan" and "nur bis
Ende Dezember" into an invitation to a roasting course. The examples show the voice, not
today's facts, so such content is invented unless the brief, the link or the kit's own
texts (facts, pillars, tone, audience, word list) say it too. What counts as carried over:

- a proper name (a place the noun index knows as a toponym, a capitalised English word
  inside a sentence) that stands in an example;
- a time frame of an example ("heute Abend", "bis Ende Dezember", "last Tuesday");
- German nouns that only one example uses, when at least three of that example stand in
  the post and one of them is a place or a compound coined for that example: that is the
  example's topic copied ("Weihnachtsmischung", "Marzipan", "Orangenschale"); two are
  enough when one is a coined compound: "Die Kinder-Röster sind mit heißem Kakao und einer
  kleinen Bohnen-Rallye ausgezeichnet" (a ready LinkedIn post on a roasting course, bench
  2026-12-07) carries the open day's "Kakao" and "Bohnen-Rallye". One or two everyday
  nouns ("Kleiner Tipp mit großer Wirkung", "in die Kommentare") are the example's voice,
  which a good post may share, and so is an explanation in everyday nouns ("mit Löffel und
  lautem Schlürfen, wie Profis"). A noun used by two examples is the kit's vocabulary
  ("Röster", "Shop"). A single copied noun ("Marzipan" alone) is not found: without word
  frequencies, nothing in the repo tells it from "Kommentare"; nor is a coined compound
  alone ("Röstkurve" in a post on a roasting course is the trade's word).

Words are compared by a crude stem, and a word also counts as stated when a longer stated
word starts or ends with it or the other way round ("Kooperative" / "Kooperativen",
"Mischung" / "Weihnachtsmischung"): lenient on purpose, a false ``invented_fact`` blocks a
good post.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from assistant.quality.calendar_words import MONTH_NUMBERS, WEEKDAY_NUMBERS, alternation
from assistant.quality.facts import is_calendar_word, number_words
from assistant.quality.sources import word_set
from assistant.quality.textnorm import strip_markup

_WORD = regex.compile(r"\p{L}[\p{L}\p{N}]*(?:['’\-][\p{L}\p{N}]+)*")
_ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
_MIN_STEM = 4
_MIN_AFFIX = 5  # stems this long may stand inside a compound ("mischung" in ...mischung)
CLUSTER = 3  # example-only nouns of one example that make a copied topic
COINED_CLUSTER = 2  # ... when one of them is a coined compound
_MONTHS = alternation(MONTH_NUMBERS)
_DAYS = alternation(WEEKDAY_NUMBERS)
_TIME_FRAMES = regex.compile(
    rf"(?i)\b(?:(?:nur\s+)?(?:noch\s+)?(?:bis|ab|seit)\s+)?(?:ende|anfang|mitte)\s+(?:{_MONTHS})\b"
    rf"|\b(?:(?:only\s+)?(?:until|till|through|from|by)\s+)?(?:the\s+)?(?:end|start|beginning|"
    rf"middle)\s+of\s+(?:{_MONTHS})\b"
    r"|\b(?:heute|morgen|gestern)\s+(?:früh|vormittag|mittag|nachmittag|abend|nacht)\b"
    r"|\btonight\b|\b(?:this|tomorrow)\s+(?:morning|afternoon|evening|night)\b"
    rf"|\b(?:diese[nrms]?|nächste[nrms]?|kommende[nrms]?|letzte[nrms]?|vergangene[nrms]?)\s+"
    rf"(?:woche|wochenende|monat|{_DAYS})\b"
    rf"|\b(?:this|next|last|coming)\s+(?:week|weekend|month|{_DAYS})\b")
# the words of a time frame that carry its meaning ("nur bis Ende Dezember" -> ende dezember)
_FRAME_FILLER = frozenset({"nur", "noch", "bis", "ab", "seit", "only", "until", "till",
                           "through", "from", "by", "the", "of"})
_JOINED = regex.compile(r"\s*(?:und|and|&)?\s*")
# what may stand between a sentence's end and its first word: quotes, dashes (and space, emoji)
_GAP = frozenset("\"'„“”»«()[]–—-")
_ENDS = frozenset(".!?:…\n")


@dataclass(frozen=True)
class CarryLexicon:
    """What tells a specific word from everyday vocabulary: German nouns (the noun index,
    minus words the dictionary also knows written small: "Ende" may be "ende", a verb) and
    place names (the noun index's toponyms) and first names."""

    is_noun: Callable[[str], bool]
    # a noun neither the noun index nor the dictionary lists as a word of its own: a
    # compound coined for one product or offer ("Weihnachtsmischung", "Probierpaket")
    is_coined: Callable[[str], bool]
    is_place: Callable[[str], bool]
    # first names: the name check flags a person; one is no copied topic ("Hanne antwortet")
    given: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Token:
    word: str
    start: int
    end: int
    sentence_start: bool


def stem(word: str) -> str:
    """A crude stem for comparing inflected forms: Kurse/Kurses/Kurs, alerts/alert."""
    key = word.casefold()
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)]
    return key


@dataclass(frozen=True)
class Stated:
    """The stems of the sources, indexed for the compound lookups of ``is_stated``."""

    keys: frozenset[str]
    forward: tuple[str, ...]  # sorted
    backward: tuple[str, ...]  # each reversed, sorted

    def has(self, key: str) -> bool:
        if key in self.keys:
            return True
        if len(key) < _MIN_AFFIX:
            return False
        # a stated word inside the key ("mischung" in "weihnachtsmischung") ...
        if any(key[:cut] in self.keys or key[-cut:] in self.keys
               for cut in range(_MIN_AFFIX, len(key))):
            return True
        # ... or the key inside a stated word ("kooperativ" in "kooperativen")
        return _has_prefix(self.forward, key) or _has_prefix(self.backward, key[::-1])


def _has_prefix(ordered: tuple[str, ...], prefix: str) -> bool:
    index = bisect.bisect_left(ordered, prefix)
    return index < len(ordered) and ordered[index].startswith(prefix)


@lru_cache(maxsize=256)
def stems(texts: tuple[str, ...]) -> Stated:
    keys = frozenset(stem(word) for word in word_set(texts))
    return Stated(keys, tuple(sorted(keys)), tuple(sorted(k[::-1] for k in keys)))


def is_stated(word: str, stated: Stated) -> bool:
    """``word`` (or the head of a hyphenated word, its last part) is in ``stated``, also as
    part of a compound on either side. The head, not any part: "eine kleine Bohnen-Rallye
    für Kinder", an example's event copied into a ready Facebook post on a roasting course
    (bench, 2026-12-04), passed as stated because the kit's texts say "Bohnen"."""
    if "-" in word:
        return stem(word) in stated.keys or stated.has(stem(word.rsplit("-", 1)[1]))
    return stated.has(stem(word))


@dataclass(frozen=True)
class ExampleIndex:
    """The kit's examples as compared: each one's word stems, and every word as written."""

    stems: tuple[frozenset[str], ...]
    written: frozenset[str]


@lru_cache(maxsize=64)
def example_index(examples: tuple[str, ...]) -> ExampleIndex:
    """Cached: a kit's examples are compared with every post."""
    written = frozenset(word for text in examples for word in _WORD.findall(text))
    return ExampleIndex(tuple(stems((text,)).keys for text in examples), written)


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end(), _opens_sentence(text, m.start()))
            for m in _WORD.finditer(text)]


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a line (past spaces, quotes,
    dashes and emoji)."""
    index = start
    while index > 0 and text[index - 1] != "\n" and _is_gap(text[index - 1]):
        index -= 1
    return index == 0 or text[index - 1] in _ENDS


def _is_gap(char: str) -> bool:
    return char.isspace() or char in _GAP or unicodedata.category(char) in ("So", "Sk", "Mn",
                                                                             "Cf")


def _users(word: str, per_example: tuple[frozenset[str], ...]) -> list[int]:
    """The examples that use ``word`` (by stem)."""
    key = stem(word)
    return [index for index, words in enumerate(per_example) if key in words]


def _is_proper(token: _Token, language: str, lex: CarryLexicon, index: ExampleIndex) -> bool:
    if lex.is_place(token.word):
        return True
    if token.word in lex.given:
        return False  # a person: the name check reports it
    # English capitalises names only ("I" and sentence openers are not names), and the
    # example must write it so too: "the Tessaline Team" does not copy "our team"
    return (language == "en" and token.word[:1].isupper() and not token.sentence_start
            and len(token.word) > 1 and token.word in index.written)


def _is_topic_noun(token: _Token, language: str, lex: CarryLexicon) -> bool:
    """A German noun: capitalised inside a sentence (German capitalises nouns and names
    only), or a sentence opener that the noun index knows ("Ende" is also a verb form)."""
    if language != "de" or not token.word[:1].isupper() or token.word in lex.given:
        return False
    return not token.sentence_start or lex.is_noun(token.word)


def _frames(text: str, stated_text: str, examples: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of time frames that an example has and no source states."""
    spans = []
    folded_examples = [" ".join(e.casefold().split()) for e in examples]
    stated = " ".join(stated_text.casefold().split())
    for match in _TIME_FRAMES.finditer(text):
        core = " ".join(w for w in match.group(0).casefold().split() if w not in _FRAME_FILLER)
        if core not in stated and any(core in example for example in folded_examples):
            spans.append((match.start(), match.end()))
    return spans


_Span = tuple[int, int]


_Topics = dict[int, list[_Token]]  # example number -> its nouns in the post


def _candidates(clean: str, language: str, stated: Stated, index: ExampleIndex,
                lex: CarryLexicon, frames: list[_Span]) -> tuple[list[_Span], _Topics]:
    """Proper names to flag, and the example-only nouns grouped by their example."""
    names: list[_Span] = []
    topics: _Topics = {}
    numbers = number_words(clean)
    for token in _tokens(clean):
        word = token.word
        if any(start <= token.start < end for start, end in frames):
            continue  # "heute Abend" is a time frame, not a noun of a copied topic
        if len(word) < 3 or is_calendar_word(word) or word.casefold() in numbers:
            continue
        users = _users(word, index.stems)
        if not users or is_stated(word, stated):
            continue
        if _is_proper(token, language, lex, index):
            names.append((token.start, token.end))
        if len(users) == 1 and _is_topic_noun(token, language, lex):
            group = topics.setdefault(users[0], [])
            if all(stem(other.word) != stem(word) for other in group):
                group.append(token)
    return names, topics


def carried_over(text: str, language: str, examples: tuple[str, ...],
                 sources: tuple[str, ...], lex: CarryLexicon) -> list[str]:
    """What the post takes from the kit's examples that no source states, as written, in
    order; adjacent pieces joined ("Kolumbien und Guatemala")."""
    if not examples:
        return []
    clean = strip_markup(text)
    stated = stems(sources)
    spans = _frames(clean, "\n".join(sources), examples)
    names, topics = _candidates(clean, language, stated, example_index(examples), lex, spans)
    spans += names
    spans += [(t.start, t.end) for group in topics.values() if _copied_topic(group, lex)
              for t in group]
    return [clean[start:end] for start, end in _merge(clean, spans)]


def _copied_topic(group: list[_Token], lex: CarryLexicon) -> bool:
    """Enough nouns of one example, one of them a place or a coined compound: "Löffel",
    "Schlürfen" and "Profis" explain cupping the way an example does; "Weihnachtsmischung",
    "Marzipan" and "Orangenschale" are that example's product."""
    if any(lex.is_coined(t.word) for t in group):
        return len(group) >= COINED_CLUSTER
    return len(group) >= CLUSTER and any(lex.is_place(t.word) for t in group)


def _merge(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one, and spans apart by only "und"/"and"/space as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and (start <= merged[-1][1]
                       or _JOINED.fullmatch(text[merged[-1][1]:start])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
