"""Rule 16 of the German grammar check: a fixed phrase with the wrong preposition, and an
event that a post orders or picks up like goods (pure).

"Wie kann man Cold Brew in Hause herstellen?" and "Kaffee in Hause rösten" (a ready Threads
and a ready Instagram draft of the embedded model for the brief's "zu Hause", bench
2026-12-03): the old dative "Hause" lives on only in fixed phrases, "zu Hause", "nach
Hause", "von zu Hause", "im Hause" (a firm's premises); "in Hause" is none of them.
Mended: one correction fits. The same for "für Hause" ("für zu Hause") and the greeting
"Frühe Weihnachten" and "Frühes Weihnachten" ("Frohe Weihnachten"; ready drafts, bench
2026-12-05 and 2026-12-07).

16b: "Möchtest du mit uns den Röstkurs am 12. Dezember 18 Uhr in Altona abholen?" (a ready
Facebook draft, bench 2026-12-03; issue 13 quotes the same for the first draft it saw, and
"Bestelle dir heute im Laden" for a course). A course, a workshop or a tasting is booked or
attended; "abholen" and "bestellen" are for goods, "rösten" for beans ("röst uns den
Röstkurs ... ein!", a ready LinkedIn draft, bench 2026-12-08). Read where the event is the
verb's object: after an article and no preposition ("Tickets für den Workshop bestellen"
is right), in the verb's clause (no comma between them). A warning without a mend: the
right verb needs another sentence ("dich zum Röstkurs anmelden").

16d: "Sei der erste, der sich für den Röstkurs anmacht." (a ready Facebook draft, bench
2026-12-07, for the brief's "Anmeldung im Laden oder per Mail"): "sich anmachen" is to chat
someone up or to get oneself going, never to sign up; with a reflexive in its sentence
a form of "anmachen" is the model's word for "anmelden". Mended: the same form of
"anmelden" ("anmacht" -> "anmeldet", "mach dich ... an" -> "meld dich ... an").

16e: "Zieh ihn in 4 Minuten und drück dann langsam herunter." (a ready X tip, bench
2026-12-07, for the brief's "4 Minuten ziehen lassen"; an earlier run wrote "Zieh ihn
einfach 4 Minuten"): coffee or tea "zieht" on its own, "Zieh ihn" is to pull it. Read as
the du-imperative of "ziehen" with "ihn", "sie" or "es" and a span of minutes or hours
after it ("in", "für" or nothing between). Mended: "Lass ihn 4 Minuten ziehen".
"""

from __future__ import annotations

from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_reflexive import REFLEXIVES
from assistant.quality.grammar_words import (
    DETERMINERS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    sentences,
)

# (word before, noun) -> the word of the fixed phrase
# "Cold Brew bei Hause" (a ready Mastodon draft, bench 2026-12-04)
# "Jetzt ein Kaffee für Hause!" (a ready Instagram draft, bench 2026-12-05)
# and the greeting "Frühe Weihnachten!" (a ready Facebook draft, bench 2026-12-05), also
# "Frühes Weihnachten!" (a ready Instagram greeting, bench 2026-12-07)
# "Du kannst dich per Laden oder per Mail anmelden" for "im Laden oder per Mail" (a ready
# LinkedIn draft, bench 2026-12-06): "per" is a means (per Mail, per Post), not a place
_FIXED = {("in", "Hause"): "zu", ("bei", "Hause"): "zu", ("für", "Hause"): "für zu",
          ("frühe", "Weihnachten"): "frohe", ("frühes", "Weihnachten"): "frohe",
          ("per", "Laden"): "im", ("per", "Café"): "im",
          ("per", "Kontor"): "im"}


