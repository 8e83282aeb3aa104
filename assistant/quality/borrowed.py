"""The sentences a model's post borrowed or says twice, struck by tidy (pure): from a kit
example (its facts are not today's news), from the kit's guideline documents (how to write,
or the brand's self-description), the kit's usual call where the brief has its own, and a
sentence that another sentence of the post says in full. Split from ``tidy``; each
strike keeps one sentence at least.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from assistant.brand.schema import BrandKit
from assistant.quality.calls import brief_call, usual_call
from assistant.quality.factcheck import Known
from assistant.quality.facts import extract_facts
from assistant.quality.fit import briefed, without_spans
from assistant.quality.fold import topic_words
from assistant.quality.similarity import copied_share
from assistant.quality.textnorm import content_words, ngrams, sentence_spans, words

# a sentence this long and this much in 5-word runs of one example is taken from it
COPIED_MIN_WORDS = 6
# ... and one of five words that names a thing (a noun after its first word): "Die
# Fensterplätze sind noch frei." of the coffee kit's rainy-day example opened ready
# Instagram posts on a Christmas closure and on a job (bench, 2026-12-07, twice); "Wir
# freuen uns auf dich." names nothing and is the kit's voice
SHORT_COPIED_WORDS = 5
COPIED_SHARE = 0.8
# ... and a guideline sentence that carries a fact the brief lacks, at this share: "Kaffee
# rösten in Chargen von 15 Kilo" (5 of 7 words from "Wir rösten zweimal die Woche in
# Chargen von 15 Kilo") stood in a ready Instagram post on a new coffee (bench 2026-12-02)
GUIDELINE_FACT_SHARE = 0.6
# ... and long enough when it is one 5-word run: "In Chargen von 15 Kilo." stood alone in a
# ready Facebook post on a roasting course (bench, 2026-12-05)
GUIDELINE_FACT_MIN_WORDS = 5
# ... or this many of its words beyond the brief's, this much in the words of one example
EXAMPLE_WORDS = 6
EXAMPLE_SHARE = 0.9
# ... or that holds this many words of a guideline in a row, however long it is: "Wir sind
# nicht nur eine kleine Rösterei, sondern auch ein Café, das die Leute um halb sieben den
# Röster anwerfen und mittags selbst hinter dem Tresen stehen." (12 of 27 words, a ready
# Facebook post on a hand grinder, bench 2026-12-06)
GUIDELINE_RUN = 10
# a question this long taken from an example that holds none of the brief's topic words
# goes: "Du schmeckst gern genau hin, arbeitest sorgfältig und stehst früh auf, ohne zu
# murren?" (the coffee kit's job ad) opened a ready LinkedIn post on new opening hours
# (browser, 2026-12-06); "Schietwetter in Altona?" stays as voice
QUESTION_MIN_WORDS = 8
# a sentence this long that another sentence of the post says in full is an echo
ECHO_MIN_WORDS = 3


def copied_examples(text: str, kit: BrandKit, sources: Known, language: str,
                     brief: str) -> str:
    """``text`` without the sentences taken from a kit example that carry a fact no source
    states, or state something with no fact of the ``brief`` at all: the example shows
    the voice, what it says is not today's news ("Wir rösten live, erklären, was im
    Röster passiert, und laden zum Cupping ein" and "Für Kinder gibt's heißen Kakao" stood
    in a Facebook post on a new filter coffee, bench 2026-12-01)."""
    examples = [example.text for example in kit.examples]
    told = Known.of((brief,), language)
    topic = set(topic_words(brief))

    def not_todays(sentence: str) -> bool:
        if _long_question(sentence) and not topic & set(words(sentence)):
            return True
        news = _statement(sentence) and not briefed(sentence, brief)
        return (news and _off_brief(sentence, told, language)) or any(
            not sources.covers(fact) for fact in extract_facts(sentence, language))

    return without_sentences(text, lambda sentence: (
        _copied(sentence, examples) or _short_copied(sentence, examples)
        or _worded_like(sentence, examples, brief)) and not_todays(sentence))


def _short_copied(sentence: str, examples: list[str]) -> bool:
    """A sentence of SHORT_COPIED_WORDS taken from an example that names a thing: a word
    written large after its first."""
    return any(word[:1].isupper() for word in sentence.split()[1:]) and _copied(
        sentence, examples, least=SHORT_COPIED_WORDS)


def without_usual_call(text: str, cta: str | None, brief: str, language: str) -> str:
    """``text`` without the sentences taken from the kit's usual call to action where the
    brief has a call of its own (``calls``); one mostly in the brief's words stays, but
    loses the usual call that a dash joins to it (:func:`_without_usual_clause`)."""
    if not cta or brief_call(brief, language) is None:
        return text
    text = _without_usual_clause(text, cta)
    return without_sentences(text, lambda sentence: usual_call(sentence, cta)
                              and not briefed(sentence, brief))


# a dash between two clauses of one sentence
_DASH = regex.compile(r"\s[–—-]\s")


def _without_usual_clause(text: str, cta: str) -> str:
    """``text`` with each sentence that opens with the usual call and goes on after a dash
    cut to what follows the dash: "Komm vorbei im Kontor oder bestell im Shop – Anmeldung
    im Laden oder per Mail." closed a ready Facebook post on a course (bench, 2026-12-06),
    the kit's call to order in a shop fused with the brief's own call."""
    for start, end in reversed(sentence_spans(text)):
        sentence = text[start:end]
        dash = _DASH.search(sentence)
        if dash is None or not usual_call(sentence[:dash.start()], cta):
            continue
        lead = sentence[:len(sentence) - len(sentence.lstrip())]
        rest = sentence[dash.end():].lstrip()
        if words(rest) and not usual_call(rest, cta):
            text = text[:start] + lead + rest[:1].upper() + rest[1:] + text[end:]
    return text


def _long_question(sentence: str) -> bool:
    """Whether ``sentence`` is a question of QUESTION_MIN_WORDS words or more: a short one
    taken from an example ("Schietwetter in Altona?") is the brand's voice, a long one
    asks about the example's own topic."""
    return sentence.rstrip().endswith("?") and len(words(sentence)) >= QUESTION_MIN_WORDS


