"""Option "candidates" (issue 13 item 5): several first drafts per call, the checker keeps
the one with the fewest findings. The choice is pure; the option runs against the fake
OpenAI server with the real kit and checks."""

from __future__ import annotations

import threading

import pytest

from assistant.brand.kit import load_kit
from assistant.config import get_settings
from assistant.drafting import draft_posts
from assistant.drafting_pick import choose, kept_candidates
from assistant.errors import LLMError
from assistant.models import Draft, Problem, Severity, TokenUsage
from tests.conftest import ROOT
from tests.fakes.drafts import GOOD_DE, DraftScript, is_repair, post
from tests.fakes.llm_server import FakeLLMServer, Reply

KITS = ROOT / "brand_kits"
SAME = "Neu im Kontor: ein Filterkaffee aus Kolumbien mit Noten von roter Johannisbeere."
OTHER = "Rote Johannisbeere und Kakao in der Tasse: unser Kolumbien ist da. Komm probieren!"


def _draft(platform: str, text: str, *codes: str, error: bool = False) -> Draft:
    severity = Severity.ERROR if error else Severity.WARNING
    problems = [Problem(code=code, severity=severity, source="quality", message=code)
                for code in codes]
    return Draft(kit_id="k", platform=platform, text=text, problems=problems)


def test_the_candidate_with_fewer_findings_is_kept_errors_first() -> None:
    warned = {"x": _draft("x", SAME, "spelling", "grammar")}
    wrong = {"x": _draft("x", OTHER, "placeholder", error=True)}
    clean = {"x": _draft("x", OTHER)}
    assert choose([[warned, clean]]) == [1]
    assert choose([[wrong, warned]]) == [1]  # one error weighs more than two warnings
    assert choose([[clean, {"x": _draft("x", SAME)}]]) == [0]  # among equals the first


def test_platforms_are_chosen_together_so_that_their_texts_differ() -> None:
    """Both first candidates are clean but say the same; the second of x says it its own
    way, so that one is kept (a lone platform's choice could not see it)."""
    instagram = [{"instagram": _draft("instagram", SAME)}]
    x = [{"x": _draft("x", SAME)}, {"x": _draft("x", OTHER)}]
    assert choose([instagram, x]) == [0, 1]


def test_an_old_same_text_finding_does_not_count_against_a_candidate() -> None:
    stale = {"x": _draft("x", OTHER, "same_text_as")}
    warned = {"x": _draft("x", SAME, "spelling")}
    assert choose([[warned, stale]]) == [1]


def test_many_calls_are_chosen_one_after_another() -> None:
    """Beyond 256 combinations (9 platforms x 2 candidates = 512) the choice is greedy and
    still keeps the clean candidate of each platform."""
    platforms = [f"p{index}" for index in range(9)]

    def text(pid: str, take: int) -> str:
        return " ".join(f"{pid}wort{take}{count}" for count in range(8))

    calls = [[{pid: _draft(pid, text(pid, 0), "spelling")}, {pid: _draft(pid, text(pid, 1))}]
             for pid in platforms]
    assert choose(calls) == [1] * 9


class _Call:
    def __init__(self, tokens: int) -> None:
        self.usage = TokenUsage(prompt_tokens=tokens, completion_tokens=tokens, calls=1)


def test_kept_candidates_count_every_candidates_tokens_and_pass_over_failures() -> None:
    first, second, third = _Call(100), _Call(10), _Call(1)
    tries = [(0, ["x"]), (0, ["x"]), (0, ["instagram"]), (0, ["instagram"])]
    outcomes: list[tuple[_Call, dict[str, Draft]] | BaseException] = [
        (first, {"x": _draft("x", SAME, "spelling")}),
        (second, {"x": _draft("x", OTHER)}),
        LLMError("the model timed out"),
        (third, {"instagram": _draft("instagram", "Hallo")})]
    kept = kept_candidates(tries, outcomes)
    assert [call for call, _ in kept] == [second, third]
    assert second.usage.prompt_tokens == 110 and second.usage.calls == 2


def test_a_call_whose_candidates_all_failed_raises_its_failure() -> None:
    tries = [(0, ["x"]), (0, ["x"])]
    with pytest.raises(LLMError, match="timed out"):
        kept_candidates(tries, [LLMError("timed out"), LLMError("timed out again")])


@pytest.fixture()
def two_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_DRAFT_CANDIDATES", "2")
    get_settings.cache_clear()


@pytest.mark.usefixtures("two_candidates")
def test_the_clean_candidate_is_kept_and_needs_no_repair(fake_llm: FakeLLMServer) -> None:
    """Per platform two first calls; one of them leaves a placeholder. The clean one is
    kept, so no repair call is made, and the draft's tokens are those of both calls."""
    kit = load_kit("kaffeekontor-hamburg", KITS)
    lock, asked = threading.Lock(), {"instagram": 0, "x": 0}

    def text_for(platform: str, call: int) -> dict[str, object]:
        with lock:
            asked[platform] += 1
            turn = asked[platform]
        broken = GOOD_DE[platform] + " Mehr unter [Link zum Shop]"
        return post(platform, broken if turn == 1 else GOOD_DE[platform])

    script = DraftScript(text_for)
    fake_llm.responder = script
    drafts = draft_posts(kit, "Neuer Äthiopien-Filterkaffee mit Blüten und Pfirsich",
                         ["instagram", "x"])
    assert len(script.calls) == 4 and not any(is_repair(body) for body in script.calls)
    for draft in drafts:
        assert draft.status == "ready", draft.problems
        assert "[Link" not in draft.text
        assert draft.usage.calls == 2 and draft.usage.prompt_tokens == 1800


@pytest.mark.usefixtures("two_candidates")
def test_one_failed_candidate_leaves_the_other(fake_llm: FakeLLMServer) -> None:
    kit = load_kit("kaffeekontor-hamburg", KITS)
    script = DraftScript()
    failed = threading.Event()

    def responder(body: dict[str, object]) -> Reply:
        if not failed.is_set():
            failed.set()
            return Reply.error(400, "context length exceeded")
        return script(body)

    fake_llm.responder = responder
    drafts = draft_posts(kit, "Neuer Äthiopien-Filterkaffee mit Blüten und Pfirsich", ["x"])
    assert [d.status for d in drafts] == ["ready"]
