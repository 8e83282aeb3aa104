"""What a course teaches, listed by the post and by no source (``syllabus``)."""

from __future__ import annotations

import pytest

from assistant.brand.kit import BrandKit
from assistant.quality import quality_problems
from assistant.quality.syllabus import invented_syllabus
from tests.quality.conftest import context

CLASS = ("Barista class in English on Sunday, 15 December, 2 pm, six people max, 49 euros "
         "per person.")
CLASS_LINK = "https://www.moewenbohne.example/classes"
ROESTKURS = "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im Laden oder per Mail."
MEETUP = ("Paid partnership with the dbt Meetup Berlin - we sponsor the meetup on 18 December "
          "at 19:00 and give a 15-minute talk on testing dbt models.")
# a ready Facebook post of the bench (2026-12-07)
INVENTED = ("Join our English barista class on Sunday, December 15th at 2 PM! In this class, "
            "you'll learn how to grind your own beans, measure your coffee correctly, and "
            "even make your own latte art. Six people max. 49 euros per person.")


@pytest.mark.parametrize(("post", "brief", "language", "shown"), [
    (INVENTED, CLASS, "en", "learn how to grind your own beans, measure your coffee "
                            "correctly, and even make your own latte art."),
    ("You'll also learn about the different types of coffee beans and how to choose the "
     "right one for you.", CLASS, "en",
     "learn about the different types of coffee beans and how to choose the right one for "
     "you."),
    ("Im Röstkurs lernst du, wie man Espresso extrahiert, Milch aufschäumt und Latte Art "
     "gießt.", ROESTKURS, "de",
     "lernst du, wie man Espresso extrahiert, Milch aufschäumt und Latte Art gießt."),
    ("Wir zeigen dir, wie man Milch aufschäumt und Latte Art gießt.", ROESTKURS, "de",
     "zeigen dir, wie man Milch aufschäumt und Latte Art gießt."),
])
def test_a_list_of_what_the_reader_learns_that_no_source_gives_is_invented(
        post: str, brief: str, language: str, shown: str) -> None:
    assert invented_syllabus(post, (brief,), language) == [shown]


@pytest.mark.parametrize(("post", "brief", "language"), [
    # one thing: what the class is about
    ("Learn how to make a perfect espresso at our roastery café in Altona.", CLASS, "en"),
    ("Wir zeigen dir, wie aus grünen Bohnen Kaffee wird.", ROESTKURS, "de"),
    # what a course of the brief's kind shows: the roaster of a "Röstkurs"
    ("Am 12. Dezember zeigen wir dir beim Röstkurs im Kontor, was im Röster passiert, vom "
     "ersten Knacken bis zur fertigen Bohne.", ROESTKURS, "de"),
    # the brief's own things, and one of the post's own beside one of the brief's
    ("Du lernst, wie man Milchschaum macht und Herzen gießt.",
     "Latte-Art-Kurs: Milchschaum und Herzen gießen, Samstag 14 Uhr", "de"),
    ("Come to learn about testing dbt models and share best practices.", MEETUP, "en"),
    # no cue: a list is no syllabus
    ("Grind your beans, measure your coffee and enjoy the weekend.", CLASS, "en"),
])
def test_one_thing_or_the_briefs_own_is_no_invented_syllabus(post: str, brief: str,
                                                            language: str) -> None:
    assert invented_syllabus(post, (brief,), language) == []


def test_the_checker_flags_an_invented_syllabus_as_an_invented_fact(coffee: BrandKit) -> None:
    problems = quality_problems(INVENTED, [], context(coffee, brief=CLASS, language="en",
                                                      link=CLASS_LINK))
    [invented] = [p for p in problems if p.code == "invented_fact"]
    assert invented.is_error
    assert invented.message.startswith("'learn how to grind your own beans")
    # the link is a source too: a syllabus it names is stated
    stated = quality_problems(INVENTED, [], context(
        coffee, brief=CLASS, language="en",
        link="https://www.moewenbohne.example/classes/grind-measure-latte-art"))
    assert "invented_fact" not in [p.code for p in stated]


WEBINAR = ("Webinar on 10 December, 16:00 CET: how to test dbt models before they break a "
           "dashboard. 45 minutes, free, recording for everyone who signs up.")
# a ready LinkedIn post of the bench (2026-12-08)
AGENDA = ("Join us for a webinar on December 10th at 16:00 CET to learn how to test your dbt "
          "models before they break your dashboard.\n\nThe webinar will cover the following "
          "topics:\n- What is schema drift and how it affects your data pipelines\n- How to "
          "identify and fix schema drift issues before they impact your dashboards\n- Best "
          "practices for testing dbt models in production\n\nRegister now.")


@pytest.mark.parametrize(("post", "brief", "language", "shown"), [
    (AGENDA, WEBINAR, "en", "The webinar will cover the following topics:"),
    ("Das lernst du im Röstkurs:\n\n1. Espresso extrahieren\n2. Milch aufschäumen",
     ROESTKURS, "de", "Das lernst du im Röstkurs:"),
])
def test_an_agenda_set_out_as_a_list_with_a_point_no_source_gives_is_invented(
        post: str, brief: str, language: str, shown: str) -> None:
    assert invented_syllabus(post, (brief,), language) == [shown]


@pytest.mark.parametrize("post", [
    # the brief's own points, set out
    "In the webinar we cover:\n- how to test dbt models\n- before they break a dashboard",
    # one point is what the webinar is about
    "The webinar will cover:\n- schema drift",
    # a list under no agenda's cue
    "What you get:\n- 45 minutes\n- a recording of schema drift",
])
def test_a_list_of_the_briefs_points_or_under_no_agenda_is_no_invention(post: str) -> None:
    assert invented_syllabus(post, (WEBINAR,), "en") == []
