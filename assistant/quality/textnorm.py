"""A post as the words a reader compares: no hashtags, links, handles, emoji, labels (pure)."""

from __future__ import annotations

from functools import lru_cache

import regex

from assistant.hashtags import HASHTAG_RE

# where a sentence's clauses meet: a comma, semicolon or colon, or a dash after a space,
# and a space ("11,90 €" is no cut); completion cuts a brief there, and a form's part cut
# at its cap goes back to the last one
CLAUSE_CUT = regex.compile(r"(?:[,;:]|\s[-–—])\s+")
URL_RE = regex.compile(r"(?i)(?<![\w@/])(?:https?://|www\.)[^\s<>\"'`{}|\\^\[\]]+")
HANDLE_RE = regex.compile(r"(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?"
                          r"(?:@[\w.-]+\.\w+)?")
# a web address without a scheme: tessaline.example/trust, moewenbohne.de
DOMAIN_RE = regex.compile(r"(?i)(?<![\w@/.])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}(?:/[^\s]*)?"
                          r"(?![\w@])")
# what ends a sentence without a mark: an emoji, a web or an e-mail address (the cut-off
# check and the platform form's cut both read a text's end with it)
CLOSING_TOKEN = r"\p{Extended_Pictographic}\ufe0f?|https?://\S+|\S+@\S+"
EMAIL_RE = regex.compile(r"(?i)\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b")
_LABEL_RE = regex.compile(r"(?i)^\W*(?:werbung|anzeige|paid partnership|advertisement|ad)\b\W*")
_BIO_RE = regex.compile(r"(?i)\blinks?\s+(?:in|im)\s+(?:(?:der|unserer|our|the)\s+)?"
                        r"(?:bio|profil|profile)\b")
# a sentence of a post: up to its mark, or a line ("24. bis 26. Dezember": a dot after a
# number before a word goes on)
_SENTENCE_RE = regex.compile(r"(?:[^.!?…\n]|(?<=\d)\.(?=[ \t]*\w))+(?:[.!?…]+|\n|$)")


def mask_addresses(text: str) -> str:
    """``text`` with each web and e-mail address as as many "x": its "?" and "." end no
    sentence (the positions stay those of ``text``). The marks after an address's last
    character stay: "Hier geht's zur Rösterei: https://.../buero. Wir rösten live ..." is
    two sentences (a Facebook draft, bench 2026-12-02)."""
    masked = text
    for pattern in (URL_RE, EMAIL_RE):
        masked = pattern.sub(_masked, masked)
    return masked


def _masked(found: regex.Match[str]) -> str:
    address = found.group()
    body = address.rstrip(_TRAILING_MARKS)
    return "x" * len(body) + address[len(body):]


# what ends a sentence right after an address rather than belonging to it
_TRAILING_MARKS = ".,;:!?"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` stand (_SENTENCE_RE), a web or e-mail address read as
    one word."""
    masked = mask_addresses(text)
    return [found.span() for found in _SENTENCE_RE.finditer(masked) if found.group().strip()]


# words that go on from what stands before them: a piece or a line that opens with one is
# no sentence of its own ("to work on the alerting engine", "und zu warmen.", "dann
# filtern"; completion and linestart read them)
CONTINUATIONS = frozenset({
    "and", "or", "but", "to", "which", "who", "that", "then", "if", "when", "because",
    "und", "oder", "aber", "sondern", "dann", "dass", "weil", "wenn", "ob", "als", "denn",
    "welche", "welcher", "welches", "wo", "zu",
})


# a clitic joined to a word: "geht's", "röstet's", "'n" ("so'n")
CLITIC = regex.compile(r"(?i)['’](?:s|n|ne|nem|nen)?$")
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


def strip_markup(text: str) -> str:
    """``text`` without URLs, e-mail addresses, handles, hashtags, its ad label and bio hints."""
    out = URL_RE.sub(" ", text)
    out = EMAIL_RE.sub(" ", out)
    out = HANDLE_RE.sub(" ", out)
    out = DOMAIN_RE.sub(" ", out)
    out = HASHTAG_RE.sub(" ", out)
    out = _BIO_RE.sub(" ", out)
    return _LABEL_RE.sub("", out.strip())


@lru_cache(maxsize=1024)
def words(text: str) -> tuple[str, ...]:
    """The post's words, case-folded, in order (emoji and punctuation dropped). Cached: the
    kit's examples are compared with every post."""
    return tuple(word for word, _, _ in word_spans(strip_markup(text)))


def content_words(text: str) -> tuple[str, ...]:
    """The words of :func:`words` of more than two letters: what a sentence says, without
    "an", "im", "we", "to" (how much of a sentence the brief or an example holds)."""
    return tuple(word for word in words(text) if len(word) > 2)


def word_spans(plain: str) -> list[tuple[str, int, int]]:
    """Each word of ``plain`` (a text after :func:`strip_markup`), case-folded, with where it
    stands: the words of :func:`words`, for a message that quotes the text."""
    return [(found.group().casefold(), *found.span()) for found in _WORD_RE.finditer(plain)]


@lru_cache(maxsize=1024)
def ngrams(tokens: tuple[str, ...], size: int) -> frozenset[tuple[str, ...]]:
    return frozenset(tokens[i:i + size] for i in range(len(tokens) - size + 1))


def keep_case(written: str, form: str) -> str:
    """``form`` with its first letter large when ``written`` has it so (a word put in the
    place of ``written``)."""
    return form[:1].upper() + form[1:] if written[:1].isupper() else form
