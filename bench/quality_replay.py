"""``bench_quality.py --recheck FILE [--retidy]``: the drafts of an earlier ``--dump``
through today's checker (the one every path uses), and with ``--retidy`` also through
today's tidy and the striking of flawed sentences first, side by side. It also prints
``same_text_as`` read on the words each post adds to the brief (a reading for the planners
to compare, not the product's check). Split from bench_quality.py; it drafts nothing and
needs no model."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path
from typing import Any, Protocol

from assistant.brand.ingest import kit_guidelines
from assistant.brand.kit import BrandKit, load_kit
from assistant.checks import with_same_text
from assistant.drafting_post import (
    completed,
    place_link,
    post_problems,
    struck_flawed,
    tagged_link,
)
from assistant.models import Brief, Draft
from assistant.platforms import get_platform
from assistant.quality.compose import grammar_lexicon_for
from assistant.quality.similarity import near_same
from assistant.quality.textnorm import ngrams, words
from assistant.quality.tidy import tidy_post

ADDED_MIN_WORDS = 6


class Case(Protocol):
    """What a brief of bench/quality_briefs.yaml carries that a recheck reads."""

    kit: str
    text: str
    link: str | None
    sponsored: bool
    language: str


def recheck(path: Path, cases: Mapping[str, Case], kits_dir: Path, retidy: bool = False) -> None:
    """Today's checker (the one every path uses) over the drafts of a --dump: per config and
    brief the states then and now, and the findings now. ``retidy``: each dumped text also
    goes through today's tidy and the striking of flawed sentences first (what drafting now
    does to a reply before the checks), side by side with the checks alone."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    for config in dict.fromkeys(r["config"] for r in rows):
        then: Counter[str] = Counter()
        now: Counter[str] = Counter()
        tidied: Counter[str] = Counter()
        found: Counter[str] = Counter()
        added: list[tuple[bool, int]] = []
        mine = [r for r in rows if r["config"] == config]
        for brief in dict.fromkeys(r["brief"] for r in mine):
            case, here = cases[brief], [r for r in mine if r["brief"] == brief]
            kit = load_kit(case.kit, kits_dir)
            drafts = with_same_text([_redrafted(case, kit, r) for r in here])
            then.update(r["state"] for r in here)
            now.update(d.status for d in drafts)
            if retidy:
                drafts = with_same_text([_retidied(case, kit, d) for d in drafts])
                tidied.update(d.status for d in drafts)
            found.update(p.code for d in drafts for p in d.problems)
            states = list(zip(here, drafts, strict=True))
            print(f"{config[:28]:28} {brief[:28]:28} " + ", ".join(
                f"{r['platform']} {r['state']}->{d.status}" for r, d in states))
            for row, draft in states:  # what moved a draft: its findings now
                if row["state"] != draft.status:
                    for found_now in draft.problems:
                        print(f"{'':28}   {row['platform']}: {found_now.code}: "
                              f"{found_now.message[:110]}")
            added.append(_alike_on_added_words(drafts, case.text))
        total = sum(now.values())
        after = f", tidied now {tidied['ready']}" if retidy else ""
        print(f"{config[:28]:28} ready then {then['ready']} of {total}, now {now['ready']}{after}; "
              + ", ".join(f"{code} {count}" for code, count in found.most_common()))
        print(f"{config[:28]:28} read on the words the brief does not give: the same text in "
              f"{sum(1 for alike, _ in added if alike)} of {len(added)} briefs, "
              f"{sum(ready for _, ready in added)} drafts ready\n")


def _alike_on_added_words(drafts: list[Draft], brief: str) -> tuple[bool, int]:
    """``same_text_as`` read on the words each post adds to the brief (those in no
    three-word run of it, ADDED_MIN_WORDS of them at least on both sides): whether two
    drafts are alike so, and how many drafts would then be ready (no finding but
    ``same_text_as``, and none of the pair)."""
    rest = [_added_words(d.text, brief) for d in drafts]
    paired: set[int] = set()
    for first, second in combinations(range(len(drafts)), 2):
        if min(len(rest[first].split()), len(rest[second].split())) >= ADDED_MIN_WORDS and \
                near_same(rest[first], rest[second]) is not None:
            paired |= {first, second}
    ready = sum(1 for index, d in enumerate(drafts) if index not in paired
                and all(p.code == "same_text_as" for p in d.problems))
    return bool(paired), ready


def _added_words(text: str, brief: str) -> str:
    """The words of ``text`` (above its link) that stand in no three-word run of ``brief``."""
    tokens, runs = words(text.split("https://")[0]), ngrams(words(brief), 3)
    return " ".join(token for index, token in enumerate(tokens) if not any(
        tuple(tokens[start:start + 3]) in runs for start in range(max(0, index - 2), index + 1)
        if len(tokens[start:start + 3]) == 3))


def _redrafted(case: Case, kit: BrandKit, row: dict[str, Any]) -> Draft:
    """A dumped draft as drafting would hand it to the checker (its link tagged)."""
    brief = Brief(text=case.text, link=case.link, sponsored=case.sponsored,
                  language=case.language)  # type: ignore[arg-type]
    draft = Draft(kit_id=kit.id, platform=row["platform"], text=row["text"],
                  hashtags=row["hashtags"], language=case.language, sponsored=case.sponsored,
                  link=tagged_link(brief, kit, row["platform"]), brief=case.text)
    draft.problems = post_problems(kit, draft)
    return draft


def _retidied(case: Case, kit: BrandKit, draft: Draft) -> Draft:
    """``draft`` through today's tidy, link placing and striking of flawed sentences, then
    checked."""
    draft = draft.model_copy(deep=True)
    draft.text = tidy_post(draft.text, kit, draft.platform, draft.link, language=case.language,
                           lex=grammar_lexicon_for(case.language), brief=case.text,
                           guidelines=kit_guidelines(kit))
    draft.text = place_link(draft.text, draft.link, get_platform(draft.platform), case.language)
    draft.problems = post_problems(kit, draft)
    return completed(kit, struck_flawed(kit, draft))
