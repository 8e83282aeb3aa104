"""Template leftovers that must never be posted: ``[Link]``, ``{name}``, ``XXX``, ``TODO`` (pure).

None of the platforms renders markdown or HTML, so square, curly and angle brackets around
words are never real formatting in a post; the only bracketed words a post may carry are
an ad label ("[Werbung]", "[Anzeige]", "[Ad]"), which the ad-label check reads.
"""

from __future__ import annotations

import regex

from assistant.models import Problem, Severity
from assistant.quality.context import problem, shorten

# the ad labels that people write in brackets (see compliance/labels.py)
_LABELS = {"werbung", "anzeige", "ad", "advertisement", "paid partnership", "werbung/anzeige"}

# the name of a part of the prompt's form as a label opening a line: "Hook: ...", "Hier ist
# der Hook: Frohe Weihnachten!" (an Instagram draft, bench 2026-12-02). Tidy takes the
# label out (what follows it is the post's own line); anywhere else it is a leftover. Also
# the other parts' names that no person puts before a line: "Detail: Neuer Filterkaffee aus
# Kolumbien, ..." (a Facebook draft, bench 2026-12-06); "Details:" and "Tipp:" stay
PART_LABEL = regex.compile(r"(?im)^[ \t]*(?:(?:hier\s+ist|hier's|here\s+is|here's)\s+"
                           r"(?:der|ein|the|a|your|dein)\s+)?(?:hook|cta|call[\s-]to[\s-]action|"
                           r"caption|detail|context|kontext|headline|opener|"
                           r"question[\s_]to[\s_]readers)[ \t]*:")


# the model showing its work: "Hier ist ein Beispiel: '...'" (a ready Facebook draft, bench
# 2026-12-01), "Here is an example post:"; tidy strikes the sentence it opens
SHOWN_EXAMPLE = regex.compile(r"(?i)\b(?:hier\s+ist|hier\s+sind|here\s+is|here's|here\s+are)\s+"
                              r"(?:ein|einige|an|some|a\s+few)\s+(?:beispiele?|examples?)\b")


# the post naming its own audience, the prompt's "audience" line in other words: "Dieser Post
# ist für unsere Baristas und Kunden, die ..." (a ready LinkedIn job ad, bench 2026-12-03).
# A person may write so on purpose, so it is no finding: tidy strikes it from a model's text
SELF_REFERENCE = regex.compile(r"(?i)\b(?:dieser|der)\s+(?:post|beitrag)\s+(?:ist\s+für|"
                               r"richtet\s+sich\s+an)\b|\bthis\s+post\s+is\s+(?:for|aimed\s+at)\b")


def without_part_labels(text: str) -> str:
    """``text`` without the form's part names that open its lines (PART_LABEL)."""
    return regex.sub(rf"{PART_LABEL.pattern}[ \t]*", "", text)


_PATTERNS: tuple[regex.Pattern[str], ...] = (
    # [Link zum Bestellen], [Name], [Datum einfügen]
    regex.compile(r"\[[^\[\]\n]{0,60}\p{L}[^\[\]\n]{0,60}\]"),
    # {name}, {{ datum }}, {Link}
    regex.compile(r"\{\{?\s*[\p{L}_][\p{L}\p{N}_ .-]{0,40}\}\}?"),
    # <Datum>, <Name des Kurses>; "<3" (a heart) has no letter
    regex.compile(r"<\s*\p{L}[\p{L}\p{N}_ .:-]{0,40}>"),
    # XXX, XX.XX., XX:XX Uhr, xxx; "XXL" and "xx" (kisses) are words
    regex.compile(r"(?<![\p{L}\p{N}])(?:X{2,}|x{3,})(?!\p{L})"),
    regex.compile(r"(?<![\p{L}\p{N}])(?:TODO|TBD|TBA|FIXME|PLACEHOLDER|PLATZHALTER|EINFÜGEN|"
                  r"INSERT)(?!\p{L})"),
    regex.compile(r"(?i)\blorem\s+ipsum\b"),
    regex.compile(r"(?i)\b(?:hier|here)\s+(?:link|url|datum|date|name)\s+(?:einfügen|insert)\b"),
    regex.compile(r"(?i)\b(?:insert|einfügen)\s+(?:link|url|datum|date|name|text)\b"),
    # a blank to fill in: "am ___ um ___ Uhr"
    regex.compile(r"_{3,}"),
    # the prompt's words for the post's parts, said to the reader: 'Hier ist ein Hook: "..."'
    # (the embedded model, 2026-11-30), "Here's the caption:", "Hook: ..." opening a line
    regex.compile(r"(?i)\b(?:hier\s+ist|hier's|here\s+is|here's)\s+(?:der|ein|the|a|your|dein)"
                  r"\s+(?:hook|call[\s-]to[\s-]action|cta|caption)\b"),
    SHOWN_EXAMPLE,
    PART_LABEL,
    # the prompt's own lines copied into a post: "Every post must contain each of these
    # facts (in your own words): ..." (a LinkedIn draft, bench 2026-12-01), "die Fakten des
    # Briefings: ..." (a German one, 2026-12-01)
    regex.compile(r"(?i)\bevery post must contain\b|\(in your own words\)|"
                  r"\bdie fakten des briefings\b"),
    # the model speaking of its task: "The brief is about putting a freshness check on
    # every source table ..." (three drafts of one English tip, bench 2026-12-02)
    regex.compile(r"(?i)\bthe brief (?:is about|says|asks)\b|\blaut briefing\b|"
                  r"\b(?:im|das) briefing (?:steht|geht es|sagt)\b"),
    # the post calling itself an article: "Hier ist ein interessanter Artikel über die
    # Zurückausflucht von Huila" and "Hier ist ein kurzer Überblick über unsere Rückreise
    # aus Huila" (a LinkedIn and a ready Mastodon draft of one brief, bench 2026-12-07),
    # "Here is a short overview of ..."; one that a colon ends announces what follows it
    # ("Hier ist ein Überblick über die Öffnungszeiten:"), which is a post's own
    regex.compile(r"(?i)\b(?:hier\s+(?:ist|kommt)|here\s+is|here's)\s+(?:ein|eine|a|an)\s+"
                  r"(?:\p{L}+\s+){0,2}?(?:artikel|überblick|zusammenfassung|bericht|article|"
                  r"overview|summary|write-?up)\s+(?:über|zu|zum|zur|von|about|of|on)\b"
                  r"(?=[^:.!?\n]*[.!?\n]|[^:.!?\n]*$)"),
)


