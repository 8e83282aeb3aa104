"""``first_person``: the post speaks as one person where the brand speaks as a team (pure).

"Hey! Ich habe einen Tipp für Cold Brew zu Hause." (a Mastodon draft of the embedded
model, bench 2026-12-05) and "Was ist der Hafer-Cappuccino und wo kann ich ihn bestellen?"
(a ready Facebook question, the same run) speak as "ich", in a kit whose example posts and
guidelines never do: the coffee kit and the software kit both speak as "wir" / "we". The
first is a voice the brand does not have, the second a reader's question put in the
brand's mouth. A kit whose examples say "ich" or "I" (a one-person business) gets no
warning. Words inside quotation marks are someone quoted ("„Ich liebe ihn", sagt Hanne")
and stay. A warning: a person decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from assistant.models import Problem
from assistant.quality.context import problem, shorten
from assistant.quality.textnorm import sentence_spans

_FIRST_PERSON = {
    "de": regex.compile(r"(?<![\p{L}-])(?:ich|mich|mir|mein|meine|meinen|meinem|meiner|"
                        r"meines)(?![\p{L}-])", regex.IGNORECASE),
    # "I" only as written: "i" is no pronoun; "me", "my", "mine", "I'm", "I've", "I'll"
    "en": regex.compile(r"(?<![\p{L}'-])(?:I|I'm|I've|I'll|I'd|(?i:me|my|mine|myself))"
                        r"(?![\p{L}-])"),
}
# a quotation, in German or English marks: what someone else said
_QUOTED = regex.compile(r"„[^“”\"]*[“”\"]|“[^”]*”|\"[^\"]*\"|»[^«]*«|«[^»]*»")


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda match: " " * len(match.group()), text)


def speaks_as_one(text: str, language: str) -> bool:
    """Whether ``text`` says "ich" / "I" (in any form) outside quotation marks."""
    pattern = _FIRST_PERSON.get(language)
    return pattern is not None and pattern.search(_unquoted(text)) is not None


@lru_cache(maxsize=32)
def _kit_speaks_as_one(kit_texts: tuple[str, ...], language: str) -> bool:
    """Whether any of the kit's texts says "ich" / "I": read once per kit, not per post."""
    return any(speaks_as_one(kit, language) for kit in kit_texts)


def first_person_problems(text: str, language: str, kit_texts: Sequence[str]) -> list[Problem]:
    """A warning when ``text`` speaks as one person and none of ``kit_texts`` (the kit's
    example posts and guidelines in the post's language) ever does."""
    pattern = _FIRST_PERSON.get(language)
    if pattern is None or not kit_texts or _kit_speaks_as_one(tuple(kit_texts), language):
        return []
    plain = _unquoted(text)
    match = pattern.search(plain)
    if match is None:
        return []
    start, end = next((span for span in sentence_spans(plain)
                       if span[0] <= match.start() < span[1]), match.span())
    sentence = text[start:end].strip()
    team = "wir" if language == "de" else "we"
    return [problem("first_person",
                    f"'{shorten(sentence, 60)}' speaks as '{match.group()}', but the brand "
                    f"speaks as '{team}' in its examples; write it as the team, or as a "
                    "question to the reader")]
