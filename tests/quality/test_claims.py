"""A claim to be the best or the leading one that the brief does not make (quality/claims)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.claims import claim_problems
from assistant.quality.compose import quality_problems
from tests.quality.conftest import codes, context


@pytest.mark.parametrize(("text", "shown"), [
    # ready drafts (bench, 2026-12-05)
    ("Tessaline, a leading data platform, has achieved ISO 27001 certification, ensuring "
     "the highest level of data security.", ["a leading data platform", "the highest level"]),
    ("Diese Handmühle ist eine der besten Röster der Stadt und bietet ein unvergleichliches "
     "Aroma.", ["eine der besten Röster", "unvergleichliches"]),
    ("Der beste Kaffee der Stadt!", ["Der beste Kaffee"]),
    ("Wir sind Marktführer in Altona.", ["Marktführer"]),
    ("Our best coffee in the city, now in the shop.", ["Our best coffee in the city"]),
    ("One of the finest roasters around.", ["One of the finest"]),
    # a ready LinkedIn draft (bench, 2026-12-06): the plural
    ("It proves our commitment to maintaining the highest standards of security.",
     ["the highest standards"]),
    # a ready Instagram draft (bench, 2026-12-06): popularity the brief never claims
    ("Dunkle Schokolade ist eine der beliebtesten Noten der Weihnachtsmischung.",
     ["eine der beliebtesten Noten"]),
    ("Unsere beliebteste Sorte ist zurück.", ["Unsere beliebteste"]),
    ("Our best-selling blend is back, a fan favourite.", ["best-selling", "fan favourite"]),
])
def test_a_claim_the_brief_does_not_make_is_a_warning(text: str, shown: list[str]) -> None:
    [problem] = claim_problems(text, "Neu im Shop: die Handmühle H2 für 89 €.")
    assert problem.code == "unproven_claim" and not problem.is_error
    assert all(f"'{claim}'" in problem.message for claim in shown)
    assert problem.message.endswith("take it out or add it to the brief")


@pytest.mark.parametrize("text", [
    "Schmeckt am besten frisch gemahlen.", "The best way to store beans is airtight.",
    "Das Beste aus zwei Welten: Espresso und Filter.", "Perfekt für einen ruhigen Morgen.",
    "Learn how to brew the perfect shot.", "Best practices for testing dbt models.",
])
def test_praise_that_ranks_nothing_passes(text: str) -> None:
    assert claim_problems(text, "Tipp für Cold Brew zu Hause.") == []


def test_a_claim_the_brief_makes_passes() -> None:
    brief = "Wir sind Marktführer für Filterkaffee in Hamburg, seit 2019."
    assert claim_problems("Seit 2019 Marktführer für Filterkaffee in Hamburg.", brief) == []


def test_the_guideline_that_quotes_a_claim_does_not_make_it(coffee: BrandKit) -> None:
    """The coffee kit's guideline says "Keine Superlative: nicht ‚der beste Kaffee der
    Stadt'": what not to write, not a claim the brand makes."""
    ctx = context(coffee, brief="Neu im Shop: die Handmühle Hansen H2 für 89 €.")
    text = "Neu im Shop: die Handmühle Hansen H2 für 89 €, der beste Kaffee der Stadt."
    assert "unproven_claim" in codes(quality_problems(text, [], ctx))
    assert "unproven_claim" not in codes(quality_problems(
        "Neu im Shop: die Handmühle Hansen H2 für 89 €.", [], ctx))


HUILA = ("Zurück aus Huila in Kolumbien - unserer Partnerkooperative zahlen wir 30 Prozent "
         "über dem Fairtrade-Mindestpreis.")


@pytest.mark.parametrize(("text", "brief", "shown"), [
    # a ready Mastodon post on a trip to a partner farm (bench, 2026-12-05)
    ("Hier ist ein neuer Kaffee: Zurück aus Huila in Kolumbien!", HUILA, "neuer Kaffee"),
    ("Die neue Weihnachtsmischung ist da!", "Die Weihnachtsmischung ist zurück - Kolumbien und "
     "Guatemala.", "neue Weihnachtsmischung"),
    ("Probier unseren neuen Kolumbien-Kaffee!", "Tipp für Cold Brew zu Hause.",
     "neuen Kolumbien-Kaffee"),
    ("Try our new holiday blend!", "Merry Christmas from the roastery!", "new holiday blend"),
    # a new place of the brand (a ready Instagram draft, bench 2026-12-06)
    ("Check out our new roastery in Altona!", "Merry Christmas from the roastery! We are "
     "closed from 24 to 26 December.", "new roastery"),
    # the product right after "new", a small word after it (a ready Mastodon tip, bench
    # 2026-12-06)
    ("Check out our new feature that does just that!", "Tip: put a freshness check on every "
     "source table that feeds a board-level dashboard.", "new feature"),
])
def test_a_launch_the_brief_does_not_announce_is_a_warning(text: str, brief: str,
                                                           shown: str) -> None:
    [problem] = claim_problems(text, brief)
    assert problem.code == "unproven_claim" and not problem.is_error
    assert problem.message == (f"'{shown}' announces something new that the brief does not; "
                               "take it out or add it to the brief")


