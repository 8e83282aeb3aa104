"""A fact of the brief that a post left out, put back in the brief's own words (pure).

After both repairs, the 1.5B model's posts still left out a fact of the brief in 6 of 18
English and 1-3 of 18 German drafts (bench, 2026-11-30/12-01): "49 euros per person",
"45 minutes", "Berlin", "at no extra cost". Told in the repair note what is missing, it
wrote the post again and dropped another fact. The brief is a person's text, so the piece
of it that carries the fact ("49 euros per person.") is right German or English as it
stands; it goes at the end of the post's body (before its link, "Link in Bio" and labels).

A brief is cut into pieces at its sentences and then at ", ", "; ", " - " and ": " outside
brackets (``brief_pieces``); a piece of one or two words ("18 Uhr", "15 December") or one
that goes on from the piece before ("dann filtern", "to work on ...") stays with that piece.
A piece is added only when the post then lacks fewer facts and the checker finds nothing
it did not find before: a piece that made the post too long, repeated a sentence or broke
the kit's forms of address is not added. Drafting (``drafting_post.completed``) tries again
with the post's last hashtags left off, one at a time, where the tags count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from assistant.hashtags import HASHTAG_RE
from assistant.models import Problem
from assistant.quality.linkbio import bio_hints
from assistant.quality.textnorm import (
    CLAUSE_CUT,
    CONTINUATIONS,
    URL_RE,
    sentence_spans,
    strip_markup,
    words,
)

# the hashtags that close a sentence or line, and the mark after them: "... card #dbt."
_CLOSING_TAGS = regex.compile(rf"(?:\s+{HASHTAG_RE.pattern})+[.!]?\Z")
# a sentence that ends: a mark, a closing quote or bracket, or an emoji
_ENDED = regex.compile(r"(?:[.!?…:;)\]\"'»«“”]|\p{Extended_Pictographic}\ufe0f?)\Z")
MIN_PIECE_WORDS = 3


def brief_pieces(brief: str) -> list[str]:
    """The brief as pieces a post can carry on their own, each a sentence: its first letter
    capitalised and a mark at its end (the sentence's own "!" or "?", else ".")."""
    pieces: list[str] = []
    for start, end in sentence_spans(brief):
        sentence = brief[start:end].strip()
        mark = sentence[-1] if sentence[-1] in "!?" else "."
        parts = _parts(sentence.rstrip(".!?… "))
        pieces += [_as_sentence(part, mark) for part in parts if words(part)]
    return list(dict.fromkeys(pieces))


def _parts(sentence: str) -> list[str]:
    """``sentence`` cut at ``CLAUSE_CUT`` outside brackets, short pieces and those that go on
    joined to the piece before (the first to the one after)."""
    cuts = [found for found in CLAUSE_CUT.finditer(sentence)
            if sentence.count("(", 0, found.start()) == sentence.count(")", 0, found.start())]
    bounds = [0, *(point for found in cuts for point in found.span()), len(sentence)]
    raw = [(sentence[bounds[n]:bounds[n + 1]], sentence[bounds[n + 1]:bounds[n + 2]])
           for n in range(0, len(bounds) - 2, 2)]
    raw.append((sentence[bounds[-2]:bounds[-1]], ""))
    parts: list[str] = []
    for piece, separator in raw:
        if parts and _joins(piece):
            parts[-1] += piece + separator
        else:
            parts.append(piece + separator)
    if len(parts) > 1 and len(words(parts[0])) < MIN_PIECE_WORDS:
        parts[:2] = [parts[0] + parts[1]]
    return [part.rstrip(",;:-–— ") for part in parts]


def _joins(piece: str) -> bool:
    tokens = words(piece)
    return len(tokens) < MIN_PIECE_WORDS or (
        piece[:1].islower() and tokens[0].casefold() in CONTINUATIONS)


def _as_sentence(piece: str, mark: str) -> str:
    piece = piece.strip()
    return piece[:1].upper() + piece[1:] + mark


def with_brief_facts(text: str, brief: str, lacking: Callable[[str], Sequence[str]],
                     findings: Callable[[str], Sequence[Problem]],
                     found: Sequence[Problem], labels: Sequence[str] = ()) -> str:
    """``text`` with the pieces of ``brief`` that carry what ``lacking`` finds missing,
    each kept only when the post then lacks fewer facts and ``findings`` (the checker)
    finds no code it did not find in ``text`` (``found``); ``labels`` (the AI label) stay
    at the end."""
    missed = list(lacking(text))
    if not missed:
        return text
    codes = {problem.code for problem in found}
    for piece in brief_pieces(brief):
        for candidate in dict.fromkeys((unsaid(piece, text), piece)):
            trial = appended(text, candidate, labels)
            still = list(lacking(trial))
            if len(still) >= len(missed) or not set(still) <= set(missed):
                continue
            if {problem.code for problem in findings(trial)} <= codes:
                text, missed = trial, still
                break
        if not missed:
            break
    return text


def unsaid(piece: str, text: str) -> str:
    """``piece`` without its short first part when ``text`` says that part already: the
    brief's "Kostenlos, Anmeldung über den Link." under "..., kostenlos." made "kostenlos.
    Kostenlos, Anmeldung über den Link." (CLI, 2026-12-06); the piece is "Anmeldung über
    den Link." then."""
    head, separator, rest = piece.partition(", ")
    said = set(words(text))
    if not separator or len(words(rest)) < 2 or not set(words(head)) <= said:
        return piece
    return rest[:1].upper() + rest[1:]


def appended(text: str, piece: str, labels: Sequence[str] = ()) -> str:
    """``text`` with ``piece`` at the end of its body: before the paragraphs at its end
    that hold only links, "Link in Bio" or labels, and before the lines and sentences at
    the end of the body that carry a link or "Link in Bio" (a call to action: "Komm
    vorbei ... – Link in Bio"); on a line of its own among lines (Instagram's), else as
    the body's last sentence."""
    paragraphs = text.split("\n\n")
    body = len(paragraphs)
    while body > 1 and _tail(paragraphs[body - 1], labels):
        body -= 1
    last = paragraphs[body - 1].rstrip()
    spans = sentence_spans(last)
    keep = len(spans)
    while keep > 1 and _pointing(last[spans[keep - 1][0]:spans[keep - 1][1]]):
        keep -= 1
    cut = len(last) if keep == len(spans) else spans[keep][0]
    head, rest = last[:cut], last[cut:]
    between = "\n" if head.endswith("\n") or (not rest and "\n" in last) else " "
    head, rest = _tags_last(head.rstrip(), rest)
    if between == " " and head and not _ENDED.search(head):
        # "Anmeldung im Laden oder per Mail Einladung zum Röstkurs ..." (a ready LinkedIn
        # draft, bench 2026-12-02): the sentence before the piece ends first
        head += "."
    paragraphs[body - 1] = between.join(part for part in (head, piece, rest.strip()) if part)
    return "\n\n".join(paragraphs)


def _tags_last(head: str, rest: str) -> tuple[str, str]:
    """The hashtags that close ``head`` move to the front of ``rest``, after the piece:
    "... no credit card #DataEngineering #dbt. We sponsor the meetup ..." (a Mastodon
    draft, bench 2026-12-03) put the brief's sentence after the post's tags."""
    tags = _CLOSING_TAGS.search(head)
    if tags is None or not words(strip_markup(head[:tags.start()])):
        return head, rest
    closing = " ".join(found.group() for found in HASHTAG_RE.finditer(tags.group()))
    return head[:tags.start()].rstrip(), f"{closing} {rest.strip()}".strip()


def _pointing(sentence: str) -> bool:
    """A sentence that carries a link or "Link in Bio"."""
    return bool(URL_RE.search(sentence) or bio_hints(sentence))


def _tail(paragraph: str, labels: Sequence[str]) -> bool:
    """A paragraph with no words of a sentence: a link, "Link in Bio", a label alone."""
    plain = paragraph
    for label in labels:
        plain = plain.replace(label, " ") if label else plain
    plain = strip_markup(plain)  # links, hashtags and "Link in Bio" go with the markup
    return len(words(plain)) <= 2 and not regex.search(r"[.!?]\s*\S", plain)
