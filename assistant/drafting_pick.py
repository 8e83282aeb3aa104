"""Option "candidates" (``draft_candidates``): several first drafts per call, the checker
picks. Pure.

A small model's attempts differ a lot: the embedded 1.5B model writes a post without any
finding in about a third of them, and asked to repair one, it often writes the same slip
again (bench/README.md). A fresh attempt is an independent chance; the checks that call a
draft ready are a judge that costs nothing. So each call of a brief is made ``candidates``
times (the server samples each with its own seed, and runs two at once in its two slots),
and for every call the candidate is kept whose drafts have the fewest findings; only the
kept one goes on to the repairs. Across the calls of one brief (one per platform) the choice
is made together, so that two platforms do not keep the same text when another candidate
says it differently (``same_text_as``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from itertools import product
from typing import Protocol, TypeVar

from assistant.drafting_passes import rank
from assistant.models import Draft, TokenUsage
from assistant.quality.similarity import near_same

log = logging.getLogger(__name__)

# every combination is tried up to this many (3 platforms x 3 candidates = 27); beyond, the
# calls are chosen one after another
EXHAUSTIVE = 256

# one call's drafts, platform -> draft
Outcome = Mapping[str, Draft]
Score = tuple[int, int, int]


class Call(Protocol):
    """What a candidate's call carries that the choice reads (drafting's ``Job``)."""

    usage: TokenUsage


CallT = TypeVar("CallT", bound=Call)

def kept_candidates(tries: Sequence[tuple[int, list[str]]],
                    outcomes: Sequence[tuple[CallT, dict[str, Draft]] | BaseException],
                    ) -> list[tuple[CallT, dict[str, Draft]]]:
    """Per call (variant, platforms) of ``tries``, the candidate to keep, in the order of
    the calls; the tokens of the others count on it. A candidate whose call failed is
    passed over; a call none of whose candidates came back raises its failure."""
    calls: dict[tuple[int, str], list[tuple[CallT, dict[str, Draft]]]] = {}
    failures: dict[tuple[int, str], BaseException] = {}
    for (variant, group), outcome in zip(tries, outcomes, strict=True):
        key = (variant, ",".join(group))
        if isinstance(outcome, BaseException):
            log.warning("a candidate draft for %s failed: %s", key[1], outcome)
            failures.setdefault(key, outcome)
        else:
            calls.setdefault(key, []).append(outcome)
    for key, failure in failures.items():
        if key not in calls:
            raise failure
    kept: list[tuple[CallT, dict[str, Draft]]] = []
    for variant in dict.fromkeys(variant for variant, _ in calls):
        groups = [found for (at, _), found in calls.items() if at == variant]
        picks = choose([[drafts for _, drafts in group] for group in groups])
        for candidates, pick in zip(groups, picks, strict=True):
            call, drafts = candidates[pick]
            for other, _ in candidates:
                if other is not call:
                    call.usage = call.usage + other.usage
            kept.append((call, drafts))
    return kept


def base_score(outcome: Outcome) -> Score:
    """A candidate's findings without ``same_text_as`` (the choice finds that afresh)."""
    total = (0, 0, 0)
    for draft in outcome.values():
        trimmed = draft.model_copy(update={"problems": [
            p for p in draft.problems if p.code != "same_text_as"]})
        total = _add(total, rank(trimmed))
    return total


def choose(calls: Sequence[Sequence[Outcome]]) -> list[int]:
    """For each call (the calls of one brief and variant), the index of the candidate to
    keep: the fewest drafts without text, then errors, then warnings, counting a pair of
    near-same texts as a warning of each; among equals the earlier candidate."""
    scores = [[base_score(outcome) for outcome in candidates] for candidates in calls]
    alike = _AlikeCache()
    if _combinations(calls) <= EXHAUSTIVE:
        best = min(product(*(range(len(candidates)) for candidates in calls)),
                   key=lambda picks: (_total(calls, scores, picks, alike), picks))
        return list(best)
    picks: list[int] = []
    for index, candidates in enumerate(calls):
        def cost(at: int, index: int = index) -> tuple[Score, int]:
            trial = [*picks, at]
            return _total(calls[:index + 1], scores[:index + 1], trial, alike), at
        picks.append(min(range(len(candidates)), key=cost))
    return picks


def _combinations(calls: Sequence[Sequence[Outcome]]) -> int:
    count = 1
    for candidates in calls:
        count *= max(1, len(candidates))
    return count


def _total(calls: Sequence[Sequence[Outcome]], scores: Sequence[Sequence[Score]],
           picks: Sequence[int], alike: _AlikeCache) -> Score:
    total = (0, 0, 0)
    for index, at in enumerate(picks):
        total = _add(total, scores[index][at])
    drafts = [(index, at, draft) for index, at in enumerate(picks)
              for draft in calls[index][at].values()]
    pairs = sum(1 for first in range(len(drafts)) for second in range(first + 1, len(drafts))
                if alike.same(drafts[first], drafts[second]))
    return _add(total, (0, 0, 2 * pairs))


class _AlikeCache:
    """``near_same`` of two candidates' drafts, each pair compared once."""

    def __init__(self) -> None:
        self._seen: dict[tuple[tuple[int, int, str], tuple[int, int, str]], bool] = {}

    def same(self, first: tuple[int, int, Draft], second: tuple[int, int, Draft]) -> bool:
        one, two = first[:2] + (first[2].platform,), second[:2] + (second[2].platform,)
        key = (one, two) if one <= two else (two, one)
        if key not in self._seen:
            texts = first[2].text, second[2].text
            self._seen[key] = bool(all(texts) and near_same(*texts) is not None)
        return self._seen[key]


def _add(first: Score, second: Score) -> Score:
    return (first[0] + second[0], first[1] + second[1], first[2] + second[2])
