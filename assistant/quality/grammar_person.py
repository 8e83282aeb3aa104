"""Rules 9 and 10 of the German grammar check: a verb in the wrong person before "du", and
an imperative with "sich"; and rule 11, the first part of a hyphenated noun written small
(pure).

Rule 9: "Mit 8 Plätzen können du mit uns rösten" (a LinkedIn draft of the embedded model,
bench, 2026-12-01): a finite verb that stands before its subject "du" takes the du-form
("kannst du"). Read only where nothing stands between the two words, the verb has the
plural form of a known verb ("können", "rösten"; ``verbs_de.looks_like_verb``), written
small or opening the sentence, and "du" is not the first of two subjects ("heute rösten du
und ich"). A verb after "du" is left alone: "kannst du rösten" is right. Rule 9b: the
present subjunctive before "du" ("Habest du ...?") -> the indicative ("Hast du"), for a
closed list of verbs; a verb in -et before "du" ("röstet du") -> "röstest du". Rule 9c:
"Wir rate dir auch ..." (a ready Facebook draft, bench 2026-12-05): a sentence that opens
with "Wir" has its finite verb next, in the plural ("Wir raten"). Read only where the word
after "Wir" is written small, ends in "e" or "t", and its plural ("rate" + "n", "macht" ->
"machen") is a verb the dictionary knows; "Wir alle", "Wir beide", "Wir selbst" stay. Rule
9d: "Bestell sie jetzt und genießen die Weihnachtszeit!" (a ready Threads draft, bench
2026-12-05): a call that opens with the du-imperative and goes on after "und" or "oder"
with a verb in -en keeps the imperative ("und genieß"). Read only in a sentence with no
pronoun of a person as its subject (du, ihr, wir, ich, Sie), where the word after "und" is
written small, is a verb the dictionary knows and no declined adjective ("und frischen
Kaffee"), no "wir" or "Sie" follows it ("und rösten wir zusammen") and no comma, colon or
dash stands between the call and "und". Adverbs may stand between "und" and a verb that
closes the clause ("Zieh ihn 4 Minuten und dann langsam herunterdrücken" -> "und drück
dann langsam herunter", a ready Mastodon draft, bench 2026-12-07), and a separable verb
takes its prefix to the end (``grammar_callforms``).

9e: "Kommt vorbei im Kontor oder bestell im Shop." (a ready Facebook draft, bench
2026-12-06, of the coffee kit's "Komm vorbei ... oder bestell ..."): a call that opens with
the imperative to "ihr" and goes on after "und" or "oder" with the imperative to "du".
Read as 9d, where the first word is a du-imperative and "t" ("Komm" + "t") and the word
after "und" or "oder" is a du-imperative that is no other form. Flagged, not mended: the
sentence may address "ihr" or "du". 9f: "Schreibt uns über die Website, wenn du sie
möchtest." (a ready Threads draft, bench 2026-12-06): a sentence that opens with the
imperative to "ihr" and names the reader "du" (du, dich, dir, dein ...) after a comma.
Read where the first word is a du-imperative and "t", as 9e, and no subject follows it
("Schmeckt dein Kaffee sauer und dünn, mahl feiner" is a condition). Flagged, not mended.

Rule 10: "Bewerbe sich jetzt!" (a ready Instagram draft, bench, 2026-12-01): a sentence
that opens with the imperative of a verb and goes on with "sich" mixes the du-imperative
("Bewirb dich") with the reflexive of the third person ("Bewerben Sie sich"). Read when the
first word plus "n" is a verb the dictionary knows ("bewerbe" -> "bewerben"). "Lohnt sich"
and "Freut sich" are statements and stay.

Rule 11: "Wir bieten einen barista-Kurs" (a ready Instagram draft in the browser test,
2026-12-01): a hyphenated word whose last part is a noun is a noun, and its first part is
written large ("Barista-Kurs", "Online-Shop", "To-go-Becher"). Read when the first part has
three letters or more, is all small and is a word some dictionary knows (a brand written
small, "dm-Markt", or a unit, "km-Zahl", is no dictionary word and stays). Its one
correction is the capital, so tidy makes it.

Rule 11b: "Was gibt es neues zum Rösten?" (a Facebook question of the CLI, 2026-12-02):
an adjective in -es after etwas, nichts, viel, wenig, allerlei or "gibt es" is a noun and
is written large ("etwas Neues", "nichts Besonderes"). Read only for a word that is an
adjective with the -es ending, with no noun after it ("etwas neues Werkzeug" stays).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from assistant.quality.grammar_callforms import call_form, imperative_infinitive, past_adverbs
from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_subject import SINGULAR_TO_PLURAL
from assistant.quality.grammar_words import (
    DETERMINERS,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    adjective_ending,
    is_adjective_stem,
    sentences,
)
from assistant.quality.verbs_de import imperative_du, looks_like_verb, present_du

# what may follow "du" when it is one of two subjects
_JOINED = frozenset({"und", "oder", "sowie"})
# pronouns that end like an infinitive ("mit allen, die du kennst"); articles and
# possessives are DETERMINERS, "denen" one of verbs_de's words that are no verb
_NOT_FINITE = frozenset({"ihnen", "allen", "jenen", "diesen", "welchen", "beiden"})
_MIN_HEAD = 3
# rule 9b: the present subjunctive before "du", which no post asks a reader in ("Habest
# du schon ... gesehen?", a ready Instagram draft, bench 2026-12-03) -> the indicative.
# A closed list: the subjunctive II ("Hättest du", "Würdest du", "Könntest du") is right
_SUBJUNCTIVE_DU = {"habest": "haben", "seiest": "sein", "seist": "sein",
                   "werdest": "werden", "könnest": "können", "müssest": "müssen",
                   "dürfest": "dürfen", "sollest": "sollen", "wollest": "wollen",
                   "mögest": "mögen", "wissest": "wissen", "gebest": "geben",
                   "kommest": "kommen", "nehmest": "nehmen", "sehest": "sehen",
                   "gehest": "gehen"}


def person_before_du(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 9 (see the module doc): "können du" -> "kannst du", and 9b: "Habest du" ->
    "Hast du"."""
    found = []
    for index, (verb, pronoun) in enumerate(zip(words, words[1:], strict=False)):
        following = words[index + 2].lower if index + 2 < len(words) else ""
        if pronoun.lower != "du" or not pronoun.spaced or following in _JOINED:
            continue
        subjunctive = _SUBJUNCTIVE_DU.get(verb.lower)
        infinitive = subjunctive or _et_infinitive(verb, lex)
        if infinitive is None and not _plural_verb(verb, lex):
            continue
        phrase = plain[verb.start:pronoun.end]
        form = present_du(infinitive or verb.text)
        if form is None or form.lower() == verb.lower:
            continue
        if verb.text[0].isupper():
            form = form.capitalize()
        fix = f"{form} {pronoun.text}"
        reason = "ask in the indicative" if subjunctive else "the verb goes with 'du', so"
        found.append(Finding(phrase, f"'{phrase}': {reason} '{fix}'", fix))
    return found


