"""tidy_post: bio hints where links work and emoji the kit does not use come out of a
model's post before it is checked; what remains must pass the very checks that flag them."""

from __future__ import annotations

import pytest

from assistant.brand.ingest import kit_guidelines
from assistant.brand.kit import BrandKit
from assistant.quality.emoji import emoji_not_in_kit_problems
from assistant.quality.linkbio import link_in_bio_problems
from assistant.quality.placeholders import placeholder_problems
from assistant.quality.textnorm import sentence_spans
from assistant.quality.tidy import tidy_post
from tests.quality.conftest import KITS

LINK = "https://kaffeekontor.example/kurs?utm_source=facebook"


@pytest.mark.parametrize(("text", "platform", "link", "expected"), [
    # German: a call to action before a dash keeps its mark, the hint goes
    ("Jetzt anmelden – Link in Bio! ☕", "facebook", None, "Jetzt anmelden! ☕"),
    ("Jetzt anmelden – Link in Bio! ☕", "facebook", LINK, f"Jetzt anmelden – {LINK}! ☕"),
    ("Neu im Kontor.\nMehr Infos: Link in Bio", "x", None, "Neu im Kontor."),
    ("Neu im Kontor. 👉 Link in der Bio", "linkedin", None, "Neu im Kontor."),
    ("Neu im Kontor. Link in Bio. Bis Samstag!", "facebook", None,
     "Neu im Kontor. Bis Samstag!"),
    # a sentence that only points at the bio goes as a whole (no "unter dem." left behind)
    ("Alle Infos findest du unter dem Link in unserer Bio. Bis Samstag!", "facebook", None,
     "Bis Samstag!"),
    ("Kommt vorbei! Alle Infos unter dem Link in unserer Bio", "threads", LINK,
     "Kommt vorbei!"),
    ("Tickets gibt's hier (Link in Bio).", "linkedin", None, "Tickets gibt's hier."),
    # seen on the embedded model: a dash and an arrow before the hint
    ("Komm vorbei oder bestell im Shop – 👉 Link in Bio. Wir freuen uns!", "facebook", None,
     "Komm vorbei oder bestell im Shop. Wir freuen uns!"),
    ("Bestell im Shop – 🔗 Link in Bio", "facebook", None, "Bestell im Shop"),
    # English
    ("Sign up now - link in bio!", "bluesky", None, "Sign up now!"),
    ("New roast is in. Details: link in our bio", "mastodon", LINK,
     f"New roast is in. Details: {LINK}"),
])
def test_bio_hints_where_links_work(coffee: BrandKit, text: str, platform: str,
                                    link: str | None, expected: str) -> None:
    tidied = tidy_post(text, coffee, platform, link)
    assert tidied == expected
    assert link_in_bio_problems(tidied, platform) == []


def test_instagram_keeps_its_bio_hint(coffee: BrandKit) -> None:
    text = "Neuer Filterkaffee im Kontor. Link in Bio ☕"
    assert tidy_post(text, coffee, "instagram", LINK) == text


@pytest.mark.parametrize(("text", "expected"), [
    # the embedded model's Instagram draft (bench_quality, 2026-11-30)
    ("Schau es dir an. Link in Bio! Komm vorbei im Kontor oder bestell im Shop – Link in Bio!",
     "Schau es dir an. Komm vorbei im Kontor oder bestell im Shop – Link in Bio!"),
    ("Neu im Kontor. Mehr Infos: Link in Bio\n\nLink im Profil",
     "Neu im Kontor.\n\nLink im Profil"),
    ("Alle Infos unter dem Link in unserer Bio. Jetzt bestellen – Link in Bio!",
     "Jetzt bestellen – Link in Bio!"),
])
def test_where_links_do_not_work_a_bio_hint_is_said_once(coffee: BrandKit, text: str,
                                                          expected: str) -> None:
    assert tidy_post(text, coffee, "instagram", LINK) == expected


