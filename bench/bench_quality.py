"""Draft quality on a fixed brief set: the product's defaults, and A/B rows per option.

    .venv/bin/python bench/bench_quality.py [--start N] [--briefs N] [--ab] [--only NAME ...]
        [--dump FILE.jsonl]

The 24 briefs of bench/quality_briefs.yaml (German and English, both example kits, event,
product, tip, hiring, holiday greeting, sponsored, with and without link) are drafted for 3
platforms each, on the embedded model by default, or on the endpoint that
POSTWERK_LLM_BASE_URL (and _MODEL, _API_KEY) name. Every draft goes through the product's
own pipeline and checker (``adraft_posts``), so the numbers are what a user would get.

Per brief and in total: share ready / needs a look / problems (Draft.status), spelling
warnings per 100 words, invented facts, brief facts missed, briefs where two platforms got
the same text, voice score mean and spread, seconds and tokens per post and the share of
prompt tokens the server took from its prefix cache.

``--ab`` adds one run per drafting option (Settings.draft_*) with that option flipped
against the defaults, side by side on the same briefs in the same process; ``--briefs 8``
takes the first eight briefs (they cover every kind and both kits), since the machine is
slow; ``--start 13 --briefs 12`` takes the other twelve. ``--dump`` writes every draft
(text, problems, state) as JSON lines for reading.

``--week DAYS`` instead runs generate week (the coffee kit's channels, DAYS days, a tmp
queue) and prints the share of prompt tokens the server took from its prefix cache: the
system text is the same for every slot of a kit, so all but the first slots reuse it.
``--prefix DAYS`` only renders the week's first prompts and counts, with the embedded
model's own chat template and tokenizer (no generation), how many tokens of each prompt
are a prefix of an earlier slot's prompt: what the cache can reuse at best.
``--recheck FILE.jsonl`` runs the quality checks on main now over the drafts of an earlier
``--dump`` (for drafts made before a check existed) and prints the counts per brief; with
``--retidy`` also after today's tidy and the striking of flawed sentences, side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("POSTWERK_DATA_DIR", str(ROOT / "data"))

from quality_replay import recheck  # noqa: E402

from assistant.brand.kit import BrandKit, load_kit  # noqa: E402
from assistant.config import Settings, load_settings  # noqa: E402
from assistant.drafting import DraftOptions, adraft_posts  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.lanes import Lanes  # noqa: E402
from assistant.llm import LLMClient, get_client  # noqa: E402
from assistant.logs import start_logging  # noqa: E402
from assistant.models import Brief, Draft  # noqa: E402

BRIEFS_FILE = Path(__file__).with_name("quality_briefs.yaml")
OPTIONS = ("draft_proofread", "draft_adapt_example", "draft_platform_style",
           "draft_split_platforms", "draft_fact_list", "draft_platform_form",
           "draft_candidates", "draft_temperature", "draft_temperature_step",
           "draft_short_list", "draft_facts_first", "draft_own_words", "draft_bare_hook",
           "draft_reword_later", "draft_short_opener", "draft_parting_candidates",
           "draft_parting_fresh", "draft_parting_keep_short", "draft_reader_question",
           "draft_facebook_hook", "draft_linkedin_hook", "draft_linkedin_list",
           "draft_parting_example", "draft_parting_ban", "draft_parting_runs",
           "draft_repair_warnings")
# a number option's A/B row: its default against this value (the other value if it is the
# default)
NUMBER_AB: dict[str, tuple[float, float]] = {"draft_candidates": (2, 1),
                                             "draft_temperature": (0.7, 0.3),
                                             "draft_temperature_step": (0.2, 0.0),
                                             "draft_parting_candidates": (1, 0),
                                             "draft_parting_fresh": (2, 1)}
STATES = ("ready", "needs_look", "problems")
DUMP: Path | None = None  # --dump: where each finished brief's drafts go
CONFIG = ["defaults"]  # the config being run, for the dump


@dataclass
class BriefCase:
    id: str
    kit: str
    language: str
    kind: str
    platforms: list[str]
    text: str
    link: str | None = None
    sponsored: bool = False


@dataclass
class Outcome:
    case: BriefCase
    drafts: list[Draft] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None


def load_cases(count: int | None, start: int = 1, language: str | None = None,
               platform: str | None = None) -> list[BriefCase]:
    """The briefs from number ``start`` (1-based), ``count`` of them (all when None), only
    those in ``language`` and those drafted for ``platform`` when given."""
    cases = [BriefCase(**row) for row in yaml.safe_load(BRIEFS_FILE.read_text("utf-8"))]
    cases = [c for c in cases[max(start, 1) - 1:] if language in (None, c.language)
             and platform in (None, *c.platforms)]
    return cases[:count] if count else cases


def codes(drafts: Sequence[Draft], code: str) -> int:
    return sum(1 for d in drafts for p in d.problems if p.code == code)


def words(drafts: Sequence[Draft]) -> int:
    return sum(len(d.text.split()) for d in drafts)


def same_text_brief(drafts: Sequence[Draft]) -> bool:
    """Two platforms of one brief got the same text: the checker said so, or the texts are
    equal after whitespace (a check that is not on main yet cannot hide it)."""
    texts = [" ".join(d.text.split()).casefold() for d in drafts if d.text]
    return codes(drafts, "same_text_as") > 0 or len(set(texts)) < len(texts)


async def draft_case(case: BriefCase, kit: BrandKit, opts: DraftOptions,
                     lanes: asyncio.Semaphore) -> Outcome:
    outcome = await _draft_case(case, kit, opts, lanes)
    status = outcome.error or ", ".join(f"{d.platform} {d.status}" for d in outcome.drafts)
    print(f"   {outcome.seconds:6.0f} s  {case.id}: {status}", flush=True)
    if DUMP is not None:  # as each brief finishes: a long run stopped half-way keeps them
        dump(DUMP, CONFIG[0], [outcome])
    return outcome


async def _draft_case(case: BriefCase, kit: BrandKit, opts: DraftOptions,
                      lanes: asyncio.Semaphore) -> Outcome:
    brief = Brief(text=case.text, link=case.link, sponsored=case.sponsored,
                  language=case.language)  # type: ignore[arg-type]
    async with lanes:
        started = time.perf_counter()
        try:
            drafts = await adraft_posts(kit, brief, case.platforms, language=case.language,
                                        options=opts)
        except AssistantError as exc:
            return Outcome(case, seconds=time.perf_counter() - started, error=str(exc))
        return Outcome(case, drafts, time.perf_counter() - started)


async def run_config(cases: Sequence[BriefCase], settings: Settings,
                     client: LLMClient) -> list[Outcome]:
    """All briefs through the product pipeline, as many at a time as the product allows."""
    kits = {c.kit: load_kit(c.kit, ROOT / "brand_kits") for c in cases}
    lanes = asyncio.Semaphore(settings.concurrency)  # briefs at a time
    # calls at a time: one bound for all briefs, as generate week has
    opts = DraftOptions(client=client, settings=settings,
                        semaphore=Lanes(settings.concurrency))
    return list(await asyncio.gather(
        *(draft_case(c, kits[c.kit], opts, lanes) for c in cases)))


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    drafts = [d for o in outcomes for d in o.drafts]
    states = Counter(d.status for d in drafts)
    voices = [d.voice_score for d in drafts if d.voice_score is not None]
    usage = [d.usage for d in drafts]
    prompt = sum(u.prompt_tokens for u in usage)
    n = max(1, len(drafts))
    return {
        "posts": len(drafts),
        "failed": sum(1 for o in outcomes if o.error),
        **{s: states.get(s, 0) / n for s in STATES},
        "other_states": {k: v for k, v in states.items() if k not in STATES},
        "spelling_per_100w": 100 * codes(drafts, "spelling") / max(1, words(drafts)),
        "invented": codes(drafts, "invented_fact"),
        "missed": codes(drafts, "missing_fact"),
        "same_text_briefs": sum(1 for o in outcomes if o.drafts and same_text_brief(o.drafts)),
        "voice_mean": statistics.fmean(voices) if voices else float("nan"),
        "voice_sd": statistics.pstdev(voices) if len(voices) > 1 else 0.0,
        "seconds_per_post": sum(o.seconds for o in outcomes) / n,
        "prompt_tok": prompt / n,
        "completion_tok": sum(u.completion_tokens for u in usage) / n,
        "cached_share": sum(u.cached_tokens for u in usage) / max(1, prompt),
        "bad_ready": sum(1 for d in drafts if d.status == "ready" and d.problems),
    }


HEADER = (f"{'':30}{'posts':>6}{'ready':>7}{'look':>6}{'probl':>6}{'spell/100w':>11}"
          f"{'invent':>7}{'missed':>7}{'same':>5}{'voice':>7}{'sd':>5}{'s/post':>7}"
          f"{'prompt':>7}{'compl':>6}{'cached':>7}")


def row(label: str, s: dict[str, Any]) -> str:
    return (f"{label[:30]:30}{s['posts']:6d}{s['ready']:7.0%}{s['needs_look']:6.0%}"
            f"{s['problems']:6.0%}{s['spelling_per_100w']:11.2f}{s['invented']:7d}"
            f"{s['missed']:7d}{s['same_text_briefs']:5d}{s['voice_mean']:7.1f}"
            f"{s['voice_sd']:5.1f}{s['seconds_per_post']:7.1f}{s['prompt_tok']:7.0f}"
            f"{s['completion_tok']:6.0f}{s['cached_share']:7.0%}")


def report(name: str, outcomes: Sequence[Outcome], wall: float) -> dict[str, Any]:
    print(f"\n== {name} ({wall:.0f} s wall)\n{HEADER}", flush=True)
    for o in outcomes:
        if o.error:
            print(f"{o.case.id[:30]:30} FAILED: {o.error}")
        else:
            print(row(o.case.id, summary([o])))
    total = summary(outcomes)
    total["seconds_per_post"] = wall / max(1, total["posts"])  # wall, not the sum of lanes
    print(row("TOTAL", total))
    if total["other_states"]:
        print(f"   states other than {'/'.join(STATES)}: {total['other_states']}")
    if total["bad_ready"]:
        print(f"   {total['bad_ready']} drafts are 'ready' with a problem on them")
    return total


def dump(path: Path, name: str, outcomes: Sequence[Outcome]) -> None:
    with path.open("a", encoding="utf-8") as out:
        for o in outcomes:
            for d in o.drafts:
                out.write(json.dumps({
                    "config": name, "brief": o.case.id, "platform": d.platform,
                    "state": d.status, "voice": d.voice_score, "text": d.text,
                    "hashtags": d.hashtags,
                    "problems": [f"{p.severity}:{p.code}: {p.message}" for p in d.problems],
                }, ensure_ascii=False) + "\n")


def week(days: int, client: LLMClient) -> None:
    """Generate week on the coffee kit with the product's settings; the cached share."""
    from assistant.planner import plan_week
    from assistant.planner_run import generate_week
    from assistant.queue import open_queue

    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    with tempfile.TemporaryDirectory(prefix="postwerk-bench-quality-") as tmp:
        settings = load_settings(database_url=f"sqlite:///{tmp}/queue.db")
        plan = plan_week(kit, date(2030, 12, 2), days=days, timezone=settings.timezone)
        started = time.perf_counter()
        result = generate_week(kit, plan, settings=settings, queue=open_queue(settings),
                               options=DraftOptions(client=client, settings=settings))
        wall = time.perf_counter() - started
    usage = result.usage
    print(f"generate week, {len(plan.slots)} slots ({len(result.created)} drafted, "
          f"{len(result.failed)} failed) in {wall:.0f} s: {usage.calls} calls, "
          f"{usage.prompt_tokens} prompt tokens, {usage.cached_tokens} of them from the "
          f"prefix cache ({usage.cached_tokens / max(1, usage.prompt_tokens):.0%}), "
          f"{usage.completion_tokens} completion tokens")


