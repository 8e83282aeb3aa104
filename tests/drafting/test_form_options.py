"""Options of the platform form (issue 13 item 5): ``draft_facts_first`` (the part
with the brief's facts is asked before the hook, question or context) and
``draft_short_list`` (a brief's second short platform as a headline and "label: value"
lines), ``draft_own_words``, ``draft_bare_hook`` and ``draft_short_opener``. Pure, then
against the fake OpenAI server."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
import regex

from assistant.brand.kit import BrandKit, load_kit
from assistant.config import load_settings
from assistant.drafting import DraftOptions, draft_posts
from assistant.drafting_form import (
    FORMS,
    HOOK_CHARS,
    LIST_MIN_BUDGET,
    OPENER_CHARS,
    Form,
    facts_first,
    form_for,
    list_form,
    platform_form,
    short_form,
    short_rank,
)
from assistant.drafting_passes import Passes
from assistant.drafting_reply import joined
from tests.conftest import ROOT
from tests.fakes.drafts import post, requested_platforms
from tests.fakes.llm_server import FakeLLMServer, Reply

BRIEF = "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im Laden"
PARTS: dict[str, dict[str, Any]] = {
    "instagram": {"hook": "Selbst rösten? Jetzt geht's los ☕",
                  "lines": ["Röstkurs am 12. Dezember um 18 Uhr", "Nur 8 Plätze frei"],
                  "call_to_action": "Meld dich im Laden an!"},
    "x": {"text": "Röstkurs im Kontor: 12. Dezember, 18 Uhr, maximal 8 Plätze. Anmeldung "
                  "im Laden!"},
    "bluesky": {"headline": "Rösten lernen im Kontor",
                "facts": [{"label": "Wann", "value": "12. Dezember, 18 Uhr"},
                          {"label": "Plätze:", "value": "höchstens 8"},
                          {"label": "Anmelden", "value": "im Laden"}]},
}


@pytest.fixture()
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


def _fields(body: dict[str, Any]) -> dict[str, Any]:
    schema = body["response_format"]["json_schema"]["schema"]
    item = schema["properties"]["posts"]["items"]
    found = schema["$defs"][item["$ref"].split("/")[-1]] if "$ref" in item else item
    return dict(found["properties"])


def _serve(fake_llm: FakeLLMServer) -> list[dict[str, Any]]:
    """Replies in the shape each request asks for; returns the requests as they come."""
    calls: list[dict[str, Any]] = []

    def responder(body: dict[str, Any]) -> Reply:
        calls.append(body)
        platform = requested_platforms(body)[0]
        fields = _fields(body)
        parts = {name: value for name, value in PARTS[platform].items() if name in fields}
        reply = {**post(platform, ""), **parts}
        if "text" not in fields:
            reply.pop("text")
        return Reply.json({"posts": [reply]}, usage=(900, 150, 0))

    fake_llm.responder = responder
    return calls


def _draft(platforms: list[str], **overrides: Any) -> Any:
    settings = load_settings(draft_split_platforms=True, draft_platform_form=True, **overrides)
    return draft_posts(load_kit("kaffeekontor-hamburg", ROOT / "brand_kits"), BRIEF,
                       platforms, options=DraftOptions(settings=settings))


def test_facts_first_asks_for_the_facts_before_the_hook_and_joins_as_before(
    fake_llm: FakeLLMServer,
) -> None:
    calls = _serve(fake_llm)
    [draft] = _draft(["instagram"], draft_facts_first=True)
    assert list(_fields(calls[0]))[1:4] == ["lines", "hook", "call_to_action"]
    assert calls[0]["messages"][-1]["content"].index('"lines"') < \
        calls[0]["messages"][-1]["content"].index('"hook"')
    assert draft.text.startswith("Selbst rösten? Jetzt geht's los ☕\nRöstkurs am 12.")
    calls.clear()
    _draft(["instagram"])  # off by default: the hook first, as before
    assert list(_fields(calls[0]))[1:4] == ["hook", "lines", "call_to_action"]


def test_a_hook_written_after_the_facts_is_told_to_leave_them_out() -> None:
    """Written after the lines, the hook began with the facts again (CLI, 2026-11-30). A
    grammar that forbade digits made the model fill it with invisible characters."""
    hook = {part.name: part for part in facts_first(FORMS["instagram"]).parts}["hook"]
    assert "no date, time, price or number" in hook.purpose
    assert hook.schema == {"maxLength": HOOK_CHARS}
    # the other forms keep their parts, only the order changes
    for name in ("facebook", "linkedin"):
        form = facts_first(FORMS[name])
        assert form.parts[0].name == "details"
        assert sorted(map(repr, form.parts)) == sorted(map(repr, FORMS[name].parts))
        assert form.layout == FORMS[name].layout


def test_the_second_short_platform_of_a_brief_gets_the_list_form(
    fake_llm: FakeLLMServer,
) -> None:
    calls = _serve(fake_llm)
    drafts = {d.platform: d for d in _draft(["x", "bluesky"], draft_short_list=True)}
    asked = {requested_platforms(body)[0]: _fields(body) for body in calls}
    assert "text" in asked["x"] and "headline" not in asked["x"]
    assert list(asked["bluesky"])[1:3] == ["headline", "facts"]
    assert asked["bluesky"]["facts"]["items"]["required"] == ["label", "value"]
    assert drafts["bluesky"].text == ("Rösten lernen im Kontor\nWann: 12. Dezember, 18 Uhr\n"
                                      "Plätze: höchstens 8\nAnmelden: im Laden")
    for draft in drafts.values():
        assert not any(p.code == "same_text_as" for p in draft.problems), draft.problems


def test_without_the_option_both_short_platforms_write_one_text(
    fake_llm: FakeLLMServer,
) -> None:
    calls = _serve(fake_llm)
    drafts = _draft(["x", "bluesky"])
    assert all("text" in _fields(body) for body in calls)
    assert [d.platform for d in drafts] == ["x", "bluesky"]


def test_short_rank_counts_the_short_platforms_before(kit: BrandKit) -> None:
    platforms = ["linkedin", "x", "instagram", "bluesky", "mastodon"]
    assert [short_rank(p, platforms) for p in platforms] == [0, 0, 1, 1, 2]
    on = Passes(split_platforms=True, platform_form=True, short_list=True)
    shapes = [platform_form(on, [p], kit, False, rank=short_rank(p, platforms))
              for p in platforms]
    names = [tuple(part.name for part in shape.parts) if shape else None for shape in shapes]
    assert names[1] == ("text",) and names[3] == ("headline", "facts")
    assert names[4] == ("text",)  # the third short platform: one text again


def test_a_budget_too_small_for_a_list_keeps_one_text(kit: BrandKit) -> None:
    kit = kit.model_copy(update={"max_chars": {"bluesky": LIST_MIN_BUDGET}})
    shape = form_for("bluesky", kit, False, listed=True)
    assert shape is not None and [part.name for part in shape.parts] == ["text"]
    fits = list_form(LIST_MIN_BUDGET)
    pair = fits.parts[1].schema["items"]["properties"]
    assert fits.parts[1].schema["maxItems"] == 2
    # headline, the lines and their breaks stay within the budget
    assert 50 + 2 * (pair["label"]["maxLength"] + 2 + pair["value"]["maxLength"] + 1) \
        <= LIST_MIN_BUDGET


def _capped(platform: str, name: str, cap: int) -> Form:
    """``platform``'s form with its part ``name`` held to ``cap`` characters."""
    form = FORMS[platform]
    return replace(form, parts=tuple(
        replace(part, schema={"maxLength": cap}) if part.name == name else part
        for part in form.parts))