# rule 9c: words after an opening "Wir" that are no verb; the irregular singulars take
# their plural from grammar_subject's table
_AFTER_WIR = frozenset({"alle", "beide", "selbst", "jetzt", "nicht", "gerne", "heute",
                        "halt", "erst", "recht", "bitte"})


def person_after_wir(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 9c (see the module doc): "Wir rate dir" -> "Wir raten dir"."""
    found = []
    for pronoun, verb in zip(words, words[1:], strict=False):
        if pronoun.text != "Wir" or not pronoun.sentence_start or not verb.spaced or \
                verb.capitalised or verb.lower in _AFTER_WIR:
            continue
        plural = _wir_plural(verb.lower, lex)
        if plural is None:
            continue
        phrase = plain[pronoun.start:verb.end]
        fix = f"{pronoun.text} {plural}"
        found.append(Finding(phrase, f"'{phrase}': the verb goes with 'wir', so '{fix}'", fix))
    return found


def _wir_plural(lower: str, lex: GrammarLexicon) -> str | None:
    """The plural of a singular verb form ("rate" -> "raten", "macht" -> "machen", "hat"
    -> "haben"), or None when the word is no singular of a known verb."""
    if lower in SINGULAR_TO_PLURAL:
        return SINGULAR_TO_PLURAL[lower]
    if lower.endswith("et"):
        candidates = [lower[:-2] + "en", lower[:-1] + "n"]
    elif lower.endswith("t"):
        candidates = [lower[:-1] + "en"]
    elif lower.endswith("e"):
        candidates = [lower + "n"]
    else:
        return None
    for plural in candidates:
        if looks_like_verb(plural) and lex.is_word(plural):
            return plural
    return None


_SUBJECTS = frozenset({"du", "ihr", "wir", "ich"})
_JOINS = frozenset({"und", "oder"})
# the finite verbs whose form shows their number, in either number ("ist", "sind")
_FINITE = frozenset(SINGULAR_TO_PLURAL) | frozenset(SINGULAR_TO_PLURAL.values())
# a comma, colon, dash or bracket between the call and "und" opens another clause, whose
# verbs may have their own subject ("Komm vorbei, wenn die Bohnen ... duften und ruhen")
_CLAUSE_BREAK = regex.compile(r"[,;:()\u2013\u2014]| - ")


def joined_calls(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 9d (see the module doc): "Bestell ... und genießen" -> "und genieß"."""
    found = []
    for sentence in sentences(words):
        if not opens_with_call(sentence[0], lex) or any(
                token.lower in _SUBJECTS or (token.text == "Sie" and not token.sentence_start)
                for token in sentence):
            continue
        joined = _first_join(plain, sentence, lex)
        if joined is None:
            continue
        join, at = sentence[joined], past_adverbs(plain, sentence, joined + 1)
        if at is None:
            continue
        verb = sentence[at]
        after = sentence[at + 1].lower if at + 1 < len(sentence) else ""
        form = call_form(verb.lower, lex)
        if after in {"wir", "sie"} or not _plural_verb(verb, lex) \
                or adjective_ending(verb.lower, lex.is_word) is not None \
                or form is None or form == verb.lower:
            continue
        phrase = plain[join.start:verb.end]
        head, _, prefix = form.partition(" ")
        fix = " ".join([join.text, head, *(word.text for word in sentence[joined + 1:at]),
                        *([prefix] if prefix else [])])
        found.append(Finding(phrase, f"'{phrase}': the call to 'du' goes on in the "
                                     f"imperative: '{fix}'", fix))
    return found


# a pronoun of the third person makes a sentence a statement or a condition ("Schmeckt er
# bitter und trocken, mahl gröber", the coffee kit's example)
_THIRD_PERSON = frozenset({"er", "es", "man", "sie"})
# words in -e that the dictionary also knows with -n, but that are no verbs ("Akzeptiert
# einen oder mehrere", a man page: a statement whose subject is the command)
_QUANTIFIERS = frozenset({"mehrere", "einige", "viele", "andere", "beide", "alle", "weitere",
                          "manche", "wenige", "keine", "jede", "diese", "welche"})


def mixed_calls(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 9e (see the module doc): "Kommt ... oder bestell" addresses two readers."""
    found = []
    for sentence in sentences(words):
        first = sentence[0]
        if len(sentence) < 3 or any(
                token.lower in _SUBJECTS | _THIRD_PERSON
                or (token.text == "Sie" and not token.sentence_start) for token in sentence):
            continue
        stem = ihr_call(first, lex)
        joined = None if stem is None else _first_join(plain, [stem, *sentence[1:]], lex)
        if stem is None or joined is None:
            continue
        verb = sentence[joined + 1]
        if _du_call(verb, lex):
            phrase = f"{first.text} … {sentence[joined].text} {verb.text}"
            found.append(Finding(phrase, f"'{phrase}': one call speaks to one reader; write "
                                 f"'{stem.text} … {verb.text}' or '{first.text} … "
                                 f"{verb.text}t'"))
    return found


DU_FORMS = frozenset({"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner",
                       "deines"})
# the forms of "ihr" that are no other word ("ihr" is also "her" and "their")
IHR_FORMS = frozenset({"euch", "euer", "eure", "euren", "eurem", "eurer", "eures"})


def ihr_call_with_du(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 9f (see the module doc): "Schreibt uns ..., wenn du ..." addresses two readers."""
    found = []
    for sentence in sentences(words):
        first = sentence[0]
        # a subject after the verb makes it a statement or a condition: "Schmeckt dein
        # Kaffee sauer und dünn, mahl feiner" (the coffee kit's example)
        if len(first.lower) < 3 or not first.sentence_start or len(sentence) < 3 \
                or sentence[1].lower in _THIRD_PERSON or sentence[1].lower in DETERMINERS:
            continue
        stem = ihr_call(first, lex)
        you = next((token for token in _after_first_comma(sentence)
                    if token.lower in DU_FORMS), None)
        if stem is None or you is None:
            continue
        phrase = f"{first.text} … {you.text}"
        found.append(Finding(phrase, f"'{phrase}': one sentence speaks to one reader; write "
                                     f"'{stem.text} … {you.text}' or speak to 'ihr' "
                                     "throughout"))
    return found


def ihr_call(first: Token, lex: GrammarLexicon) -> Token | None:
    """The du-imperative inside a sentence's first word when that word is a call to "ihr"
    ("Kommt" -> "Komm", "Schreibt" -> "Schreib"), else None (rules 9e and 9f)."""
    if not first.lower.endswith("t"):
        return None
    stem = replace(first, text=first.text[:-1], end=first.end - 1)
    return stem if opens_with_call(stem, lex) else None


def _after_first_comma(sentence: list[Token]) -> list[Token]:
    """The tokens of ``sentence`` after its first comma (the clause that says "du")."""
    start = next((index for index, token in enumerate(sentence) if token.after_comma), None)
    return [] if start is None else sentence[start:]


def _du_call(verb: Token, lex: GrammarLexicon) -> bool:
    """Whether ``verb``, after "und" or "oder", is a du-imperative and no other word: no
    "-t" form, no quantifier, no adjective ("sauer und dünn")."""
    lower = verb.lower
    return verb.text.islower() and not lower.endswith("t") and lower not in _QUANTIFIERS \
        and not is_adjective_stem(lower, lex.is_word) \
        and opens_with_call(replace(verb, sentence_start=True), lex)


def _first_join(plain: str, sentence: list[Token], lex: GrammarLexicon) -> int | None:
    """The index of the first "und" or "oder" with a word after it, when neither a clause
    break nor a finite verb stands between it and the call ("Beide Felder werden ...
    verwendet und dienen" has its own subject)."""
    for index, token in enumerate(sentence[1:-1], start=1):
        if token.lower in _JOINS:
            between = plain[sentence[0].end:token.start]
            return None if _CLAUSE_BREAK.search(between) else index
        if token.lower in _FINITE or _plural_verb(token, lex):
            return None
    return None


def opens_with_call(first: Token, lex: GrammarLexicon) -> bool:
    """Whether a sentence's first word is a du-imperative ("Bestell", "Komm", "Probiere")."""
    lower = first.lower
    if lower in DETERMINERS or lower in _NOT_FINITE or (
            lower.endswith("t") and lex.is_word(lower[:-1] + "en")) \
            or adjective_ending(lower, lex.is_word) is not None:
        return False  # "Beide", "Installiert" (a participle or a third person), "Weitere"
    return imperative_infinitive(lower, lex) is not None


def _et_infinitive(verb: Token, lex: GrammarLexicon) -> str | None:
    """The infinitive of a verb in -et before "du" ("Jetzt röstet du deinen Kaffee", a
    ready Mastodon draft, bench 2026-12-03: "röstest"), read like a plural verb."""
    lower = verb.lower
    if not lower.endswith("et") or (verb.capitalised and not verb.sentence_start):
        return None
    infinitive = lower[:-2] + "en"
    return infinitive if looks_like_verb(infinitive) and lex.is_word(infinitive) else None


def _plural_verb(verb: Token, lex: GrammarLexicon) -> bool:
    lower = verb.lower
    if verb.capitalised and not verb.sentence_start:
        return False  # a noun inside a sentence ("das Rösten")
    if lower in _NOT_FINITE or lower in PREPOSITIONS or lower in DETERMINERS:
        return False
    return looks_like_verb(lower) and lower.endswith(("en", "ern", "eln")) and lex.is_word(lower)


def imperative_sich(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 10 (see the module doc): "Bewerbe sich" -> "Bewirb dich"."""
    found = []
    for verb, reflexive in zip(words, words[1:], strict=False):
        if not verb.sentence_start or reflexive.lower != "sich" or not reflexive.spaced:
            continue
        lower = verb.lower
        infinitive = lower + "n"
        if not lower.endswith("e") or not lex.is_word(infinitive) or \
                not looks_like_verb(infinitive):
            continue
        phrase = plain[verb.start:reflexive.end]
        to_du = imperative_du(infinitive.capitalize()) or verb.text
        found.append(Finding(phrase, f"'{phrase}': 'sich' does not go with an imperative; "
                                     f"write '{to_du} dich' (du) or "
                                     f"'{infinitive.capitalize()} Sie sich' (Sie)"))
    return found


_HYPHENATED = regex.compile(r"^(\p{Ll}+)-(?:\p{L}+-)*\p{Lu}\p{Ll}")


def small_compound_heads(plain: str, words: list[Token],
                         lex: GrammarLexicon) -> list[Finding]:
    """Rule 11 (see the module doc): "barista-Kurs" -> "Barista-Kurs"."""
    del plain  # the token is the phrase
    found = []
    for token in words:
        match = _HYPHENATED.match(token.text)
        if match is None or len(head := match.group(1)) < _MIN_HEAD:
            continue
        if not (lex.is_word(head) or lex.is_word(head.capitalize()) or head in lex.nouns):
            continue
        fix = token.text[:1].upper() + token.text[1:]
        found.append(Finding(token.text, f"'{token.text}': a word joined with a hyphen to a "
                                         f"noun is written large: '{fix}'", fix))
    return found


# the words after which an adjective in -es stands as a noun: "etwas Neues", "gibt es Neues"
# (not a pronoun, nor "anderes", which stays small: "etwas anderes")
_SMALL_ES = frozenset({"anderes", "eines", "keines", "meines", "deines", "seines", "ihres",
                       "unseres", "eures", "alles", "jedes", "dieses", "jenes", "manches",
                       "solches", "welches", "einiges", "vieles", "weniges", "beides",
                       "mehreres", "etliches"})
_NAMING = regex.compile(r"(?i)\b(?:etwas|nichts|viel|wenig|allerlei|gibt\s+es|gibt's)\s+$")


def small_nominal_adjectives(plain: str, words: list[Token],
                             lex: GrammarLexicon) -> list[Finding]:
    """Rule 11b (see the module doc): "Was gibt es neues?" -> "Neues"."""
    found = []
    for index, token in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else None
        if not (token.text.islower() and token.spaced and token.text not in _SMALL_ES
                and adjective_ending(token.text, lex.is_word) == "es"
                and _NAMING.search(plain[:token.start])):
            continue
        if after is not None and after.spaced and after.capitalised:
            continue  # "etwas neues Werkzeug": an adjective before its noun
        fix = token.text.capitalize()
        found.append(Finding(token.text, f"'{token.text}': after "
                                         f"'{plain[:token.start].split()[-1]}' an adjective "
                                         f"is a noun and is written large: '{fix}'", fix))
    return found