def _tokens(base: str, messages: list[dict[str, str]]) -> list[int]:
    import httpx

    root = base.removesuffix("/v1")
    prompt = httpx.post(f"{root}/apply-template", json={"messages": messages},
                        timeout=60).json()["prompt"]
    return list(httpx.post(f"{root}/tokenize", json={"content": prompt},
                           timeout=60).json()["tokens"])


def _common(a: list[int], b: list[int]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def prefix(days: int, client: LLMClient) -> None:
    """The week's first prompts, tokenized: the share that repeats an earlier prompt's start."""
    from assistant.drafting import Job, build_messages, default_retriever
    from assistant.planner import plan_week

    kit = load_kit("kaffeekontor-hamburg", ROOT / "brand_kits")
    plan = plan_week(kit, date(2030, 12, 2), days=days)
    seen: list[list[int]] = []
    shared = total = 0
    for slot in plan.slots:
        job = Job(kit, Brief(text=slot.brief), [slot.platform], kit.default_language, {})
        snippets = default_retriever(kit, slot.brief, [slot.platform], job.language)
        tokens = _tokens(client.endpoint.base_url,
                         [m.model_dump() for m in build_messages(job, snippets)])
        shared += max((_common(tokens, old) for old in seen), default=0)
        total += len(tokens)
        seen.append(tokens)
    print(f"{len(plan.slots)} slots, {total / len(plan.slots):.0f} prompt tokens per slot; "
          f"{shared} of {total} ({shared / max(1, total):.0%}) repeat the start of an "
          f"earlier slot's prompt (the first slot has none to repeat)")


def option_value(settings: Settings, option: str) -> Any:
    """An option's value in effect: one left unset (None) is resolved by the Settings
    property of its name without ``draft_`` (``draft_repair_warnings`` ->
    ``repair_warnings``: off for the embedded model, on for an endpoint)."""
    value = getattr(settings, option)
    return getattr(settings, option.removeprefix("draft_")) if value is None else value


def configs(ab: bool, only: Sequence[str]) -> list[tuple[str, dict[str, Any]]]:
    """The defaults, then (with --ab) each option flipped on its own (a number option set
    to its first NUMBER_AB value, or to the second when the first is its default)."""
    base = load_settings()
    runs: list[tuple[str, dict[str, Any]]] = [("defaults", {})]
    if ab:
        for option in OPTIONS:
            value = option_value(base, option)
            if option in NUMBER_AB:
                flipped, back = NUMBER_AB[option]
                other = back if value == flipped else flipped
                runs.append((f"{option}={other}", {option: other}))
                continue
            runs.append((f"{option}={'off' if value else 'on'}", {option: not value}))
    return [r for r in runs if not only or r[0].split("=")[0] in only or r[0] in only]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=None, help="only the first N briefs")
    parser.add_argument("--start", type=int, default=1,
                        help="begin at brief N (1-based): --start 13 --briefs 12 runs 13-24")
    parser.add_argument("--language", choices=("de", "en"), default=None,
                        help="only the briefs in this language (after --start)")
    parser.add_argument("--platform", default=None,
                        help="only the briefs drafted for this platform (an option that "
                        "changes one platform's drafts)")
    parser.add_argument("--ab", action="store_true", help="add one run per option, flipped")
    parser.add_argument("--only", nargs="*", default=[],
                        help="run only these configs (defaults, draft_adapt_example, ...)")
    parser.add_argument("--dump", type=Path, default=None, help="write every draft (JSONL)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run every config N times, in rounds (A B, A B, ...), and print "
                        "each config's mean and spread: one run's ready share moves by ten "
                        "points on the same code")
    parser.add_argument("--week", type=int, default=None, metavar="DAYS",
                        help="instead: generate week for DAYS days, print the cached share")
    parser.add_argument("--prefix", type=int, default=None, metavar="DAYS",
                        help="instead: the tokens a week's prompts share (no generation)")
    parser.add_argument("--retidy", action="store_true",
                        help="with --recheck: also through today's tidy and striking")
    parser.add_argument("--recheck", type=Path, default=None, metavar="FILE",
                        help="instead: today's quality checks over the drafts of a --dump")
    args = parser.parse_args()
    if args.recheck:
        recheck(args.recheck, {c.id: c for c in load_cases(None)}, ROOT / "brand_kits",
                args.retidy)
        return
    if args.week or args.prefix:
        (week if args.week else prefix)(args.week or args.prefix, get_client(load_settings()))
        return
    cases = load_cases(args.briefs, args.start, args.language, args.platform)
    base = load_settings()
    # the product's log (the data dir's logs/): why a rewrite or a first comment was dropped
    start_logging()
    where = base.llm_base_url or "the embedded model"
    print(f"bench_quality: {len(cases)} briefs x 3 platforms on {where}; defaults: "
          + ", ".join(f"{o}={option_value(base, o)}" for o in OPTIONS), flush=True)
    client = get_client(base)  # start the embedded server once, outside the timings
    global DUMP
    DUMP = args.dump
    totals: dict[str, list[dict[str, Any]]] = {}
    for round_number in range(1, max(1, args.repeat) + 1):
        for name, overrides in configs(args.ab, args.only):
            label = name if args.repeat <= 1 else f"{name}#{round_number}"
            CONFIG[0] = label
            print(f"\n{label}: each brief as it finishes", flush=True)
            settings = load_settings(**overrides)
            started = time.perf_counter()
            outcomes = asyncio.run(run_config(cases, settings, client))
            totals.setdefault(name, []).append(
                report(label, outcomes, time.perf_counter() - started))
    if len(totals) > 1 or args.repeat > 1:
        print(f"\n== on the same {len(cases)} briefs\n{HEADER}")
        for name, rounds in totals.items():
            for number, total in enumerate(rounds, 1):
                print(row(name if len(rounds) == 1 else f"{name}#{number}", total))
    if args.repeat > 1:
        print(spread_lines(totals))


def spread_lines(totals: dict[str, list[dict[str, Any]]]) -> str:
    """Each config's mean and spread (population SD) over its rounds: the share ready, the
    briefs with the same text, seconds per post."""
    lines = ["\n== mean ± spread over the rounds"]
    for name, rounds in totals.items():
        parts = []
        for key, form in (("ready", "{:.0%}"), ("same_text_briefs", "{:.1f}"),
                          ("seconds_per_post", "{:.1f}")):
            values = [float(total[key]) for total in rounds]
            spread = statistics.pstdev(values) if len(values) > 1 else 0.0
            parts.append(f"{key} {form.format(statistics.fmean(values))} ± "
                         f"{form.format(spread)}")
        lines.append(f"{name:30} " + ", ".join(parts) + f" ({len(rounds)} rounds)")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