def fixed_phrases(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    del lex  # a closed list
    found = []
    for preposition, noun in zip(words, words[1:], strict=False):
        right = _FIXED.get((preposition.lower, noun.text))
        if right is None or not noun.spaced:
            continue
        phrase = plain[preposition.start:noun.end]
        start = right.capitalize() if preposition.text[0].isupper() else right
        fix = f"{start} {noun.text}"
        found.append(Finding(phrase, f"'{phrase}': the fixed phrase is '{fix}'", fix))
    return found


# what a post holds a date, a course or a tasting for (a noun ending so: "Röstkurs")
_EVENTS = ("kurs", "workshop", "cupping", "webinar", "seminar", "verkostung", "tasting",
           "veranstaltung", "führung")
# the verbs of goods, in the forms a post uses
# ... and of what a roaster does to beans: "röst uns den Röstkurs am 12. Dezember um 18 Uhr
# ein!" (a ready LinkedIn draft, bench 2026-12-08)
_GOODS_VERBS = frozenset({"abholen", "abzuholen", "abholst", "abholt", "abgeholt",
                          "bestellen", "bestellst", "bestellt", "bestelle", "bestell",
                          "rösten", "röstest", "röstet", "röste", "röst"})


def events_as_goods(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 16b (see the module doc): "den Röstkurs ... abholen"."""
    del lex  # closed word lists
    found = []
    for sentence in sentences(words):
        at = next((place for place, token in enumerate(sentence)
                   if token.lower in _GOODS_VERBS), None)
        if at is None:
            continue
        verb = sentence[at]
        for index in range(1, len(sentence)):
            article, noun = sentence[index - 1], sentence[index]
            before = sentence[index - 2].lower if index > 1 else ""
            if not noun.capitalised or not noun.lower.endswith(_EVENTS) or \
                    article.lower not in DETERMINERS or before in PREPOSITIONS or \
                    before in FUSED_ARTICLES or _comma_between(sentence, at, index - 1):
                continue
            # the phrase is the object only: the words between may hold another finding
            phrase = plain[article.start:noun.end]
            found.append(Finding(phrase, f"'{article.text} {noun.text} … {verb.text}': a "
                                 f"{noun.text} is booked or attended, not '{verb.text}' like "
                                 f"goods; write 'dich zum {noun.text} anmelden' or 'den "
                                 f"{noun.text} besuchen'", None))
            break
    return found


def _comma_between(sentence: list[Token], first: int, second: int) -> bool:
    """Whether a comma parts the words at ``first`` and ``second``: "Den Röstkurs gibt es
    am 12. Dezember, wir rösten zusammen" has the verb in another clause."""
    low, high = sorted((first, second))
    return any(token.after_comma for token in sentence[low + 1:high + 1])


# the forms of "anmachen" and of "anmelden" that take their place (rule 16d); the split
# imperative only with "an" as the sentence's last word ("Mach dich an die Arbeit" is
# right) and its pronoun right after it ("Das macht dich an" is to excite, not to sign up)
_TURN_ON = {"anmachen": "anmelden", "anmacht": "anmeldet", "anmachst": "anmeldest",
            "anmache": "anmelde", "anzumachen": "anzumelden", "angemacht": "angemeldet",
            "anmachte": "anmeldete", "anmachten": "anmeldeten"}
_TURN_ON_SPLIT = {("mach", "dich"): "meld", ("mache", "dich"): "melde",
                  ("macht", "euch"): "meldet"}


def turned_on(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 16d (see the module doc): "der sich für den Röstkurs anmacht" -> "anmeldet"."""
    del plain, lex  # closed word lists
    found = []
    for sentence in sentences(words):
        lowers = [token.lower for token in sentence]
        if not REFLEXIVES.intersection(lowers):
            continue
        for index, token in enumerate(sentence):
            right = _TURN_ON.get(token.lower)
            if right is None and lowers[-1] == "an" and index < len(lowers) - 1:
                right = _TURN_ON_SPLIT.get((token.lower, lowers[index + 1]))
            if right is None:
                continue
            fix = right.capitalize() if token.text[0].isupper() else right
            found.append(Finding(token.text, f"'{token.text}': 'sich anmachen' is not to "
                                             f"sign up; write '{fix}'", fix))
    return found


_STEEPED = frozenset({"ihn", "sie", "es"})
_SPAN_UNITS = frozenset({"minuten", "minute", "stunden", "stunde", "sekunden"})


def pulled_not_steeped(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 16e (see the module doc): "Zieh ihn in 4 Minuten" -> "Lass ihn 4 Minuten
    ziehen"."""
    del lex  # closed word lists
    found = []
    for at in range(len(words) - 3):
        verb, pronoun = words[at], words[at + 1]
        if verb.lower not in ("zieh", "ziehe") or pronoun.lower not in _STEEPED:
            continue
        span = words[at + 2:at + 6]
        if span and span[0].lower in ("in", "für", "einfach"):
            span = span[1:]
        if len(span) < 2 or not span[0].text.isdigit() or span[1].lower not in _SPAN_UNITS:
            continue
        last = span[2] if len(span) > 2 and span[2].lower == "lang" else span[1]
        phrase = plain[verb.start:last.end]
        lass = "Lass" if verb.text[0].isupper() else "lass"
        fix = f"{lass} {pronoun.text} {plain[span[0].start:last.end]} ziehen"
        found.append(Finding(phrase, f"'{phrase}': coffee steeps on its own, 'Zieh {pronoun.text}'"
                                     f" is to pull it; write '{fix}'", fix))
    return found


# what makes "X wie möglich" a comparison: "so schnell wie möglich", "genauso gut",
# "möglichst"; and the words "wie möglich" may follow without one: "wo und wie möglich"
_AS_MUCH = frozenset({"so", "genauso", "ebenso", "möglichst"})
_NO_DEGREE = frozenset({"und", "oder", "wo", "wann", "soweit", "sofern"})
_REACH = 3  # words before "wie" where its "so" may stand: "so viele Plätze wie möglich"


def degree_without_so(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 16c: "Direkt wie möglich ein." (a ready Facebook draft, bench 2026-12-06): the
    degree "wie möglich" needs its "so" ("so direkt wie möglich"). Not mended: the model
    that drops the "so" seldom writes the rest of the sentence right (that one ends on a
    verb's particle alone), so a mend would hand on a broken sentence without a finding."""
    del lex  # closed word lists
    found = []
    for sentence in sentences(words):
        for index in range(1, len(sentence) - 1):
            before, how, possible = sentence[index - 1], sentence[index], sentence[index + 1]
            reach = sentence[max(0, index - _REACH):index]
            if how.lower != "wie" or possible.lower != "möglich" or not how.spaced \
                    or before.lower in _NO_DEGREE or any(word.lower in _AS_MUCH for word in reach):
                continue
            phrase = plain[before.start:possible.end]
            found.append(Finding(phrase, f"'{phrase}': a degree needs its 'so' ('so schnell "
                                         "wie möglich'), or say it otherwise"))
    return found
