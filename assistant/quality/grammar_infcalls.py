"""Rule 7i of the German grammar check: a call in the infinitive that goes on in another
form (pure). Split from grammar_verbs (2026-12-07), which had grown past 400 lines.
"""

from __future__ import annotations

from assistant.quality.grammar_callforms import imperative_infinitive
from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_reflexive import NEEDS_OBJECT
from assistant.quality.grammar_verbs import (
    CALL_ADVERBS,
    NO_CALL,
    SEPARABLE,
    is_infinitive,
    separable_infinitive,
)
from assistant.quality.grammar_words import (
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    GrammarLexicon,
    Token,
    adjective_ending,
)
from assistant.quality.verbs_de import imperative_du


def infinitive_call_goes_on(plain: str, words: list[Token],
                            lex: GrammarLexicon) -> list[Finding]:
    """Rule 7i: "Jetzt bestellen oder kommen vorbei im Kontor" (a ready LinkedIn draft,
    bench 2026-12-07), "Jetzt bestellen und teste den Winter-Cold-Brew" (a ready LinkedIn
    draft, CLI 2026-12-07): a call in the infinitive goes on in the infinitive, and a
    separable verb's infinitive holds its prefix ("oder vorbeikommen"); "kommen vorbei"
    with no subject is no call, and "teste" speaks to du. Read where an infinitive opens
    its sentence (after a call adverb or not) and "und" or "oder" joins to it a verb in -en
    that a separable prefix follows at once, or a du-imperative; "Wir rösten und kommen
    vorbei" has its subject."""
    found = []
    for index, join in enumerate(words[1:-1], start=1):
        if join.lower not in ("und", "oder") or not join.spaced \
                or not _opens_call(words, index - 1, lex):
            continue
        verb = words[index + 1]
        prefix = words[index + 2] if index + 2 < len(words) else None
        infinitive = verb.lower if prefix is not None and is_infinitive(verb.lower, lex) \
            else _imperative_infinitive(verb.lower, lex)
        if not verb.spaced or not verb.text.islower() or infinitive is None:
            continue
        if prefix is not None and prefix.spaced and prefix.lower in SEPARABLE \
                and separable_infinitive(prefix.lower + infinitive, lex):
            phrase, fix = plain[verb.start:prefix.end], prefix.lower + infinitive
        elif infinitive != verb.lower:
            phrase, fix = verb.text, infinitive
        else:
            continue
        found.append(Finding(phrase, f"'{phrase}': the call '{words[index - 1].text}' goes on "
                                     f"in the infinitive: '{fix}'", fix))
    return found


# words that read as a du-imperative but stand after "und" as adverbs ("Jetzt anmelden und
# gleich loslegen", "und mehr erfahren", "und los geht's")
_NOT_IMPERATIVES = frozenset({*CALL_ADVERBS, *NO_CALL, "mehr", "dann", "einfach", "noch",
                              "bitte"})


def _imperative_infinitive(word: str, lex: GrammarLexicon) -> str | None:
    """The infinitive of ``word`` where it is a du-imperative ("teste" -> "testen", "komm"
    -> "kommen"), else None."""
    if word in _NOT_IMPERATIVES or word in DETERMINERS or word in PREPOSITIONS \
            or word in PRONOUNS or adjective_ending(word, lex.is_word) is not None:
        return None
    return imperative_infinitive(word, lex)


def _opens_call(words: list[Token], index: int, lex: GrammarLexicon) -> bool:
    """Whether ``words[index]`` is an infinitive that opens its sentence, alone or after
    a call adverb ("Jetzt bestellen")."""
    call = words[index]
    opens = call.sentence_start or (index > 0 and words[index - 1].sentence_start
                                    and words[index - 1].lower in CALL_ADVERBS)
    return opens and call.lower.endswith("n") and is_infinitive(call.lower, lex) and not (
        call.capitalised and not call.sentence_start) \
        and adjective_ending(call.lower, lex.is_word) is None


def infinitive_opens_du_call(plain: str, words: list[Token],
                             lex: GrammarLexicon) -> list[Finding]:
    """Rule 7j: "Kommen vorbei im Kontor oder bestell im Shop." (a Facebook draft, bench
    2026-12-07: the kit's usual call "Komm vorbei ..." with its verb in the infinitive). An
    infinitive that opens its sentence with its separable prefix right after it and no
    subject is no German call; where "und" or "oder" later in the sentence joins a
    du-imperative, the call speaks to du, and its first verb takes that form ("Komm
    vorbei"). "Kommen Sie vorbei" has its subject; "Vorbeikommen und probieren" is a call
    in the infinitive throughout."""
    found = []
    for index, verb in enumerate(words[:-2]):
        prefix = words[index + 1]
        if not (verb.sentence_start and verb.capitalised and prefix.spaced
                and prefix.lower in SEPARABLE and is_infinitive(verb.lower, lex)
                and separable_infinitive(prefix.lower + verb.lower, lex)
                and prefix.lower + verb.lower not in NEEDS_OBJECT  # "Melde dich an"
                and _du_call_follows(words, index + 2, lex)):
            continue
        fix = imperative_du(verb.text)
        if fix is None or fix == verb.text:
            continue
        found.append(Finding(verb.text, f"'{verb.text} {prefix.text}' has no subject: as a "
                                        f"call to du, '{fix} {prefix.text}'", fix))
    return found


def _du_call_follows(words: list[Token], start: int, lex: GrammarLexicon) -> bool:
    """Whether "und" or "oder" and then a du-imperative stand in the sentence from
    ``start`` on."""
    for index in range(start, len(words) - 1):
        if words[index].sentence_start:
            return False
        if words[index].lower in ("und", "oder") and words[index + 1].text.islower() \
                and not words[index + 1].sentence_start:
            form = _imperative_infinitive(words[index + 1].lower, lex)
            if form is not None and form != words[index + 1].lower:
                return True
    return False
