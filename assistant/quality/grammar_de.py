"""German agreement errors a small model makes, found conservatively (pure).

Nineteen rules (with variants), each flagging only a known noun of which EVERY reading
is incompatible (a false warning keeps a good post from being "ready"):

1. a dative preposition, an optional quantifier and a number > 1 before a plural noun
   that is not dative plural: "mit maximal 8 Plätze" -> "Plätzen"; a dative-only
   preposition before an article and noun that are no dative ("mit deine Freunde") or
   before a bare plural ("mit Freunde") or an adjective before a bare masculine or neuter
   noun that does not end in -em ("zu perfekten Kaffee"); the same for the accusative
   after für, durch, gegen, ohne, um ("für dem Besuch") (``grammar_dative``); a bare
   adjective after an accusative or two-way preposition whose ending fits neither case
   ("auf neuer Kaffeefilter") (``grammar_governed``), also after a measure ("mit 70 g
   grob gemahlener Kaffee"); a bare adjective in -er before a feminine noun joined by
   "und" to a phrase no preposition puts in the dative ("Marzipan und dunkler
   Schokolade sind ...") (``grammar_joined``); a pronoun in the other case ("für dir")
   (``grammar_governed``);
2. a contraction against the noun's genus: "zur Röstkurs" -> "zum Röstkurs";
3. an article, possessive or demonstrative whose readings share none with the noun's:
   "eine Kaffee", "dieses Filterkaffee", and an adjective ending that fits neither: "der
   neuen Kaffee" -> "neue";
4. a bare adjective opening a sentence or a headline whose strong ending does not fit
   the noun: "Neue Filterkaffee" -> "Neuer Filterkaffee", or that has no ending at all:
   "Schön Weihnachten" -> "Schöne Weihnachten"; a bare adjective after a preposition or
   in a list whose ending fits no case of its noun: "Kolumbien, roten Johannisbeere" ->
   "rote" or "roter" (``grammar_bare``; rules 2 to 4 but their bare lists:
   ``grammar_articles``);
5. a masculine object in the nominative after ich, du or wir, after a subject that is a
   noun or a name, or after "es gibt": "wenn du ein Kaffee brauchst" -> "einen Kaffee",
   "Die GmbH bietet ein Röstkurs" -> "einen Röstkurs" (``grammar_object``);
6. "sich" in a clause of ich, du or wir: "du kannst sich anmelden" -> "dich"; two object
   pronouns of one person side by side: "Mach dir dir", "dich dir"; a preposition left
   without its object: "Schreibt uns über, wie ..." (``grammar_object``);
7. a separable verb left joined before a pronoun: "Bitte anmelde dich" -> "melde dich ...
   an", and "zu" before one that holds it: "zu hinzuzufügen"; an infinitive call with its
   adverb after it: "anmelden jetzt!" -> "jetzt anmelden!"; "sein" with a separable
   verb's bare infinitive: "Der Röstkurs ist am 12. Dezember stattfinden"; a separable
   verb's infinitive written as two words: "vorbei kommen" -> "vorbeikommen"; "haben"
   with a verb's form for its participle: "die wir ... testet haben" -> "getestet"; a
   participle of "haben" joined by "und" to "zu" and an infinitive: "Wir haben ...
   ausgeschlagen und sie zu zahlen" (flagged) (``grammar_verbs``); an infinitive call
   that goes on in another form: "Jetzt bestellen oder kommen vorbei" -> "oder
   vorbeikommen", "Jetzt bestellen und teste" -> "und testen", and one that opens a call
   to du: "Kommen vorbei im Kontor oder bestell im Shop" -> "Komm vorbei"
   (``grammar_infcalls``); a modal verb with an infinitive with "zu": "möchten dich
   kennenzulernen" -> "kennenlernen" (``grammar_modal``);
8. a month after "an" or "in" without its article: "an Januar" -> "ab/im Januar", and
   "am" or "im" before a clock time, or nothing between it and its date: "am 18 Uhr" or
   "am 12. Dezember 18 Uhr" -> "um 18 Uhr", "am Weihnachten" -> "an Weihnachten", "am
   24. bis 26. Dezember" or "von dem 24. bis" -> "vom 24.", and a span that ends on the
   day it begins: "ab dem 27 bis 27. Dezember", a span joined by "zu": "vom 24. zu 26."
   -> "bis", and "ab bis Ende Dezember" -> "bis" (``grammar_dates``);
9. a verb before "du" in another person or in the subjunctive: "können du" -> "kannst
   du", "Habest du" -> "Hast du"; a singular verb after an opening "Wir": "Wir rate" ->
   "Wir raten"; a call joined to a verb in -en: "Bestell ... und genießen" -> "und genieß";
   a call to "ihr" joined to one to "du": "Kommt ... oder bestell", or a call to "ihr" in
   a sentence that names the reader "du": "Schreibt uns ..., wenn du sie möchtest"
   (both flagged);
10. an imperative with "sich": "Bewerbe sich" -> "Bewirb dich" or "Bewerben Sie sich";
11. the first part of a hyphenated noun written small: "barista-Kurs" -> "Barista-Kurs"
    (9 to 11: ``grammar_person``);
12. a sentence's subject out of agreement with its verb: "Der ... GmbH hat" -> "Die",
    "Diese Handmühle sind" -> "ist" (``grammar_subject``);
13. a relative pronoun of another genus than its noun; "der" as the object of a verb that
    takes only an accusative: "der beste, der wir getestet haben" (``grammar_relative``);
14. "ein bisschen" before a plural: "ein bisschen Überlegungen"; "one of" in another genus
    than its noun: "eine der besten Röster" -> "einer" (``grammar_amounts``);
15. a function word or an adverb that is never a noun written with a capital after a small
    word inside a sentence: "ein großes An merkliche Event", "nach Zurück aus Huila"
    (``grammar_capitals``);
16. a fixed phrase with the wrong preposition: "in Hause" -> "zu Hause"; an event as the
    object of a verb for goods: "den Röstkurs ... abholen"; "sich anmachen" for "sich
    anmelden"; "Zieh ihn 4 Minuten" for "Lass ihn 4 Minuten ziehen"; a degree without its
    "so": "Direkt wie möglich" (``grammar_idioms``);
17. a verb that needs a reflexive or an object said with neither: "Du kannst auch per Mail
    anmelden" -> "Du kannst dich ...", "Wir freuen auf euch" -> "Wir freuen uns auf euch",
    "Bewerb!" -> "Bewirb dich!"; a reflexive with a participle and "sein": "wenn du dir
    interessiert bist" (flagged, not mended); "zu sich zu freuen" -> "sich zu freuen"
    (``grammar_reflexive``);
18. a comma between a statement's opening phrase and its verb: "Ab Samstag im Shop,
    rösten wir" -> "Ab Samstag im Shop rösten wir" (``grammar_comma``);
19. one subject pronoun twice in one clause: "Wir haben unsere Partnerkooperative zahlen
    wir"; a relative clause's verb before its subject pronoun: ", die unsere
    Partnerkooperative zahlen wir" (``grammar_clause``);
20. an article before a country that takes none: "mit der Kultur der Kolumbien"; a
    people's name as an adjective: "Der Kolumbianer Filterkaffee"; a place's name between
    an article and a noun: "alle Hamburg Büros" (``grammar_places``).

What they cannot see: a noun the word list lacks (names, most English words: silence),
most verbs and their objects (rule 5 reads only a masculine nominative after a pronoun,
a named subject or "es gibt"),
singular nouns after a number ("mit 2 Kurs": units such as "2 Glas" look the same), case
errors where some case fits ("der Bohnen sind" could be a genitive), and relative clauses
("alle, die").
"""

