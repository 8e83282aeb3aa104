"""The prompt layout for the prefix cache and the drafting options (issue 13 item 5,
issue 14 item 4), against the fake OpenAI server with the real kit and store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.briefing import kit_examples, voice_rules
from assistant.config import load_settings
from assistant.drafting import DraftOptions, Job, build_messages, draft_posts
from assistant.models import Brief
from tests.conftest import ROOT
from tests.fakes.drafts import DraftScript, post, requested_platforms
from tests.fakes.llm_server import FakeLLMServer

KITS = ROOT / "brand_kits"
BRIEFS = [
    ("Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze", ["facebook", "linkedin"], {}),
    ("Neuer Filterkaffee aus Kolumbien, ab Samstag", ["instagram", "x"],
     {"link": "https://shop.moewenbohne.example/kolumbien"}),
    ("Wir suchen eine Barista (20 Std.)", ["mastodon"], {"sponsored": True}),
]


@pytest.fixture()
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", KITS)


def _messages(call: dict[str, Any], role: str) -> str:
    return next(str(m["content"]) for m in call["messages"] if m["role"] == role)


def _first(script: DraftScript) -> list[dict[str, Any]]:
    """The first call of each draft (a repair call carries the conversation after it)."""
    return [call for call in script.calls if len(call["messages"]) == 2]


def _options(**overrides: Any) -> DraftOptions:
    return DraftOptions(settings=load_settings(**overrides))


@pytest.mark.usefixtures("one_call_per_brief")
def test_system_text_is_byte_identical_for_every_brief_and_platform(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = DraftScript()
    fake_llm.responder = script
    for brief, platforms, extra in BRIEFS:
        draft_posts(kit, brief, platforms, **extra)
    draft_posts(kit, BRIEFS[0][0], ["linkedin"], options=_options(draft_split_platforms=True))
    systems = {_messages(call, "system") for call in script.calls if len(call["messages"]) == 2}
    assert len(script.calls) >= 4 and len(systems) == 1
    system = systems.pop()
    for brief, platforms, _ in BRIEFS:  # what changes per brief comes only after it
        assert brief not in system and all(f"- {p} (" not in system for p in platforms)
    user = _messages(script.calls[0], "user")
    assert user.startswith("Brief: Röstkurs am 12. Dezember") and "- linkedin (" in user


def test_system_text_is_identical_across_the_slots_of_a_week(
    fake_llm: FakeLLMServer, kit: BrandKit, tmp_path: Path
) -> None:
    from datetime import date

    from assistant.planner import plan_week
    from assistant.planner_run import generate_week
    from assistant.queue import open_queue

    script = DraftScript()
    fake_llm.responder = script
    settings = load_settings(database_url=f"sqlite:///{tmp_path / 'q.db'}")
    plan = plan_week(kit, date(2030, 12, 2), days=3)
    generate_week(kit, plan, settings=settings, queue=open_queue(settings))
    first_calls = [c for c in script.calls if len(c["messages"]) == 2]
    assert len(first_calls) == len(plan.slots) >= 3
    assert len({_messages(c, "system") for c in first_calls}) == 1
    assert len({_messages(c, "user") for c in first_calls}) == len(plan.slots)


def test_kit_examples_are_fixed_and_none_is_a_worked_reply(kit: BrandKit) -> None:
    chosen = kit_examples(kit, "de")
    assert chosen == kit_examples(kit, "de") and len({e.platform for e in chosen}) == len(chosen)
    messages = build_messages(Job(kit, Brief(text="Röstkurs"), ["x"], "de", {}), [])
    system = messages[0].content
    assert all(e.text.strip()[:60] in system for e in chosen)
    assert '"text":' not in system  # a worked reply was copied as the answer by the 1.5B


@pytest.mark.usefixtures("one_call_per_brief")
def test_platform_style_makes_the_rules_differ_in_form(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = DraftScript()
    fake_llm.responder = script
    draft_posts(kit, BRIEFS[0][0], ["x", "linkedin"], options=_options(draft_platform_style=True))
    draft_posts(kit, BRIEFS[0][0], ["x", "linkedin"], options=_options(draft_platform_style=False))
    styled, plain = (_messages(c, "user") for c in _first(script))
    assert "form: longer and more formal" in styled and "form: one or two short" in styled
    assert "form:" not in plain


def test_adapt_example_puts_the_closest_kit_post_after_the_brief(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = DraftScript()
    fake_llm.responder = script
    brief = "Neuer Filterkaffee aus Äthiopien, hell geröstet, nach Zitrone und Jasmin"
    draft_posts(kit, brief, ["instagram"], options=_options(draft_adapt_example=True))
    draft_posts(kit, brief, ["instagram"], options=_options(draft_adapt_example=False))
    adapted, plain = (_messages(c, "user") for c in _first(script))
    assert "Pattern:" in adapted and "Pattern:" not in plain
    pattern = adapted.split("Pattern:", 1)[1]
    assert any(e.text.strip()[:80] in pattern for e in kit.examples if e.platform == "instagram")
    first = _first(script)
    assert _messages(first[0], "system") == _messages(first[1], "system")


def test_split_platforms_makes_one_call_per_platform(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = DraftScript()
    fake_llm.responder = script
    platforms = ["instagram", "linkedin", "x"]
    split = draft_posts(kit, BRIEFS[0][0], platforms, options=_options(draft_split_platforms=True))
    assert [d.platform for d in split] == platforms and len(_first(script)) == 3
    assert {requested_platforms(c)[0] for c in _first(script)} == set(platforms)
    draft_posts(kit, BRIEFS[0][0], platforms, options=_options(draft_split_platforms=False))
    assert len(_first(script)) == 4 and requested_platforms(_first(script)[3]) == platforms


def test_options_are_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_DRAFT_ADAPT_EXAMPLE", "yes")
    monkeypatch.setenv("POSTWERK_DRAFT_SPLIT_PLATFORMS", "1")
    monkeypatch.setenv("POSTWERK_DRAFT_PLATFORM_STYLE", "false")
    settings = load_settings()
    assert settings.draft_adapt_example and settings.draft_split_platforms
    assert not settings.draft_platform_style


SAME = "Röstkurs am 12. Dezember um 18 Uhr im Kontor, maximal 8 Plätze. Melde dich im Laden an!"
OWN = {
    "x": "Röstkurs am 12. Dezember, 18 Uhr: 8 Plätze. Anmelden im Laden!",
    "linkedin": "Am 12. Dezember um 18 Uhr laden wir zum Röstkurs ins Kontor ein. Maximal 8 "
    "Plätze gibt es, die Anmeldung läuft im Laden oder per Mail. Wir freuen uns auf dich.",
}


@pytest.mark.usefixtures("one_call_per_brief")
def test_the_same_text_on_two_platforms_goes_back_to_the_model(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = DraftScript(lambda pid, call: post(pid, SAME if call == 0 else OWN[pid]))
    fake_llm.responder = script
    drafts = draft_posts(kit, BRIEFS[0][0], ["x", "linkedin"])
    repair = script.calls[1]["messages"][-1]["content"]
    assert "Rewrite only these platforms: x, linkedin." in repair and "same text" in repair
    assert [d.text.split("\n")[0] for d in drafts] == [OWN["x"], OWN["linkedin"]]
    assert not any(p.code == "same_text_as" for d in drafts for p in d.problems)


def test_split_calls_are_compared_across_platforms(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    fake_llm.responder = DraftScript(lambda platform, call: post(platform, SAME))
    drafts = draft_posts(kit, BRIEFS[0][0], ["x", "linkedin"],
                         options=_options(draft_split_platforms=True))
    assert all(any(p.code == "same_text_as" for p in d.problems) for d in drafts)


def _is_rewrite_apart(script: DraftScript, call: int) -> bool:
    return "reads: «" in script.calls[call]["messages"][-1]["content"]


def test_split_calls_with_the_same_text_are_rewritten_apart(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    """One call per platform cannot see the others: with a rewrite asked
    (``draft_parting_candidates``), a near-same text goes back once more, quoting the other
    platform's text and naming the platform's own form."""
    script = DraftScript()
    script.text_for = lambda pid, call: post(
        pid, OWN[pid] if _is_rewrite_apart(script, call) else SAME)
    fake_llm.responder = script
    drafts = draft_posts(kit, BRIEFS[0][0], ["x", "linkedin"],
                         options=_options(draft_split_platforms=True, draft_parting_candidates=1))
    rewrites = [c for n, c in enumerate(script.calls) if _is_rewrite_apart(script, n)]
    assert len(rewrites) == 1 and requested_platforms(rewrites[0]) == ["linkedin"]
    note = rewrites[0]["messages"][-1]["content"]
    assert f"«{SAME}" in note and "three short paragraphs" in note  # linkedin's form
    assert [d.text.split("\n")[0] for d in drafts] == [SAME, OWN["linkedin"]]
    assert not any(p.code == "same_text_as" for d in drafts for p in d.problems)


def test_a_split_post_gets_at_most_two_repairs_one_kept_for_parting(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    """With a placeholder that stays and the same text on both platforms: each platform's
    call repairs once, the second platform's kept-back repair parts the texts, the first
    platform's goes to the placeholder; no platform gets a third."""
    # the leftover in the first sentence, which the striking never takes: it stays
    script = DraftScript(lambda pid, call: post(pid, SAME.replace("im Kontor", "im [Ort]")))
    fake_llm.responder = script
    # one sample per repair, so that calls count repairs (a fresh draft beside the parting
    # rewrite, plain or after the kit's example, is another sample of the same repair:
    # test_parting_samples)
    drafts = draft_posts(kit, BRIEFS[0][0], ["x", "linkedin"],
                         options=_options(draft_split_platforms=True, draft_parting_candidates=1,
                                          draft_parting_fresh=0, draft_parting_example=False))
    per_platform = [requested_platforms(c)[0] for c in script.calls]
    assert per_platform.count("x") == 3 and per_platform.count("linkedin") == 3
    apart = [requested_platforms(c)[0] for n, c in enumerate(script.calls)
             if _is_rewrite_apart(script, n)]
    assert apart == ["linkedin"]
    assert all(any(p.code == "placeholder" for p in d.problems) for d in drafts)


def test_the_kits_call_to_action_is_offered_only_in_the_kits_language(kit: BrandKit) -> None:
    """The coffee kit's German call to action stood word for word under English Instagram
    posts (bench, 2026-11-30)."""
    assert kit.cta and kit.default_language == "de"
    assert f"usual call to action: {kit.cta}" in voice_rules(kit, "de")
    assert "call to action" not in voice_rules(kit, "en")
