"""Advertising labels for sponsored posts (pure).

§ 5a Abs. 4 UWG and § 22 MStV, read with the German media authorities' guidance: a
sponsored post starts with the word "Werbung" or "Anzeige" (in English "Ad",
"Advertisement" or "Paid partnership"). A label that is only a hashtag, that stands only
at the end, or that is only "#ad"/"#sponsored" is not enough.
"""

from __future__ import annotations

import re

from assistant.errors import InputError
from assistant.models import Problem, Severity

LABEL_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("Werbung", "Anzeige"),
    "en": ("Paid partnership", "Advertisement", "Ad"),
}
DEFAULT_LABEL = {"de": "Werbung", "en": "Ad"}
# hashtags people use as a label; none of them counts on its own
LABEL_HASHTAGS = {
    "werbung", "anzeige", "ad", "ads", "advertisement", "sponsored", "sponsoredpost",
    "paidpartnership", "partnership", "bezahltepartnerschaft", "gesponsert", "advertising",
}
_HASHTAG_RE = re.compile(r"(?<![\w#])#(\w+)")
SOURCE = "compliance"


def _language(language: str) -> str:
    lang = (language or "").strip().lower()[:2]
    if lang not in LABEL_WORDS:
        raise InputError(f"unknown language {language!r} for the ad label; use de or en")
    return lang


def _label_words(lang: str) -> str:
    """The label words of ``lang`` as a regex alternation (any space inside one)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in LABEL_WORDS[lang])


def _word_pattern(lang: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w#])({_label_words(lang)})(?!\w)", re.IGNORECASE)


def _lead_end(text: str) -> int:
    """Index of the first letter, digit or '#': emoji, brackets, bars and spaces may lead."""
    for index, char in enumerate(text):
        if char.isalnum() or char == "#":
            return index
    return len(text)


def _opening_label(text: str, lang: str) -> re.Match[str] | None:
    """The label word that opens the post (after emoji, '[' or similar), if one does."""
    return _word_pattern(lang).match(text, _lead_end(text))


def label_first(text: str, language: str) -> bool:
    """True when the post opens with the label word (after emoji, '[' or similar)."""
    return _opening_label(text, _language(language)) is not None


_AFTER_LABEL = re.compile(r"[\s|:·\-–—)\]]*")


def label_end(text: str) -> int:
    """Where the post starts after an ad label that opens it ("Werbung | Moin ..." -> the
    index of "Moin"), in either language; 0 when no label opens it."""
    for lang in LABEL_WORDS:
        match = _opening_label(text, lang)
        if match is not None:
            return _AFTER_LABEL.match(text, match.end()).end()  # type: ignore[union-attr]
    return 0


def _label_hashtags(text: str) -> list[str]:
    return [m.group(1) for m in _HASHTAG_RE.finditer(text) if m.group(1).lower() in LABEL_HASHTAGS]


def _problem(code: str, message: str) -> Problem:
    return Problem(code=code, severity=Severity.ERROR, message=message, source=SOURCE)


def check_ad_label(text: str, language: str, sponsored: bool) -> list[Problem]:
    """Problems with the advertising label of a post; none when it is not sponsored."""
    if not sponsored:
        return []
    lang = _language(language)
    if label_first(text, lang):
        return []
    words = " or ".join(f"'{w}'" for w in LABEL_WORDS[lang])
    if _word_pattern(lang).search(_HASHTAG_RE.sub(" ", text)):
        return [_problem(
            "ad_label_not_first",
            f"the advertising label must stand at the very start of the post; begin with {words}",
        )]
    tags = _label_hashtags(text)
    if tags:
        shown = ", ".join(f"#{t}" for t in tags)
        return [_problem(
            "ad_label_hashtag_only",
            f"{shown} is not enough as an advertising label; begin the post with {words} "
            "as a word, not a hashtag",
        )]
    return [_problem(
        "ad_label_missing",
        f"sponsored post without an advertising label; begin the post with {words}",
    )]


def _drop_label_hashtags(text: str) -> str:
    """Remove '#ad', '#Werbung' etc.: with the label first they only add noise."""
    def repl(match: re.Match[str]) -> str:
        return "" if match.group(1).lower() in LABEL_HASHTAGS else match.group(0)

    cleaned = _HASHTAG_RE.sub(repl, text)
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
    return "\n".join(line.rstrip() for line in cleaned.splitlines()).strip()


def _drop_trailing_label(text: str, lang: str) -> str:
    """Remove a label that closes the post ("... (Werbung)"), as it now opens it."""
    words = _word_pattern(lang).pattern
    trailing = re.compile(rf"[\s|:·\-–—(\[]*{words}[\s)\].!]*$", re.IGNORECASE)
    match = trailing.search(text)
    if match is None or match.start() == 0:
        return text
    return text[: match.start()].rstrip()


def _drop_closing_label(text: str, lang: str) -> str:
    """Remove a second label after the post's last sentence, written as a label is ("Ad |
    We sponsor the dbt Meetup ... pipelines. Ad", a ready X draft of the embedded model,
    bench 2026-12-04): the post opens with it already. Only after a sentence's end and
    capitalised, so "... a new ad" stays."""
    closing = re.compile(rf"(?<=[.!?)\]\n])[ \t|:·\-–—(\[]*(?:{_label_words(lang)})"
                         r"[ \t)\].!]*$")
    match = closing.search(text)
    return text if match is None else text[:match.start()].rstrip()


# a label run into the sentence after it: "Ad We are pleased ..." (the embedded model)
_BARE_LABEL_BEFORE = re.compile(r"[ \t]+(?=[A-ZÄÖÜ])")


def _drop_later_labels(text: str, lang: str) -> str:
    """Remove a label that opens a later line or paragraph ("Ad: Register now!" under a
    post that opens with "Ad:"; a LinkedIn draft of the embedded model, whose every part
    began with it, 2026-12-01): the post says it once, first."""
    words = _word_pattern(lang).pattern
    later = re.compile(rf"(?m)(?<=\n)([ \t]*){words}[ \t]*[|:][ \t]*(?=\S)", re.IGNORECASE)
    return _BARE_LATER_AD.sub(r"\1", later.sub(r"\1", text))


# the English label run into a later paragraph with no mark: "Ad to learn more ...", "Ad
# Register for the meetup ..." under "Ad | The dbt Meetup ..." (a LinkedIn draft of the
# embedded model, bench 2026-12-03). Only "Ad", written so: "Werbung ist ..." and "Paid
# partnership with ..." open sentences of their own
_BARE_LATER_AD = re.compile(r"(?m)(?<=\n)([ \t]*)Ad[ \t]+(?=\w)")


def add_ad_label(text: str, language: str) -> str:
    """``text`` with the label first ("Werbung | ..."), and only there; a label that opens
    it already stays, set apart from a sentence that follows it with no mark ("Ad We ..."
    -> "Ad | We ...")."""
    lang = _language(language)
    text = _drop_later_labels(text, lang)
    match = _opening_label(text, lang)
    if match is not None:
        text = _drop_closing_label(text, lang)
        gap = _BARE_LABEL_BEFORE.match(text, match.end())
        return text if gap is None else f"{text[:match.end()]} | {text[gap.end():]}"
    body = _drop_trailing_label(_drop_label_hashtags(text), lang)
    label = DEFAULT_LABEL[lang]
    return f"{label} | {body}" if body else label


def strip_label_hashtags(tags: list[str]) -> list[str]:
    """A hashtag list (stored without '#') minus the label tags ('ad', 'werbung', ...)."""
    return [t for t in tags if t.lstrip("#").lower() not in LABEL_HASHTAGS]
