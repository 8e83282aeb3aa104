"""The parting round's samples (``draft_parting_candidates``) and the conversation that the
repairs after it go on from, against the fake OpenAI server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assistant.brand.kit import BrandKit, load_kit
from assistant.config import load_settings
from assistant.drafting import DraftOptions, draft_posts
from assistant.llm import Endpoint, LLMClient
from assistant.models import Draft
from tests.conftest import ROOT
from tests.fakes.drafts import is_repair, post, requested_platforms
from tests.fakes.llm_server import FakeLLMServer, Reply

BRIEF = "Röstkurs am 12. Dezember, 18 Uhr, maximal 8 Plätze, Anmeldung im Laden"
SAME = "Röstkurs am 12. Dezember um 18 Uhr im Kontor, maximal 8 Plätze. Melde dich im Laden an!"
AGAIN = "Röstkurs am 12. Dezember um 18 Uhr im Kontor: maximal 8 Plätze. Melde dich im Laden an!"
# parted from SAME; the parting sample leaves out the time, which the repair after it adds
PARTED = ("Wie aus grünen Bohnen Kaffee wird, zeigen wir dir am 12. Dezember ab 18 Uhr: "
          "Es gibt nur 8 Plätze, die Anmeldung läuft im Laden.")
NO_TIME = PARTED.replace(" ab 18 Uhr", "")


@pytest.fixture()
def kit() -> BrandKit:
    return load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")


class PartingScript:
    """Instagram and X first get one text; of the parting rewrites the first one asked for
    parts it (but leaves out the time) and the others say it again; a later repair adds
    the time to the parted text when that is what it was shown."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.partings = 0

    def __call__(self, body: dict[str, Any]) -> Reply:
        self.calls.append(body)
        platform = requested_platforms(body)[0]
        prompt = body["messages"][-1]["content"]
        delay = 0.0
        if not is_repair(body):
            text = SAME
        elif "post differently" in prompt:
            self.partings += 1
            # the one that says it again comes back last
            text, delay = (NO_TIME, 0.0) if self.partings == 1 else (AGAIN, 0.5)
        else:
            shown = body["messages"][-2]["content"]
            text = PARTED if "zeigen wir dir" in shown else SAME
        return Reply.json({"posts": [post(platform, text, ["Röstkurs"])]},
                          delay=delay, usage=(900, 150, 0))


@pytest.mark.parametrize("samples", [1, 2])
def test_the_sample_that_parts_the_texts_is_kept_and_repaired_from(
    fake_llm: FakeLLMServer, kit: BrandKit, samples: int
) -> None:
    script = PartingScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(
        draft_split_platforms=True, draft_platform_form=False,
        draft_parting_candidates=samples, draft_parting_fresh=0))
    drafts = {d.platform: d for d in draft_posts(kit, BRIEF, ["instagram", "x"],
                                                 options=options)}
    assert script.partings == samples  # the samples are one repair, asked at once
    # X keeps its text and Instagram, the platform with more room, is rewritten
    # (draft_parting_keep_short)
    assert drafts["x"].text.startswith(SAME)
    if samples == 1:  # the one rewrite parted the texts, the time was added after it
        assert drafts["instagram"].text.startswith(PARTED), drafts["instagram"].text
        return
    # the repair after the parting round was shown the kept sample, not the one that came
    # last, and added the time to it
    assert drafts["instagram"].text.startswith(PARTED), drafts["instagram"].text
    assert not any(p.code in ("same_text_as", "missing_fact")
                   for p in drafts["instagram"].problems)



