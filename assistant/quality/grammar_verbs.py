"""Rule 7 of the German grammar check: a separable verb left joined in a main clause, and
"zu" said twice with one, or outside one, an adverb after an infinitive call, "sein" with a
bare infinitive, an infinitive split in two, "haben" with a verb's present form for its
participle, and a participle of "haben" joined by "und" to an infinitive with "zu" (pure;
rule 7i: ``grammar_infcalls``).

"Bitte anmelde dich" (the embedded model, 2026-11-30): in a main clause the prefix of a
separable verb goes to the end ("melde dich ... an"); it stays on the verb only at the end
of a subordinate clause ("wenn du dich anmeldest"), where the pronoun stands before it. So
a joined form directly followed by a pronoun is read: the word must split into a separable
prefix and a finite form whose infinitive, with and without the prefix, is in the
dictionary ("anmelde" -> an + melde: "anmelden", "melden"), and must not be an adjective
("ausgezeichnete") or, capitalised, a known noun.

"neue Mitarbeiter zu hinzuzufügen" (a ready LinkedIn draft, bench 2026-12-01): a separable
verb takes its "zu" inside ("hinzuzufügen", "anzumelden"), so a "zu" before such a form is
one too many. Read when the word splits into a separable prefix, "zu" and a rest whose
infinitive with the prefix is in the dictionary ("hinzu" + "zu" + "fügen": "hinzufügen").
The other way round, "zu" before a separable verb's infinitive goes inside it: "die
Möglichkeit, dich mit deinem Team zu einladen" -> "einzuladen" (a ready Facebook draft,
CLI 2026-12-02). Read when the word splits into a separable prefix and a verb's infinitive
("laden": "lade" is a word too), both in the dictionary, and is no adjective.

A call to the reader in the infinitive takes its adverb before the verb: "Jetzt
anmelden!", not "3 Plätze frei, anmelden jetzt!" (a ready Instagram draft on the Compose
page, real embedded model, 2026-12-02). Read where the infinitive opens its clause (a
sentence, a line or the part after a comma) and the adverb closes it ("!", "." or the
line's end): a finite verb there would need its subject ("Wir rösten jetzt!" opens with
"Wir", and "Kommen jetzt alle?" goes on). The verb must be one whose stem with -e is a
word too, as for "zu" above, and no adjective.
"""

from __future__ import annotations

import regex

from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_words import (
    MODAL_FORMS,
    GrammarLexicon,
    Token,
    adjective_ending,
    has_infinitive_form,
    is_adjective_stem,
    noun_bits,
)
from assistant.quality.nounforms import readings

# prefixes that always separate in a main clause (über-, um-, durch-, wieder- may not)
SEPARABLE = ("zusammen", "heraus", "herein", "hinein", "hinzu", "vorbei", "zurück", "weiter",
             "dabei", "herunter", "hinunter", "herauf", "hinauf", "hinaus",
             "teil", "fest", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "weg", "los",
             "her", "hin", "an", "ab", "zu")
# what follows the verb at once in "melde dich an", "kommst du vorbei"
_PRONOUNS = frozenset({"dich", "dir", "euch", "uns", "mich", "mir", "sich", "du"})
# finite endings, longest first: the stem is what is left
_ENDINGS = ("est", "st", "et", "t", "e")


