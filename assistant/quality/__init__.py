"""Is a draft worth posting? Checks a person would make before posting (pure).

``quality_problems`` checks one post against its brief, link and brand kit;
``same_text_problems`` compares the drafts of one brief across platforms. The single
checker (``assistant.checks``) composes them with the platform, brand and compliance
checks. Every problem has ``source="quality"`` and a stable code:

    placeholder       error    a template leftover such as [Link], {name}, XXX, TODO
    link_in_bio       warning  "Link in Bio" on a platform whose posts can carry the link
    emoji_not_in_kit  warning  an emoji the kit does not list among its own
    copies_example    warning  most of the post is copied from one kit example
    same_text_as      warning  two platforms of one brief got (nearly) the same text
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.models import Problem
from assistant.quality.context import QualityContext
from assistant.quality.emoji import emoji_not_in_kit_problems
from assistant.quality.linkbio import link_in_bio_problems
from assistant.quality.placeholders import placeholder_problems
from assistant.quality.similarity import copies_example_problems, same_text_problems

__all__ = ["QualityContext", "quality_problems", "same_text_problems"]


def quality_problems(text: str, hashtags: Sequence[str], ctx: QualityContext) -> list[Problem]:
    """Every quality finding for one post, errors first in the order of the codes above."""
    examples = [e.text for e in ctx.kit.examples] if ctx.kit is not None else []
    return [
        *placeholder_problems(text),
        *link_in_bio_problems(text, ctx.platform),
        *emoji_not_in_kit_problems(text, ctx.kit),
        *copies_example_problems(text, examples),
    ]
