"""invented_fact must stay silent on good posts: a check that flags good drafts makes
"ready" meaningless. Three sets, both kits, German and English:

- every kit example as if it were a new draft, scored against the rest of its kit (its
  own text is then no example any more) and a brief a person would write for it: its
  facts, not its wording;
- the fake LLM's good drafts (tests/fakes/drafts.py GOOD_DE) with the brief they answer;
- good posts written for briefs of bench/quality_briefs.yaml, which borrow the kits'
  voice ("Link im Profil", "Wir freuen uns auf dich", "ein Lebenslauf reicht") the way a
  person who read the examples would.
"""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from tests.fakes.drafts import GOOD_DE
from tests.quality.conftest import context

# a person's brief for each example post: the facts the post states, in other words
EXAMPLE_BRIEFS = {
    "kaffeekontor-hamburg": {
        "facebook-01.md": "Tag der offenen Rösterei am 14. September, 10 bis 16 Uhr: live "
        "rösten, Cupping mit Löffel, Kakao und Bohnen-Rallye für Kinder, Eintritt frei, "
        "ohne Anmeldung.",
        "facebook-02.md": "Tipp zum Mahlgrad beim Bohnenwechsel: sauer heißt feiner, bitter "
        "heißt gröber, eine Stufe auf einmal; frische Bohnen ändern sich in den ersten zwei "
        "Wochen. Hanne beantwortet heute Abend Fragen in den Kommentaren.",
        "facebook-03.md": "Weihnachtsmischung ist da: Kolumbien und Guatemala, mittel "
        "geröstet, Noten von Marzipan, Orangenschale, dunkler Schokolade; passt zu Stollen "
        "und Filterkanne; nur bis Ende Dezember im Kontor und im Shop.",
        "google_business-01.md": "Öffnungszeiten Ostern: Karfreitag und Ostermontag zu, "
        "Samstag und Sonntag 9 bis 17 Uhr, Shop wie immer.",
        "google_business-02.md": "Neu: Frühstück am Wochenende, samstags und sonntags 9 bis "
        "12 Uhr, Sauerteigbrot vom Bäcker, Rührei, Rote Grütze mit Joghurt, Filterkaffee, "
        "ohne Reservierung.",
        "instagram-01.md": "Neu: Yirgacheffe aus Äthiopien, hell geröstet, Zitrone und "
        "Jasmin, 60 g auf einen Liter, ab Samstag im Kontor und Shop.",
        "instagram-02.md": "Cold-Brew-Rezept: 100 g grob gemahlen, 1 Liter kaltes Wasser, "
        "14 Stunden Kühlschrank, Papierfilter, mit Eis oder Hafermilch; Tipp: Brasilien "
        "Cerrado.",
        "instagram-03.md": "Samstag 6:40 Uhr in der Rösterei: Okan hört auf den First Crack, "
        "12 Minuten pro Charge, 15 Kilo, Kühlsieb; samstags ab 9 Uhr durchs Fenster "
        "zuschauen.",
        "instagram-04.md": "Barista-Kurs im Kontor: Espresso, Mahlgrad, Dosierung, Milch "
        "schäumen, Latte Art, drei Stunden, maximal sechs Leute, Maschinen gestellt; "
        "nächster Termin Sonntag 14 Uhr, Plätze im Shop.",
        "instagram-05.md": "Schietwetter in Altona: heute Franzbrötchen vom Bäcker und Flat "
        "White im Kontor, Fensterplätze frei.",
        "instagram-06.md": "Barista class in English: espresso, grind, dosing, milk, latte "
        "art, three hours, six people max, machines provided; next date Sunday 2 pm, book "
        "via link in bio.",
        "instagram-07.md": "For visitors to Hamburg: our café in an old trading house in "
        "Altona, ten minutes from the fish market; filter coffee, the roaster on Saturdays, "
        "beans as a souvenir.",
        "instagram-08.md": "Cold brew recipe: 100 g coarse coffee, 1 litre cold water, 14 "
        "hours in the fridge, paper filter, over ice; Brazil Cerrado with chocolate and "
        "hazelnut.",
        "linkedin-01.md": "Bürokaffee: seit diesem Jahr 40 Hamburger Büros und Agenturen, "
        "alle zwei Wochen per Lastenrad im Ring, Einweisung an der Maschine, ein "
        "Ansprechpartner; Probierpaket über die Website.",
        "linkedin-02.md": "Stelle: Röster:in in Ausbildung (m/w/d), Vollzeit, unbefristet, "
        "Altona; Röstprofile, Qualitätskontrolle, Cupping; Bewerbung mit ein paar Sätzen "
        "und Lebenslauf, kein Anschreiben.",
        "mastodon-01.md": "Warum helle Röstungen nicht sauer sind: Säure aus Frucht, Höhe "
        "und Aufbereitung; Kenia nach schwarzer Johannisbeere; Fragen zur Röstkurve im "
        "Thread.",
        "mastodon-02.md": "Neue Kaffeetüten aus Papier mit kompostierbarer Innenschicht und "
        "Aromaventil wegen CO₂; noch nicht perfekt, gehören in den Restmüll, nicht in die "
        "Biotonne.",
        "mastodon-03.md": "Direkter Handel: Kooperative Las Lomas in Honduras, dieses Jahr "
        "4,60 US-Dollar pro Pfund, doppelt so viel wie der Börsenpreis, Rechnung liegt im "
        "Kontor aus.",
    },
    "tessaline-software": {
        "bluesky-01.md": "Column-level lineage: we test it against 2,000 real dbt projects on "
        "every release and publish the accuracy per adapter in the docs.",
        "bluesky-02.md": "Pattern: every alert has exactly one owner, a team not a tool; "
        "routing by ownership halves the noise.",
        "bluesky-03.md": "ISO/IEC 27001 certified; metadata stays in the EU, no row-level "
        "data, certificate without sales at tessaline.example/trust",
        "bluesky-04.md": "Free webinar 12 March on testing data pipelines: contract tests, "
        "weekend-aware freshness checks, ownership-based alert routing, 45 min plus Q&A.",
        "linkedin-01.md": "Schema drift alerts live for every Tessaline workspace: renamed "
        "columns and changed types before the nightly dbt run fails, with source table, "
        "change and downstream models; on by default, per-source threshold in Settings > "
        "Alerts; https://tessaline.example/changelog",
        "linkedin-02.md": "Customer story Nordhafen Retail: 1,400 dbt models, three "
        "warehouses, time to detect from 19 hours to 22 minutes in six months, 60 percent "
        "fewer on-call pages, quote about the CFO; head of data Svea Lindqvist's 20-minute "
        "write-up https://tessaline.example/customers/nordhafen",
        "linkedin-03.md": "ISO/IEC 27001 certified: whole platform, Berlin office, "
        "sub-processors; metadata in EU data centres in Frankfurt and Amsterdam; "
        "certificate at https://tessaline.example/trust",
        "linkedin-04.md": "Hiring a Senior Backend Engineer (Python, Postgres), Berlin or "
        "remote in the EU: ingestion service for dbt, Airflow, Dagster, about 300 "
        "customers, teams of three, design docs, on-call one week in six, EUR "
        "85,000-105,000, https://tessaline.example/jobs",
        "linkedin-05.md": "Webinar 12 March, testing data pipelines without slowing "
        "releases, with staff engineer Priya Raman: contract tests, weekend-aware freshness "
        "checks, alert routing by ownership; 45 minutes, Q&A, recording; "
        "https://tessaline.example/webinars/pipeline-testing",
        "linkedin-06.md": "Incident last Tuesday: alert delivery in Frankfurt delayed 47 "
        "minutes, certificate rotation on a message broker, monitoring checked liveness; "
        "no data lost; post-mortem with three changes at "
        "https://tessaline.example/incidents/2024-11",
        "mastodon-01.md": "Upstreamed a fix to dbt-postgres: incremental models with "
        "composite unique keys and a NULL key column no longer duplicate rows; thanks to "
        "the maintainers.",
        "x-01.md": "Schema drift alerts live, names the dbt models that break before the "
        "nightly run, on by default, https://tessaline.example/changelog",
        "x-02.md": "Tip: freshness checks that fire every Monday because nothing loads on "
        "weekends; give checks a calendar.",
        "x-03.md": "Nordhafen Retail: 19 hours to 22 minutes mean time to detect, 1,400 dbt "
        "models, https://tessaline.example/customers/nordhafen",
        "x-04.md": "Talk at Data Council Berlin on Thursday, 'Lineage you can trust', "
        "column-level lineage testing, room B.",
        "x-05.md": "Incident follow-up: Frankfurt alert delivery delayed 47 min last Tuesday, "
        "no data lost, post-mortem https://tessaline.example/incidents/2024-11",
    },
}


