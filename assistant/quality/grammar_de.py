"""German agreement errors a small model makes, found conservatively (pure).

Four rules (two with a variant), each flagging only a known noun of which EVERY reading
is incompatible (a false warning keeps a good post from being "ready"):

1. a dative preposition, an optional quantifier and a number > 1 before a plural noun
   that is not dative plural: "mit maximal 8 Plätze" -> "Plätzen"; and a dative-only
   preposition before an article and noun that are no dative: "mit deine Freunde";
2. a contraction against the noun's genus: "zur Röstkurs" -> "zum Röstkurs";
3. an article or possessive whose readings share none with the noun's: "eine Kaffee",
   and an adjective ending that fits neither: "der neuen Kaffee" -> "neue";
4. a bare adjective opening a sentence or a headline whose strong ending does not fit
   the noun: "Neue Filterkaffee" -> "Neuer Filterkaffee".

What they cannot see: a noun the word list lacks (names, most English words: silence),
verbs and their objects, singular nouns after a number ("mit 2 Kurs": units such as "2
Glas" look the same), prepositions before a bare noun ("mit Freunde"), case errors where
some case fits ("der Bohnen sind" could be a genitive), and relative clauses ("alle, die").
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.models import Problem
from assistant.quality.context import problem
from assistant.quality.grammar_words import (
    ADJECTIVE_ENDINGS,
    DEFINITE,
    DETERMINERS,
    GrammarLexicon,
    Token,
    adjective_ending,
    adjective_endings_after,
    determiner_bits,
    determiner_forms,
    is_measure,
    is_unit,
    noun_bits,
    tokens,
)
from assistant.quality.nounforms import (
    ALL_PLURAL,
    ALL_SINGULAR,
    CASES,
    DATIVE_PLURAL,
    genera_of,
    genus_words,
    plural,
    readings,
    singular,
)

CODE = "grammar"
_PREPOSITIONS = frozenset({"in", "an", "auf", "mit", "bei", "von", "zu", "aus", "für", "über",
                           "unter", "vor", "hinter", "nach", "durch", "gegen", "ohne", "um",
                           "seit", "neben", "zwischen", "während", "wegen", "trotz", "ab"})
_DATIVE_PREPOSITIONS = frozenset({"mit", "von", "zu", "bei", "aus", "nach", "seit", "ab", "außer",
                                  "gegenüber", "samt", "nebst"})
# the dative prepositions that never take another case ("ab", "außer" and "gegenüber" can)
_DATIVE_ONLY = frozenset({"mit", "von", "zu", "bei", "aus", "nach", "seit", "samt", "nebst"})
_QUANTIFIERS = frozenset({"maximal", "nur", "über", "rund", "etwa", "mindestens", "noch", "ca",
                          "circa", "knapp", "fast", "genau", "insgesamt", "max", "mind", "bis",
                          "zu", "höchstens", "weniger", "mehr", "als", "gut"})
_NUMBER_WORDS = frozenset({"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
                           "zehn", "elf", "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig",
                           "hundert", "tausend"})
# contraction -> (preposition, the readings its article allows)
_CONTRACTIONS = {"zur": ("zu", readings("f.dat")), "zum": ("zu", readings("mn.dat")),
                 "im": ("in", readings("mn.dat")), "am": ("an", readings("mn.dat")),
                 "vom": ("von", readings("mn.dat")), "beim": ("bei", readings("mn.dat"))}
_FUSED = {("zu", "dem"): "zum", ("zu", "der"): "zur", ("in", "dem"): "im", ("an", "dem"): "am",
          ("von", "dem"): "vom", ("bei", "dem"): "beim"}
# lower-case words that end like an adjective but are none ("ein bisschen Milch")
_NOT_ADJECTIVES = frozenset({"bisschen", "paar", "oder", "aber", "über", "unter", "hinter",
                             "wieder", "immer", "heute", "gerne", "morgen", "eher", "lieber",
                             "ohne", "seine", "sondern", "außer", "jeder", "diese", "sowie"})
_INTENSIFIERS = frozenset({"sehr", "besonders", "ganz", "extra", "richtig", "echt", "so", "noch",
                           "super", "wirklich", "absolut", "frisch", "neu", "erst"})
# a strong adjective opening a sentence, in the nominative or accusative (a headline)
_STRONG_START = {"e": readings("f.nom,acc pl.nom,acc"), "er": readings("m.nom"),
                 "es": readings("n.nom,acc"), "en": readings("m.acc")}
_STRONG_NOMINATIVE = {"m": "er", "f": "e", "n": "es"}
_MAX_ADJECTIVES = 4


@dataclass(frozen=True)
class Finding:
    phrase: str
    message: str


def _adjective_like(token: Token) -> bool:
    word = token.text
    return (word.islower() and word not in _NOT_ADJECTIVES
            and (word in _INTENSIFIERS or word.endswith(ADJECTIVE_ENDINGS)))


def _is_noun(words: list[Token], position: int) -> bool:
    """A capitalised word joined to the phrase by spaces only. One followed by another
    capitalised word is left alone ("einen Flat White", "die Happy Hour" are names) unless
    it measures the next ("eine Tasse Kaffee")."""
    token = words[position]
    after = words[position + 1] if position + 1 < len(words) else None
    joined = after is not None and after.spaced and after.capitalised and not is_measure(
        token.text)
    # "die Kaffee- und Teeliebhaber": a word cut at its hyphen has its head further on
    cut = token.text.endswith("-")
    return token.capitalised and token.spaced and not token.gendered and not joined and not cut


def _noun_after(words: list[Token], index: int) -> int | None:
    """The index of the noun after optional adjectives from ``index`` on, or None."""
    for position in range(index, min(index + _MAX_ADJECTIVES + 1, len(words))):
        token = words[position]
        if not token.spaced:
            return None
        if token.capitalised:
            return position if _is_noun(words, position) else None
        if not _adjective_like(token):
            return None
    return None


def _phrase(plain: str, first: Token, last: Token) -> str:
    return " ".join(plain[first.start:last.end].split())


def _plural_fix(noun: str, lex: GrammarLexicon) -> str | None:
    for candidate in (noun + "n", noun + "en"):
        if noun_bits(candidate, lex) & DATIVE_PLURAL:
            return candidate
    return None


def _is_quantity(token: Token) -> bool:
    if token.lower in _NUMBER_WORDS:
        return True
    if not token.number or token.ordinal:
        return False
    value = float(token.text.replace(".", "").replace(",", "."))
    # a year ("seit 2019 Teil des Teams") is no count
    return value > 1 and not (len(token.text) == 4 and 1900 <= value <= 2100)


def dative_plural(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1: "mit maximal 8 Plätze"."""
    found = []
    for index, token in enumerate(words):
        if token.lower not in _DATIVE_PREPOSITIONS:
            continue
        if token.lower == "zu" and index and words[index - 1].lower == "bis":
            continue  # "für bis zu 8 Plätze": "bis zu" counts, the case comes from "für"
        position = index + 1
        while position < len(words) and words[position].lower in _QUANTIFIERS:
            position += 1
        if position + 1 >= len(words) or not _is_quantity(words[position]):
            continue
        if not _is_noun(words, position + 1) or not words[position].spaced:
            continue
        noun = words[position + 1]
        bits = noun_bits(noun.text, lex)
        # "ab" also takes the accusative for time ("ab 18 Jahre", Duden); a measure
        # stays as it is ("mit 3 Liter"); a singular form is no plural ("2 Glas")
        allowed = DATIVE_PLURAL | (plural("acc") if token.lower == "ab" else 0)
        if bits & ALL_PLURAL and not bits & allowed and not is_unit(noun.text):
            fix = _plural_fix(noun.text, lex)
            phrase = _phrase(plain, token, noun)
            hint = f": '{fix}'" if fix else ""
            found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' the noun takes "
                                         f"the dative plural{hint}"))
    return found


