"""A kit's preferred terms put in for its banned words ("Kunden" -> "Gäste"), only where
the sentence stays right (pure).

A German noun has a case, a number and a genus that its article, its adjectives and the
rest of the sentence agree with, and the preferred term need not have the form the place
asks for: "unsere Kunden" (a plural nominative or accusative) becomes "unsere Gäste", but
"den Kunden" (an accusative singular or a dative plural) would become "den Gäste", wrong
either way. So a noun is swapped only where every reading (genus x case x number, from
the noun index) that its place leaves it is a reading of the replacement too. The place:

* an article or possessive before the noun: its readings ("die": f.nom/acc, pl.nom/acc);
* else up to four declined words ("alle", "liebe", "treuen"): the strong ending of the
  first one ("-e": f.nom/acc, pl.nom/acc; "-en": m.acc, m/n.gen, pl.dat);
* else the bare noun, read as a plural where it can be one (a bare singular "Kunden" is
  no German);
* a preposition before all that narrows the case ("an alle Kunden": accusative, "mit
  Kunden": dative). Without one, the article or the ending has settled the case; a bare
  noun does so only at the start of a sentence or line (its subject: "Kunden können ...");
  after any other word it may be a dative ("Wir bieten Kunden ...") and stays.

What stays is still a ``banned_word`` problem, and the repair call rewrites it. A noun or
a replacement that the index does not know is never swapped, nor a word inside a compound
("Kunden-Event"), a gender form ("Kunden*innen"), a hashtag, a handle or a link. Other
words (the kit writes them small: "billig" -> "günstig") and English words are swapped
wherever they stand, capitalised where the banned word was.
"""

from __future__ import annotations

import regex

from assistant.brand.schema import BrandKit
from assistant.quality.grammar_dative import case_bits, preposition_readings
from assistant.quality.grammar_phrase import is_article
from assistant.quality.grammar_words import (
    GrammarLexicon,
    Token,
    adjective_ending,
    determiner_bits,
    noun_bits,
    tokens,
)
from assistant.quality.nounforms import ALL_PLURAL, readings
from assistant.rules import banned_word_pattern

# what a declined word without an article says about the noun (the strong endings)
_STRONG = {"e": readings("f.nom,acc pl.nom,acc"), "er": readings("m.nom f.gen,dat pl.gen"),
           "es": readings("n.nom,acc mn.gen"), "en": readings("m.acc mn.gen pl.dat"),
           "em": readings("mn.dat")}
_SUBJECT = case_bits(("nom", "acc"))
_MAX_DECLINED = 4
# the banned word goes on: a compound, a gender form, an apostrophe
_CONTINUED = regex.compile(r"[-'’:*_/]\p{L}|Innen")
_MARKUP = "#＃@/._"  # a hashtag, a handle, a link or a file name


def replace_terms(text: str, kit: BrandKit, language: str, lex: GrammarLexicon | None) -> str:
    """``text`` with each banned word that has a replacement replaced where that is safe
    (see the module doc); German nouns need ``lex``, without it they stay."""
    for banned in kit.banned_words:
        if banned.replacement:
            text = _replace(text, banned.word, banned.replacement, language, lex)
    return text


def _replace(text: str, word: str, replacement: str, language: str,
             lex: GrammarLexicon | None) -> str:
    noun = language == "de" and word[:1].isupper() and " " not in word.strip()
    # right to left: what stands before a match, which decides its case, is not changed yet
    for match in reversed(list(banned_word_pattern(word).finditer(text))):
        if match.start() and text[match.start() - 1] in _MARKUP:
            continue
        if noun:
            if lex is None or not fits(text, match.start(), match.end(), replacement, lex):
                continue
            new = replacement
        else:
            new = same_case(match.group(), replacement)
        text = text[:match.start()] + new + text[match.end():]
    return text


def same_case(found: str, replacement: str) -> str:
    """``replacement`` written like ``found``: capitalised at a sentence start ("Billig" ->
    "Günstig"), in capitals when it was shouted."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def fits(text: str, start: int, end: int, replacement: str, lex: GrammarLexicon) -> bool:
    """Whether the noun ``text[start:end]`` may become ``replacement`` without changing
    anything around it."""
    if _CONTINUED.match(text, end):
        return False
    _, words = tokens(text[:end])
    if not words or words[-1].text != text[start:end]:
        return False
    wanted = place_readings(words, lex)
    return wanted != 0 and wanted & noun_bits(replacement, lex) == wanted


def place_readings(words: list[Token], lex: GrammarLexicon) -> int:
    """The readings the last of ``words`` (a noun) may have where it stands; 0 when its
    place does not settle them."""
    first, allowed = _phrase(words, lex)
    bits = noun_bits(words[-1].text, lex) & allowed
    governed = preposition_readings(words, first - 1) if first and words[first].spaced else None
    if governed is not None:
        return bits & governed
    if first < len(words) - 1:  # an article or a declined word has settled the case
        return bits
    return bits & _SUBJECT if words[first].sentence_start else 0


def _phrase(words: list[Token], lex: GrammarLexicon) -> tuple[int, int]:
    """(index of the first word, its readings) of the noun phrase that ends ``words``."""
    last = len(words) - 1
    position, ending = last, None
    while position > 0 and last - position < _MAX_DECLINED and words[position].spaced:
        before = words[position - 1]
        if is_article(before, words[position - 2] if position > 1 else None):
            return position - 1, determiner_bits(before.text) or determiner_bits(before.lower)
        found = _ending(before, lex)
        if found is None:
            break
        position, ending = position - 1, found
    if ending is not None:  # the first declined word's ending: "alle neuen Kunden" -> "-e"
        return position, _STRONG[ending]
    noun = noun_bits(words[last].text, lex)
    return last, ALL_PLURAL if noun & ALL_PLURAL else noun


def _ending(token: Token, lex: GrammarLexicon) -> str | None:
    """The ending of a declined word (written small, or capitalised at a sentence start:
    "Liebe Kunden")."""
    if not (token.text.islower() or (token.sentence_start and token.capitalised)):
        return None
    return adjective_ending(token.lower, lex.is_word)
