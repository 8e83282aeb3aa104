"""AppTest of the Check page: cards, length bars, fold, hashtags, problems, safe fixes."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def page() -> AppTest:
    return AppTest.from_string(
        "from assistant.ui import check\ncheck.render()", default_timeout=60
    ).run()


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def test_empty_page_asks_for_text() -> None:
    at = page()
    assert not at.exception
    assert "Paste a post" in at.info[0].value
    assert at.multiselect[0].value == [
        "x",
        "bluesky",
        "mastodon",
        "threads",
        "instagram",
        "facebook",
        "linkedin",
        "tiktok",
        "pinterest",
        "google_business",
    ]


def test_cards_show_numbers_in_each_unit() -> None:
    at = page()
    at.multiselect[0].set_value(["x", "bluesky", "threads"]).run()
    at.text_area[0].input("Grüße ☕ kaffee.de #Kaffee #kaffee").run()
    assert not at.exception
    text = markdown(at)
    assert "#### X" in text and "#### Bluesky" in text and "#### Threads" in text
    assert "#### Instagram" not in text
    caps = captions(at)
    assert "48 / 280 weighted characters" in caps  # 6 + ☕ 2 + 1 + link 23 + 8 + 8
    assert "33 / 300 graphemes" in caps
    assert "37 / 3000 bytes (UTF-8)" in caps  # ü, ß: 2 bytes each; ☕: 3
    assert "35 / 500 characters (emoji = UTF-8 bytes)" in caps
    assert ":orange-badge[\\#Kaffee]" in text  # duplicate tags shown as orange chips
    assert any("duplicate_hashtag" in w.value for w in at.warning)


def test_over_limit_is_an_error_with_the_amount() -> None:
    at = page()
    at.multiselect[0].set_value(["x"]).run()
    at.text_area[0].input("日本" * 71).run()
    assert not at.exception
    assert "too_long" in at.error[0].value and "shorten it by 4" in at.error[0].value
    assert "4 over" in captions(at)
    assert "❌ 1 error(s)" in markdown(at)


def test_fold_marker_for_instagram() -> None:
    at = page()
    at.multiselect[0].set_value(["instagram"]).run()
    hook = "Unser neuer Espresso ist da. "
    at.text_area[0].input(hook + "Mehr Text über Bohnen und Röstung. " * 10).run()
    html = markdown(at)
    assert "<b>Unser neuer Espresso ist da." in html and "… more ▾" in html
    assert "first 125 characters" in captions(at)


def test_apply_safe_fixes_shows_fixed_text() -> None:
    at = page()
    at.multiselect[0].set_value(["instagram", "x"]).run()
    at.text_area[0].input("Neu!\nhttps://kaffee.de/shop\n#a #b #c #d #e #f").run()
    assert not at.code
    at.button[0].click().run()
    assert not at.exception
    codes = [c.value for c in at.code]
    assert "Neu!\nLink in bio\n#a #b #c #d #e" in codes
    assert "0 problem(s) left" in captions(at)


def test_no_platform_picked() -> None:
    at = page()
    at.text_area[0].input("Hallo").run()
    at.multiselect[0].set_value([]).run()
    assert not at.exception
    assert "Pick at least one platform" in at.info[0].value