from __future__ import annotations

from assistant.models import Problem
from assistant.quality.context import problem
from assistant.quality.grammar_amounts import bisschen_plural, counted_singular, one_of_genus
from assistant.quality.grammar_articles import (
    adjective_endings,
    articles,
    bare_adjectives,
    contractions,
)
from assistant.quality.grammar_bare import bare_list_adjectives, uninflected_adjectives
from assistant.quality.grammar_capitals import capitalised_function_words
from assistant.quality.grammar_clause import doubled_subjects, relative_verb_second
from assistant.quality.grammar_comma import opening_commas
from assistant.quality.grammar_dates import (
    bare_clock_times,
    clock_prepositions,
    doubled_time_prepositions,
    feasts_and_spans,
    month_prepositions,
    same_day_spans,
    span_joins,
    undotted_span_days,
)
from assistant.quality.grammar_dative import (
    dative_articles,
    dative_bare_adjectives,
    dative_bare_nouns,
    dative_bare_persons,
    dative_plural,
)
from assistant.quality.grammar_fronted import fronted_nominatives
from assistant.quality.grammar_governed import governed_bare_adjectives, governed_pronouns
from assistant.quality.grammar_idioms import (
    degree_without_so,
    events_as_goods,
    fixed_phrases,
    pulled_not_steeped,
    turned_on,
)
from assistant.quality.grammar_infcalls import infinitive_call_goes_on, infinitive_opens_du_call
from assistant.quality.grammar_joined import joined_feminine_case
from assistant.quality.grammar_modal import zu_after_modal
from assistant.quality.grammar_object import (
    doubled_pronouns,
    hanging_prepositions,
    object_case,
    reflexive_person,
)
from assistant.quality.grammar_person import (
    ihr_call_with_du,
    imperative_sich,
    joined_calls,
    mixed_calls,
    person_after_wir,
    person_before_du,
    small_compound_heads,
    small_nominal_adjectives,
)
from assistant.quality.grammar_phrase import (
    Finding,
)
from assistant.quality.grammar_places import (
    articles_before_countries,
    people_as_adjectives,
    places_as_adjectives,
)
from assistant.quality.grammar_questions import question_verb_order
from assistant.quality.grammar_readers import mixed_readers
from assistant.quality.grammar_reflexive import missing_reflexive, zu_before_reflexive
from assistant.quality.grammar_relative import (
    relative_object_case,
    relative_pronouns,
    verbless_passives,
    verbless_relatives,
)
from assistant.quality.grammar_strong import strong_ihr_forms
from assistant.quality.grammar_subject import genitive_subjects, question_subject, subject_verb
from assistant.quality.grammar_verbs import (
    adverb_after_call,
    doubled_zu,
    imperative_after_adverb,
    infinitive_after_sein,
    joined_prefixes,
    participles_without_ge,
    split_infinitives,
    zu_joined_to_perfect,
    zu_outside,
)
from assistant.quality.grammar_words import (
    GrammarLexicon,
    tokens,
)

