"""keep_brief_particles: the brief's separable verb keeps its particle in the post;
keep_brief_order: "wir" first where the post opens a statement with the brief's verb."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.briefparticles import (
    brief_particles,
    keep_brief_order,
    keep_brief_particles,
)
from assistant.quality.tidy import tidy_post

HAFER = ("Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino vor, "
         "ab Montag im Café für 3,80 €.")
KURS = "Am 12. Dezember findet der Röstkurs statt. Wir laden dich herzlich ein!"


def test_the_briefs_separable_verbs_are_read_with_their_particle() -> None:
    assert brief_particles(HAFER) == {"stellen": "vor"}
    assert brief_particles(KURS) == {"findet": "statt", "laden": "ein"}
    # a particle that is no verb's ("vor dem Café") and a verb of no such pair
    assert brief_particles("Wir warten vor dem Café. Wir rösten Kaffee an.") == {}


@pytest.mark.parametrize(("text", "brief", "mended"), [
    # a ready Facebook draft (bench, 2026-12-03)
    ("Wir stellen unseren Hafer-Cappuccino ab Montag im Café für 3,80 €. Probier ihn!",
     HAFER, "Wir stellen unseren Hafer-Cappuccino ab Montag im Café für 3,80 € vor. "
     "Probier ihn!"),
    ("Werbung | Ab Montag stellen wir unseren Hafer-Cappuccino\nKomm vorbei", HAFER,
     "Werbung | Ab Montag stellen wir unseren Hafer-Cappuccino vor\nKomm vorbei"),
    ("Der Röstkurs findet am 12. Dezember im Kontor. Ihr findet uns im Kontor.", KURS,
     "Der Röstkurs findet am 12. Dezember im Kontor statt. Ihr findet uns im Kontor."),
    ("Wir laden dich zum Röstkurs am 12. Dezember, 18 Uhr.", KURS,
     "Wir laden dich zum Röstkurs am 12. Dezember ein, 18 Uhr."),
])
def test_a_clause_that_lost_the_particle_gets_it_back(text: str, brief: str,
                                                       mended: str) -> None:
    assert keep_brief_particles(text, brief) == mended


@pytest.mark.parametrize(("text", "brief"), [
    (HAFER, HAFER),
    ("Wir stellen unseren Hafer-Cappuccino gemeinsam mit Elbhof vor, ab Montag.", HAFER),
    ("Wir stellen dich vor die Wahl. Stell dir vor!", HAFER),
    ("Ihr findet uns im Kontor. Wir freuen uns.", KURS),
    ("Wir stellen aus.", HAFER),
    # no such verb in the brief: nothing is read
    ("Wir stellen unseren Kaffee ins Regal.", "Neuer Kaffee im Regal."),
])
def test_a_clause_with_its_particle_or_another_frame_stays(text: str, brief: str) -> None:
    assert keep_brief_particles(text, brief) == text


def test_tidy_puts_the_particle_back_in_german_posts(coffee: BrandKit) -> None:
    text = "Werbung | Wir stellen unseren Hafer-Cappuccino ab Montag im Café für 3,80 €."
    assert tidy_post(text, coffee, "facebook", None, brief=HAFER) == (
        "Werbung | Wir stellen unseren Hafer-Cappuccino ab Montag im Café für 3,80 € vor.")


def test_a_statement_that_opens_with_the_briefs_verb_puts_wir_first(coffee: BrandKit) -> None:
    """A ready Facebook post (bench, 2026-12-03; the same on 12-01): the brief's first part
    moved, its verb stayed first."""
    text = ("Werbung | Was ist der Hafer-Cappuccino?\n\nStellen wir unseren Hafer-Cappuccino "
            "gemeinsam mit der Hafermolkerei Elbhof vor, ab Montag im Café für 3,80 €.")
    mended = text.replace("Stellen wir", "Wir stellen")
    assert keep_brief_order(text, HAFER) == mended
    assert tidy_post(text, coffee, "facebook", None, brief=HAFER) == mended
    # a question, a call with a colon, a verb the brief opens with, a brief without it
    for fine, brief in (("Stellen wir unseren Hafer-Cappuccino vor? Ja!", HAFER),
                        ("Stellen wir uns vor: ab Montag im Café.", HAFER),
                        ("Freuen wir uns auf Montag.", "Freuen wir uns auf Montag!"),
                        ("Freuen wir uns auf Montag.", KURS),
                        ("Und wir freuen uns.", "Ab Montag ist es so weit, und wir freuen uns."),
                        ("Dass wir rösten, weißt du.", "Du weißt, dass wir rösten.")):
        assert keep_brief_order(fine, brief) == fine, fine
