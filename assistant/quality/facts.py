"""The checkable facts of a text, normalised so that the same fact compares equal (pure).

"18 Uhr" = "18:00" = "6 pm"; "12. Dezember" = "12.12." = "December 12th"; "€ 12" =
"12 €" = "12,00 €"; "8 Plätze" is the number 8; "acht" in a source is 8 too. Years,
weekdays in a post and number words in a post are not facts here (too often right to
add), but a weekday in a brief is one that the post should keep ("ab Samstag").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from assistant.hashtags import HASHTAG_RE
from assistant.quality.calendar_words import (
    ANY_MONTH,
    ANY_WEEKDAY,
    MONTH_WORDS,
    WEEKDAY_NUMBERS,
    alternation,
)
from assistant.quality.textnorm import DOMAIN_RE, EMAIL_RE, HANDLE_RE, URL_RE

Span = tuple[int, int]  # where a fact stands in its text: start, end
WEB_KINDS = ("url", "email", "handle")  # the web facts, compared as text
_NUMBER_WORDS = {
    word: value for value, words in enumerate([
        ("null", "zero"), ("eins", "one"), ("zwei", "two"), ("drei", "three"), ("vier", "four"),
        ("fünf", "five"), ("sechs", "six"), ("sieben", "seven"), ("acht", "eight"),
        ("neun", "nine"), ("zehn", "ten"), ("elf", "eleven"), ("zwölf", "twelve")])
    for word in words
}
# a count written as a word is a number of the post too: "Wir rösten zwei Kaffees aus
# Äthiopien" for the brief's "drei Kaffees" (a Bluesky draft, bench 2026-12-03) named
# another number and nothing read it; "eins" and "one" are left (an article, a pronoun)
COUNT_WORDS = "|".join(word for word, value in _NUMBER_WORDS.items() if value > 1)
_MONTH = alternation(ANY_MONTH)
_NUM = r"\d+(?:[.,]\d+)*"
_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("phone", regex.compile(r"(?<![\w.,])(?:\+|0)\d[\d ()/-]{5,}\d(?![\w])")),
    ("date", regex.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?!\d)")),
    ("date", regex.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2})(?![\d.]))?")),
    ("date", regex.compile(rf"(?i)(?<![\d.])(\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?"
                           rf"({_MONTH})\b\.?(?:\s+(\d{{4}}))?")),
    ("date", regex.compile(rf"(?i)\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
                           rf"(?:,?\s+(\d{{4}}))?")),
    ("time", regex.compile(r"(?i)(?<![\d.,:])(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?")),
    ("time", regex.compile(r"(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?\s*(?:Uhr|h)(?!\w)"
                           r"(?:\s+(abends|nachmittags|am\s+Abend|am\s+Nachmittag))?")),
    ("time", regex.compile(r"(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])")),
    # a currency's letters as a word of their own: "Steuer 19" is no price
    ("price", regex.compile(rf"(?i)(?:€|\$|£|(?<!\p{{L}})(?:eur|usd|chf))\s?({_NUM})"
                            rf"(?:,[-–])?")),
    ("price", regex.compile(rf"(?i)(?<![\d.,])({_NUM})(?:,[-–])?\s?(?:€|euros?|eur|\$|usd|"
                            rf"dollars?|£|chf)(?!\w)")),
    ("percent", regex.compile(rf"(?i)(?<![\d.,])({_NUM})\s?(?:%|prozent|percent|per cent)")),
    ("number", regex.compile(rf"(?<![\p{{L}}\d.,])({_NUM})(?![\d])")),
    ("count", regex.compile(rf"(?i)(?<![\p{{L}}-])({COUNT_WORDS})(?![\p{{L}}-])")),
)
_DAY_NAMES = alternation(WEEKDAY_NUMBERS)
_WEEKDAY_RE = regex.compile(rf"(?i)\b({_DAY_NAMES})s?\b")
# "1. Mahlgrad" at the start of a line is a list item, "12. Dezember" is a date; inside a
# line "1. mahlen 2. wiegen" is a list when it counts from 1 to at least 2
_LIST_MARKER = regex.compile(rf"(?m)^\s*\d{{1,2}}[.)]\s+(?!(?i:{_MONTH})\b)")
_INLINE_MARKER = regex.compile(rf"(?<![\d.,:/])(\d{{1,2}})[.)]\s+(?!(?i:{_MONTH})\b)(?=\S)")


@dataclass(frozen=True)
class Fact:
    """One fact: its kind, a key equal for equal facts, the text it was read from, and the
    numbers in it (a date's day and month, a time's hour) for lenient matching."""

    kind: str
    key: str
    shown: str
    numbers: frozenset[str]
    # a date's year where it says one ("12. Dezember 2023"): the key leaves it out, so a
    # date without it matches; a year that no source states is made up (``factcheck``)
    year: str | None = None


def number_key(raw: str, language: str) -> str | None:
    """'1.000' (de) and '1,000' (en) -> '1000'; '12,50' (de) -> '12.5'; '12,00' -> '12'."""
    text = raw.strip()
    thousands, decimal = (".", ",") if language == "de" else (",", ".")
    if regex.fullmatch(rf"\d{{1,3}}(?:\{thousands}\d{{3}})+(?:\{decimal}\d+)?", text):
        text = text.replace(thousands, "")
    text = text.replace(decimal, ".").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _web_facts(text: str) -> tuple[list[tuple[Fact, Span]], str]:
    """URLs, bare domains, e-mail addresses and handles with where they stand; the text
    without them and hashtags."""
    found: list[tuple[Fact, Span]] = []
    for kind, pattern in (("url", URL_RE), ("email", EMAIL_RE), ("url", DOMAIN_RE),
                          ("handle", HANDLE_RE)):
        for match in pattern.finditer(text):
            found.append((web_fact(kind, match.group(0)), match.span()))
            text = _blank(text, match.start(), match.end())
    for match in HASHTAG_RE.finditer(text):
        text = _blank(text, match.start(), match.end())
    return found, text


def trim_web(raw: str) -> str:
    """An address as matched, without the punctuation that ends the sentence around it."""
    return raw.rstrip(".,;:!?)»“\"'")


def web_fact(kind: str, raw: str) -> Fact:
    """The fact of one web address, e-mail or handle as a pattern matched it."""
    raw = trim_web(raw)
    shown = regex.sub(r"(?i)^https?://(?:www\.)?", "", raw)  # short enough to quote
    return Fact(kind, web_key(raw), shown, frozenset())


def _without_lists(text: str) -> tuple[str, int]:
    """``text`` without list numbering, and how many items a counted list has (0: none):
    "3 Tipps: 1. mahlen 2. wiegen 3. brühen" states no fact with its 1, 2, 3 or 3. The
    numbering is blanked, so that the facts' spans are where they stand in ``text``."""
    markers = list(_INLINE_MARKER.finditer(text))
    numbers = {int(m.group(1)) for m in markers}
    counted = {1, 2} <= numbers
    for match in markers if counted else list(_LIST_MARKER.finditer(text)):
        text = _blank(text, match.start(), match.end())
    return text, max(numbers) if counted else 0


