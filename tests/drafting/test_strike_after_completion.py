"""A sentence kept for the brief's fact, or one the put-back piece says in full, goes once
completion puts the fact back (the finishing of a post, with the real kit, lexicons and
checks; no model)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import load_kit
from assistant.drafting_post import PostReply, finish_post
from assistant.models import Brief
from tests.conftest import ROOT

BRIEF = ("Our new decaf from Peru is here - sugarcane process, notes of caramel and orange, "
         "250 g for 10.50 euros.")
# a problems Instagram draft of the bench (2026-12-02): "50 g" is the model's own
SEEN = ("Discover our new decaf from Peru! Savor the sweetness of sugarcane, notes of "
        "caramel and orange\n50 g for 10.50 euros\nTry it now and let us know what you "
        "think!")


@pytest.mark.parametrize("price", ["10.50 euros", "€10.50"])
def test_the_invented_line_goes_once_the_brief_fact_is_back(price: str) -> None:
    """The brief's piece says the price of the invented line again: that line goes."""
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    brief = Brief(text=BRIEF.replace("10.50 euros", price), language="en")
    seen = SEEN.replace("10.50 euros", price)
    draft = finish_post(kit, brief, "instagram", PostReply(platform="instagram", text=seen),
                        "en", [])
    assert f"250 g for {price}" in draft.text
    assert "\n50 g" not in draft.text
    assert not any(p.code == "invented_fact" for p in draft.problems), draft.problems


CUPPING = ("Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor. Wir verkosten drei Kaffees "
           "aus Äthiopien. Kostenlos, Anmeldung über den Link.")
# a ready LinkedIn draft of the bench (2026-12-03) before its brief piece was put back
OWN_CALL = ("Wir freuen uns auf dich! Du kannst auch unser Cupping am Samstag, 7. Dezember, "
            "um 11 Uhr im Kontor testen.\n\nAnmeldung über den Link.")


def test_the_models_sentence_that_the_put_back_piece_says_goes() -> None:
    """Completion put "Wir verkosten drei Kaffees aus Äthiopien. Kostenlos, Anmeldung über
    den Link." under the model's "Anmeldung über den Link.": the call stood twice."""
    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    brief = Brief(text=CUPPING, language="de", link="https://www.moewenbohne.example/cupping")
    draft = finish_post(kit, brief, "linkedin", PostReply(platform="linkedin", text=OWN_CALL),
                        "de", [])
    assert "Wir verkosten drei Kaffees aus Äthiopien" in draft.text
    assert draft.text.count("Anmeldung über den Link") == 1, draft.text


HIRING = ("Senior data engineer, remote within the EU or in our Berlin office, to work on the "
          "alerting engine (Python, Postgres).")
# a LinkedIn draft of the bench (2026-12-07): the repairs kept its claim twice
CLAIMED = ("We are looking for a senior data engineer to join our team. This role requires "
           "experience in Python and Postgres, and you will be working on the alerting engine "
           "to improve the quality of our data pipelines. Remote within the EU or in our "
           "Berlin office, to work on the alerting engine (Python, Postgres).")


def test_a_claim_in_a_sentence_with_no_fact_of_the_brief_is_struck() -> None:
    """``unproven_claim`` and ``banned_word`` are slips a sentence of the model's own can
    carry, like a misspelt word: the sentence goes when the rest keeps the brief."""
    kit = load_kit("tessaline-software", ROOT / "brand_kits")
    brief = Brief(text=HIRING, language="en",
                  link="https://tessaline.example/careers/senior-data-engineer")
    draft = finish_post(kit, brief, "linkedin", PostReply(platform="linkedin", text=CLAIMED),
                        "en", [])
    assert "experience in" not in draft.text
    assert draft.text.startswith("We are looking for a senior data engineer to join our team. "
                                 "Remote within the EU")
    assert not any(p.code == "unproven_claim" for p in draft.problems), draft.problems
    # a banned phrase in a sentence of its own goes the same way
    banned = ("We are thrilled to announce a new role on our team. " + CLAIMED.split(". ", 2)[2])
    draft = finish_post(kit, brief, "linkedin", PostReply(platform="linkedin", text=banned),
                        "en", [])
    assert "thrilled" not in draft.text and draft.text.startswith("Remote within the EU")