def _invented_messages(kit: BrandKit, post: str, brief: str, platform: str,
                       language: str, link: str | None = None) -> list[str]:
    ctx = context(kit, brief=brief, platform=platform, language=language, link=link)
    return [p.message for p in quality_problems(post, [], ctx) if p.code == "invented_fact"]


@pytest.mark.parametrize("kit_name", ["coffee", "software"])
def test_every_example_as_a_new_draft_against_the_rest_of_its_kit(
        kit_name: str, request: pytest.FixtureRequest) -> None:
    kit: BrandKit = request.getfixturevalue(kit_name)
    briefs = EXAMPLE_BRIEFS[kit.id]
    assert set(briefs) == {e.source for e in kit.examples}
    for example in kit.examples:
        others = kit.model_copy(update={"examples": [e for e in kit.examples
                                                     if e is not example]})
        found = _invented_messages(others, example.text, briefs[str(example.source)],
                                   example.platform, example.language)
        assert found == [], example.source


@pytest.mark.parametrize("platform", sorted(GOOD_DE))
def test_the_fake_llms_good_drafts(coffee: BrandKit, platform: str) -> None:
    # the brief of tests/drafting/test_drafting.py's happy path
    brief = "Neuer Äthiopien-Filterkaffee ist da"
    assert _invented_messages(coffee, GOOD_DE[platform], brief, platform, "de") == []


