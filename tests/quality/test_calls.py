"""The brief's own call to action and the kit's usual one (``quality.calls``): the prompt
asks for the brief's, tidy strikes the usual one where the brief has its own, and a post
that never says the brief's call lacks a fact of the brief."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.briefing import call_rule
from assistant.drafting import Job, build_messages
from assistant.drafting_passes import Passes
from assistant.models import Brief
from assistant.quality.calls import brief_call, missing_call, usual_call
from assistant.quality.completion import with_brief_facts
from assistant.quality.factcheck import missing
from assistant.quality.tidy import tidy_post

ROESTKURS = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im "
             "Laden oder per Mail.")
KOLUMBIEN = ("Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere und Kakao, ab "
             "Samstag im Kontor und im Shop, 250 g für 11,90 €.")


@pytest.mark.parametrize(("brief", "language", "call"), [
    (ROESTKURS, "de", "Anmeldung im Laden oder per Mail"),
    ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit. Bewerbung per Mail an "
     "moin@moewenbohne.example.", "de", "Bewerbung per Mail an moin@moewenbohne.example"),
    ("Cupping am Samstag um 11 Uhr. Kostenlos, meldet euch über den Link an.", "de",
     "meldet euch über den Link an"),
    ("Free webinar on data contracts, 14 January, 16:00 CET; register at the link.", "en",
     "register at the link"),
    ("We are hiring a Senior Data Engineer (remote, EU). Apply via the link.", "en",
     "Apply via the link"),
    # a pre-order (a CLI brief, 2026-12-02: the ready Instagram post ended with the shop)
    ("Am 14. Dezember stehen wir auf dem Weihnachtsmarkt in Ottensen. Vorbestellung von "
     "Bohnen per Mail an moin@moewenbohne.example.", "de",
     "Vorbestellung von Bohnen per Mail an moin@moewenbohne.example"),
    ("Pre-order the holiday blend by 20 December.", "en",
     "Pre-order the holiday blend by 20 December"),
    # a product on sale, a tip, a greeting: no call of their own
    (KOLUMBIEN, "de", None),
    ("Tip: rinse the paper filter with hot water before you brew.", "en", None),
    ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Café geschlossen.", "de", None),
])
def test_the_briefs_own_call(brief: str, language: str, call: str | None) -> None:
    assert brief_call(brief, language) == call


def test_the_prompt_asks_for_the_briefs_call_where_it_has_one(coffee: BrandKit) -> None:
    assert call_rule(KOLUMBIEN, "de") == "End with one clear call to action."
    job = Job(coffee, Brief(text=ROESTKURS), ["instagram"], "de", {"instagram": []},
              passes=Passes())
    system, user = build_messages(job, [])
    assert ("End with the brief's own call to action (Anmeldung im Laden oder per Mail), "
            "not with the brand's usual one.") in user.content
    assert "Anmeldung im Laden" not in system.content  # the system text stays the kit's


def test_tidy_strikes_the_usual_call_where_the_brief_has_its_own(coffee: BrandKit) -> None:
    """A ready Instagram draft of the bench (2026-12-02): the course's own call and the
    kit's call to order in the shop, one under the other."""
    assert coffee.cta == "Komm vorbei im Kontor oder bestell im Shop – Link im Profil."
    text = ("Röstkurs am 12. Dezember um 18 Uhr!\nMaximal 8 Plätze.\nAnmeldung im Laden oder "
            "per Mail.\nKomm vorbei im Kontor oder bestell im Shop – Link im Profil")
    tidied = tidy_post(text, coffee, "instagram", None, brief=ROESTKURS)
    assert tidied == ("Röstkurs am 12. Dezember um 18 Uhr!\nMaximal 8 Plätze.\nAnmeldung im "
                      "Laden oder per Mail.")
    # a product brief has no call of its own: the usual call is the right one
    product = "Neu: Kolumbien, 250 g für 11,90 €.\nKomm vorbei im Kontor oder bestell im Shop!"
    assert tidy_post(product, coffee, "instagram", None, brief=KOLUMBIEN) == product
    # a post made of nothing else keeps it (one sentence always stays)
    alone = "Komm vorbei im Kontor oder bestell im Shop – Link im Profil."
    assert tidy_post(alone, coffee, "instagram", None, brief=ROESTKURS) == alone