def web_key(raw: str) -> str:
    """An address as compared: no scheme, no www., no query, no trailing slash, lower case."""
    key = regex.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", raw.strip().lstrip("@"))
    return key.split("?")[0].split("#")[0].rstrip("/").casefold()


def _date(groups: tuple[str | None, ...]) -> tuple[int, int] | None:
    parts = [g for g in groups if g]
    if len(parts[0]) == 4 and parts[0].isdigit():  # ISO: year, month, day
        day, month = int(parts[2]), int(parts[1])
    elif parts[0].isdigit():
        day = int(parts[0])
        month = int(parts[1]) if parts[1].isdigit() else ANY_MONTH[parts[1].casefold()]
    else:
        day, month = int(parts[1]), ANY_MONTH[parts[0].casefold()]
    return (day, month) if 1 <= day <= 31 and 1 <= month <= 12 else None


def _time(groups: tuple[str | None, ...]) -> tuple[int, int] | None:
    hour, minute = int(groups[0] or 0), int(groups[1] or 0)
    if len(groups) > 2 and groups[2] and hour <= 12:  # a.m./p.m., "6 Uhr abends"
        later = groups[2].casefold() == "p" or len(groups[2]) > 1
        hour = hour % 12 + (12 if later else 0)
    return (hour, minute) if hour <= 24 and minute < 60 else None