def _statement(sentence: str) -> bool:
    """Not a call or a question: an example's sign-off ("Erzähl uns, wie er dir
    schmeckt!") is the brand's voice, not news."""
    return not sentence.rstrip().endswith(("!", "?"))


def without_guidance(text: str, guidelines: str, language: str, brief: str | None) -> str:
    """``text`` without the sentences taken from the kit's guideline documents that carry
    no fact of the ``brief`` (with no brief known: no fact at all). Some tell the writer
    how to write ("Ein bisschen Understatement, gern ein Augenzwinkern über das Hamburger
    Wetter. Keine Superlative: ..." stood in a ready Facebook draft); the others describe
    the brand ("Wir rösten zweimal die Woche in Chargen von 15 Kilo und kaufen so direkt
    wie möglich ein." stood in 13 of 312 bench drafts, for a course, a job, a holiday
    closure, on every platform of a brief). Neither is what the brief is about. A brand
    fact that the brief names too stays."""
    if not guidelines:
        return text
    told = Known.of((brief,), language) if brief is not None else None

    def off_brief_guidance(sentence: str) -> bool:
        fact = bool(extract_facts(sentence, language))
        share, least = (GUIDELINE_FACT_SHARE, GUIDELINE_FACT_MIN_WORDS) if fact else (
            COPIED_SHARE, COPIED_MIN_WORDS)
        copied = _copied(sentence, [guidelines], share, least) or bool(
            ngrams(words(sentence), GUIDELINE_RUN) & ngrams(words(guidelines), GUIDELINE_RUN))
        return copied and _off_brief(sentence, told, language)

    return without_sentences(text, off_brief_guidance)


def _off_brief(sentence: str, told: Known | None, language: str) -> bool:
    """Whether ``sentence`` has no fact, or none that ``told`` (the brief) states. A bare
    number counts only where the brief has it as a bare number too: "Wir rösten ... in
    Chargen von 15 Kilo" stood in a CLI post on new opening hours, kept because the brief
    said "9 bis 15 Uhr" (2026-12-02)."""
    facts = extract_facts(sentence, language)
    return not facts or (told is not None and not any(
        told.covers(fact) and (fact.kind != "number" or fact.key in told.bare_numbers)
        for fact in facts))


def without_sentences(text: str, drop_it: Callable[[str], bool]) -> str:
    """``text`` without the sentences ``drop_it`` picks; one sentence always stays."""
    spans = sentence_spans(text)
    return _without_spans(text, spans, [span for span in spans if drop_it(text[slice(*span)])])


# a run of words said twice with nothing between: "Bewerbung per Mail an moin@... Bewerbung
# per Mail an moin@..." closed a Facebook draft (bench, 2026-12-03); an address ends no
# sentence, so the echo of whole sentences cannot see it
_DOUBLED_MIN = 3
_TOKEN = regex.compile(r"\S+")


