"""Facts a post invents, and facts of the brief it leaves out (pure).

A fact of the post is covered when a source states it: dates by day and month, times by
hour and minute, web addresses, e-mails and handles as text, a price when a source states
that number as a price or with no unit after it (not "5 kg"), and every other number when
the source holds that number anywhere (in a date, a time, a price or as a word). That is
lenient on purpose: a false ``invented_fact`` blocks a post.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import regex

from assistant.models import Problem, Severity
from assistant.quality.calendar_words import WEEKDAYS
from assistant.quality.calls import missing_call
from assistant.quality.context import problem, shorten
from assistant.quality.counts import changed_counts, priceable_numbers, stated_counts
from assistant.quality.dateframes import (
    changed_frames,
    changed_month_frames,
    changed_price_frames,
    stated_frames,
    stated_month_frames,
    stated_price_frames,
)
from assistant.quality.facts import (
    WEB_KINDS,
    Fact,
    days_covered,
    extract_facts,
    is_calendar_word,
    month_frames,
    months_named,
    number_words,
    promised_days,
    promised_frames,
    trim_web,
    web_fact,
    weekday_mentions,
    weekdays,
)
from assistant.quality.greetings import missing_greetings
from assistant.quality.names import Name
from assistant.quality.notes import misread_notes
from assistant.quality.rates import (
    changed_rates,
    made_up_periods,
    missing_rates,
    stated_periods,
    stated_rates,
)
from assistant.quality.similes import missing_similes
from assistant.quality.status import (
    changed_states,
    closed_days,
    missing_states,
    opened_days,
    state_dates,
)
from assistant.quality.textnorm import URL_RE

_PERSON = " (a person)"
# a place after a preposition: "im Kontor", "in Altona", "in the EU"; in English also after
# "our"/"your" ("in our Frankfurt data centre": English writes only names capitalised,
# German every noun, so "in unserem Team" stays out)
_PLACE = regex.compile(r"(?i:\b(?:in|im|at|bei|beim|am|auf)\s+(?:der|dem|den|the|our|your)?"
                       r"\s*)(\p{Lu}[\p{L}-]+)")
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}-]+")


@dataclass(frozen=True)
class Known:
    """What a set of texts states, in the forms facts are compared in."""

    dates: frozenset[str]
    times: frozenset[str]
    numbers: frozenset[str]
    percents: frozenset[str]
    text: str  # case-folded, without "https://" and "www."
    digits: str
    # the numbers stated on their own ("maximal 8 Plätze"), not as a date, time or price
    bare_numbers: frozenset[str] = frozenset()
    # (number, period) of the numbers stated with one: ("20", "week") for "20 Stunden pro
    # Woche" (``rates``)
    periods: frozenset[tuple[str, str]] = frozenset()
    # the years stated: with a date, or as a number of four digits ("seit 2019")
    years: frozenset[str] = frozenset()
    # the months named in any form ("Dezember", "12.12."), for a post's month frames
    months: frozenset[int] = frozenset()
    # the texts and their language, for what only the sources are asked (``states``)
    texts: tuple[str, ...] = ()
    language: str = "de"

    @classmethod
    def of(cls, texts: tuple[str, ...], language: str) -> Known:
        return _known(texts, language)

    @cached_property
    def states(self) -> frozenset[tuple[int, str]]:
        """(state, date) of the dates stated with a state: closed on "26.12." (``status``).
        Read when asked: a post's own Known (``missing``, in every trial of the strike)
        never needs it, and it cost twice the rest of Known."""
        return state_dates(self.texts, self.language)

    @cached_property
    def closed(self) -> frozenset[str]:
        """The date keys of the days stated closed, each day of a range (``status``)."""
        return closed_days(self.texts, self.language)

    @cached_property
    def period_words(self) -> frozenset[str]:
        """The periods the sources name, with a number or without (``rates``)."""
        return stated_periods(self.texts)

    @cached_property
    def counts(self) -> frozenset[tuple[str, str]]:
        """(number, noun) of the counts the sources state: ("3", "kaffee") (``counts``)."""
        return stated_counts(self.texts)

    @cached_property
    def frames(self) -> dict[str, frozenset[str | None]]:
        """Date key -> the frames the sources say it in: on, from, until (``dateframes``)."""
        return stated_frames(self.texts, self.language)

    @cached_property
    def priceable(self) -> frozenset[str]:
        """The numbers a price may take: prices, and numbers said with no unit (``counts``)."""
        return priceable_numbers(self.texts, self.language)

    @cached_property
    def price_frames(self) -> dict[str, frozenset[str]]:
        """Price key -> the frames the sources say it in: "ab 3,80 €" or "für 3,80 €"."""
        return stated_price_frames(self.texts, self.language)

    @cached_property
    def month_frames(self) -> dict[int, frozenset[str | None]]:
        """Month -> the frames the sources say it in: "ab Januar", "bis Ende Dezember"."""
        return stated_month_frames(self.texts, self.language)

    def covers(self, fact: Fact) -> bool:
        if fact.kind == "url":
            return _whole_address(fact.key, self.text)
        if fact.kind in WEB_KINDS:
            return fact.key in self.text
        if fact.kind == "phone":
            return fact.key.lstrip("0") in self.digits
        if fact.kind == "date":
            # "am 12. Dezember 2023" for the brief's "12. Dezember" (a bench draft,
            # 2026-12-03): the day is stated, the year is not
            return fact.key in self.dates and (fact.year is None or fact.year in self.years)
        if fact.kind == "percent":
            # "30% off" is not stated by "free for 30 days" (a Tessaline draft, 2026-11-30)
            return fact.key in self.percents
        if fact.kind == "time":
            # "um 18" in the post covers "18 Uhr" in the brief, but the day of a date does
            # not: "für Freitag, 19. Dezember!" left out the brief's "19 Uhr" in a ready
            # Instagram draft (CLI, 2026-12-07)
            bare_hour = fact.key.endswith(":00") and fact.numbers <= self.bare_numbers
            return fact.key in self.times or bare_hour
        if fact.kind == "price":
            return fact.numbers <= self.priceable
        return fact.numbers <= self.numbers


def _whole_address(key: str, text: str) -> bool:
    """Whether ``text`` holds the address ``key`` up to a host or path boundary: a text cut
    at its cap inside the link ("... at no extra cost. https://tess" above the link
    https://tessaline.example/changelog/snowflake, a Bluesky draft, bench 2026-12-02) names
    no address that a source states."""
    return regex.search(rf"{regex.escape(key)}(?![\p{{L}}\p{{N}}_-]|\.[\p{{L}}\p{{N}}])",
                        text) is not None


@lru_cache(maxsize=256)
def _known(texts: tuple[str, ...], language: str) -> Known:
    """Cached: the kit's facts are the same for every post of a kit."""
    facts = [f for t in texts for f in extract_facts(t, language)]
    numbers = {n for f in facts for n in f.numbers}
    numbers |= {n for t in texts for n in number_words(t)}
    joined = "\n".join(texts).casefold()
    return Known(
        dates=frozenset(f.key for f in facts if f.kind == "date"),
        times=frozenset(f.key for f in facts if f.kind == "time"),
        percents=frozenset(f.key for f in facts if f.kind == "percent"),
        numbers=frozenset(numbers),
        text=regex.sub(r"https?://|www\.", "", joined),
        digits=regex.sub(r"\D", "", joined),
        bare_numbers=frozenset(f.key for f in facts if f.kind == "number"),
        periods=stated_rates(texts),
        years=frozenset({f.year for f in facts if f.year} |
                        {n for n in numbers if len(n) == 4 and n.isdigit()}),
        months=frozenset(month for t in texts for month in months_named(t, language)),
        texts=texts,
        language=language,
    )


def without_made_up_years(text: str, sources: Known, language: str) -> str:
    """``text`` with the year taken off a date whose day and month a source states but whose
    year none does: "Einladung zum Röstkurs am 12. Dezember 2023" for the brief's "am 12.
    Dezember" (a bench draft, 2026-12-03; the model's year was three years past)."""
    for fact in extract_facts(text, language):
        if fact.kind == "date" and fact.year and fact.key in sources.dates and \
                fact.year not in sources.years:
            trimmed = regex.sub(rf",?\s*{fact.year}$", "", fact.shown)
            text = text.replace(fact.shown, trimmed, 1)
    return text


def invented(text: str, language: str, sources: Known, names: list[Name],
             person_words: frozenset[str]) -> list[str]:
    """What the post states that no source does: facts first, then names, as written
    (offers and events: ``promises.invented_offers``, ``promises.invented_events``)."""
    shown = [f.shown for f in extract_facts(text, language) if not sources.covers(f)]
    shown += changed_rates(text, sources.periods)
    shown += made_up_periods(text, sources.period_words)
    # a count whose number no source gives is named above already, by its number
    shown += [count for count in changed_counts(text, sources.counts)
              if count.split()[0] not in shown]
    shown += changed_states(text, language, sources.dates, sources.states)
    shown += opened_days(text, language, sources.closed)
    shown += changed_frames(text, language, sources.frames)
    shown += changed_price_frames(text, language, sources.price_frames)
    # a month's time frame of no source's month: "Wir suchen einen Barista ... Ab Januar
    # bis Mai!" for a job "ab Januar" (a ready Instagram draft, bench 2026-12-03)
    shown += [frame for frame, month in month_frames(text) if month not in sources.months]
    shown += changed_month_frames(text, sources.month_frames)
    shown += [frame for frame in promised_frames(text)
              if " ".join(frame.casefold().split()) not in sources.text]
    for name in names:
        if not name.person or name.word.casefold() not in person_words:
            shown.append(f"{name.word}{_PERSON}" if name.person else name.word)
    return list(dict.fromkeys(shown))


def invented_days(text: str, brief: str, sources: tuple[str, ...], language: str) -> list[str]:
    """The weekdays of the post that no source names or spans, read only where the brief
    has no date (a post may name the date's own day, which the year decides). Where the
    brief names a weekday, every weekday of the post ("ab Montag" became "Von Montag bis
    Dienstag" in a ready X draft); where it names none, a day the post promises ("next
    Tuesday", "kommenden Samstag"): a post may wish a "schönen Sonntag", not set a date."""
    if any(f.kind == "date" for f in extract_facts(brief, language)):
        return []
    mentions = weekday_mentions(text) if weekdays(brief) else promised_days(text)
    known = set().union(*(days_covered(source) for source in sources))
    return list(dict.fromkeys(shown for shown, day in mentions if day not in known))


def invented_urls(text: str, sources: Known) -> list[tuple[int, int]]:
    """Where the post has a web address (with a scheme or www.) that no source states: the
    very test ``invented`` applies, for tidy to take those out."""
    spans = []
    for match in URL_RE.finditer(text):
        if not sources.covers(web_fact("url", match.group())):
            spans.append((match.start(), match.start() + len(trim_web(match.group()))))
    return spans


def from_example(found: str, examples: Sequence[str]) -> bool:
    """Whether an invented piece stands in one of the kit's example posts. A bare number
    ("9") is never said to: that it stands in some example too proves nothing."""
    key = found.removesuffix(_PERSON).casefold()
    if not regex.search(r"\p{L}", key):
        return False
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(key)}(?![\p{{L}}\p{{N}}])")
    return any(pattern.search(" ".join(example.casefold().split())) for example in examples)