def test_foreign_emoji_go_the_kits_own_stay(coffee: BrandKit) -> None:
    text = "Neuer Filterkaffee aus Kolumbien: rote Johannisbeere 🍋 🍄 🍊, ab Samstag ☕️ 🚀"
    tidied = tidy_post(text, coffee, "instagram", None)
    assert tidied == "Neuer Filterkaffee aus Kolumbien: rote Johannisbeere 🍋, ab Samstag ☕️"
    assert emoji_not_in_kit_problems(tidied, coffee) == []


def test_a_kit_that_allows_no_emoji_gets_none(software: BrandKit) -> None:
    """A Tessaline X draft kept "🚀" (too_many_emoji, an error) after two repairs."""
    text = "🚀 Senior Data Engineer - remote within the EU or in Berlin ✨"
    tidied = tidy_post(text, software, "x", None, language="en")
    assert tidied == "Senior Data Engineer - remote within the EU or in Berlin"


def test_a_kit_without_an_emoji_list_keeps_every_emoji(coffee: BrandKit) -> None:
    kit = coffee.model_copy(update={"emoji": coffee.emoji.model_copy(update={"allowed": []})})
    text = "Cold brew season 🧊🍕 grab a bag 🎉"
    assert tidy_post(text, kit, "instagram", None) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Mit einem Kaffee in Altona finden wir die **perfekte** Barista!",
     "Mit einem Kaffee in Altona finden wir die perfekte Barista!"),
    ("__New:__ schema drift alerts", "New: schema drift alerts"),
    # the gender star and a lone asterisk are text, not Markdown
    ("Liebe Kund*innen, 2 * 3 Tassen", "Liebe Kund*innen, 2 * 3 Tassen"),
])
def test_markdown_emphasis_loses_its_marks(coffee: BrandKit, text: str, expected: str) -> None:
    assert tidy_post(text, coffee, "facebook", None) == expected


CHANGELOG = "https://tessaline.example/changelog/snowflake?utm_source=linkedin"


@pytest.mark.parametrize(("text", "expected"), [
    # a LinkedIn draft with "problems" after two repairs (bench, 2026-11-30): `placeholder`
    (f"Learn more at [{CHANGELOG}].", f"Learn more at {CHANGELOG}."),
    (f"See [the changelog]({CHANGELOG}) now.", f"See the changelog: {CHANGELOG} now."),
    # a real template leftover stays for the check
    ("Sign up at [link to the form] now.", "Sign up at [link to the form] now."),
    # an Instagram draft with "problems" after two repairs (bench, 2026-11-30)
    ("Book your spot now at [Link in bio]!", "Book your spot now at Link in bio!"),
])
def test_a_bracketed_link_loses_its_brackets(software: BrandKit, text: str,
                                             expected: str) -> None:
    platform = "instagram" if "bio" in text else "linkedin"
    tidied = tidy_post(text, software, platform, CHANGELOG, language="en")
    assert tidied == expected
    assert (placeholder_problems(tidied) == []) is ("[" not in expected)


def test_a_sentence_of_the_kits_guidelines_is_no_post(coffee: BrandKit) -> None:
    """A ready Facebook draft (2026-11-30) carried two sentences of the kit's voice guide."""
    guidelines = kit_guidelines(coffee, KITS)
    post = ("Ab Samstag im Kontor und im Shop: ein neuer Filterkaffee aus Kolumbien! Noten von "
            "roter Johannisbeere und Kakao, 250 g für 11,90 €.")
    leaked = (f"{post} Mit einem bisschen Understatement, gern ein Augenzwinkern über das "
              "Hamburger Wetter. Keine Superlative: nicht „der beste Kaffee der Stadt")
    brief = "Neuer Filterkaffee aus Kolumbien, ab Samstag, 250 g für 11,90 €"
    assert tidy_post(leaked, coffee, "facebook", None, brief=brief,
                     guidelines=guidelines) == post
    # a post that is only a guideline sentence keeps it, for the checks and the person
    only = "Ein bisschen Understatement, gern ein Augenzwinkern über das Hamburger Wetter."
    assert tidy_post(only, coffee, "facebook", None, brief=brief, guidelines=guidelines) == only