def joined_prefixes(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    found = []
    for index, token in enumerate(words[:-1]):
        pronoun = words[index + 1]
        if pronoun.lower not in _PRONOUNS or not pronoun.spaced:
            continue
        if token.capitalised and not token.sentence_start:
            continue  # a noun inside a sentence
        split = _split(token.lower, lex)
        # written small inside a sentence it is no noun; opening one it may be
        if split is None or (token.capitalised and noun_bits(token.text, lex)):
            continue
        prefix, finite = split
        phrase = plain[token.start:pronoun.end]
        found.append(Finding(phrase, f"'{phrase}': in a main clause the prefix goes to the "
                                     f"end: '{finite} {pronoun.text} … {prefix}'"))
    return found


def _split(lower: str, lex: GrammarLexicon) -> tuple[str, str] | None:
    """(prefix, finite form) when ``lower`` is a separable verb's joined finite form."""
    if adjective_ending(lower, lex.is_word) is not None:
        return None
    for prefix in SEPARABLE:
        finite = lower[len(prefix):]
        if not lower.startswith(prefix) or len(finite) < 3:
            continue
        for ending in _ENDINGS:
            if not finite.endswith(ending):
                continue
            stem = finite[: -len(ending)]
            if any(lex.is_word(stem + tail) and lex.is_word(prefix + stem + tail)
                   for tail in ("en", "n")):
                return prefix, finite
    return None


def doubled_zu(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7, second part (see the module doc): "zu hinzuzufügen" -> "hinzuzufügen"."""
    found = []
    for particle, verb in zip(words, words[1:], strict=False):
        if particle.lower != "zu" or not verb.spaced or verb.capitalised:
            continue
        lower = verb.lower
        prefix = next((p for p in SEPARABLE if lower.startswith(p + "zu")), None)
        if prefix is None or not lex.is_word(prefix + lower[len(prefix) + 2:]):
            continue
        phrase = plain[particle.start:verb.end]
        found.append(Finding(phrase, f"'{phrase}': '{verb.text}' holds its 'zu' already; "
                                     f"write '{verb.text}'", verb.text))
    return found


def zu_outside(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7, third part (see the module doc): "zu einladen" -> "einzuladen"."""
    found = []
    for particle, verb in zip(words, words[1:], strict=False):
        lower = verb.lower
        if particle.lower != "zu" or not verb.spaced or verb.capitalised \
                or not lower.endswith("en") or adjective_ending(lower, lex.is_word) is not None:
            continue
        prefix = next((p for p in SEPARABLE if lower.startswith(p)
                       and is_infinitive(lower[len(p):], lex)), None)
        if prefix is None or not lex.is_word(lower):
            continue
        fix = f"{prefix}zu{lower[len(prefix):]}"
        phrase = plain[particle.start:verb.end]
        found.append(Finding(phrase, f"'{phrase}': a separable verb takes its 'zu' inside: "
                                     f"'{fix}'", fix))
    return found


# adverbs that stand before an infinitive call: "Jetzt anmelden!", "Gleich bestellen."
CALL_ADVERBS = frozenset({"jetzt", "sofort", "gleich", "direkt", "schnell", "heute"})
_CLAUSE_END = ("!", ".", "\n")
# opening a sentence the infinitive has a capital and reads as its own noun too ("das
# Anmelden", "die Essen"); a noun with a masculine or feminine reading ("Morgen") is no
# call, nor one whose small form is no word ("Bohnen")
_NOMINALISED = readings("n.nom,gen,dat,acc pl.nom,gen,dat,acc")


def adverb_after_call(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7, fourth part (see the module doc): "anmelden jetzt!" -> "jetzt anmelden!"."""
    found = []
    for verb, adverb in zip(words, words[1:], strict=False):
        if adverb.lower not in CALL_ADVERBS or not adverb.spaced \
                or not (verb.sentence_start or verb.after_comma) \
                or not closes_clause(plain, adverb.end):
            continue
        lower = verb.lower
        if (verb.capitalised and not verb.sentence_start) or verb.text.isupper() \
                or not is_infinitive(lower, lex) or adjective_ending(lower, lex.is_word) \
                or (verb.capitalised and noun_bits(verb.text, lex) & ~_NOMINALISED):
            continue
        fix = f"{adverb.lower} {lower}"
        if verb.capitalised:
            fix = fix[:1].upper() + fix[1:]
        phrase = plain[verb.start:adverb.end]
        found.append(Finding(phrase, f"'{phrase}': in a call the adverb comes first: "
                                     f"'{fix}'", fix))
    return found


# The other way round, a du-imperative after the adverb: "Jetzt bestell!" (a German X
# draft, bench 2026-12-06) -> "Bestell jetzt!". Read where the adverb opens the sentence
# and the imperative closes it, the imperative being the stem of a verb whose infinitive is
# a word ("bestellen", "bestelle") and no adjective ("Jetzt neu!"); "Jetzt los!" stays
NO_CALL = frozenset({"los", "hier", "da", "mal", "live", "online"})


def imperative_after_adverb(plain: str, words: list[Token],
                            lex: GrammarLexicon) -> list[Finding]:
    """Rule 7, fifth part (see above): "Jetzt bestell!" -> "Bestell jetzt!"."""
    found = []
    for adverb, verb in zip(words, words[1:], strict=False):
        lower = verb.lower
        if adverb.lower not in CALL_ADVERBS or not adverb.sentence_start \
                or not verb.text.islower() or lower in NO_CALL \
                or not closes_clause(plain, verb.end) \
                or is_adjective_stem(lower, lex.is_word) \
                or not any(is_infinitive(lower + ending, lex) for ending in ("en", "n")):
            continue
        phrase = plain[adverb.start:verb.end]
        fix = f"{lower.capitalize()} {adverb.lower}"
        found.append(Finding(phrase, f"'{phrase}': a call opens with its verb: '{fix}'", fix))
    return found


def closes_clause(plain: str, end: int) -> bool:
    """Whether the clause ends at ``end``: a "!", "." or line break follows, or nothing."""
    rest = plain[end:].lstrip(" ")
    return not rest.strip() or rest.startswith(_CLAUSE_END)


def is_infinitive(rest: str, lex: GrammarLexicon) -> bool:
    """Whether ``rest`` is a verb's infinitive: a word whose stem with -e is one too."""
    return len(rest) >= 4 and has_infinitive_form(rest, lex.is_word)


# the forms of "sein" that a statement about an event takes; the words that open another
# clause or bring a verb of their own, after which an infinitive is theirs ("ist voll, und
# wir können keine Plätze mehr anbieten")
_SEIN = frozenset({"ist", "sind", "war", "waren", "bist", "seid"})
_OTHER_CLAUSE = MODAL_FORMS | frozenset({
    "und", "oder", "aber", "denn", "sondern", "weil", "dass", "daß", "wenn", "ob", "damit",
    "sodass", "wo", "als", "ohne", "bevor", "nachdem", "während", "bis", "falls", "indem",
    "obwohl", "wie", "was", "wer", "zu", "wird", "wirst", "werden", "lass", "lasst", "lassen",
    "gehen", "geht"})
# an absentive ("Wir sind einkaufen"): the one such verb a shop says
_ABSENTIVE = frozenset({"einkaufen"})
_INFINITIVE_PREFIXES = (*SEPARABLE, "statt")


def infinitive_after_sein(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7e: "Der Röstkurs ist am 12. Dezember um 18 Uhr stattfinden" (a ready
    LinkedIn draft, bench 2026-12-06): "sein" takes a participle or "zu", never a bare
    infinitive ("findet ... statt", "hat ... stattgefunden"). Read for a separable verb's
    infinitive ("statt" + "finden", both words, the stem with -e too: no participle,
    "gefunden", passes) at the end of the clause of a form of "sein", with no comma,
    conjunction, "zu" or other verb between. Not mended: the right verb form moves its
    prefix."""
    found = []
    for index, token in enumerate(words):
        if token.lower not in _SEIN or (token.capitalised and not token.sentence_start):
            continue
        for after in words[index + 1:]:
            if after.sentence_start or after.after_comma or after.lower in _OTHER_CLAUSE:
                break
            if not after.capitalised and after.lower not in _ABSENTIVE \
                    and _closes(plain, after.end) and separable_infinitive(after.lower, lex):
                found.append(Finding(f"{token.text} … {after.text}",
                                     f"'{token.text} … {after.text}': '{token.text}' takes a "
                                     f"participle or 'zu', not the infinitive '{after.text}'; "
                                     "say it with the verb's own form"))
                break
    return found


def _closes(plain: str, end: int) -> bool:
    """Whether a clause ends at ``end``: where a call does (``closes_clause``), or a "?",
    ",", ";", ":", "und" or "oder" follows."""
    rest = plain[end:].lstrip(" ")
    return closes_clause(plain, end) or rest.startswith(("?", ",", ";", ":")) \
        or rest.split(maxsplit=1)[0] in ("und", "oder")


# inseparable prefixes: a verb with one after its separable prefix may have a participle
# like its infinitive ("vorbehalten") or be one ("angeboten" reads as an + geboten), and a
# verb that opens with one takes no ge- ("verkauft", "bestellt")
_INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss")


def separable_infinitive(lower: str, lex: GrammarLexicon) -> bool:
    """A separable verb's infinitive: "stattfinden"; not a zu-infinitive ("zurückzuführen"
    is zurück + zuführen), an adjective or a form that may be a participle."""
    if not lower.endswith("n") or adjective_ending(lower, lex.is_word) is not None \
            or not lex.is_word(lower):
        return False  # "ausreichend" is a present participle
    for prefix in _INFINITIVE_PREFIXES:
        rest = lower[len(prefix):]
        if not lower.startswith(prefix) or rest.startswith(_INSEPARABLE) or (
                rest.startswith("zu") and lex.is_word(prefix + rest[2:])):
            continue
        if is_infinitive(rest, lex):
            return True
    return False


# the prefixes read before an infinitive: no preposition ("mit Milch", "an der Elbe", "zu
# Hause") and no adverb that may stand apart ("zusammen arbeiten", "weiter gehen", "fest
# drücken", "dabei sein")
_LOOSE_PREFIXES = ("vorbei", "zurück", "heraus", "herein", "hinein", "teil", "weg", "los")


def split_infinitives(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7f: "Du kannst es jetzt bestellen oder vorbei kommen." (a ready
    Instagram draft, bench 2026-12-06): a separable verb's infinitive is one word
    ("vorbeikommen"). Read where a prefix that is no preposition stands right before an
    infinitive that ends its clause, and the two joined are a word. Mended."""
    found = []
    for prefix, verb in zip(words, words[1:], strict=False):
        joined = prefix.lower + verb.lower
        if prefix.lower not in _LOOSE_PREFIXES or prefix.capitalised or verb.capitalised \
                or not verb.spaced or not _closes(plain, verb.end) \
                or not is_infinitive(verb.lower, lex) or not lex.is_word(joined):
            continue
        phrase = plain[prefix.start:verb.end]
        found.append(Finding(phrase, f"'{phrase}': a separable verb's infinitive is one word: "
                                     f"'{joined}'", joined))
    return found


_HABEN = frozenset({"haben", "hat", "habe", "hast", "habt", "hatte", "hatten", "hattest"})
# a participle without ge-: an inseparable prefix (also über-, unter-, hinter-) or -ieren
_NO_GE_START = (*_INSEPARABLE, "über", "unter", "hinter")
# words in -t whose form with ge- is another word: "Du hast recht" ("gerecht")
_NOT_VERBS = frozenset({"recht"})


def participles_without_ge(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7g: "die wir seit drei Monaten im Café testet haben" (a ready
    Facebook draft, bench 2026-12-06): "haben" takes the participle, "getestet". Read for a
    word in -t written small that is no participle itself (no inseparable prefix, no
    -iert) while the word with ge- is one, right before a form of "haben" or at the end of
    a clause that "haben" opened. Mended."""
    found = []
    for index, token in enumerate(words):
        if token.capitalised or not token.lower.endswith("t") or token.lower.endswith("iert") \
                or token.lower.startswith(_NO_GE_START) or len(token.lower) < 4 \
                or token.lower in _NOT_VERBS \
                or not lex.is_word("ge" + token.lower):
            continue
        after = words[index + 1] if index + 1 < len(words) else None
        if after is not None and after.lower in _HABEN and after.spaced:
            phrase = plain[token.start:after.end]
            fix = f"ge{token.text} {after.text}"
        elif _closes(plain, token.end) and _opened_by_haben(words, index):
            phrase, fix = token.text, f"ge{token.text}"
        else:
            continue
        found.append(Finding(phrase, f"'{phrase}': 'haben' takes the participle: '{fix}'", fix))
    return found


def _opened_by_haben(words: list[Token], index: int) -> bool:
    """Whether a form of "haben" stands earlier in the clause of the word at ``index``."""
    for before in reversed(words[:index]):
        if before.lower in _HABEN:
            return True
        if before.sentence_start or before.after_comma or before.lower in _OTHER_CLAUSE:
            return False
    return False


_PARTICIPLE = regex.compile(rf"(?:{'|'.join(SEPARABLE)})?ge\p{{Ll}}{{2,}}(?:t|en)")
_JOINED_WORDS = 3  # words between "und" and "zu": the infinitive's object ("sie", "die Bohnen")


def zu_joined_to_perfect(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 7h: "Wir haben uns die Produkte ... ausgeschlagen und sie zu zahlen." (a ready
    LinkedIn draft, bench 2026-12-06): "und" joins like to like, and an infinitive with
    "zu" that closes the sentence is no second participle of "haben". Read where a
    participle with ge- in a clause that a form of "haben" opened is followed by "und", at
    most three words and "zu" with an infinitive that ends the sentence, with no comma
    between. Not "sein": "ist geplant und zu prüfen" is right. Flagged, not mended (the
    participle or a sentence of its own may be meant)."""
    found = []
    for index, token in enumerate(words[1:-2], start=1):
        if token.lower != "und" or not token.spaced or token.after_comma:
            continue
        participle = words[index - 1]
        if participle.capitalised or not _PARTICIPLE.fullmatch(participle.lower) \
                or not lex.is_word(participle.lower) \
                or not _opened_by_haben(words, index - 1):
            continue
        rest = words[index + 1:index + 3 + _JOINED_WORDS]
        at = next((place for place, word in enumerate(rest) if word.lower == "zu"), None)
        if at is None or at + 1 >= len(rest) or any(
                word.after_comma or word.sentence_start for word in rest[:at + 2]):
            continue
        verb = rest[at + 1]
        if verb.capitalised or not is_infinitive(verb.lower, lex) \
                or not closes_clause(plain, verb.end):
            continue
        phrase = plain[participle.start:verb.end]
        found.append(Finding(phrase, f"'{phrase}': 'und' joins a participle of 'haben' to an "
                                     f"infinitive with 'zu'; use a participle for both or "
                                     f"make two sentences", None))
    return found