def _listed(found: list[str]) -> str:
    shown = ", ".join(f"'{shorten(f, 45)}'" for f in found[:4])
    return shown + (f" and {len(found) - 4} more" if len(found) > 4 else "")


def invented_fact_message(found: list[str], examples: Sequence[str] = ()) -> str:
    """One line: what is in no source, what was taken from a kit example, what to do."""
    copied = [f for f in found if from_example(f, examples)]
    own = [f for f in found if f not in copied]
    if not copied:
        return (f"{_listed(own)} not in the brief, the kit's facts and guidelines or the "
                "link; take it out or add it to the brief")
    one = len(copied) == 1
    comes, it = ("comes", "it") if one else ("come", "them")
    if not own:
        return (f"{_listed(copied)} {comes} from a kit example, not from the brief; remove "
                f"{it} or add {it} to the brief")
    return (f"{_listed(own)} not in the brief, the kit's facts and guidelines or the link, and "
            f"{_listed(copied)} {comes} from a kit example; take them out or add them to the "
            "brief")


def invented_fact_problems(found: list[str], examples: Sequence[str] = ()) -> list[Problem]:
    if not found:
        return []
    return [problem("invented_fact", invented_fact_message(found, examples), Severity.ERROR)]


# a name inside an English sentence: capitalised after a small word, a number or a comma
# ("now cover Snowflake", "Python and Postgres"); English writes only names so
_EN_NAME = regex.compile(r"(?<=[\p{Ll}\p{N},;]\s{1,3})(\p{Lu}\p{Ll}[\p{L}\p{N}-]+)")