KURS = ("Einladung zum Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im Laden "
        "oder per Mail.")
KOLUMBIEN = ("Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere und Kakao, ab "
             "Samstag im Kontor und im Shop, 250 g für 11,90 €.")
BARISTA = ("Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, 20 Stunden pro Woche, für "
           "unser Café in Altona. Bewerbung per Mail an moin@moewenbohne.example.")
XMAS_CLOSED = ("Frohe Weihnachten! Vom 24. bis 26. Dezember ist das Kontor geschlossen, ab dem "
               "27. Dezember sind wir wieder für euch da.")
COLD_BREW = ("Tipp für Cold Brew zu Hause: 70 g grob gemahlener Kaffee auf 1 Liter kaltes "
             "Wasser, 16 Stunden im Kühlschrank ziehen lassen, dann filtern.")
CUPPING = ("Cupping am Samstag, 7. Dezember, um 11 Uhr im Kontor. Wir verkosten drei Kaffees "
           "aus Äthiopien. Kostenlos, Anmeldung über den Link.")
XMAS_BLEND = ("Die Weihnachtsmischung ist zurück - Kolumbien und Guatemala, mit Noten von "
              "Marzipan und dunkler Schokolade, nur bis Ende Dezember.")
FRENCH_PRESS = ("Mahlgrad für die French Press: grob wie Meersalz, 4 Minuten ziehen lassen, dann "
                "langsam herunterdrücken.")
BUERO = ("Kaffee fürs Büro - wir liefern ab 5 kg pro Monat an Büros in Hamburg, die erste "
         "Lieferung ist kostenlos.")
HUILA = ("Zurück aus Huila in Kolumbien - unserer Partnerkooperative zahlen wir 30 Prozent über "
         "dem Fairtrade-Mindestpreis.")
FILTER_TIP = ("Tip: rinse the paper filter with hot water before you brew; it removes the "
              "papery taste and warms the cup.")
CLASS = ("Barista class in English on Sunday, 15 December, 2 pm, six people max, 49 euros per "
         "person.")
SNOWFLAKE = ("Schema drift alerts now also cover Snowflake; turn them on under Settings, "
             "Alerts. Included in every plan at no extra cost.")
