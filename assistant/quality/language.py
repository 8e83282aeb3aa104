"""One sentence of a post in another language than asked for (pure): "Don't forget to share
your results with us!" closed a ready German Threads draft, and the coffee kit's German
call to action stood under English posts (bench dumps, 2026-11-30/12-01). A person reads
it (a slogan may be meant), the repair rewrites it: a warning. The whole post in another
language is the brand rule's error (``rules.language_problems``), which this leaves to it.
"""

from __future__ import annotations

from assistant.models import Problem
from assistant.quality.context import problem, shorten
from assistant.quality.textnorm import sentence_spans
from assistant.rules import LANGUAGE_NAMES, guess_language


def sentence_language_problems(text: str, language: str) -> list[Problem]:
    """The first sentence of ``text`` that reads as another language than ``language``."""
    whole = guess_language(text)
    if whole is not None and whole != language:
        return []  # the whole post: rules.language_problems
    for start, end in sentence_spans(text):
        other = guess_language(text[start:end])
        if other is not None and other != language:
            quoted = shorten(text[start:end], 40)
            return [problem("wrong_language", f"'{quoted}' reads as "
                            f"{LANGUAGE_NAMES.get(other, other)}; write it in "
                            f"{LANGUAGE_NAMES.get(language, language)}")]
    return []
