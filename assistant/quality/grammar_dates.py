"""Rule 8 of the German grammar check (pure): the preposition before a date or a time.

"Wir suchen an Januar" (a month after "an" or "in" takes its article: "ab/im Januar"),
"am 18 Uhr" (a clock time takes "um"), "am Weihnachten" (a feast takes none: "an
Weihnachten"), "am 24. bis 26. Dezember" and "von 24. bis 26." (a span of days opens with
"vom"), "von dem 24. bis" ("vom 24."), and a span that ends on the day it begins ("ab dem
27 bis 27. Dezember"). Each was read in a draft of the embedded model; the last five in
ready drafts of the full bench runs of 2026-12-01 and 12-02. And two prepositions of time
before one date: "nur ab bis Ende Dezember" (an Instagram draft, bench 2026-12-03) ->
"bis Ende Dezember". And a clock time right after its date: "am 12. Dezember 18 Uhr" ->
"am 12. Dezember um 18 Uhr". And a span's first day without its dot: "Von 24 bis 26.
Dezember" -> "vom 24. bis 26. Dezember".
"""

from __future__ import annotations

from assistant.quality.calendar_words import month_words, weekday_words
from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_words import GrammarLexicon, Token

_MONTHS = month_words("de")
# a month after "an" or "in" needs the article: "im Januar", "am 1. Januar"
_MONTH_PREPOSITIONS = {"an": "'ab {month}', 'im {month}' or 'am 1. {month}'",
                       "in": "'im {month}'"}


