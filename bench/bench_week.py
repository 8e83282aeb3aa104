"""Generate week: concurrent vs. one call after another, and a real week on the embedded model.

    .venv/bin/python bench/bench_week.py [--skip-model] [--skip-fake] [--latency 1.0]
        [--model-concurrency N] [--model-timeout SECONDS]

1. A 7 days x 5 channels week (35 slots: the coffee kit with every channel set to 7 posts a
   week on every weekday) against the fake OpenAI server with a fixed latency per call
   (default 1 s), drafted with generate_week at concurrency 8 beside concurrency 1, side by
   side in one run. Each run has its own fresh data dir and SQLite queue in a tmp dir; the
   brand index is built once (warm-up) and shared, so both sides pay the same per-slot
   work: retrieval, prompt, the call, checks, voice score, the queue write. Reported: calls,
   prompt tokens per post (estimated from the prompts the server received, see TOKENS),
   wall time of both and the ratio (target: concurrent at least 5x faster).
2. A 7 x 3 week (21 slots: instagram, linkedin, facebook) with the embedded model on this
   machine (no POSTWERK_LLM_BASE_URL): wall time, per-slot average, real token usage and the
   outcome per slot, with the product's settings (Settings.concurrency and .request_timeout:
   for the embedded model 2 in flight and 600 s) unless --model-concurrency /
   --model-timeout say otherwise. Takes minutes (~8 on 2 quiet cores); --skip-model leaves
   it out.
"""

from __future__ import annotations

