from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.models import Severity
from assistant.quality import quality_problems
from assistant.quality.facts import extract_facts, month_frames
from assistant.quality.status import missing_states
from tests.quality.conftest import codes, context

KURS_BRIEF = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im "
              "Laden oder per Mail.")
FILTER_BRIEF = ("Neuer Filterkaffee aus Kolumbien: rote Johannisbeere und Rohrzucker, ab Samstag "
                "im Kontor und im Shop.")
HANNE_TIP = (
    "Kleiner Tipp mit großer Wirkung: Stell deine Mühle neu ein, wenn du die Bohne wechselst. "
    "Fragen? Schreib sie in die Kommentare, Hanne antwortet heute Abend.")


def _keys(text: str, language: str) -> list[tuple[str, str]]:
    return [(f.kind, f.key) for f in extract_facts(text, language)]


@pytest.mark.parametrize(("first", "second", "language"), [
    ("18 Uhr", "18:00", "de"), ("um 6 pm", "18:00", "en"), ("6 Uhr abends", "18 Uhr", "de"),
    ("7:30 Uhr", "7:30 am", "de"), ("12. Dezember", "12.12.", "de"),
    ("December 12th", "12.12.", "en"), ("12 December 2026", "2026-12-12", "en"),
    ("€ 12", "12 €", "de"), ("12,00 €", "12 Euro", "de"), ("EUR 12.50", "12.5 €", "en"),
    ("1.000 Tassen", "1000 Tassen", "de"), ("2,000 users", "2000 users", "en"),
    ("20 %", "20 Prozent", "de"), ("+49 40 5550 1274", "040 5550 1274", "de"),
    ("https://www.Moewenbohne.example/kurse/?utm_source=x", "moewenbohne.example/kurse", "de"),
])
def test_the_same_fact_written_two_ways_compares_equal(first: str, second: str,
                                                       language: str) -> None:
    assert _keys(first, language) == _keys(second, language)


@pytest.mark.parametrize(("text", "language", "keys"), [
    # "am" after a number is a preposition in German, a clock time in English
    ("Wir haben 2 am Samstag und 3 am Sonntag.", "de", [("number", "2"), ("number", "3")]),
    ("Open at 9 am.", "en", [("time", "09:00")]),
    # a currency's letters inside a word are no price
    ("Die Steuer 19 ist teuer, EUR 12.", "de", [("price", "12"), ("number", "19")]),
])
def test_words_that_look_like_units_are_read_as_what_they_are(
        text: str, language: str, keys: list[tuple[str, str]]) -> None:
    assert _keys(text, language) == keys


def test_kinds_are_told_apart() -> None:
    assert _keys("Am 12.12. um 18:00 Uhr, 8 Plätze, 12,00 €, 20 %, moin@moewenbohne.example, "
                 "@moewenbohne", "de") == [
        ("email", "moin@moewenbohne.example"), ("handle", "moewenbohne"), ("date", "12.12."),
        ("time", "18:00"), ("price", "12"), ("percent", "20"), ("number", "8")]


def _invented(problems: list) -> list:  # type: ignore[type-arg]
    return [p for p in problems if p.code == "invented_fact"]


def test_hanne_is_an_invented_person(coffee: BrandKit) -> None:
    ctx = context(coffee, brief="Tipp: Mahlgrad anpassen, wenn man die Bohne wechselt",
                  platform="threads")
    [problem] = _invented(quality_problems(HANNE_TIP, [], ctx))
    assert problem.severity == Severity.ERROR and "Hanne (a person)" in problem.message
    # named in the brief, she may answer
    ctx = context(coffee, brief="Tipp zum Mahlgrad; Hanne beantwortet heute Abend Fragen",
                  platform="threads")
    assert _invented(quality_problems(HANNE_TIP, [], ctx)) == []


def test_invented_price_time_email_and_person_in_german(coffee: BrandKit) -> None:
    post = ("Röstkurs im Kontor ☕ Am 12.12. um 19 Uhr, 25 € pro Person, mit Okan. Acht Plätze, "
            "Anmeldung per Mail an kurs@moewenbohne.example.")
    [problem] = _invented(quality_problems(post, [], context(coffee, brief=KURS_BRIEF)))
    for made_up in ("19 Uhr", "25 €", "kurs@moewenbohne.example", "Okan (a person)"):
        assert made_up in problem.message
    assert "12.12." not in problem.message


def test_a_price_needs_a_source_that_states_the_number_as_an_amount(coffee: BrandKit) -> None:
    """A ready Facebook draft (bench, 2026-12-06) priced the office coffee at the brief's
    weight: "5" stands in the brief only as "5 kg". A number the brief says with no unit
    ("für 3,80") or as a price covers it."""
    brief = ("Kaffee fürs Büro - wir liefern ab 5 kg pro Monat an Büros in Hamburg, die erste "
             "Lieferung ist kostenlos.")
    post = "Kaffee fürs Büro: 5 kg pro Monat ab 5€! Die erste Lieferung ist kostenlos."
    [problem] = _invented(quality_problems(post, [], context(coffee, brief=brief)))
    assert "5€" in problem.message and "5 kg" not in problem.message
    for source in ("Hafer-Cappuccino im Café für 3,80 im Angebot.",
                   "Hafer-Cappuccino im Café, 3,80 Euro.", "Im Café für 3,80 das Glas."):
        assert _invented(quality_problems("Hafer-Cappuccino für 3,80 €!", [],
                                          context(coffee, brief=source))) == [], source
    # a date's day or a count of places is no price either
    assert _invented(quality_problems(
        "Röstkurs am 12. Dezember für 8 €.", [],
        context(coffee, brief="Röstkurs am 12. Dezember, maximal 8 Plätze.")))


def test_invented_facts_in_english(software: BrandKit) -> None:
    brief = "Column-level lineage for dbt is out today; docs at https://tessaline.example/lineage"
    post = ("Column-level lineage for dbt is live: 40 % fewer broken dashboards, says Marcus. "
            "Docs: https://tessaline.example/lineage-docs")
    ctx = context(software, brief=brief, platform="linkedin", language="en")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "40 %" in problem.message and "Marcus" in problem.message
    assert "lineage-docs" in problem.message