def month_prepositions(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 8: "an Januar", "in Januar" (the embedded model wrote "Wir suchen an Januar")."""
    found = []
    for token, month in zip(words, words[1:], strict=False):
        # "an August" may be a man: "wir denken an August"
        if token.lower in _MONTH_PREPOSITIONS and month.text in _MONTHS and month.spaced \
                and not (token.lower == "an" and month.text == "August"):
            phrase = plain[token.start:month.end]
            fixes = _MONTH_PREPOSITIONS[token.lower].format(month=month.text)
            found.append(Finding(phrase, f"'{phrase}': a month takes the article here: "
                                         f"{fixes}"))
    return found


# a clock time takes "um" (or ab, bis, gegen, nach, vor): "am 18 Uhr" is a slip
_CLOCK_PREPOSITIONS = frozenset({"am", "im"})


def clock_prepositions(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 8, second part: "am 18 Uhr" -> "um 18 Uhr" (a ready Instagram draft of the
    embedded model, bench 2026-12-01: "Der 12. Dezember steht zum Röstkurs am 18 Uhr.")."""
    del lex  # closed word lists
    found = []
    for index, token in enumerate(words[:-2]):
        after = words[index + 1:index + 4]
        if token.lower not in _CLOCK_PREPOSITIONS or not after[0].number:
            continue
        clock = next((word for word in after[1:] if not word.number), None)
        # only digits, ":" and "." between: "am 18:00 Uhr"; "am 12. 18 Uhr" is a date
        gap = "" if clock is None else plain[token.end:clock.start]
        if clock is None or clock.text != "Uhr" or gap.strip(" 0123456789:.") or ". " in gap:
            continue
        phrase = plain[token.start:clock.end]
        fix = ("Um" if token.text[0].isupper() else "um") + phrase[len(token.text):]
        found.append(Finding(phrase, f"'{phrase}': a clock time takes 'um': '{fix}'", fix))
    return found


_LAST_HOUR = 24  # "Dezember 2026 18 Uhr" has a year after the month
_DAYS = weekday_words("de")


def bare_clock_times(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 8, second part, b: a clock time right after the date with nothing between:
    "Der Röstkurs am 12. Dezember 18 Uhr findet statt" -> "am 12. Dezember um 18 Uhr" (a
    ready Instagram and a ready Facebook draft, bench 2026-12-03). A comma between ("am
    12. Dezember, 18 Uhr") is a list and stays."""
    del lex  # closed word lists
    found = []
    for index, day in enumerate(words[:-2]):
        hour = words[index + 1]
        if day.text not in _MONTHS | _DAYS or not hour.text.isdigit() or \
                int(hour.text) > _LAST_HOUR or plain[day.end:hour.start] != " ":
            continue
        clock = next((word for word in words[index + 2:index + 4] if not word.number), None)
        if clock is None or clock.text != "Uhr" or \
                plain[hour.end:clock.start].strip(" 0123456789:"):
            continue
        phrase = plain[day.start:clock.end]
        fix = f"{day.text} um {plain[hour.start:clock.end]}"
        found.append(Finding(phrase, f"'{phrase}': a clock time after the date takes 'um': "
                                     f"'{fix}'", fix))
    return found


# feasts without an article: "an Weihnachten", "zu Ostern" ("am Weihnachten" is a slip)
_FEASTS = frozenset({"Weihnachten", "Ostern", "Pfingsten", "Silvester", "Neujahr"})
_FEAST_FIXES = {"am": "an", "zum": "zu", "Am": "An", "Zum": "Zu"}
# "vor dem Weihnachten" -> "vor Weihnachten" (a ready Facebook draft, bench 2026-12-05);
# "Silvester" and "Neujahr" may take one ("nach dem Silvester der Firma")
# ... and "für die Weihnachten" -> "für Weihnachten" (a bench draft, 2026-12-06)
_PLURAL_FEASTS = frozenset({"Weihnachten", "Ostern", "Pfingsten"})
_FEAST_PREPOSITIONS = frozenset({"vor", "nach", "seit", "bis", "über", "für"})
_FEAST_ARTICLES = frozenset({"dem", "die", "das"})
# a span of days opens with "vom" ("vom 24. bis 26. Dezember"), not "am" or "von"
_SPAN_FIXES = {"am": "vom", "von": "vom", "Am": "Vom", "Von": "Vom"}
_SPAN_REACH = 3  # tokens from the first day to "bis": "24. Dezember bis", "24.12. bis"


def feasts_and_spans(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 8, third part: "am Weihnachten" -> "an Weihnachten" ("vor dem Weihnachten" ->
    "vor Weihnachten", "für die Weihnachten" -> "für Weihnachten"), and "am 24. bis 26.
    Dezember" or "von 24. bis 26." -> "vom 24." (ready holiday drafts of the embedded
    model, bench 2026-12-01: "Was ist passiert mit dem Kontor am Weihnachten?", "... hat am
    24. bis 26. Dezember geschlossen")."""
    del lex  # closed word lists
    found = []
    for index, (token, after) in enumerate(zip(words, words[1:], strict=False)):
        phrase = plain[token.start:after.end]
        if token.text in _FEAST_FIXES and after.text in _FEASTS and after.spaced:
            fix = f"{_FEAST_FIXES[token.text]} {after.text}"
            found.append(Finding(phrase, f"'{phrase}': a feast takes no article: '{fix}'",
                                 fix))
        elif token.lower in _FEAST_ARTICLES and after.text in _PLURAL_FEASTS and after.spaced \
                and token.spaced and index and words[index - 1].lower in _FEAST_PREPOSITIONS:
            before = words[index - 1]
            phrase = plain[before.start:after.end]
            fix = f"{before.text} {after.text}"
            found.append(Finding(phrase, f"'{phrase}': a feast takes no article: '{fix}'",
                                 fix))
        elif (day := _span_day(words, index)) is not None:
            phrase = plain[token.start:words[day].end]
            fix = f"{_SPAN_FIXES[token.text]} {words[day].text}"
            found.append(Finding(phrase, f"'{phrase}. bis': a span of days opens with "
                                         f"'{fix}.'", fix))
    return found


def same_day_spans(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 8, fourth part: a span that ends on the day it begins, "ab dem 27 bis 27.
    Dezember" (a ready Instagram draft of the embedded model, bench 2026-12-02, for the
    brief's "ab dem 27. Dezember"). Flagged, not mended: which day was meant is unknown."""
    del lex  # numbers only
    found = []
    for before, until, after in zip(words, words[1:], words[2:], strict=False):
        if until.lower != "bis" or not before.number or not after.day:
            continue
        if before.text.split(".")[0] == after.text.split(".")[0]:
            phrase = plain[before.start:after.end]
            found.append(Finding(phrase, f"'{phrase}.': the span ends on the day it begins; "
                                         "name the one day or the span's last day"))
    return found


def undotted_span_days(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 8, fifth part: a span's first day without its dot, "Von 24 bis 26. Dezember" (a
    ready Mastodon draft of the full bench run, 2026-12-07) -> "vom 24. bis 26. Dezember"
    (the wrong "Von" is :func:`feasts_and_spans`'s). An hour stays bare: "von 8 bis 18 Uhr"
    ends on a number, not a day."""
    del lex  # numbers only
    found = []
    for before, until, after in zip(words, words[1:], words[2:], strict=False):
        if before.bare_day and until.lower == "bis" and after.day:
            phrase = plain[before.start:after.end]
            fix = f"{before.text}. bis {after.text}."
            found.append(Finding(f"{phrase}.", f"'{phrase}.': a span's first day takes its "
                                               f"dot too: '{fix}'", fix))
    return found


# what joins a span's days in the model's German where "bis" belongs: "Vom 24. zu 26.
# Dezember ... Ab dem 27. Dezember bist du bei uns." (a ready Instagram greeting with the
# runs of words forbidden, bench 2026-12-08)
_SPAN_JOINS = {"zu": "bis", "zum": "bis zum"}
_SPAN_OPENERS = frozenset({"vom", "von"})


def span_joins(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 8, sixth part: "vom 24. zu 26. Dezember" -> "vom 24. bis 26. Dezember"."""
    del lex  # numbers only
    found = []
    for opener, before, join, after in zip(words, words[1:], words[2:], words[3:],
                                           strict=False):
        # opened as a span: "am 24.12. zum 1. Advent" is a day and a feast
        if opener.lower in _SPAN_OPENERS and (before.day or before.bare_day) \
                and join.lower in _SPAN_JOINS and after.day:
            phrase = plain[before.start:after.end]
            fix = f"{before.text.rstrip('.')}. {_SPAN_JOINS[join.lower]} {after.text}"
            found.append(Finding(phrase, f"'{phrase}.': a span of days is joined by 'bis': "
                                         f"'{fix}.'", fix))
    return found


def _span_day(words: list[Token], index: int) -> int | None:
    """The position of the first day of a span that ``words[index]`` opens wrongly: "am
    24. bis", "von 24. bis", and "von dem 24. bis" ("geschlossen von dem 24. bis 26.
    Dezember", a ready Instagram draft, bench 2026-12-02)."""
    if words[index].text not in _SPAN_FIXES:
        return None
    day = index + 2 if words[index].lower == "von" and index + 2 < len(words) \
        and words[index + 1].lower == "dem" else index + 1
    if day >= len(words):
        return None
    # a day without its dot right before "bis" and a day (:func:`undotted_span_days`)
    bare = words[day].bare_day and day + 2 < len(words) \
        and words[day + 1].lower == "bis" and words[day + 2].day
    return day if (words[day].day or bare) and _span_end(words, day + 1) else None


def _span_end(words: list[Token], start: int) -> bool:
    """Whether "bis" and a day follow within reach: "24. bis 26.", not "24.12. bis
    mittags" (on that day, until noon)."""
    ahead = words[start:start + _SPAN_REACH + 1]
    return any(word.lower == "bis" and following.day
               for word, following in zip(ahead, ahead[1:], strict=False))


# a span's start right before its end: "ab bis Ende Dezember" says neither; "bis" stays
# (what the 1.5B model wrote for the brief's "nur bis Ende Dezember"). "bis zu" is "up to":
# "Gruppen von bis zu 20 Personen", "an bis zu drei Tagen" are right
_SPAN_STARTS = frozenset({"ab", "an", "seit", "von"})


def doubled_time_prepositions(plain: str, words: list[Token],
                              lex: GrammarLexicon) -> list[Finding]:
    """Rule 8, fourth part: "ab bis Ende Dezember" -> "bis Ende Dezember"."""
    del lex  # closed word lists
    found = []
    for index, (token, until) in enumerate(zip(words, words[1:], strict=False)):
        if token.lower not in _SPAN_STARTS or until.lower != "bis" or not until.spaced \
                or (index + 2 < len(words) and words[index + 2].lower == "zu"):
            continue
        phrase = plain[token.start:until.end]
        fix = until.text.capitalize() if token.text[0].isupper() else until.text
        found.append(Finding(phrase, f"'{phrase}': two prepositions of time; write "
                                     f"'{fix}' (or name the span's start)", fix))
    return found
