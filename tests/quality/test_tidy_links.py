"""tidy_post takes out a web address that no source states (issue 13: "Mehr:
https://moewenbohne.com/rostkurs" in a post whose brief had no link), decided by the
``invented_fact`` check's own test, and keeps the brief's link and the kit's addresses."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality.compose import invented_pieces
from assistant.quality.tidy import one_link, tidy_post
from tests.quality.conftest import context

BRIEF = "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im Laden oder per Mail."
INVENTED = "https://moewenbohne.com/rostkurs"
BRIEF_LINK = "https://www.moewenbohne.example/kurs"
TAGGED = f"{BRIEF_LINK}?utm_source=facebook&utm_medium=social&utm_campaign=social"


@pytest.mark.parametrize(("text", "expected"), [
    (f"Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze! Mehr: {INVENTED}",
     "Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze!"),
    (f"Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze.\n👉 {INVENTED}\nAnmeldung im Laden!",
     "Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze.\nAnmeldung im Laden!"),
    # a sentence that only points at the address goes as a whole
    (f"Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze. Alles unter {INVENTED}. Bis dann!",
     "Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze. Bis dann!"),
])
def test_an_invented_link_goes_with_its_label(coffee: BrandKit, text: str,
                                              expected: str) -> None:
    ctx = context(coffee, brief=BRIEF)
    # the facts of the invented_fact check (without the name lexicon: fast)
    assert invented_pieces(text, ctx, None, ()) == [INVENTED.removeprefix("https://")]
    tidied = tidy_post(text, coffee, "facebook", None, brief=BRIEF)
    assert tidied == expected
    assert invented_pieces(tidied, ctx, None, ()) == []


@pytest.mark.parametrize("url", [
    BRIEF_LINK, TAGGED, f"{BRIEF_LINK}?utm_source=x",  # the brief's link, with or without UTM
    "https://shop.moewenbohne.example/",  # the kit's shop
])
def test_the_briefs_link_and_the_kits_addresses_stay(coffee: BrandKit, url: str) -> None:
    text = f"Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze! Mehr: {url}"
    assert tidy_post(text, coffee, "facebook", TAGGED, brief=BRIEF) == text


@pytest.mark.parametrize("cut", ["https://www.moe", "https://www.moewenbohne.ex",
                                 "https://www.moewenbohne.example/ku"])
def test_the_link_cut_at_the_texts_cap_goes(coffee: BrandKit, cut: str) -> None:
    """A short platform's text cut inside the link is a broken address, not the brief's
    (a Bluesky draft ended "... no extra cost. https://tess", bench 2026-12-02)."""
    text = f"Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze! {cut}"
    ctx = context(coffee, brief=BRIEF, link=TAGGED)
    assert invented_pieces(text, ctx, None, ()) == [cut.removeprefix("https://www.")]
    tidied = tidy_post(text, coffee, "bluesky", TAGGED, brief=BRIEF)
    assert tidied == "Röstkurs am 12. Dezember um 18 Uhr, 8 Plätze!"
    assert invented_pieces(tidied, ctx, None, ()) == []


def test_an_address_written_in_the_brief_stays(coffee: BrandKit) -> None:
    brief = f"{BRIEF} Infos auf {INVENTED}"
    text = f"Röstkurs am 12. Dezember um 18 Uhr! Mehr: {INVENTED}"
    assert tidy_post(text, coffee, "facebook", None, brief=brief) == text


def test_without_a_brief_links_are_left_to_the_checks(coffee: BrandKit) -> None:
    text = f"Röstkurs am 12. Dezember um 18 Uhr! Mehr: {INVENTED}"
    assert tidy_post(text, coffee, "facebook", None) == text


HOLIDAY = ("Frohe Weihnachten: Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem 27. "
           "Dezember sind wir wieder da.")
# from a kit example (the embedded model copied such sentences into unrelated posts)
COPIED = ("Seit diesem Jahr beliefern wir 40 Hamburger Büros und Agenturen mit frisch gerösteten "
          "Bohnen.")


def test_a_kit_example_sentence_with_its_own_fact_goes(coffee: BrandKit) -> None:
    """The embedded model put sentences of the kit with their own facts into a holiday
    greeting (2026-11-30): a kit example's sentence goes, the brief's facts stay."""
    text = ("Moin! Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen. "
            f"Ab dem 27. Dezember sind wir wieder für euch da. {COPIED} Bis bald!")
    assert any(COPIED[:60] in example.text for example in coffee.examples)
    tidied = tidy_post(text, coffee, "mastodon", None, brief=HOLIDAY)
    assert tidied == ("Moin! Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor "
                      "geschlossen. Ab dem 27. Dezember sind wir wieder für euch da. Bis bald!")
    assert invented_pieces(tidied, context(coffee, brief=HOLIDAY), None, ()) == []


def test_a_kit_example_sentence_with_no_fact_of_the_brief_goes(coffee: BrandKit) -> None:
    """A Facebook post on a new filter coffee took two sentences of the kit's open-day
    example word for word (bench, 2026-12-01): a live roasting, a cupping and cocoa for
    children that nobody announced. No fact in them for the fact test to read; they go
    because none of the brief's facts is in them."""
    brief = ("Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere und Kakao, ab "
             "Samstag im Kontor und im Shop, 250 g für 11,90 €.")
    copied = ("Wir rösten live, erklären, was im Röster passiert, und laden zum Cupping ein – "
              "so verkosten Profis Kaffee, mit Löffel und lautem Schlürfen. Für Kinder gibt's "
              "heißen Kakao und eine kleine Bohnen-Rallye.")
    text = f"{brief} {copied}"
    assert tidy_post(text, coffee, "facebook", None, brief=brief) == brief
    # the brief's own sentence stays, though the kit's Instagram example says it too, and
    # so does the example's sign-off: the brand's voice, not news
    said = "Ab Samstag im Kontor und im Shop. Erzähl uns, wie er dir schmeckt!"
    assert tidy_post(said, coffee, "facebook", None, brief=brief) == said