BRAND_LINE = ("Wir rösten zweimal die Woche in Chargen von 15 Kilo und kaufen so direkt wie "
              "möglich ein.")


def test_a_brand_fact_copied_from_the_guidelines_goes_unless_the_brief_names_it(
        coffee: BrandKit) -> None:
    """The 1.5B model put this guideline sentence into 13 of 312 bench drafts (2026-11-30):
    a course, a job, a holiday closure, on every platform of a brief."""
    guidelines = kit_guidelines(coffee, KITS)
    holiday = "Vom 24. bis 26. Dezember ist das Kontor geschlossen."
    post = f"Moin! {holiday} {BRAND_LINE}"
    assert tidy_post(post, coffee, "instagram", None, brief=holiday,
                     guidelines=guidelines) == f"Moin! {holiday}"
    roasting = "Neu: Wir rösten jetzt in Chargen von 15 Kilo, zweimal die Woche."
    assert tidy_post(post, coffee, "instagram", None, brief=roasting,
                     guidelines=guidelines) == post
    # with no brief known, a sentence with a fact is left to the checks
    assert tidy_post(post, coffee, "instagram", None, guidelines=guidelines) == post
    # a number the brief has in a time is no fact of it ("9 bis 15 Uhr", CLI 2026-12-02)
    hours = "Neue Öffnungszeiten ab 5. Januar: Samstag 9 bis 15 Uhr."
    assert tidy_post(f"{hours} {BRAND_LINE}", coffee, "linkedin", None, brief=hours,
                     guidelines=guidelines) == hours
    # the fact in the model's own short form of it (a ready Instagram line, 2026-12-02)
    coffee_news = "Neuer Filterkaffee aus Kolumbien, 250 g für 11,90 €."
    lines = f"{coffee_news}\nKaffee rösten in Chargen von 15 Kilo\nKomm vorbei im Kontor"
    assert tidy_post(lines, coffee, "instagram", None, brief=coffee_news,
                     guidelines=guidelines) == f"{coffee_news}\nKomm vorbei im Kontor"
    # one 5-word run of it with its fact (a ready Facebook post on a course, 2026-12-05)
    course = "Röstkurs am 12. Dezember, 18 Uhr. Anmeldung im Laden oder per Mail."
    assert tidy_post("Röstkurs am 12. Dezember, 18 Uhr! In Chargen von 15 Kilo. Anmeldung "
                     "im Laden oder per Mail.", coffee, "facebook", None, brief=course,
                     guidelines=guidelines) == ("Röstkurs am 12. Dezember, 18 Uhr! Anmeldung "
                                                "im Laden oder per Mail.")
    # a sentence without a fact of its own is held to the higher share
    shared = "Wir rösten zweimal die Woche für euch und die Nachbarn."
    assert tidy_post(f"{coffee_news} {shared}", coffee, "instagram", None,
                     brief=coffee_news, guidelines=guidelines) == f"{coffee_news} {shared}"
    # ... or to ten of the guideline's words in a row, however long the sentence (a ready
    # Facebook post on a hand grinder, bench 2026-12-06)
    pasted = ("Wir sind nicht nur eine kleine Rösterei, sondern auch ein Café, das die Leute "
              "um halb sieben den Röster anwerfen und mittags selbst hinter dem Tresen stehen.")
    assert tidy_post(f"{coffee_news} {pasted}", coffee, "facebook", None,
                     brief=coffee_news, guidelines=guidelines) == coffee_news