class WorseRepairScript:
    """The first draft leaves out the time; the first repair comes back with a placeholder
    (worse, dropped); the second adds the time to whatever text it was shown last."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def __call__(self, body: dict[str, Any]) -> Reply:
        platform = requested_platforms(body)[0]
        if not is_repair(body):
            text = NO_TIME
        elif not self.shown:
            self.shown.append(body["messages"][-2]["content"])
            text = "Röstkurs am [Datum] um 18 Uhr, nur 8 Plätze, Anmeldung im Laden."
        else:
            self.shown.append(body["messages"][-2]["content"])
            text = PARTED if "zeigen wir dir" in self.shown[-1] else SAME
        return Reply.json({"posts": [post(platform, text, ["Röstkurs"])]},
                          usage=(900, 150, 0))


def test_a_repair_after_a_dropped_one_is_shown_the_text_that_was_kept(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = WorseRepairScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(draft_split_platforms=False,
                                                  draft_platform_form=False))
    draft, = draft_posts(kit, BRIEF, ["instagram"], options=options)
    assert len(script.shown) == 2 and "zeigen wir dir" in script.shown[1]
    assert draft.text.startswith(PARTED) and not draft.problems, draft.text


class FreshScript:
    """Instagram and X first get one text; the parting round's rewrite says it again, and
    its fresh first draft (the first call's prompt, warmer) parts it but leaves out the
    time, which the last repair adds to the text it was shown."""

    def __init__(self) -> None:
        self.first_prompts: dict[str, list[Any]] = {}
        self.fresh: list[list[Any]] = []

    def __call__(self, body: dict[str, Any]) -> Reply:
        platform = requested_platforms(body)[0]
        if is_repair(body):
            shown = body["messages"][-2]["content"]
            prompt = body["messages"][-1]["content"]
            text = AGAIN if "post differently" in prompt else (
                PARTED if "zeigen wir dir" in shown else SAME)
        elif platform in self.first_prompts:
            self.fresh.append(body["messages"])
            text = NO_TIME
        else:
            self.first_prompts[platform] = body["messages"]
            text = SAME
        return Reply.json({"posts": [post(platform, text, ["Röstkurs"])]},
                          usage=(900, 150, 0))


def _split_drafts(fake_llm: FakeLLMServer, kit: BrandKit, script: Callable[[dict[str, Any]], Reply],
                  brief: str, platforms: list[str], **settings: Any) -> list[Draft]:
    """``brief`` drafted by one call per platform, without the platform form, against
    ``script``."""
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(
        draft_split_platforms=True, draft_platform_form=False, **settings))
    return draft_posts(kit, brief, platforms, options=options)


HOURS = ("Neue Öffnungszeiten ab 4. Januar: Montag bis Freitag 8 bis 18 Uhr, Samstag 9 bis "
         "16 Uhr, sonntags geschlossen.")


class CountingScript:
    """Facebook and X first get one text; every later call is counted by its kind (a
    rewrite of the conversation, or the platform's first prompt asked again) and says the
    text again."""

    def __init__(self, text: str = "Neue Öffnungszeiten ab 4. Januar: Montag bis Freitag 8 "
                                   "bis 18 Uhr.") -> None:
        self.text = text
        self.rewrites: list[str] = []
        self.fresh: list[str] = []
        self.repairs: list[str] = []
        self.first: set[str] = set()

    def __call__(self, body: dict[str, Any]) -> Reply:
        platform = requested_platforms(body)[0]
        if is_repair(body):
            kind = self.rewrites if "post differently" in body["messages"][-1]["content"] \
                else self.repairs
            kind.append(platform)
        elif platform in self.first:
            self.fresh.append(platform)
        self.first.add(platform)
        return Reply.json({"posts": [post(platform, self.text, ["Kaffee"])]},
                          usage=(900, 150, 0))


def test_by_default_the_parting_round_asks_two_fresh_drafts_and_no_rewrite(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    """No example of Facebook's shares a topic word with the brief, so a second fresh
    draft takes the example's place; a rewrite of the text (which parted the texts in 5
    of 69 rounds of the bench) is not asked."""
    script = CountingScript()
    _split_drafts(fake_llm, kit, script, HOURS, ["facebook", "x"], draft_repair_warnings=False)
    assert script.rewrites == []
    # two rounds (the second as the kept-back repair), two fresh drafts each
    assert script.fresh == ["facebook"] * 4, script.fresh


def test_a_parting_round_without_samples_spends_no_repair(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = CountingScript()
    _split_drafts(fake_llm, kit, script, HOURS, ["facebook", "x"], draft_parting_fresh=0,
                  draft_parting_example=False, draft_repair_warnings=True)
    assert script.rewrites == [] and script.fresh == []
    assert script.repairs.count("facebook") == 2  # both repairs left for the findings


def test_a_fresh_first_draft_of_the_parting_round_parts_the_texts(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = FreshScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(
        draft_split_platforms=True, draft_platform_form=False, draft_parting_example=False))
    drafts = {d.platform: d for d in draft_posts(kit, BRIEF, ["instagram", "x"],
                                                 options=options)}
    rewritten = "x" if drafts["instagram"].text.startswith(SAME) else "instagram"
    # one fresh draft, asked with the rewritten platform's own first prompt: no quoted text
    assert script.fresh == [script.first_prompts[rewritten]]
    assert drafts[rewritten].text.startswith(PARTED), drafts[rewritten].text
    assert not any(p.code in ("same_text_as", "missing_fact")
                   for p in drafts[rewritten].problems)


def test_without_fresh_drafts_the_parting_round_asks_only_rewrites(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    script = FreshScript()
    drafts = _split_drafts(fake_llm, kit, script, BRIEF, ["instagram", "x"],
                           draft_parting_candidates=1, draft_parting_fresh=0,
                           draft_parting_example=False)
    assert script.fresh == []
    assert any(p.code == "same_text_as" for d in drafts for p in d.problems)


class PatternScript(FreshScript):
    """As :class:`FreshScript`, but the plain fresh draft says it again too; only the fresh
    draft that was shown the platform's kit example parts the texts."""

    def __init__(self) -> None:
        super().__init__()
        self.patterned: list[str] = []

    def __call__(self, body: dict[str, Any]) -> Reply:
        platform = requested_platforms(body)[0]
        user = body["messages"][-1]["content"]
        if not is_repair(body) and platform in self.first_prompts:
            self.fresh.append(body["messages"])
            if "Pattern: this" in user:
                self.patterned.append(user)
                text = PARTED
            else:
                text = AGAIN
            return Reply.json({"posts": [post(platform, text, ["Röstkurs"])]},
                              usage=(900, 150, 0))
        return super().__call__(body)


def test_the_platforms_kit_example_as_a_pattern_parts_the_texts(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    """``draft_parting_example`` (on by default): one more fresh draft, after the kit's
    Instagram example (its form, none of its facts); off, the round cannot part these
    texts."""
    script = PatternScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(
        draft_split_platforms=True, draft_platform_form=False))
    drafts = {d.platform: d for d in draft_posts(kit, BRIEF, ["instagram", "x"],
                                                 options=options)}
    assert len(script.fresh) == 2 and len(script.patterned) == 1
    assert "Pattern: this instagram post" in script.patterned[0]
    assert any(e.text.strip()[:60] in script.patterned[0] for e in kit.examples
               if e.platform == "instagram" and e.language == "de")
    assert drafts["instagram"].text.startswith(PARTED), drafts["instagram"].text
    assert not any(p.code == "same_text_as" for d in drafts.values() for p in d.problems)

    script = PatternScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(
        draft_split_platforms=True, draft_platform_form=False, draft_parting_example=False))
    drafts = {d.platform: d for d in draft_posts(kit, BRIEF, ["instagram", "x"],
                                                 options=options)}
    assert script.patterned == []
    assert any(p.code == "same_text_as" for d in drafts.values() for p in d.problems)


