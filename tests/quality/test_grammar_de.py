"""The German grammar check: the model's agreement errors are found, correct German is not
flagged (a false warning keeps a good post from "ready")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.compose import grammar_lexicon, lexicon
from assistant.quality.grammar_de import grammar_findings, mend_grammar
from assistant.quality.grammar_words import GrammarLexicon, noun_bits
from assistant.quality.nounforms import genus_words
from tests.quality.conftest import KITS, codes, context


@pytest.fixture(scope="module")
def lex() -> GrammarLexicon:
    german = lexicon(context(None))
    assert german is not None
    return grammar_lexicon(german)


def _messages(text: str, lex: GrammarLexicon) -> list[str]:
    return [f.message for f in grammar_findings(text, lex)]


@pytest.mark.parametrize(("text", "message"), [
    ("Wir haben einen exklusiven Röstkurs am 12. Dezember, 18 Uhr, mit maximal 8 Plätze.",
     "'mit maximal 8 Plätze': after 'mit' the noun takes the dative plural: 'Plätzen'"),
    ("Neue Chance zum Röstkurs im Altona! Mit 8 Plätze und 18 Uhr ist es ein großes Angebot",
     "'Mit 8 Plätze': after 'mit' the noun takes the dative plural: 'Plätzen'"),
    ("Neue Filterkaffee aus Kolumbien 🍋 Noten von roter Johannisbeere.",
     "'Neue Filterkaffee': 'Filterkaffee' is masculine, so 'Neuer Filterkaffee'"),
    ("Neue Chance zur Röstkurs im Kontor!",
     "'zur Röstkurs': 'Röstkurs' is masculine, so 'zum'"),
    ("Frischer Milch für deinen Cappuccino.",
     "'Frischer Milch': 'Milch' is feminine, so 'Frische Milch'"),
    # a feminine noun in the singular after a number above one (a ready Instagram draft,
    # bench 2026-12-03)
    ("Wir suchen eine Barista, die sich um 20 Stunde pro Woche kümmert.",
     "'20 Stunde': after a number above one the noun takes its plural: '20 Stunden'"),
    # the present subjunctive in a question to the reader (a ready Instagram draft, bench
    # 2026-12-03)
    ("Habest du schon den neuen Röster gesehen?",
     "'Habest du': ask in the indicative 'Hast du'"),
    # a verb in -et before "du" (a ready Mastodon draft, bench 2026-12-03)
    ("Filtern und du bist fertig! Jetzt röstet du deinen Kaffee.",
     "'röstet du': the verb goes with 'du', so 'röstest du'"),
    # a singular verb after an opening "Wir" (a ready Facebook draft, bench 2026-12-05)
    ("Es ist nur bis Ende Dezember verfügbar. Wir rate dir auch die Mischung.",
     "'Wir rate': the verb goes with 'wir', so 'Wir raten'"),
    ("Wir röstet jeden Samstag.", "'Wir röstet': the verb goes with 'wir', so 'Wir rösten'"),
    ("Wir hat am 31. Dezember geöffnet.",
     "'Wir hat': the verb goes with 'wir', so 'Wir haben'"),
    # a call joined to a verb in -en (a ready Threads draft, bench 2026-12-05)
    ("Sie sind nur bis Ende Dezember verfügbar. Bestell sie jetzt und genießen die "
     "Weihnachtszeit!",
     "'und genießen': the call to 'du' goes on in the imperative: 'und genieß'"),
    ("Komm vorbei oder bestellen im Shop.",
     "'oder bestellen': the call to 'du' goes on in the imperative: 'oder bestell'"),
    # adverbs before the verb that closes the clause, and a separable verb (a ready
    # Mastodon draft, bench 2026-12-07, whose "Zieh ihn" rule 16e reads too)
    ("Rühr ihn einfach 4 Minuten und dann langsam herunterdrücken.",
     "'und dann langsam herunterdrücken': the call to 'du' goes on in the imperative: 'und "
     "drück dann langsam herunter'"),
    ("Bestell im Shop und dann abholen.",
     "'und dann abholen': the call to 'du' goes on in the imperative: 'und hol dann ab'"),
    # rule 20c: a place as if it were an adjective (a ready LinkedIn draft, bench 2026-12-06)
    ("Wir liefern Kaffee fürs Büro an alle Hamburg Büros.",
     "'alle Hamburg Büros': a place's name does not stand before a noun like this; write "
     "'Büros in Hamburg' or 'Hamburg-Büros'"),
    # rule 9e: calls to "ihr" and to "du" in one sentence (a ready Facebook draft, bench
    # 2026-12-06)
    ("Die Weihnachtsmischung ist zurück. Kommt vorbei im Kontor oder bestell im Shop.",
     "'Kommt … oder bestell': one call speaks to one reader; write 'Komm … bestell' or "
     "'Kommt … bestellt'"),
    # an article before a country that takes none (a ready Mastodon draft, 2026-12-05)
    ("Das ist ein Kaffee, der gut zu der Kultur der Kolumbien passt.",
     "'der Kolumbien': 'Kolumbien' takes no article; drop it or write 'von Kolumbien'"),
    ("Wir reisen ins Äthiopien.",
     "'ins Äthiopien': 'Äthiopien' takes no article; drop it or write 'von Äthiopien'"),
    # a people's name as an adjective (a ready Facebook draft, bench 2026-12-05)
    ("Der Kolumbianer Filterkaffee ist da.",
     "'Kolumbianer Filterkaffee': 'Kolumbianer' is a person; write 'kolumbianisch' with "
     "the ending the article asks for"),
    # a demonstrative as an article (a ready Facebook draft, bench 2026-12-03)
    ("Wir rösten dieses Filterkaffee ab Samstag im Kontor.",
     "'dieses Filterkaffee': 'Filterkaffee' is masculine and does not fit 'dieses'; use "
     "'dieser' or 'diesen'"),
    ("Probier jedes Mischung einmal.",
     "'jedes Mischung': 'Mischung' is feminine and does not fit 'jedes'; use 'jeder' or "
     "'jede'"),
    ("Drei Tasse am Tag reichen.",
     "'Drei Tasse': after a number above one the noun takes its plural: 'Drei Tassen'"),
    # "one of" in another genus than its noun (a LinkedIn draft, bench 2026-12-05)
    ("Wir sind eine der besten Röster der Stadt.",
     "'eine der besten Röster': 'one of' takes the genus of 'Röster' (masculine): 'einer "
     "der besten Röster'"),
    ("Das ist eine der schönsten Cafés in Hamburg.",
     "'eine der schönsten Cafés': 'one of' takes the genus of 'Cafés' (neuter): 'eines der "
     "schönsten Cafés'"),
    ("Einen der Tassen bitte.",
     "'Einen der Tassen': 'one of' takes the genus of 'Tassen' (feminine): 'Eine der "
     "Tassen'"),
    # a bare adjective whose ending fits no case of its noun (a ready Facebook draft,
    # bench 2026-12-05), after a preposition and in a list after "und"
    ("Neuer Filterkaffee aus Kolumbien, roten Johannisbeere und Kakao, ab Samstag.",
     "'roten Johannisbeere': 'Johannisbeere' is feminine and has no article here, so "
     "'rote' or 'roter'"),
    # after a comparison's "als" (a ready Mastodon draft, bench 2026-12-06)
    ("Wir zahlen mehr als andere Kaffeekonzern.",
     "'andere Kaffeekonzern': 'Kaffeekonzern' is masculine and has no article here, so "
     "'anderer' or 'anderen' or 'anderem'"),
    ("Ab nächsten Woche sind wir wieder da.",
     "'nächsten Woche': 'Woche' is feminine and has no article here, so 'nächste' or "
     "'nächster'"),
    ("Mit viel Liebe und guten Laune.",
     "'guten Laune': 'Laune' is feminine and has no article here, so 'gute' or 'guter'"),
    ("Wir rösten Bohnen und frisches Kaffee.",
     "'frisches Kaffee': 'Kaffee' is masculine and has no article here, so 'frischer' or "
     "'frischen' or 'frischem'"),
    # "ein bisschen" before a plural (a ready Facebook draft, bench 2026-12-02)
    ("Hier ist ein bisschen Überlegungen, wie es geht.",
     "'ein bisschen Überlegungen': 'ein bisschen' takes no plural; write 'ein paar "
     "Überlegungen' (as a subject, with its verb in the plural)"),
    # a word split in two, its first half a capitalised preposition (a ready Instagram
    # draft, bench 2026-12-03), and a headline's preposition in capitals after a small word
    ("Der Röstkurs ist ein großes An merkliche Event für Kaffeetrinker.",
     "'großes An': 'An' is written small inside a sentence ('an'); check the words around "
     "it"),
    ("Neue Öffnungszeiten gelten Ab 5. Januar.",
     "'gelten Ab': 'Ab' is written small inside a sentence ('ab'); check the words around "
     "it"),
    # the brief's opening pasted inside a sentence (a ready Mastodon draft, bench
    # 2026-12-07)
    ("Wir sind auf der Suche nach Zurück aus Huila in Kolumbien.",
     "'nach Zurück': 'Zurück' is written small inside a sentence ('zurück'); check the "
     "words around it"),
    # two prepositions of time (an Instagram draft, bench 2026-12-03)
    ("Die Weihnachtsmischung ist zurück, ab bis Ende Dezember.",
     "'ab bis': two prepositions of time; write 'bis' (or name the span's start)"),
    # a span that ends on the day it begins (a ready Instagram greeting, bench 2026-12-02)
    ("Ab dem 27 bis 27. Dezember sind wir wieder für euch da.",
     "'27 bis 27.': the span ends on the day it begins; name the one day or the span's last "
     "day"),
    # one person with no article (a ready Instagram draft, bench 2026-12-02)
    ("Röstkurs am 12. Dezember: Mit Kaffeefan und Kaffee für dein Team",
     "'Mit Kaffeefan': one person takes an article, or write the plural: 'Mit einem "
     "Kaffeefan'"),
    ("Komm mit Kundin vorbei.",
     "'mit Kundin': one person takes an article, or write the plural: 'mit einer Kundin'"),
    # a label's value after a colon, written small (an Instagram line, bench 2026-12-02)
    ("Noten: roter Johannisbeere und Kakao",
     "'roter Johannisbeere': 'Johannisbeere' is feminine, so 'rote Johannisbeere'"),
    ("Wir rösten eine Kaffee aus Kolumbien.",
     "'eine Kaffee': 'Kaffee' is masculine and does not fit 'eine'; use 'ein' or "
     "'einen'"),
    ("Probier die neue Filterkaffee.",
     "'die neue Filterkaffee': 'Filterkaffee' is masculine and does not fit 'die'; use 'der' "
     "or 'den'"),
    ("Komm vorbei beim Kaffeebar.",
     "'beim Kaffeebar': 'Kaffeebar' is feminine, so 'bei der'"),
    ("Der Kurs für bis zu acht Personen mit zwei Röstkurse im Monat.",
     "'mit zwei Röstkurse': after 'mit' the noun takes the dative plural: 'Röstkursen'"),
    ("Heute im Angebot: unser Bohne des Monats.",
     "'unser Bohne': 'Bohne' is feminine and does not fit 'unser'; use 'unsere'"),
    ("Wir freuen uns auf Ihr Bestellung.",
     "'Ihr Bestellung': 'Bestellung' is feminine and does not fit 'Ihr'; use 'Ihre'"),
    ("Wir freuen uns auf den Röstkurs mit 8 Teilnehmer.",
     "'mit 8 Teilnehmer': after 'mit' the noun takes the dative plural: 'Teilnehmern'"),
    ("Komm mit deine Freunde vorbei.",
     "'mit deine Freunde': after 'mit' the dative: 'deinen Freunden'"),
    ("Probier ihn mit die neue Hafermilch.",
     "'mit die neue Hafermilch': after 'mit' the dative: 'der neuen Hafermilch'"),
    ("Grüße von das Team!", "'von das Team': after 'von' the dative: 'dem Team'"),
    # the formal possessive after a preposition (CLI draft, 2026-12-01)
    ("Perfekt für Ihr Kaffeetisch.",
     "'für Ihr Kaffeetisch': after 'für' the accusative: 'Ihren Kaffeetisch'"),
    ("Kommen Sie mit Ihre Freunde vorbei.",
     "'mit Ihre Freunde': after 'mit' the dative: 'Ihren Freunden'"),
    ("Ein Tasse Kaffee geht immer.",
     "'Ein Tasse': 'Tasse' is feminine and does not fit 'Ein'; use 'eine'"),
    ("Wir sehen uns zum Verkostung am Samstag.",
     "'zum Verkostung': 'Verkostung' is feminine, so 'zur'"),
    ("Der neuen Kaffee ist da.",
     "'Der neuen Kaffee': after 'Der' the adjective 'neuen' takes 'neue'"),
    ("Probier ein neue Kaffee aus Kolumbien.",
     "'ein neue Kaffee': after 'ein' the adjective 'neue' takes 'neuer'"),
    ("Wir haben einen neuer Filterkaffee.",
     "'einen neuer Filterkaffee': after 'einen' the adjective 'neuer' takes 'neuen'"),
    # a brief's capitalised headline word copied into a sentence (bench, 2026-11-30)
    ("Was ist der Neuer Filterkaffee aus Kolumbien?",
     "'der Neuer Filterkaffee': after 'der' the adjective 'Neuer' takes 'neue'"),
    ("Komm mit Freunde und Familie vorbei.",
     "'mit Freunde': after 'mit' the noun takes the dative plural: 'Freunden'"),
    ("Danke für dem Besuch!", "'für dem Besuch': after 'für' the accusative: 'den Besuch'"),
    ("Alles für der neue Kurs.",
     "'für der neue Kurs': after 'für' the accusative: 'den neuen Kurs'"),
    ("Gleich um der Ecke.", "'um der Ecke': after 'um' the accusative: 'die Ecke'"),
    # the embedded model, 2026-11-30: a two-way preposition before a nominative
    ("Du kannst deine Plätze bestellen in der Laden oder per Mail.",
     "'in der Laden': after 'in' the dative or the accusative: 'dem Laden' or 'den Laden' "
     "or 'die Laden'"),
    ("Stell die Tasse auf ein Tisch.",
     "'auf ein Tisch': after 'auf' the dative or the accusative: 'einem Tisch' or "
     "'einen Tisch'"),
    # the embedded model, 2026-11-30: a masculine object in the nominative (rule 5)
    ("Hol dir was Warmes, wenn du ein Kaffee brauchst.",
     "'ein Kaffee' is the object of the verb here, so accusative: 'einen Kaffee'"),
    ("Wir haben ein neuer Filterkaffee aus Kolumbien.",
     "'ein neuer Filterkaffee' is the object of the verb here, so accusative: 'einen neuen "
     "Filterkaffee'"),
    ("Brauchst du heute kein Röstkurs?",
     "'kein Röstkurs' is the object of the verb here, so accusative: 'keinen Röstkurs'"),
    # an infinitive with "zu" has no subject (a Facebook draft, bench 2026-12-05)
    ("Ab Samstag hast du das Recht, ein Filterkaffee zu bestellen.",
     "'ein Filterkaffee' is the object of the verb here, so accusative: 'einen "
     "Filterkaffee'"),
    ("Es lohnt sich, ein neuer Kaffee auszuprobieren.",
     "'ein neuer Kaffee' is the object of the verb here, so accusative: 'einen neuen "
     "Kaffee'"),
    ("Um ein Kaffee zu kochen, brauchst du Wasser.",
     "'ein Kaffee' is the object of the verb here, so accusative: 'einen Kaffee'"),
    # the embedded model, 2026-11-30: an opening adjective without an ending (rule 4)
    ("Schön Weihnachten! Bis zum 26. Dezember ist das Kontor geschlossen.",
     "'Schön Weihnachten': an adjective before a noun takes an ending: 'Schönes "
     "Weihnachten' or 'Schöne Weihnachten'"),
    ("Frisch Bohnen aus Altona.",
     "'Frisch Bohnen': an adjective before a noun takes an ending: 'Frische Bohnen'"),
    # the embedded model, 2026-11-30: "sich" for the reader (rule 6)
    ("Es gibt maximal 8 Plätze und du kannst sich hier anmelden.",
     "'du kannst sich': 'sich' does not go with 'du'; write 'dich' or 'dir'"),
    ("Wir freuen sich auf euch!",
     "'Wir freuen sich': 'sich' does not go with 'wir'; write 'uns'"),
    # the embedded model, 2026-11-30 (bench_quality): after a greeting's comma "das" is an
    # article, no relative clause
    ("Hey, das Röstkurs für 12. Dezember ist so gut wie immer!",
     "'das Röstkurs': 'Röstkurs' is masculine and does not fit 'das'; use 'der' or 'den'"),
    # the embedded model, 2026-11-30 (bench_quality): a separable verb left joined (rule 7)
    ("Bevor der Kurs beginnt, sind wir im Laden. Bitte anmelde dich oder per Mail melden.",
     "'anmelde dich': in a main clause the prefix goes to the end: 'melde dich … an'"),
    ("Vorbeikommst du morgen?",
     "'Vorbeikommst du': in a main clause the prefix goes to the end: 'kommst du … vorbei'"),
    # the embedded model, 2026-11-30 (bench_quality): a month without its article (rule 8)
    ("Wir suchen an Januar eine Barista für unser Café in Altona!",
     "'an Januar': a month takes the article here: 'ab Januar', 'im Januar' or 'am 1. "
     "Januar'"),
    ("Das Kontor ist in Dezember geschlossen.",
     "'in Dezember': a month takes the article here: 'im Dezember'"),
    # two ready drafts of the embedded model, 2026-11-30 (bench_quality): two object
    # pronouns of one person side by side (rule 6)
    ("Es gibt maximal 8 Plätze. Du kannst dich dir anmelden im Laden oder per Mail.",
     "'dich dir': one of the two pronouns is too many; keep 'dich' or 'dir'"),
    ("Komm vorbei im Kontor – Mach dir dir einen schönen Sonntag!",
     "'dir dir': the pronoun stands twice; write 'dir' once"),
    # a preposition left without its object: 4 of 202 German bench drafts, 2 ready
    ("Das ist einfach und schnell. Schreibt uns über, wie gut es funktioniert!",
     "'uns über': 'über' has no object; say what it refers to or take 'über' out"),
    ("Danke für!", "'Danke für': 'für' has no object; say what it refers to or take 'für' out"),
    # bench drafts of the embedded model, 2026-12-01 (rules 5, 9, 10, 11): a named subject
    # before the verb, a ready Facebook draft
    ("Möwenbohne Kaffeerösterei GmbH bietet ein Röstkurs am 12. Dezember, 18 Uhr.",
     "'ein Röstkurs' is the object of the verb here, so accusative: 'einen Röstkurs'"),
    ("Ab Samstag gibt es ein neuer Filterkaffee im Kontor.",
     "'ein neuer Filterkaffee' is the object of the verb here, so accusative: "
     "'einen neuen Filterkaffee'"),
    ("Das Kontor sucht ein Barista für das Café.",
     "'ein Barista' is the object of the verb here, so accusative: 'einen Barista'"),
    # the clause goes on past a date's dot: cut at "12.", the subject before it was lost
    ("Wir bieten vom 24.–26. Dezember ein Röstkurs an.",
     "'ein Röstkurs' is the object of the verb here, so accusative: 'einen Röstkurs'"),
    ("Du kannst am 12. Dezember sich anmelden.",
     "'Du kannst am 12. Dezember sich': 'sich' does not go with 'du'; write 'dich' or 'dir'"),
    ("Mit 8 Plätzen können du mit uns zusammen rösten.",
     "'können du': the verb goes with 'du', so 'kannst du'"),
    ("Jetzt rösten du mit uns!", "'rösten du': the verb goes with 'du', so 'röstest du'"),
    ("Bewerbe sich jetzt!", "'Bewerbe sich': 'sich' does not go with an imperative; write "
                            "'Bewirb dich' (du) or 'Bewerben Sie sich' (Sie)"),
    ("Neuer Röstkurs! Der 12. Dezember steht zum Röstkurs am 18 Uhr.",
     "'am 18 Uhr': a clock time takes 'um': 'um 18 Uhr'"),
    ("Am 18:00 Uhr geht es los.", "'Am 18:00 Uhr': a clock time takes 'um': 'Um 18:00 Uhr'"),
    ("Lass den Kaffee ziehen, um ihn zu perfekten Kaffee zu machen.",
     "'zu perfekten Kaffee': after 'zu' an adjective before 'Kaffee' ends in -em: "
     "'zu perfektem Kaffee'"),
    # the form may be a plural too: both fixes, none made by tidy
    ("Mit kalten Wasser aufgießen.", "'Mit kalten Wasser': after 'mit' the dative: 'Mit "
                                     "kaltem Wasser' or 'Mit kalten Wassern'"),
    ("Komm, um mit anderen Kaffeetrinker zu reden.",
     "'mit anderen Kaffeetrinker': after 'mit' the dative: 'mit anderem Kaffeetrinker' or "
     "'mit anderen Kaffeetrinkern'"),
    ("Wir suchen Leute, um neue Mitarbeiter zu hinzuzufügen.",
     "'zu hinzuzufügen': 'hinzuzufügen' holds its 'zu' already; write 'hinzuzufügen'"),
    ("Was ist passiert mit dem Kontor am Weihnachten?",
     "'am Weihnachten': a feast takes no article: 'an Weihnachten'"),
    # a ready Facebook draft, bench 2026-12-05 (the closure is from the 24th)
    ("Frohe Weihnachten! Das Kontor ist vor dem Weihnachten geschlossen.",
     "'vor dem Weihnachten': a feast takes no article: 'vor Weihnachten'"),
    ("Unsere Mischung für die Weihnachten ist da.",
     "'für die Weihnachten': a feast takes no article: 'für Weihnachten'"),
    ("Die GmbH hat am 24. bis 26. Dezember geschlossen.",
     "'am 24. bis': a span of days opens with 'vom 24.'"),
    ("Das Kontor ist von 24. bis 26. Dezember geschlossen.",
     "'von 24. bis': a span of days opens with 'vom 24.'"),
    # the first day without its dot (a ready Mastodon draft, bench 2026-12-07, "Von 24")
    ("Das Kontor ist vom 24 bis 26. Dezember geschlossen.",
     "'24 bis 26.': a span's first day takes its dot too: '24. bis 26.'"),
    ("Wir bieten einen barista-Kurs am Samstag im Kontor.",
     "'barista-Kurs': a word joined with a hyphen to a noun is written large: "
     "'Barista-Kurs'"),
    # ready drafts of the bench dumps, 2026-11-30/12-01 (rule 12): a subject and its verb
    ("Der Möwenbohne Kaffeerösterei GmbH hat vom 24. bis 26. Dezember geschlossen.",
     "'Der Möwenbohne Kaffeerösterei GmbH hat': 'Möwenbohne Kaffeerösterei GmbH' is "
     "feminine and the subject of 'hat', so 'Die Möwenbohne Kaffeerösterei GmbH'"),
    ("Die Hafer-Cappuccino ist ein typischer Haferkaffee.",
     "'Die Hafer-Cappuccino ist': 'Hafer-Cappuccino' is masculine and the subject of 'ist', "
     "so 'Der Hafer-Cappuccino'"),
    ("Werbung: Die Handmühle Hansen H2, die wir im Café haben, sind jetzt bei uns im Shop.",
     "'Die Handmühle Hansen H2, die wir im Café haben, sind': 'Handmühle Hansen H2' is "
     "singular, so the verb is 'ist'"),
    ("Diese Handmühle sind eine hochwertige Alternative.",
     "'Diese Handmühle sind': 'Handmühle' is singular, so the verb is 'ist'"),
    ("Unsere Bohnen kommt aus Kolumbien.",
     "'Unsere Bohnen kommt': 'Bohnen' is plural, so the verb is 'kommen'"),
    # two adjectives joined by "und" (a ready draft of the bench, 2026-12-02)
    ("Das ist eine warme und köstliche Erlebnis.",
     "'eine warme und köstliche Erlebnis': 'Erlebnis' is neuter and does not fit 'eine'; "
     "use 'ein'"),
    # the brief's "von Marzipan und dunkler Schokolade" out of its "von" (bench 2026-12-02)
    ("Marzipan und dunkler Schokolade sind nur bis Ende Dezember.",
     "'dunkler Schokolade': joined by 'und' to a phrase that no preposition puts in the "
     "dative, the adjective ends in -e: 'dunkle Schokolade'"),
    ("Sie enthält Marzipan und dunkler Schokolade.",
     "'dunkler Schokolade': joined by 'und' to a phrase that no preposition puts in the "
     "dative, the adjective ends in -e: 'dunkle Schokolade'"),
    # a ready Instagram draft (bench 2026-12-02): rule 13
    ("Wir rösten mit Hafer-Cappuccino, das aus einer Hafermolkerei Elbhof hergestellt wird.",
     "'Hafer-Cappuccino, das': 'Hafer-Cappuccino' is masculine, so the relative pronoun is "
     "'der' or 'den' or 'dem' ('die' in the plural)"),
    # rule 5b: a masculine object put first (a ready LinkedIn draft, bench 2026-12-06)
    ("Der Link zum Cupping findest du in der Mail.",
     "'Der Link zum Cupping findest du': 'du' is the subject, so the phrase put first is "
     "the object: 'Den Link'"),
    ("Der neue Kurs kannst du im Laden buchen.",
     "'Der neue Kurs kannst du': 'du' is the subject, so the phrase put first is the "
     "object: 'Den …'"),
    # rule 13c: a relative clause with no verb (a ready Threads draft, bench 2026-12-06)
    ("Es ist ein super Kaffee, der perfekt für den Weihnachtsabend.",
     "'Kaffee, der perfekt für den Weihnachtsabend': the relative clause has no verb; add it "
     "(\"…, der perfekt für den Abend ist\") or make it a sentence of its own"),
    ("Ein Kurs, der mit frischen Bohnen!",
     "'Kurs, der mit frischen Bohnen': the relative clause has no verb; add it (\"…, der "
     "perfekt für den Abend ist\") or make it a sentence of its own"),
    # ... up to an infinitive with "zu" that ends the sentence (a LinkedIn job ad, bench
    # 2026-12-07, whose "Ihnen" tidy turned into "dir")
    ("Wir bieten eine flexible Arbeitsstunde, die dir die Möglichkeit, nach deinem Tempo zu "
     "arbeiten.",
     "'Arbeitsstunde, die dir die Möglichkeit': the relative clause has no verb; add it "
     "(\"…, der perfekt für den Abend ist\") or make it a sentence of its own"),
    # rule 13d: a passive relative clause with no auxiliary (a German Facebook draft,
    # bench 2026-12-06)
    ("Es ist eine Handmühle, die von Mahlwerk Hansen produziert.",
     "'die von Mahlwerk Hansen produziert': the passive clause has no auxiliary; add it "
     "(\"die von … hergestellt wird\") or write it active"),
    ("Das ist unser Kaffee, der von uns geröstet!",
     "'der von uns geröstet': the passive clause has no auxiliary; add it (\"die von … "
     "hergestellt wird\") or write it active"),
    # rule 12b: a genitive alone as the subject (an Instagram draft, bench 2026-12-06)
    ("Rösters sind immer gut, und du kannst Kaffee mitnehmen.",
     "'Rösters sind': 'Rösters' is a genitive, not the sentence's subject; write 'Röster "
     "sind'"),
    ("Kurses ist ausgebucht.",
     "'Kurses ist': 'Kurses' is a genitive, not the sentence's subject; write 'Kurs ist'"),
    # "Fan", a head shorter than the compound reader's others (a draft of the bench)
    ("Bist du ein Kaffeefan, die sich nach Hause sehnt?",
     "'Kaffeefan, die': 'Kaffeefan' is masculine, so the relative pronoun is 'der' or 'den' "
     "or 'dem'"),
    ("Das Kontor, der in Altona liegt, ist zu.",
     "'Kontor, der': 'Kontor' is neuter, so the relative pronoun is 'das' or 'dem'"),
    # a ready Facebook draft (bench 2026-12-03): rule 17
    ("Anmeldung im Laden. Du kannst auch per Mail anmelden.",
     "'Du kannst … anmelden': the verb needs its reflexive or an object here; write "
     "'Du kannst dich … anmelden'"),
    ("Kannst du im Laden für den Kurs anmelden?",
     "'Kannst du … anmelden': the verb needs its reflexive or an object here; write "
     "'Kannst du dich … anmelden'"),
    ("Sie können per Mail bewerben.",
     "'Sie können … bewerben': the verb needs its reflexive or an object here; write "
     "'Sie können sich … bewerben'"),
    ("Wir freuen auf euren Besuch!",
     "'Wir freuen auf': the verb needs its reflexive or an object here; write "
     "'Wir freuen uns auf'"),
    # rule 17c: a reflexive with "sein" (a ready LinkedIn job ad, bench 2026-12-06)
    ("Wir würden gern, wenn du dir interessiert bist, uns zu bewerben.",
     "'du dir interessiert bist' mixes the reflexive verb with 'sein'; write 'du "
     "interessiert bist' or use the verb"),
    ("Wenn Sie sich registriert sind, geht es los.",
     "'Sie sich registriert sind' mixes the reflexive verb with 'sein'; write 'Sie "
     "registriert sind' or use the verb"),
    ("Ob ihr euch angemeldet seid, sehen wir morgen.",
     "'ihr euch angemeldet seid' mixes the reflexive verb with 'sein'; write 'ihr "
     "angemeldet seid' or use the verb"),
    # a ready LinkedIn draft (bench 2026-12-03)
    ("Es gibt maximal 8 Plätze, die an der Möwenbohne Kaffeerösterei GmbH anmelden können.",
     "'die … anmelden können': the verb needs its reflexive or an object here; write "
     "'die sich …'"),
    # a genitive without its -es ("Haus" is also the genitive of the rare "der Hau")
    ("Wir rösten im Herzen des alten Kontorhaus in Altona.",
     "'des alten Kontorhaus': 'Kontorhaus' is neuter and does not fit 'des'; check the "
     "article"),
    # a comma between the opening phrase and the verb (a ready X draft, bench 2026-12-04)
    ("Ab Samstag im Kontor und im Shop, rösten wir Kolumbien-Kaffee.",
     "'Shop, rösten wir': no comma between the opening phrase and its verb: 'Shop rösten "
     "wir'"),
    ("Am 12. Dezember, kannst du bei uns rösten lernen.",
     "'Dezember, kannst du': no comma between the opening phrase and its verb: 'Dezember "
     "kannst du'"),
    # "der" as the object of a verb that takes only an accusative (a ready draft,
    # bench 2026-12-04)
    ("Dieser Kaffee ist so gut wie der beste, der wir getestet haben.",
     "'der wir getestet': 'wir' is the clause's subject, so the relative pronoun is the "
     "object of 'getestet': 'den' or 'die' or 'das'"),
    ("Die Handmühle, der ich gern verwende, ist da.",
     "'der ich gern verwende': 'ich' is the clause's subject, so the relative pronoun is "
     "the object of 'verwende': 'die'"),
    # a ready Instagram draft (bench 2026-12-06)
    ("Komm zum Röstkurs, der du nicht verpasst!",
     "'der du nicht verpasst': 'du' is the clause's subject, so the relative pronoun is "
     "the object of 'verpasst': 'den'"),
    # "niemand", "man" or "jeder" as the subject (an Instagram draft, bench 2026-12-06)
    ("Der Kaffee ist ein Wert, der niemand verlieren kann.",
     "'der niemand verlieren': 'niemand' is the clause's subject, so the relative pronoun "
     "is the object of 'verlieren': 'den'"),
    ("Das ist der Kurs, der jeder kennt.",
     "'der jeder kennt': 'jeder' is the clause's subject, so the relative pronoun is the "
     "object of 'kennt': 'den'"),
    # a bare adjective after an accusative or two-way preposition (a ready Facebook
    # question, bench 2026-12-04)
    ("Wartest du auf neuer Kaffeefilter aus Kolumbien?",
     "'auf neuer Kaffeefilter': after 'auf' an adjective before 'Kaffeefilter' ends in -em "
     "or -en or -es or -e"),
    ("Ein Abend für guter Kaffee.",
     "'für guter Kaffee': after 'für' an adjective before 'Kaffee' ends in -en: 'für guten "
     "Kaffee'"),
    # a measure between the preposition and the adjective (a ready Threads draft, bench
    # 2026-12-05): the measured noun takes the preposition's case too
    ("Mit 70 g grob gemahlener Kaffee auf 1 Liter kaltem Wasser erhältst du Cold Brew.",
     "'Mit 70 g grob gemahlener Kaffee': after 'mit' an adjective before 'Kaffee' ends in "
     "-em: 'Mit 70 g grob gemahlenem Kaffee'"),
    ("Wir starten mit drei Tassen heißer Kaffee.",
     "'mit drei Tassen heißer Kaffee': after 'mit' an adjective before 'Kaffee' ends in "
     "-em: 'mit drei Tassen heißem Kaffee'"),
    ("Für 250 g frischer Kaffee zahlst du 11,90 €.",
     "'Für 250 g frischer Kaffee': after 'für' an adjective before 'Kaffee' ends in -en: "
     "'Für 250 g frischen Kaffee'"),
    # a pronoun in the case the preposition does not set (rule 1g; a ready Facebook draft,
    # bench 2026-12-05)
    ("Die Handmühle ist jetzt auch für dir verfügbar.",
     "'für dir': 'für' takes the accusative: 'für dich'"),
    ("Wir freuen uns mit dich.", "'mit dich': 'mit' takes the dative: 'mit dir'"),
    ("Ohne dir geht es nicht.", "'Ohne dir': 'ohne' takes the accusative: 'Ohne dich'"),
    # a noun before a name heads it (a ready Instagram draft, bench 2026-12-04)
    ("Unser Hafer-Cappuccino, der mit dem Hafermolkerei Elbhof zusammen steht.",
     "'dem Hafermolkerei Elbhof': 'Hafermolkerei Elbhof' is feminine and does not fit "
     "'dem'; use 'der'"),
    # "das Grad" is an old unit's genus (a ready Mastodon draft, bench 2026-12-04)
    ("Hier ist das Mahlgrad für die French Press.",
     "'das Mahlgrad': 'Mahlgrad' is masculine and does not fit 'das'; use 'der' or 'den'"),
    # an adverb before the adjective, and "nach" after the noun it belongs to (a ready
    # LinkedIn draft, bench 2026-12-04)
    ("Wir wollen ein qualitativ hochwertiges Rösterei sein.",
     "'ein qualitativ hochwertiges Rösterei': 'Rösterei' is feminine and does not fit "
     "'ein'; use 'eine'"),
    ("Ein Team auf der Suche nach guten Kaffee.",
     "'nach guten Kaffee': after 'nach' an adjective before 'Kaffee' ends in -em: 'nach "
     "gutem Kaffee'"),
    # a clause's subject and its verb last (a ready Facebook draft, bench 2026-12-04)
    ("Möchtest du wissen, woher unsere Hafer-Cappuccino kommt?",
     "'unsere Hafer-Cappuccino kommt': 'Hafer-Cappuccino' is masculine and the subject of "
     "'kommt', so 'unser Hafer-Cappuccino'"),
    ("Wir zeigen dir, wie die Bohnen schmeckt.",
     "'die Bohnen schmeckt': 'Bohnen' is plural, so the verb is 'schmecken'"),
    # two sentences run into one (a ready LinkedIn draft, bench 2026-12-04)
    ("Wir haben unsere Partnerkooperative zahlen wir 30 Prozent über dem Mindestpreis.",
     "'Wir haben unsere Partnerkooperative zahlen wir': 'wir' is the subject twice in one "
     "clause; end the first sentence before the second 'wir' or cut one"),
    ("Zurück aus Huila, die unsere Partnerkooperative zahlen wir 30 Prozent mehr.",
     "'die unsere Partnerkooperative zahlen wir': a relative clause puts its verb last ('wir "
     "… zahlen'); or make it a sentence of its own"),
    ("Morgen kommst du ins Kontor probierst du den neuen Kaffee.",
     "'du ins Kontor probierst du': 'du' is the subject twice in one clause; end the first "
     "sentence before the second 'du' or cut one"),
])
def test_the_models_agreement_errors_are_found(text: str, message: str,
                                               lex: GrammarLexicon) -> None:
    assert _messages(text, lex) == [message]


CORRECT = [
    # a capitalised adjective with a fitting ending, a place's adjective, a name
    "Der Neue Filterkaffee ist da.", "Wir lieben den Hamburger Kaffee.",
    "Das Kleine Café hat auf.", "Neuer Filterkaffee aus Kolumbien!",
    # a label's value after a colon in a fitting case, and "voller" (full of)
    "Fazit: guter Kaffee.", "Wann: nächsten Samstag.", "Aroma: voller Frucht.",
    # persons in the plural, with an article, or in a set phrase
    "Komm mit Freunden vorbei.", "Wir rösten mit Kunden.", "Ein Kurs für Anfänger.",
    "Tipps von Fan zu Fan.", "Wir feiern mit einem Kaffeefan.", "Komm mit Stefan vorbei.",
    # "ab und zu" is "now and then" (the product's German brief)
    "Ab und zu einen Tweet absetzen.",
    "Geöffnet von 10 bis 18 Uhr.", "Vom 24. bis 26. Dezember geschlossen.",
    # the pronoun may refer to the noun before the phrase (a bench draft, 2026-12-02)
    "Hier ist eine kleine Rösterei in Kolumbien, die uns beliefert.",
    "Ein bisschen Milch dazu.", "Ein bisschen Spaß muss sein.", "Ein paar Bohnen.",
    # "one of" in its noun's genus, or in a case where the form fits ("einer": feminine
    # genitive or dative, "eines": masculine genitive), or before a dative singular
    "Das ist einer der besten Röster.", "Eine der Bohnen ist schwarz.",
    "Mit einer der besten Mühlen.", "Das ist eines der schönsten Cafés.",
    "Wir rösten einen der besten Kaffees.", "Dank eines der Kurse.",
    "Sie ist eine der Gründerinnen.", "Eine der Firma gehörende Maschine.",
    # rule 15 leaves names and title case, what follows a colon, a dash or a quote, and the
    # forms of address a brand writes with a capital
    "Gruppen von bis zu 20 Personen, an bis zu drei Tagen.",
    "Komm gut nach Hause, von zu Hause aus, im Hause Möwenbohne, in Häusern.",
    "Wir treffen uns im Café Am Markt.", "Jetzt Neu Im Shop!", "Das Motto: Mit Liebe.",
    "Frisch geröstet – Und gleich probiert.", "Wir fragen dich: Was trinkst Du gern?",
    "Wir freuen uns auf Dich und Euch.", "Sie sagt „Ab morgen“ und lacht.",
    # two persons' pronouns side by side, or apart: rule 6 leaves them
    "Ich stelle mich dir vor.",
    "Das Angebot bietet sich dir an.",
    "Wir stellen uns euch im Kontor vor.",
    "Wir freuen uns, uns bald zu sehen.",
    # a noun before a name in a fitting case; a short word that is another language's
    "Mit der Hafermolkerei Elbhof.", "Die Bäckerei Müller hat auf.", "Im Café Elbhof.",
    "Ich nehme einen Flat White.",
    # a bare adjective after a preposition in an ending its case takes
    "Wir freuen uns auf neuen Kaffee.", "Auf frischer Milch.", "Ohne großes Aufheben.",
    "Auf gutes Gelingen!", "Für neue Bohnen.", "In letzter Zeit, in guter Gesellschaft.",
    "Auf jeden Fall, vor allem, unter anderem.", "Für weitere Infos.",
    # a headline's part after a dash whose adjective fits, or a plural
    "Hamburg – Große Freude im Kontor.", "Kaffee - Neue Sorten.",
    "Bei 20 Grad ziehen lassen.", "Der Mahlgrad ist grob.", "Ein hoher Grad an Frische.",
    # an adverb before a fitting adjective; "nach" closing a phrase before its noun
    "Eine qualitativ hochwertige Rösterei.", "Ein richtig guter Kaffee, ein extrem feines "
    "Aroma.", "Mit viel frischer Milch.", "Wir vergeben die Plätze der Reihe nach.",
    # a clause's subject with its verb last, or a phrase that is not the clause's subject
    "Du weißt, woher unser Kaffee kommt.", "Wir zeigen dir, wie die Bohnen schmecken.",
    "Frag uns, ob die Handmühle noch da ist.", "Wir wissen, was die Bohnen kostet.",
    "Du siehst, dass die Bohnen der Röster hat.", "Wenn die Bohnen frisch sind, schmeckt's.",
    # "der" in the dative: a verb that takes one, or a noun in the clause (rule 13b)
    "Die Kooperative, der wir geholfen haben.", "Die Röstmeisterin, der wir danken.",
    "Die Oma, der wir den Kaffee geröstet haben.", "Die Kundin, der wir schreiben.",
    "Der Kaffee, den wir getestet haben.", "Der Kaffee, der uns schmeckt.",
    # a dative after a question's verb, with the subject after it or a noun for it
    "Wie schmeckt der Kundin der Kaffee?", "Was macht der Kundin Freude?",
    "Wann hat die Rösterei im Dezember geöffnet?",
    # a relative clause with its pronoun first, or a demonstrative that opens a main clause
    "Die Bohnen, die du magst, und die wir rösten.", "Wir rösten selbst, das machen wir gern.",
    "Der Kurs, den wir seit Jahren anbieten, ist voll.", "Die Mühle, die steht, wir mögen sie.",
    # one pronoun twice: in two clauses, or as a predicate (rule 19 leaves them)
    "Wir rösten und wir liefern.", "Wir rösten, wir liefern.", "Wir wissen, was wir tun.",
    "Wir rösten so frisch wie wir können.", "Du bist du. Ich bin ich und bleibe ich.",
    "Ich röste – ich liefere.", "Wir sagen „wir“ und meinen euch.",
    "Wir freuen uns, dass wir euch sehen.", "Wir rösten den Kaffee, den wir lieben.",
    # a verb's particle that is a preposition too
    "Komm mit! Wir stellen es vor, die Milch kocht über.",
    "Schreibt uns über die Website, ab Montag im Café für 3,80 €.",
    # rule 5 leaves predicates, joined subjects, comparisons and other clauses alone
    "Du bist ein echter Kaffeemensch.",
    "Du und ein Kaffee: das passt.",
    "Wir als ein kleiner Laden lieben unsere Stammgäste.",
    "Wenn du magst, wartet ein Kaffee auf dich.",
    "Ich hoffe, ein Kaffee hilft.",
    "Wir rösten, und ein Kaffee wartet schon.",
    "Du trinkst ein Glas Wasser und einen Espresso.",
    "Wir haben einen neuen Filterkaffee und ein neues Buch.",
    "Was du brauchst? Ein Kaffee!",
    "Wir wissen: ein Kaffee macht den Morgen.",
    "Ich werde ein besserer Barista.",
    "Die Kurse sind beliebt, die Plätze schnell weg.",
    # rule 12 leaves an object put first, a dative, a plural predicate after "sind"
    "Die Handmühle haben wir drei Monate getestet.",
    "Die Bohnen hat der Röster heute früh geröstet.",
    "Die Weihnachtsmischung gibt es nur bis Ende Dezember.",
    "Der Kundin ist das egal, dem Konto ist nichts zugeordnet.",
    "Der letzten Bestellung kann eine Karte beiliegen.",
    "Das Problem sind die Kosten.",
    "Seine Ausgabe sind entweder die Namen oder die Nummern.",
    "Die Kinder der Rösterei sind heute im Café.",
    "Die neue Handmühle kostet 89 €, die Bohnen sind frisch.",
    "Wir rösten mit dem Team jeden Freitag.",
    "Komm mit 2 Freunden und spar 10 %.",
    "Ab Samstag gibt es den neuen Filterkaffee im Kontor.",
    "Kaffee zum Mitnehmen gibt es ab 7 Uhr.",
    "Beim Rösten riecht das ganze Viertel nach Karamell.",
    "Hanne und Okan freuen sich auf euch.",
    "Lieber Mark, danke für deine Nachricht!",
    "Unser Flat White mit Hafermilch ist zurück.",
    "Einen Cold Brew für unterwegs? #ColdBrew #Hamburg",
    "Eine Packung mit 250 g reicht für etwa 30 Tassen.",
    "Ab 12 € im Shop, versandkostenfrei ab 2 Packungen.",
    "Der Röstkurs findet am 12. Dezember von 18 bis 21 Uhr statt.",
    "Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet.", "Ab 5 bis 10 Personen.",
    "Für alle, die Kaffee lieben: der Adventskalender ist da.",
    "Für bis zu 8 Plätze gilt: wer zuerst kommt, röstet zuerst.",
    "Seit 2019 Teil der Hamburger Kaffeeszene.",
    "Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor.",
    "Neue Chance zum Röstkurs im Dezember!",
    "Frische Milch, frischer Kaffee, frisches Gebäck.",
    "Liebe Kaffeefreunde, schöne Feiertage!",
    "Frohe Weihnachten und ein gutes neues Jahr!",
    "Herzlichen Dank für ein tolles Jahr mit euch.",
    "Das Beste zum Schluss: der Espresso des Monats.",
    "Wir suchen eine:n Röster:in (m/w/d) in Vollzeit.",
    "Das Team der Rösterei lädt ein – so verkosten Profis.",
    "Ein bisschen Milch, ein paar Bohnen und viel Geduld.",
    "Wir sehen uns zur Happy Hour im Laden.",
    "Mit 8 Plätzen ist der Kurs klein und persönlich.",
    "Nach 3 Minuten ist der Kaffee fertig, bei 93 Grad.",
    "Die Bohnen kommen aus 3 Ländern, der Kaffee aus Hamburg.",
    "Das Doppelte an Geschmack, die Hälfte an Bitterkeit.",
    "Im Herbst trinken wir am liebsten Filterkaffee.",
    "Der See liegt vor der Tür, die See ist weit weg.",
    "Ihr Kaffee wartet auf Sie, liebe Kundin.",
    "Danke für Ihr Vertrauen und für Ihren Besuch.",
    "Wir trinken mit ihr Kaffee.",
    "Habt ihr Milch oder Hafermilch zu Hause?",
    "Mit 3 Liter Wasser kommst du durch den Tag.",
    "Dein Kaffee-Abo: jede Woche frische Bohnen.",
    "Zum Beispiel mit einem Stück Kuchen vom Bäcker nebenan.",
    "Guten Morgen, Hamburg! Heute rösten wir den Kenia.",
    "Unsere Baristas zeigen dir, wie man den perfekten Espresso zieht.",
    "Jeder Kurs endet mit einer Verkostung.",
    "Komm in den Laden! Wir sehen uns im Laden.",
    "Die Bohnen liegen auf der Theke, die Tasse kommt auf den Tisch.",
    "Über die Hälfte der Plätze ist weg.",
    "Vor dem Kurs gibt es Kaffee. Neben der Mühle steht die Waage.",
    "Wir gehen in das Kontor, unter den Gästen ist ein Barista.",
    "Zwischen den Jahren haben wir geöffnet. Auf die Plätze, fertig, los!",
    "In der Woche rösten wir täglich, an der Bar sitzt der Röster.",
    "Hinter dem Tresen steht Hanne, über den Dächern scheint die Sonne.",
    # an adjective without an ending is right before no noun, and for these words
    "Viel Spaß beim Rösten! Ganz Hamburg trinkt Kaffee. Mehr Plätze gibt es nicht.",
    "Neu: Filterkaffee aus Kolumbien. Frisch gerösteter Kaffee. Typisch Hamburg! Typisch Altona.",
    "Schön, dass du da bist. Gut gemacht, Team!",
    # rule 6 leaves "sich" of another subject alone
    "Du siehst, wie sich die Bohnen verändern.",
    "Du siehst wie sich die Bohnen verändern.",
    "Wir zeigen dir, dass sich das Warten lohnt.",
    "Du und Hanne treffen sich im Kontor.",
    "Hier kannst du dich anmelden, wir freuen uns.",
    "Melden Sie sich jetzt an.",
    "Wir lassen die Bohnen sich setzen.",
    "Ich weiß, es lohnt sich.",
    # the subjunctive II and indicative forms in -est before "du"
    "Hättest du Lust? Würdest du kommen? Könntest du helfen? Wärest du dabei?",
    "Möchtest du mehr? Findest du das gut? Wartest du auf uns? Arbeitest du gern?",
    "So weit du willst und wie oft du magst.",
    # demonstratives and "jeder" before their nouns, and standing alone
    "Diese Woche rösten wir jeden Samstag, jedes Jahr an diesem Tag mit dieser Mischung.",
    "Dieser Kaffee schmeckt, diese Bohnen auch. Wir lieben diese, die früh kommen.",
    "Mit jedem Schluck schmeckst du diese Noten. Jedes Mal freuen wir uns.",
    "In diesem Café und jener Rösterei, dieser Tage und jeden Morgen.",
    "Diesen Röstkurs solltest du nicht verpassen. Jede Tasse zählt, jeder Tag auch.",
    # what may follow an opening "Wir" that is no verb, and "wir" after its verb
    "Wir alle lieben Kaffee. Wir beide rösten. Wir selbst trinken ihn schwarz.",
    "Wir Hamburger mögen es herb. Wir, die Röster, freuen uns. Heute rösten wir.",
    "Wir rösten, wir mahlen, wir testen. Wir bieten Kurse an, wir haben geöffnet.",
    # a call joined to another call, to a noun phrase, or to a clause with its own subject
    "Mahl die Bohnen grob und lass sie ziehen. Nimm den großen und kleinen Becher.",
    "Komm vorbei und rösten wir zusammen! Komm vorbei, wenn die Bohnen duften und ruhen.",
    "Beide Felder werden verwendet und dienen der Suche. Weitere Zeilen folgen und enden.",
    "Bestellen Sie jetzt und genießen Sie den Advent. Probier und genieße!",
    # a country with its article by right, and "Hamburg" read as no "Burg"
    "Der Kolumbien Huila ist fruchtig. Das Kolumbien der 90er Jahre war anders.",
    "Das Kolumbien, das wir kennen, ist grün. Die Kolumbien-Bohne ist da.",
    "Das grüne Kolumbien und das Hamburg von heute. Frisch aus Kolumbien und Guatemala.",
    "Heute rösten wir den Kenia. Der Kolumbien ist fruchtig, ein Schluck vom Äthiopien.",
    # a people's name before a name (an apposition), alone, and a city's adjective
    "Der Kolumbianer Juan Valdez trinkt Kaffee. Die Kolumbianer lieben ihn. Hamburger Kaffee.",
]


def test_correct_german_gives_no_warning(lex: GrammarLexicon) -> None:
    flagged = {text: _messages(text, lex) for text in CORRECT}
    assert {text: found for text, found in flagged.items() if found} == {}


def _german_kit_texts() -> list[Path]:
    kit = KITS / "kaffeekontor-hamburg"
    return sorted([*(kit / "examples").glob("*.md"), *(kit / "docs").glob("*.md")])


@pytest.mark.parametrize("path", _german_kit_texts(), ids=lambda p: p.name)
def test_the_german_kits_examples_and_guide_give_no_warning(path: Path,
                                                            lex: GrammarLexicon) -> None:
    assert _messages(path.read_text(encoding="utf-8"), lex) == []


@pytest.mark.parametrize(("word", "genus"), [
    ("Filterkaffee", "masculine"), ("Röstkurs", "masculine"), ("Kaffeebar", "feminine"),
    ("Team", "neuter"), ("Röstbohnen", "plural"), ("Kaffee", "masculine"),
    # an English gerund is neuter, not a compound of "Cup" and "Ping" (der Ping)
    ("Cupping", "neuter"), ("Frühling", "masculine"),
])
def test_compounds_resolve_to_their_head_noun(word: str, genus: str,
                                              lex: GrammarLexicon) -> None:
    assert genus_words(noun_bits(word, lex)) == genus


def test_one_error_is_reported_once(lex: GrammarLexicon) -> None:
    assert _messages("Komm mit der neuen Kaffee vorbei.", lex) == [
        "'mit der neuen Kaffee': after 'mit' the dative: 'dem neuen Kaffee'"]


def test_an_english_gerund_is_neuter(lex: GrammarLexicon) -> None:
    """"Das Cupping" had a false warning ("masculine", read as Cup|ping); "der Cupping", a
    drafted error, had none."""
    assert _messages("Das Cupping beginnt um 11 Uhr. Komm zum Cupping!", lex) == []
    assert _messages("Der Cupping beginnt um 11 Uhr.", lex) == [
        "'Der Cupping': 'Cupping' is neuter and does not fit 'Der'; use 'das' or 'des' or "
        "'dem'"]


@pytest.mark.parametrize(("text", "message"), [
    # two ready drafts of the embedded model (bench, 2026-11-30); Wiktionary's neuter
    # "das Kaffee" is Austrian for the coffee house
    ("Es ist ein gutes Kaffee, den du nicht vergessen kannst.",
     "'ein gutes Kaffee': after 'ein' the adjective 'gutes' takes 'guter'"),
    ("Danach kann das Kaffee perfekt sein.",
     "'das Kaffee': 'Kaffee' is masculine and does not fit 'das'; use 'der' or 'den'"),
])
def test_coffee_is_masculine(text: str, message: str, lex: GrammarLexicon) -> None:
    assert _messages(text, lex) == [message]
    assert _messages("Ein guter Kaffee, das Café und die Kaffees.", lex) == []


def test_unknown_words_are_never_judged(lex: GrammarLexicon) -> None:
    assert noun_bits("Xyzqwv", lex) == 0
    assert _messages("Wir haben eine Xyzqwv und mit 8 Blorps.", lex) == []


def test_the_check_runs_in_quality_problems_for_german_only(coffee: BrandKit) -> None:
    text = "Neue Filterkaffee aus Kolumbien, mit maximal 8 Plätze."
    german = quality_problems(text, [], context(coffee))
    assert codes(german).count("grammar") == 2
    assert all(p.source == "quality" and not p.is_error for p in german if p.code == "grammar")
    assert "grammar" not in codes(quality_problems(text, [], context(coffee, language="en")))


MORE_CORRECT = [
    # a pronoun in the preposition's case; "um mir ... zu" is an infinitive's object
    "Um mir einen Kaffee zu holen, gehe ich ins Kontor.", "Kommst du zu mir? Bis zu dir.",
    "Wir freuen uns auf dich und mit dir.", "Nimm mich mit, dich auch.",
    # a measure and its noun in the preposition's case, or a measure alone
    "Mit 70 g grob gemahlenem Kaffee auf 1 Liter kaltes Wasser.",
    "Für 250 g frischen Kaffee zahlst du 11,90 €.", "Mit 3 Liter frischer Milch.",
    "Mit 70 g Kaffee und mit 12. Dezember frischer Ware.",
    # a capitalised adjective with a fitting ending, a place's adjective, a name
    "Der Neue Filterkaffee ist da.", "Wir lieben den Hamburger Kaffee.",
    "Das Kleine Café hat auf.", "Neuer Filterkaffee aus Kolumbien!",
    "Frohe Ostern und frohe Weihnachten! Frohe Pfingsten!",
    "Wir suchen eine Barista mit Herz.",
    "Der Laden, in dem Kundinnen und Kunden sich wohlfühlen.",
    "Der Kurs, den Sie gebucht haben, findet statt.",
    "Sichere Dir einen Platz im Kurs.",
    "Vielen Dank, liebe Gäste!",
    "Letzten Samstag waren wir auf dem Markt.",
    "Allen Gästen ein schönes Wochenende.",
    "Besten Dank für Ihre Bestellung.",
    "Im Allgemeinen gilt: zum Glück gibt es Kaffee.",
    "Mit über 20 Jahren Erfahrung und mit 3 Leuten im Team.",
    "Noch 3 Plätze frei, Anmeldung mit 20 % Rabatt bis Freitag.",
    "Zur Black Week gibt es den Hamburger Hafen-Blend.",
    "Mit 2 Becher Kaffee und 3 Liter Milch kommst du weit.",
    "Eine Tasse Kaffee, ein Stück Kuchen und ein Glas Wasser.",
    "Das ist mit das Beste, was wir je geröstet haben.",
    "Wir danken allen Kundinnen und Kunden für ein tolles Jahr.",
    "Die Tasse, in der Kaffee am besten schmeckt, ist die, die du magst.",
    "Ein Ort, an dem Menschen zusammenkommen.",
    "Angaben gemäß § 5 DDG: Kaffeekontor Hamburg GmbH, vertreten durch die Geschäftsführerin.",
    "Ab dem 2. Januar sind wir wieder für euch da, mit 2 Espresso startet der Tag.",
    "Tipps vom Profi: So gelingt dir der perfekte Filterkaffee zu Hause.",
    "Ich nehme einen Latte, du einen Cappuccino.",
    "Die frisch gerösteten Bohnen des neuen Kaffees riechen nach Schokolade.",
    "Ein ganz besonderer Kaffee für den ganzen Tag, eine dunkle Röstung.",
    "Unser neuer Blend, mit einem leckeren Stück Kuchen, für die vielen Gäste.",
    "Ihr persönlicher Kaffee wartet auf unseren neuen Tresen.",
    "Ein weiteres Mal rösten wir die beiden Sorten für das andere Team.",
    "Für die Kaffee- und Teeliebhaber unter euch: die Röst-Profis sind da.",
    "Die Hamburger Speicherstadt, das Hamburger Kaffeekontor und das Berliner Team.",
    "Die Kaffeekontor Hamburg GmbH sucht dich. Ein Café, zwei Cafés, das Café am Hafen.",
    "Wir feiern 10 Jahre Kaffeekontor mit 10 Prozent auf alles, mit 5 Sternen bewertet.",
    "Nach Hause, zu Gast, aus Liebe, mit Herz, seit Jahren, bei Fragen, nach Ostern.",
    "Von Röster zu Röster, mit Kunden und Kundinnen, mit Tipps und Extras zu Events.",
    "Wir vergeben der Reihe nach Plätze, meiner Meinung nach Tage zu früh.",
    "Danke für den Besuch, für die Kurse, um die Ecke, ohne den Zucker, gegen den Strom.",
    "Durch die Speicherstadt, für unsere Kunden, für den ersten Kurs, für das Team.",
    "Es geht um den Kaffee und um die Bohnen, um die Bohnen zu rösten.",
    "Verkostung ab 18 Jahre, Kurse ab 16 Jahren, Gruppen ab zwei Personen.",
    "Hey, das ist unser neuer Kaffee! Moin, die Bohnen sind da. Hallo, der Kurs beginnt.",
    "Ja, die Plätze sind knapp. Leute, der Röstkurs ist voll!",
    "Wenn du dich anmeldest, bekommst du eine Mail. Schön, dass du dich anmeldest!",
    "Melde dich an! Anmelden kannst du dich im Laden. Wir laden dich ein.",
    "Eine ausgezeichnete Mischung für dich, ein Angebot für euch, die Aufgabe für uns.",
    "Ich freue mich, wenn ihr vorbeikommt. Einladung: komm mit uns rösten.",
    # rule 17: a reflexive or an object is there, or "und" may share it
    "Du kannst deine Freunde anmelden. Du kannst Freunde anmelden. Wir freuen uns auf dich.",
    "Du kannst vorbeikommen und anmelden. Wir bewerben unseren Kaffee im Laden.",
    "Sie können sich per Mail bewerben. Ihr könnt es kaum erwarten, euch anzumelden.",
    "Wir können dich gern anmelden. Kannst du uns anmelden? Ich möchte mich bewerben.",
    "Es gibt 8 Plätze, die du anmelden kannst. Gäste, die Freunde anmelden möchten, kommen.",
    "Für alle, die sich anmelden wollen, und alle, die man anmelden kann.",
    "Weder du noch ein Kaffee helfen da.",
    "Für jeden Kaffeefan, der gern probiert. Kaffeefans, die rösten. Stefan, der Röster.",
    # rule 5b: the accusative, a copula's predicate, a dative, "ihr" as a dative, a subject
    "Den Link findest du unten. Der Gewinner bist du! Der Kundin hast du geholfen. Der "
    "Röster hilft ihr. Der Kaffee schmeckt dir. Der Kurs ist für dich.",
    # rule 13c: a verb at the clause's end, even one that is also an adjective; an article
    # after the comma; a list; a clause that ends in a word written small
    "Ein Kaffee, der perfekt für den Abend ist. Eine Mühle, die wir lieben. Optionen, die "
    "sie unterstützt. Ein Kurs, der richtig Spaß macht. Der Test, der ersten Option. "
    "Kaffee, die Milch und der Zucker. Kaffee, das ist klar. Kurse, die dir die Chance, "
    "Neues zu lernen, geben. Ein Kaffee, der aus Kolumbien, Peru und Brasilien kommt.",
    # rule 7: an adverb before an infinitive call, before a word that is no verb, or
    # before a call that goes on
    "Jetzt anmelden! Jetzt los! Jetzt neu! Heute frei! Jetzt komm vorbei! Sofort lieferbar.",
    # rule 13b: a dative verb after "man", "jeder" before its noun
    "Eine Tasse, der man nicht widerstehen kann. Der Röster, der jeder Bohne zuhört, ist da.",
    # rule 13d: the auxiliary after the participle, a finite verb after a small word, a
    # finite verb that begins like a participle, an active clause
    "Bohnen, die von der Farm Huila geerntet wurden, sind da. Eine Mühle, die von Anfang "
    "an funktioniert. Eine Tasse, die Hansen gehört. Ein Kurs, der von Okan geleitet wird. "
    "Ein Kaffee, den Okan geröstet hat.",
    # rule 12b: a genitive before its noun, an adverb that was a genitive, a name
    "Rösters Liebling ist da. Abends ist es ruhig. Allerdings wird es voll. Hansens ist zu.",
    # rule 4: a dative plural opening a sentence ("Fans" is also a genitive singular)
    "Allen Fans ein frohes Fest! Allen Kaffeefans ein Hallo. Neuen Gästen zeigen wir alles.",
    # rule 8b: a comma between date and time, a year, a span
    "Röstkurs am 12. Dezember, 18 Uhr. Ab Dezember 2026 18 Tassen am Tag. Am Samstag von "
    "11 bis 13 Uhr, am 12. Dezember um 18 Uhr.",
    # a joining s is no head's first letter ("Ausrüstungs|tag", not "Stag"; the bench)
    "Bestell jetzt für den Ausrüstungstag. Der Rettungssanitäter kommt am Geburtstag.",
    "Ab Januar, im Februar, am 3. März, bis April, seit Mai, Anfang Juni, im Juli in Altona.",
    "Wir denken an Mai-Bowle und an August, unseren Röster.",
    # rules 5, 9, 10, 11: another subject, "du" after its verb or one of two, a statement
    # with "sich", a hyphenated word that opens with a name or a short mark
    "Morgen bietet ein Barista einen Kurs an. Heute zeigt ein Barista, wie es geht.",
    "Das Kontor ist ein Treffpunkt. Am Samstag gibt es einen neuen Kaffee.",
    "Die Rösterei und ein Barista laden ein. Das bietet ein Barista an.",
    "Heute rösten du und ich gemeinsam. Kannst du rösten? Willst du mit uns rösten?",
    "Die Leute, denen du vertraust, kommen. Mit allen, die du kennst.",
    "Lohnt sich das? Es lohnt sich. Freut sich das Team? Melde dich an.",
    "Wir haben einen dm-Markt um die Ecke, der Online-Shop hat offen, die E-Mail kommt.",
    "Am 12. Dezember, 18 Uhr. Ab 18 Uhr, um 19 Uhr, bis 20 Uhr, im 2. Stock, am 12. 18 Uhr.",
    "Mit frischen Bohnen, mit frischer Milch, aus gutem Grund, zu frischem Kaffee, aus "
    "anderen Gründen, mit einem neuen Röster, aus diesem Grund, von jedem neuen Kunden.",
    "Der zu verwendende Filter, mit beiden Händen, mit unserem neuen Röster, mit viel Liebe.",
    "Es ist leicht, dich anzumelden, und schön zuzusehen. Du hast Zeit zuzuschauen.",
    # a part of a whole: the article or pronoun stands for a noun, the genitive follows
    "Das ist eine der besten Bohnen. Einer unserer Röster kommt. Probier einen dieser "
    "Kaffees. Keiner der Gäste ging. Die erste dieser Bohnen ist die beste.",
    "Vom 24. bis 26. Dezember zu, am 27. Dezember offen, am 24.12. bis mittags, von 9 bis 18 "
    "Uhr, Frohe Weihnachten am Weihnachtsabend, zu Ostern, an Silvester, von 0. bis 1.",
    # after "ist" in a question: "was" may be the subject, and a dative may follow
    "Was ist den Kunden wichtig? Wie ist dem Kunden geholfen? Wann ist der Röstkurs? Wie "
    "ist das Wetter heute? Was ist das Besondere?",
    # adjectives joined by "und" or "oder", and a noun joined to the next phrase
    "Wir bieten einen frischen und leckeren Kaffee. Ein kräftiger oder fruchtiger Espresso? "
    "Mit frischem und leckerem Kaffee. Die neuen und alten Bohnen sind da. Wir rösten den "
    "Kaffee und frische Bohnen.",
    # a list after a preposition of the dative or genitive, and a genitive after a noun
    "Mit Noten von Marzipan und dunkler Schokolade. Noten von roter Johannisbeere, Kakao "
    "und dunkler Schokolade. Der Duft frischer Vanille und dunkler Schokolade. Wegen Regen "
    "und starker Kälte bleibt das Kontor zu. Ein Cappuccino mit Hafer und frischer Milch.",
    # bare adjectives whose strong ending fits; an article governing a whole list; a
    # quantifier or demonstrative; "zu" the adverb and "um ... zu"
    "Ab kommenden Montag sind wir da. Seit langer Zeit. Mit freundlichen Grüßen. Kaffee, "
    "frisches Brot und guten Kuchen. Die ACLs und erweiterten Attribute. Die Basis- und "
    "erweiterten Kurse. Der frischen, roten Johannisbeere. Mit einer zu großen Tasse. Die Größe "
    "jeder Datei und jedes Symlinks. Um zeitweise Ausrichten zu deaktivieren. Kaffee und frische "
    "Kuchen. Mehr als andere Röstereien. Wir arbeiten als kleine Rösterei. Frisch wie neuer "
    "Schnee.",
    # a call with its reflexive or an object, a verb without its particle, a noun
    "Melde dich jetzt an! Melde deine Freunde an! Bewirb dich bei uns. Trag dich ein. Freu "
    "dich! Freue mich auf euch. Melde den Fehler. Bewerbungen per Mail.",
    # an adjective before its noun, a pronoun and "anderes" stay small after etwas
    "Hast du etwas neues Werkzeug? Das ist etwas anderes. Hier gibt es eines. Es gibt "
    "nichts Neues.",
    # "zu" before a word that is no separable verb's infinitive
    "Wir laden dich zu anderen Kursen ein. Das ist zu aufregend. Komm zu unseren Kursen. "
    "Bis zu acht Plätze. Wir freuen uns, dich einzuladen.",
    # a demonstrative before its verb, a list, a relative pronoun of the noun's genus
    "Was ist der Kundin wichtig? Was ist der Mischung zu entnehmen? Was ist der Grund? "
    "Der Kaffee, das ist klar. Kaffee, die Milch und der Zucker. Die Bohnen, die wir "
    "rösten. Eine Tasse, der man nicht widerstehen kann. Der Kurs, der dir zeigt, wie es "
    "geht. Das Kontor, das in Altona liegt.",
    # a count in words opens a sentence with no ending ("Achte Plätze" is an ordinal)
    "Acht Plätze gibt es, die Anmeldung läuft im Laden. Drei Kaffees verkosten wir.",
    # after a number: a measure that stays singular, the hour of a time, one, a year
    "5 Kilo, 2 Glas, 10 Euro, 3 Stück, 1,5 Liter, 1 Stunde, um 18 Uhr, seit 2010 "
    "Leidenschaft für Kaffee, am 12. Woche für Woche, 20 Stunden.",
    # commas after an opening phrase that are right: a date's pair, a relative or
    # subordinate clause, an apposition, a list, a call after "Bei Fragen"
    "Am Samstag, 12 Uhr, gibt es Kuchen. Im Kontor, das wir lieben, rösten wir. Ab Montag, "
    "wenn du kommst, gibt es Kaffee. Nach dem Kurs, den wir geben, gehen wir essen. Heute, "
    "am 12. Dezember, rösten wir. In Hamburg, Altona, rösten wir. Im Laden, per Mail oder "
    "telefonisch kannst du dich anmelden. Für alle, die Kaffee lieben: Röstkurs!",
    "Im Herzen des alten Kontorhauses rösten wir. Das Haus ist alt. Im Kaffeehaus.",
    # "um ... zu" opens an infinitive: no preposition, and a copula's predicate stays in
    # the nominative; an infinitive's clause with its own preposition
    "Um ein guter Barista zu werden, brauchst du Zeit. Um dem Team zu helfen, kommen wir. "
    "Es ist Zeit, mit einem Kaffee zu starten. Ein Kaffee ist schön zu trinken.",
    # a reflexive beside "sein" that belongs there: a perfect with "sein", an adjective, a
    # participle without its reflexive, a subject it does not agree with
    "Was uns passiert ist, war schön. Weil wir uns begegnet sind, rösten wir zusammen. "
    "Wenn du dir bewusst bist, was du trinkst, schmeckt es besser. Wenn du dir sicher bist, "
    "komm vorbei. Wenn du interessiert bist, melde dich. Was mich interessiert, ist der "
    "Preis.",
    # a coffee named by its origins, a place after a preposition, a city's adjective, a
    # compound with its hyphen, a name that is no place
    "Der Kolumbien Huila ist fruchtig. Wir sind in Hamburg Altona zu Hause. Unsere "
    "Hamburger Büros bekommen die Hamburg-Mischung. Die Hanne Bohnen sind da.",
    # calls to one reader, and statements without a subject before "und" or "oder"
    "Kommt vorbei und feiert mit uns. Kostet nur 5 Euro und schmeckt. Akzeptiert einen oder "
    "mehrere Namen. Kommt vorbei oder bestellt im Shop.",
    "Komm vorbei oder bestell im Shop.",
]


def test_more_correct_german_gives_no_warning(lex: GrammarLexicon) -> None:
    flagged = {text: _messages(text, lex) for text in MORE_CORRECT}
    assert {text: found for text, found in flagged.items() if found} == {}


def test_a_list_of_numbers_is_no_count_and_no_crash(lex: GrammarLexicon) -> None:
    """"mit 3,3,4 Plätze" stood in a German man page: the dative rule read "3,3,4" as one
    number and raised ValueError, which would have cost a draft its checks."""
    assert _messages("Schritte 1,2,3: mit 3,3,4 Plätze und mit 2,5 Litern.", lex) == []


@pytest.mark.parametrize(("text", "message"), [
    # a ready Facebook draft (bench 2026-12-03), and the first draft
    ("Möchtest du mit uns den Röstkurs am 12. Dezember 18 Uhr in Altona abholen?",
     "'den Röstkurs … abholen': a Röstkurs is booked or attended, not 'abholen' like goods; "
     "write 'dich zum Röstkurs anmelden' or 'den Röstkurs besuchen'"),
    ("Hey du! Du bist ein Kaffeetrinker und möchtest den Röstkurs am 12. Dezember abholen?",
     "'den Röstkurs … abholen': a Röstkurs is booked or attended, not 'abholen' like goods; "
     "write 'dich zum Röstkurs anmelden' or 'den Röstkurs besuchen'"),
    ("Bestelle dir einen Workshop für dein Team!",
     "'einen Workshop … Bestelle': a Workshop is booked or attended, not 'Bestelle' like "
     "goods; write 'dich zum Workshop anmelden' or 'den Workshop besuchen'"),
    # a ready LinkedIn draft (bench 2026-12-08)
    ("Um deine Kaffeestunden noch zu verbessern, röst uns den Röstkurs am 12. Dezember um "
     "18 Uhr ein!",
     "'den Röstkurs … röst': a Röstkurs is booked or attended, not 'röst' like goods; "
     "write 'dich zum Röstkurs anmelden' or 'den Röstkurs besuchen'"),
])
def test_an_event_is_not_picked_up_or_ordered(text: str, message: str,
                                              lex: GrammarLexicon) -> None:
    # the first also lacks its "um" before the clock time (rule 8b)
    assert message in _messages(text, lex)


def test_an_event_beside_a_verb_of_goods_in_another_clause_stays(lex: GrammarLexicon) -> None:
    for fine in ("Im Röstkurs rösten wir deinen eigenen Kaffee.",
                 "Wir rösten für den Röstkurs drei Kaffees.",
                 "Den Röstkurs gibt es am 12. Dezember, wir rösten zusammen.",
                 "Den Workshop buchst du im Laden, Bohnen bestellst du im Shop."):
        assert not [m for m in _messages(fine, lex) if "like goods" in m], fine


def test_zu_before_the_reflexive_of_a_verb_that_takes_it_plain(lex: GrammarLexicon) -> None:
    """Rule 17d: a ready Facebook greeting of the bench (2026-12-07), mended."""
    text = "Es ist ein schöner Zeitpunkt, um zu spenden und zu sich selbst zu freuen."
    assert mend_grammar(text, lex) == ("Es ist ein schöner Zeitpunkt, um zu spenden und sich "
                                       "selbst zu freuen.")
    assert mend_grammar("Es ist Zeit, zu dich anzumelden.", lex) == \
        "Es ist Zeit, dich anzumelden."
    for fine in ("Es ist schwer, wieder zu sich zu kommen.", "Komm zu uns und freu dich.",
                 "Wir laden dich zu uns ein, um dich zu freuen.",
                 "Wir freuen uns, dich zu uns einzuladen."):
        assert _messages(fine, lex) == [], fine


@pytest.mark.parametrize(("text", "mended"), [
    # a ready Facebook draft (bench 2026-12-07)
    ("Sei der erste, der sich für den Röstkurs anmacht. Anmeldung im Laden oder per Mail.",
     "Sei der erste, der sich für den Röstkurs anmeldet. Anmeldung im Laden oder per Mail."),
    ("Mach dich jetzt für den Workshop an!", "Meld dich jetzt für den Workshop an!"),
    ("Du kannst dich im Laden anmachen.", "Du kannst dich im Laden anmelden."),
])
def test_sich_anmachen_is_mended_to_anmelden(text: str, mended: str, lex: GrammarLexicon) -> None:
    assert any("'sich anmachen' is not to sign up" in message
               for message in _messages(text, lex))
    assert mend_grammar(text, lex) == mended


@pytest.mark.parametrize(("text", "mended"), [
    # a ready X tip of the bench (2026-12-07), and an earlier run's
    ("Zieh ihn in 4 Minuten und drück dann langsam herunter.",
     "Lass ihn 4 Minuten ziehen und drück dann langsam herunter."),
    ("Zieh ihn einfach 4 Minuten.", "Lass ihn 4 Minuten ziehen."),
    ("Zieh es 2 Stunden lang.", "Lass es 2 Stunden lang ziehen."),
])
def test_zieh_ihn_for_a_span_is_mended_to_lass_ihn_ziehen(text: str, mended: str,
                                                         lex: GrammarLexicon) -> None:
    assert any("coffee steeps on its own" in message for message in _messages(text, lex))
    assert mend_grammar(text, lex) == mended
    for fine in ("Lass ihn 4 Minuten ziehen.", "Zieh dir den Kaffee rein.",
                 "Zieh ihn aus der Maschine.", "Zieh um 4 Uhr los."):
        assert not any("steeps" in message for message in _messages(fine, lex)), fine


def test_anmachen_without_a_reflexive_or_macht_without_an_stays(lex: GrammarLexicon) -> None:
    for fine in ("Mach die Maschine an und warte kurz.", "Wir machen den Röster um 8 Uhr an.",
                 "Das macht dich wach.", "Mach dich auf den Weg zu uns!",
                 "Wir machen uns an die Arbeit.", "Das macht dich an.",
                 "Der Duft macht uns sofort an."):
        assert not any("sich anmachen" in message for message in _messages(fine, lex)), fine


@pytest.mark.parametrize(("text", "phrase"), [
    # a ready LinkedIn draft (bench 2026-12-06)
    ("Der Röstkurs ist am 12. Dezember um 18 Uhr stattfinden und bietet maximal 8 Plätze.",
     "'ist … stattfinden'"),
    ("Ist der Kurs am Montag stattfinden?", "'Ist … stattfinden'"),
    ("Wir sind ab Januar mit dir teilnehmen.", "'sind … teilnehmen'"),
])
def test_sein_with_a_bare_infinitive_is_flagged(text: str, phrase: str,
                                                lex: GrammarLexicon) -> None:
    [finding] = grammar_findings(text, lex)
    assert finding.message.startswith(f"{phrase}: ")
    assert "takes a participle or 'zu'" in finding.message and finding.fix is None


def test_haben_with_its_participle_or_another_verb_stays(lex: GrammarLexicon) -> None:
    for fine in ("Wir haben sie drei Monate getestet.", "Die Mühle, die wir verkauft haben.",
                 "Wir haben probiert.", "Er hat Zeit und arbeitet.",
                 "Wir haben Kaffee, der schmeckt.", "Du hast recht.",
                 "Wir haben es nicht leicht."):
        assert _messages(fine, lex) == [], fine


def test_a_call_to_ihr_that_names_the_reader_du(lex: GrammarLexicon) -> None:
    """Rule 9f, a ready Threads draft of the bench (2026-12-06): flagged, not mended."""
    text = ("Hier ist die Weihnachtsmischung aus Kolumbien und Guatemala. Schreibt uns über die "
            "Website, wenn du sie möchtest.")
    [finding] = grammar_findings(text, lex)
    assert finding.phrase == "Schreibt … du" and finding.fix is None
    assert "one sentence speaks to one reader; write 'Schreib … du'" in finding.message
    [finding] = grammar_findings("Kommt vorbei, wenn du Zeit hast!", lex)
    assert finding.phrase == "Kommt … du"
    for fine in ("Meldet euch an, wir freuen uns auf euch.",
                 "Jetzt gibt es den Kaffee, den du magst.", "Testet ihr gern?",
                 "Läuft bei dir!", "Komm vorbei, wenn du Zeit hast!"):
        assert _messages(fine, lex) == [], fine


def test_a_post_that_speaks_to_du_and_to_ihr_in_two_sentences(lex: GrammarLexicon) -> None:
    """Rule 9g, a ready LinkedIn draft of the bench (2026-12-07): flagged, not mended."""
    text = "Die Bohnen sind da. Bestell jetzt! Schreibt uns über die Website."
    [finding] = grammar_findings(text, lex)
    assert finding.phrase == "Bestell … Schreibt" and finding.fix is None
    assert finding.message == ("'Bestell … Schreibt': one post speaks to 'du' ('Bestell') and "
                               "to 'ihr' ('Schreibt'); speak to one reader throughout")
    for text, phrase in (("Schreibt uns, wenn ihr Fragen habt. Du findest uns in Altona.",
                          "Schreibt … Du"),
                         ("Probier den Kaffee. Wir freuen uns auf euch.", "Probier … euch"),
                         ("Holt euch den neuen Kaffee. Komm vorbei!", "Holt … Komm"),
                         ("Wir sehen dich im Kontor. Kommt vorbei!", "dich … Kommt"),
                         # a first word that is a noun too, with a call's object after it
                         ("Besuch uns im Kontor! Schreibt uns eine Mail.", "Besuch … Schreibt"),
                         ("Schau mal vorbei. Meldet euch bei uns.", "Schau … Meldet")):
        assert [finding.phrase for finding in grammar_findings(text, lex)] == [phrase], text
    # one reader; a first word in -t that is no call: the third person with its subject left
    # out, a subject, "sich", a participle list
    for fine in ("Schmeckt nach Kirsche und Kakao. Probier ihn!",
                 # a first word that is an adjective, a noun or thanks is no call to "du"
                 # (a Mastodon draft of the CLI, 2026-12-07: "Neu im Shop: ... Schreibt uns")
                 "Neu im Shop: Espresso-Tassen für 24 €. Schreibt uns über die Website.",
                 "Frisch aus dem Röster. Schreibt uns.", "Danke für alles! Kommt vorbei!",
                 "Ende Dezember ist Schluss. Kommt vorbei!", "Mehr Infos im Shop. Kommt vorbei!",
                 "Kostet nur 5 Euro. Komm vorbei!", "Passt zu jedem Frühstück. Hol ihn dir!",
                 "Dies ist unser Kaffee. Kommt vorbei!",
                 "Kommt vorbei! Wir freuen uns auf euch.", "Komm vorbei! Wir freuen uns auf dich.",
                 "Bestellt, geröstet, geliefert. Komm vorbei!", "Lohnt sich! Komm vorbei.",
                 "Schmeckt dein Kaffee sauer? Dann mahl feiner.",
                 "Gibt es was Neues? Komm vorbei!",
                 "Ihr Kaffee ist da. Hol ihn dir ab!"):
        assert _messages(fine, lex) == [], fine


def test_a_participle_of_haben_joined_to_zu_and_an_infinitive(lex: GrammarLexicon) -> None:
    """A ready LinkedIn draft of the bench (2026-12-06): flagged, not mended."""
    text = ("Wir haben uns die Produkte der Kooperative in Kolumbien ausgeschlagen und sie zu "
            "zahlen.")
    [finding] = grammar_findings(text, lex)
    assert finding.phrase == "ausgeschlagen und sie zu zahlen" and finding.fix is None
    assert "joins a participle of 'haben' to an infinitive with 'zu'" in finding.message
    [finding] = grammar_findings("Wir haben die Bohnen getestet und zu rösten.", lex)
    assert finding.phrase == "getestet und zu rösten"
    for fine in ("Der Kurs ist geplant und noch zu buchen.",
                 "Wir haben es versucht, und es ist schwer zu sagen.",
                 "Wir haben beschlossen, die Bohnen zu testen und sie zu rösten.",
                 "Wir haben die Mühle getestet und freuen uns, sie zu zeigen.",
                 "Wir haben eingekauft und zu viel bezahlt.",
                 "Wir haben die Bohnen gekauft und sie zu rösten begonnen."):
        assert _messages(fine, lex) == [], fine


def test_an_infinitive_call_goes_on_in_the_infinitive(lex: GrammarLexicon) -> None:
    """Rule 7i: "Jetzt bestellen oder kommen vorbei im Kontor" (a ready LinkedIn draft,
    bench 2026-12-07): "kommen vorbei" has no subject, so it is no call of its own."""
    [finding] = grammar_findings("Jetzt bestellen oder kommen vorbei im Kontor.", lex)
    assert finding.phrase == "kommen vorbei" and finding.fix == "vorbeikommen"
    assert "the call 'bestellen' goes on in the infinitive" in finding.message
    [finding] = grammar_findings("Anmelden und kommen mit!", lex)
    assert finding.fix == "mitkommen"
    # a du-imperative after the infinitive (a ready LinkedIn draft, CLI 2026-12-07)
    [finding] = grammar_findings("Jetzt bestellen und teste den Winter-Cold-Brew im Café.",
                                 lex)
    assert finding.phrase == "teste" and finding.fix == "testen"
    [finding] = grammar_findings("Jetzt bestellen und komm vorbei!", lex)
    assert finding.fix == "vorbeikommen"
    for fine in ("Wir rösten und kommen vorbei.",
                 "Heute rösten wir und kommen vorbei.",
                 "Jetzt bestellen oder vorbeikommen.",
                 "Komm vorbei und bestell im Shop.",
                 "Jetzt probieren und schmecken an der Theke.",
                 "Einfach bestellen und abholen.",
                 "Jetzt anmelden und gleich loslegen.",
                 "Jetzt anmelden und mehr erfahren.",
                 "Jetzt bestellen und los geht es.",
                 "Jetzt bestellen und frische Bohnen genießen."):
        assert _messages(fine, lex) == [], fine


def test_a_prefix_that_may_stand_apart_or_after_its_verb_stays(lex: GrammarLexicon) -> None:
    for fine in ("Komm vorbei und probier ihn!", "Wir kommen gern vorbei.",
                 "Du kannst ab Januar mit uns zusammen arbeiten.",
                 "Wir freuen uns, dich wieder zurück zu sehen.", "Du kannst mit kochen."):
        assert _messages(fine, lex) == [], fine


def test_sein_with_a_participle_a_zu_or_another_verb(lex: GrammarLexicon) -> None:
    for fine in ("Der Röstkurs hat am 12. Dezember stattgefunden.",
                 "Der Kurs ist am Montag angekommen.", "Die Mühle ist bei uns angeboten.",
                 "Der Kurs ist leicht nachzuholen.", "Wir sind heute einkaufen.",
                 "Der Kurs ist voll und wir können keine Plätze mehr anbieten.",
                 "Das ist ganz einfach: Filter ausspülen, Kaffee aufgießen.",
                 "Die Plätze sind knapp, jetzt anmelden!",
                 "Das Beratungsgespräch ist ausreichend."):
        assert _messages(fine, lex) == [], fine


@pytest.mark.parametrize("text", [
    # a ready Facebook draft (bench 2026-12-06)
    "Direkt wie möglich ein. Anmeldung im Laden oder per Mail.",
    "Komm schnell wie möglich vorbei.",
])
def test_a_degree_without_its_so_is_flagged_and_not_mended(text: str,
                                                           lex: GrammarLexicon) -> None:
    [finding] = grammar_findings(text, lex)
    assert "wie möglich': a degree needs its 'so'" in finding.message
    assert finding.fix is None


def test_a_degree_with_its_so_or_no_degree_at_all(lex: GrammarLexicon) -> None:
    for fine in ("Melde dich so schnell wie möglich an.", "So viele Plätze wie möglich!",
                 "Wir helfen, wo und wie möglich.",
                 "Genauso gut wie möglich.", "Wie möglich ist das?"):
        assert _messages(fine, lex) == [], fine


def test_goods_verbs_beside_an_event_that_is_not_their_object(lex: GrammarLexicon) -> None:
    for fine in ("Tickets für den Workshop kannst du im Laden bestellen.",
                 "Nach dem Röstkurs kannst du deine Bohnen abholen.",
                 "Der Röstkurs ist voll. Bohnen kannst du im Shop bestellen.",
                 "Melde dich zum Röstkurs an und bestelle Bohnen im Shop.",
                 # a day's dot with no month after it ends the sentence
                 "Den Röstkurs gibt es am 12. Bohnen kannst du im Shop bestellen."):
        assert _messages(fine, lex) == [], fine


def test_a_question_whose_verb_stands_in_the_middle(lex: GrammarLexicon) -> None:
    """Rule 12c, a ready Threads draft of the bench (2026-12-07): flagged, not mended."""
    text = ("Warum Cold Brew zu Hause ist so gut? 70 g grob gemahlener Kaffee auf 1 Liter "
            "kaltes Wasser.")
    [finding] = grammar_findings(text, lex)
    assert finding.phrase == "Warum Cold Brew zu Hause ist" and finding.fix is None
    assert finding.message == ("'Warum Cold Brew zu Hause ist …?': in a question the verb "
                               "comes right after 'Warum'; write 'Warum ist …?'")
    [finding] = grammar_findings("Wann der Kurs wird stattfinden?", lex)
    assert finding.phrase == "Wann der Kurs wird"
    # the verb second, the verb last (a headline's indirect question), no verb, a comma
    for fine in ("Warum ist Cold Brew so gut?", "Warum Cold Brew so gut ist?",
                 "Wo gibt es den Kaffee?", "Warum nicht mal Cold Brew?",
                 "Woher kommen die Bohnen?", "Warum es sich lohnt, früh zu kommen?",
                 "Wann öffnet das Café wieder?", "Wie viel Kaffee ist genug?",
                 "Warum Cold Brew? Weil er so mild ist."):
        assert _messages(fine, lex) == [], fine


def test_the_ihr_form_of_a_strong_verb_said_of_one(lex: GrammarLexicon) -> None:
    """Rule 9h, a ready Facebook draft of the bench (2026-12-07): mended to the singular."""
    text = "Wir suchen eine Barista, die sich in Teilzeit an unserem Café in Altona bewerbt."
    [finding] = grammar_findings(text, lex)
    assert finding.phrase == "Altona bewerbt" and finding.fix == "Altona bewirbt"
    assert finding.message == "'bewerbt' is the form for 'ihr'; said of one, write 'bewirbt'"
    assert mend_grammar(text, lex) == text.replace("bewerbt", "bewirbt")
    [finding] = grammar_findings("Sie nehmt den Kaffee mit.", lex)
    assert finding.fix is None
    for fine in ("Bewerbt euch jetzt!", "Wenn ihr den Kaffee seht, nehmt ihn mit.",
                 "Er gibt dir Kaffee und nimmt sich Zeit.", "Nehmt euch Zeit."):
        assert _messages(fine, lex) == [], fine


def test_an_infinitive_that_opens_a_du_call_takes_its_form(lex: GrammarLexicon) -> None:
    """Rule 7j: "Kommen vorbei im Kontor oder bestell im Shop." (a Facebook draft, bench
    2026-12-07): no subject, and the call goes on to du."""
    [finding] = grammar_findings("Kommen vorbei im Kontor oder bestell im Shop.", lex)
    assert finding.phrase == "Kommen" and finding.fix == "Komm"
    assert "has no subject" in finding.message
    for fine in ("Kommen Sie vorbei oder bestellen Sie im Shop.",  # Sie: the form check's
                 "Vorbeikommen und probieren!", "Kommen vorbei im Kontor.",
                 # a verb that needs its reflexive gets no half mend ("Melde an")
                 "Melden an und probier!",
                 "Wir kommen vorbei und bestellen."):
        assert not [f for f in grammar_findings(fine, lex) if f.phrase == "Kommen"], fine


def test_an_article_after_a_preposition_of_one_case_has_one_correction(
        lex: GrammarLexicon) -> None:
    """Rule 3 after "für" (accusative only): "für die Latte-Art-Abend" -> "den" (CLI,
    2026-12-07); after a preposition of two cases, or where the case it governs has no form
    of the article, both forms stay named and nothing is mended."""
    [finding] = grammar_findings("6 Plätze für die Latte-Art-Abend.", lex)
    assert finding.fix == "den Latte-Art-Abend" and "use 'den'" in finding.message
    [finding] = grammar_findings("Wir warten auf die Röstkurs.", lex)
    assert finding.fix is None and "'der' or 'den'" in finding.message
    [finding] = grammar_findings("Mit die Latte-Art-Abend.", lex)
    assert finding.fix is None


@pytest.mark.parametrize(("text", "mended"), [
    # a ready Facebook draft with the runs of words forbidden (bench, 2026-12-08)
    ("Wir freuen uns auf deinen Besuch und möchten dich in unserer Rösterei kennenzulernen!",
     "Wir freuen uns auf deinen Besuch und möchten dich in unserer Rösterei kennenlernen!"),
    ("Du kannst dich im Laden anzumelden.", "Du kannst dich im Laden anmelden."),
    ("Du kannst uns zu besuchen.", "Du kannst uns besuchen."),
])
def test_a_modal_verb_with_an_infinitive_with_zu_is_mended(text: str, mended: str,
                                                            lex: GrammarLexicon) -> None:
    [finding] = grammar_findings(text, lex)
    assert "takes no 'zu'" in finding.message
    assert mend_grammar(text, lex) == mended


def test_a_zu_that_belongs_to_another_verb_or_is_no_infinitive_stays(
        lex: GrammarLexicon) -> None:
    for fine in ("Wir möchten dich einladen, den Kurs zu besuchen.",
                 "Wir möchten dir helfen zu verstehen.",  # the modal's own infinitive first
                 "Du kannst ab Samstag zu uns kommen.", "Du musst nur noch zuhören.",
                 "Wir können es kaum erwarten, dich zu sehen.",
                 "Wir können dir zu Weihnachten etwas schenken.",
                 "Wer möchte, kann uns zu besuchen kommen."):
        assert not [f for f in grammar_findings(fine, lex) if "takes no 'zu'" in f.message], fine
