"""Rule 12 of the German grammar check: a sentence's subject and its verb out of agreement
(pure).

Ready drafts of the embedded model (bench dumps, 2026-11-30/12-01):
- "Der Möwenbohne Kaffeerösterei GmbH hat vom 24. bis 26. Dezember geschlossen" (a
  GmbH is feminine: "Die");
- "Die Hafer-Cappuccino ist ein typischer Haferkaffee" (one Cappuccino: "Der");
- "Diese Handmühle sind eine hochwertige Alternative" and "Die Handmühle Hansen H2, die
  wir im Café haben, sind jetzt bei uns im Shop" (one grinder: "ist").

Read only where a sentence opens with an article, a possessive or a demonstrative (or a
clause does, after a word such as "woher" or "dass" that is no subject itself), then
optional adjectives and a known noun (or a name of capitalised words: every known noun of
it must disagree), then, straight after it or after one relative clause in commas, a
finite verb of ``SINGULAR_TO_PLURAL``. The phrase must then be that verb's subject, unless
what follows the verb could be one: German may put the object first ("Die Handmühle haben wir
getestet", "Die Bohnen hat der Röster geröstet"), so a pronoun, a capitalised word, a
number or an article that could go with the verb after it leaves the sentence alone (not
after "ist": both sides of it are nominatives, and a plural one takes "sind"). In a clause
the verb must be its last word: "woher unsere Hafer-Cappuccino kommt" (a ready Facebook
draft, bench 2026-12-04; "Cappuccino" is a plural too, but not of "kommt").

- A singular verb ("ist", "hat") whose phrase has no nominative singular reading: the
  article is wrong, and where the noun has one genus its nominative is the correction.
- A plural verb ("sind", "haben") whose phrase has no nominative plural reading: the
  verb is wrong, and its singular is the correction; the other way round for a plural
  noun before "ist" ("Die Bohnen ist frisch" -> "sind").
"""

from __future__ import annotations

import regex

from assistant.quality.grammar_phrase import Finding, adjective_like, noun_after, phrase_of
from assistant.quality.grammar_words import (
    DETERMINERS,
    PRONOUNS,
    GrammarLexicon,
    Token,
    determiner_bits,
    determiner_forms,
    noun_bits,
)
from assistant.quality.nounforms import genera_of, genus_words, readings, union

# singular -> plural of the finite verbs whose form shows the subject's number ("gibt" is
# left out: "Die Handmühle gibt es jetzt" has "es" for its subject)
SINGULAR_TO_PLURAL = {"ist": "sind", "hat": "haben", "wird": "werden", "war": "waren",
                      "kann": "können", "bleibt": "bleiben", "bietet": "bieten",
                      "kostet": "kosten", "kommt": "kommen", "steht": "stehen",
                      "schmeckt": "schmecken", "liefert": "liefern"}
_SINGULAR = {plural: single for single, plural in SINGULAR_TO_PLURAL.items()}
# "ist" joins two nominatives, and a plural on either side makes it "sind": what stands
# before "ist ein ..." is its subject whatever follows ("Das Problem sind die Kosten" is why
# "sind" keeps the rule above)
_SINGULAR_COPULA = frozenset({"ist", "war"})
_NOMINATIVE_SINGULAR = readings("mfn.nom")
_NOMINATIVE_PLURAL = readings("pl.nom")
_NOMINATIVE = _NOMINATIVE_SINGULAR | _NOMINATIVE_PLURAL
_PLURAL_COPULA = frozenset({"sind", "waren"})
_RELATIVES = frozenset({"der", "die", "das", "den", "dem", "denen", "deren", "dessen",
                        "welche", "welcher", "welches"})
_MAX_ADJECTIVES = 3
# words that open a clause with its verb last and are no subject themselves ("was" and
# "wer" are left out: "was die Bohnen kostet" may have "was" for its subject)
_SUBORDINATORS = frozenset({"woher", "wohin", "wo", "wie", "wann", "warum", "wieso",
                            "weshalb", "ob", "dass", "wenn", "weil", "obwohl", "sobald",
                            "nachdem", "bevor", "damit", "falls", "solange", "seit"})
# a demonstrative declines as the definite article does ("diese" as "die")
_DEMONSTRATIVES = {"dieser": "der", "diese": "die", "dieses": "das", "diesen": "den",
                   "diesem": "dem"}
_AS_DEMONSTRATIVE = {"der": "dieser", "die": "diese", "das": "dieses"}


def _article_of(token: Token) -> str | None:
    """The article ``token`` declines as, or None where it is none."""
    if token.gendered:
        return None
    lower = token.lower
    return _DEMONSTRATIVES.get(lower, lower if lower in DETERMINERS else None)