@pytest.mark.parametrize(("text", "brief"), [
    ("Neuer Filterkaffee aus Kolumbien!", "Neuer Filterkaffee aus Kolumbien, ab Samstag."),
    ("Unser neuer Hafer-Kaffee kommt!", "Gemeinsam mit der Hafermolkerei Elbhof stellen wir "
     "unseren Hafer-Cappuccino vor, ab Montag im Café für 3,80 €."),
    ("Die neue Handmühle H2 im Shop.", "Die Handmühle Hansen H2 gibt es jetzt bei uns im Shop."),
    ("Our new feature: alerts for Snowflake.", "Schema drift alerts now also cover Snowflake."),
    # people, a year and opening hours are no products
    ("Wir suchen eine neue Kollegin. Frohes neues Jahr!", "Wir suchen ab Januar eine Barista."),
    ("Neue Öffnungszeiten: Montag bis Freitag.", HUILA),
])
def test_a_launch_the_brief_announces_or_no_product_passes(text: str, brief: str) -> None:
    assert claim_problems(text, brief) == []


WEIHNACHTEN = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem "
               "27. Dezember sind wir wieder für euch da.")
MUEHLE = ("In Kooperation mit Mahlwerk Hansen - die Handmühle Hansen H2 gibt es jetzt bei uns "
          "im Shop für 89 €, wir haben sie drei Monate im Café getestet.")


@pytest.mark.parametrize(("text", "brief", "shown"), [
    # a Facebook draft of a closure (bench, 2026-12-06), and a ready Instagram draft of a
    # grinder (bench, the run before)
    ("Hier ist ein schöner Weihnachtskaffee für dich! Vom 24. bis 26. Dezember ist das "
     "Kontor geschlossen.", WEIHNACHTEN, "Hier ist ein schöner Weihnachtskaffee"),
    ("Hier ist ein neuer Kaffee für dich: die Handmühle Hansen H2!", MUEHLE,
     "Hier ist ein neuer Kaffee"),
    ("Werbung | Hier ist ein neuer Kaffee-Röster für dich!", MUEHLE,
     "Hier ist ein neuer Kaffee-Röster"),
    ("Here's our holiday blend for you!", "Merry Christmas from the roastery!",
     "Here's our holiday blend"),
])
def test_a_coffee_presented_that_the_brief_does_not_name_is_a_warning(
        text: str, brief: str, shown: str) -> None:
    [problem] = claim_problems(text, brief)
    assert problem.code == "unproven_claim" and not problem.is_error
    assert problem.message == (f"'{shown}' presents a product that the brief does not name; "
                               "take it out or add it to the brief")


@pytest.mark.parametrize(("text", "brief", "shown"), [
    # a German draft of the grinder (bench, 2026-12-06)
    ("Hier ist eine kleine Rösterei aus der Altona. Die Handmühle kostet 89 €.", MUEHLE,
     "Hier ist eine kleine Rösterei"),
    ("Here is a cozy café for you!", "Rinse your paper filter with hot water.",
     "Here is a cozy café"),
])
def test_a_place_presented_that_the_brief_does_not_name_is_a_warning(
        text: str, brief: str, shown: str) -> None:
    [problem] = claim_problems(text, brief)
    assert problem.code == "unproven_claim" and not problem.is_error
    assert problem.message == (f"'{shown}' presents a place that the brief does not name; "
                               "take it out or add it to the brief")


@pytest.mark.parametrize(("text", "brief"), [
    # the brand's own place, a place the brief names, a place that qualifies a thing
    ("Hier ist unsere Rösterei, wo der Kurs stattfindet.", "Röstkurs am 12. Dezember."),
    ("Hier ist ein Café, das du kennen solltest.", "Unser Café in Altona feiert Geburtstag."),
    ("Hier ist ein Laden-Tipp für dich.", "Tipp: Bohnen luftdicht lagern."),
])
def test_the_brands_own_or_a_named_place_presented_passes(text: str, brief: str) -> None:
    assert claim_problems(text, brief) == []


@pytest.mark.parametrize(("text", "brief"), [
    ("Hier ist unser neuer Filterkaffee aus Kolumbien!", "Neuer Filterkaffee aus Kolumbien."),
    # the brief's compound names it, and "feature" may be the brief's thing in other words
    ("Hier ist die Mischung für die Feiertage.", "Die Weihnachtsmischung ist zurück."),
    ("Here is a feature you will love.", "Schema drift alerts now also cover Snowflake."),
    ("Hier ist das Kontor vom 24. bis 26. Dezember zu.", WEIHNACHTEN),
    ("Hier ist die Handmühle, die wir getestet haben.", MUEHLE),
    # the coffee qualifies what is presented: a tip
    ("Here is a coffee tip for you: rinse the filter.", "Rinse your paper filter with hot "
     "water before brewing."),
])
def test_a_coffee_the_brief_names_or_no_coffee_presented_passes(text: str, brief: str) -> None:
    assert claim_problems(text, brief) == []