# a partner named after "gemeinsam mit", "in Kooperation mit" ...: an article, then two to
# four capitalised words ("Gemeinsam mit der Hafermolkerei Elbhof")
_PARTNER = regex.compile(
    r"(?i:\b(?:gemeinsam|zusammen|in\s+kooperation|in\s+zusammenarbeit|in\s+partnerschaft)"
    r"\s+mit\s+(?:der|dem|den)?\s*)(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){1,3})")


def brief_names(brief: str, language: str, own: frozenset[str] = frozenset()) -> list[str]:
    """The names an English brief states inside its sentences (not months or weekdays, nor
    the brand's own name in ``own``, case-folded: a post from the brand's account need not
    say who it is from). German capitalises every noun, so only a partner's name of two
    words or more counts there ("Gemeinsam mit der Hafermolkerei Elbhof ...": a ready
    Facebook post of a sponsored brief left the partner out, bench 2026-12-01); the post
    names it with its last word ("Elbhof")."""
    if language != "en":
        return [found.group(1).split()[-1] for found in _PARTNER.finditer(brief)
                if found.group(1).casefold() not in own]
    return [name for name in dict.fromkeys(m.group(1) for m in _EN_NAME.finditer(brief))
            if not is_calendar_word(name) and name.casefold() not in own]


