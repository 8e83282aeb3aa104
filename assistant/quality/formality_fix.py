"""Mend a German post that says Sie where the brand says du (pure).

Small models slip into Sie on LinkedIn and Facebook ("Melden Sie sich jetzt!"), and the
repair call often leaves it. A person turns these into du without thinking, so tidy does:
"Melden Sie sich" -> "Melde dich", "Kennen Sie ...?" -> "Kennst du ...?", "Hier können Sie"
-> "Hier kannst du", "und Sie finden uns" -> "und du findest uns", "Ihre" -> "deine",
"Ihnen" -> "dir", "für Sie" -> "für dich".

What counts as formal address is ``rules.formal_matches``, the check's own reading. The
text is changed only when every formal form in it is one of the patterns above; one form
that is not (a clause with its verb at the end, "Sie" at a sentence start, which may mean
"they") leaves the whole post as it was, to the check and the repair call: a half-mended
post would mix du and Sie, and a wrong guess would make a German sentence wrong.

The other direction (du -> Sie) is not mended: the du-imperative ("Lies", "Komm") does not
say which verb it is without a full verb lexicon.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from assistant.quality.verbs_de import MODALS, imperative_du, looks_like_verb, present_du
from assistant.rules import ambiguous_formal, formal_matches

_WORD = regex.compile(r"\p{L}+")
_SENTENCE_END = regex.compile(r"[.!?…\n]")
_CLAUSE_END = regex.compile(r"[.!?…\n,;:–—()]")
_POSSESSIVES = {"Ihr": "dein", "Ihre": "deine", "Ihren": "deinen", "Ihrem": "deinem",
                "Ihrer": "deiner", "Ihres": "deines"}
# after these, "Sie" is the object: "für Sie", "Wir laden Sie ein", "beraten wir Sie"
_ACCUSATIVE_PREPOSITIONS = frozenset({"für", "an", "auf", "gegen", "ohne", "um", "durch",
                                      "über"})
_SUBJECTS = frozenset({"wir", "ich", "er", "es", "man"})
# a verb after these still opens its clause: "und schreiben Sie uns", "Bitte melden Sie"
_CLAUSE_OPENERS = frozenset({"und", "oder", "bitte", "also"})
# "Sichern Sie sich Ihren Platz" -> "Sichere dir deinen Platz": the reflexive is dative
_DATIVE_REFLEXIVE = frozenset({"sichern", "holen", "gönnen", "wünschen", "merken",
                               "schnappen", "nehmen", "leisten", "besorgen", "überlegen",
                               "schauen", "sehen"})  # "Schauen Sie sich ... an"


class Edit(NamedTuple):
    start: int
    end: int
    text: str


def mend_address(text: str, formality: str) -> str:
    """``text`` with the formal address turned into du when the kit says du and every
    formal form is one a rule here covers; otherwise ``text`` unchanged."""
    matches = formal_matches(text)
    if formality != "du" or not matches or ambiguous_formal(text):
        return text
    edits = _edits(text, matches)
    if edits is None:
        return text
    mended = _apply(text, edits)
    return text if mended is None or formal_matches(mended) else mended


def _edits(text: str, matches: list[regex.Match[str]]) -> list[Edit] | None:
    words = list(_WORD.finditer(text))
    index = {word.start(): n for n, word in enumerate(words)}
    edits: list[Edit] = []
    for match in matches:
        form = match.group()
        if form == "Ihnen":
            edits.append(Edit(match.start(), match.end(), _cased("dir", text, match.start())))
        elif form in _POSSESSIVES:
            edits.append(Edit(match.start(), match.end(), _POSSESSIVES[form]))
        else:
            found = _sie_edits(text, words, index[match.start()])
            if found is None:
                return None
            edits += found
    return edits


def _sie_edits(text: str, words: list[regex.Match[str]], at: int) -> list[Edit] | None:
    """The edits for the "Sie" that is ``words[at]``, or None when no rule covers it."""
    sie = words[at]
    before, after = _neighbour(text, words, at, -1), _neighbour(text, words, at, 1)
    before_word = before.group().lower() if before else ""
    if before_word in _ACCUSATIVE_PREPOSITIONS | _SUBJECTS:
        return [Edit(sie.start(), sie.end(), "dich")]
    if before is not None and looks_like_verb(before.group()):
        prior = _neighbour(text, words, at - 1, -1)
        if prior is not None and prior.group().lower() in _SUBJECTS:
            return [Edit(sie.start(), sie.end(), "dich")]  # "Wir laden Sie ein"
        return _verb_before(text, words, at, opens=prior is None or
                            prior.group().lower() in _CLAUSE_OPENERS)
    if after is not None and after.group().islower() and looks_like_verb(after.group()):
        return _verb_after(text, words, at)
    return None


def _verb_before(text: str, words: list[regex.Match[str]], at: int,
                 opens: bool) -> list[Edit] | None:
    """"Melden Sie sich" (an imperative: the verb opens a clause that asks nothing) or
    "Kennen Sie ...?", "Hier können Sie" (the verb with du)."""
    verb, sie = words[at - 1], words[at]
    lower = verb.group().lower()
    asks = _sentence_tail(text, sie.end()).endswith("?")
    if _coordinated_verb(text, words, at):
        return None
    if opens and not asks and lower not in MODALS:
        form = imperative_du(verb.group())
        if form is None:
            return None
        edits = [Edit(verb.start(), sie.end(), form)]
    else:
        form = present_du(verb.group())
        if form is None:
            return None
        edits = [Edit(verb.start(), verb.end(), form), Edit(sie.start(), sie.end(), "du")]
    return edits + _reflexive(text, words, at, lower)


def _verb_after(text: str, words: list[regex.Match[str]], at: int) -> list[Edit] | None:
    """"und Sie finden uns", "wenn Sie möchten": the verb right after "Sie". A second verb
    after it ("was Sie erwarten können") is a clause with its verbs at the end: not here."""
    sie, verb = words[at], words[at + 1]
    following = _neighbour(text, words, at + 1, 1)
    if following is not None and following.group().islower() and looks_like_verb(
            following.group()):
        return None
    form = present_du(verb.group())
    if form is None or _coordinated_verb(text, words, at + 1):
        return None
    # opening a sentence: "Sie können sich per Mail bewerben" -> "Du kannst dich ..."
    return [Edit(sie.start(), sie.end(), _cased("du", text, sie.start())),
            Edit(verb.start(), verb.end(), form),
            *_reflexive(text, words, at + 1, verb.group().lower())]


def _reflexive(text: str, words: list[regex.Match[str]], at: int, verb: str) -> list[Edit]:
    """The "sich" of the clause after "Sie" becomes "dich" ("dir" for the verbs that take
    it in the dative: "Sichern Sie sich" -> "Sichere dir", also after a modal: "Sie können
    sich einen Platz sichern" -> "Du kannst dir ...")."""
    clause = []
    for n in range(at + 1, len(words)):
        gap = text[words[n - 1].end():words[n].start()]
        if _CLAUSE_END.search(gap) or words[n].group() in ("und", "oder"):
            break
        clause.append(words[n])
    reflexive = next((word for word in clause if word.group() == "sich"), None)
    if reflexive is None:
        return []
    dative = verb in _DATIVE_REFLEXIVE or any(
        word.group().lower() in _DATIVE_REFLEXIVE for word in clause)
    return [Edit(reflexive.start(), reflexive.end(), "dir" if dative else "dich")]


def _coordinated_verb(text: str, words: list[regex.Match[str]], at: int) -> bool:
    """Whether the sentence goes on with "und"/"oder" and a second verb that shares this
    "Sie" ("Sie finden uns und probieren ..."): that verb would need its du-form too."""
    end = _SENTENCE_END.search(text, words[at].end())
    stop = end.start() if end else len(text)
    for n in range(at + 1, len(words) - 1):
        if words[n].start() >= stop:
            break
        nxt = words[n + 1]
        if words[n].group() in ("und", "oder") and nxt.group().islower() and looks_like_verb(
                nxt.group()):
            third = _neighbour(text, words, n + 1, 1)
            if third is None or third.group() != "Sie":
                return True
    return False


def _neighbour(text: str, words: list[regex.Match[str]], at: int,
               step: int) -> regex.Match[str] | None:
    """The word next to ``words[at]`` when only spaces stand between them."""
    other = at + step
    if not 0 <= other < len(words):
        return None
    first, second = (words[other], words[at]) if step < 0 else (words[at], words[other])
    return words[other] if text[first.end():second.start()].strip(" \t") == "" else None


def _sentence_tail(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    return text[start:end.end() if end else len(text)].rstrip()


def _cased(word: str, text: str, start: int) -> str:
    """Lower case mid-sentence, upper case where a sentence starts."""
    head = text[:start].rstrip(" \t\"'„“»")
    if not head or _SENTENCE_END.fullmatch(head[-1]):
        return word[:1].upper() + word[1:]
    return word


def _apply(text: str, edits: list[Edit]) -> str | None:
    """``text`` with the edits made; None when two edits overlap (no rule may win)."""
    ordered = sorted(set(edits))
    for first, second in zip(ordered, ordered[1:], strict=False):
        if second.start < first.end:
            return None
    for edit in reversed(ordered):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text