def test_the_pattern_is_the_platforms_example_nearest_to_the_brief(kit: BrandKit) -> None:
    from assistant.briefing import platform_pattern

    posts = [e for e in kit.examples if e.platform == "instagram" and e.language == "de"]
    assert len(posts) > 1
    for post_ in posts:  # a brief in one example's words gets that example
        pattern = platform_pattern(kit, "instagram", "de", post_.text)
        assert pattern is not None and pattern.text == post_.text
        assert pattern.platform == "instagram" and pattern.kind == "example"
    assert platform_pattern(kit, "tiktok", "de", BRIEF) is None  # the kit has none


def test_no_pattern_shares_none_of_the_briefs_topic(kit: BrandKit) -> None:
    """The job ad was the LinkedIn pattern for a brief on new opening hours (browser,
    2026-12-06): it shared "bis", "und", "im" with it. Only topic words count, and an
    example that shares none is no pattern."""
    from assistant.briefing import platform_pattern

    hours = ("Neue Öffnungszeiten ab 4. Januar: Montag bis Freitag 8 bis 18 Uhr, Samstag 9 "
             "bis 16 Uhr, sonntags geschlossen.")
    assert platform_pattern(kit, "linkedin", "de", hours) is None
    job = "Wir suchen ab Januar eine Barista (m/w/d) in Teilzeit, Bewerbung per Mail."
    pattern = platform_pattern(kit, "linkedin", "de", f"{job} Cupping inklusive.")
    assert pattern is not None and "Wir suchen" in pattern.text