@pytest.mark.parametrize(("hook", "line", "expected"), [
    ("Hier ist ein Tipp für Cold Brew zu Hause: 70 g grob gemahlener Kaffee auf 1 Liter "
     "kaltes W", "Wasser, 16 Stunden im Kühlschrank ziehen lassen, dann filtern.",
     "Hier ist ein Tipp für Cold Brew zu Hause: 70 g grob gemahlener Kaffee auf 1 Liter "
     "kaltes Wasser, 16 Stunden im Kühlschrank ziehen lassen, dann filtern."),
    ("Neuer Filterkaffee aus Kolumbien, Noten von roter Johannisbeere und Kakao, ab Samstag "
     "im K", "Kontor und im Shop", "Neuer Filterkaffee aus Kolumbien, Noten von roter "
     "Johannisbeere und Kakao, ab Samstag im Kontor und im Shop"),
])
def test_a_hook_cut_at_its_cap_joins_the_line_that_begins_its_word_again(
    hook: str, line: str, expected: str,
) -> None:
    """Asked for the hook first, the model began the brief there and ran on into the lines
    (bench, 2026-11-30, when the hook's cap was 90)."""
    text = joined(_capped("instagram", "hook", len(hook)),
                  {"hook": hook, "lines": [line, "250 g für 11,90 €"],
                   "call_to_action": "Link in Bio"})
    assert text.split("\n") == [expected, "250 g für 11,90 €", "Link in Bio"]


