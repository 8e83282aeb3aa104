"""Drafting: one call for five platforms vs. five calls, and five briefs concurrently vs. serially.

    .venv/bin/python bench/bench_drafting.py [--skip-model] [--latency 1.0]

Side by side in one run, against the fake OpenAI server (a real HTTP server on 127.0.0.1
with scripted good German posts for the coffee kit):
1. prompt tokens per post: one draft_posts call covering instagram, facebook, linkedin,
   mastodon and google_business beside five calls of one platform each, for the same brief.
   The prompts are the real ones the server received (system + user messages, repairs
   included). Counted twice: estimated (regex words + punctuation marks, \\w+|[^\\w\\s]), and,
   unless --skip-model, by the embedded model itself: every recorded prompt is sent again
   to it with max_tokens=1 and its reported usage.prompt_tokens (chat template included)
   is read.
2. wall time of five different briefs (all five platforms each) drafted concurrently with
   adraft_many (concurrency 5) beside one after another (awaited in turn, same event loop),
   with a fixed latency per call on the server (default 1 s).
The brand index lives in a tmp data dir, built once before anything is timed.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Retrieval and voice scores read the process-wide settings: point their data dir (the
# brand index) at a tmp dir before anything reads it, so the repo's data/ is never touched.
TMP = Path(tempfile.mkdtemp(prefix="postwerk-bench-drafting-"))
atexit.register(shutil.rmtree, TMP, ignore_errors=True)
os.environ["POSTWERK_DATA_DIR"] = str(TMP / "index")
for _var in ("POSTWERK_LLM_BASE_URL", "POSTWERK_DATABASE_URL", "POSTWERK_EMBEDDINGS_BASE_URL"):
    os.environ.pop(_var, None)

from assistant.brand.kit import BrandKit, load_kit  # noqa: E402
from assistant.config import Settings, get_settings, load_settings  # noqa: E402
from assistant.drafting import DraftOptions, adraft_many, adraft_posts, draft_posts  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.llm import ChatMessage, get_client  # noqa: E402
from assistant.llm.local import MODEL_FILE, MODEL_SHA256, is_verified  # noqa: E402
from assistant.models import Brief, Draft  # noqa: E402
from tests.fakes.drafts import DraftScript  # noqa: E402
from tests.fakes.llm_server import FakeLLMServer, Reply  # noqa: E402

get_settings.cache_clear()

KIT_ID = "kaffeekontor-hamburg"
PLATFORMS = ["instagram", "facebook", "linkedin", "mastodon", "google_business"]
BRIEF = ("Unser neuer Äthiopien-Filterkaffee aus Yirgacheffe ist da: hell geröstet, "
         "Noten von Jasmin und Pfirsich. Diese Woche zum Probieren im Café in Altona.")
BRIEFS = [
    BRIEF,
    "Barista-Kurs am Samstag, 10 bis 13 Uhr, noch vier Plätze frei; Anmeldung im Café.",
    "Cold-Brew-Rezept für den Sommer: 70 g grob gemahlener Kaffee auf einen Liter Wasser.",
    "Blick in die Rösterei: warum wir zweimal die Woche in Chargen von 15 Kilo rösten.",
    "Neue Öffnungszeiten im Café: ab Montag schon um 7:30 Uhr geöffnet.",
]
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


def estimate_tokens(request: dict[str, Any]) -> int:
    return sum(len(WORD.findall(m["content"])) for m in request["messages"])


def check_drafts(drafts: list[Draft], label: str) -> None:
    bad = [f"{d.platform}: {d.status}" for d in drafts if d.status != "ready"]
    if bad:
        print(f"   note: {label}: not every draft is ready ({', '.join(bad)})")


# -- 1. prompt tokens ---------------------------------------------------------------------
def record_prompts(fake: FakeLLMServer, kit: BrandKit, settings: Settings
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The requests of one five-platform draft and of five one-platform drafts."""
    opts = DraftOptions(settings=settings)
    before = len(fake.chat_requests)
    check_drafts(draft_posts(kit, BRIEF, PLATFORMS, options=opts), "one call")
    joint = fake.chat_requests[before:]
    before = len(fake.chat_requests)
    for pid in PLATFORMS:
        check_drafts(draft_posts(kit, BRIEF, [pid], options=opts), f"{pid} alone")
    return joint, fake.chat_requests[before:]


def model_settings() -> tuple[Settings, str]:
    """The embedded model; the already joined and verified GGUF in data/models is reused
    read-only (joining the 1.1 GB parts again into a tmp dir would take a minute)."""
    joined = ROOT / "data" / "models" / MODEL_FILE
    data = TMP / "model"
    if joined.is_file() and is_verified(joined, MODEL_SHA256):
        return load_settings(data_dir=data, local_model_path=joined, llm_timeout=600), str(joined)
    return load_settings(data_dir=data, llm_timeout=600), f"bundled parts joined into {data}"


def model_prompt_tokens(requests: list[dict[str, Any]], settings: Settings) -> list[int]:
    """What the embedded model counts for each recorded prompt (max_tokens=1: no writing)."""
    client = get_client(settings)
    counts = []
    for request in requests:
        messages = [ChatMessage(role=m["role"], content=m["content"]) for m in request["messages"]]
        result = client.text(messages, temperature=0.0, max_tokens=1)
        counts.append(result.usage.prompt_tokens)
    return counts