class LastRepairScript:
    """Instagram and X first get one text, the parting rewrite says it again, and the last
    repair of each says it once more with a misspelt word."""

    def __init__(self) -> None:
        self.last_repairs = 0

    def __call__(self, body: dict[str, Any]) -> Reply:
        platform = requested_platforms(body)[0]
        prompt = body["messages"][-1]["content"]
        if not is_repair(body):
            text = SAME
        elif "post differently" in prompt:
            text = AGAIN
        else:
            self.last_repairs += 1
            text = SAME.replace("im Kontor", "im Kontorr")
        return Reply.json({"posts": [post(platform, text, ["Röstkurs"])]},
                          usage=(900, 150, 0))


def test_the_last_repair_is_weighed_with_the_other_platforms_text(
    fake_llm: FakeLLMServer, kit: BrandKit
) -> None:
    """Alone, the rewrite that said the text again lost its ``same_text_as`` and, with one
    new finding, came out no worse than the draft it replaced (bench, 2026-12-07)."""
    script = LastRepairScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(
        draft_split_platforms=True, draft_platform_form=False, draft_parting_candidates=1,
        draft_parting_fresh=0, draft_parting_example=False))
    drafts = draft_posts(kit, BRIEF, ["instagram", "x"], options=options)
    assert script.last_repairs >= 1
    for draft in drafts:
        assert "Kontorr" not in draft.text, draft.platform
        assert [p.code for p in draft.problems] == ["same_text_as"], draft.problems


class SecondRoundScript:
    """Instagram and X first get one text; the first parting rewrite says it again, the
    second parts it; a repair that only names the finding says it again too."""

    def __init__(self) -> None:
        self.partings = 0
        self.by_platform: dict[str, int] = {}

    def __call__(self, body: dict[str, Any]) -> Reply:
        platform = requested_platforms(body)[0]
        self.by_platform[platform] = self.by_platform.get(platform, 0) + 1
        text = SAME
        if is_repair(body) and "post differently" in body["messages"][-1]["content"]:
            self.partings += 1
            text = AGAIN if self.partings == 1 else PARTED
        return Reply.json({"posts": [post(platform, text, ["Röstkurs"])]},
                          usage=(900, 150, 0))


@pytest.mark.parametrize("repair_warnings", [False, True])
def test_a_text_still_alike_gets_a_second_parting_round_instead_of_a_repair(
    fake_llm: FakeLLMServer, kit: BrandKit, repair_warnings: bool
) -> None:
    script = SecondRoundScript()
    fake_llm.responder = script
    options = DraftOptions(settings=load_settings(
        draft_split_platforms=True, draft_platform_form=False, draft_parting_candidates=1,
        draft_parting_fresh=0, draft_parting_example=False,
        draft_repair_warnings=repair_warnings))
    drafts = {d.platform: d for d in draft_posts(kit, BRIEF, ["instagram", "x"],
                                                 options=options)}
    assert script.by_platform["instagram"] <= 3  # the first call and at most two repairs
    if repair_warnings:  # the kept-back repair names the finding, and the text stays alike
        assert script.partings == 1
        assert any(p.code == "same_text_as" for p in drafts["instagram"].problems)
        return
    assert script.partings == 2
    assert drafts["instagram"].text.startswith(PARTED), drafts["instagram"].text
    assert not any(p.code == "same_text_as" for p in drafts["instagram"].problems)
    assert drafts["x"].text.startswith(SAME) and script.by_platform["x"] == 1


# the text every reply of the embedded model's tests says: "jetzt ganz entspannt
# frühstücken" carries it (which words and runs: tests/drafting/test_hinges.py)
BREAKFAST = ("Neue Öffnungszeiten ab 4. Januar: Montag bis Freitag 8 bis 18 Uhr, jetzt ganz "
             "entspannt frühstücken.")


def _on_the_embedded_model(fake_llm: FakeLLMServer, client_type: type[LLMClient] = LLMClient,
                           **flags: bool) -> tuple[CountingScript, DraftOptions]:
    """A script that says :data:`BREAKFAST` to every call, and the options of a split draft
    on the embedded model's server (``local``) with the settings ``flags``."""
    script = CountingScript(BREAKFAST)
    fake_llm.responder = script
    settings = load_settings(draft_split_platforms=True, draft_platform_form=False,
                             draft_repair_warnings=False, **flags)
    client = client_type(Endpoint(fake_llm.url, "fake-model", local=True), timeout=5.0)
    return script, DraftOptions(settings=settings, client=client)