def test_an_offer_the_brief_does_not_make_is_invented(coffee: BrandKit) -> None:
    """A ready Instagram tip of the full bench run (2026-12-01) closed on an offer nobody
    made: a promise the brand would have to keep."""
    brief = ("Tip for filter coffee: rinse the paper filter with hot water before you brew. "
             "It removes the papery taste and warms the cup.")
    post = ("Rinse your paper filter with hot water before brewing to remove the papery taste "
            "and warm the cup.\nDon't miss out on our special offer until the end of the day!")
    ctx = context(coffee, brief=brief, platform="instagram", language="en")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'special offer'" in problem.message
    # a word between (a ready Facebook greeting, bench 2026-12-02)
    # an offer for a limited time (a ready Facebook greeting, bench 2026-12-06)
    [problem] = _invented(quality_problems("Don't miss out on this limited time offer!", [],
                                           ctx))
    assert "'limited time offer'" in problem.message
    greeting = "Merry Christmas! Don't miss out on this special holiday offer!"
    [problem] = _invented(quality_problems(greeting, [], ctx))
    assert "'special holiday offer'" in problem.message
    # a price called special (a ready Facebook draft, bench 2026-12-05)
    priced = "Six people max and a special price of 49 euros per person."
    class_ctx = context(coffee, brief="Barista class, six people max, 49 euros per person.",
                        platform="facebook", language="en")
    [problem] = _invented(quality_problems(priced, [], class_ctx))
    assert "'special price'" in problem.message
    # German offers too; "ein großes Angebot" is the range, and an offer of the brief stays
    german = "Wir rösten live und bieten ein großes Angebot. Jetzt mit 10 % Rabatt im Shop!"
    found = _invented(quality_problems(german, [], context(coffee, brief=KURS_BRIEF)))
    assert ["Rabatt'" in p.message and "Angebot" not in p.message for p in found] == [True]
    offered = context(coffee, brief="Nur diese Woche: 10 % Rabatt auf alle Bohnen im Shop.")
    assert _invented(quality_problems("Diese Woche 10 % Rabatt auf alle Bohnen!", [], offered)) \
        == []


def test_a_sample_the_brief_does_not_offer_is_invented(coffee: BrandKit) -> None:
    """A ready Mastodon tip (bench, 2026-12-04) ended on a kit example's office delivery."""
    brief = ("Tipp für Cold Brew zu Hause: 70 g grob gemahlener Kaffee auf 1 Liter kaltes "
             "Wasser, 16 Stunden im Kühlschrank ziehen lassen, dann filtern.")
    post = ("70 g grob gemahlener Kaffee auf 1 Liter kaltes Wasser, 16 Stunden im Kühlschrank "
            "ziehen lassen und filtern. Jetzt gibt es ein Probierpaket.")
    [problem] = _invented(quality_problems(post, [], context(coffee, brief=brief)))
    assert "'Probierpaket'" in problem.message
    # a ready X post on a new cappuccino (bench 2026-12-07)
    hafer = context(coffee, brief="Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren "
                    "Hafer-Cappuccino vor, ab Montag im Café für 3,80 €.")
    [problem] = _invented(quality_problems(
        "Werbung | Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino "
        "vor, ab Montag im Café für 3,80 €. Jetzt ab sofort ein Testpaket vorbei!", [], hafer))
    assert "'Testpaket'" in problem.message
    offered = context(coffee, brief="Neu: das Probierset mit drei Kaffees, 250 g je Sorte.")
    assert _invented(quality_problems("Das Probierset ist da: drei Kaffees, 250 g je Sorte.",
                                      [], offered)) == []


def test_a_call_to_apply_for_a_job_no_source_offers_is_invented(coffee: BrandKit) -> None:
    """A ready Instagram post on a trip to a partner cooperative (bench, 2026-12-05) opened
    with a job. The kit's guideline names applicants as an audience ("Bewerber:innen"),
    which offers no job; a job ad's brief does."""
    brief = ("Zurück aus Huila in Kolumbien: unserer Partnerkooperative zahlen wir 30 Prozent "
             "über dem Fairtrade-Mindestpreis.")
    post = ("Kannst du dich heute zum Röster in Altona bewerben?\nZurück aus Huila in "
            "Kolumbien: unserer Partnerkooperative zahlen wir 30 Prozent über dem "
            "Fairtrade-Mindestpreis.")
    [problem] = _invented(quality_problems(post, [], context(coffee, brief=brief)))
    assert "bewerben" in problem.message
    job = context(coffee, brief="Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit. "
                                "Bewerbung per Mail an moin@moewenbohne.example")
    assert _invented(quality_problems(
        "Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit. Bewirb dich per Mail an "
        "moin@moewenbohne.example!", [], job)) == []


def test_an_event_no_source_names_is_invented(coffee: BrandKit) -> None:
    """Ready drafts (bench, 2026-12-04): a New Year's market under the opening hours at New
    Year, a Christmas market in a Christmas greeting."""
    brief = ("Silvester: Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet, am 1. Januar "
             "bleibt das Kontor zu. Guten Rutsch!")
    post = ("Was ist der Silvestermarkt in Hamburg?\n\nAm 31. Dezember haben wir von 9 bis 14 "
            "Uhr geöffnet, am 1. Januar bleibt das Kontor zu. Guten Rutsch!")
    [problem] = _invented(quality_problems(post, [], context(coffee, brief=brief)))
    assert "'Silvestermarkt'" in problem.message
    # a market of the brief, by any of its names; a greeting's "Fest" is no event
    market = context(coffee, brief="Am 14. Dezember stehen wir auf dem Weihnachtsmarkt in "
                                   "Ottensen.")
    assert _invented(quality_problems("Am 14. Dezember: Kaffee auf dem Markt in Ottensen. "
                                      "Frohes Fest!", [], market)) == []


def test_a_workshop_no_source_names_is_invented(software: BrandKit, coffee: BrandKit) -> None:
    """A ready Mastodon post (bench, 2026-12-06) made a 15-minute talk a hands-on workshop;
    a course or a class of the brief is one."""
    brief = ("Paid partnership with the dbt Meetup Berlin - we sponsor the meetup on 18 "
             "December at 19:00 and give a 15-minute talk on testing dbt models.")
    ctx = context(software, brief=brief, language="en", platform="mastodon")
    post = ("Ad | We sponsor the dbt Meetup Berlin on 18 December at 19:00 and give a "
            "15-minute talk on testing dbt models. Join us for a hands-on workshop!")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'workshop'" in problem.message
    course = context(coffee, brief="Einladung zum Röstkurs am 12. Dezember, 18 Uhr.")
    assert _invented(quality_problems("Unser Röst-Workshop am 12. Dezember um 18 Uhr!", [],
                                      course)) == []


def test_a_german_course_no_source_names_is_invented(coffee: BrandKit) -> None:
    """A ready Instagram post on a hand grinder (bench, 2026-12-07) opened with the kit
    example's "Barista-Kurs im Kontor"; a course of the brief covers the post's, and a
    rate is no course."""
    brief = ("Werbung in Kooperation mit Mahlwerk Hansen: Die Handmühle Hansen H2 gibt es "
             "jetzt bei uns im Shop für 89 €. Wir haben sie drei Monate im Café getestet.")
    ctx = context(coffee, brief=brief, platform="instagram")
    post = ("Werbung | Barista-Kurs im Kontor ☕\nIn Kooperation mit Mahlwerk Hansen.\nDie "
            "Handmühle Hansen H2 gibt es jetzt bei uns im Shop für 89 €.")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'Barista-Kurs'" in problem.message
    course = context(coffee, brief="Einladung zum Röstkurs am 12. Dezember, 18 Uhr.")
    assert _invented(quality_problems("Unser Barista-Kurs zum Rösten am 12. Dezember um 18 "
                                      "Uhr!", [], course)) == []
    for other in ("Der Wechselkurs ist egal.", "Ein kurzer Exkurs zum Mahlgrad.",
                  "Ein Diskurs über Kaffee."):
        assert _invented(quality_problems(f"{post.split(chr(10), 1)[1]} {other}", [],
                                          ctx)) == [], other