def report_tokens(joint: list[dict[str, Any]], single: list[dict[str, Any]],
                  model: tuple[list[int], list[int]] | None) -> None:
    n = len(PLATFORMS)
    print(f"1. prompt tokens per post, one brief, {n} platforms ({', '.join(PLATFORMS)})")
    print("   est. = regex words + punctuation (\\w+|[^\\w\\s]) of system + user messages; "
          "model = usage.prompt_tokens of the embedded model for the same prompts")
    print(f"   {'':32}{'calls':>6}{'est.':>8}{'est./post':>11}{'model':>8}{'model/post':>12}")
    rows = []
    for label, reqs, counts in (("one call, five platforms", joint, model and model[0]),
                                ("five calls, one platform each", single, model and model[1])):
        est = sum(estimate_tokens(r) for r in reqs)
        real = sum(counts) if counts else None
        rows.append((est / n, real / n if real is not None else None))
        real_cols = f"{real:8d}{real / n:12.0f}" if real is not None else f"{'-':>8}{'-':>12}"
        print(f"   {label:32}{len(reqs):6d}{est:8d}{est / n:11.0f}{real_cols}")
    est_ratio = rows[1][0] / rows[0][0]
    line = f"   five calls send {est_ratio:.2f}x the prompt tokens per post of one call (est.)"
    if rows[0][1] and rows[1][1]:
        line += f", {rows[1][1] / rows[0][1]:.2f}x (model)"
    print(line)


# -- 2. concurrency -----------------------------------------------------------------------
async def serially(kit: BrandKit, briefs: list[Brief], opts: DraftOptions) -> list[Draft]:
    drafts: list[Draft] = []
    for brief in briefs:
        drafts += await adraft_posts(kit, brief, PLATFORMS, options=opts)
    return drafts


async def concurrently(kit: BrandKit, briefs: list[Brief], opts: DraftOptions) -> list[Draft]:
    results = await adraft_many(kit, briefs, PLATFORMS, options=opts, concurrency=5)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return [d for batch in results for d in batch]  # type: ignore[union-attr]


def timed_side(fake: FakeLLMServer, script: StampedScript, kit: BrandKit, settings: Settings,
               concurrent: bool) -> dict[str, float]:
    briefs = [Brief(text=text) for text in BRIEFS]
    before, arrived = len(fake.chat_requests), len(script.arrivals)
    started = time.perf_counter()
    if concurrent:
        drafts = asyncio.run(concurrently(kit, briefs, DraftOptions(settings=settings)))
    else:
        drafts = asyncio.run(serially(kit, briefs, DraftOptions(settings=settings)))
    seconds = time.perf_counter() - started
    check_drafts(drafts, "concurrent" if concurrent else "one after another")
    stamps = [t - started for t in script.arrivals[arrived:]] or [float("nan")]
    return {"calls": len(fake.chat_requests) - before, "seconds": seconds, "first": stamps[0],
            "last": stamps[-1], "ready": sum(d.status == "ready" for d in drafts),
            "drafts": len(drafts)}


def report_concurrency(serial: dict[str, float], parallel: dict[str, float],
                       latency: float) -> None:
    print(f"2. five different briefs x {len(PLATFORMS)} platforms, fake server "
          f"{latency:.1f} s latency per call")
    print(f"   {'':34}{'calls':>6}{'ready drafts':>11}{'calls reached server at':>26}{'wall':>9}")
    for label, row in (("one after another", serial),
                       ("concurrent (adraft_many, c=5)", parallel)):
        print(f"   {label:34}{row['calls']:6.0f}{row['ready']:7.0f}/{row['drafts']:<3.0f}"
              f"{row['first']:13.2f}s ..{row['last']:6.2f}s{row['seconds']:8.2f}s")
    print(f"   concurrent is {serial['seconds'] / parallel['seconds']:.1f}x faster "
          f"(ideal {len(BRIEFS):.0f}x: every call waits {latency:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-model", action="store_true",
                        help="do not count the prompts with the embedded model")
    parser.add_argument("--latency", type=float, default=1.0,
                        help="seconds the fake server waits per call in part 2 (default 1.0)")
    args = parser.parse_args()
    kit = load_kit(KIT_ID, ROOT / "brand_kits")
    fake = FakeLLMServer().start()
    script = StampedScript()
    fake.responder = script
    try:
        settings = load_settings(data_dir=TMP / "run", llm_base_url=fake.url, llm_model="fake")
        draft_posts(kit, "Aufwärmen: unser Café in Altona", ["instagram"],
                    options=DraftOptions(settings=settings))  # index the kit, load embedder
        joint, single = record_prompts(fake, kit, settings)
        fake.latency = args.latency
        serial = timed_side(fake, script, kit, settings, concurrent=False)
        parallel = timed_side(fake, script, kit, settings, concurrent=True)
    finally:
        fake.stop()
    model = None
    if not args.skip_model:
        msettings, source = model_settings()
        started = time.perf_counter()
        try:
            model = (model_prompt_tokens(joint, msettings),
                     model_prompt_tokens(single, msettings))
            print(f"(embedded model {source}: {time.perf_counter() - started:.0f} s to start "
                  "it and count the prompts)")
        except AssistantError as exc:  # e.g. the [local] extra is not installed
            print(f"(no model counts: the embedded model is not available: {exc})")
    report_tokens(joint, single, model)
    report_concurrency(serial, parallel, args.latency)


if __name__ == "__main__":
    main()