def subject_verb(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 12 (see the module doc): "Der ... GmbH hat" -> "Die", "Diese Handmühle sind" ->
    "ist"."""
    found = []
    for index, article in enumerate(words):
        # written large: a line that opens small goes on from the line before
        main = article.sentence_start and article.capitalised
        declined = _article_of(article) if main or _opens_subclause(words, index) else None
        if declined is None or not determiner_bits(declined) & _NOMINATIVE:
            continue  # "Dem Konto ist ... zugeordnet": a dative put first
        run = _noun_run(words, index + 1, lex)
        if run is None:
            continue
        first, last, bits = run
        verb_at = _verb_after(words, last + 1)
        if verb_at is None or (_subject_follows(words, verb_at, lex) if main
                               else not _ends_clause(words, verb_at)):
            continue
        if words[verb_at].lower in SINGULAR_TO_PLURAL and any(
                token.lower.endswith("en") for token in words[index + 1:first]):
            continue  # "Der letzten Position kann ...": "-en" is no nominative singular
        verb = words[verb_at]
        finding = _disagreement(plain, article, words[first:last + 1], verb, bits)
        if finding is not None:
            found.append(finding)
    return found


def _opens_subclause(words: list[Token], index: int) -> bool:
    """Whether the article at ``index`` follows a word that opens a clause with its verb
    last ("woher unsere Hafer-Cappuccino kommt")."""
    return index > 0 and words[index - 1].lower in _SUBORDINATORS \
        and not words[index].sentence_start and words[index].text.islower()


def _ends_clause(words: list[Token], verb_at: int) -> bool:
    """Whether the verb at ``verb_at`` is its clause's last word: the phrase before it,
    after a clause word that cannot be a subject, is then the clause's only nominative."""
    after = verb_at + 1
    return after >= len(words) or words[after].sentence_start or words[after].after_comma


def _noun_run(words: list[Token], index: int, lex: GrammarLexicon) -> tuple[int, int, int] | None:
    """(first, last, readings) of the capitalised words after optional adjectives from
    ``index``, with every reading a known noun of them has; None where none is known."""
    position = index
    while position < len(words) and position - index < _MAX_ADJECTIVES and \
            adjective_like(words[position]) and words[position].spaced:
        position += 1
    first = position
    known: list[int] = []
    while position < len(words) and words[position].spaced and not words[position].gendered \
            and (words[position].capitalised or words[position].text.isupper()
                 or words[position].number) and (position == first or not
                                                 words[position].sentence_start):
        bits = noun_bits(words[position].text, lex) if words[position].capitalised else 0
        if bits:
            known.append(bits)
        position += 1
    if position == first or not known or not words[first].capitalised:
        return None
    # a reading of any noun of the name that fits saves the sentence
    return first, position - 1, union(known)


def _verb_after(words: list[Token], index: int) -> int | None:
    """The index of a verb of ``SINGULAR_TO_PLURAL`` at ``index``, or after one relative
    clause that opens there (", die wir im Café haben,")."""
    if index >= len(words):
        return None
    token = words[index]
    if token.sentence_start:
        return None
    if token.after_comma and token.lower in _RELATIVES:
        closing = next((at for at in range(index + 1, len(words))
                        if words[at].after_comma or words[at].sentence_start), None)
        if closing is None or words[closing].sentence_start:
            return None
        token, index = words[closing], closing
    elif token.after_comma:
        return None
    return index if token.lower in SINGULAR_TO_PLURAL or token.lower in _SINGULAR else None


def _subject_follows(words: list[Token], verb_at: int, lex: GrammarLexicon) -> bool:
    """Whether the word after the verb could be its subject (the phrase before it then is
    an object put first), or, after "sind", a plural noun of the clause its predicate
    ("Seine Ausgabe sind entweder die Namen ...")."""
    if verb_at + 1 >= len(words) or words[verb_at + 1].sentence_start:
        return True  # "Die Handmühle haben!": too short to say
    after = words[verb_at + 1]
    singular_next = after.lower in DETERMINERS and not (determiner_bits(after.lower)
                                                          & _NOMINATIVE_PLURAL)
    if words[verb_at].lower in _PLURAL_COPULA and not singular_next and \
            _plural_follows(words, verb_at + 1, lex):
        return True
    if after.lower in PRONOUNS or after.capitalised or after.number or after.text.isupper():
        return True
    if after.lower not in DETERMINERS:
        return False
    if words[verb_at].lower in _SINGULAR_COPULA:
        # "ist ein Klassiker" is a predicate; "ist das egal" has the pronoun for subject
        return noun_after(words, verb_at + 2) is None
    wanted = _NOMINATIVE_PLURAL if words[verb_at].lower in _SINGULAR else _NOMINATIVE_SINGULAR
    return bool(determiner_bits(after.lower) & wanted)


def _plural_follows(words: list[Token], index: int, lex: GrammarLexicon) -> bool:
    """Whether a noun that may be a nominative plural stands from ``index`` to the clause's
    end."""
    for token in words[index:]:
        if token.sentence_start or token.after_comma:
            return False
        if token.capitalised and noun_bits(token.text, lex) & _NOMINATIVE_PLURAL:
            return True
    return False


def _disagreement(plain: str, article: Token, nouns: list[Token], verb: Token,
                  bits: int) -> Finding | None:
    declined = _article_of(article) or article.lower
    phrase_bits = determiner_bits(declined) & bits
    phrase = phrase_of(plain, article, verb)
    label = plain[nouns[0].start:nouns[-1].end]
    if verb.lower in SINGULAR_TO_PLURAL:
        if phrase_bits & _NOMINATIVE_SINGULAR:
            return None
        genera = [genus for genus in genera_of(bits) if genus != "pl"]
        if not genera and phrase_bits & _NOMINATIVE_PLURAL:
            plural = SINGULAR_TO_PLURAL[verb.lower]  # "Die Bohnen ist frisch": the verb is wrong
            return Finding(phrase, f"'{phrase}': '{label}' is plural, so the verb is "
                                   f"'{plural}'", f"{phrase[:-len(verb.text)]}{plural}")
        message = (f"'{phrase}': '{label}' is {genus_words(bits & ~_NOMINATIVE_PLURAL)} and "
                   f"the subject of '{verb.text}'")
        if len(genera) != 1:
            return Finding(phrase, message + "; check the article")
        [form] = determiner_forms(declined, [(genera[0], "nom")])
        if article.lower in _DEMONSTRATIVES:
            form = _AS_DEMONSTRATIVE[form]
        form = form.capitalize() if article.capitalised else form
        return Finding(phrase, f"{message}, so '{form} {label}'",
                       f"{form}{phrase[len(article.text):]}")
    if phrase_bits & _NOMINATIVE_PLURAL:
        return None
    single = _SINGULAR[verb.lower]
    return Finding(phrase, f"'{phrase}': '{label}' is singular, so the verb is '{single}'",
                   f"{phrase[:-len(verb.text)]}{single}")


# a question's word before "ist" that cannot be the subject itself: what follows the verb
# is ("Was ist den Kunden wichtig?" has "was" for its subject, so "was" is read only where
# nothing but the phrase follows: "Was ist der Weihnachtsmischung von Kolumbien?", a
# ready Facebook question, bench 2026-12-02; "wer" is none)
_QUESTION_WORDS = frozenset({"wie", "wo", "wann", "warum", "woher", "wieso"})
# other verbs of a question whose phrase after them is the subject where nothing but names,
# nouns and small words follow ("Was macht der Möwenbohne Kaffeerösterei GmbH auf
# Weihnachten?", a ready Facebook question, bench 2026-12-04); "Wie schmeckt der Kundin der
# Kaffee?" has a second phrase and stays
_LEGAL_FORMS = frozenset({"GmbH", "AG", "KG", "UG", "OHG", "GbR", "eG", "SE", "KGaA"})
_QUESTION_VERBS = frozenset({"macht", "hat", "kommt", "bietet", "plant", "schmeckt", "kostet",
                             "steht", "bleibt", "wird"})
# the articles of a nominative; "dem" and "den" after "ist" are a dative or an accusative
# that a passive or a predicate may have ("Wie ist dem Kunden geholfen?")
_NOMINATIVE_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})


