"""Rule 17 of the German grammar check: a verb said without the reflexive it needs (pure).

"Du kannst auch per Mail anmelden" (a ready Facebook draft of the embedded model for the
brief's "Anmeldung im Laden oder per Mail", bench 2026-12-03) lacks "dich": "anmelden",
"bewerben" and "freuen" take either the reflexive ("dich anmelden") or an object ("deine
Freunde anmelden"), never nothing. Read only where the clause's subject is a pronoun right
beside a finite verb ("du kannst", "kannst du", "wir freuen"), and:

- after a modal, the verb's infinitive later in the clause with no pronoun, no article and
  no noun between them outside a prepositional phrase ("per Mail", "für den Kurs"), any of
  which could be the object or the reflexive;
- without a modal, the verb's finite form followed at once by the preposition its object
  takes ("Wir freuen auf euch", "Du bewirbst bei uns");
- a relative clause after a comma whose pronoun is its subject and that ends on the verb
  and a modal of the third person, with nothing between as above ("8 Plätze, die an der
  Möwenbohne GmbH anmelden können" -> "die sich ...").

A clause ends as in rule 5 (``grammar_object.clauses``), and "und" or "oder" before the
infinitive ends the reading ("du kannst vorbeikommen und anmelden" may share its object).
Mended: the reflexive of the subject goes right after the later of pronoun and verb
("Du kannst dich auch per Mail anmelden").

17b: a call that opens its sentence with the imperative of such a verb and has neither a
reflexive nor an object in that sentence: "Wir suchen ab Januar eine Barista ... Bewerb!"
(a ready Facebook draft, bench 2026-12-05) -> "Bewirb dich!", "Melde jetzt an!" -> "Melde
dich"; a separable verb only with its particle in the sentence ("Melde ... an"). Mended:
"dich" after the imperative, and the strong form "bewirb" for "bewerb"/"bewerbe".

17c: a reflexive between its subject and a participle with "sein": "wir würden gern, wenn
du dir interessiert bist, ..." (a ready LinkedIn job ad, bench 2026-12-06) mixes "dich
interessieren" with "interessiert sein". Read only as subject pronoun, its own reflexive,
a participle (in -iert, or ge-...-t, also after a separable particle) and the form of
"sein" that agrees with the subject, side by side: "wenn Sie sich registriert sind", "ob
ihr euch angemeldet seid". Verbs whose perfect takes "sein" ("was uns passiert ist") and
adjectives in -t ("wenn du dir bewusst bist") pass. Not mended: "wenn du interessiert
bist" and "wenn du dich interessierst" both fit, and the job ad's sentence was wrong in
more than this ("..., uns zu bewerben").
"""

from __future__ import annotations

from assistant.quality.grammar_object import clauses
from assistant.quality.grammar_phrase import Finding
from assistant.quality.grammar_verbs import SEPARABLE
from assistant.quality.grammar_words import (
    DETERMINERS,
    FUSED_ARTICLES,
    MODAL_FORMS,
    PREPOSITIONS,
    GrammarLexicon,
    Token,
    sentences,
)

# the subject pronoun -> its reflexive ("Sie" with its capital: the formal "you")
_REFLEXIVE = {"ich": "mich", "du": "dich", "wir": "uns", "ihr": "euch", "Sie": "sich",
              "man": "sich"}
# the accusative reflexives: after "zu" before one, the preposition is one too many (17d);
# rule 16d reads "anmachen" beside one (``grammar_idioms``)
REFLEXIVES = frozenset(_REFLEXIVE.values())
# verbs that a post uses with a reflexive or an object, never with neither
NEEDS_OBJECT = frozenset({"anmelden", "bewerben", "freuen", "beeilen", "verabreden",
                          "registrieren", "eintragen", "erkundigen"})
# finite forms -> the prepositions that open their object ("freuen auf", "bewerben bei")
_FINITE = {form: ("auf", "über") for form in ("freue", "freust", "freut", "freuen")} | {
    form: ("bei", "um", "für", "als") for form in ("bewerbe", "bewirbst", "bewerbt",
                                                    "bewerben")}
# what may be the object or a reflexive already: any pronoun of a person
_PRONOUNS = frozenset({"mich", "dich", "sich", "uns", "euch", "mir", "dir", "ihm", "ihn",
                       "ihnen", "sie", "es", "einander", "jemanden", "alle", "alles"})
_JOINS = frozenset({"und", "oder", "sowie"})
_RELATIVES = frozenset({"der", "die", "das", "welche", "welcher", "welches"})


