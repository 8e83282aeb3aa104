"""Progress of a slow draft: the model's slots turned into one line, redrawn while it runs."""

from __future__ import annotations

import time

import pytest

from assistant.config import load_settings
from assistant.llm.progress import SlotState, describe, parse_slots
from assistant.ui.progress import with_progress


def slot(processing: bool, prompt: int, done: int, decoded: int, remain: int) -> dict[str, object]:
    return {"id": 0, "is_processing": processing, "n_prompt_tokens": prompt,
            "n_prompt_tokens_processed": done,
            "next_token": [{"has_next_token": True, "n_remain": remain, "n_decoded": decoded}]}


def test_only_working_slots_count() -> None:
    data = [slot(True, 1600, 1600, 40, 560), slot(False, 900, 0, 0, -1)]
    assert parse_slots(data) == SlotState(1600, 1600, 40, 560)
    assert parse_slots([]) == SlotState(0, 0, 0, 0)


def test_reading_phase_says_how_far_and_how_long() -> None:
    before, now = SlotState(1600, 400, 0, 0), SlotState(1600, 800, 0, 0)
    line = describe(30.0, before, now, interval=10.0)
    assert line == "30 s · reading the brief and examples (800 of 1600 tokens) · ~20 s to read " \
                   "the rest"


def test_writing_phase_gives_speed_and_an_upper_bound() -> None:
    before, now = SlotState(1600, 1600, 100, 500), SlotState(1600, 1600, 125, 475)
    assert describe(75.0, before, now, interval=10.0) == \
        "75 s · writing: 125 tokens at 2.5 tokens/s · at most ~190 s left"
    assert describe(5.0, None, SlotState(0, 0, 0, 0), 0.0) == "5 s · waiting for the model"


class Status:
    def __init__(self) -> None:
        self.labels: list[str] = []

    def update(self, label: str) -> None:
        self.labels.append(label)


def test_a_slow_call_gets_a_moving_label_and_a_quick_one_none() -> None:
    settings = load_settings(llm_base_url="http://127.0.0.1:9/v1")  # an endpoint: time only
    quick = Status()
    assert with_progress(quick, "Drafting…", settings, lambda: 7) == 7
    assert quick.labels == []
    slow = Status()
    assert with_progress(slow, "Drafting…", settings, lambda: time.sleep(4.5) or "done") == "done"
    assert slow.labels and slow.labels[0].startswith("Drafting… ")
    assert slow.labels[-1].endswith(" s")


def test_errors_of_the_call_reach_the_caller() -> None:
    settings = load_settings(llm_base_url="http://127.0.0.1:9/v1")

    def fail() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        with_progress(Status(), "x", settings, fail)