# the small words a question's subject may go on with before its "?": "von Kolumbien und
# Guatemala", "aus Äthiopien", "im Kontor"
_PHRASE_WORDS = frozenset({"von", "aus", "in", "im", "mit", "und", "oder", "für", "bei", "zu",
                           "zum", "zur", "am", "an", "auf", "der", "die", "das", "dem", "den",
                           "des", "unserer", "unserem", "unseres", "ab", "über", "nach"})


def _ends_the_question(plain: str, start: int) -> bool:
    """Whether the question ends after ``plain[start:]`` with nothing but names, nouns and
    _PHRASE_WORDS: no predicate ("wichtig", "geholfen") that would make "was" the subject."""
    rest = plain[start:].split("?", 1)
    if len(rest) < 2 or regex.search(r"[.!\n]", rest[0]):
        return False
    return all(word[:1].isupper() or word.lower() in _PHRASE_WORDS
               for word in regex.findall(r"\p{L}[\p{L}-]*", rest[0]))


def _another_phrase(plain: str, start: int) -> bool:
    """Whether an article that no preposition governs stands in the question after
    ``plain[start:]``: a phrase that may be the subject itself."""
    rest = regex.findall(r"\p{L}[\p{L}-]*", plain[start:].split("?", 1)[0])
    return any(word.lower() in _NOMINATIVE_ARTICLES and (index == 0 or rest[index - 1].lower()
                                                          not in _PHRASE_WORDS)
               for index, word in enumerate(rest))