def missing_reflexive(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 17 (see the module doc)."""
    del lex  # closed word lists
    found = [*_relative_clauses(plain, words), *_bare_imperatives(plain, words),
             *_reflexive_with_sein(plain, words)]
    for clause in clauses(plain, words):
        for place in range(len(clause) - 1):
            pair = _subject_and_verb(words[clause[place]], words[clause[place + 1]])
            if pair is None:
                continue
            subject, verb = pair
            rest = [words[index] for index in clause[place + 2:]]
            if _lacks_reflexive(verb, rest):
                found.append(_finding(plain, words[clause[place]], words[clause[place + 1]],
                                      _REFLEXIVE[_key(subject)], _shown_after(verb, rest)))
    return found


def _relative_clauses(plain: str, words: list[Token]) -> list[Finding]:
    """A relative clause that ends on the verb and a modal: "8 Plätze, die an der
    Möwenbohne GmbH anmelden können" (a ready LinkedIn draft, bench 2026-12-03)."""
    found = []
    for clause in clauses(plain, words):
        opener, *middle = [words[index] for index in clause]
        if len(middle) < 2 or not opener.after_comma or opener.lower not in _RELATIVES:
            continue
        modal = middle[-1]
        # the relative pronoun is the subject: a modal of the third person, no other subject
        third = modal.lower in MODAL_FORMS and not modal.lower.endswith("t")
        if third and middle[-2].lower in NEEDS_OBJECT and \
                not any(_key(token) in _REFLEXIVE for token in middle) and \
                _lacks_reflexive(modal, middle[:-1]):
            found.append(Finding(opener.text, f"'{opener.text} … {middle[-2].text} "
                                 f"{modal.text}': the verb needs its reflexive or an object "
                                 f"here; write '{opener.text} sich …'", f"{opener.text} sich"))
    return found


def _key(token: Token) -> str:
    return token.text if token.text == "Sie" else token.lower


def _subject_and_verb(first: Token, second: Token) -> tuple[Token, Token] | None:
    """(subject, finite verb) when the two stand side by side in either order."""
    for subject, verb in ((first, second), (second, first)):
        if _key(subject) in _REFLEXIVE and second.spaced and (
                verb.lower in MODAL_FORMS or verb.lower in _FINITE):
            return subject, verb
    return None


def _lacks_reflexive(verb: Token, rest: list[Token]) -> bool:
    if verb.lower in _FINITE:
        return bool(rest) and rest[0].lower in _FINITE[verb.lower]
    in_phrase = False
    for place, token in enumerate(rest):
        lower = token.lower
        if lower in NEEDS_OBJECT:
            return True
        if lower in _PRONOUNS or lower in _JOINS or token.text == "Sie":
            return False
        if lower in PREPOSITIONS or lower in FUSED_ARTICLES or lower == "per":
            in_phrase = True
        elif token.capitalised or token.determiner in DETERMINERS:
            if not in_phrase:
                return False  # may be the object: "deine Freunde", "Freunde"
            # a noun closes the phrase, the last of a name's words ("der Möwenbohne GmbH")
            following = rest[place + 1] if place + 1 < len(rest) else None
            in_phrase = not token.capitalised or (
                following is not None and following.capitalised)
    return False


def _shown_after(verb: Token, rest: list[Token]) -> str:
    """What the message shows after the pair: " … anmelden" (the infinitive after a
    modal), or the preposition after a finite verb (" auf")."""
    if verb.lower in _FINITE:
        return f" {rest[0].text}"
    return " … " + next(token.text for token in rest if token.lower in NEEDS_OBJECT)


def _finding(plain: str, first: Token, second: Token, reflexive: str, after: str) -> Finding:
    phrase = plain[first.start:second.end]
    fix = f"{phrase} {reflexive}"
    return Finding(phrase, f"'{phrase}{after}': the verb needs its reflexive or an object "
                           f"here; write '{fix}{after}'", fix)


# the du imperatives that open a call -> the particle a separable one ends the sentence
# with (None: not separable)
_IMPERATIVES = {"bewirb": None, "bewerb": None, "bewerbe": None, "freu": None, "freue": None,
                "beeil": None, "beeile": None, "meld": "an", "melde": "an", "trag": "ein",
                "trage": "ein"}
_STRONG_IMPERATIVE = {"bewerb": "bewirb", "bewerbe": "bewirb"}


def _bare_imperatives(plain: str, words: list[Token]) -> list[Finding]:
    """Rule 17b (see the module doc): "Bewerb!" -> "Bewirb dich!"."""
    found = []
    for sentence in sentences(words):
        call, rest = sentence[0], sentence[1:]
        particle = _IMPERATIVES.get(call.lower, "") if call.capitalised else ""
        if particle == "" or (particle and not any(t.lower == particle for t in rest)) \
                or _has_object(rest):
            continue
        form = _STRONG_IMPERATIVE.get(call.lower, call.lower).capitalize()
        fix = f"{form} dich"
        found.append(Finding(call.text, f"'{call.text}': the call needs its reflexive; write "
                                        f"'{fix}'", fix))
    return found


def _has_object(rest: list[Token]) -> bool:
    """Whether a pronoun, or an article or noun outside a prepositional phrase, may be the
    object or the reflexive ("Melde deine Freunde an", "Trag dich ein")."""
    in_phrase = False
    for token in rest:
        if token.lower in _PRONOUNS or token.text == "Sie":
            return True
        if token.lower in PREPOSITIONS or token.lower in FUSED_ARTICLES or token.lower == "per":
            in_phrase = True
        elif token.capitalised or token.determiner in DETERMINERS:
            if not in_phrase:
                return True
            in_phrase = not token.capitalised
    return False


# 17c: subject pronoun -> (its reflexives, the forms of "sein" that agree with it)
_WITH_SEIN = {"ich": (("mich", "mir"), ("bin", "war", "wäre")),
              "du": (("dich", "dir"), ("bist", "warst", "wärst")),
              "wir": (("uns",), ("sind", "waren", "wären")),
              "ihr": (("euch",), ("seid", "wart", "wärt")),
              "Sie": (("sich",), ("sind", "waren", "wären")),
              **{pronoun: (("sich",), ("ist", "war", "wäre")) for pronoun in ("er", "es", "man")}}
# participles of verbs whose perfect takes "sein", and adjectives that look like participles
_NOT_WITH_HABEN = frozenset({"passiert", "spaziert", "marschiert", "explodiert", "emigriert",
                             "eskaliert", "kollabiert", "mutiert", "bewusst", "gerecht",
                             "gewachsen", "gewohnt", "gewiss", "gefolgt", "gelungen"})


def _participle(word: str) -> bool:
    if not word.islower() or word in _NOT_WITH_HABEN:
        return False
    if word.endswith("iert"):
        return True
    rest = next((word[len(particle):] for particle in SEPARABLE if word.startswith(particle)),
                word)
    return rest.startswith("ge") and rest.endswith("t") and len(rest) > 4


def _reflexive_with_sein(plain: str, words: list[Token]) -> list[Finding]:
    """17c (see the module doc): "du dir interessiert bist" -> "du interessiert bist"."""
    found = []
    for subject, reflexive, participle, sein in zip(words, words[1:], words[2:], words[3:],
                                                   strict=False):
        reflexives, forms = _WITH_SEIN.get(_key(subject), ((), ()))
        if reflexive.lower in reflexives and sein.lower in forms and _participle(
                participle.text) and all(token.spaced for token in (reflexive, participle,
                                                                      sein)):
            phrase = plain[subject.start:sein.end]
            # two corrections fit ("du interessiert bist", "du dich interessierst"): none
            # is made
            found.append(Finding(phrase, f"'{phrase}' mixes the reflexive verb with 'sein'; "
                                 f"write '{subject.text} {participle.text} {sein.text}' or "
                                 "use the verb"))
    return found


# the separable verbs of ``NEEDS_OBJECT`` with their "zu" inside: "anzumelden"
_ZU_INSIDE = frozenset(f"{particle}zu{verb[len(particle):]}" for verb in NEEDS_OBJECT
                       for particle in ("an", "ein") if verb.startswith(particle))


def zu_before_reflexive(plain: str, words: list[Token], lex: GrammarLexicon) -> list[Finding]:
    """Rule 17d: "Es ist ein schöner Zeitpunkt, um zu spenden und zu sich selbst zu freuen" (a
    ready Facebook greeting, bench 2026-12-07): these verbs take the plain reflexive, "sich
    zu freuen", never "zu sich". Read as "zu", a reflexive, at most "selbst", and the
    verb's infinitive with its "zu" ("zu freuen", "anzumelden"); "zu sich zu kommen" and "zu
    sich zu nehmen" are other verbs. Mended: the first "zu" goes (read before the dative rules,
    which would make "zu dich anzumelden" "zu dir")."""
    del lex  # closed word lists
    found = []
    for at in range(len(words) - 2):
        preposition, pronoun = words[at], words[at + 1]
        rest = words[at + 2:at + 5]
        if rest and rest[0].lower == "selbst":
            rest = rest[1:]
        if preposition.lower != "zu" or pronoun.lower not in REFLEXIVES or not rest:
            continue
        verb = rest[1] if rest[0].lower == "zu" and len(rest) > 1 else rest[0]
        if (verb is not rest[0] and verb.lower in NEEDS_OBJECT) or verb.lower in _ZU_INSIDE:
            phrase = plain[preposition.start:verb.end]
            fix = plain[pronoun.start:verb.end]
            found.append(Finding(phrase, f"'{phrase}': the verb takes '{pronoun.text}' "
                                         f"without 'zu'; write '{fix}'", fix))
    return found