def test_a_celebration_no_source_names_is_invented(coffee: BrandKit) -> None:
    """A ready Instagram greeting (bench, 2026-12-06) invited to a celebration at the café
    on the days the brief says it is closed; praise that calls a coffee a celebration is
    no event."""
    brief = ("Merry Christmas from the roastery! We are closed from 24 to 26 December and "
             "back with fresh beans on 27 December.")
    ctx = context(coffee, brief=brief, language="en", platform="instagram")
    post = ("Merry Christmas from the roastery!\nJoin us for a special Christmas celebration "
            "at our roastery café in Altona.\nWe are closed from 24 to 26 December and back "
            "with fresh beans on 27 December.")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'Christmas celebration'" in problem.message
    fine = ("Merry Christmas from the roastery! Our Christmas blend is a celebration of "
            "flavour. We are closed from 24 to 26 December and back with fresh beans on 27 "
            "December.")
    assert _invented(quality_problems(fine, [], ctx)) == []
    german = context(coffee, brief="Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor "
                                   "geschlossen.")
    [problem] = _invented(quality_problems("Frohe Weihnachten! Komm zur Weihnachtsfeier ins "
                                           "Kontor. Vom 24. bis 26. Dezember ist das Kontor "
                                           "geschlossen.", [], german))
    assert "'Weihnachtsfeier'" in problem.message


def test_a_gift_and_a_set_day_the_brief_does_not_make_are_invented(coffee: BrandKit) -> None:
    """A ready Instagram tip of the full bench run (2026-12-02) promised "a free tasting
    session next Tuesday" (a kit example's "Next date: Sunday ... at our roastery café" in
    new clothes) under a brief that gave nothing away and named no day."""
    brief = ("Tip for filter coffee: rinse the paper filter with hot water before you brew. "
             "It removes the papery taste and warms the cup.")
    post = ("Rinse your paper filter with hot water before brewing. It removes the papery "
            "taste and warms the cup.\nJoin us for a free tasting session next Tuesday at our "
            "roastery café in Altona.\nBook now and taste the difference!")
    ctx = context(coffee, brief=brief, platform="instagram", language="en")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'free'" in problem.message and "'next Tuesday'" in problem.message
    assert "'Book now'" in problem.message  # nothing to book once the tasting is out
    german = ("Komm am kommenden Samstag vorbei: Die Verkostung ist kostenlos! Jetzt anmelden! "
              "Eintritt frei.")
    tip = context(coffee, brief="Tipp: Spül den Papierfilter vor dem Brühen heiß aus.")
    [problem] = _invented(quality_problems(german, [], tip))
    assert "'kommenden Samstag'" in problem.message and "'kostenlos'" in problem.message
    assert "'Jetzt anmelden'" in problem.message and "'Eintritt frei'" in problem.message
    # a reservation at a shop the brief closes (a ready Instagram greeting, bench 2026-12-03)
    closed = context(coffee, language="en", platform="instagram",
                     brief="Merry Christmas! We are closed from 24 to 26 December.")
    post = ("Merry Christmas from the roastery! Book your reservation now at our roastery café. "
            "We are closed from 24 to 26 December.")
    [problem] = _invented(quality_problems(post, [], closed))
    assert "'Book your reservation'" in problem.message


@pytest.mark.parametrize(("brief", "text"), [
    # what the brief gives away and the day it names
    ("Cupping am Samstag, kostenlos, im Kontor.", "Kommenden Samstag: Cupping, gratis!"),
    ("Free cupping this Saturday in the café.", "Join our free cupping next Saturday!"),
    # a brief with places to take: every call to book ("facebook" in the kit is no booking)
    (KURS_BRIEF, "Röstkurs am 12. Dezember, 18 Uhr, 8 Plätze: Melde dich jetzt an!"),
    ("Barista class on Sunday, 15 December, 2 pm, six people max, 49 euros per person.",
     "Barista class on Sunday, 15 December, 2 pm, 49 euros per person. Register now!"),
    ("Webinar on 10 December at 16:00, free for everyone who signs up.",
     "Free webinar on 10 December at 16:00: save your seat!"),
    # a wish, an idiom, a compound: no promise
    ("Tipp: Filter vorher spülen.", "Schönen Sonntag! Spül den Filter vorher."),
    ("Tip: rinse the filter.", "Feel free to ask: is your filter gluten-free? Free up time."),
    # a brief with a date: the post may name the date's own day
    (KURS_BRIEF, "Röstkurs am nächsten Samstag, 12. Dezember, 18 Uhr, 8 Plätze."),
])
def test_gifts_and_days_the_sources_allow_pass(coffee: BrandKit, brief: str,
                                               text: str) -> None:
    language = "en" if brief.startswith(("Free", "Tip:", "Webinar", "Barista class")) \
        else "de"
    ctx = context(coffee, brief=brief, platform="x", language=language)
    assert _invented(quality_problems(text, [], ctx)) == []


def test_a_percentage_needs_a_percentage_as_its_source(software: BrandKit) -> None:
    """A ready LinkedIn draft (2026-11-30): "get 30% off for 30 days". The kit's call to
    action says "free for 30 days": a number, not a discount."""
    brief = ("Tip: put a freshness check on every source table that feeds a board-level "
             "dashboard; stale data is the failure nobody notices.")
    ctx = context(software, brief=brief, platform="linkedin", language="en")
    post = "Put a freshness check on every source table. Try it: 30% off for 30 days."
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "30%" in problem.message
    stated = context(software, brief=brief + " 30% off this week.", platform="linkedin",
                     language="en")
    assert _invented(quality_problems(post, [], stated)) == []


def test_kit_facts_count_as_sources(coffee: BrandKit) -> None:
    post = ("Röstkurs am 12. Dezember um 18 Uhr im Möwenbohne Kaffeekontor, Bohnenkai 12, "
            "22767 Hamburg. 8 Plätze, Anmeldung an moin@moewenbohne.example oder "
            "+49 40 5550 1274, mehr auf https://www.moewenbohne.example/ #Möwenbohne")
    assert _invented(quality_problems(post, [], context(coffee, brief=KURS_BRIEF))) == []


