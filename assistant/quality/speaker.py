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

import regex

from assistant.models import Problem
from assistant.quality.context import problem, shorten

_FIRST_PERSON = {
    "de": regex.compile(r"(?<![\p{L}-])(?:ich|mich|mir|mein|meine|meinen|meinem|meiner|"
                        r"meines)(?![\p{L}-])", regex.IGNORECASE),
    # "I" only as written: "i" is no pronoun; "me", "my", "mine", "I'm", "I've", "I'll"
    "en": regex.compile(r"(?<![\p{L}'-])(?:I|I'm|I've|I'll|I'd|(?i:me|my|mine|myself))"
                        r"(?![\p{L}-])"),
}
# a quotation, in German or English marks: what someone else said
_QUOTED = regex.compile(r"„[^“”\"]*[“”\"]|“[^”]*”|\"[^\"]*\"|»[^«]*«|«[^»]*»")
_ENDS = ".!?\n"


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda match: " " * len(match.group()), text)


def speaks_as_one(text: str, language: str) -> bool:
    """Whether ``text`` says "ich" / "I" (in any form) outside quotation marks."""
    pattern = _FIRST_PERSON.get(language)
    return pattern is not None and pattern.search(_unquoted(text)) is not None


def first_person_problems(text: str, language: str, kit_texts: Sequence[str]) -> list[Problem]:
    """A warning when ``text`` speaks as one person and none of ``kit_texts`` (the kit's
    example posts and guidelines in the post's language) ever does."""
    pattern = _FIRST_PERSON.get(language)
    if pattern is None or not kit_texts or any(speaks_as_one(kit, language)
                                               for kit in kit_texts):
        return []
    plain = _unquoted(text)
    match = pattern.search(plain)
    if match is None:
        return []
    start = max(plain.rfind(mark, 0, match.start()) for mark in _ENDS) + 1
    ends = [at for at in (plain.find(mark, match.end()) for mark in _ENDS) if at >= 0]
    sentence = text[start:min(ends) + 1 if ends else len(text)].strip()
    team = "wir" if language == "de" else "we"
    return [problem("first_person",
                    f"'{shorten(sentence, 60)}' speaks as '{match.group()}', but the brand "
                    f"speaks as '{team}' in its examples; write it as the team, or as a "
                    "question to the reader")]