def test_the_usual_call_fused_to_the_briefs_by_a_dash_goes(coffee: BrandKit) -> None:
    """A ready Facebook draft (bench, 2026-12-06): the kit's call to order in the shop and
    the course's own call in one sentence; what follows the dash stays."""
    text = ("Der Röstkurs am 12. Dezember um 18 Uhr findet statt. Es gibt maximal 8 Plätze. "
            "Komm vorbei im Kontor oder bestell im Shop – Anmeldung im Laden oder per Mail.")
    assert tidy_post(text, coffee, "facebook", None, brief=ROESTKURS) == (
        "Der Röstkurs am 12. Dezember um 18 Uhr findet statt. Es gibt maximal 8 Plätze. "
        "Anmeldung im Laden oder per Mail.")
    # the whole usual call with its link hint is no brief's call: struck as before
    usual = "Röstkurs am 12. Dezember!\nKomm vorbei im Kontor oder bestell im Shop – Link im Profil"
    assert "Shop" not in tidy_post(usual, coffee, "instagram", None, brief=ROESTKURS)


def test_a_call_that_carries_the_briefs_words_is_not_the_usual_one(coffee: BrandKit) -> None:
    assert coffee.cta is not None
    assert not usual_call("Komm vorbei im Laden oder melde dich per Mail an.", coffee.cta)
    assert usual_call("Komm vorbei im Kontor oder bestell im Shop.", coffee.cta)
    # a kit without a usual call keeps every sentence
    text = "Röstkurs am 12. Dezember um 18 Uhr!\nKomm vorbei im Kontor oder bestell im Shop."
    no_cta = coffee.model_copy(update={"cta": None})
    assert tidy_post(text, no_cta, "instagram", None, brief=ROESTKURS).endswith(
        "Komm vorbei im Kontor oder bestell im Shop.")


def test_a_label_line_that_the_next_line_begins_with_goes(coffee: BrandKit) -> None:
    """"Anmeldung:" over "Anmeldung im Laden oder per Mail." (the same ready draft)."""
    text = "Röstkurs am 12. Dezember um 18 Uhr!\nAnmeldung:\nAnmeldung im Laden oder per Mail."
    assert tidy_post(text, coffee, "instagram", None, brief=ROESTKURS) == (
        "Röstkurs am 12. Dezember um 18 Uhr!\nAnmeldung im Laden oder per Mail.")
    labelled = "Röstkurs am 12. Dezember um 18 Uhr!\nAnmeldung:\nim Laden oder per Mail."
    assert tidy_post(labelled, coffee, "instagram", None, brief=ROESTKURS) == labelled


HIRING = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche, für "
          "unser Café in Altona. Bewerbung per Mail an moin@moewenbohne.example.")
WEBINAR = "Free webinar on data contracts, 14 January, 16:00 CET; register at the link."


@pytest.mark.parametrize(("text", "brief", "language", "lacks"), [
    # the ready Instagram draft of the bench: no word on how to apply
    ("Wir suchen ab Januar eine Barista (m/w/d) für unser Café in Altona.", HIRING, "de",
     ["Bewerbung per Mail an moin@moewenbohne.example"]),
    # a call of its own, but without the address the brief gives
    ("Wir suchen eine Barista in Altona. Bewirb dich per Mail!", HIRING, "de",
     ["Bewerbung per Mail an moin@moewenbohne.example"]),
    ("Wir suchen eine Barista in Altona. Bewirb dich: moin@moewenbohne.example", HIRING, "de",
     []),
    ("Röstkurs am 12. Dezember um 18 Uhr im Laden.", ROESTKURS, "de",
     ["Anmeldung im Laden oder per Mail"]),
    ("Röstkurs am 12. Dezember. Meld dich im Laden an!", ROESTKURS, "de", []),
    ("Join our free webinar on data contracts!", WEBINAR, "en", ["register at the link"]),
    ("Sign up for our free webinar on data contracts!", WEBINAR, "en", []),
    # a brief without a call asks for none
    ("Neu im Kontor: Kolumbien.", KOLUMBIEN, "de", []),
])
def test_a_post_that_never_says_the_briefs_call_lacks_it(text: str, brief: str, language: str,
                                                         lacks: list[str]) -> None:
    assert missing_call(text, brief, language) == lacks


def test_the_briefs_call_is_put_back_in_its_own_words(coffee: BrandKit) -> None:
    """What ``missing_fact`` reads, completion puts back from the brief: the call that the
    post left out closes it, as the person wrote it."""
    text = "Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit für unser Café in Altona."
    assert "Bewerbung per Mail an moin@moewenbohne.example" in missing(text, HIRING, "de")
    done = with_brief_facts(text, HIRING, lambda post: missing(post, HIRING, "de"),
                            lambda post: [], [])
    assert done.endswith("Bewerbung per Mail an moin@moewenbohne.example.")
    english = "Join our free webinar on data contracts on 14 January at 16:00 CET!"
    assert with_brief_facts(english, WEBINAR, lambda post: missing(post, WEBINAR, "en"),
                            lambda post: [], []) == f"{english} Register at the link."