def test_a_guides_counts_for_the_writing_are_no_source(coffee: BrandKit) -> None:
    """ "3,80 € für 3x200ml" was a ready Instagram draft (bench 2026-12-04): the voice guide's
    "höchstens drei pro Post" and "Zwei bis drei Sätze" stated the 3. A count of something
    else in a guide stays a source."""
    from dataclasses import replace

    from assistant.brand.ingest import kit_guidelines

    guidelines = kit_guidelines(coffee)
    assert "höchstens drei pro Post" in guidelines
    brief = "Hafer-Cappuccino ab Montag im Café für 3,80 €."
    ctx = replace(context(coffee, brief=brief, platform="instagram"), guidelines=guidelines)
    post = "Ab Montag im Café: unser Hafer-Cappuccino!\n3,80 € für 3x200ml"
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'3'" in problem.message
    stated = replace(ctx, guidelines=guidelines + "\n\nWir haben drei Röstmaschinen.\n")
    assert _invented(quality_problems(post, [], stated)) == []
    # "dazu zwei bis vier aus unserem Pool" (hashtags), "zwei Klicks": "Wir bieten zwei
    # Wochen pro Jahr zwei Röster" was a ready Instagram job ad (bench 2026-12-04)
    assert "zwei bis vier aus unserem Pool" in guidelines and "zwei Klicks" in guidelines
    [problem] = _invented(quality_problems(brief + " Wir bieten zwei Röster.", [], ctx))
    assert "'zwei'" in problem.message


@pytest.mark.parametrize(("brief", "post", "language", "changed"), [
    # a LinkedIn draft, bench 2026-12-04: the guide's "zwei bis vier" stated the 2
    ("Cupping am Samstag im Kontor: wir verkosten drei Kaffees aus Äthiopien.",
     "Cupping am Samstag im Kontor, wo wir zwei Kaffees aus Äthiopien verkosten.", "de",
     "'zwei Kaffees'"),
    ("Barista-Kurs am Samstag, 20 Stunden pro Woche, 2 Plätze frei.",
     "Barista-Kurs am Samstag: 20 Plätze frei, 2 Stunden pro Woche.", "de", "'20 Plätze'"),
    ("Cupping on Saturday: we taste three coffees from Ethiopia.",
     "Cupping on Saturday: we taste two coffees from Ethiopia.", "en", "'two coffees'"),
])
def test_a_count_of_the_briefs_noun_with_another_number_is_invented(
        coffee: BrandKit, brief: str, post: str, language: str, changed: str) -> None:
    from dataclasses import replace

    from assistant.brand.ingest import kit_guidelines

    # the number itself is stated, of another noun ("zwei Sorten", "two blends", "2 Plätze")
    stated = "\n\nWir rösten zwei Sorten Espresso, two espresso blends.\n"
    ctx = replace(context(coffee, brief=brief, language=language),
                  guidelines=kit_guidelines(coffee) + stated)
    [problem] = _invented(quality_problems(post, [], ctx))
    assert changed in problem.message
    assert _invented(quality_problems(brief, [], ctx)) == []


@pytest.mark.parametrize(("post", "language", "made_up"), [
    # bench drafts, 2026-12-04: the kit roasts "zweimal die Woche", the brief is one cupping
    ("Wir bieten ein tägliches Cupping in Altona. Cupping am Samstag im Kontor.", "de",
     "'tägliches'"),
    ("Wir rösten täglich in Altona. Cupping am Samstag im Kontor.", "de", "'täglich'"),
    ("We roast every day in Altona. Cupping on Saturday at the Kontor.", "en", "'every day'"),
    ("Our daily cupping in Altona. Cupping on Saturday at the Kontor.", "en", "'daily'"),
])
def test_how_often_in_a_period_no_source_names_is_invented(
        coffee: BrandKit, post: str, language: str, made_up: str) -> None:
    from dataclasses import replace

    from assistant.brand.ingest import kit_guidelines

    ctx = replace(context(coffee, brief="Cupping am Samstag im Kontor.", language=language),
                  guidelines=kit_guidelines(coffee))
    [problem] = _invented(quality_problems(post, [], ctx))
    assert made_up in problem.message
    # the reader's habit, and the kit's own period ("zweimal die Woche"), stay
    for kept in ("Dein täglicher Kaffee schmeckt. Cupping am Samstag im Kontor.",
                 "Wir rösten wöchentlich. Cupping am Samstag im Kontor.",
                 "Your daily cup tastes better. Cupping on Saturday at the Kontor."):
        assert _invented(quality_problems(kept, [], ctx)) == []


def test_kit_examples_are_not_a_source(coffee: BrandKit) -> None:
    # "60 g auf einen Liter" and "Yirgacheffe" stand in an example, not in this brief
    post = "Neu im Röster: Yirgacheffe, 60 g auf einen Liter. Ab Samstag im Kontor."
    ctx = context(coffee, brief="Neuer Kaffee ab Samstag im Kontor", platform="instagram")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'60'" in problem.message


@pytest.mark.parametrize("kit_name", ["coffee", "software"])
def test_kit_examples_with_their_own_text_as_brief_have_no_errors(
        kit_name: str, request: pytest.FixtureRequest) -> None:
    kit: BrandKit = request.getfixturevalue(kit_name)
    for example in kit.examples:
        ctx = context(kit, brief=example.text, platform=example.platform,
                      language=example.language)
        problems = quality_problems(example.text, [], ctx)
        assert [p for p in problems if p.is_error] == [], example.source


def test_missing_date_of_the_issue_draft(coffee: BrandKit) -> None:
    post = ("Neue Chance zum Röstkurs im Altona! Mit 8 Plätze und 18 Uhr ist es ein großes "
            "Angebot. Bestelle dir heute im Laden oder per Mail.")
    [problem] = [p for p in quality_problems(post, [], context(coffee, brief=KURS_BRIEF))
                 if p.code == "missing_fact"]
    assert not problem.is_error and "'12. Dezember'" in problem.message


def test_the_day_of_a_date_is_not_the_hour_of_the_brief(coffee: BrandKit) -> None:
    """A ready Instagram draft of the CLI (2026-12-07) said "Freitag, 19. Dezember" and left
    out "19 Uhr"; an hour said bare ("um 19") still states it."""
    brief = ("Latte-Art-Abend im Kontor: Freitag, 19. Dezember, 19 Uhr, 6 Plätze, 25 € pro "
             "Person inklusive zwei Getränken. Anmeldung per Mail an moin@moewenbohne.example.")
    post = ("Neuer Latte-Art-Abend im Kontor für Freitag, 19. Dezember!\n6 Plätze und 25 € pro "
            "Person inklusive zwei Getränken.\nAnmeldung per Mail an moin@moewenbohne.example")

    def missing(text: str) -> list[str]:
        return [p.message for p in quality_problems(text, [], context(coffee, brief=brief))
                if p.code == "missing_fact"]

    [message] = missing(post)
    assert "'19 Uhr'" in message
    assert missing(post.replace("Dezember!", "Dezember, um 19!")) == []


def test_missing_weekday_and_places(coffee: BrandKit) -> None:
    post = "Neuer Filterkaffee aus Kolumbien: rote Johannisbeere und Rohrzucker."
    [problem] = [p for p in quality_problems(post, [], context(coffee, brief=FILTER_BRIEF))
                 if p.code == "missing_fact"]
    assert "'Samstag'" in problem.message and "'Kontor'" in problem.message