@pytest.mark.parametrize("ban", [True, False])
def test_on_the_embedded_model_parting_samples_may_not_use_the_other_texts_words(
    fake_llm: FakeLLMServer, kit: BrandKit, ban: bool
) -> None:
    """``draft_parting_ban``: the parting round's samples are asked with the words that
    carry the kept text banned by token (``drafting_hinges``); the first drafts and, with
    the option off, every call go as before."""
    script, options = _on_the_embedded_model(fake_llm, draft_parting_ban=ban)
    draft_posts(kit, HOURS, ["facebook", "x"], options=options)
    banned = [request for request in fake_llm.chat_requests if "logit_bias" in request]
    if not ban:
        assert not banned and not fake_llm.tokenized
        return
    # of the kept X text, its nouns, facts and function words stay; "jetzt", "ganz",
    # "entspannt" and "frühstücken" carry its wording, and the last two are two tokens each
    words = ["jetzt", "ganz", "entspannt", "frühstücken"]
    forms = [form for word in words for form in (f" {word}", f" {word.capitalize()}", word,
                                                 word.capitalize())]
    assert fake_llm.tokenized == forms * 2  # two parting rounds
    assert len(banned) == len(script.fresh) == 4
    ids = [fake_llm.vocabulary[form] for form in forms[:8]]
    assert all(request["logit_bias"] == [[token, -100] for token in ids] for request in banned)


@pytest.mark.parametrize("runs", [True, False])
def test_on_the_embedded_model_parting_samples_may_not_say_the_other_texts_runs(
    fake_llm: FakeLLMServer, kit: BrandKit, runs: bool
) -> None:
    """``draft_parting_runs``: the parting round's samples are asked with a grammar in the
    JSON schema's place that forbids the kept text's runs of three words (``llm.grammar``);
    the first drafts and, with the option off, every call keep their JSON schema."""
    script, options = _on_the_embedded_model(fake_llm, draft_parting_ban=False,
                                             draft_parting_runs=runs)
    draft_posts(kit, HOURS, ["facebook", "x"], options=options)
    ruled = [request for request in fake_llm.chat_requests if "grammar" in request]
    assert all("response_format" in request for request in fake_llm.chat_requests
               if request not in ruled)
    if not runs:
        assert not ruled
        return
    assert len(ruled) == len(script.fresh) == 4  # two parting rounds of two samples
    # "jetzt ganz entspannt" ends on no fact and no noun (which runs: tests/drafting/
    # test_hinges.py)
    assert all("[jJ]etzt" in request["grammar"] and "[eE]ntspannt" in request["grammar"]
               for request in ruled)


class BrokenSamples(LLMClient):
    """A client whose calls with words to avoid (the parting round's samples alone) fail
    with a fault of the code, not of the model (as a check of the reply once did)."""

    async def astructured(self, messages: Any, schema: Any, **kwargs: Any) -> Any:
        avoid = kwargs.get("avoid")
        if avoid is not None and (avoid.tokens or avoid.runs):
            raise ValueError("a check of the reply broke")
        return await super().astructured(messages, schema, **kwargs)


def test_a_parting_sample_that_breaks_costs_the_draft_nothing(
    fake_llm: FakeLLMServer, kit: BrandKit, caplog: pytest.LogCaptureFixture
) -> None:
    """A sample is one more try at a text the draft has: when one breaks on a fault of the
    code, the log names it with its traceback, and every platform keeps its draft."""
    _, options = _on_the_embedded_model(fake_llm, BrokenSamples, draft_parting_ban=True)
    with caplog.at_level("ERROR", logger="assistant.drafting"):
        drafts = draft_posts(kit, HOURS, ["facebook", "x"], options=options)
    assert [draft.platform for draft in drafts] == ["facebook", "x"]
    assert all(draft.text.startswith("Neue Öffnungszeiten") for draft in drafts)
    broke = [record for record in caplog.records if "parting sample" in record.message]
    assert broke and all(record.exc_info is not None for record in broke)
