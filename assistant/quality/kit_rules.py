"""The rules a person accepted into the kit, applied to every model post (pure).

A small model reads "open every post with 'Moin'" in its prompt and still writes "Hallo
zusammen"; the person who accepted the rule would correct that by hand each time. So what
the kit says and what can be done without new words is done here, before the checks:

* ``hashtags.never``: such tags leave the text (the tag list drops them in
  ``merge_hashtags``); a tag that is a word of its sentence keeps the word ("unser
  #Angebot" -> "unser Angebot"), a tag that stands apart goes;
* ``banned_words`` with a ``replacement``: the preferred term, where German grammar stays
  right (``terms``); banned words without one are never cut (the sentence would break),
  the repair call rewrites them;
* ``opener``: a greeting the post opens with becomes the opener ("Hallo zusammen!" ->
  "Moin zusammen!", "Liebe Kaffeefreunde," -> "Moin Kaffeefreunde,"); a post without one
  gets it in front ("Moin! ..."), on a line of its own before a headline.

The kit's banned emoji go with the foreign ones in ``tidy``; its ``max_chars`` is left to
the repair call (a cut would lose facts).
"""

from __future__ import annotations

import regex

from assistant.brand.schema import BrandKit
from assistant.compliance.labels import label_end
from assistant.hashtags import HASHTAG_RE, hashtag_spans, tag_key
from assistant.platforms.fix import normalise_whitespace
from assistant.quality.grammar_words import GrammarLexicon
from assistant.quality.terms import replace_terms
from assistant.rules import opens_with

_SPACE_BEFORE_PUNCT = regex.compile(r"[ \t]+(?=[.,!?;:])")
_JOINING = ",;:-–—&+/"  # a tag after these (or a word) is a word of the sentence
# greetings a post may open with; the opener takes their place, the rest stays
_GREETING = regex.compile(
    r"(?i:(?:einen\s+)?(?:schönen\s+)?guten\s+(?:morgen|tag|abend)|hallöchen|hallo|hey|hi"
    r"|huhu|servus|grüß\s+gott|grüezi|hej|ahoi|hello|good\s+(?:morning|afternoon|evening))"
    r"(?!\p{L})")
# "Liebe Kaffeefreunde", "Lieber Jan": only before a capitalised word, so that "Lieber
# spät als nie", "Liebe geht durch den Magen" and "Liebe Grüße" are no greeting
_DEAR = regex.compile(r"(?i:liebe[rs]?|dear)(?=\s+(?!Grüße|Gruß)\p{Lu})")
_WORD = regex.compile(r"\p{L}")
_TAG_BEFORE = regex.compile(HASHTAG_RE.pattern + "$")
_HEADLINE = 60  # a first line up to this long, before a line break, is a headline
_MARKS = ".!?…,:;"


def apply_kit_rules(text: str, kit: BrandKit, language: str,
                    lex: GrammarLexicon | None) -> str:
    """``text`` with the kit's never-tags, preferred terms and opener applied (see the
    module doc); ``lex`` is the German noun lexicon (None: German nouns stay)."""
    text = drop_never_tags(text, kit)
    text = replace_terms(text, kit, language, lex)
    return put_opener(text, kit.opener) if kit.opener else text


def drop_never_tags(text: str, kit: BrandKit) -> str:
    never = {tag_key(t) for t in kit.hashtags.never}
    spans = [s for s in hashtag_spans(text) if tag_key(s[2]) in never]
    for start, end, tag in reversed(spans):
        text = text[:start] + (tag if _in_sentence(text, start, end) else "") + text[end:]
    return clean_gaps(text) if spans else text


def _in_sentence(text: str, start: int, end: int) -> bool:
    """Whether the tag at ``text[start:end]`` is a word of its sentence: it stands alone
    (not in a run of tags), after a word or a joining mark on its line, or before a word."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].rstrip(" \t")
    after = text[end:line_end if line_end >= 0 else len(text)].lstrip(" \t")
    if _TAG_BEFORE.search(before) or HASHTAG_RE.match(after):
        return False
    return bool(before) and (before[-1].isalnum() or before[-1] in _JOINING) or (
        bool(after) and after[0].isalnum())


def put_opener(text: str, opener: str) -> str:
    """``text`` opening with ``opener``: in place of its greeting, or in front of it. The
    check's own ``opens_with`` decides whether it does already."""
    if not text.strip() or opens_with(text, opener):
        return text
    start = label_end(text)  # the ad label stays first
    first = _WORD.search(text, start)
    if first is not None:
        greeting = _GREETING.match(text, first.start()) or _DEAR.match(text, first.start())
        if greeting is not None:
            return text[:greeting.start()] + opener + text[greeting.end():]
    mark = "" if opener.rstrip()[-1:] in _MARKS else "!"
    head, newline, _ = text[start:].partition("\n")
    gap = "\n" if newline and len(head.strip()) <= _HEADLINE else " "
    return f"{text[:start]}{opener}{mark}{gap}{text[start:].lstrip()}"


def clean_gaps(text: str) -> str:
    """The platforms' own whitespace rule, and no space left before a mark where a
    removed piece stood ("im Shop ." -> "im Shop.")."""
    return normalise_whitespace(_SPACE_BEFORE_PUNCT.sub("", text))
