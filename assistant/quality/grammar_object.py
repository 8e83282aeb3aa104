"""Rules 5 and 6 of the German grammar check: a verb's object written in the nominative,
"sich" for a reader or a speaker, and pronouns and prepositions that stand wrong (pure).

"Wenn du ein Kaffee brauchst", "Wir haben ein neuer Röster": the masculine object takes
the accusative ("einen Kaffee", "einen neuen Röster"). Only a phrase of the ein- family
whose EVERY reading is the masculine nominative is read ("ein Kaffee"; "ein Buch" can be
an accusative and is left), and only in a clause where ich, du or wir stand before it:
then the nominative is already taken by the pronoun, and the phrase can only be the
object, unless a copula makes it a predicate ("du bist ein Kaffeemensch"), it is joined
to the pronoun ("du und ein Kaffee") or compared ("wir als ein kleiner Laden"). A clause
ends at a comma, a sentence mark, a colon, a dash or a bracket, but not at the dot or dash
of a date ("am 12. Dezember", "vom 24.–26. Dezember"); "und"/"oder" between the
pronoun and the phrase may begin another clause, so such a phrase is left too. An
infinitive clause with "zu" has no subject at all, so there too the phrase is the object:
"..., ein Filterkaffee zu bestellen" (a Facebook draft, bench 2026-12-05), "um ein Kaffee
auszuprobieren".

Rule 6: "sich" is the reflexive of the third person only; in a clause whose subject is
ich, du or wir it must be mich/mir, dich/dir, uns ("du kannst sich anmelden" -> "dich").
Read only when nothing between the pronoun and "sich" may open another subject's clause
(und, oder, a relative or a subordinate word: "du siehst, wie sich der Kaffee ändert").

Rule 6 also reads two object pronouns of one person side by side, which no sentence
needs: a pronoun said twice ("Mach dir dir einen schönen Tag") or "dich dir" ("Du kannst
dich dir anmelden"); both stood in ready drafts of the 1.5B model (bench, 2026-11-30).
"sich mir", "mich dir" ("ich stelle mich dir vor") and "uns euch" are two persons and
stay. And a preposition left without its object before a comma or a sentence mark: one that
is never a verb's particle ("für", "von", "ohne", "seit", "wegen"), or "über" after an
object pronoun ("Schreibt uns über, wie gut es funktioniert!": 4 of 202 German bench
drafts, 2 of them ready); "Komm mit!", "Stell es vor." and "Die Milch kocht über." are
particles and stay.
"""

from __future__ import annotations

import regex

from assistant.quality.grammar_dative import INFINITIVE_END, ZU_JOINED, opens_infinitive
from assistant.quality.grammar_phrase import (
    Finding,
    adjective_like,
    noun_after,
    phrase_of,
    slots_of,
)
from assistant.quality.grammar_words import (
    EIN_STEMS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    adjective_ending,
    adjective_endings_after,
    determiner_bits,
    determiner_forms,
    noun_bits,
)
from assistant.quality.nounforms import readings

# "ihr" is also "her"/"their" (a determiner), "sie"/"Sie"/"es" are also accusatives
SUBJECTS = frozenset({"ich", "du", "wir"})
COPULAS = frozenset({
    "bin", "bist", "ist", "sind", "seid", "sei", "sein", "war", "warst", "waren", "wart",
    "wäre", "wärst", "wären", "gewesen", "werde", "wirst", "wird", "werden", "werdet",
    "wurde", "wurdest", "wurden", "geworden", "bleibe", "bleibst", "bleibt", "bleiben",
    "heiße", "heißt", "heißen", "nennt", "nennen", "gilt", "gelten", "scheint", "scheinen",
})
_JOINS = frozenset({"und", "oder", "sowie", "als", "wie", "noch", "weder", "sondern"})
# the ein-words but "sein" (also the copula) and "Ihr" (also "you")
_EIN_FAMILY = frozenset(EIN_STEMS) - {"sein", "Ihr"}
_OWN_REFLEXIVE = {"ich": "mich' or 'mir", "du": "dich' or 'dir", "wir": "uns"}
# words that may open a clause with a subject of its own (besides _JOINS)
_OPENERS = frozenset({"wie", "wo", "was", "wer", "dass", "ob", "wenn", "weil", "da", "als",
                      "der", "die", "das", "dem", "den", "welche", "welcher", "welches",
                      "damit", "bevor", "bis", "während", "nachdem", "sobald", "lass", "lasst",
                      "lassen", "man", "es", "er", "sie", "ihr", "jeder", "jede", "alle"})
# the article a subject may open with ("Das Kontor sucht ...")
_ARTICLES = frozenset({"der", "die", "das", "unser", "unsere"})
_IRREGULAR_THIRD = frozenset({"hat", "gibt", "nimmt", "lädt", "hält", "trägt", "empfiehlt",
                              "sieht", "weiß", "bringt", "kennt", "braucht"})
