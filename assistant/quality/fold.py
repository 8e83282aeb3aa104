"""``topic_below_fold``: the brief's topic is nowhere in what a platform shows before "more"
(pure).

Instagram shows about 125 characters of a caption, LinkedIn about 210 and Facebook about
480 before "more" (PLATFORMS.md, the catalogue's ``fold``); a reader decides there whether
to read on. "Möwenbohne Kaffeekontor ist ein altes Kontorhaus in Altona, das seit vielen
Jahren ... Zurück aus Huila in Kolumbien - unserer Partnerkooperative zahlen wir 30
Prozent ..." was a ready LinkedIn draft of the embedded model (bench 2026-12-03): the
brand's self-description above the fold, the brief's news in its last sentence.

The topic is read as the brief's words of four letters or more that are no function
words, and numbers; one of them standing above the fold (inside a compound too:
"Röstkurse", "Kolumbien-Kaffee") is enough. A warning: a person reads whether the opening
carries the post.
"""

from __future__ import annotations

from assistant.models import Problem
from assistant.platforms.catalogue import get_platform
from assistant.quality.context import problem
from assistant.quality.grammar_words import DETERMINERS, PREPOSITIONS, PRONOUNS
from assistant.quality.spelling import ENGLISH_FUNCTION_WORDS
from assistant.quality.textnorm import strip_markup, words

CODE = "topic_below_fold"
_MIN_LETTERS = 4
_SHOWN_WORDS = 3
# words of four letters or more that say nothing of a topic, beside the function words
_PLAIN = frozenset({
    "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "haben", "sind", "wird",
    "werden", "nicht", "auch", "oder", "aber", "dann", "dein", "deine", "deinen", "bitte",
    "jetzt", "heute", "mehr", "sehr", "noch", "schon", "alle", "allen", "immer", "wieder",
    "diese", "dieser", "dieses", "dass", "wenn", "weil", "kann", "können", "gibt", "gern",
    "gerne", "ganz", "hier", "dort", "neue", "neuer", "neues", "neuen", "your", "from",
    "with", "this", "that", "have", "will", "they", "their", "there", "what", "when",
    "which", "about", "into", "more", "just", "only", "also", "before", "after", "every",
    "everyone", "them", "then", "than", "been", "were", "would", "could", "should", "here",
    "some", "today", "ours", "yours",
})
_FUNCTION_WORDS = frozenset({*DETERMINERS, *PREPOSITIONS, *PRONOUNS, *ENGLISH_FUNCTION_WORDS})


def topic_words(brief: str) -> list[str]:
    """The brief's words that name its topic (folded, in order): numbers, and words of
    _MIN_LETTERS or more that are no function words."""
    return list(dict.fromkeys(
        word for word in words(brief) if word[:1].isdigit() or (
            len(word) >= _MIN_LETTERS and word not in _PLAIN and word not in _FUNCTION_WORDS)))


def topic_below_fold_problems(text: str, brief: str, platform: str) -> list[Problem]:
    fold = get_platform(platform).fold
    plain = strip_markup(text).strip()
    topic = topic_words(brief)
    if fold is None or len(plain) <= fold or not topic:
        return []
    shown = plain[:fold].casefold()
    if any(word in shown for word in topic):
        return []
    named = ", ".join(f"'{word}'" for word in topic[:_SHOWN_WORDS])
    name = get_platform(platform).name
    return [problem(CODE, f"the first {fold} characters, which {name} shows before 'more', "
                          f"say nothing of the brief ({named} …); open with what the post "
                          "is about")]