import argparse
import atexit
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Retrieval and voice scores read the process-wide settings: point their data dir (the
# brand index) at a tmp dir before anything reads it, so the repo's data/ is never touched.
INDEX_DIR = Path(tempfile.mkdtemp(prefix="postwerk-bench-week-"))
atexit.register(shutil.rmtree, INDEX_DIR, ignore_errors=True)
os.environ["POSTWERK_DATA_DIR"] = str(INDEX_DIR / "index")
for _var in ("POSTWERK_LLM_BASE_URL", "POSTWERK_DATABASE_URL", "POSTWERK_EMBEDDINGS_BASE_URL"):
    os.environ.pop(_var, None)

from assistant.brand.kit import BrandKit, load_kit  # noqa: E402
from assistant.config import LOCAL_PARALLEL, Settings, get_settings, load_settings  # noqa: E402
from assistant.drafting import DraftOptions, draft_posts  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.llm import get_client  # noqa: E402
from assistant.llm.local import MODEL_FILE, MODEL_SHA256, is_verified  # noqa: E402
from assistant.planner import WEEKDAYS, Slot, WeekPlan, plan_week  # noqa: E402
from assistant.planner_run import WeekReport, generate_week  # noqa: E402
from assistant.queue import QueueItem, open_queue  # noqa: E402
from tests.fakes.drafts import DraftScript  # noqa: E402
from tests.fakes.llm_server import FakeLLMServer, Reply  # noqa: E402

get_settings.cache_clear()

KIT_ID = "kaffeekontor-hamburg"
START = date(2030, 12, 2)  # a Monday; no public holiday in Hamburg that week
FAKE_PLATFORMS = ("instagram", "facebook", "linkedin", "mastodon", "google_business")
MODEL_PLATFORMS = ("instagram", "linkedin", "facebook")
TOKENS = "estimated tokens = regex words + punctuation marks (\\w+|[^\\w\\s]) of all messages"
WORD = re.compile(r"\w+|[^\w\s]")


class StampedScript(DraftScript):
    """DraftScript that also notes when each request reached the server."""

    def __init__(self) -> None:
        super().__init__()
        self.arrivals: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.arrivals.append(time.perf_counter())
        return super().__call__(body)


def daily_kit(kit: BrandKit, platforms: Sequence[str]) -> BrandKit:
    """The kit with one post a day on each of ``platforms`` (its own channel's times)."""
    channels = [
        c.model_copy(update={"posts_per_week": 7, "weekdays": list(WEEKDAYS)})
        for c in kit.channels
        if c.platform in platforms
    ]
    return kit.model_copy(update={"channels": channels})


def week_plan(kit: BrandKit, days: int, expected: int) -> WeekPlan:
    plan = plan_week(kit, START, days=days, today=START)
    if len(plan.slots) != expected:
        raise SystemExit(f"the plan has {len(plan.slots)} slots, expected {expected}")
    return plan


def estimate_tokens(request: dict[str, Any]) -> int:
    return sum(len(WORD.findall(m["content"])) for m in request["messages"])


def run_settings(tag: str, **overrides: Any) -> Settings:
    """A fresh data dir and SQLite queue for one run."""
    data = Path(tempfile.mkdtemp(prefix=f"{tag}-", dir=INDEX_DIR))
    return load_settings(data_dir=data, database_url=f"sqlite:///{data / 'queue.db'}", **overrides)


def timed_week(kit: BrandKit, plan: WeekPlan, settings: Settings, concurrency: int | None,
               **kwargs: Any) -> tuple[WeekReport, float, float]:
    """Generate the week into a fresh queue: the report, its start and its wall time."""
    queue = open_queue(settings)
    started = time.perf_counter()
    report = generate_week(kit, plan, queue=queue, settings=settings, concurrency=concurrency,
                           **kwargs)
    return report, started, time.perf_counter() - started


def warm_up(kit: BrandKit, settings: Settings) -> None:
    """Index the kit, load the embedder and the SDK once, outside every timed run."""
    draft_posts(kit, "Aufwärmen: unser Café in Altona", ["instagram"],
                options=DraftOptions(settings=settings))


def fake_side(fake: FakeLLMServer, script: StampedScript, kit: BrandKit, plan: WeekPlan,
              concurrency: int, latency: float) -> dict[str, Any]:
    fake.latency = latency
    before, arrived = len(fake.chat_requests), len(script.arrivals)
    settings = run_settings(f"fake-c{concurrency}", llm_base_url=fake.url, llm_model="fake")
    report, started, seconds = timed_week(kit, plan, settings, concurrency)
    requests = fake.chat_requests[before:]
    stamps = [t - started for t in script.arrivals[arrived:]] or [float("nan")]
    posts = len(report.created)
    return {
        "created": posts,
        "failed": len(report.failed),
        "calls": len(requests),
        "tokens_per_post": sum(estimate_tokens(r) for r in requests) / max(1, posts),
        "seconds": seconds,
        "first": stamps[0],
        "last": stamps[-1],
    }


def bench_fake(latency: float) -> None:
    kit = daily_kit(load_kit(KIT_ID, ROOT / "brand_kits"), FAKE_PLATFORMS)
    plan = week_plan(kit, 7, 35)
    fake = FakeLLMServer().start()
    script = StampedScript()
    fake.responder = script
    try:
        warm_up(kit, run_settings("warmup", llm_base_url=fake.url, llm_model="fake"))
        serial = fake_side(fake, script, kit, plan, 1, latency)
        parallel = fake_side(fake, script, kit, plan, 8, latency)
    finally:
        fake.stop()
    print(f"1. generate week, 7 days x 5 channels = {len(plan.slots)} slots, fake server "
          f"with {latency:.1f} s latency per call")
    print(f"   {TOKENS}")
    print(f"   {'':24}{'calls':>6}{'posts':>6}{'failed':>7}{'tokens/post':>12}"
          f"{'calls reached server at':>26}{'wall':>8}")
    for label, row in (("one after another (c=1)", serial), ("concurrent (c=8)", parallel)):
        print(f"   {label:24}{row['calls']:6d}{row['created']:6d}{row['failed']:7d}"
              f"{row['tokens_per_post']:12.0f}{row['first']:13.1f}s ..{row['last']:6.1f}s"
              f"{row['seconds']:7.1f}s")
    ratio = serial["seconds"] / parallel["seconds"]
    verdict = "meets" if ratio >= 5 else "MISSES"
    print(f"   concurrent is {ratio:.1f}x faster ({verdict} the target of 5x; "
          f"the ideal with 8 lanes is {len(plan.slots) / -(-len(plan.slots) // 8):.1f}x)")


# -- 2. the embedded model ----------------------------------------------------------------
def model_settings(timeout: float | None) -> tuple[Settings, str]:
    """Settings for the embedded model; the already joined and verified GGUF in data/models
    is reused read-only (joining the 1.1 GB parts again would take a minute and the disk)."""
    joined = ROOT / "data" / "models" / MODEL_FILE
    extra: dict[str, Any] = {"llm_timeout": timeout} if timeout else {}
    if joined.is_file() and is_verified(joined, MODEL_SHA256):
        return run_settings("model", local_model_path=joined, **extra), str(joined)
    settings = run_settings("model", **extra)
    return settings, f"bundled parts joined into {settings.data_dir}"


def show_progress(started: float) -> Any:
    def progress(slot: Slot, state: str, item: QueueItem | None) -> None:
        if state in ("done", "failed") and item is not None:
            problems = ", ".join(p.code for p in item.problems if p.is_error) or "valid"
            if state == "failed":
                problems = f"FAILED: {item.error}"
            print(f"   {time.perf_counter() - started:7.1f}s  {slot.key:28} {problems}",
                  flush=True)

    return progress


def bench_model(concurrency: int | None, timeout: float | None) -> None:
    kit = daily_kit(load_kit(KIT_ID, ROOT / "brand_kits"), MODEL_PLATFORMS)
    plan = week_plan(kit, 7, 21)
    settings, source = model_settings(timeout)
    lanes = concurrency or settings.concurrency  # the product's bound unless a flag says
    print(f"2. generate week, 7 days x 3 channels ({', '.join(MODEL_PLATFORMS)}) = "
          f"{len(plan.slots)} slots, embedded model {source}")
    print(f"   concurrency {lanes}, timeout {settings.request_timeout:.0f} s per request, "
          f"{settings.llm_max_retries} retries; each slot as it finishes:", flush=True)
    started = time.perf_counter()
    get_client(settings)  # start the embedded server (once per process), outside the timing
    load = time.perf_counter() - started
    report, _, seconds = timed_week(kit, plan, settings, concurrency,
                                        progress=show_progress(time.perf_counter()))
    usage, done = report.usage, len(report.created)
    per_post = max(1, done)
    valid = sum(1 for i in report.created if not any(p.is_error for p in i.problems))
    print(f"   {'slots':>6}{'drafted':>9}{'valid':>7}{'failed':>8}{'calls':>7}"
          f"{'prompt tok/post':>17}{'completion tok/post':>21}{'wall':>9}{'per slot':>10}")
    print(f"   {len(plan.slots):6d}{done:9d}{valid:7d}{len(report.failed):8d}{usage.calls:7d}"
          f"{usage.prompt_tokens / per_post:17.0f}{usage.completion_tokens / per_post:21.0f}"
          f"{seconds:8.0f}s{seconds / len(plan.slots):9.1f}s")
    print(f"   (model start {load:.0f} s, not included; token counts are the model's own)")
    if report.failed:
        print(f"   first failure: {report.failed[0].error}")
        timeouts = sum("did not answer in time" in (i.error or "") for i in report.failed)
        if timeouts and lanes > LOCAL_PARALLEL:
            print(f"   ({timeouts} timed out: the embedded server drafts {LOCAL_PARALLEL} "
                  "requests at a time and the others queue; try --model-concurrency 2 "
                  "--model-timeout 300)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-model", action="store_true",
                        help="leave out the week on the embedded model (it takes minutes)")
    parser.add_argument("--skip-fake", action="store_true",
                        help="leave out the fake-server comparison (part 1)")
    parser.add_argument("--latency", type=float, default=1.0,
                        help="seconds the fake server waits per call (default 1.0)")
    parser.add_argument("--model-concurrency", type=int, default=None,
                        help="concurrency of the model week (default: the product's, i.e. "
                        "POSTWERK_LLM_CONCURRENCY bounded by the embedded server's slots)")
    parser.add_argument("--model-timeout", type=float, default=None,
                        help="seconds per model request (default: POSTWERK_LLM_TIMEOUT)")
    args = parser.parse_args()
    if not args.skip_fake:
        bench_fake(args.latency)
    if not args.skip_model:
        try:
            bench_model(args.model_concurrency, args.model_timeout)
        except AssistantError as exc:  # e.g. the [local] extra is not installed
            print(f"2. skipped: the embedded model is not available ({exc})")


if __name__ == "__main__":
    main()