@pytest.mark.parametrize(("text", "frames"), [
    ("Wir suchen ab Januar eine Barista.", [("ab Januar", 1)]),
    ("250 g für 12,50 €, nur bis Ende Dezember.", [("nur bis Ende Dezember", 12)]),
    ("Im Dezember rösten wir jeden Tag.", [("Im Dezember", 12)]),
    ("Our decaf is here until the end of March.", [("until the end of March", 3)]),
    ("Starting in January we deliver.", [("Starting in January", 1)]),
    # a day makes it a date, read as one; "may" is a verb before it is a month
    ("Vom 24. bis 26. Dezember geschlossen, am 12. Dezember offen.", []),
    ("Join us from December 18.", []),
    ("You may join us in May.", []),
])
def test_a_months_time_frame(text: str, frames: list[tuple[str, int]]) -> None:
    assert month_frames(text) == frames


def test_a_months_time_frame_no_source_names_is_invented(coffee: BrandKit) -> None:
    """A ready Instagram draft (bench, 2026-12-03) gave a job "ab Januar" an end."""
    brief = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche, "
             "für unser Café in Altona. Bewerbung per Mail an moin@moewenbohne.example.")
    post = ("Wir suchen eine Barista für unser Café in Altona! Ab Januar bis Mai! 20 Stunden "
            "pro Woche. Bewerbung per Mail an moin@moewenbohne.example.")
    [problem] = _invented(quality_problems(post, [], context(coffee, brief=brief)))
    assert "'bis Mai'" in problem.message and "Januar" not in problem.message
    # a month the brief names in a date is stated
    post = "Frohe Weihnachten! Im Dezember sind wir für euch da."
    brief = "Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen."
    assert _invented(quality_problems(post, [], context(coffee, brief=brief))) == []


def test_a_time_ahead_no_source_names_is_invented(coffee: BrandKit) -> None:
    """The browser test's ready Instagram draft (2026-12-03) moved a course "am Samstag"
    into "die nächste Woche"."""
    brief = "Barista-Kurs am Samstag im Kontor, noch drei Plätze frei"
    post = "Barista-Kurs für die nächste Woche am Samstag im Kontor, noch drei Plätze frei."
    [problem] = _invented(quality_problems(post, [], context(coffee, brief=brief)))
    assert "'nächste Woche'" in problem.message
    # said by the brief, and a frame that sets no date
    stated = context(coffee, brief="Nächste Woche: " + brief)
    assert _invented(quality_problems(post, [], stated)) == []
    framed = "Diese Woche im Kontor: Barista-Kurs am Samstag, noch drei Plätze frei."
    assert _invented(quality_problems(framed, [], context(coffee, brief=brief))) == []
    english = context(coffee, brief="Tip: rinse the filter.", language="en")
    [problem] = _invented(quality_problems("Tip: rinse the filter. Join us tonight!", [],
                                           english))
    assert "'tonight'" in problem.message


def test_a_months_time_frame_is_a_missing_fact(coffee: BrandKit) -> None:
    """A CLI draft (2026-12-01) left the offer's end out: "nur bis Ende Dezember"."""
    brief = ("Neu im Kontor: die Weihnachtsmischung aus Kolumbien und Guatemala. 250 g für "
             "12,50 €, nur bis Ende Dezember.")
    post = "Neu im Kontor: die Weihnachtsmischung aus Kolumbien und Guatemala. 250 g für 12,50 €."
    [problem] = [p for p in quality_problems(post, [], context(coffee, brief=brief))
                 if p.code == "missing_fact"]
    assert "'nur bis Ende Dezember'" in problem.message
    # the month said in any form keeps it
    for said in (" Bis Ende Dezember!", " Nur bis 31.12.!", " Bis Ende Dez."):
        found = quality_problems(post + said, [], context(coffee, brief=brief))
        assert "missing_fact" not in codes(found), said


def test_a_place_after_our_is_a_missing_fact_in_english(software: BrandKit) -> None:
    """A ready LinkedIn draft (2026-11-30) left out where the data stays."""
    brief = ("Tessaline is now ISO 27001 certified. All customer data stays in our Frankfurt "
             "data centre, in the EU.")
    ctx = context(software, brief=brief, platform="linkedin", language="en")
    post = "ISO 27001 certification completed! Stay compliant with security standards in EU."
    [problem] = [p for p in quality_problems(post, [], ctx) if p.code == "missing_fact"]
    assert "'Frankfurt'" in problem.message
    kept = "ISO 27001 certified: your data stays in Frankfurt, in the EU."
    assert "missing_fact" not in codes(quality_problems(kept, [], ctx))


def test_a_name_of_an_english_brief_is_a_missing_fact(software: BrandKit) -> None:
    """Bluesky and LinkedIn drafts (2026-11-30) said "now cover multiple platforms" for
    "now cover Snowflake"; the link's "/snowflake" does not name it."""
    brief = ("Schema drift alerts now cover Snowflake. Turn them on under Settings, Alerts. "
             "Included in every plan at no extra cost.")
    ctx = context(software, brief=brief, platform="bluesky", language="en")
    post = ("Schema drift alerts now cover multiple platforms. Turn them on under Settings, "
            "Alerts. Included in every plan at no extra cost. "
            "https://tessaline.example/changelog/snowflake")
    [problem] = [p for p in quality_problems(post, [], ctx) if p.code == "missing_fact"]
    assert "'Snowflake'" in problem.message and "Settings" not in problem.message
    kept = post.replace("multiple platforms", "Snowflake")
    assert "missing_fact" not in codes(quality_problems(kept, [], ctx))


def test_the_brands_own_name_and_months_are_no_names_to_keep(software: BrandKit) -> None:
    brief = ("Season's greetings from the Tessaline team. Support stays on call in December, "
             "from 8:00 to 18:00 CET.")
    ctx = context(software, brief=brief, platform="bluesky", language="en")
    post = "Happy holidays! Our support stays on call in Dec, from 8:00 to 18:00 CET."
    assert "missing_fact" not in codes(quality_problems(post, [], ctx))


def test_missing_facts_in_english(software: BrandKit) -> None:
    brief = "Webinar on data contracts on 12 March at 4 pm CET, 45 minutes, with Q&A"
    post = "Join our webinar on data contracts, with Q&A at the end."
    ctx = context(software, brief=brief, platform="linkedin", language="en")
    [problem] = [p for p in quality_problems(post, [], ctx) if p.code == "missing_fact"]
    assert "12 March" in problem.message and "4 pm" in problem.message and "45" in problem.message


CLOSED_BRIEF = ("Frohe Weihnachten: Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab "
                "dem 27. Dezember sind wir wieder da.")


def test_a_state_of_the_brief_turned_round_is_a_missing_fact(coffee: BrandKit) -> None:
    """The embedded model kept every date and said the opposite (2026-11-30)."""
    post = ("Bis zum Weihnachtsfest röstet das Kontor vom 24. bis 26. Dezember. Ab dem 27. "
            "Dezember sind wir wieder da für dich!")
    [problem] = [p for p in quality_problems(post, [], context(coffee, brief=CLOSED_BRIEF))
                 if p.code == "missing_fact"]
    assert problem.message.startswith("the brief says 'geschlossen'")


