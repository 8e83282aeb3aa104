"""The names of the months and weekdays in German and English, in one place (pure).

Facts read dates and weekdays with them, grammar reads "an Januar" and "am 12. Dezember 18
Uhr", the carry-over check reads time frames ("nur bis Ende Dezember") and the fact check
names a missed weekday. Each used to keep its own list, and they had drifted apart: one
knew "Jänner", another "Sonnabend", a third neither.
"""

from __future__ import annotations

# language -> the months in order, written as a sentence writes them
MONTHS: dict[str, tuple[str, ...]] = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
# language -> other full names of a month (Austrian German), with the month's number
_OTHER_MONTHS: dict[str, dict[str, int]] = {"de": {"Jänner": 1}, "en": {}}
# the short forms a date may use ("12. Dez.", "Dec 12"), with the month's number
_SHORT_MONTHS = {"jan": 1, "feb": 2, "mär": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
                 "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dez": 12,
                 "dec": 12}
# language -> the weekdays from Monday, as a sentence writes them
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_OTHER_WEEKDAYS: dict[str, dict[str, int]] = {"de": {"Sonnabend": 5}, "en": {}}
_SHORT_WEEKDAYS = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}

# every full name, casefolded, with its number (January = 1, Monday = 0)
MONTH_NUMBERS: dict[str, int] = {
    **{name.casefold(): number for names in MONTHS.values()
       for number, name in enumerate(names, start=1)},
    **{name.casefold(): number for names in _OTHER_MONTHS.values()
       for name, number in names.items()}}
WEEKDAY_NUMBERS: dict[str, int] = {
    **{name.casefold(): number for names in WEEKDAYS.values()
       for number, name in enumerate(names)},
    **{name.casefold(): number for names in _OTHER_WEEKDAYS.values()
       for name, number in names.items()}}
# the full names and the short forms, casefolded, with their numbers
ANY_MONTH: dict[str, int] = {**MONTH_NUMBERS, **_SHORT_MONTHS}
ANY_WEEKDAY: dict[str, int] = {**WEEKDAY_NUMBERS, **_SHORT_WEEKDAYS}
# the full names as written, in either language ("Mai", "Sonnabend")
MONTH_WORDS = frozenset(name.capitalize() for name in MONTH_NUMBERS)


def month_words(language: str) -> frozenset[str]:
    """Every full month name of ``language`` as written ("Jänner" is German too)."""
    return frozenset(MONTHS[language]) | frozenset(_OTHER_MONTHS[language])


def weekday_words(language: str) -> frozenset[str]:
    """Every full weekday name of ``language`` as written ("Sonnabend" is German too)."""
    return frozenset(WEEKDAYS[language]) | frozenset(_OTHER_WEEKDAYS[language])


def alternation(names: dict[str, int] | frozenset[str]) -> str:
    """``names`` as a regex alternation, the longest first ("märz" before "mär")."""
    return "|".join(sorted(names, key=len, reverse=True))
