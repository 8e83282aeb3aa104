"""Tidy corrects a German agreement error that has exactly one correction, and only then
(the phrases are from the embedded model's bench drafts, 2026-11-30)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.compose import grammar_lexicon, lexicon
from assistant.quality.grammar_de import grammar_findings, mend_grammar
from assistant.quality.grammar_words import GrammarLexicon
from assistant.quality.tidy import tidy_post
from tests.quality.conftest import context


@pytest.fixture(scope="module")
def lex() -> GrammarLexicon:
    german = lexicon(context(None))
    assert german is not None
    return grammar_lexicon(german)


@pytest.mark.parametrize(("text", "mended"), [
    ("Röstkurs am 12. Dezember mit maximal 8 Plätze. Anmeldung im Laden.",
     "Röstkurs am 12. Dezember mit maximal 8 Plätzen. Anmeldung im Laden."),
    ("Wir suchen für unser Café in Altona ein Barista, der gern früh aufsteht.",
     "Wir suchen für unser Café in Altona einen Barista, der gern früh aufsteht."),
    ("Neues Röstkurs gibt es im Dezember!", "Neuer Röstkurs gibt es im Dezember!"),
    ("Mit Noten von Marzipan, ab bis Ende Dezember", "Mit Noten von Marzipan, bis Ende Dezember"),
    # a ready Threads draft (bench 2026-12-03)
    ("Wie kann man Cold Brew in Hause herstellen?", "Wie kann man Cold Brew zu Hause herstellen?"),
    ("In Hause rösten? Klar.", "Zu Hause rösten? Klar."),
    # ready Instagram and Facebook drafts (bench 2026-12-05)
    ("Jetzt ein Kaffee für Hause!", "Jetzt ein Kaffee für zu Hause!"),
    # rule 17b: a call without its reflexive (a ready Facebook draft, bench 2026-12-05)
    ("Wir suchen ab Januar eine Barista. Bewerb!",
     "Wir suchen ab Januar eine Barista. Bewirb dich!"),
    ("Melde jetzt per Mail an!", "Melde dich jetzt per Mail an!"),
    # rule 9c: a singular verb after an opening "Wir" (a ready Facebook draft, 2026-12-05)
    ("Wir rate dir auch die Mischung.", "Wir raten dir auch die Mischung."),
    # rule 9d: a call joined to a verb in -en (a ready Threads draft, 2026-12-05)
    ("Bestell sie jetzt und genießen die Weihnachtszeit!",
     "Bestell sie jetzt und genieß die Weihnachtszeit!"),
    # and "Zieh ihn" for the brief's "ziehen lassen" (rule 16e)
    ("Zieh ihn 4 Minuten und dann langsam herunterdrücken.",
     "Lass ihn 4 Minuten ziehen und drück dann langsam herunter."),
    ("Frühe Weihnachten! Ab dem 27. Dezember sind wir wieder da.",
     "Frohe Weihnachten! Ab dem 27. Dezember sind wir wieder da."),
    # a ready Instagram greeting (bench, 2026-12-07)
    ("Frühes Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen.",
     "Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen."),
    # rule 7f: a separable verb's infinitive in two words (a ready Instagram draft, bench
    # 2026-12-06)
    ("Du kannst es jetzt bestellen oder vorbei kommen.",
     "Du kannst es jetzt bestellen oder vorbeikommen."),
    ("Am 27. Dezember kannst du wieder zurück kommen!",
     "Am 27. Dezember kannst du wieder zurückkommen!"),
    # rule 7g: "haben" with a verb's form for its participle (a ready Facebook draft, bench
    # 2026-12-06)
    ("Die Handmühle Hansen H2, die wir seit drei Monaten im Café testet haben.",
     "Die Handmühle Hansen H2, die wir seit drei Monaten im Café getestet haben."),
    ("Wir haben sie drei Monate im Café testet.", "Wir haben sie drei Monate im Café getestet."),
    # "per" is a means, not a place (a ready LinkedIn draft, bench 2026-12-06)
    ("Du kannst dich per Laden oder per Mail anmelden.",
     "Du kannst dich im Laden oder per Mail anmelden."),
    ("Das Kontor ist vor dem Weihnachten geschlossen.",
     "Das Kontor ist vor Weihnachten geschlossen."),
    ("Die Mischung für die Weihnachten ist da.", "Die Mischung für Weihnachten ist da."),
    ("Jetzt bestellen oder kommen vorbei im Kontor.",
     "Jetzt bestellen oder vorbeikommen im Kontor."),
    # an Instagram draft (CLI 2026-12-07): "für" takes the accusative, so of "der or den"
    # only "den" fits
    ("6 Plätze für die Latte-Art-Abend im Kontor.", "6 Plätze für den Latte-Art-Abend im Kontor."),
    ("Ohne die Röstkurs geht nichts.", "Ohne den Röstkurs geht nichts."),
    # a Facebook draft (bench 2026-12-07): rule 7j
    ("Ab Samstag im Shop. Kommen vorbei im Kontor oder bestell im Shop.",
     "Ab Samstag im Shop. Komm vorbei im Kontor oder bestell im Shop."),
    # a ready Facebook draft (bench 2026-12-03): rule 17
    ("Du kannst auch per Mail anmelden.", "Du kannst dich auch per Mail anmelden."),
    ("Wir freuen auf euren Besuch!", "Wir freuen uns auf euren Besuch!"),
    ("Melde dich für unser Röstkurs an.", "Melde dich für unseren Röstkurs an."),
    ("Perfekt für Ihr Kaffeetisch.", "Perfekt für Ihren Kaffeetisch."),
    ("Wenn du ein Kaffee brauchst, komm vorbei.", "Wenn du einen Kaffee brauchst, komm vorbei."),
    # a ready Facebook question (bench 2026-12-03): "noch" is no join without "weder"
    ("Wann kann ich noch ein Kaffee nehmen?", "Wann kann ich noch einen Kaffee nehmen?"),
    ("Feiere mit deine Freunde und mit Kollegen.", "Feiere mit deinen Freunden und mit Kollegen."),
    ("Mach dir dir einen schönen Sonntag!", "Mach dir einen schönen Sonntag!"),
    ("Möwenbohne Kaffeerösterei GmbH bietet ein Röstkurs am 12. Dezember.",
     "Möwenbohne Kaffeerösterei GmbH bietet einen Röstkurs am 12. Dezember."),
    ("Mit 8 Plätzen können du mit uns rösten.", "Mit 8 Plätzen kannst du mit uns rösten."),
    ("Wir bieten einen barista-Kurs am Samstag.", "Wir bieten einen Barista-Kurs am Samstag."),
    ("Maximal 8 Plätze am 18 Uhr.", "Maximal 8 Plätze um 18 Uhr."),
    # a ready Instagram draft (bench 2026-12-03)
    ("Der Röstkurs am 12. Dezember 18 Uhr findet statt.",
     "Der Röstkurs am 12. Dezember um 18 Uhr findet statt."),
    ("Cupping am Samstag 11:00 Uhr im Kontor.", "Cupping am Samstag um 11:00 Uhr im Kontor."),
    ("Das macht ihn zu perfekten Kaffee.", "Das macht ihn zu perfektem Kaffee."),
    # the brief's "Neuer Filterkaffee" taken over after an article (bench 2026-12-02)
    ("Was ist der Neuer Filterkaffee aus Kolumbien?", "Was ist der neue Filterkaffee aus "
     "Kolumbien?"),
    ("Probier den Neuer Filterkaffee aus Kolumbien.", "Probier den neuen Filterkaffee aus "
     "Kolumbien."),
    ("Marzipan und dunkler Schokolade sind nur bis Ende Dezember.",
     "Marzipan und dunkle Schokolade sind nur bis Ende Dezember."),
    # a Facebook question of the CLI (2026-12-02)
    ("Was gibt es neues zum Rösten?", "Was gibt es Neues zum Rösten?"),
    # a ready Facebook question (bench 2026-12-02): "was" with nothing but the phrase after
    ("Was ist der Weihnachtsmischung von Kolumbien und Guatemala?",
     "Was ist die Weihnachtsmischung von Kolumbien und Guatemala?"),
    # a ready Facebook draft of the CLI (2026-12-02)
    ("Der Kurs bietet dir die Möglichkeit, dein Team zu einladen.",
     "Der Kurs bietet dir die Möglichkeit, dein Team einzuladen."),
    ("Hast du Lust, es zu ausprobieren?", "Hast du Lust, es auszuprobieren?"),
    # an infinitive call with its adverb after it (a ready Instagram draft on the Compose
    # page, real embedded model, 2026-12-02)
    ("3 Plätze frei, anmelden jetzt!", "3 Plätze frei, jetzt anmelden!"),
    # a German X draft (bench, 2026-12-06)
    ("250 g für 11,90 €. Jetzt bestell!", "250 g für 11,90 €. Bestell jetzt!"),
    # a ready Instagram greeting (bench 2026-12-02)
    ("Das Kontor ist geschlossen von dem 24. bis 26. Dezember.",
     "Das Kontor ist geschlossen vom 24. bis 26. Dezember."),
    ("Noten: dunkler Schokolade und Marzipan.", "Noten: dunkle Schokolade und Marzipan."),
    ("Bestellen sofort.\nIm Kontor und im Shop.", "Sofort bestellen.\nIm Kontor und im Shop."),
    ("Wir haben nichts besonderes geplant.", "Wir haben nichts Besonderes geplant."),
    # a word that says how stays as it is (a ready Instagram draft, bench 2026-12-02)
    ("Cold Brew mit grob gemahlener Kaffee!", "Cold Brew mit grob gemahlenem Kaffee!"),
    ("Aufgießen mit frisch gemahlener Kaffee.", "Aufgießen mit frisch gemahlenem Kaffee."),
    ("Wir suchen dich, um das Team zu hinzuzufügen.", "Wir suchen dich, um das Team hinzuzufügen."),
    ("Das Kontor ist von 24. bis 26. Dezember geschlossen. Frohe Feiertage am Weihnachten!",
     "Das Kontor ist vom 24. bis 26. Dezember geschlossen. Frohe Feiertage an Weihnachten!"),
    # a ready Mastodon draft of the full bench run, 2026-12-07
    ("Von 24 bis 26. Dezember ist das Kontor geschlossen, ab dem 27. Dezember sind wir "
     "wieder für euch da.", "Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem 27. "
     "Dezember sind wir wieder für euch da."),
    ("Geschlossen vom 24 bis 26.12. und am 31.12.", "Geschlossen vom 24. bis 26.12. und am 31.12."),
    # a span joined by "zu" (a ready Instagram greeting with the runs forbidden, bench
    # 2026-12-08)
    ("Vom 24. zu 26. Dezember ist das Kontor geschlossen.",
     "Vom 24. bis 26. Dezember ist das Kontor geschlossen."),
    ("Geschlossen vom 24. zum 26.12.", "Geschlossen vom 24. bis zum 26.12."),
    # a subject's article or verb (rule 12): the subject has one form
    ("Der Kontor ist zwischen den Jahren zu.", "Das Kontor ist zwischen den Jahren zu."),
    ("Unsere Röstkurs ist voll.", "Unser Röstkurs ist voll."),
    ("Der Möwenbohne Kaffeerösterei GmbH hat vom 24. bis 26. Dezember geschlossen.",
     "Die Möwenbohne Kaffeerösterei GmbH hat vom 24. bis 26. Dezember geschlossen."),
    ("Diese Handmühle sind eine hochwertige Alternative.",
     "Diese Handmühle ist eine hochwertige Alternative."),
    ("Die Bohnen ist frisch geröstet.", "Die Bohnen sind frisch geröstet."),
    # the subject after "ist" in a question (rule 12b; a ready Facebook draft, 2026-12-02)
    ("Wie ist der Weihnachtsmischung in Kolumbien und Guatemala?",
     "Wie ist die Weihnachtsmischung in Kolumbien und Guatemala?"),
    ("Wo ist der Kontor?", "Wo ist das Kontor?"),
    ("Die Kaffeerösterei empfiehlt Cold Brew bei Hause.",
     "Die Kaffeerösterei empfiehlt Cold Brew zu Hause."),
    # a comma before the verb (rule 18; a ready X draft, bench 2026-12-04)
    ("Ab Samstag im Kontor und im Shop, rösten wir Filterkaffee aus Kolumbien!",
     "Ab Samstag im Kontor und im Shop rösten wir Filterkaffee aus Kolumbien!"),
    # the subject after another verb of a question (rule 12b; a ready Facebook question,
    # bench 2026-12-04)
    ("Was macht der Möwenbohne Kaffeerösterei GmbH auf Weihnachten?",
     "Was macht die Möwenbohne Kaffeerösterei GmbH auf Weihnachten?"),
    ("Wie schmeckt der Weihnachtsmischung aus Kolumbien?",
     "Wie schmeckt die Weihnachtsmischung aus Kolumbien?"),
    # an accusative preposition's bare adjective (rule 1e)
    ("Für frischer Kaffee ins Kontor.", "Für frischen Kaffee ins Kontor."),
    # a pronoun after a preposition of the other case (rule 1g, bench 2026-12-05)
    ("Die Handmühle ist jetzt auch für dir verfügbar.",
     "Die Handmühle ist jetzt auch für dich verfügbar."),
    # a measure before the adjective (rule 1d; a ready Threads draft, bench 2026-12-05)
    ("Mit 70 g grob gemahlener Kaffee auf 1 Liter kaltes Wasser erhältst du Cold Brew.",
     "Mit 70 g grob gemahlenem Kaffee auf 1 Liter kaltes Wasser erhältst du Cold Brew."),
    # a headline's part after a dash (rule 4; a ready Threads draft, bench 2026-12-04)
    ("Möwenbohne Kaffeekontor - Neues Tipp für Cold Brew zu Hause.",
     "Möwenbohne Kaffeekontor - Neuer Tipp für Cold Brew zu Hause."),
    # a clause's subject before its verb (rule 12; a ready Facebook draft, bench 2026-12-04)
    ("Möchtest du wissen, woher unsere Hafer-Cappuccino kommt?",
     "Möchtest du wissen, woher unser Hafer-Cappuccino kommt?"),
])
def test_an_error_with_one_correction_is_corrected(text: str, mended: str,
                                                   lex: GrammarLexicon) -> None:
    assert mend_grammar(text, lex) == mended
    assert grammar_findings(mended, lex) == []


@pytest.mark.parametrize("text", [
    "Der Kontor liegt zwischen den Häfen.",  # das or dem?
    "Wir lieben unsere Röstkurs.",  # unser or unseren?
    # the article may be what is wrong: "einen schönen", not "ein schöner"
    "Genieße dennoch ein schönes Rösterkurs im Kontor.",
    "Du kannst sich hier anmelden.",  # dich or dir?
    "Du kannst dich dir im Laden anmelden.",  # which of the two goes?
])
def test_an_error_with_two_corrections_is_left_to_the_check(text: str,
                                                            lex: GrammarLexicon) -> None:
    assert grammar_findings(text, lex)
    assert mend_grammar(text, lex) == text


def test_correct_german_is_never_changed(lex: GrammarLexicon) -> None:
    text = ("Wir suchen einen Barista für 20 Stunden die Woche. Mit acht Plätzen ist der "
            "Röstkurs klein; melde dich für unseren Kurs im Laden an.")
    assert mend_grammar(text, lex) == text


@pytest.mark.parametrize("text", [
    "Wir rösten jetzt!",  # a finite verb after its subject
    "Kommen jetzt alle?",  # a question goes on after the adverb
    "Jetzt anmelden!",
    "Was machen wir jetzt?",
    "Morgen jetzt!",  # "Morgen" is a noun, no call
    "Bohnen jetzt!",
])
def test_an_adverb_after_a_finite_verb_or_a_noun_is_no_finding(text: str,
                                                                lex: GrammarLexicon) -> None:
    assert grammar_findings(text, lex) == []


def test_a_phrase_that_stands_twice_is_left_alone(lex: GrammarLexicon) -> None:
    text = "Wir suchen ein Barista. Wirklich: Wir suchen ein Barista."
    assert mend_grammar(text, lex) == text


def test_tidy_corrects_a_german_post_but_not_an_english_one(coffee: BrandKit,
                                                              lex: GrammarLexicon) -> None:
    german = tidy_post("Wir suchen ein Barista in Altona.", coffee, "x", None,
                       language="de", lex=lex)
    assert german == "Wir suchen einen Barista in Altona."
    english = "We hire mit maximal 8 Plätze."
    assert tidy_post(english, coffee, "x", None, language="en", lex=lex) == english