def test_a_hook_cut_at_its_cap_joins_the_line_that_goes_on_with_its_sentence() -> None:
    """"... aber wir sind" / "wieder für euch da ..." (an Instagram draft of the bench,
    2026-12-02, that linestart then wrote "Wieder"): the line in small letters goes on
    with the sentence the cap cut. A hook that ends in a mark, or one short of its cap,
    keeps its line."""
    hook = ("Frohe Weihnachten! Das Kontor ist geschlossen vom 24. bis 26. Dezember, aber "
            "wir sind")
    capped = _capped("instagram", "hook", len(hook))
    lines = ["wieder für euch da ab dem 27. Dezember.", "Schöne Feiertage!"]
    text = joined(capped, {"hook": hook, "lines": lines, "call_to_action": "Link in Bio"})
    assert text.split("\n") == [f"{hook} {lines[0]}", "Schöne Feiertage!", "Link in Bio"]
    for whole_hook in (hook[:-9] + ".", "Frohe Weihnachten, wir sind"):
        kept = joined(capped, {"hook": whole_hook, "lines": lines,
                               "call_to_action": "Link in Bio"})
        assert kept.split("\n")[:2] == [whole_hook, lines[0]]


def test_a_short_hook_and_a_line_that_starts_like_its_last_word_stay_apart() -> None:
    text = joined(FORMS["instagram"], {"hook": "Unser Kaffee", "lines": ["Kaffeebohnen aus "
                                       "Kolumbien", "ab Samstag"]})
    assert text.split("\n") == ["Unser Kaffee", "Kaffeebohnen aus Kolumbien", "ab Samstag"]


def test_the_second_short_platform_is_asked_in_its_own_words(
    fake_llm: FakeLLMServer, kit: BrandKit,
) -> None:
    """``draft_own_words`` (on by default): X and Bluesky restated the brief word for word
    in 3 of 6 English briefs; the second is told to say it in its own words. The first and
    the third short platform write as before."""
    platforms = ["linkedin", "x", "instagram", "bluesky", "mastodon"]
    on = Passes(split_platforms=True, platform_form=True)
    purposes = {p: platform_form(on, [p], kit, False, rank=short_rank(p, platforms))
                for p in ("x", "bluesky", "mastodon")}
    assert all(shape is not None for shape in purposes.values())
    told = {p: shape.parts[0].purpose for p, shape in purposes.items() if shape}
    assert "own words" in told["bluesky"]
    assert "own words" not in told["x"] and "own words" not in told["mastodon"]
    off = replace(on, own_words=False)
    assert "own words" not in platform_form(off, ["bluesky"], kit, False, rank=1) \
        .parts[0].purpose  # type: ignore[union-attr]
    calls = _serve(fake_llm)
    _draft(["x", "bluesky"])
    sent: dict[str, str] = {}
    for body in calls:  # each platform's first call
        sent.setdefault(requested_platforms(body)[0], body["messages"][-1]["content"])
    assert "not the brief's wording" in sent["bluesky"]
    assert "not the brief's wording" not in sent["x"]


def test_the_hook_and_the_question_leave_the_date_to_the_facts(kit: BrandKit) -> None:
    """``draft_bare_hook`` (on by default): the model said the date in Instagram's hook or
    Facebook's question and again below, which ``repeated_fact`` flags."""
    on = Passes(split_platforms=True, platform_form=True)
    for platform, part in (("instagram", "hook"), ("facebook", "question_to_readers")):
        shape = platform_form(on, [platform], kit, False)
        off = platform_form(replace(on, bare_hook=False), [platform], kit, False)
        assert shape is not None and off is not None
        told = {p.name: p.purpose for p in shape.parts}
        assert "not its date, time or price" in told[part]
        # the parts as the platform has them, the question in the kit's form of address
        assert [p.purpose for p in off.parts] == [p.purpose for p in FORMS[platform].parts]
        # only the purpose changes: the grammar the server enforces stays the same
        assert [p.schema for p in shape.parts] == [p.schema for p in off.parts]


