from __future__ import annotations

import pytest

from assistant.platforms import check_post
from assistant.quality.compose import quality_problems
from assistant.quality.linkbio import link_below_problems, link_in_bio_problems
from tests.quality.conftest import codes, context


@pytest.mark.parametrize(("platform", "text"), [
    ("x", "Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor. Link in Bio!"),
    ("facebook", "Röstkurs am 12.12. – Anmeldung über den Link im Profil."),
    ("linkedin", "We're hiring a backend engineer. Link in bio."),
    ("bluesky", "Release notes are up, link in our bio"),
    ("pinterest", "Cold Brew Rezept – Link in der Bio"),
    # without the word "link" (a Mastodon draft, 2026-11-30)
    ("mastodon", "Merry Christmas! Don't forget our special offer in our bio!"),
    ("x", "Alle Termine findest du in unserem Profil."),
    # the reader's bio (a ready LinkedIn draft, bench 2026-12-06)
    ("linkedin", "Der Link zum Cupping findest du in deinem Bio."),
    ("bluesky", "The link is in your bio."),
    # "im Profil" after what it points to (a ready Facebook draft, 2026-11-30)
    ("facebook", "Mehr Infos und zum Bestellen kannst du dir im Profil finden."),
    ("threads", "Tickets gibt's im Profil!"),
])
def test_link_in_bio_where_links_work_is_a_warning(platform: str, text: str) -> None:
    [problem] = link_in_bio_problems(text, platform)
    assert problem.code == "link_in_bio" and not problem.is_error
    assert "\n" not in problem.message


@pytest.mark.parametrize(("platform", "text"), [
    ("instagram", "Neuer Filterkaffee aus Kolumbien. Link in Bio!"),
    ("tiktok", "Full recipe: link in bio"),
    ("x", "Neuer Filterkaffee: https://shop.moewenbohne.example/kolumbien"),
    ("facebook", "Bio-Milch im Kontor, biologisch und lecker."),
    ("facebook", "Kaffee in Bio-Qualität, geröstet in der Bio-Rösterei nebenan."),
    # a coffee's taste profile
    ("facebook", "Fruchtig im Profil, mit mehr Säure im Profil als der Brasilien."),
])
def test_no_warning_where_it_is_right(platform: str, text: str) -> None:
    assert link_in_bio_problems(text, platform) == []


def test_the_reverse_check_still_stands() -> None:
    # a bare URL on Instagram stays the platform check's business
    result = check_post("instagram", "Neu im Shop: https://www.example.de/kaffee")
    assert "link_not_clickable" in codes(result.problems)


@pytest.mark.parametrize("text", [
    # the software kit's usual call under a tip with no link (a ready LinkedIn draft, bench
    # 2026-12-05)
    "Put a freshness check on every source table.\n\nTry it free for 30 days, no credit "
    "card - link below.",
    "Alle Infos zum Röstkurs: Link unten!", "Details? Link in the comments.",
    "Anmeldung über den Link im ersten Kommentar.",
])
def test_a_hint_to_a_link_below_a_post_with_none_is_a_warning(text: str) -> None:
    [problem] = link_below_problems(text, None)
    assert problem.code == "missing_link" and not problem.is_error
    assert "add the link to the brief or take the hint out" in problem.message


def test_a_hint_to_a_link_that_is_there_passes() -> None:
    text = "Try it free for 30 days, no credit card - link below."
    assert link_below_problems(text, "https://tessaline.example/start") == []
    assert link_below_problems(text + "\nhttps://tessaline.example/start", None) == []
    assert link_below_problems("Unten im Hafen rösten wir.", None) == []


def test_the_one_checker_reads_a_link_below() -> None:
    ctx = context(None, brief="Tip: put a freshness check on every source table.",
                  platform="linkedin", language="en")
    text = "Put a freshness check on every source table. Try it free - link below."
    assert "missing_link" in codes(quality_problems(text, [], ctx))