@pytest.mark.parametrize(("text", "expected"), [
    # the model's echo at the end of an X post (bench, 2026-11-30)
    ("Werbung | Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino "
     "vor, ab Montag im Café für 3,80 €. Ab Montag im Café für 3,80 €",
     "Werbung | Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino "
     "vor, ab Montag im Café für 3,80 €."),
    # a line under the line that ends in it (Instagram, CLI)
    ("Frohe Weihnachten!\nVom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem 27. "
     "Dezember sind wir wieder für euch da.\nAb dem 27. Dezember sind wir wieder für euch "
     "da.\nKomm vorbei im Kontor – Link in Bio",
     "Frohe Weihnachten!\nVom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem 27. "
     "Dezember sind wir wieder für euch da.\nKomm vorbei im Kontor – Link in Bio"),
    # the same sentence twice: the later goes
    ("Jetzt anmelden im Laden! Der Kurs ist am Freitag. Jetzt anmelden im Laden!",
     "Jetzt anmelden im Laden! Der Kurs ist am Freitag."),
    # a paragraph of two words that the first one opens with (LinkedIn, bench 2026-12-02)
    ("Schema drift alerts now cover Snowflake.\n\nSchema drift\n\nTurn them on under "
     "Settings.", "Schema drift alerts now cover Snowflake.\n\nTurn them on under Settings."),
    # a short line with its own mark, or one inside a line, stays
    ("Frohe Weihnachten!\nFrohe Weihnachten und einen guten Rutsch!",
     "Frohe Weihnachten!\nFrohe Weihnachten und einen guten Rutsch!"),
    # a run said twice with nothing between, inside one sentence (an address ends none; a
    # Facebook draft, bench 2026-12-03); two words twice are left alone
    ("Wir suchen ab Januar eine Barista. Bewerbung per Mail an moin@moewenbohne.example "
     "Bewerbung per Mail an moin@moewenbohne.example",
     "Wir suchen ab Januar eine Barista. Bewerbung per Mail an moin@moewenbohne.example"),
    ("Das ist sehr sehr gut, gut gut.", "Das ist sehr sehr gut, gut gut."),
    # the rest of a cut line, written small, that another sentence ends with (a Facebook
    # draft, bench 2026-12-07); written large by tidy, no check would have seen it
    ("euch da. Frohe Weihnachten! Ab dem 27. Dezember sind wir wieder für euch da.",
     "Frohe Weihnachten! Ab dem 27. Dezember sind wir wieder für euch da."),
    # written large, or said in the middle of the other one, it stays
    ("Euch da. Ab dem 27. Dezember sind wir wieder für euch da.",
     "Euch da. Ab dem 27. Dezember sind wir wieder für euch da."),
])
def test_a_sentence_another_says_in_full_goes(coffee: BrandKit, text: str,
                                              expected: str) -> None:
    assert tidy_post(text, coffee, "instagram", None) == expected


@pytest.mark.parametrize("text", [
    "Frohe Weihnachten! Frohe Weihnachten und einen guten Rutsch!",  # two words: no echo
    "Der Kurs ist am Freitag. Am Freitag ist der Kurs.",  # other order
])
def test_short_or_reordered_sentences_stay(coffee: BrandKit, text: str) -> None:
    assert tidy_post(text, coffee, "instagram", None) == text


def test_invisible_characters_that_belong_to_no_emoji_go(coffee: BrandKit) -> None:
    """The model filled a hook with variation selectors, and the draft was "ready"."""
    hook = "Röstkurs am " + "\ufe0f" * 50 + "\nAm 12. Dezember, 18 Uhr.\u200b"
    assert tidy_post(hook, coffee, "instagram", None) == "Röstkurs am\nAm 12. Dezember, 18 Uhr."
    any_emoji = coffee.model_copy(update={"emoji": coffee.emoji.model_copy(
        update={"allowed": []})})
    emoji = "Frohe Weihnachten ❤\ufe0f\nKeycap 1\ufe0f\u20e3 und 👩\u200d💻"
    assert tidy_post(emoji, any_emoji, "instagram", None) == emoji


def test_runs_of_spaces_go(coffee: BrandKit) -> None:
    """"Neue   ab 5. Januar." stood in a ready Instagram post (CLI, 2026-12-02)."""
    text = "Montag bis Freitag: 8 bis 18 Uhr  \n\n\nNeue   ab 5. Januar ."
    assert tidy_post(text, coffee, "instagram", None) == (
        "Montag bis Freitag: 8 bis 18 Uhr\n\nNeue ab 5. Januar.")