@pytest.mark.parametrize(("brief", "post", "state", "kept"), [
    # a ready Instagram draft of new cups (CLI, 2026-12-07)
    ("Neu im Shop: Espresso-Tassen aus Hamburger Keramik, 2er-Set für 24 €, nur solange der "
     "Vorrat reicht.",
     "Neu im Shop: Espresso-Tassen aus Hamburger Keramik, 2er-Set für 24 €.\nKomm vorbei im "
     "Kontor oder bestell im Shop – Link in Bio",
     "solange der Vorrat reicht", ("Nur solange der Vorrat reicht.", "Limitiert!",
                                   "Nur noch wenige Sets.")),
    # a ready Instagram draft of a reading in the Kontor (browser, 2026-12-07)
    ("Lesung im Kontor: Am Donnerstag, 18. Dezember, um 19 Uhr liest die Autorin Mia Berg aus "
     "ihrem Buch über Hamburger Kaffeehäuser. Eintritt frei, Anmeldung per Mail an "
     "moin@moewenbohne.example.",
     "Lesung im Kontor: Am Donnerstag, 18. Dezember, um 19 Uhr liest die Autorin Mia Berg aus "
     "ihrem Buch über Hamburger Kaffeehäuser. Anmeldung per Mail an moin@moewenbohne.example.",
     "Eintritt frei", ("Der Eintritt ist frei.", "Freier Eintritt!", "Kostenlos.")),
    # a closure said "zu" (a ready Instagram draft with the runs forbidden, bench 2026-12-08)
    ("Silvester: Am 31. Dezember haben wir von 9 bis 14 Uhr geöffnet, am 1. Januar bleibt das "
     "Kontor zu.",
     "Am 31. Dezember sind wir von 9 bis 14 Uhr für euch da, am 1. Januar bis zu dem Kontor.",
     "bleibt das Kontor zu", ("Am 1. Januar haben wir zu.", "Am 1. Januar geschlossen.",
                              "Am 1. Januar machen wir Pause.")),
    # the Snowflake alerts' price said another way (a Bluesky draft, bench 2026-12-07)
    ("Schema drift alerts now also cover Snowflake; turn them on under Settings, Alerts. "
     "Included in every plan at no extra cost.",
     "Schema drift alerts have been extended to include Snowflake. This feature is available "
     "in all plans. Turn them on under Settings, Alerts.",
     "at no extra cost", ("It comes without additional costs.", "No additional charge.",
                          "Free in every plan.")),
])
def test_a_state_of_the_brief_left_out_is_a_missing_fact(
        brief: str, post: str, state: str, kept: tuple[str, ...], coffee: BrandKit) -> None:
    """Limited stock and free entry, dropped by ready drafts; another wording keeps each."""
    ctx = context(coffee, brief=brief, platform="instagram")
    [problem] = [p for p in quality_problems(post, [], ctx) if p.code == "missing_fact"]
    assert problem.message.startswith(f"the brief says '{state}'")
    for wording in kept:
        assert "missing_fact" not in codes(quality_problems(f"{post}\n{wording}", [], ctx)), \
            wording


@pytest.mark.parametrize("post", [
    "Vom 24. bis 26. Dezember bleibt das Kontor zu. Ab dem 27. Dezember sind wir wieder da.",
    "Weihnachtspause: vom 24. bis 26. Dezember. Ab dem 27. Dezember sind wir wieder da.",
    "Vom 24. bis 26. Dezember sind wir nicht da, ab dem 27. Dezember wieder für euch.",
    "Das Kontor schließt vom 24. bis 26. Dezember; ab dem 27. Dezember sind wir wieder da.",
])
def test_a_state_kept_in_other_words_passes(post: str, coffee: BrandKit) -> None:
    # with the brief's greeting, which is a fact of its own (quality/greetings)
    found = codes(quality_problems(f"Frohe Weihnachten! {post}", [],
                                   context(coffee, brief=CLOSED_BRIEF)))
    assert "missing_fact" not in found and "invented_fact" not in found


def test_a_date_with_a_state_the_brief_gives_another_date_is_invented(
        coffee: BrandKit) -> None:
    """A ready Mastodon post (bench, 2026-12-03): closed "ab dem 27. Dezember", the day the
    brief opens again; every date and the state were there, so nothing was missing."""
    post = ("Hier ist eine Weihnachten-Erinnerung: Das Kontor ist ab dem 27. Dezember "
            "geschlossen. Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor "
            "geschlossen.")
    [problem] = [p for p in quality_problems(post, [], context(coffee, brief=CLOSED_BRIEF,
                                                               platform="mastodon"))
                 if p.code == "invented_fact"]
    assert "'27. Dezember geschlossen'" in problem.message
    # the verb for it (a ready Facebook post, bench 2026-12-06)
    verb = ("Dein Kaffeekontor in Altona verschließt ab dem 27. Dezember! Vom 24. bis 26. "
            "Dezember ist das Kontor geschlossen.")
    [problem] = [p for p in quality_problems(verb, [], context(coffee, brief=CLOSED_BRIEF,
                                                               platform="facebook"))
                 if p.code == "invented_fact"]
    assert "'27. Dezember verschließt'" in problem.message
    # a new date for a course that is called off, and a free thing on a date: no state
    # turned round
    moved = "Der Röstkurs am 12. Dezember fällt aus, neuer Termin ist der 19. Dezember."
    for fine, brief in (("Der Röstkurs am 12. Dezember fällt aus. Neuer Termin ist der 19. "
                         "Dezember.", moved),
                        ("Am 7. Dezember: kostenloses Cupping im Kontor.",
                         "Cupping am 7. Dezember im Kontor. Kostenlos.")):
        assert "invented_fact" not in codes(quality_problems(fine, [], context(coffee,
                                                                               brief=brief)))


def test_states_in_english(software: BrandKit) -> None:
    brief = "The Berlin meetup on 12 March is cancelled; the talk moves online."
    ctx = context(software, brief=brief, platform="linkedin", language="en")
    kept = "The Berlin meetup on 12 March is called off; the talk moves online."
    turned = "Join us at the Berlin meetup on 12 March, the talk moves online."
    assert "missing_fact" not in codes(quality_problems(kept, [], ctx))
    [problem] = [p for p in quality_problems(turned, [], ctx) if p.code == "missing_fact"]
    assert "'cancelled'" in problem.message


def test_all_facts_kept_in_other_words_pass(coffee: BrandKit) -> None:
    post = ("Röstkurs im Laden ☕ Am 12.12. um 18:00 zeigen wir dir, wie Kaffee entsteht. "
            "Acht Plätze, Anmeldung im Laden oder per Mail.")
    assert [p for p in quality_problems(post, [], context(coffee, brief=KURS_BRIEF))
            if p.code in ("missing_fact", "invented_fact")] == []