def _fact(kind: str, match: regex.Match[str], language: str) -> Fact | None:
    shown, groups = match.group(0).strip(), match.groups()
    if kind == "date":
        day_month = _date(groups)
        if day_month is None:
            return None
        day, month = day_month
        year = next((part for part in groups if part and len(part) == 4 and part.isdigit()),
                    None)
        return Fact(kind, f"{day:02d}.{month:02d}.", shown, frozenset({str(day), str(month)}),
                    year)
    if kind == "time":
        # German writes no "2 am" for a clock time: "2 am Samstag" is a count and a day
        # ("7:30 am" is a time)
        if language == "de" and shown.endswith("am") and groups[1] is None:
            return None
        clock = _time(groups)
        if clock is None:
            return None
        return Fact(kind, f"{clock[0]:02d}:{clock[1]:02d}", shown, frozenset({str(clock[0])}))
    if kind == "phone":
        digits = regex.sub(r"\D", "", shown)
        if len(digits) < 7:
            return None
        key = regex.sub(r"^(?:0049|49)", "0", digits) if shown.lstrip().startswith(("+", "00")) \
            else digits
        return Fact(kind, key, shown, frozenset())
    if kind == "count":
        count = str(_NUMBER_WORDS[groups[0].casefold()])
        return Fact("number", count, shown, frozenset({count}))
    value = number_key(groups[0] or "", language)
    return Fact(kind, value, shown, frozenset({value})) if value is not None else None


def extract_facts(text: str, language: str) -> list[Fact]:
    """Every fact of ``text`` in order of kind: web, phone, date, time, price, percent,
    number (in digits, then as a word: "drei Kaffees")."""
    return [fact for fact, _ in fact_spans(text, language)]


def fact_spans(text: str, language: str) -> list[tuple[Fact, Span]]:
    """The facts of ``text`` as ``extract_facts`` reads them, each with the span of
    ``text`` it was read from: a number inside one ("18" of "18 Uhr") is that fact."""
    facts, rest = _web_facts(text)
    rest, items = _without_lists(rest)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(rest):
            fact = _fact(kind, match, language)
            if fact is not None and not (fact.kind == "number" and fact.key == str(items)):
                facts.append((fact, match.span()))
                rest = _blank(rest, match.start(), match.end())
    return facts


def is_calendar_word(word: str) -> bool:
    """A month or weekday ("Dezember", "Saturday", "samstags"): never a name or a place."""
    key = word.casefold()
    return key in ANY_MONTH or key in ANY_WEEKDAY or key.rstrip("s") in ANY_WEEKDAY


def weekday_mentions(text: str) -> list[tuple[str, int]]:
    """Each weekday a text names, as written, with its number (0 = Monday), in either
    language, "samstags" included."""
    return _days(_WEEKDAY_RE, text)


def _days(pattern: regex.Pattern[str], text: str) -> list[tuple[str, int]]:
    """What ``pattern`` finds in ``text``, as written, with the number of the weekday its
    first group names."""
    return [(m.group(0), ANY_WEEKDAY[m.group(1).casefold()]) for m in pattern.finditer(text)]


def weekdays(text: str) -> set[int]:
    """The weekdays a text names (0 = Monday)."""
    return {day for _, day in weekday_mentions(text)}


# a weekday set as a date: "next Tuesday", "this Friday", "kommenden Samstag", "am
# nächsten Montag" ("Join us for a free tasting session next Tuesday", a ready Instagram
# tip whose brief named no day, bench 2026-12-02)
_PROMISED_DAY_RE = regex.compile(
    rf"(?i)\b(?:next|this|coming|nächste[nrs]?|kommende[nrs]?|diese[nrs]?)\s+({_DAY_NAMES})\b")