def test_a_sentence_after_a_link_that_ends_one_is_read_on_its_own(coffee: BrandKit) -> None:
    """A ready Facebook draft (bench, 2026-12-02) closed with a kit example's sentence after
    "... https://.../buero."; the dot after the address ends that sentence, so the
    example's sentence is one of its own and goes."""
    brief = ("Kaffee fürs Büro - wir liefern ab 5 kg pro Monat an Büros in Hamburg, die erste "
             "Lieferung ist kostenlos.")
    link = "https://www.moewenbohne.example/buero"
    kept = f"Wir liefern ab 5 kg pro Monat an Büros in Hamburg. Hier geht's zur Rösterei: {link}."
    text = f"{kept} Wir rösten live, erklären, was im Röster passiert, und laden zum Cupping."
    assert tidy_post(text, coffee, "facebook", link, brief=brief) == kept
    assert sentence_spans(f"Mehr: {link}. Bis bald!") == [(0, len(link) + 7),
                                                          (len(link) + 7, len(link) + 17)]
    assert sentence_spans(f"Mehr: {link}?q=1 heute") == [(0, len(link) + 16)]



def test_the_models_shown_example_goes(coffee: BrandKit) -> None:
    """"Hier ist ein Beispiel: '...'" in a Facebook draft's details (bench 2026-12-02,
    "problems" for the placeholder after both repairs)."""
    text = ("Wir stellen unseren Hafer-Cappuccino vor, ab Montag im Café für 3,80 €. Hier ist "
            "ein Beispiel: 'Der Hafer-Cappuccino ist ein Kaffee mit einer Hafermolkerei. "
            "Gemeinsam mit der Hafermolkerei Elbhof stellen wir ihn vor.")
    tidied = tidy_post(text, coffee, "facebook", None)
    assert tidied == ("Wir stellen unseren Hafer-Cappuccino vor, ab Montag im Café für 3,80 €. "
                      "Gemeinsam mit der Hafermolkerei Elbhof stellen wir ihn vor.")
    assert placeholder_problems(tidied) == []


def test_the_post_naming_its_own_audience_goes(coffee: BrandKit) -> None:
    """The prompt's audience line in other words, in a ready LinkedIn job ad (bench
    2026-12-03); a sentence that only speaks of a post stays."""
    kept = "Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche."
    text = (f"{kept} Dieser Post ist für unsere Baristas und Kunden, die sich für die "
            "Qualität der Rösterei interessieren.")
    assert tidy_post(text, coffee, "linkedin", None) == kept
    other = f"{kept} Teil diesen Post mit deinen Freunden."
    assert tidy_post(other, coffee, "linkedin", None) == other


@pytest.mark.parametrize(("text", "expected"), [
    # an Instagram draft, bench 2026-12-02 ("problems" for the placeholder, after repairs)
    ("Hier ist der Hook: Frohe Weihnachten!\nVom 24. bis 26. Dezember ist das Kontor "
     "geschlossen", "Frohe Weihnachten!\nVom 24. bis 26. Dezember ist das Kontor geschlossen"),
    ("Hook: Röstkurs am 12. Dezember!\nCall to action: Meld dich im Laden an.",
     "Röstkurs am 12. Dezember!\nMeld dich im Laden an."),
    # a Facebook draft, bench 2026-12-06
    ("Detail: Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor!",
     "Neuer Filterkaffee aus Kolumbien, ab Samstag im Kontor!"),
    # a word of the post that is no label of the form stays
    ("Tipp: Filter vorher spülen.", "Tipp: Filter vorher spülen."),
    ("Details: 250 g für 11,90 €.", "Details: 250 g für 11,90 €."),
])
def test_the_forms_part_names_as_labels_go(coffee: BrandKit, text: str, expected: str) -> None:
    assert tidy_post(text, coffee, "instagram", None) == expected
    assert placeholder_problems(expected) == []


