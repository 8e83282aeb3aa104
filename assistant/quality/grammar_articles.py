"""Rules 2 to 4 of the German grammar check (see ``grammar_de``): a contraction against the
noun's genus ("zur Röstkurs"), an article or an adjective ending that fits no reading of
its noun ("eine Kaffee", "der neuen Kaffee"), and a bare adjective opening a sentence or a
headline whose strong ending does not fit ("Neue Filterkaffee") (pure).
"""

from __future__ import annotations

from assistant.quality.grammar_bare import STRONG_NOMINATIVE
from assistant.quality.grammar_dative import GOVERNED
from assistant.quality.grammar_phrase import (
    Finding,
    Head,
    head_after,
    is_article,
    is_noun,
    phrase_of,
    refit,
    slots_of,
)
from assistant.quality.grammar_words import (
    DEFINITE,
    DEMONSTRATIVES,
    DETERMINERS,
    GrammarLexicon,
    Token,
    adjective_ending,
    adjective_endings_after,
    determiner_bits,
    determiner_forms,
    noun_bits,
)
from assistant.quality.nounforms import ALL_SINGULAR, genera_of, genus_words, readings
from assistant.quality.textnorm import keep_case

# contraction -> (preposition, the readings its article allows)
_CONTRACTIONS = {"zur": ("zu", readings("f.dat")), "zum": ("zu", readings("mn.dat")),
                 "im": ("in", readings("mn.dat")), "am": ("an", readings("mn.dat")),
                 "vom": ("von", readings("mn.dat")), "beim": ("bei", readings("mn.dat"))}
_FUSED = {("zu", "dem"): "zum", ("zu", "der"): "zur", ("in", "dem"): "im", ("an", "dem"): "am",
          ("von", "dem"): "vom", ("bei", "dem"): "beim"}
# a strong adjective opening a sentence, in the nominative or accusative (a headline), or
# in the dative plural ("Allen Fans ein frohes Fest": "Fans" is also a genitive singular,
# and read as that alone it got "Aller Fans")
_STRONG_START = {"e": readings("f.nom,acc pl.nom,acc"), "er": readings("m.nom"),
                 "es": readings("n.nom,acc"), "en": readings("m.acc pl.dat")}