def test_without_a_brief_no_fact_checks(coffee: BrandKit) -> None:
    assert "invented_fact" not in codes(quality_problems(HANNE_TIP, [], context(coffee)))


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("3 Tipps für besseren Filterkaffee: 1. frisch mahlen 2. 94 Grad 3. wiegen", "de",
     [("number", "94")]),
    ("3 Tipps:\n1. Mahlen\n2. Wiegen\n3. Brühen", "de", []),
    ("Three steps: 1) grind 2) weigh 3) brew. Makes 2 cups.", "en", [("number", "2")]),
    ("Am 1. Mai und am 12. 12. um 8 Uhr", "de", [("date", "12.12."), ("date", "01.05."),
                                              ("time", "08:00")]),
])
def test_list_numbering_is_not_a_fact(text: str, language: str,
                                      expected: list[tuple[str, str]]) -> None:
    assert _keys(text, language) == expected


def test_a_place_kept_inside_a_compound_counts(coffee: BrandKit) -> None:
    brief = "Lesung im Kontor in Hamburg-Altona am 12.12."
    post = "Lesung am 12.12. in unserem Kontorhaus in Altona, Hamburg."
    assert "missing_fact" not in codes(quality_problems(post, [], context(coffee, brief=brief)))


HAFER_BRIEF = ("Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino "
               "vor, ab Montag im Café für 3,80 €.")


def test_a_weekday_the_brief_does_not_name_is_invented(coffee: BrandKit) -> None:
    """A ready X draft said "Von Montag bis Dienstag" for "ab Montag" (bench, 2026-11-30)."""
    text = ("Werbung | Von Montag bis Dienstag haben wir unseren Hafer-Cappuccino im Café für "
            "3,80 € angeboten.")
    found = quality_problems(text, [], context(coffee, brief=HAFER_BRIEF, platform="x"))
    invented = [p for p in found if p.code == "invented_fact"]
    assert invented and "'Dienstag'" in invented[0].message
    assert "'Montag'" not in invented[0].message


@pytest.mark.parametrize(("brief", "text"), [
    (HAFER_BRIEF, "Ab Montag gibt es bei uns den Hafer-Cappuccino für 3,80 €."),
    # a span names every day inside it
    ("Montag bis Freitag Hafer-Cappuccino für 3,80 €.",
     "Am Mittwoch Hafer-Cappuccino für 3,80 €."),
    ("Mo–Fr Hafer-Cappuccino für 3,80 €.", "Donnerstags Hafer-Cappuccino für 3,80 €."),
    # no weekday in the brief: a post may add one; a date's own day is the year's to say
    ("Neuer Hafer-Cappuccino für 3,80 €.", "Ab Samstag Hafer-Cappuccino für 3,80 €."),
    ("Cupping am Samstag, 7. Dezember, um 11 Uhr.",
     "Am Montag, 7. Dezember, um 11 Uhr: Cupping."),
])
def test_weekdays_the_sources_allow_pass(coffee: BrandKit, brief: str, text: str) -> None:
    found = quality_problems(text, [], context(coffee, brief=brief, platform="x"))
    days = ("Montag", "Mittwoch", "Donnerstag", "Samstag")
    assert not [p for p in found if p.code == "invented_fact"
                and any(day in p.message for day in days)], found


CUPPING_BRIEF = ("Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor. Wir verkosten drei "
                 "Kaffees aus Äthiopien. Kostenlos, Anmeldung über den Link.")


def test_a_place_the_brief_names_anywhere_is_missed(coffee: BrandKit) -> None:
    """Two ready drafts left out the coffee's origin: "aus Äthiopien" is no place after "in",
    "bei" or "auf", but it is one of the noun index's toponyms."""
    text = ("Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor! Kostenlos, Anmeldung über "
            "den Link.")
    found = quality_problems(text, [], context(coffee, brief=CUPPING_BRIEF, platform="x"))
    [missed] = [p for p in found if p.code == "missing_fact"]
    assert "'Äthiopien'" in missed.message
    kept = text.replace("Kostenlos", "Drei Kaffees aus Äthiopien, kostenlos")
    found = quality_problems(kept, [], context(coffee, brief=CUPPING_BRIEF, platform="x"))
    assert "missing_fact" not in codes(found)


def test_a_count_written_as_a_word_is_a_fact(coffee: BrandKit) -> None:
    """"Wir rösten zwei Kaffees aus Äthiopien" for the brief's "drei Kaffees" (a Bluesky
    draft, bench 2026-12-03): the other number is invented, the brief's is missed; "3" or
    "drei" both keep it, and "eins"/"one" are no counts."""
    text = ("Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor! Wir verkosten zwei Kaffees "
            "aus Äthiopien. Kostenlos, Anmeldung über den Link.")
    found = quality_problems(text, [], context(coffee, brief=CUPPING_BRIEF, platform="x"))
    assert [p.message for p in _invented(found)] == [
        "'zwei' comes from a kit example, not from the brief; remove it or add it to the brief"]
    [missed] = [p for p in found if p.code == "missing_fact"]
    assert "'drei'" in missed.message
    for kept in ("3 Kaffees", "drei Kaffees"):
        found = quality_problems(text.replace("zwei Kaffees", kept), [],
                                 context(coffee, brief=CUPPING_BRIEF, platform="x"))
        assert {"invented_fact", "missing_fact"} & set(codes(found)) == set()
    assert _keys("Eins vorweg: one more thing, zwölf Plätze, two cups", "de") == [
        ("number", "12"), ("number", "2")]


def test_a_date_time_or_price_said_twice_is_named_once() -> None:
    from assistant.quality.factrepeats import repeated_fact_problems, repeated_facts

    seen = ("Möwenbohne Kaffeekontor: Wie geht es dem Röstkurs am 12. Dezember?\n\nDer "
            "Röstkurs am 12. Dezember, 18 Uhr, ist ein großes Ereignis.")
    assert repeated_facts(seen, "de") == ["12. Dezember"]
    [found] = repeated_fact_problems(repeated_facts(seen, "de"))
    assert found.code == "repeated_fact" and "'12. Dezember'" in found.message
    assert repeated_facts("Hafer-Cappuccino für 3,80 €\nAb Montag im Café für 3,80 €", "de") \
        == ["3,80 €"]
    assert repeated_facts("Vom 24. bis 26. Dezember zu, ab dem 27. Dezember offen.", "de") == []
    # a weekday with its preposition (a ready Instagram draft, bench 2026-12-07); with
    # another preposition it is another fact
    assert repeated_facts("Wir stellen unseren Hafer-Cappuccino vor, ab Montag im Café.\nAb "
                          "Montag im Café für 3,80 €", "de") == ["ab Montag"]
    assert repeated_facts("Open from Monday. From Monday on, 5 euros.", "en") == ["from Monday"]
    assert repeated_facts("Ab Montag im Café, am Montag ist Ruhetag.", "de") == []
    assert repeated_facts("Webinar on 10 December at 16:00 CET, 45 minutes.", "en") == []