def promised_days(text: str) -> list[tuple[str, int]]:
    """Each weekday ``text`` sets as a date, as written, with its number (0 = Monday)."""
    return _days(_PROMISED_DAY_RE, text)


# a time ahead that a post promises: "nächste Woche", "next weekend", "heute Abend",
# "tonight" ("Barista-Kurs für die nächste Woche am Samstag im Kontor" for a brief "am
# Samstag", a ready Instagram draft of the browser test, 2026-12-03). "diese Woche" and
# "this week" frame a post more than they set a date, and stay
_PROMISED_FRAME_RE = regex.compile(
    r"(?i)\b(?:(?:nächste[nrms]?|kommende[nrms]?)\s+(?:woche|wochenende|monat)"
    r"|(?:next|coming)\s+(?:week|weekend|month)"
    r"|(?:heute|morgen)\s+(?:früh|vormittag|mittag|nachmittag|abend|nacht)"
    r"|tonight|tomorrow(?:\s+(?:morning|afternoon|evening|night))?)\b")


def promised_frames(text: str) -> list[str]:
    """Each time ahead that ``text`` promises, as written ("nächste Woche", "tonight")."""
    return [match.group(0) for match in _PROMISED_FRAME_RE.finditer(text)]


_DAY_WORD = alternation(ANY_WEEKDAY)
# "Montag bis Freitag", "Mo–Fr", "Mo.-Sa.", "Monday to Friday"
_DAY_RANGE_RE = regex.compile(
    rf"(?i)\b({_DAY_WORD})\.?\s*(?:-|–|—|bis|to|through|until)\s*({_DAY_WORD})\b\.?")


def days_covered(text: str) -> set[int]:
    """The weekdays a text names or spans ("Mo–Fr" is Monday to Friday)."""
    days = weekdays(text)
    for match in _DAY_RANGE_RE.finditer(text):
        first, last = (ANY_WEEKDAY[match.group(i).casefold()] for i in (1, 2))
        days |= {(first + step) % 7 for step in range((last - first) % 7 + 1)}
    return days


def number_words(text: str) -> set[str]:
    """Numbers written as words ("acht Plätze", "six people"), as number keys."""
    return {str(_NUMBER_WORDS[w.casefold()]) for w in regex.findall(r"\p{L}+", text)
            if w.casefold() in _NUMBER_WORDS}


# a time frame of a whole month, with no day: "ab Januar" (a job's start), "nur bis Ende
# Dezember" (an offer's end), "until the end of March". The dates above need a day, so a
# hiring draft without "ab Januar" and an offer without its end were never missing a fact
# (bench and CLI drafts, 2026-12-01). Full month names written large only ("may" is a verb)
_FULL_MONTHS = alternation(frozenset(name for name in MONTH_WORDS if name != "May"))
_MONTH_FRAME = regex.compile(
    r"\b((?i:(?:(?:nur|erst|only)\s+)?(?:ab|bis|seit|im|vor|from|until|till|through|since|"
    r"starting\s+in|starting|in|by|before)\s+(?:(?:anfang|mitte|ende)\s+|(?:the\s+)?"
    rf"(?:start|beginning|middle|end)\s+of\s+)?)({_FULL_MONTHS}))\b(?!\.?\s*\d{{1,2}}(?!\d))")


def month_frames(text: str) -> list[tuple[str, int]]:
    """Each time frame of a whole month in ``text``, as written, with its month's number."""
    return [(found.group(1), ANY_MONTH[found.group(2).casefold()])
            for found in _MONTH_FRAME.finditer(text)]


def months_named(text: str, language: str) -> set[int]:
    """The numbers of the months ``text`` names in any form ("Dezember", "Dec", "12.12.")."""
    named = {ANY_MONTH[word.casefold()] for word in regex.findall(r"\p{L}+", text)
             if word.casefold() in ANY_MONTH}
    return named | {int(fact.key.split(".")[1]) for fact in extract_facts(text, language)
                    if fact.kind == "date"}
