from __future__ import annotations

import pytest

from assistant.platforms import check_post
from assistant.quality.linkbio import link_in_bio_problems
from tests.quality.conftest import codes


@pytest.mark.parametrize(("platform", "text"), [
    ("x", "Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor. Link in Bio!"),
    ("facebook", "Röstkurs am 12.12. – Anmeldung über den Link im Profil."),
    ("linkedin", "We're hiring a backend engineer. Link in bio."),
    ("bluesky", "Release notes are up, link in our bio"),
    ("pinterest", "Cold Brew Rezept – Link in der Bio"),
    # without the word "link" (a Mastodon draft, 2026-11-30)
    ("mastodon", "Merry Christmas! Don't forget our special offer in our bio!"),
    ("x", "Alle Termine findest du in unserem Profil."),
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