def _is_label(found: str) -> bool:
    return found.startswith("[") and found[1:-1].strip().casefold() in _LABELS


def find_placeholders(text: str) -> list[str]:
    """Every template leftover in ``text``, in order, each once."""
    hits: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        hits += [(m.start(), m.group(0)) for m in pattern.finditer(text)
                 if not _is_label(m.group(0))]
    return list(dict.fromkeys(found for _, found in sorted(hits)))


# the prompt's list of the kit's preferred terms, copied as a line of the post: "Kaffee in
# Altona, Kaffeefan, Wachmacher, Aktion" (a ready Instagram greeting of the bench,
# 2026-12-02; the prompt said "preferred terms: 'Kaffeefan' (not 'Kaffeejunkie'), ...").
# A line of at least _LIST_ITEMS short items, _TERMS_LISTED of them the kit's terms
_LIST_ITEMS = 3
_ITEM_WORDS = 3
_TERMS_LISTED = 2


# the prompt's "'Kaffeefan' (not 'Kaffeejunkie')" copied in its shape: "Kaffeefan, nicht
# Kaffeelabel, nicht Kaffeelabor" stood as a line of a ready Instagram post (bench,
# 2026-12-03): a kit term and nothing but words it is "not"
_NEGATED = regex.compile(r"(?i:nicht|not|kein|keine|no)\s+\S+")


def term_lines(text: str, terms: frozenset[str]) -> list[str]:
    """The lines of ``text`` that list the kit's ``terms`` (case-folded) as bare words, or
    one of them beside the words it is not."""
    found = []
    for line in text.split("\n"):
        items = [item.strip() for item in line.strip().rstrip(".!").split(",")]
        if len(items) < 2 or any(
                not item or len(item.split()) > _ITEM_WORDS or item[-1] in "?:;" for item in items):
            continue
        listed = sum(item.casefold() in terms for item in items)
        negated = sum(bool(_NEGATED.fullmatch(item)) for item in items)
        if (len(items) >= _LIST_ITEMS and listed >= _TERMS_LISTED) or (
                listed and negated and listed + negated == len(items)):
            found.append(line.strip())
    return found


# the prompt's own word for what the post is written from, as a German noun: "Hier ist der
# Brief zurück aus Huila in Kolumbien - ..." (a ready Mastodon draft, bench 2026-12-07).
# "Der Brief" is also a letter, so it is a leftover only where no source says "Brief"
# (the model speaking of its task in other words, "the brief says", "laut Briefing", is
# one of ``_PATTERNS``)
_BRIEF_WORD = regex.compile(r"\b(?:[Dd]er|[Dd]en|[Dd]em|[Dd]es|[Ii]m|[Vv]om|[Zz]um|"
                            r"[Uu]nser\w*|[Dd]ein\w*)\s+(?:Brief|Briefing)\b")


def brief_words(text: str, sources: tuple[str, ...]) -> list[str]:
    """The places where ``text`` speaks of its brief as "der Brief", where none of
    ``sources`` says "Brief"."""
    if any(regex.search(r"(?i)\bbrief", source) for source in sources):
        return []
    return [found.group(0) for found in _BRIEF_WORD.finditer(text)]


def placeholder_problems(text: str, terms: frozenset[str] = frozenset(),
                         sources: tuple[str, ...] = ()) -> list[Problem]:
    """Template leftovers, the prompt's list of the kit's preferred ``terms`` (folded)
    standing as a line, and the post speaking of its brief where no source says "Brief"."""
    found = find_placeholders(text) + term_lines(text, terms) + brief_words(text, sources)
    if not found:
        return []
    shown = ", ".join(f"'{shorten(f, 30)}'" for f in found[:3])
    return [problem("placeholder",
                    f"template leftover {shown} in the text; replace it with the real "
                    "detail or delete it", Severity.ERROR)]
