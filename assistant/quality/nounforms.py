"""German noun forms with their genus, case and number as bit sets (pure).

A reading is one bit: the twelve singular readings (genus x case) and the four plural
ones (plural has no genus in German agreement). A set of readings is an ``int``, so the
index of ~300,000 forms is a plain ``dict[str, int]`` that is small, quick to cache and
quick to intersect with what an article or a preposition allows.
"""

from __future__ import annotations

from collections.abc import Iterable

GENERA = ("m", "f", "n")
CASES = ("nom", "gen", "dat", "acc")
_GENUS_NAME = {"m": "masculine", "f": "feminine", "n": "neuter"}


def singular(genus: str, case: str) -> int:
    return 1 << (GENERA.index(genus) * 4 + CASES.index(case))


def plural(case: str) -> int:
    return 1 << (12 + CASES.index(case))


def readings(spec: str) -> int:
    """Readings written compactly: "m.nom f.gen pl.dat mn.dat f.nom,acc" (genera and
    cases may be grouped)."""
    bits = 0
    for item in spec.split():
        genera, _, cases = item.partition(".")
        for case in cases.split(","):
            if genera == "pl":
                bits |= plural(case)
            else:
                for genus in genera:
                    bits |= singular(genus, case)
    return bits


ALL_SINGULAR = readings("mfn.nom,gen,dat,acc")
ALL_PLURAL = readings("pl.nom,gen,dat,acc")
DATIVE_PLURAL = plural("dat")


def of_genus(genus: str) -> int:
    return readings(f"{genus}.nom,gen,dat,acc")


def genera_of(bits: int) -> list[str]:
    """The genera of a noun's singular readings, in m-f-n order."""
    return [g for g in GENERA if bits & of_genus(g)]


def genus_words(bits: int) -> str:
    """'masculine', 'masculine or neuter', 'plural' ..."""
    names = [_GENUS_NAME[g] for g in genera_of(bits)]
    return " or ".join(names) if names else "plural"


def cases_of(bits: int) -> list[str]:
    return [c for c in CASES if bits & readings(f"mfn.{c} pl.{c}")]


def union(parts: Iterable[int]) -> int:
    out = 0
    for part in parts:
        out |= part
    return out