def contractions(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 2: "zur Röstkurs" (zur = zu der: feminine)."""
    found = []
    for index, token in enumerate(words):
        if token.lower not in _CONTRACTIONS:
            continue
        head = head_after(plain, words, index + 1, lex)
        if head is None:
            continue
        bits = head.bits
        preposition, allowed = _CONTRACTIONS[token.lower]
        if not bits or bits & allowed:
            continue
        fixes = []
        for genus, _ in slots_of(bits & readings("mfn.dat pl.dat")):
            article = {"m": "dem", "n": "dem", "f": "der", "pl": "den"}[genus]
            fixes.append(_FUSED.get((preposition, article), f"{preposition} {article}"))
        phrase = phrase_of(plain, token, words[head.last])
        fix = " or ".join(f"'{f}'" for f in dict.fromkeys(fixes))
        found.append(Finding(phrase, f"'{phrase}': '{head.label}' is {genus_words(bits)}"
                                     + (f", so {fix}" if fix else "")))
    return found


def articles(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 3: the article's readings must meet the noun's ("eine Kaffee")."""
    found = []
    for index, token in enumerate(words):
        if not (is_article(token, words[index - 1] if index else None)
                or (token.lower in DEMONSTRATIVES and not token.gendered)):
            continue
        head = head_after(plain, words, index + 1, lex)
        if head is None:
            continue
        word = token.determiner if token.lower not in DEMONSTRATIVES else token.lower
        bits, allowed = head.bits, determiner_bits(word)
        if not bits or bits & allowed:
            continue
        own = {c for _, c in slots_of(allowed)}
        cases = _governed(own, words, index)
        fixes = determiner_forms(word, [s for s in slots_of(bits) if s[1] in cases])
        phrase = phrase_of(plain, token, words[head.last])
        fix = " or ".join(f"'{f}'" for f in fixes)
        # one form after a preposition of one case ("für die Latte-Art-Abend" -> "den")
        one = (phrase.replace(token.text, keep_case(token.text, fixes[0]), 1)
               if len(fixes) == 1 and cases != own else None)
        found.append(Finding(phrase, f"'{phrase}': '{head.label}' is {genus_words(bits)} and "
                                     f"does not fit '{token.text}'"
                                     + (f"; use {fix}" if fix else "; check the article"),
                             one))
    return found


def _governed(cases: set[str], words: list[Token], index: int) -> set[str]:
    """``cases`` (the article's) narrowed to the one case a preposition right before it
    governs: "6 Plätze für die Latte-Art-Abend" -> "den", not "der or den" (CLI,
    2026-12-07); as they were when none is left or no such preposition stands there."""
    if index == 0 or not words[index].spaced:
        return cases
    governed = GOVERNED.get(words[index - 1].lower, ())
    narrowed = cases & set(governed) if len(governed) == 1 else set()
    return narrowed or cases


def adjective_endings(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 3b: an adjective between an article and its noun: "der neuen Kaffee"."""
    found = []
    for index, token in enumerate(words):
        head = _head_of_adjectives(plain, words, index + 1, lex)
        if head is None or head.first == index + 1 or not is_article(
                token, words[index - 1] if index else None):
            continue
        word = token.determiner
        shared = head.bits & determiner_bits(word)
        allowed = adjective_endings_after(word, slots_of(shared))
        for adjective in words[index + 1:head.first]:
            ending = adjective_ending(adjective.lower, lex.is_word)
            if shared and ending and ending not in allowed:
                phrase = phrase_of(plain, token, words[head.last])
                stem = adjective.text[: -len(ending)]
                copied = adjective.capitalised and not adjective.sentence_start
                if copied:
                    stem = stem.lower()  # "der Neuer Filterkaffee" -> "der neue"
                fixes = " or ".join(f"'{stem}{e}'" for e in sorted(allowed))
                found.append(Finding(phrase, f"'{phrase}': after '{token.text}' the adjective "
                                             f"'{adjective.text}' takes {fixes}",
                                     _copied_adjective_fix(phrase, adjective.text, stem,
                                                           allowed, copied, word)))
                break
    return found


def _head_of_adjectives(plain: str, words: list[Token], index: int,
                        lex: GrammarLexicon) -> Head | None:
    """The noun or name that adjectives from ``index`` on belong to (``head_after``: "ein
    einfaches und effizientes Cold Brew-Tipp", a ready Mastodon draft, bench 2026-12-07),
    or the noun after an adjective written large (:func:`_capitalised_adjective`)."""
    head = head_after(plain, words, index, lex)
    if head is not None:
        return head
    position = _capitalised_adjective(words, index, lex)
    if position is None:
        return None
    return Head(position, position, noun_bits(words[position].text, lex), words[position].text)


def _copied_adjective_fix(phrase: str, adjective: str, stem: str, allowed: set[str],
                         copied: bool, article: str) -> str | None:
    """The fix of rule 3b where only the adjective can be wrong: the brief's own adjective
    taken over with its capital and ending ("Neuer Filterkaffee aus Kolumbien" became "Was
    ist der Neuer Filterkaffee ...?", bench 2026-12-02) after a definite article that fits
    its noun. Otherwise none: the article may be what is wrong ("genieße ein schönes
    Rösterkurs" wants "einen schönen", not "ein schöner")."""
    if not (copied and len(allowed) == 1 and article.lower() in DEFINITE):
        return None
    return refit(phrase, adjective, stem + next(iter(allowed)))


def _capitalised_adjective(words: list[Token], index: int, lex: GrammarLexicon) -> int | None:
    """The noun after a declined adjective written with a capital inside a sentence, which
    :func:`noun_after` takes for a name of two words: a brief that opens "Neuer
    Filterkaffee aus Kolumbien" became "Was ist der Neuer Filterkaffee ..." (bench,
    2026-11-30). A place's adjective ("der Hamburger Hafen") is no word written small, so
    it is left alone."""
    if index + 1 >= len(words):
        return None
    word = words[index]
    if not (word.capitalised and word.spaced and not word.sentence_start
            and not word.gendered and adjective_ending(word.lower, lex.is_word)):
        return None
    noun = words[index + 1]
    if not is_noun(words, index + 1) or adjective_ending(noun.lower, lex.is_word):
        return None
    return index + 1


def _strong_ending(word: str, lex: GrammarLexicon) -> str | None:
    """The ending of an opening adjective; articles are rule 3's, "-em" (dative) is left."""
    lower = word.lower()
    if lower in DETERMINERS or lower.startswith("ihr"):
        return None
    ending = adjective_ending(lower, lex.is_word)
    return ending if ending in _STRONG_START else None


# "voller" before a noun means "full of" and takes no ending ("Noten: voller Frucht")
_INVARIANT = frozenset({"voller"})


def bare_adjectives(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 4: "Neue Filterkaffee" opening a sentence or a headline (or its part after a
    dash: "Kaffeekontor - Neues Tipp" -> "Neuer"), and a label's value
    after a colon, written small: "Noten: roter Johannisbeere" (the brief's "Noten von
    roter Johannisbeere" as an Instagram line, bench 2026-12-02) -> "rote"."""
    found = []
    for index, token in enumerate(words[:-1]):
        opens = token.sentence_start or (token.capitalised and _after_dash(plain, words, index))
        if not opens or token.lower in _INVARIANT or not (
                token.capitalised or _after_colon(plain, words, index)):
            continue
        ending = _strong_ending(token.text, lex)
        noun = words[index + 1]
        # a name is no noun here: "Lieber Mark", "Liebe Rose"
        if ending is None or not is_noun(words, index + 1) or lex.is_name(noun.text):
            continue
        bits = noun_bits(noun.text, lex)
        if not bits or bits & _STRONG_START[ending] or not bits & ALL_SINGULAR:
            continue
        stem = token.text[: -len(ending)]
        fixes = [f"{stem}{STRONG_NOMINATIVE[g]} {noun.text}" for g in genera_of(bits)]
        phrase = phrase_of(plain, token, noun)
        found.append(Finding(phrase, f"'{phrase}': '{noun.text}' is {genus_words(bits)}, so "
                                     + " or ".join(f"'{fix}'" for fix in fixes),
                             fixes[0] if len(fixes) == 1 else None))
    return found


def _after_dash(plain: str, words: list[Token], index: int) -> bool:
    """Whether a spaced dash stands between the word at ``index`` and the one before it: a
    headline's second part ("Möwenbohne Kaffeekontor - Neues Tipp für Cold Brew", a ready
    Threads draft, bench 2026-12-04)."""
    gap = plain[words[index - 1].end:words[index].start] if index else ""
    return gap.strip() in ("-", "–", "—") and gap[:1].isspace() and gap[-1:].isspace()


def _after_colon(plain: str, words: list[Token], index: int) -> bool:
    """Whether a colon stands between the word at ``index`` and the one before it."""
    return ":" in plain[words[index - 1].end if index else 0:words[index].start]
