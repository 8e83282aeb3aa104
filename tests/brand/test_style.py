"""Style features of a post and their match with a kit's examples (pure, no embeddings)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import load_kit
from assistant.brand.style import address_of, sentences, style_of
from assistant.brand.stylematch import build_profile, match_style
from assistant.brand.voicenote import explain
from tests.brand.conftest import COFFEE, EXAMPLE_KITS, SOFTWARE

KIT = [
    "Neu im Röster: ein Kenia. Hell geröstet, fruchtig.\n\nAb Samstag im Kontor. 🍋\n\n#Kaffee",
    "Cold Brew braucht Geduld. 14 Stunden im Kühlschrank, dann filtern.\n\n#ColdBrew",
    "Schau samstags durchs Fenster. Du siehst den Röster laufen.\n\n#Rösterei #Hamburg",
    "Dein Kaffee schmeckt sauer? Mahl feiner. Eine Stufe auf einmal.\n\n#Kaffee",
    "Unsere Tüten sind jetzt aus Papier. Perfekt ist das noch nicht.\n\n#Möwenbohne",
]
GENERIC = ["Schönes Wochenende euch allen!", "Neue Woche, neue Chancen."]


def test_sentences_ignore_urls_hashtags_and_split_after_quotes() -> None:
    text = 'Talk: "What lineage gets wrong." Come say hi. Docs: https://x.example/a.b #dbt'
    assert sentences(text) == ['Talk: "What lineage gets wrong."', "Come say hi.", "Docs:"]
    style = style_of("Zeile eins\nZeile zwei\n\nAbsatz zwei #Tag www.kaffee.example")
    assert style.paragraphs == 2 and style.hashtags == 1
    assert style.words == ("zeile", "eins", "zeile", "zwei", "absatz", "zwei")
    assert style.words_per_sentence == 2.0


@pytest.mark.parametrize(("text", "form"), [
    ("Wir laden Sie herzlich ein und freuen uns auf Ihren Besuch.", "Sie"),
    ("Ihnen gefällt es?", "Sie"),
    ("Sie rösten seit 1990.", "none"),  # "Sie" at a sentence start may be "they"
    ("Sie sind ein echter Kaffeefan.", "Sie"),  # but not before "sind ein" and a person
    ("Unsere Röster? Sie sind ein eingespieltes Team.", "none"),
    ("Komm vorbei, wir freuen uns auf dich!", "du"),
    ("Ihr seid großartig.", "none"),
    ("Come by, we'd love to see you.", "none"),
])
def test_address(text: str, form: str) -> None:
    assert address_of(text) == form


@pytest.mark.parametrize(("text", "opener", "closer"), [
    ("Hey du! Neuer Kaffee ist da. Probier ihn!", "greeting", "exclamation"),
    ("Sehr geehrte Damen und Herren, hiermit teilen wir mit.\n\nMit freundlichen Grüßen",
     "greeting", "sign-off"),
    ("Schietwetter? Rein ins Kontor.\n\n#Hamburg", "question", "statement"),
    ("Neu im Shop. Wie schmeckt er dir? 🍋\n\n#Kaffee", "statement", "question"),
    ("Schema drift alerts are live. Notes: https://tessaline.example/changelog", "statement",
     "link"),
    ("Big news!! 🚀 We ship today.", "exclamation", "statement"),
    ("Wir liefern ins Büro. Frag uns nach Bohnen für dein Team.", "statement", "statement"),
    ("We are closed. We apologize. Kind regards, the management", "statement", "sign-off"),
])
def test_opener_and_closer(text: str, opener: str, closer: str) -> None:
    style = style_of(text)
    assert (style.opener, style.closer) == (opener, closer)


def test_emoji_and_punctuation_rates() -> None:
    style = style_of("Wow!!! 🎉🎉 Wer kommt? 👋🏽")
    assert style.emoji == 3 and style.exclamations == 1.5 and style.questions == 0.5


def test_kit_like_text_matches_and_off_voice_text_does_not() -> None:
    profile = build_profile(KIT, GENERIC)
    like = match_style(profile, "Neu im Kontor: ein Brasilien. Schokoladig und rund. Ab "
                                "Samstag im Röster. 🍋\n\n#Kaffee")
    formal = match_style(profile, "Sehr geehrte Kundinnen und Kunden, wir freuen uns, Ihnen "
                                  "unsere neue Kaffeespezialität vorstellen zu dürfen.")
    shouting = match_style(profile, "OMG!!! 😱😱🔥🔥 Best coffee EVER!!! Who's in??? 🙌🙌")
    assert like.score > 0.85
    assert formal.similarity["address"] < 0.5 and formal.score < 0.6
    assert shouting.similarity["emoji"] < 0.1 and shouting.score < 0.4
    assert like.score > formal.score and like.score > shouting.score


def test_no_du_or_sie_is_neutral_and_vocabulary_is_one_sided() -> None:
    profile = build_profile(KIT, GENERIC)
    neutral = match_style(profile, "Neu im Röster: Kaffee aus Kenia. Ab Samstag im Kontor.")
    assert neutral.similarity["address"] == 1.0
    assert neutral.similarity["vocabulary"] == 1.0  # above the kit's own share: no penalty
    coffee = load_kit(COFFEE, EXAMPLE_KITS)
    real = build_profile([e.text for e in coffee.examples], GENERIC)
    own = match_style(real, "Neu im Kontor: Kenia, hell geröstet. Ab Samstag im Shop.")
    foreign = match_style(real, "Quarterly procurement synergies drive enterprise value.")
    assert own.similarity["vocabulary"] == 1.0 and own.vocabulary_share > 0.6
    assert foreign.vocabulary_share == 0.0 and foreign.similarity["vocabulary"] < 0.2


def test_explanation_names_matches_and_differences() -> None:
    profile = build_profile(KIT, GENERIC)
    formal = match_style(profile, "Wir laden Sie herzlich zu unserer Verkostung ein. Bitte "
                                  "melden Sie sich rechtzeitig an, die Plätze sind begrenzt.")
    note = explain(profile, formal, content=0.9)
    assert note.startswith("the kit's topics") and "Sie instead of du" in note
    assert ", but " in note
    far = explain(profile, match_style(profile, "Wochenende!"), content=0.1)
    assert "topic far from the kit's posts" in far
    same = explain(profile, match_style(profile, KIT[1]), content=0.9)
    assert same.startswith("sounds like the kit")


def test_paragraphs_and_hashtags_are_compared_per_platform() -> None:
    kit = load_kit(SOFTWARE, EXAMPLE_KITS)  # X: one paragraph, no tags; LinkedIn: 3-5 and 2
    profile = build_profile([e.text for e in kit.examples], GENERIC,
                            [e.platform for e in kit.examples])
    short = "Lineage for Dagster assets is live. See what breaks before you deploy."
    on_x, on_linkedin = match_style(profile, short, "x"), match_style(profile, short, "linkedin")
    assert on_x.similarity["paragraphs"] == on_x.similarity["hashtags"] == 1.0
    assert on_linkedin.similarity["paragraphs"] < 0.6 and on_linkedin.similarity["hashtags"] < 0.6
    assert on_x.score > on_linkedin.score
    assert "paragraphs" in explain(profile, on_linkedin, content=0.9)
    assert "paragraphs" not in explain(profile, on_x, content=0.9)
    # a platform with too few examples: paragraphs and hashtags are not judged at all
    on_threads = match_style(profile, short, "threads")
    assert "paragraphs" not in on_threads.similarity and "hashtags" not in on_threads.similarity
    assert "paragraphs" not in explain(profile, on_threads, content=0.9)
    # no platform given: the whole kit's numbers
    assert {"paragraphs", "hashtags"} <= set(match_style(profile, short).similarity)


@pytest.mark.parametrize("text", ["", "🎉🎉🎉", "#Kaffee #Hamburg", "https://moewenbohne.example"])
def test_texts_without_words_get_a_low_match_and_a_line(text: str) -> None:
    profile = build_profile(KIT, GENERIC)
    match = match_style(profile, text)
    assert match.style.words == () and match.vocabulary_share == 0.0
    assert 0.0 < match.score < 0.9
    note = explain(profile, match, content=0.2)
    assert note and "\n" not in note
