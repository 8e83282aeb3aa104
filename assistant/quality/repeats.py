"""A post that says one thing twice: a sentence, a run of words, a pair, a word joined to
itself, or a sentence that another one wholly restates (a small model's loop; pure)."""

from __future__ import annotations

from collections import Counter

import regex

from assistant.models import Problem
from assistant.quality.context import Reading, first_found, shorten
from assistant.quality.facts import is_calendar_word
from assistant.quality.textnorm import sentence_spans, strip_markup, word_spans, words

# a sentence or line (textnorm.sentence_spans); a repeated one of at least _REPEAT_WORDS
# words is a model's loop ("Bestell vorbei im Kontor oder in unserem Kaf? Bestell vorbei im
# Kontor ..." x7), and so is a short one that stands _SHORT_LOOP times or more ("Kaffee!
# Kaffee! Kaffee! ..."; twice can be style: "Moin, moin!")
_REPEAT_WORDS = 4
_SHORT_LOOP = 3
# a run of this many words that stands twice, inside other sentences: "Röstkurs am 12.
# Dezember, 18 Uhr, maximal 8 Plätze! … Möwenbohne Kaffeekontor: Röstkurs am 12. Dezember,
# 18 Uhr, maximal 8 Plätze" (a ready Instagram draft). No example post of either kit has
# one; 15 of 307 distinct bench drafts did, each a defect (bench, 2026-11-30)
_REPEAT_RUN = 6


def repeated_problems(text: str) -> list[Problem]:
    """A sentence that stands twice or more in a post (a small model's loop), or one of the
    other ways of saying one thing twice (``_READINGS``, the first that finds one)."""
    return first_found("repeated_sentence", text, _READINGS)