MEETUP = ("Paid partnership with the dbt Meetup Berlin - we sponsor the meetup on 18 December "
          "at 19:00 and give a 15-minute talk on testing dbt models.")
WEBINAR = ("Webinar on 10 December at 16:00 CET - how to test dbt models before they break a "
           "dashboard. 45 minutes, free, recording for everyone who signs up.")
FRESHNESS = ("Tip: put a freshness check on every source table that feeds a board-level "
             "dashboard; stale data is the failure nobody notices.")
HOLIDAY = ("Season's greetings from the Tessaline team. Support stays on call through the "
           "holidays, as always from 8:00 to 18:00 CET on working days.")
TRUST = ("Tessaline is now ISO 27001 certified. All customer data stays in our Frankfurt data "
         "centre, in the EU.")

# (brief, link, platform, language, post): posts a person would approve as they are
GOOD_POSTS = [
    (KURS, None, "facebook", "de",
     "Lust, selbst zu rösten? Am 12. Dezember um 18 Uhr zeigen wir dir beim Röstkurs im "
     "Kontor, was im Röster passiert, vom ersten Knacken bis zur fertigen Bohne. Maximal 8 "
     "Plätze, Anmeldung im Laden oder per Mail. Wir freuen uns auf dich!"),
    (KURS, None, "linkedin", "de",
     "Röstkurs für alle, die es genau wissen wollen: Am 12. Dezember, 18 Uhr, rösten wir "
     "gemeinsam und schmecken den Unterschied. Maximal 8 Plätze. Anmeldung im Laden oder per "
     "Mail, gern auch fürs ganze Team."),
    (KURS, None, "instagram", "de",
     "Selbst rösten statt nur trinken ☕ Röstkurs am 12. Dezember um 18 Uhr, maximal 8 "
     "Plätze. Anmeldung im Laden oder per Mail. Komm vorbei!"),
    (KOLUMBIEN, "https://shop.moewenbohne.example/kolumbien", "instagram", "de",
     "Neu im Röster: Filterkaffee aus Kolumbien 🍋 Rote Johannisbeere und Kakao, hell genug "
     "geröstet, dass beides bleibt. Ab Samstag im Kontor und im Shop, 250 g für 11,90 €. Link "
     "im Profil."),
    (KOLUMBIEN, "https://shop.moewenbohne.example/kolumbien", "x", "de",
     "Neu: Filterkaffee aus Kolumbien mit Noten von roter Johannisbeere und Kakao. Ab Samstag "
     "im Kontor und im Shop, 250 g für 11,90 € https://shop.moewenbohne.example/kolumbien"),
    (BARISTA, None, "linkedin", "de",
     "Wir suchen dich: Ab Januar brauchen wir eine Barista (m/w/d) in Teilzeit, 20 Stunden "
     "pro Woche, für unser Café in Altona. Du magst Menschen, guten Espresso und bleibst ruhig, "
     "wenn die Schlange lang wird? Dann schreib uns ein paar Sätze an "
     "moin@moewenbohne.example. Ein Lebenslauf reicht."),
    (XMAS_CLOSED, None, "instagram", "de",
     "Frohe Weihnachten aus dem Kontor 🎄 Vom 24. bis 26. Dezember haben wir geschlossen, ab "
     "dem 27. Dezember sind wir wieder für euch da. Genießt die Feiertage!"),
    (COLD_BREW, None, "threads", "de",
     "Cold Brew zu Hause, ganz ohne Technik: 70 g grob gemahlener Kaffee, 1 Liter kaltes "
     "Wasser, 16 Stunden in den Kühlschrank. Dann filtern, fertig. 🧊"),
    (CUPPING, "https://www.moewenbohne.example/cupping", "facebook", "de",
     "Cupping im Kontor: Am Samstag, 7. Dezember, um 11 Uhr verkosten wir drei Kaffees aus "
     "Äthiopien, mit Löffel und lautem Schlürfen, so wie Profis es machen. Kostenlos, "
     "Anmeldung über den Link: https://www.moewenbohne.example/cupping"),
    (XMAS_BLEND, None, "facebook", "de",
     "Unsere Weihnachtsmischung ist zurück 🎄 Kolumbien und Guatemala, mit Noten von Marzipan "
     "und dunkler Schokolade. Es gibt sie nur bis Ende Dezember, im Kontor und im Shop."),
    (FRENCH_PRESS, None, "instagram", "de",
     "Kleiner Tipp mit großer Wirkung für die French Press: Mahl so grob wie Meersalz, lass "
     "den Kaffee 4 Minuten ziehen und drück den Stempel dann langsam herunter. Fragen? Schreib "
     "sie in die Kommentare."),
    (BUERO, "https://www.moewenbohne.example/buero", "linkedin", "de",
     "Guter Kaffee fürs Büro: Wir liefern ab 5 kg pro Monat an Büros in Hamburg, frisch "
     "geröstet aus Altona. Die erste Lieferung ist kostenlos. Mehr auf "
     "https://www.moewenbohne.example/buero"),
    (HUILA, None, "mastodon", "de",
     "Zurück aus Huila in Kolumbien. Unserer Partnerkooperative zahlen wir 30 Prozent über "
     "dem Fairtrade-Mindestpreis, weil gute Ernte gute Arbeit braucht. Fragen zur Herkunft "
     "beantworten wir gern im Thread."),
    (FILTER_TIP, None, "instagram", "en",
     "Small tip, big difference: rinse your paper filter with hot water before you brew. It "
     "takes out the papery taste and warms the cup. ☕"),
    (CLASS, "https://www.moewenbohne.example/classes", "instagram", "en",
     "Barista class in English ☕ Sunday, 15 December, 2 pm at our café in Altona. Six people "
     "max, 49 euros per person. Book via the link in our bio."),
    (SNOWFLAKE, "https://tessaline.example/changelog/snowflake", "linkedin", "en",
     "Schema drift alerts now cover Snowflake.\n\nWhen an upstream team renames a column, you "
     "hear about it before the dashboard is wrong. Turn them on under Settings > Alerts; they "
     "are included in every plan at no extra cost.\n\n"
     "https://tessaline.example/changelog/snowflake"),
    (SNOWFLAKE, "https://tessaline.example/changelog/snowflake", "x", "en",
     "Schema drift alerts now cover Snowflake. Turn them on in Settings > Alerts, no extra "
     "cost on any plan. https://tessaline.example/changelog/snowflake"),
    (MEETUP, None, "linkedin", "en",
     "Paid partnership: we sponsor the dbt Meetup Berlin on 18 December at 19:00, and give a "
     "15-minute talk on testing dbt models. Come say hi."),
    (WEBINAR, "https://tessaline.example/webinar", "bluesky", "en",
     "Free webinar on 10 December, 16:00 CET: how to test dbt models before they break a "
     "dashboard. 45 minutes, recording for everyone who signs up: tessaline.example/webinar"),
    (FRESHNESS, None, "x", "en",
     "Small data quality tip: put a freshness check on every source table that feeds a "
     "board-level dashboard. Stale data is the failure nobody notices."),
    # a heading in title case: its capitals make no names ("everyone" is in an example)
    (HOLIDAY, None, "linkedin", "en",
     "Happy Holidays From Everyone at Tessaline\n\nOur Support Team stays on call through "
     "the holidays, as always from 8:00 to 18:00 CET on working days. Thank you for a great "
     "year!"),
    (TRUST, None, "linkedin", "en",
     "Tessaline is now ISO 27001 certified.\n\nAll customer data stays in our Frankfurt data "
     "centre, in the EU. Nothing about the product changes for you."),
]


@pytest.mark.parametrize(("brief", "link", "platform", "language", "post"), GOOD_POSTS,
                         ids=[f"{g[2]}-{g[4][:24]}" for g in GOOD_POSTS])
def test_good_posts_for_the_bench_briefs(coffee: BrandKit, software: BrandKit, brief: str,
                                         link: str | None, platform: str, language: str,
                                         post: str) -> None:
    kit = software if any(word in brief for word in ("dbt", "Tessaline", "Snowflake")) else coffee
    assert _invented_messages(kit, post, brief, platform, language, link) == []
