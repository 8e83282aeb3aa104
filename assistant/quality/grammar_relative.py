"""Rule 13 of the German grammar check: a relative pronoun of another genus than its noun
(pure).

"Wir rösten mit Hafer-Cappuccino, das aus einer Hafermolkerei Elbhof hergestellt wird" (a
ready Instagram draft of the embedded model, bench 2026-12-02): a relative pronoun takes
the genus of the noun before its comma, so a masculine noun takes der, den or dem, a
feminine one die or der, a neuter one das or dem, a plural die. Read only where no genus
or number of the noun fits, and the word after the pronoun opens a clause (a preposition, a
pronoun, an article or a small adverb): "Kaffee, das ist klar" (a demonstrative before its
verb) and "Kaffee, die Milch und der Zucker" (a list) stay, and so does a noun in a phrase
that follows another noun, whose pronoun may refer to that noun ("eine Rösterei in
Kolumbien, die ..."). The case inside the clause
decides between the pronoun's forms, so no correction is applied.

Rule 13b: "Dieser Kaffee ist so gut wie der beste, der wir getestet haben" (a ready draft of
the embedded model, bench 2026-12-04). With "wir", "ich" or "du" right after it the pronoun
is no subject, and a clause of nothing but that subject, small words and a verb that takes
only an accusative object ("getestet haben", "lieben") has no room for a dative: the
pronoun is that verb's object, "den", "die" or "das". A verb of a closed list only: "der wir
geholfen haben", "der wir danken" take the dative, and "der wir den Kaffee geröstet haben"
(for whom) may; a noun in the clause leaves it alone.
"""

from __future__ import annotations

from assistant.quality.grammar_object import SUBJECTS
from assistant.quality.grammar_phrase import Finding, phrase_of
from assistant.quality.grammar_words import (
    DETERMINERS,
    FUSED_ARTICLES,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    adjective_ending,
    is_adjective_stem,
    noun_bits,
)
from assistant.quality.nounforms import ALL_PLURAL, genera_of, genus_words

_ACCUSATIVE = {"m": "den", "f": "die", "n": "das"}
# verbs whose only object is an accusative: the participle and the present forms of wir,
# ich and du ("mögen" and the like are read as their participle only)
_OBJECT_VERBS = frozenset({
    "getestet", "geröstet", "probiert", "ausprobiert", "verkostet", "entdeckt", "gefunden",
    "entwickelt", "ausgewählt", "gesehen", "erlebt", "geliebt", "gemocht", "gemacht",
    "gewählt", "gegründet", "eröffnet", "gebraut", "gemahlen", "bekommen", "erhalten",
    "importiert", "besucht", "getrunken", "gegessen", "genossen", "gesucht", "geplant",
    "organisiert", "kennengelernt", "gelernt", "gestaltet", "produziert", "hergestellt",
    "geerntet", "angebaut", "verwendet", "benutzt", "genutzt",
    "teste", "testen", "testest", "röste", "rösten", "röstest", "liebe", "lieben", "liebst",
    "trinke", "trinken", "trinkst", "probiere", "probieren", "probierst", "suche", "suchen",
    "suchst", "verwende", "verwenden", "verwendest", "nutze", "nutzen", "nutzt",
    "verpasst", "verpasse", "verpassen", "besuche", "besuchen", "besuchst", "erlebe",
    "erleben", "erlebst", "entdecke", "entdecken", "entdeckst", "genieße", "genießen",
    "genießt",
    # with "niemand", "man" or "jeder": "ein Wert, der niemand verlieren kann" (an Instagram
    # draft, bench 2026-12-06) -> "den niemand"
    "verlieren", "vergessen", "kennen", "mögen", "schätzen", "brauchen", "finden",
    "testet", "röstet", "liebt", "trinkt", "sucht", "kennt", "mag", "schätzt", "braucht",
    "vergisst", "verliert", "findet",
})
# who may be a relative clause's subject right after its pronoun
_CLAUSE_SUBJECTS = SUBJECTS | {"niemand", "man", "jeder", "keiner"}
_AUXILIARIES = frozenset({"habe", "hast", "haben", "hatte", "hattest", "hatten", "werde",
                          "wirst", "werden", "will", "willst", "wollen", "kann", "kannst",
                          "können", "möchte", "möchtest", "möchten"})