_BOUNDARY = regex.compile(r"[,;:.!?()\[\]–—\n]|\s-\s")
_MASCULINE_NOMINATIVE = readings("m.nom")


def clauses(plain: str, words: list[Token]) -> list[list[int]]:
    """Token indices per clause (see the module doc for where a clause ends)."""
    found: list[list[int]] = [[]]
    for index, token in enumerate(words):
        gap = plain[words[index - 1].end:token.start] if index else ""
        if index and (token.sentence_start or (_BOUNDARY.search(gap) and not token.in_date)):
            found.append([])
        found[-1].append(index)
    return [clause for clause in found if clause]


def object_case(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 5 (see the module doc)."""
    found = []
    for clause in clauses(plain, words):
        lowers = [words[i].lower for i in clause]
        if any(word in COPULAS for word in lowers):
            continue
        infinitive = _zu_infinitive(lowers, lex) and not SUBJECTS & set(lowers)
        for place, index in enumerate(clause):
            finding = _nominative_object(plain, words, lex, clause[:place], index, infinitive)
            if finding is not None:
                found.append(finding)
    return found


def _zu_infinitive(lowers: list[str], lex: GrammarLexicon) -> bool:
    """Whether a clause (its words, folded) ends in an infinitive with "zu": "zu
    bestellen", or one word with its particle, "anzumelden" (anmelden)."""
    if len(lowers) < 3:
        return False
    last = lowers[-1]
    if lowers[-2] == "zu" and INFINITIVE_END.search(last):
        return lex.is_word(last)
    joined = ZU_JOINED.match(last)
    return joined is not None and lex.is_word(joined.group(1) + joined.group(2))


def _nominative_object(plain: str, words: list[Token], lex: GrammarLexicon,
                       before: list[int], index: int,
                       infinitive: bool = False) -> Finding | None:
    """A phrase of the ein-family at ``index`` that can only be the masculine nominative,
    where a subject stands ``before`` it, or in an ``infinitive`` clause (no subject) where
    no preposition governs it."""
    token = words[index]
    if token.lower not in _EIN_FAMILY or token.gendered:
        return None
    if infinitive:
        previous = words[before[-1]] if before else None
        # "um ... zu" opens the infinitive; any other preposition sets its own case
        if previous is not None and previous.lower in PREPOSITIONS | FUSED_ARTICLES and not (
                previous.lower == "um" and opens_infinitive(words, before[-1])):
            return None
    else:
        subject = next((i for i in reversed(before) if words[i].lower in SUBJECTS), None)
        if subject is None:
            subject = _named_subject(words, lex, before)
        if subject is None or _joined([words[i].lower for i in before if i > subject],
                                      {words[i].lower for i in before}):
            return None
    position = noun_after(words, index + 1)
    if position is None:
        return None
    noun = words[position]
    shared = _phrase_bits(words[index:position + 1], lex)
    if not shared or shared & ~_MASCULINE_NOMINATIVE:
        return None
    phrase = phrase_of(plain, token, noun)
    fix = _accusative(words[index:position + 1], lex)
    return Finding(phrase, f"'{phrase}' is the object of the verb here, so accusative: "
                           f"'{fix}'", fix)


def _joined(between: list[str], clause: set[str]) -> bool:
    """Whether a word of ``between`` (folded) may join another subject in: "noch" only in a
    ``clause`` with "weder" ("Wann kann ich noch ein Kaffee nehmen?" has no second subject:
    a ready Facebook question, bench 2026-12-03)."""
    return any(word in _JOINS and (word != "noch" or "weder" in clause) for word in between)


def _named_subject(words: list[Token], lex: GrammarLexicon, before: list[int]) -> int | None:
    """The finite verb after a subject that is a noun or a name: "es gibt"/"gibt es", or a
    sentence that opens with an optional article, then only nouns and names, then a verb of
    the third person written small ("Die Möwenbohne GmbH bietet", "Das Kontor sucht"). A
    name is a capitalised word the dictionary does not know written small: "Morgen bietet
    ein Barista ..." opens with an adverb, and there "ein Barista" is the subject."""
    lowers = [words[i].lower for i in before]
    for place, (first, second) in enumerate(zip(lowers, lowers[1:], strict=False)):
        if {first, second} == {"es", "gibt"}:
            return before[place + 1]
    if not before or not words[before[0]].sentence_start:
        return None
    start = 1 if words[before[0]].lower in _ARTICLES else 0
    for place in range(start, len(before)):
        token = words[before[place]]
        # the sentence's first word is a name; after it, or after an article, a noun
        opening = not start and place == 0
        named = not lex.is_word(token.lower) if opening else bool(noun_bits(token.text, lex))
        if token.capitalised and named:
            continue
        return before[place] if place > start and _third_person(token, lex) else None
    return None


def _third_person(token: Token, lex: GrammarLexicon) -> bool:
    """A verb of the third person singular written small: "bietet" (bieten), "sucht"."""
    lower = token.lower
    if token.capitalised or lower in COPULAS or not lower.endswith("t"):
        return False
    stem = lower[:-2] if lower.endswith("et") else lower[:-1]
    return lower in _IRREGULAR_THIRD or lex.is_word(stem + "en") or lex.is_word(lower[:-1] + "en")


def _ending(word: Token, lex: GrammarLexicon) -> str | None:
    return adjective_ending(word.lower, lex.is_word) if adjective_like(word) else None


def _phrase_bits(phrase: list[Token], lex: GrammarLexicon) -> int:
    """The readings article, adjectives and noun share ("ein neuer" is masculine
    nominative whatever else the noun may be)."""
    article, *adjectives, noun = phrase
    # "Kaffee" reads as masculine only (grammar_words._REGIONAL_READINGS), for every rule
    bits = noun_bits(noun.text, lex) & determiner_bits(article.lower)
    for word in adjectives:
        ending = _ending(word, lex)
        if ending is not None:
            bits = sum({readings(f"{genus}.{case}") for genus, case in slots_of(bits)
                        if ending in adjective_endings_after(article.lower, [(genus, case)])})
    return bits


def _accusative(phrase: list[Token], lex: GrammarLexicon) -> str:
    """"ein neuer Kaffee" -> "einen neuen Kaffee"."""
    article, *adjectives, noun = phrase
    out = [determiner_forms(article.lower, [("m", "acc")])[0]]
    for word in adjectives:
        ending = _ending(word, lex)
        out.append(word.text[: -len(ending)] + "en" if ending else word.text)
    if article.text[:1].isupper():
        out[0] = out[0].capitalize()
    return " ".join([*out, noun.text])


def reflexive_person(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 6 (see the module doc)."""
    found = []
    for clause in clauses(plain, words):
        subject: int | None = None
        for index in clause:
            token = words[index]
            if token.lower in _OWN_REFLEXIVE and token.text != "Sie":
                subject = index
            elif token.lower in _JOINS or token.lower in _OPENERS:
                subject = None
            elif token.lower == "sich" and subject is not None:
                found.append(_reflexive(plain, words[subject], token))
                subject = None
    return found


def _reflexive(plain: str, pronoun: Token, reflexive: Token) -> Finding:
    phrase = plain[pronoun.start:reflexive.end]
    own = _OWN_REFLEXIVE[pronoun.lower]
    return Finding(phrase, f"'{phrase}': 'sich' does not go with '{pronoun.lower}'; "
                           f"write '{own}'")


# (pronoun, pronoun after it) of one person; the same word twice is mended to one
_ONE_PERSON = frozenset({("dich", "dir"), ("dir", "dich"), ("mich", "mir"), ("mir", "mich")})
_OBJECT_PRONOUNS = frozenset({"dich", "dir", "mich", "mir", "sich", "uns", "euch"})


def doubled_pronouns(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 6, second part (see the module doc): "dir dir", "dich dir"."""
    del lex  # the pronouns are a closed list
    found = []
    for first, second in zip(words, words[1:], strict=False):
        pair = (first.lower, second.lower)
        if plain[first.end:second.start].strip() or not (
                (first.lower == second.lower and first.lower in _OBJECT_PRONOUNS)
                or pair in _ONE_PERSON):
            continue
        phrase = plain[first.start:second.end]
        if first.lower == second.lower:
            found.append(Finding(phrase, f"'{phrase}': the pronoun stands twice; write "
                                         f"'{first.text}' once", fix=first.text))
        else:
            found.append(Finding(phrase, f"'{phrase}': one of the two pronouns is too many; "
                                         f"keep '{first.text}' or '{second.text}'"))
    return found


_NEVER_PARTICLES = frozenset({"für", "von", "ohne", "seit", "wegen"})
_OBJECTS = frozenset({"uns", "mir", "dir", "euch", "ihm", "ihr", "ihnen"})


def hanging_prepositions(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 6, third part (see the module doc): "Schreibt uns über, wie ..."."""
    del lex  # closed word lists
    found = []
    for index, token in enumerate(words):
        after = plain[token.end:token.end + 1]
        if not after or after not in ",.!?;:":
            continue
        before = words[index - 1].lower if index else ""
        if token.lower in _NEVER_PARTICLES or (token.lower == "über" and before in _OBJECTS):
            phrase = plain[words[index - 1].start if index else token.start:token.end]
            found.append(Finding(phrase, f"'{phrase}': '{token.text}' has no object; say "
                                         f"what it refers to or take '{token.text}' out"))
    return found