def _dative_fix(phrase: list[Token], bits: int, lex: GrammarLexicon) -> str:
    """ "deinen Freunden" for "deine Freunde": the article, the adjectives (always -en in
    the dative after an article) and, in the plural, the noun."""
    article, middle, noun = phrase[0], phrase[1:-1], phrase[-1]
    word = article.text if article.text in DETERMINERS else article.lower
    genera = list(dict.fromkeys(g for g, _ in _slots_of(bits)))
    forms = determiner_forms(word, [(g, "dat") for g in genera])
    adjectives = []
    for token in middle:
        ending = adjective_ending(token.lower, lex.is_word)
        adjectives.append(token.text[: -len(ending)] + "en" if ending else token.text)
    noun_form = (_plural_fix(noun.text, lex) or noun.text) if genera == ["pl"] else noun.text
    return " or ".join("'" + " ".join([form, *adjectives, noun_form]) + "'" for form in forms)


def _superlative(phrase: list[Token], lex: GrammarLexicon) -> bool:
    """ "mit das Beste", "mit der schönste Ort": "mit" meaning "among", not a dative."""
    for token in phrase:
        ending = adjective_ending(token.lower, lex.is_word)
        if ending and token.lower[: -len(ending)].endswith("st"):
            return True
    return False


def dative_articles(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 1b: a dative-only preposition before an article and a noun that agree with each
    other but not in the dative: "mit deine Freunde", "von das Team"."""
    found = []
    for index, token in enumerate(words[:-1]):
        article = words[index + 1]
        if (token.lower not in _DATIVE_ONLY or (token.lower == "zu" and index
                                                 and words[index - 1].lower == "bis")
                or not article.spaced or article.gendered or article.lower.startswith("ihr")
                or determiner_bits(article.lower) == 0):
            continue
        position = _noun_after(words, index + 2)
        if position is None:
            continue
        noun = words[position]
        bits = noun_bits(noun.text, lex)
        shared = bits & determiner_bits(article.lower)
        if shared and not shared & readings("mfn.dat pl.dat") and not _superlative(
                words[index + 2:position + 1], lex):
            phrase = _phrase(plain, token, noun)
            fix = _dative_fix(words[index + 1:position + 1], shared, lex)
            found.append(Finding(phrase, f"'{phrase}': after '{token.lower}' the dative"
                                         + (f": {fix}" if fix else "")))
    return found


def _slots_of(bits: int) -> list[tuple[str, str]]:
    slots = [(g, c) for g in ("m", "f", "n") for c in CASES if bits & singular(g, c)]
    return slots + [("pl", c) for c in CASES if bits & plural(c)]


def contractions(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 2: "zur Röstkurs" (zur = zu der: feminine)."""
    found = []
    for index, token in enumerate(words):
        if token.lower not in _CONTRACTIONS:
            continue
        position = _noun_after(words, index + 1)
        if position is None:
            continue
        noun = words[position]
        bits = noun_bits(noun.text, lex)
        preposition, allowed = _CONTRACTIONS[token.lower]
        if not bits or bits & allowed:
            continue
        fixes = []
        for genus, _ in _slots_of(bits & readings("mfn.dat pl.dat")):
            article = {"m": "dem", "n": "dem", "f": "der", "pl": "den"}[genus]
            fixes.append(_FUSED.get((preposition, article), f"{preposition} {article}"))
        phrase = _phrase(plain, token, noun)
        fix = " or ".join(f"'{f}'" for f in dict.fromkeys(fixes))
        found.append(Finding(phrase, f"'{phrase}': '{noun.text}' is {genus_words(bits)}"
                                     + (f", so {fix}" if fix else "")))
    return found


def _is_article(token: Token, previous: Token | None) -> bool:
    if token.gendered:
        return False
    if token.text not in DETERMINERS and token.lower not in DETERMINERS:
        return False
    if token.lower.startswith("ihr"):
        # "ihr" is also "you"; the formal "Ihr" is capitalised inside a sentence
        return token.text.startswith("Ihr") and not token.sentence_start
    if token.lower in DEFINITE:
        # after a comma "der/die/das" opens a relative clause ("alle, die Kaffee lieben",
        # "der Laden, in dem Kundinnen ...")
        relative = token.after_comma or (previous is not None and previous.after_comma
                                         and previous.lower in _PREPOSITIONS)
        return not relative and not (previous and previous.lower in {"alle", "was"})
    return True


def articles(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 3: the article's readings must meet the noun's ("eine Kaffee")."""
    found = []
    for index, token in enumerate(words):
        if not _is_article(token, words[index - 1] if index else None):
            continue
        position = _noun_after(words, index + 1)
        if position is None:
            continue
        noun = words[position]
        word = token.text if token.text in DETERMINERS else token.lower
        bits, allowed = noun_bits(noun.text, lex), determiner_bits(word)
        if not bits or bits & allowed:
            continue
        cases = {c for _, c in _slots_of(allowed)}
        fixes = determiner_forms(word, [s for s in _slots_of(bits) if s[1] in cases])
        phrase = _phrase(plain, token, noun)
        fix = " or ".join(f"'{f}'" for f in fixes)
        found.append(Finding(phrase, f"'{phrase}': '{noun.text}' is {genus_words(bits)} and "
                                     f"does not fit '{token.text}'"
                                     + (f"; use {fix}" if fix else "; check the article")))
    return found


def adjective_endings(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 3b: an adjective between an article and its noun: "der neuen Kaffee"."""
    found = []
    for index, token in enumerate(words):
        position = _noun_after(words, index + 1)
        if position is None or position == index + 1 or not _is_article(
                token, words[index - 1] if index else None):
            continue
        word = token.text if token.text in DETERMINERS else token.lower
        shared = noun_bits(words[position].text, lex) & determiner_bits(word)
        allowed = adjective_endings_after(word, _slots_of(shared))
        for adjective in words[index + 1:position]:
            ending = adjective_ending(adjective.lower, lex.is_word)
            if shared and ending and ending not in allowed:
                phrase = _phrase(plain, token, words[position])
                stem = adjective.text[: -len(ending)]
                fixes = " or ".join(f"'{stem}{e}'" for e in sorted(allowed))
                found.append(Finding(phrase, f"'{phrase}': after '{token.text}' the adjective "
                                             f"'{adjective.text}' takes {fixes}"))
                break
    return found


def _strong_ending(word: str, lex: GrammarLexicon) -> str | None:
    """The ending of an opening adjective; articles are rule 3's, "-em" (dative) is left."""
    lower = word.lower()
    if lower in DETERMINERS or lower.startswith("ihr"):
        return None
    ending = adjective_ending(lower, lex.is_word)
    return ending if ending in _STRONG_START else None


def bare_adjectives(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 4: "Neue Filterkaffee" opening a sentence or a headline."""
    found = []
    for index, token in enumerate(words[:-1]):
        if not token.sentence_start or not token.capitalised:
            continue
        ending = _strong_ending(token.text, lex)
        noun = words[index + 1]
        # a name is no noun here: "Lieber Mark", "Liebe Rose"
        if ending is None or not _is_noun(words, index + 1) or lex.is_name(noun.text):
            continue
        bits = noun_bits(noun.text, lex)
        if not bits or bits & _STRONG_START[ending] or not bits & ALL_SINGULAR:
            continue
        stem = token.text[: -len(ending)]
        fixes = [f"'{stem}{_STRONG_NOMINATIVE[g]} {noun.text}'" for g in genera_of(bits)]
        phrase = _phrase(plain, token, noun)
        found.append(Finding(phrase, f"'{phrase}': '{noun.text}' is {genus_words(bits)}, so "
                                     + " or ".join(fixes)))
    return found


_RULES = (dative_plural, dative_articles, contractions, articles, adjective_endings,
          bare_adjectives)


def grammar_findings(text: str, lex: GrammarLexicon) -> list[Finding]:
    """Every wrong phrase once: a phrase inside one already found is the same error
    ("mit der neuen Kaffee" holds "der neuen Kaffee")."""
    plain, words = tokens(text)
    found: list[Finding] = []
    for rule in _RULES:
        for finding in rule(plain, words, lex):
            if not any(finding.phrase in f.phrase or f.phrase in finding.phrase for f in found):
                found.append(finding)
    return found


def grammar_problems(text: str, lex: GrammarLexicon) -> list[Problem]:
    """One warning per wrong phrase, in the order the rules run."""
    return [problem(CODE, finding.message) for finding in grammar_findings(text, lex)]