_RELATIVE = {"m": ("der", "den", "dem"), "f": ("die", "der"), "n": ("das", "dem")}
# words that open a relative clause after its pronoun
_CLAUSE_OPENERS = frozenset({
    "aus", "mit", "von", "in", "im", "am", "bei", "beim", "für", "auf", "an", "nach", "seit",
    "zu", "zum", "zur", "über", "unter", "vor", "durch", "ohne", "um", "gegen", "neben",
    "wir", "du", "ihr", "man", "sich", "uns", "dich", "dir", "euch", "mich", "mir", "ihn",
    "ihm", "ein", "eine", "einen", "einem", "einer", "unser", "unsere", "unseren", "dein",
    "deine", "deinen", "nicht", "auch", "schon", "jetzt", "gerade", "gern", "gerne",
    "immer", "besonders", "direkt", "frisch", "hier", "so", "sehr",
})


def relative_pronouns(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 13 (see the module doc): "Hafer-Cappuccino, das aus ..." -> "der"."""
    found = []
    for index in range(1, len(words) - 1):
        pronoun, noun, after = words[index], words[index - 1], words[index + 1]
        if (pronoun.lower not in ("der", "die", "das") or not pronoun.after_comma
                or not noun.capitalised or after.lower not in _CLAUSE_OPENERS
                or not after.text.islower()):
            continue
        if index >= 3 and _after_noun_phrase(words[index - 3], words[index - 2]):
            continue
        bits = noun_bits(noun.text, lex)
        singular = list(dict.fromkeys(form for genus in genera_of(bits)
                                      for form in _RELATIVE[genus]))
        plural = ["die"] if bits & ALL_PLURAL else []
        if not singular or pronoun.lower in singular + plural:
            continue
        phrase = phrase_of(plain, noun, pronoun)
        forms = " or ".join(f"'{form}'" for form in singular)
        found.append(Finding(phrase, f"'{phrase}': '{noun.text}' is {genus_words(bits)}, so "
                                     f"the relative pronoun is {forms}"
                                     + (" ('die' in the plural)" if plural else "")))
    return found


def _after_noun_phrase(head: Token, before: Token) -> bool:
    """Whether the noun before the comma stands in a phrase that follows another noun
    (``head``, a preposition ``before``): the pronoun may then refer to that noun ("eine
    kleine Rösterei in Kolumbien, die ...": a bench draft of 2026-12-02 read "Kolumbien,
    die"). After a verb the phrase's noun is the only one: "Wir rösten mit
    Hafer-Cappuccino, das ..." stays."""
    return (before.lower in PREPOSITIONS or before.lower in FUSED_ARTICLES) \
        and head.capitalised and not head.sentence_start


def relative_object_case(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 13b (see the module doc): "der beste, der wir getestet haben" -> "den"."""
    found = []
    for index in range(1, len(words) - 2):
        pronoun = words[index]
        if pronoun.lower != "der" or not pronoun.after_comma \
                or words[index + 1].lower not in _CLAUSE_SUBJECTS:
            continue
        verb = _object_verb(words, index + 2)
        if verb is None:
            continue
        noun = words[index - 1]
        genera = genera_of(noun_bits(noun.text, lex)) if noun.capitalised else []
        forms = [f"'{_ACCUSATIVE[genus]}'" for genus in genera] or ["'den'", "'die'", "'das'"]
        phrase = phrase_of(plain, pronoun, words[verb])
        found.append(Finding(phrase, f"'{phrase}': '{words[index + 1].lower}' is the "
                                     "clause's subject, so the relative pronoun is the object "
                                     f"of '{words[verb].text}': {' or '.join(forms)}"))
    return found


def _object_verb(words: list[Token], start: int) -> int | None:
    """The index of the clause's verb of ``_OBJECT_VERBS`` when the clause from ``start``
    holds only small words before it and at most auxiliaries after it, else None."""
    verb = None
    for index in range(start, len(words)):
        token = words[index]
        if token.sentence_start or token.after_comma:
            break
        if verb is not None:
            if token.lower not in _AUXILIARIES:
                return None
        elif token.lower in _OBJECT_VERBS:
            verb = index
        elif not token.text.islower() or token.lower in DETERMINERS:
            return None
    return verb


# Rule 13c: a relative clause with no verb: "Es ist ein super Kaffee, der perfekt für den
# Weihnachtsabend." (a ready Threads draft, bench 2026-12-06). A German relative clause
# ends in its finite verb; read where the clause after "der", "die" or "das" runs to the
# sentence's mark (or to an infinitive with "zu" that ends the sentence: "die dir die
# Möglichkeit, nach deinem Tempo zu arbeiten.") and ends in a noun, and none of its words
# written small can be a verb:
# each is a small word of the lists below, an article, a preposition or an adjective (every
# declined form of it is a word: "perfekt", "frischen"). A number or any other word leaves
# the clause alone, and so does a declined adjective right after the pronoun, which is
# then an article ("Test, der ersten Option")
_SMALL = frozenset({
    "nicht", "auch", "schon", "jetzt", "gerade", "gern", "gerne", "immer", "besonders",
    "direkt", "hier", "so", "sehr", "ganz", "super", "noch", "nur", "wirklich", "echt",
    "total", "mega", "wie", "und", "oder", "aber", "sowie", "als", "zu", "wir", "du", "ihr",
    "man", "sich", "uns", "dich", "dir", "euch", "mich", "mir", "ihn", "ihm", "es", "sie",
    "unser", "unsere", "unseren", "unserem", "unserer", "dein", "deine", "deinen",
    "deinem", "deiner", "euer", "eure", "euren", "eurem", "eurer", "kein", "keine",
    "keinen", "keinem", "keiner", "viel", "viele", "vielen", "mehr", "bei", "bis", "um",
})
_MARKS = frozenset(".!?")


def verbless_relatives(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 13c (see above): "Kaffee, der perfekt für den Weihnachtsabend." """
    found = []
    for index in range(1, len(words) - 1):
        pronoun, noun = words[index], words[index - 1]
        after = words[index + 1]
        if pronoun.lower not in ("der", "die", "das") or not pronoun.after_comma \
                or not noun.capitalised or not noun_bits(noun.text, lex) \
                or not after.text.islower() or adjective_ending(after.lower, lex.is_word):
            continue  # "Test, der ersten Option": an article before its phrase
        end = _part_end(words, index + 1)
        last = words[end]  # a noun: a verb written small ends the clause
        closed = _at_mark(plain, last) or _infinitive_closes(plain, words, end + 1)
        if not last.capitalised or not closed or any(
                _may_be_verb(words, at, lex) for at in range(index + 1, end + 1)):
            continue
        phrase = phrase_of(plain, noun, last)
        found.append(Finding(phrase, f"'{phrase}': the relative clause has no verb; add it "
                                     "(\"…, der perfekt für den Abend ist\") or make it a "
                                     "sentence of its own"))
    return found


def _part_end(words: list[Token], start: int) -> int:
    """The index of the last word of the part of a sentence that ``start`` opens: up to a
    comma or the next sentence."""
    end = start
    while end + 1 < len(words) and not (words[end + 1].sentence_start
                                        or words[end + 1].after_comma):
        end += 1
    return end


def _at_mark(plain: str, token: Token) -> bool:
    """Whether a sentence's mark follows ``token`` right away."""
    return plain[token.end:token.end + 1] in _MARKS


def _infinitive_closes(plain: str, words: list[Token], start: int) -> bool:
    """Whether the words from ``start`` (after a comma) are an infinitive with "zu" that
    ends the sentence: "die dir die Möglichkeit, nach deinem Tempo zu arbeiten." (a
    LinkedIn job ad, bench 2026-12-07, "gibt" left out). With more after it ("die dir die
    Chance, Neues zu lernen, geben") the relative clause's verb may follow."""
    if start >= len(words):
        return False
    end = _part_end(words, start)
    if end == start or not _at_mark(plain, words[end]):
        return False
    verb, before = words[end].lower, words[end - 1].lower
    return verb.endswith(("en", "ern", "eln")) and words[end].text.islower() and (
        before == "zu" or "zu" in verb[2:-3])


def _may_be_verb(words: list[Token], at: int, lex: GrammarLexicon) -> bool:
    """Whether the word at ``at`` of a clause can be its verb: written small, none of the
    small words, articles and prepositions, and no adjective: one undeclined ("perfekt"),
    or declined before its noun ("den frischen Kaffee"; at the end, "lieben" is a verb)."""
    token = words[at]
    lower = token.lower
    if not token.text.islower():
        return not token.text[:1].isupper()  # a number or a mark may hide one
    if lower in _SMALL or lower in DETERMINERS or lower in PREPOSITIONS \
            or lower in FUSED_ARTICLES:
        return False
    if adjective_ending(lower, lex.is_word):
        return not (at + 1 < len(words) and words[at + 1].capitalised)
    return not is_adjective_stem(lower, lex.is_word)


# Rule 13d: a passive relative clause with no auxiliary: "eine Handmühle, die von Mahlwerk
# Hansen produziert." (a German Facebook draft, bench 2026-12-06). After "der", "die" or
# "das", "von" or "vom" and its agent (capitalised words, an article or "uns"), a participle
# ends the clause at the sentence's mark: the clause is passive, so it needs "wird" or
# "wurde". Only a participle in "ge" (after a separable prefix: "hergestellt") or in "iert"
# that the lexicon knows; "die von Anfang an funktioniert" has a small word before the verb
_AGENT_WORDS = frozenset({"der", "die", "das", "dem", "den", "einem", "einer", "uns",
                          "unserem", "unserer", "unseren"})
_PREFIXES = ("her", "hin", "an", "auf", "aus", "ab", "ein", "mit", "vor", "zu", "zusammen",
             "dar", "zurück", "nach", "um")
# finite forms that begin like a participle: "die uns gehört", "die dir gefällt"
_FINITE_GE = frozenset({"gehört", "gefällt", "genießt", "gewinnt", "gelingt", "geschieht",
                        "gehorcht", "gebietet", "gedeiht", "gebührt", "genügt", "gelangt"})


def _passive_participle(word: str, lex: GrammarLexicon) -> bool:
    """Whether ``word`` (written small) reads as a participle of a transitive verb."""
    if not word.endswith("t") or not lex.is_word(word):
        return False
    if word.endswith("iert"):
        return True
    rest = next((word[len(prefix):] for prefix in _PREFIXES
                 if word.startswith(prefix + "ge")), word)
    return rest.startswith("ge") and len(rest) > 5 and word not in _FINITE_GE


def verbless_passives(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 13d (see above): "Handmühle, die von Mahlwerk Hansen produziert." """
    found = []
    for index in range(1, len(words) - 3):
        pronoun, by = words[index], words[index + 1]
        if pronoun.lower not in ("der", "die", "das") or not pronoun.after_comma \
                or by.lower not in ("von", "vom"):
            continue
        end = index + 2
        while end < len(words) and (words[end].capitalised or words[end].lower in _AGENT_WORDS) \
                and not words[end].sentence_start and not words[end].after_comma:
            end += 1
        if end == index + 2 or end >= len(words) or not words[end].text.islower():
            continue
        last = words[end]
        if plain[last.end:last.end + 1] not in _MARKS or not _passive_participle(last.lower, lex):
            continue
        phrase = phrase_of(plain, pronoun, last)
        found.append(Finding(phrase, f"'{phrase}': the passive clause has no auxiliary; add "
                                     "it (\"die von … hergestellt wird\") or write it active"))
    return found
