"""Which learned example posts a kit keeps under its cap: the newest and most typical win."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np


@dataclass(frozen=True)
class Candidate:
    """A learned example: its file name, when it was learned, how typical it is (0..100)."""

    name: str
    learned_at: datetime
    typical: float | None


def kept(candidates: Sequence[Candidate], cap: int) -> list[str]:
    """The names to keep, at most ``cap``.

    Each candidate gets two ranks, one by age (newest first) and one by how typical it is
    (``closeness``; unknown counts as the least typical); the
    sum decides, the more typical first on a tie. So an old but very typical post can
    outlast a newer untypical one, and a new typical one always gets in.
    """
    if cap <= 0:
        return []
    if len(candidates) <= cap:
        return [c.name for c in candidates]
    by_age = sorted(candidates, key=lambda c: c.learned_at, reverse=True)
    by_typical = sorted(candidates, key=lambda c: -1.0 if c.typical is None else c.typical,
                      reverse=True)
    age_rank = {c.name: n for n, c in enumerate(by_age)}
    typical_rank = {c.name: n for n, c in enumerate(by_typical)}
    ordered = sorted(candidates,
                     key=lambda c: (age_rank[c.name] + typical_rank[c.name], typical_rank[c.name]))
    return [c.name for c in ordered[:cap]]


def closeness(row: np.ndarray, examples: np.ndarray) -> float | None:
    """How typical a post is of a kit, 0..100: the cosine of its vector to the centroid of
    the kit's example vectors (one row each); None without examples."""
    if examples.size == 0:
        return None
    centroid = examples.mean(axis=0)
    norms = float(np.linalg.norm(row) * np.linalg.norm(centroid))
    if norms == 0.0:
        return None
    return round(max(0.0, float(row @ centroid) / norms) * 100.0, 1)