def test_an_example_sentence_with_its_clitic_written_out_goes(coffee: BrandKit) -> None:
    """"Für Kinder gibt es heißen Kakao und eine kleine Bohnen-Rallye." (a ready X post on
    new opening hours, CLI 2026-12-03) is the Facebook example's "gibt's" sentence."""
    brief = ("Neue Öffnungszeiten ab 5. Januar: Montag bis Freitag 8 bis 18 Uhr, Samstag 9 bis "
             "15 Uhr, sonntags geschlossen.")
    kept = "Neue Öffnungszeiten ab 5. Januar. Montag bis Freitag 8 bis 18 Uhr."
    text = f"Für Kinder gibt es heißen Kakao und eine kleine Bohnen-Rallye. {kept}"
    assert tidy_post(text, coffee, "x", None, brief=brief) == kept


def test_a_five_word_example_sentence_goes_with_its_emoji(coffee: BrandKit) -> None:
    """"Die Fensterplätze sind noch frei. 🌧️" (the rainy-day example's) opened a ready
    Instagram job ad (bench, 2026-12-07); its emoji, at the line's end, goes with it. Five
    words of the example that name nothing stay: they are the kit's voice."""
    brief = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche, für "
             "unser Café in Altona. Bewerbung per Mail an moin@moewenbohne.example")
    kept = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit\n20 Stunden pro Woche\n"
            "Bewerbung per Mail an moin@moewenbohne.example")
    text = f"Die Fensterplätze sind noch frei. 🌧️\n{kept}"
    assert tidy_post(text, coffee, "instagram", None, brief=brief) == kept
    for voice in ("Wir freuen uns auf dich!", "Wir freuen uns auf dich."):  # names nothing
        called = f"{voice}\n{kept}"
        assert tidy_post(called, coffee, "instagram", None, brief=brief) == called


def test_an_example_sentence_reworded_goes(coffee: BrandKit) -> None:
    """"Jetzt rösten wir live und erklären, was im Röster passiert." stood in a ready
    Facebook post on a hand grinder (2026-12-03): the Facebook example's "Wir rösten live,
    erklären, was im Röster passiert" reworded, so no 5-word run of it matches. A sentence
    of the post's own that shares the example's small words stays."""
    brief = ("In Kooperation mit Mahlwerk Hansen: die Handmühle Hansen H2 gibt es jetzt bei uns "
             "im Shop für 89 €. Wir haben sie drei Monate im Café getestet.")
    kept = "Werbung | Die Handmühle Hansen H2 gibt es jetzt bei uns im Shop für 89 €."
    for borrowed in ("Jetzt rösten wir live und erklären, was im Röster passiert.",
                     "Löffel und lautem Schlürfen, so verkosten Profis Kaffee."):
        assert tidy_post(f"{kept} {borrowed}", coffee, "facebook", None, brief=brief) == kept
    own = f"{kept} Wir haben sie drei Monate lang jeden Morgen im Café benutzt."
    assert tidy_post(own, coffee, "facebook", None, brief=brief) == own


def test_a_long_example_question_off_the_briefs_topic_goes(coffee: BrandKit) -> None:
    """The job ad's "Du schmeckst gern genau hin, ...?" opened a ready LinkedIn post on new
    opening hours (browser, 2026-12-06). A short example question is the brand's voice
    and stays; a long one that holds the brief's topic stays too."""
    brief = ("Neue Öffnungszeiten ab 4. Januar: Montag bis Freitag 8 bis 18 Uhr, Samstag 9 bis "
             "16 Uhr, sonntags geschlossen.")
    kept = "Neue Öffnungszeiten ab 4. Januar: Montag bis Freitag 8 bis 18 Uhr."
    copied = ("Du schmeckst gern genau hin, arbeitest sorgfältig und stehst früh auf, ohne zu "
              "murren?")
    assert tidy_post(f"{copied} {kept}", coffee, "linkedin", None, brief=brief) == kept
    short = f"Schietwetter in Altona? {kept}"
    assert tidy_post(short, coffee, "linkedin", None, brief=brief) == short
    espresso = "Espresso zu Hause: ab Januar zeigen wir montags, wie er gelingt."
    asked = f"Du willst zu Hause Espresso ziehen, der nicht bitter ist? {espresso}"
    assert tidy_post(asked, coffee, "instagram", None, brief=espresso) == asked
