"""The functions drafting and the queue call."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from assistant.brand.kit import EXAMPLE_KITS_DIR, BrandKit, load_kit
from assistant.compliance.checks import (
    draft_compliance_problems,
    make_queue_checker,
    queue_item_problems,
    repair_draft_text,
)
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
    problems = draft_compliance_problems("Neuer Espresso!\n\n#Kaffee #werbung", language="de",
                                         sponsored=True)
    assert codes(problems) == ["ad_label_hashtag_only"] and problems[0].is_error


def test_repair_then_clean() -> None:
    kit = coffee()
    text = repair_draft_text("Neuer Espresso!", language="de", sponsored=True, kit=kit,
                             has_ai_image=True)
    assert text == "Werbung | Neuer Espresso!\n\nBild KI-generiert"
    assert draft_compliance_problems(text, language="de", sponsored=True, kit=kit,
                                     has_ai_image=True) == []


def test_ai_label_required_by_kit() -> None:
    problems = draft_compliance_problems("Neuer Espresso!", language="de", sponsored=False,
                                         kit=coffee(), has_ai_image=True)
    assert codes(problems) == ["ai_label_missing"]


def test_offline_link_flags_for_drafts() -> None:
    text = ("Jetzt im Shop: https://shop.moewenbohne.example/espresso und "
            "https://bit.ly/xyz und https://zeitung.example/bericht")
    problems = draft_compliance_problems(text, language="de", sponsored=False, kit=coffee())
    assert codes(problems) == ["utm_missing", "link_shortener"]
    assert all(p.severity == Severity.WARNING for p in problems)


def test_queue_item_with_broken_link_is_not_ok(http_server: Server,
                                              allow_loopback: Settings) -> None:
    broken = item(text="Mehr: " + http_server.url("/missing"),
                  first_comment="Link: " + http_server.url("/ok?utm_source=ig"))
    problems = queue_item_problems(broken, settings=allow_loopback)
    assert "link_broken" in codes(problems)
    assert any(p.is_error for p in problems)
    fine = item(text="Mehr: " + http_server.url("/ok?utm_source=ig"))
    assert queue_item_problems(fine, settings=allow_loopback) == []


def test_queue_item_sponsored_and_link_field(http_server: Server,
                                             allow_loopback: Settings) -> None:
    sponsored = item(text="Neuer Espresso", sponsored=True, language="en",
                     hashtags=["ad"], link=http_server.url("/error"))
    assert codes(queue_item_problems(sponsored, settings=allow_loopback)) == [
        "ad_label_hashtag_only", "link_broken", "utm_missing"]


def test_make_queue_checker_wraps_base(http_server: Server, allow_loopback: Settings) -> None:
    base_calls: list[str] = []

    def base(i: QueueItem) -> list[Problem]:
        base_calls.append(i.text)
        return [Problem(code="too_long", severity=Severity.ERROR, message="x")]

    kit = coffee(ai_disclosure="always")
    checker = make_queue_checker(base, settings=allow_loopback, kit_loader=lambda _id: kit)
    problems = checker(item(text="Hallo " + http_server.url("/ok")))
    assert codes(problems) == ["too_long", "ai_label_missing"]
    assert base_calls == ["Hallo " + http_server.url("/ok")]


def test_queue_checker_loads_kit_and_tolerates_unknown(allow_loopback: Settings) -> None:
    checker = make_queue_checker(online=False, settings=allow_loopback)
    # no kits in the isolated kits dir: the item is checked without kit rules
    assert codes(checker(item(text="Hallo https://bit.ly/x"))) == ["link_shortener"]