def looped_sentence(text: str) -> tuple[str, int] | None:
    """The first sentence (as written) that stands twice or more, and how many times: a
    short one only from ``_SHORT_LOOP`` times on."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for start, end in sentence_spans(text):
        sentence = text[start:end].rstrip(".!?…\n")
        tokens = words(sentence)
        if not tokens:
            continue
        key = " ".join(tokens)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, sentence.strip())
    repeated = [key for key, count in counts.items()
                if count >= (2 if len(key.split()) >= _REPEAT_WORDS else _SHORT_LOOP)]
    return (first[repeated[0]], counts[repeated[0]]) if repeated else None


# two sentences side by side whose words differ in an ending only: "Guter Rutsch! Guten
# Rutsch!" (a ready Google Business draft, bench 2026-12-06). A person who says a greeting
# twice ("Moin, moin!") says it the same way; the model's second form is a slip. A word
# differs in its ending when all but its last _ENDING letters are the other's
_ENDING = 2


def inflected_twin(text: str) -> tuple[str, str] | None:
    """The first two neighbouring sentences of ``text`` that are one saying in two forms
    (see _ENDING), each as written without its closing mark."""
    said = [(text[start:end].strip().rstrip(".!?…"), [word.casefold() for word in
                                                      words(text[start:end])])
            for start, end in sentence_spans(text)]
    for (first, first_words), (second, second_words) in zip(said, said[1:], strict=False):
        if len(first_words) == len(second_words) and first_words != second_words and \
                all(_one_word(one, two) for one, two in zip(first_words, second_words,
                                                           strict=True)):
            return first, second
    return None


def _one_word(first: str, second: str) -> bool:
    """Whether two words are one word in two forms (or the same)."""
    if first == second:
        return True
    stem = len(max(first, second, key=len)) - _ENDING
    return stem >= 3 and first[:stem] == second[:stem] and not first.isdigit()


# two words that stand twice in one sentence, one of them this long: "Kaffee rösten, Kaffee
# kaufen, Kaffee rösten", "dein Team zu inspirieren und zu inspirieren", "Komm vorbei im
# Kontor oder bestell im Shop" said twice (6 of 157 texts of the bench dumps of
# 2026-11-30/12-01, every one weak); "nach und nach" has no word this long
_PAIR_LONG = 5


def doubled_pair(text: str) -> str | None:
    """The first two words that stand twice in one sentence of ``text``, as written (not a
    number, a month or a weekday: "am 12. Dezember um 18 Uhr und am 13. Dezember um 18 Uhr"
    names two days)."""
    for start, end in sentence_spans(text):
        tokens = words(strip_markup(text[start:end]))
        seen: set[tuple[str, str]] = set()
        for pair in zip(tokens, tokens[1:], strict=False):
            key = (pair[0].casefold(), pair[1].casefold())
            if key in seen and max(map(len, pair)) >= _PAIR_LONG and \
                    not any(word.isdigit() or is_calendar_word(word) for word in pair):
                written = regex.search(r"(?i)\b" + r"\W+".join(map(regex.escape, pair)) + r"\b",
                                       text[start:end])
                return written.group() if written else " ".join(pair)
            seen.add(key)
    return None


# a word joined to itself: "ein prägnantes Beispiel für die Qualität und Qualität der
# Handmühle" (a ready LinkedIn draft, bench 2026-12-02). Words of _PAIR_LONG letters or
# more, so "nach und nach" and "mehr und mehr" stay, not a comparative ("besser und
# besser", "better and better") and not the set phrases of these
_SELF_JOINED = regex.compile(rf"(?i)\b(\p{{L}}{{{_PAIR_LONG},}})\s+(?:und|oder|and|or)\s+\1\b")
_SET_PHRASES = frozenset({"immer", "durch", "wieder", "weiter", "again", "over", "round"})


def self_joined(text: str) -> str | None:
    """The first word joined to itself by "und"/"oder"/"and"/"or" in ``text``, as written."""
    for found in _SELF_JOINED.finditer(strip_markup(text)):
        word = found.group(1).casefold()
        if word not in _SET_PHRASES and not word.endswith("er"):
            return found.group()
    return None


# a sentence of this many words or more whose every word another sentence of the post says
# too, in any order: "Wir suchen eine Barista für unser Café in Altona!" over "Wir suchen ab
# Januar eine Barista (m/w/d) in Teilzeit, ... für unser Café in Altona", "Das Kontor ist
# geschlossen vom 24. bis 26." over "Vom 24. bis 26. Dezember ist das Kontor geschlossen"
# (3 ready and 1 other of 263 distinct bench drafts, 2026-11-30/12-01; no kit example). A
# word is read by its first _STEM letters ("kaltem" and "kaltes" Wasser are one saying), or
# as the head of a compound the other sentence holds ("Kaffee aus Kolumbien, roter
# Johannisbeere und Kakao" under "Neuer Filterkaffee aus Kolumbien, Noten von roter
# Johannisbeere und Kakao", a ready Instagram draft, bench 2026-12-04); a question is left
# out, which the Facebook form answers in the next sentence
_RESTATED_WORDS = 5
_STEM = 5
_HEAD = 4  # the shortest word read as a compound's head


def restated_sentence(text: str) -> tuple[str, str] | None:
    """The first sentence of ``text`` that another one wholly says again, and that other
    one, each as written (see _RESTATED_WORDS)."""
    said = []
    for start, end in sentence_spans(text):
        sentence = text[start:end].strip()
        if sentence and not sentence.endswith("?"):
            said.append((sentence, [word.casefold() for word in words(sentence)]))
    for index, (first, first_words) in enumerate(said):
        for second, second_words in said[index + 1:]:
            shorter, longer = sorted(((first, first_words), (second, second_words)),
                                     key=lambda item: len(item[1]))
            if len(shorter[1]) >= _RESTATED_WORDS and _says_all(shorter[1], longer[1]):
                return shorter[0].rstrip(".!…"), longer[0].rstrip(".!…")
    return None


def _says_all(shorter: list[str], longer: list[str]) -> bool:
    """Whether ``longer`` holds every word of ``shorter``: by its stem, as often, or as the
    head of one of its compounds."""
    left = Counter(word[:_STEM] for word in shorter) - Counter(word[:_STEM] for word in longer)
    heads = [word for word in longer if len(word) > _HEAD]
    return all(len(stem) >= _HEAD and any(head.endswith(word) and head != word
                                          for head in heads for word in shorter
                                          if word.startswith(stem))
               for stem in left)


def repeated_run(text: str) -> str | None:
    """The first run of _REPEAT_RUN words that stands again later in ``text`` (the two not
    overlapping), as it reads the first time."""
    return _run_standing(text, _REPEAT_RUN, 2)


# a shorter run that stands three times: "Diese Rolle ist eine Aufgabe, die uns die
# Kaffeekultur in Altona verbessert. ... die Kaffeekultur in Altona verbessert. Sie wird
# ... mit der Kaffeekultur in Altona verbessert." (a LinkedIn draft, bench 2026-12-06)
_THRICE_RUN = 4


def thrice_run(text: str) -> str | None:
    """The first run of _THRICE_RUN words that stands three times in ``text``."""
    return _run_standing(text, _THRICE_RUN, 3)


def _run_standing(text: str, length: int, times: int) -> str | None:
    """The first run of ``length`` words that stands ``times`` times in ``text``, none
    overlapping the one before, as it reads the first time."""
    plain = strip_markup(text)
    spans = word_spans(plain)
    seen: dict[tuple[str, ...], list[int]] = {}
    for start in range(len(spans) - length + 1):
        run = tuple(word for word, _, _ in spans[start:start + length])
        starts = seen.setdefault(run, [])
        if not starts or start - starts[-1] >= length:
            starts.append(start)
        if len(starts) >= times:
            return plain[spans[starts[0]][1]:spans[starts[0] + length - 1][2]]
    return None


# two sentences that end in one run of words: "Try it out and see the difference for
# yourself. Don't wait, try it now and experience the difference for yourself." (a ready
# Instagram tip, bench 2026-12-06): a model's echo of its own closing line
_ECHO_RUN = 4


def echoed_ending(text: str) -> str | None:
    """The run of _ECHO_RUN words that ends two sentences of ``text``, as it reads first."""
    endings: set[tuple[str, ...]] = set()
    for start, end in sentence_spans(text):
        sentence = text[start:end].strip()
        tokens = tuple(word.casefold() for word in words(sentence))
        if len(tokens) <= _ECHO_RUN:
            continue
        ending = tokens[-_ECHO_RUN:]
        if ending in endings:
            return " ".join(sentence.rstrip(".!?…").split()[-_ECHO_RUN:])
        endings.add(ending)
    return None


def lone_word_line(text: str) -> str | None:
    """A line of one word that an earlier line says already: "Kakao" alone between "... Noten
    von roter Johannisbeere und Kakao" / "250 g für 11,90 €" and the next fact (an Instagram
    draft, bench 2026-12-06), a remnant of a list the model began again."""
    said: set[str] = set()
    for line in strip_markup(text).split("\n"):
        tokens = [word.casefold() for word in words(line)]
        if len(tokens) == 1 and len(tokens[0]) >= 3 and tokens[0] in said:
            return line.strip()
        said.update(tokens)
    return None


_READINGS: tuple[Reading, ...] = (
    (looped_sentence, lambda found: f"'{shorten(found[0])}' stands {found[1]} times in the "
                                    "post; say it once"),
    (inflected_twin, lambda twin: f"'{twin[0]}' and '{twin[1]}' say one thing twice; say "
                                  "it once"),
    (repeated_run, lambda run: f"'{run}' stands twice in the post; say it once"),
    (thrice_run, lambda run: f"'{run}' stands three times in the post; say it once"),
    (doubled_pair, lambda pair: f"'{pair}' stands twice in one sentence; say it once"),
    (self_joined, lambda joined: f"'{joined}' joins a word to itself; say it once"),
    (restated_sentence, lambda restated: f"'{shorten(restated[0])}' says nothing that "
                                         f"'{shorten(restated[1])}' does not say; say it once"),
    (echoed_ending, lambda run: f"two sentences end in '{run}'; say it once"),
    (lone_word_line, lambda word: f"'{word}' stands alone on a line, and the post has said "
                                  "it already; take the line out"),
)
