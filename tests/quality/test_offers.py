"""An offer that neither the brief nor the kit's call to action makes (quality/offers)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.compose import quality_problems
from assistant.quality.offers import offer_kinds, offer_problems
from tests.quality.conftest import codes, context

CLOSURE = "We are closed from 24 to 26 December; from 27 December we are back with fresh beans."


@pytest.mark.parametrize(("text", "shown"), [
    # two ready English posts of the bench (2026-12-06) and one of 2026-12-01
    ("Back on December 27th. Don't miss out on our Christmas special!",
     "our Christmas special"),
    ("Come in for a special treat and get a bag of beans home.", "a special treat"),
    ("Try our special offer until the end of the day.", "our special offer"),
    ("Free cookie with every cup this week.", "Free"),
    ("Get 10% off all beans!", "10% off"),
    ("Use the promo code XMAS at checkout.", "promo code"),
    ("Jetzt 10 % Rabatt auf alle Bohnen.", "10 % Rabatt"),
    ("Unser Weihnachtsangebot: die Mischung im Shop.", "Weihnachtsangebot"),
    ("Der erste Kaffee geht aufs Haus.", "geht aufs Haus"),
    ("Wir haben eine kleine Überraschung für euch!", "eine kleine Überraschung für"),
    ("Gutscheine gibt es im Laden.", "Gutscheine"),
])
def test_an_offer_the_brief_does_not_make_is_a_warning(text: str, shown: str) -> None:
    [problem] = offer_problems(text, (CLOSURE,))
    assert problem.code == "unproven_claim" and not problem.is_error
    assert f"'{shown}'" in problem.message
    assert "promises an offer that the brief does not make" in problem.message


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
    assert offer_kinds(text) == {}


def test_a_source_allows_its_kind_of_offer_in_any_words() -> None:
    """"Kostenlos" in the brief allows "free" and "gratis" in the post, not a discount."""
    brief = "Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor. Kostenlos, Anmeldung per Mail."
    assert offer_problems("Cupping am Samstag um 11 Uhr, gratis und free!", (brief,)) == []
    [problem] = offer_problems("Cupping am Samstag, kostenlos, und 10 % Rabatt im Shop.",
                               (brief,))
    assert "'10 % Rabatt'" in problem.message and "kostenlos" not in problem.message


def test_the_kits_call_to_action_makes_its_standing_offer(software: BrandKit) -> None:
    """Tessaline's call to action is "Try it free for 30 days": every post may say it, and
    a post of a kit without that call may not."""
    brief = "Schema drift alerts now also cover Snowflake. Turn them on under Settings, Alerts."
    text = "Schema drift alerts now cover Snowflake. Try it free for 30 days."
    assert software.cta and "free" in software.cta
    assert "unproven_claim" not in codes(quality_problems(text, [], context(
        software, brief=brief, platform="linkedin", language="en")))
    assert "unproven_claim" in codes(quality_problems(text, [], context(
        None, brief=brief, platform="linkedin", language="en")))


def test_an_invented_offer_keeps_a_post_from_ready(coffee: BrandKit) -> None:
    ctx = context(coffee, brief="Vom 24. bis 26. Dezember ist das Kontor geschlossen.")
    text = "Vom 24. bis 26. Dezember ist das Kontor geschlossen. Danach: unser Weihnachtsangebot!"
    assert "unproven_claim" in codes(quality_problems(text, [], ctx))
