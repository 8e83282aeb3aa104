"""An offer that neither the brief, the link nor the kit's facts make (quality/promises),
an ``invented_fact``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.brand.ingest import kit_guidelines
from assistant.brand.kit import BrandKit
from assistant.quality.compose import quality_problems
from assistant.quality.promises import invented_offers, offers
from tests.quality.conftest import codes, context

CLOSURE = "We are closed from 24 to 26 December; from 27 December we are back with fresh beans."


@pytest.mark.parametrize(("text", "shown"), [
    # two ready English posts of the bench (2026-12-06) and one of 2026-12-01
    ("Back on December 27th. Don't miss out on our Christmas special!",
     "our Christmas special"),
    ("Come in for a special treat and get a bag of beans home.", "special treat"),
    ("Try our special offer until the end of the day.", "special offer"),
    ("Free cookie with every cup this week.", "Free"),
    ("Get 10% off all beans!", "10% off"),
    ("Use the promo code XMAS at checkout.", "promo code"),
    ("Jetzt 10 % Rabatt auf alle Bohnen.", "10 % Rabatt"),
    ("Unser Weihnachtsangebot: die Mischung im Shop.", "Weihnachtsangebot"),
    ("Der erste Kaffee geht aufs Haus.", "geht aufs Haus"),
    ("Wir haben eine kleine Überraschung für euch!", "eine kleine Überraschung für"),
    ("Gutscheine gibt es im Laden.", "Gutscheine"),
    # a ready Instagram post of the CLI (2026-12-06) on an advent calendar for 29 €
    ("Neu im Kontor: Adventskalender mit 24 kleinen Kaffeeproben. Testen ohne zu zahlen!",
     "ohne zu zahlen"),
    ("Probieren kostet nichts.", "kostet nichts"),
    ("Try it without paying.", "without paying"),
])
def test_an_offer_the_brief_does_not_make_is_invented(text: str, shown: str) -> None:
    assert invented_offers(text, (CLOSURE,)) == [shown]


@pytest.mark.parametrize("text", [
    "Feel free to reach out if you need support.",
    "Our decaf offers a taste of caramel and orange.",
    "Gluten-free, and free of added sugar.",
    "It takes a great deal of care to roast it.",
    "Unser Angebot: Filterkaffee und Espresso.",
    "Nicht umsonst heißt es: frisch gemahlen schmeckt besser.",
    "Wir zahlen 30 Prozent über dem Fairtrade-Mindestpreis.",
    "The special edition of our newsletter is out.",
    "Treat yourself to a slow morning.",
    "Mehr im Shop: https://shop.example/?utm_campaign=free-trial",
])
def test_plain_words_offer_nothing(text: str) -> None:
    assert offers(text) == []


def test_a_source_allows_its_kind_of_offer_in_any_words() -> None:
    """"Kostenlos" in the brief allows "free" and "gratis" in the post, not a discount."""
    brief = "Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor. Kostenlos, Anmeldung per Mail."
    assert invented_offers("Cupping am Samstag um 11 Uhr, gratis und free!", (brief,)) == []
    assert invented_offers("Cupping am Samstag, kostenlos, und 10 % Rabatt im Shop.",
                           (brief,)) == ["10 % Rabatt"]


def test_the_kits_call_to_action_makes_its_standing_offer(software: BrandKit) -> None:
    """Tessaline's call to action is "Try it free for 30 days": every post may say it, and
    a post of a kit without that call may not."""
    brief = "Schema drift alerts now also cover Snowflake. Turn them on under Settings, Alerts."
    text = "Schema drift alerts now cover Snowflake. Try it free for 30 days."
    assert software.cta and "free" in software.cta
    assert "invented_fact" not in codes(quality_problems(text, [], context(
        software, brief=brief, platform="linkedin", language="en")))
    assert "invented_fact" in codes(quality_problems(text, [], context(
        None, brief=brief, platform="linkedin", language="en")))


def test_an_invented_offer_keeps_a_post_from_ready(coffee: BrandKit) -> None:
    ctx = context(coffee, brief="Vom 24. bis 26. Dezember ist das Kontor geschlossen.")
    text = "Vom 24. bis 26. Dezember ist das Kontor geschlossen. Danach: unser Weihnachtsangebot!"
    [problem] = [p for p in quality_problems(text, [], ctx) if p.code == "invented_fact"]
    assert problem.is_error and "'Weihnachtsangebot'" in problem.message


def test_the_guidelines_make_no_offer(coffee: BrandKit) -> None:
    """The coffee kit's guide says to write 'Aktion', not 'Sonderangebot': that offers
    nothing (it is a rule of style), and neither does a link's campaign name."""
    guidelines = kit_guidelines(coffee)
    assert "Sonderangebot" in guidelines
    ctx = replace(context(coffee, brief="Neue Mischung ab Samstag im Kontor.",
                          link="https://moewenbohne.example/?utm_campaign=sonderangebot-free"),
                  guidelines=guidelines)
    text = "Neue Mischung ab Samstag im Kontor, als Sonderangebot und free!"
    [problem] = [p for p in quality_problems(text, [], ctx) if p.code == "invented_fact"]
    assert "'Sonderangebot'" in problem.message and "'free'" in problem.message


BARISTA_JOB = "Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche."


@pytest.mark.parametrize(("text", "brief", "invented"), [
    # a ready LinkedIn post of the bench (2026-12-06), copied from the kit's other job ad
    ("Wir suchen eine Röster:in in Ausbildung (m/w/d). Vollzeit, unbefristet, mitten in Altona.",
     BARISTA_JOB, ["Vollzeit", "in Ausbildung", "unbefristet"]),
    ("Wir suchen eine Barista in Teilzeit, befristet auf ein Jahr.", BARISTA_JOB,
     ["befristet"]),
    ("A full-time, permanent role on the alerting engine.",
     "Senior data engineer, full-time, remote within the EU.", ["permanent role"]),
    # the brief's own terms, in either language
    ("Barista (m/w/d), part-time, 20 hours a week.", BARISTA_JOB, []),
    ("Teilzeit, 20 Stunden pro Woche, ab Januar.", BARISTA_JOB, []),
])
def test_a_jobs_terms_come_from_the_brief(text: str, brief: str, invented: list[str]) -> None:
    """Each term is its own kind: the brief's "Teilzeit" allows no "Vollzeit"."""
    assert invented_offers(text, (brief,)) == invented