def test_a_count_with_its_noun_said_twice_is_named_once() -> None:
    """"8 Plätze." as a line under "maximal 8 Plätze!" stood in a ready Instagram post
    (bench, 2026-12-03)."""
    from assistant.quality.factrepeats import repeated_facts

    assert repeated_facts("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze! "
                          "Jetzt anmelden!\n8 Plätze.\nAnmeldung im Laden.", "de") == ["8 Plätze"]
    assert repeated_facts("16 Stunden im Kühlschrank ziehen lassen.\n16 stunden warten.",
                          "de") == ["16 Stunden"]
    # a count in words is its number (an Instagram draft of the browser test, 2026-12-03)
    assert repeated_facts("Barista-Kurs am Samstag im Kontor, noch drei Plätze frei\n3 Plätze "
                          "frei, jetzt anmelden!", "de") == ["drei Plätze"]
    assert repeated_facts("Wir rösten drei Kaffees. Zwei Kaffees sind hell.", "de") == []
    # a name's number, another noun, a time said once as a time
    for fine in ("ISO 27001 certification is key. Learn more about our ISO 27001 certification.",
                 "2 Tassen Wasser, 2 Minuten warten.", "Um 18 Uhr geht es los, Einlass 17 Uhr."):
        assert repeated_facts(fine, "en") == [], fine


def test_a_partner_named_in_a_german_brief_is_a_fact_the_post_carries(
        coffee: BrandKit) -> None:
    """A ready Facebook draft of a sponsored brief (bench, 2026-12-01) left the partner out:
    "Werbung | Was ist der Hafer-Cappuccino? Stellen wir unseren Hafer-Cappuccino vor, ab
    Montag im Café für 3,80 €." German capitalises every noun, so only a name of two words
    or more after "gemeinsam mit", "in Kooperation mit" ... counts; its last word will do."""
    brief = ("Gemeinsam mit der Hafermolkerei Elbhof stellen wir unseren Hafer-Cappuccino vor, "
             "ab Montag im Café für 3,80 €.")
    ctx = context(coffee, brief=brief)
    dropped = "Werbung | Unser Hafer-Cappuccino ist da: ab Montag im Café für 3,80 €."
    [problem] = [p for p in quality_problems(dropped, [], ctx) if p.code == "missing_fact"]
    assert "'Elbhof'" in problem.message
    named = "Werbung | Mit Elbhof: unser Hafer-Cappuccino, ab Montag im Café für 3,80 €."
    assert "missing_fact" not in codes(quality_problems(named, [], ctx))
    team = context(coffee, brief="Wir feiern zusammen mit dem Team am Samstag im Kontor.")
    assert "missing_fact" not in codes(quality_problems("Samstag feiern wir im Kontor.", [],
                                                        team))


def test_a_year_that_no_source_states_is_made_up(coffee: BrandKit) -> None:
    """"Einladung zum Röstkurs am 12. Dezember 2023" for the brief's "am 12. Dezember" (a
    bench draft, 2026-12-03): the year was read with the date and then ignored."""
    from assistant.quality.factcheck import Known, invented, missing, without_made_up_years

    brief = "Einladung zum Röstkurs am 12. Dezember, 18 Uhr."
    post = "Einladung zum Röstkurs am 12. Dezember 2023, 18 Uhr."
    sources = Known.of((brief,), "de")
    assert invented(post, "de", sources, [], frozenset()) == ["12. Dezember 2023"]
    assert without_made_up_years(post, sources, "de") == brief
    found = quality_problems(post, [], context(coffee, brief=brief))
    assert "invented_fact" in codes(found)
    # a year a source states stays, and a post may leave the brief's year out
    dated = Known.of(("Röstkurs am 12. Dezember 2026.",), "de")
    assert invented("Am 12.12.2026 und am 12. Dezember.", "de", dated, [], frozenset()) == []
    assert without_made_up_years("Am 12. Dezember 2026.", dated, "de") == "Am 12. Dezember 2026."
    assert missing("Röstkurs am 12. Dezember.", "Röstkurs am 12. Dezember 2026.", "de") == []
    assert {f.key: f.year for f in extract_facts("on December 15, 2023 and 16.12.", "en")} == {
        "15.12.": "2023", "16.12.": None}
    # a month of four letters is no year ("June 15", "15. März")
    assert {f.key: f.year for f in extract_facts("on June 15 and July 4, 2027", "en")} == {
        "15.06.": None, "04.07.": "2027"}
    assert [f.year for f in extract_facts("Am 15. März und am 1. Juni.", "de")] == [None, None]
    march = Known.of(("Röstkurs am 15. März.",), "de")
    assert invented("Röstkurs am 15. März!", "de", march, [], frozenset()) == []


def test_a_tasting_no_brief_names_is_invented(coffee: BrandKit) -> None:
    """"Join us for a tasting session." stood in a ready Instagram post on a new decaf
    (bench, 2026-12-07). The kit's pillars name "Barista-Kurse, Cuppings": a topic the brand
    posts about, no event this week; only the brief and its link name one."""
    brief = ("New decaf from Peru, sugarcane process, notes of caramel and orange, 250 g for "
             "10.50 euros.")
    ctx = context(coffee, brief=brief, language="en", platform="instagram")
    assert "Cuppings" in " ".join(pillar.description for pillar in coffee.pillars)
    post = ("Our new decaf from Peru: sugarcane process, notes of caramel and orange, 250 g "
            "for 10.50 euros. Join us for a tasting session.")
    [problem] = _invented(quality_problems(post, [], ctx))
    assert "'tasting session'" in problem.message
    for event in ("Komm zum Cupping ins Kontor.", "Join our hands-on workshop."):
        german = context(coffee, brief="Neuer Decaf aus Peru, 250 g für 10,50 €.")
        text = f"Neuer Decaf aus Peru, 250 g für 10,50 €. {event}"
        assert _invented(quality_problems(text, [], german)), event
    cupping = context(coffee, brief="Cupping am Freitag, 18 Uhr, im Kontor.")
    assert _invented(quality_problems("Am Freitag um 18 Uhr: Verkostung im Kontor!", [],
                                      cupping)) == []


def test_free_as_an_item_of_the_briefs_list_is_a_state(software: BrandKit) -> None:
    """A ready Mastodon post of the bench (2026-12-07) left out the webinar's "free"."""
    brief = ("Webinar on 10 December at 16:00 CET - how to test dbt models before they break a "
             "dashboard. 45 minutes, free, recording for everyone who signs up.")
    post = ("Join us on December 10th at 16:00 CET to learn how to test your dbt models before "
            "they break a dashboard. Our webinar takes 45 minutes.")
    ctx = context(software, brief=brief, platform="mastodon", language="en")
    [problem] = [p for p in quality_problems(post, [], ctx) if p.code == "missing_fact"]
    assert problem.message.startswith("the brief says 'free'")
    assert "missing_fact" not in codes(quality_problems(f"{post} Free to join.", [], ctx))
    # "free" inside a phrase is no state of the brief's ("free to try" is an offer)
    assert missing_states("Sign up now.", "Our tool is free to try, sign up now.") == []