@pytest.mark.parametrize(("text", "brief"), [
    # the fact is the brief's: the sentence stays (copies_example may still say so)
    (f"Frohe Weihnachten! {COPIED}", "Wir beliefern 40 Büros. Frohe Weihnachten!"),
    # a post that is nothing but the copied sentence is left to the checks
    (COPIED, HOLIDAY),
    # a sentence of its own words with an invented number is left to the checks too
    ("Frohe Weihnachten! Wir haben 12 neue Sorten im Kontor.", HOLIDAY),
])
def test_what_tidy_leaves_to_the_checks(coffee: BrandKit, text: str, brief: str) -> None:
    assert tidy_post(text, coffee, "mastodon", None, brief=brief) == text


def test_the_posts_link_said_twice_stays_where_it_stands_last() -> None:
    """A ready LinkedIn draft of the bench (2026-12-01) put the tagged link after "Included
    in every plan at no extra cost." and again in its call to action. The earlier goes
    with its label; one that a sentence of its own words leads to stays."""
    text = (f"Included in every plan at no extra cost. {TAGGED}\n\nTry it free for 30 days, "
            f"no credit card - {TAGGED}")
    assert one_link(text, TAGGED) == ("Included in every plan at no extra cost.\n\nTry it "
                                      f"free for 30 days, no credit card - {TAGGED}")
    assert one_link(f"Mehr: {TAGGED}. Anmelden: {TAGGED}", TAGGED) == f"Anmelden: {TAGGED}"
    inside = f"Details unter {TAGGED} und im Laden. Anmelden: {TAGGED}"
    assert one_link(inside, TAGGED) == inside
    assert one_link(f"Nur hier: {TAGGED}", TAGGED) == f"Nur hier: {TAGGED}"
    # a bare repeat after the sentence that leads to it goes (a ready Mastodon draft, bench
    # 2026-12-02)
    led = f"45 minutes, free. Register now at {TAGGED}."
    assert one_link(f"{led} {TAGGED}.", TAGGED) == led
    assert one_link(f"{led}\n\n{TAGGED}", TAGGED) == led
