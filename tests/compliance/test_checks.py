"""The compliance part of the one checker, and the queue's use of that checker."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from assistant.brand.kit import EXAMPLE_KITS_DIR, BrandKit, load_kit
from assistant.checks import queue_checker
from assistant.compliance.checks import compliance_problems, repair_draft_text
from assistant.config import Settings
from assistant.models import Problem, Severity
from assistant.queue.models import QueueItem

from .conftest import Server


def coffee(**update: object) -> BrandKit:
    return load_kit("kaffeekontor-hamburg", EXAMPLE_KITS_DIR).model_copy(update=update)


def item(**kw: object) -> QueueItem:
    values: dict[str, object] = dict(
        kit_id="kaffeekontor-hamburg", platform="instagram", text="Neuer Espresso!",
        scheduled_at=datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin")),
    )
    values.update(kw)
    return QueueItem(**values)  # type: ignore[arg-type]


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_sponsored_draft_without_label_is_an_error() -> None:
    problems = compliance_problems("Neuer Espresso!\n\n#Kaffee #werbung", language="de",
                                   sponsored=True, kit=None, urls=[])
    assert codes(problems) == ["ad_label_hashtag_only"] and problems[0].is_error


def test_repair_then_clean() -> None:
    kit = coffee(ai_disclosure="always")
    text = repair_draft_text("Neuer Espresso!", language="de", sponsored=True, kit=kit)
    assert text.startswith("Werbung | Neuer Espresso!\n\n")
    assert compliance_problems(text, language="de", sponsored=True, kit=kit, urls=[]) == []


def test_ai_label_required_by_kit() -> None:
    problems = compliance_problems("Neuer Espresso!", language="de", sponsored=False,
                                   kit=coffee(ai_disclosure="always"), urls=[])
    assert codes(problems) == ["ai_label_missing"]


def test_offline_link_flags() -> None:
    urls = ["https://shop.moewenbohne.example/espresso", "https://bit.ly/xyz",
            "https://zeitung.example/bericht"]
    problems = compliance_problems("Jetzt im Shop", language="de", sponsored=False,
                                   kit=coffee(), urls=urls)
    assert codes(problems) == ["utm_missing", "link_shortener"]
    assert all(p.severity == Severity.WARNING for p in problems)


def test_online_broken_link_is_an_error(http_server: Server, allow_loopback: Settings) -> None:
    urls = [http_server.url("/missing"), http_server.url("/ok?utm_source=ig")]
    problems = compliance_problems("Mehr", language="de", sponsored=False, kit=None, urls=urls,
                                   online=True, settings=allow_loopback)
    assert [p.code for p in problems if p.is_error] == ["link_broken"]
    assert compliance_problems("Mehr", language="de", sponsored=False, kit=None,
                               urls=[http_server.url("/ok?utm_source=ig")], online=True,
                               settings=allow_loopback) == []


def test_queue_item_sponsored_and_link_field(http_server: Server,
                                             allow_loopback: Settings) -> None:
    sponsored = item(text="Neuer Espresso", sponsored=True, language="en", platform="facebook",
                     hashtags=["ad"], link=http_server.url("/error"))
    checker = queue_checker(allow_loopback, online=True)
    assert {"ad_label_hashtag_only", "link_broken", "utm_missing"} <= set(
        codes(checker(sponsored)))


def test_queue_checker_refuses_an_unknown_kit(allow_loopback: Settings) -> None:
    checker = queue_checker(allow_loopback)
    # no kits in the isolated kits dir: checked without kit rules, and never approvable
    problems = checker(item(text="Hallo https://bit.ly/x", platform="facebook"))
    assert codes(problems)[:1] == ["kit_missing"] and "link_shortener" in codes(problems)
    assert "fix or restore the kit" in problems[0].message and problems[0].is_error
