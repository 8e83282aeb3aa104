"""The pure parts of running the model: the thread plan, idle rule and metrics parsing."""

from __future__ import annotations

import pytest

from assistant.config import LOCAL_PARALLEL, load_settings
from assistant.llm.serve import is_idle, parse_metrics
from assistant.llm.threads import MAX_THREADS, ThreadPlan, plan_threads


@pytest.mark.parametrize(("cores", "threads", "spare"),
                         [(1, 1, None), (2, 2, 1), (4, 4, 3), (8, 8, 7), (64, MAX_THREADS, 7)])
def test_one_thread_per_core_up_to_the_cap_and_never_spinning(
    cores: int, threads: int, spare: int | None
) -> None:
    # with 2+ cores a second context has a thread fewer, for when another program holds one
    assert plan_threads(cores) == ThreadPlan(threads, threads, poll=0, slots=LOCAL_PARALLEL,
                                             spare_threads=spare)


def test_override_wins_even_beyond_the_cores() -> None:
    assert plan_threads(2, override=1).threads == 1
    assert plan_threads(2, override=12).threads_batch == 12
    assert plan_threads(4, override=2).spare_threads is None  # the user's count, only
    assert plan_threads(0).threads == 1  # an odd affinity answer still gives a thread


def test_local_threads_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().local_threads is None
    monkeypatch.setenv("POSTWERK_LOCAL_THREADS", "3")
    assert load_settings().local_threads == 3
    monkeypatch.setenv("POSTWERK_LOCAL_THREADS", "0")
    with pytest.raises(Exception, match="POSTWERK_LOCAL_THREADS"):
        load_settings()


def test_idle_only_after_the_timeout_since_work_or_a_command() -> None:
    assert not is_idle(now=100, last_active=50, used=95, timeout=10)
    assert not is_idle(now=100, last_active=95, used=0, timeout=10)
    assert is_idle(now=100, last_active=80, used=85, timeout=10)
    assert not is_idle(now=10_000, last_active=0, used=0, timeout=0)  # 0 = never


METRICS = """# HELP llamacpp:prompt_tokens_total Number of prompt tokens processed
# TYPE llamacpp:prompt_tokens_total counter
llamacpp:prompt_tokens_total 35
llamacpp:n_decode_total 3
llamacpp:requests_processing 1
"""


def test_metrics_give_progress_and_busy() -> None:
    assert parse_metrics(METRICS) == (38.0, True)
    assert parse_metrics(METRICS.replace("processing 1", "processing 0")) == (38.0, False)
    assert parse_metrics("") == (0.0, False)