def question_subject(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 12b: in a question that opens "Wie ist", "Wo ist" ..., the phrase after the
    verb is its subject, a nominative: "Wie ist der Weihnachtsmischung in Kolumbien und
    Guatemala?" (the question of a ready Facebook draft, bench 2026-12-02) -> "die". Read
    where the phrase has an article and a known noun of one genus that is no plural form;
    its nominative is the correction."""
    found = []
    for index in range(len(words) - 3):
        opener, verb, article = words[index:index + 3]
        declined = _article_of(article)
        copula = verb.lower in _SINGULAR_COPULA
        if not (opener.sentence_start and opener.lower in (*_QUESTION_WORDS, "was")
                and (copula or verb.lower in _QUESTION_VERBS) and not verb.sentence_start
                and declined in _NOMINATIVE_ARTICLES and not article.sentence_start):
            continue
        run = _noun_run(words, index + 3, lex)
        if run is None or any(token.lower.endswith("en") for token in words[index + 3:run[0]]):
            continue
        first, last, bits = run
        if (opener.lower == "was" or not copula) and \
                not _ends_the_question(plain, words[last].end):
            continue  # "Was ist der Kundin wichtig?": "was" is the subject
        if not copula and (_another_phrase(plain, words[last].end) or (
                last > first and words[last].text not in _LEGAL_FORMS)):
            # "Wie schmeckt der Kundin der Kaffee?", "Was macht der Kundin Freude?": a
            # dative, then the subject; of several words only a firm's name is one phrase
            continue
        genera = genera_of(bits)
        if determiner_bits(declined) & bits & _NOMINATIVE_SINGULAR or len(genera) != 1 \
                or genera[0] == "pl":
            continue  # a form that may be a plural ("den Kunden") is left alone
        [form] = determiner_forms(declined, [(genera[0], "nom")])
        phrase = phrase_of(plain, verb, words[last])
        label = plain[words[first].start:words[last].end]
        fixed = f"{verb.text} {form}{plain[article.end:words[last].end]}"
        found.append(Finding(phrase, f"'{phrase}': '{label}' is {genus_words(bits)} and the "
                                     f"subject of the question, so '{form} {label}'", fixed))
    return found


# Rule 12b: a noun in the genitive alone, opening a sentence before its verb: "Rösters sind
# immer gut" (an Instagram draft, bench 2026-12-06: the plural is "Röster"). A genitive
# before a noun ("Rösters Liebling") has no verb after it; a name is left alone, and so is
# an adverb that was a genitive ("Allerdings", "Abends", "Andernfalls": a word written small)
_GENITIVE = readings("mn.gen")


def genitive_subjects(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 12b: a genitive-only noun as a sentence's subject, corrected to the form of the
    noun without the genitive's s where that has a nominative of the verb's number."""
    found = []
    for index, token in enumerate(words[:-1]):
        verb = words[index + 1]
        plural = verb.lower in _SINGULAR
        if not (token.sentence_start and token.capitalised) or verb.sentence_start or \
                not (plural or verb.lower in SINGULAR_TO_PLURAL) or lex.is_name(token.text) \
                or lex.is_word(token.lower):
            continue  # an adverb that was a genitive: "Allerdings ist", "Abends wird"
        bits = noun_bits(token.text, lex)
        if not bits or bits & ~_GENITIVE:
            continue
        wanted = _NOMINATIVE_PLURAL if plural else _NOMINATIVE_SINGULAR
        stem = next((token.text[:-len(end)] for end in ("es", "s") if token.lower.endswith(end)
                     and noun_bits(token.text[:-len(end)], lex) & wanted), None)
        phrase = phrase_of(plain, token, verb)
        fix = None if stem is None else f"{stem} {verb.text}"
        found.append(Finding(phrase, f"'{phrase}': '{token.text}' is a genitive, not the "
                                     "sentence's subject" + (f"; write '{fix}'" if fix else ""),
                             fix))
    return found