def test_platforms_after_the_first_are_asked_for_the_facts_in_their_own_words(
        kit: BrandKit) -> None:
    """``draft_reword_later`` (off by default): Instagram's lines, Facebook's details and
    X's text restated the brief word for word in 3 of 6 German briefs. With it, every
    platform after the brief's first is asked for its facts in its own words; the first is
    not, and only the purposes change, not the grammar the server enforces."""
    on = Passes(split_platforms=True, platform_form=True, reword_later=True)
    for platform, part in (("instagram", "lines"), ("facebook", "details"),
                           ("linkedin", "details"), ("x", "text")):
        first = platform_form(on, [platform], kit, False, order=0)
        later = platform_form(on, [platform], kit, False, order=2)
        assert first is not None and later is not None
        told = {p.name: p.purpose for p in later.parts}
        assert "not the brief's wording" in told[part], platform
        assert all("not the brief's wording" not in p.purpose for p in first.parts)
        assert [p.schema for p in first.parts] == [p.schema for p in later.parts]
    off = platform_form(replace(on, reword_later=False), ["facebook"], kit, False, order=2)
    assert off is not None and all("own words" not in p.purpose for p in off.parts)


def test_a_short_platform_opens_with_a_sentence_of_its_own(kit: BrandKit) -> None:
    """``draft_short_opener``: the 1.5B model's X post was the brief restated, so any
    longer platform that carried the brief held all of it (``same_text_as``). With the
    option a short platform's post is an opener to the reader, one sentence that ends in
    "!" or "?", and then the facts in the rest of the budget; without room for both it
    stays one text."""
    on = Passes(split_platforms=True, platform_form=True, short_opener=True)
    shape = platform_form(on, ["x"], kit, False)
    plain = platform_form(replace(on, short_opener=False), ["x"], kit, False)
    assert shape is not None and plain is not None
    assert [part.name for part in shape.parts] == ["opener", "text"]
    budget = plain.parts[0].schema["maxLength"]
    assert shape.parts[1].schema["maxLength"] == budget - OPENER_CHARS - 1
    pattern = regex.compile(shape.parts[0].schema["pattern"])
    assert pattern.fullmatch("Lust auf einen Abend am Röster?")
    assert pattern.fullmatch("Selbst rösten lernen!")
    for wrong in ("Kommt vorbei. Es gibt Kaffee!", "Wer kommt mit??", "Hey!",
                  "Anmeldung per Mail:?", "x" * (OPENER_CHARS + 1) + "?"):
        assert not pattern.fullmatch(wrong), wrong
    text = joined(shape, {"opener": "Lust auf einen Abend am Röster?",
                          "text": "Röstkurs am 12. Dezember, 18 Uhr. Anmeldung im Laden."})
    assert text == ("Lust auf einen Abend am Röster? Röstkurs am 12. Dezember, 18 Uhr. "
                    "Anmeldung im Laden.")
    assert [part.name for part in short_form(OPENER_CHARS + 99, opener=True).parts] == ["text"]
    # the longer platforms keep their forms
    assert platform_form(on, ["instagram"], kit, False) == platform_form(
        replace(on, short_opener=False), ["instagram"], kit, False)


def test_a_paragraph_cut_at_its_cap_joins_the_next_that_goes_on_with_its_sentence() -> None:
    """LinkedIn's context cut at its cap mid-sentence and its details went on in small
    letters (CLI, 2026-12-07): cut back, the context lost the sentence's head and the
    details began "break your dbt ..." (written large later: "Break your dbt ...", the
    opposite). The next paragraph joins the cut one; a context that closed its sentence, or
    one short of its cap, keeps its paragraph."""
    context = ("Schema drift alerts now also cover Snowflake. This helps you catch schema "
               "changes that would")
    capped = _capped("linkedin", "context", len(context))
    details = ("break your dbt, Airflow, or Dagster pipelines before they cause problems. "
               "Included in every plan at no extra cost.")
    text = joined(capped, {"context": context, "details": details,
                           "call_to_action": "Turn them on under Settings, Alerts."})
    assert text.split("\n\n") == [f"{context} {details}",
                                  "Turn them on under Settings, Alerts."]
    for whole_context in ("Schema drift alerts now also cover Snowflake.",
                          "Snowflake is covered, so"):
        kept = joined(capped, {"context": whole_context, "details": details,
                               "call_to_action": "Turn them on."})
        assert kept.split("\n\n")[:2] == [whole_context, details]