@pytest.mark.parametrize(("text", "shown"), [
    # a ready Instagram draft (bench, 2026-12-06)
    ("Our new decaf from Peru.\nMade with organic beans from Peru", "organic"),
    ("Neu: Bio-Bohnen aus Peru, biologisch angebaut.", "Bio-Bohnen', 'biologisch"),
])
def test_an_organic_claim_the_brief_does_not_make_is_a_warning(text: str, shown: str) -> None:
    [problem] = claim_problems(text, "New decaf from Peru, sugarcane process, 250 g for 10.50.")
    assert problem.code == "unproven_claim"
    assert problem.message.startswith(f"'{shown}' says organic, which the brief does not")


def test_link_in_bio_or_an_organic_brief_makes_no_organic_claim() -> None:
    assert claim_problems("Komm vorbei! Link in Bio", "Komm vorbei.") == []
    assert claim_problems("Now live: https://x.example/a?utm_campaign=organic-social #organic",
                          "Schema alerts are live.") == []
    assert claim_problems("Our organic decaf is here.", "New organic decaf from Peru.") == []


@pytest.mark.parametrize(("text", "shown"), [
    # a ready LinkedIn draft (bench, 2026-12-06)
    ("Wir liefern seit einigen Jahren Kaffee fürs Büro an Büros in Hamburg.",
     "seit einigen Jahren"),
    ("We have been roasting for many years in Altona.", "for many years"),
    ("Seit Jahren rösten wir selbst.", "Seit Jahren"),
])
def test_a_history_the_brief_does_not_give_is_a_claim(text: str, shown: str) -> None:
    [problem] = claim_problems(text, "Kaffee fürs Büro: ab 5 kg pro Monat an Büros in Hamburg.")
    assert f"'{shown}'" in problem.message and "how long" in problem.message


def test_a_history_the_brief_gives_or_a_plain_time_passes() -> None:
    assert claim_problems("Seit vielen Jahren rösten wir in Altona.",
                          "Seit vielen Jahren rösten wir in Altona, jetzt auch fürs Büro.") == []
    assert claim_problems("Seit Montag gibt es den Kaffee, for two weeks only.",
                          "Neu ab Montag: Filterkaffee.") == []


BARISTA = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche, für "
           "unser Café in Altona. Bewerbung per Mail an moin@moewenbohne.example.")


@pytest.mark.parametrize(("text", "shown"), [
    # a ready LinkedIn draft (bench, 2026-12-06)
    ("Sie sollten eine höhere Erfahrung in der Rösterei haben.", "Erfahrung in"),
    ("Kenntnisse in Latte Art sind Voraussetzung.", "Kenntnisse in"),
    ("With experience in Python and PostgreSQL, you'll work on the alerting engine.",
     "experience in"),
    ("Three years of experience are required.", "years of experience"),
])
def test_a_requirement_the_brief_does_not_set_is_a_claim(text: str, shown: str) -> None:
    [problem] = claim_problems(text, BARISTA)
    assert f"'{shown}'" in problem.message and "asks of the applicant" in problem.message


def test_a_requirement_the_brief_sets_or_an_experience_that_is_none_passes() -> None:
    assert claim_problems("Du bringst Erfahrung mit Siebträgern mit.",
                          BARISTA + " Erfahrung mit Siebträgern ist Voraussetzung.") == []
    assert claim_problems("Experience the difference: a simple tip for your coffee "
                          "experience.", "Rinse your paper filter.") == []


@pytest.mark.parametrize(("text", "shown"), [
    # a ready Instagram draft (bench, 2026-12-07), a tip to rinse the paper filter
    ("Our paper filters are known for their high-quality and consistent brewing. They are "
     "used by many coffee enthusiasts and professionals alike.", "'known for', 'used by many'"),
    ("Loved by thousands of data teams.", "'Loved by thousands'"),
    ("Unser Kaffee ist bekannt für seine Süße.", "'bekannt für'"),
    ("Von vielen Gästen geschätzt: unser Espresso.", "'Von vielen Gästen geschätzt'"),
    ("Wir sind bei Profis beliebt.", "'bei Profis beliebt'"),
    # ranks nothing, but says what the guests think (the superlative reading lets it pass)
    ("Sehr beliebt bei unseren Gästen am Morgen.", "'beliebt bei'"),
    ("Baristas schwören auf diese Mühle.", "'Baristas schwören'"),
])
def test_a_reputation_the_brief_does_not_give_is_a_claim(text: str, shown: str) -> None:
    [problem] = claim_problems(text, "Rinse your paper filter with hot water before brewing.")
    assert problem.message.startswith(f"{shown} says what others think of the brand")


def test_a_reputation_the_brief_gives_or_a_name_passes() -> None:
    assert claim_problems("Cold Brew, auch bekannt als kalter Kaffee.", "Cold Brew ist da.") == []
    assert claim_problems("Unsere Mühle ist bei Baristas beliebt.",
                          "Die Hansen H2 ist bei Baristas beliebt, jetzt im Shop.") == []
    assert claim_problems("Known for great coffee? Join us.", "We are known for great coffee.") \
        == []