def without_doubled_runs(text: str) -> str:
    """``text`` with each run of _DOUBLED_MIN words or more that follows itself at once,
    word for word, said once (the longest first)."""
    while True:
        tokens = list(_TOKEN.finditer(text))
        said = [token.group() for token in tokens]
        doubled = next(((tokens[start + size - 1].end(), tokens[start + 2 * size - 1].end())
                        for size in range(len(said) // 2, _DOUBLED_MIN - 1, -1)
                        for start in range(len(said) - 2 * size + 1)
                        if said[start] == said[start + size]
                        and said[start:start + size] == said[start + size:start + 2 * size]),
                       None)
        if doubled is None:
            return text
        text = text[:doubled[0]] + text[doubled[1]:]


def without_echoes(text: str) -> str:
    """``text`` without a sentence or line of ECHO_MIN_WORDS words or more that another
    sentence says in full, word for word (of two equal ones the later goes): the model's
    echo, "... stellen wir unseren Hafer-Cappuccino vor, ab Montag im Café für 3,80 €. Ab
    Montag im Café für 3,80 €" (X), or a line "Ab dem 27. Dezember sind wir wieder für euch
    da." under the line that ends in it (Instagram; bench and CLI, 2026-11-30). A shorter
    line with no mark goes where another sentence opens with its words: "Schema drift" as
    a LinkedIn paragraph of its own under "Schema drift alerts have been expanded ..." (a
    ready draft, bench 2026-12-02). And a shorter sentence written small that another
    sentence ends with: "euch da. Frohe Weihnachten! ... sind wir wieder für euch da." (a
    Facebook draft, bench 2026-12-07), the rest of a line cut before it; written large
    afterwards ("Euch da."), no check would see it."""
    spans = sentence_spans(text)
    keys = [" " + " ".join(words(text[start:end])) + " " for start, end in spans]

    def echo(index: int) -> bool:
        key = keys[index]
        if len(key.split()) < ECHO_MIN_WORDS:
            others = [keys[other] for other in range(len(keys))
                      if other != index and keys[other] != key]
            return bool(key.strip()) and (
                (_bare_line(text, *spans[index]) and any(o.startswith(key) for o in others))
                or (_opens_small(text[slice(*spans[index])])
                    and any(o.endswith(key) for o in others)))
        return any(
            other != index and key in keys[other] and (key != keys[other] or other < index)
            for other in range(len(keys)))

    return _without_spans(text, spans, [span for index, span in enumerate(spans)
                                        if echo(index)])


def _opens_small(sentence: str) -> bool:
    """Whether the first letter of ``sentence`` is written small."""
    first = next((char for char in sentence if char.isalpha()), "")
    return first.islower()


def _bare_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line of its own that ends in no mark."""
    end = start + len(text[start:end].rstrip())
    return (text[:start].rstrip(" \t").endswith("\n") or not text[:start].strip()) and \
        (text[end:].lstrip(" \t").startswith("\n") or not text[end:].strip()) and \
        text[start:end].rstrip()[-1:].isalnum()


def _without_spans(text: str, spans: list[tuple[int, int]],
                   drop: list[tuple[int, int]]) -> str:
    """``text`` without the sentences at ``drop`` (some of its ``spans``); one stays."""
    if not drop or len(drop) == len(spans):
        return text
    return without_spans(text, drop)


def _copied(sentence: str, texts: list[str], share: float = COPIED_SHARE,
            least: int = COPIED_MIN_WORDS) -> bool:
    """Whether ``sentence`` is ``least`` words long or more and mostly in 5-word runs of one
    of ``texts``, a clitic "'s" read as "es" on both sides: "Für Kinder gibt es heißen
    Kakao und eine kleine Bohnen-Rallye." is the example's "gibt's" sentence (a ready X post on new
    opening hours, CLI 2026-12-03)."""
    plain = _CLITIC_ES.sub(r"\1 es", sentence)
    return len(words(plain)) >= least and any(
        copied_share(plain, _CLITIC_ES.sub(r"\1 es", text)) >= share for text in texts)


def _worded_like(sentence: str, examples: list[str], brief: str) -> bool:
    """Whether the words of ``sentence`` that the brief does not say (of more than two
    letters, at least EXAMPLE_WORDS of them) nearly all stand in one example: the
    example's sentence reworded, "Jetzt rösten wir live und erklären, was im Röster
    passiert" for "Wir rösten live, erklären, was im Röster passiert" (a ready Facebook
    post on a hand grinder, 2026-12-03), which no 5-word run of the example holds."""
    told = set(words(brief))
    own = [word for word in content_words(sentence) if word not in told]
    if len(own) < EXAMPLE_WORDS:
        return False
    return any(sum(word in known for word in own) >= EXAMPLE_SHARE * len(own)
               for known in (set(words(example)) for example in examples))


_CLITIC_ES = regex.compile(r"(\p{L})['’]s\b")
