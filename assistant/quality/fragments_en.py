"""An English sentence that is only an "-ing" phrase, with no verb of its own (pure).

"To-date, reducing the risk of errors and ensuring that your board-level dashboards are
always accurate and reliable." stood as a paragraph of its own in a ready LinkedIn tip
(bench, 2026-12-06): the 1.5B model goes on with the participle of the sentence before and
ends it with a full stop, so the reader gets the half of a sentence. Short verbless lines
are a post's normal style ("Six people max.", "49 euros per person.", "Free webinar, 12
March."): only a sentence of eight or more words is read, that an "-ing" form opens, or a clause
of it after a comma, and whose main part (before "that", "which", "who", ...) holds no
finite verb. After a preposition or a noun the "-ing" form only qualifies it ("a class for
learning latte art at home", "a string representing the prefix").

A finite verb is what the words allow, read generously, so that a doubt never becomes a
finding: an auxiliary or a modal ("is", "can", "we'll"), a past in "-ed" or an irregular
past ("made"), and any word the en_US list lets take "-ing" (a verb) in its plain or "-s"
form, unless an article, a possessive or a preposition stands right before it ("the risk",
"of changes"); so "Postgres database schema changes" reads "changes" as a verb. A clause
that ", and" joins to the one before it is read the same way: ", and ensuring that our
systems are able to ..." has no verb of its own, whichever word before it is the verb
(unless an "-ing" form before it is what it goes on: "a dll exporting functions ..., and
returning HRESULT"). A sentence that opens with a subordinator ("When you sign up, ...")
or is a list item is not read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from assistant.models import Problem
from assistant.quality.context import problem, shorten
from assistant.quality.textnorm import sentence_spans, strip_markup, word_spans

MIN_WORDS = 8
MIN_INFINITIVE_WORDS = 6  # "To work on the alerting engine." is no line of a post's style
_AUXILIARIES = frozenset({
    "am", "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "can",
    "could", "will", "would", "shall", "should", "may", "might", "must", "isn't", "aren't",
    "wasn't", "weren't", "hasn't", "haven't", "hadn't", "don't", "doesn't", "didn't",
    "can't", "cannot", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "let's",
    "here's", "there's", "that's", "it's", "what's", "who's"})
_CONTRACTED = ("'re", "'ve", "'ll", "'d", "'m", "n't")
_IRREGULAR_PAST = frozenset({
    "made", "took", "gave", "went", "came", "got", "saw", "said", "found", "brought",
    "built", "ran", "began", "wrote", "kept", "left", "felt", "held", "told", "thought",
    "knew", "grew", "became", "sold", "paid", "met", "led", "sent", "spent", "stood", "won",
    "broke", "chose", "drove", "fell", "forgot", "rose", "wore", "put", "set", "cut", "let",
    "hit", "read", "meant", "heard", "bought", "caught", "taught", "lost", "sat",
    "spoke", "drew", "drank", "ate", "flew", "hung", "lay", "lit", "shot", "shut", "slept",
    "struck", "swore", "threw", "understood", "woke", "been", "done", "gone", "seen",
    "known", "given", "taken", "written", "shown", "grown", "begun", "chosen", "spoken"})
# right before a word, these make it a noun or an infinitive, not a finite verb
_NOT_BEFORE_VERB = frozenset({
    "a", "an", "the", "our", "your", "their", "its", "my", "his", "her", "this", "these",
    "those", "every", "each", "any", "no", "some", "of", "for", "in", "on", "at", "with",
    "by", "from", "to", "about", "into", "over", "under", "without", "per", "via", "more",
    "most", "less", "new",
    # nouns the tech kit puts before nouns ("real-time alerts", "data teams")
    "real-time", "data"})
# small words the list lets take "-ing" ("and/DZGS", "still/RDIGS") that a sentence uses as
# what they mostly are
_NEVER_FINITE = frozenset({"and", "or", "but", "nor", "yet", "up", "out", "off", "down", "back",
                           "well", "still", "even", "also", "now", "then", "just", "very",
                           "too", "only", "over", "further", "better", "more"})
_SUBORDINATORS = frozenset({
    "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "if",
    "unless", "although", "though", "since", "as", "whether", "so", "once", "after",
    "before", "until", "how", "what", "why"})
# "-ing" forms used as prepositions
_AS_PREPOSITION = frozenset({"according", "including", "regarding", "concerning", "considering",
                             "following", "excluding", "starting", "beginning", "pending",
                             "during", "notwithstanding", "barring", "depending"})
# what opens a clause whose verb is not the sentence's: a relative or "that" clause
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
_LIST_ITEM = regex.compile(r"^\s*(?:[-•*–]|\d+[.)])\s")


@dataclass(frozen=True)
class VerbLexicon:
    """What the reading needs of the en_US word list (see ``dictionary.english_verbs``)."""

    is_verb: Callable[[str], bool]  # a stem that may be a verb ("ensure")
    is_noun: Callable[[str], bool]  # a word in "-ing" that is a noun of its own ("morning")


def fragments(text: str, lex: VerbLexicon) -> list[str]:
    """Each sentence of ``text`` that is only an "-ing" phrase (see the module doc)."""
    plain = strip_markup(text)
    found = []
    for place, (start, end) in enumerate(sentence_spans(plain)):
        sentence = plain[start:end].strip()
        if sentence.endswith(".") and not _LIST_ITEM.match(sentence) and _is_fragment(
                sentence, lex, lead=not place):
            found.append(sentence)
    return found


@dataclass(frozen=True)
class _Words:
    """A sentence's words (case-folded), whether each opens it or a clause after a comma,
    and the places of those outside relative clauses."""

    folded: list[str]
    opens: list[bool]
    main: list[int]

    def before(self, at: int) -> str:
        """The word before ``at`` as a finite verb's neighbour reads it: none at a clause's
        start, and an article for an "-ing" form after one ("the alerting engine")."""
        if self.opens[at]:
            return ""
        word = self.folded[at - 1]
        if word.endswith("ing") and at > 1 and self.folded[at - 2] in _NOT_BEFORE_VERB:
            return self.folded[at - 2]
        return word

    def finite(self, places: list[int], lex: VerbLexicon) -> bool:
        return any(_is_finite(self.folded[at], self.before(at), lex) for at in places)


def _is_fragment(sentence: str, lex: VerbLexicon, lead: bool = False) -> bool:
    """Eight words or more (six after "to" and a verb, or in a noun phrase with "of"),
    opened by an "-ing" form (or a clause of it after a comma; after a preposition or a
    noun it only qualifies: "a class for learning", "a string representing"), by "to" and
    a verb, or by "The" with an "of" (not as the ``lead``, the post's first sentence: a
    headline), and no finite verb outside relative clauses; or a clause that ", and" and
    an "-ing" form open with no verb of its own (:func:`_dangling_and`)."""
    spans = word_spans(sentence)
    folded = [word.replace("’", "'") for word, _, _ in spans]
    # "To work on the alerting engine (Python, Postgres)." after "We are hiring ..." (a
    # ready X draft, bench 2026-12-06)
    infinitive = len(folded) > 1 and folded[0] == "to" and lex.is_verb(folded[1])
    head = _noun_phrase_head(folded) if not lead else None
    if len(folded) < (MIN_WORDS if not infinitive and head is None else MIN_INFINITIVE_WORDS) \
            or folded[0] in _SUBORDINATORS:
        return False
    opens = [at == 0 or sentence[spans[at - 1][2]:start].strip() == ","
             for at, (_, start, _) in enumerate(spans)]
    words = _Words(folded, opens, _main_clause(sentence, spans))
    opened = infinitive or head is not None or any(
        opens[at] and _is_gerund(folded[at], lex) for at in words.main)
    read = [at for at in words.main if at != head]
    return (opened and not words.finite(read, lex)) or _dangling_and(words, lex)


def _noun_phrase_head(folded: list[str]) -> int | None:
    """Where the noun stands that "of" follows in a sentence opened by "the" ("The
    decision-making process of the organization.", between two sentences of a ready
    LinkedIn tip, bench 2026-12-07; "The accuracy and reliability of our data alerts.",
    2026-12-06): it is no verb, whatever else it may be ("process"); None for another
    sentence."""
    if folded[:1] != ["the"] or "of" not in folded[2:]:
        return None
    return folded.index("of", 2) - 1


def _dangling_and(words: _Words, lex: VerbLexicon) -> bool:
    """", and ensuring that ..." after a clause that does not end in an "-ing" form, with
    no verb of its own: "Postgres database schema changes, and ensuring that our systems
    are able to ..." (a ready LinkedIn paragraph, bench 2026-12-06), whichever word of the
    first clause is its verb; an "-ing" form before it may be what it goes on ("a dll
    exporting functions ..., and returning HRESULT")."""
    folded = words.folded
    return any(folded[at] == "and" and words.opens[at] and at + 1 < len(folded)
               and _is_gerund(folded[at + 1], lex)
               and not any(word.endswith("ing") for word in folded[:at])
               and not words.finite([place for place in words.main if place > at + 1], lex)
               for at in words.main)


def _main_clause(sentence: str, spans: list[tuple[str, int, int]]) -> list[int]:
    """The places of the words outside relative clauses: from "that", "which", "who", ...
    to the next comma (or the end)."""
    kept, inside = [], False
    for at, (word, start, _) in enumerate(spans):
        if at and "," in sentence[spans[at - 1][2]:start]:
            inside = False
        inside = inside or word in _RELATIVES
        if not inside:
            kept.append(at)
    return kept


def _is_gerund(word: str, lex: VerbLexicon) -> bool:
    """An "-ing" form of a verb, not a noun of its own ("morning", "meeting") nor one that
    is used as a preposition ("according to", "including")."""
    if len(word) < 6 or not word.endswith("ing") or lex.is_noun(word) or word in _AS_PREPOSITION:
        return False
    stem = word[:-3]
    return lex.is_verb(stem) or lex.is_verb(stem + "e") or (
        len(stem) > 2 and stem[-1] == stem[-2] and lex.is_verb(stem[:-1]))


def _is_finite(word: str, before: str, lex: VerbLexicon) -> bool:
    if word in _AUXILIARIES or word.endswith(_CONTRACTED) or word in _IRREGULAR_PAST:
        return True
    if word.endswith("ed") and (lex.is_verb(word[:-2]) or lex.is_verb(word[:-1])
                                or (word.endswith("ied") and lex.is_verb(word[:-3] + "y"))):
        return True
    if before in _NOT_BEFORE_VERB or word in _NEVER_FINITE or word.endswith("ing"):
        return False
    return lex.is_verb(word) or (word.endswith("s") and lex.is_verb(word[:-1])) or (
        word.endswith("es") and lex.is_verb(word[:-2])) or (
        word.endswith("ies") and lex.is_verb(word[:-3] + "y"))


def fragment_problems(text: str, lex: VerbLexicon) -> list[Problem]:
    """A warning for the first sentence of ``text`` that is only an "-ing" phrase (or a
    "to" phrase)."""
    found = fragments(text, lex)
    if not found:
        return []
    return [problem("grammar", f"'{shorten(found[0], 60)}' has no verb of its own; join it "
                               "to the sentence before or give it a subject and a verb")]
