"""The feed preview of a post: "… more" after a whole word, tags kept whole."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from assistant.ui.widgets import word_cut

# the Compose preview of 2026-12-04 (headless Chromium): "#Möwenbohn … more ▾ e #Barista"
POST = ("Barista-Kurs am Samstag im Kontor, noch drei Plätze frei\nKomm vorbei im Kontor oder "
        "bestell im Shop – Link in Bio\n#Möwenbohne #Barista #Kontor")


def test_the_cut_goes_back_to_the_last_whole_word() -> None:
    fold = POST.index("#Möwenbohne") + 9  # inside the tag
    assert word_cut(POST, fold) == POST.index("#Möwenbohne") - 1
    assert word_cut("Kaffee ist da", 6) == 6  # at a space already
    assert word_cut("Kaffee", 3) == 3  # one word longer than the fold: cut where it is
    assert word_cut("Kaffee", 10) == 10


def _preview() -> None:
    from assistant.platforms import check_post
    from assistant.ui.widgets import post_preview
    from tests.ui.test_preview import POST
    post_preview(POST, check_post("instagram", POST), "Möwenbohne Kaffeekontor", "moewenbohne")


def test_the_preview_keeps_a_tag_whole() -> None:
    app = AppTest.from_function(_preview).run()
    assert not app.exception
    html = "".join(block.value for block in app.markdown)
    assert '<span class="pw-tag">#Möwenbohne</span>' in html
    assert "… more ▾" in html