CODE = "grammar"
# the subject rule before the article rule: where the phrase is a subject, its one
# correction is known ("Der Kontor ist" -> "Das", where the article rule names "das or dem");
# rule 17d before the dative rules, which read "zu dich anzumelden" as "zu dir"
_RULES = (zu_before_reflexive, dative_plural, dative_articles, dative_bare_nouns,
          dative_bare_persons,
          dative_bare_adjectives, governed_bare_adjectives, governed_pronouns,
          joined_feminine_case,
          contractions, subject_verb, genitive_subjects, question_subject,
          question_verb_order, articles,
          adjective_endings,
          bare_adjectives, uninflected_adjectives, bare_list_adjectives, object_case,
          fronted_nominatives,
          reflexive_person,
          doubled_pronouns, hanging_prepositions, joined_prefixes, doubled_zu, zu_outside,
          adverb_after_call, imperative_after_adverb, infinitive_after_sein, split_infinitives,
          participles_without_ge, zu_joined_to_perfect, zu_after_modal, infinitive_call_goes_on,
          infinitive_opens_du_call,
          month_prepositions,
          clock_prepositions, bare_clock_times, feasts_and_spans, same_day_spans,
          undotted_span_days, span_joins,
          doubled_time_prepositions,
          person_before_du, person_after_wir, joined_calls, mixed_calls, ihr_call_with_du,
          mixed_readers, strong_ihr_forms, imperative_sich,
          small_compound_heads, small_nominal_adjectives, relative_pronouns,
          relative_object_case, verbless_relatives, verbless_passives, bisschen_plural,
          counted_singular, one_of_genus,
          capitalised_function_words, fixed_phrases, events_as_goods, turned_on, pulled_not_steeped,
          degree_without_so,
          missing_reflexive,
          opening_commas, doubled_subjects, relative_verb_second, articles_before_countries,
          people_as_adjectives, places_as_adjectives)


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


MAX_MENDS = 4  # corrections per post: each is checked by running every rule again


def mend_grammar(text: str, lex: GrammarLexicon) -> str:
    """``text`` with each finding that has exactly one correction (``Finding.fix``: "mit 8
    Plätze" -> "mit 8 Plätzen", "ein Barista" -> "einen Barista" after "wir suchen") made,
    when the phrase stands once in the text and every rule, run again, finds fewer
    phrases and no new one (two rules that read one phrase differently mend nothing).
    For a model's text only: a person's edit is never changed."""
    tried: set[str] = set()
    for _ in range(MAX_MENDS):
        found = grammar_findings(text, lex)
        finding = next((f for f in found if f.fix and f.phrase not in tried
                        and text.count(f.phrase) == 1), None)
        if finding is None or finding.fix is None:
            break
        tried.add(finding.phrase)
        trial = text.replace(finding.phrase, finding.fix, 1)
        before = {f.phrase for f in found}
        after = {f.phrase for f in grammar_findings(trial, lex)}
        if len(after) < len(before) and after <= before:
            text = trial
    return text