def missing(text: str, brief: str, language: str, own: frozenset[str] = frozenset(),
            places: frozenset[str] = frozenset()) -> list[str]:
    """Dates, times, prices, numbers (with their period: "20 Stunden pro Woche"), weekdays,
    a month's time frame ("ab Januar"), places
    and (English) names of the brief the post leaves out, a state it announces
    (closed, cancelled, sold out, postponed, free), its call to the reader (sign up,
    apply: ``calls.missing_call``), the quality of a comparison ("grob wie Meersalz":
    ``similes``), a tasting note said as what the coffee is or holds (``notes``) and a
    holiday greeting ("Frohe Weihnachten!": ``greetings``). A
    Bluesky and a LinkedIn draft said "now cover multiple platforms" for "now cover
    Snowflake" (2026-11-30). A place is one
    after "in", "bei", "auf" ..., or any of ``places`` the brief names ("drei Kaffees aus
    Äthiopien": two ready drafts left the coffee's origin out)."""
    post = Known.of((text,), language)
    # a date said without the brief's year is said
    shown = [f.shown for f in extract_facts(brief, language)
             if f.kind not in (*WEB_KINDS, "phone") and not post.covers(replace(f, year=None))]
    days = WEEKDAYS["de" if language == "de" else "en"]
    shown += [days[day] for day in sorted(weekdays(brief) - weekdays(text))]
    folded = text.casefold()
    for match in _PLACE.finditer(brief):
        place = match.group(1)
        # "Kontor" is kept in "Kontorhaus", "Hamburg-Altona" in "Altona, Hamburg"
        parts = [part.casefold() for part in place.split("-")]
        if not is_calendar_word(place) and not all(part in folded for part in parts):
            shown.append(place)
    shown += [place for place in dict.fromkeys(_CAPITALISED.findall(brief))
              if place in places and place.casefold() not in folded]
    plain = URL_RE.sub(" ", text).casefold()  # "…/changelog/snowflake" does not name it
    shown += [name for name in brief_names(brief, language, own) if name.casefold() not in plain]
    # a month's time frame ("ab Januar", "nur bis Ende Dezember"): the month in any form
    named = months_named(text, language)
    shown += [frame for frame, month in month_frames(brief) if month not in named]
    shown += missing_rates(text, brief)
    shown += missing_states(text, brief)
    shown += missing_call(text, brief, language)
    shown += missing_similes(text, brief, language)
    shown += misread_notes(text, brief, language)
    shown += missing_greetings(text, brief)
    return list(dict.fromkeys(shown))


def missing_fact_problems(found: list[str]) -> list[Problem]:
    if not found:
        return []
    listed = ", ".join(f"'{shorten(f, 30)}'" for f in found[:5])
    return [problem("missing_fact", f"the brief says {listed}, the post does not; add it")]
