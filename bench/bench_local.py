"""The embedded model: raw xllamacpp beside Postwerk, quiet and with a one-core CPU hog.

    .venv/bin/python bench/bench_local.py [--conditions quiet,hog] [--week] [--skip-fake-week]
        [--model PATH]

1. The prompt: Postwerk's own request for one brief x 3 platforms (instagram, facebook,
   linkedin; the coffee kit), captured from the fake OpenAI server.
2. Per condition (quiet; hog = a busy loop on one core, a process of this bench that stops
   on its own after --hog-seconds), side by side:
   - raw: that request sent straight into an in-process xllamacpp server with the
     library's defaults (prompt cache off): prompt and decode tokens/s from its timings;
   - Postwerk: `postwerk draft` for the same brief and platforms as a user runs it
     (a subprocess), against the data dir's already running shared model server; prompt
     and decode tokens/s of its calls from the server's /metrics counters, and its wall
     time beside the time raw xllamacpp needs for the same prompt and completion tokens
     (prompt tokens / raw prompt speed + completion tokens / raw decode speed).
   Prints Postwerk/raw for prompt speed, decode speed (target >= 0.8) and the wall time
   ratio (target <= 1.5).
3. --week: a 7 x 3 week on the embedded model (generate_week, the product's settings),
   wall time beside the raw estimate for its tokens. Takes many minutes on 2 cores.
4. `postwerk week` 7 days x 3 channels (21 slots) from the command line against the fake
   server with 1 s latency, on a fresh data dir, start-up included (target < 8 s): one run
   of bench_week_cli.py (which measures it alone, with --runs and --baseline).
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="postwerk-bench-local-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
os.environ["POSTWERK_DATA_DIR"] = str(WORK / "data")
for _var in ("POSTWERK_LLM_BASE_URL", "POSTWERK_DATABASE_URL", "POSTWERK_EMBEDDINGS_BASE_URL"):
    os.environ.pop(_var, None)

from bench_week_cli import daily_kits, measure  # noqa: E402

from assistant.brand.kit import load_kit  # noqa: E402
from assistant.config import get_settings, load_settings  # noqa: E402
from assistant.drafting import draft_posts  # noqa: E402
from assistant.llm.local import MODEL_FILE, MODEL_SHA256, is_verified  # noqa: E402
from assistant.llm.router import metric_values  # noqa: E402
from assistant.llm.sharing import shared_server, stop_shared  # noqa: E402
from tests.fakes.drafts import DraftScript  # noqa: E402
from tests.fakes.llm_server import FakeLLMServer  # noqa: E402

KIT_ID = "kaffeekontor-hamburg"
PLATFORMS = ("instagram", "facebook", "linkedin")
BRIEF = "Ab Montag gibt es unseren neuen Äthiopien-Filterkaffee im Kontor in Altona"
HOG = "import time\nend = time.time() + {seconds}\nwhile time.time() < end:\n    pass\n"
COUNTERS = ("prompt_tokens_total", "prompt_seconds_total", "tokens_predicted_total",
            "tokens_predicted_seconds_total", "prompt_tokens_cached_total")


def find_model(explicit: str | None) -> Path:
    """An already joined GGUF (read-only), so the bench does not join 1.1 GB again."""
    candidates = [Path(explicit)] if explicit else [
        Path(os.environ.get("POSTWERK_LOCAL_MODEL_PATH", "/nonexistent")),
        ROOT / "data" / "models" / MODEL_FILE,
    ]
    for path in candidates:
        if path.is_file() and (explicit or is_verified(path, MODEL_SHA256)):
            return path
    raise SystemExit("no joined model found: run `make run` once (joins data/models), or "
                     "pass --model PATH")


def capture_request() -> dict[str, Any]:
    """The exact first request Postwerk sends for the brief (the fake server records it)."""
    fake = FakeLLMServer().start()
    fake.responder = DraftScript()
    try:
        settings = load_settings(llm_base_url=fake.url, llm_model="bench")
        draft_posts(load_kit(KIT_ID, ROOT / "brand_kits"), BRIEF, PLATFORMS,
                    options=_options(settings))
        return dict(fake.chat_requests[0])
    finally:
        fake.stop()


def _options(settings: Any) -> Any:
    from assistant.drafting import DraftOptions

    return DraftOptions(settings=settings)


def start_raw(model: Path) -> Any:
    """xllamacpp as its own examples use it: model, context, port; all else its defaults."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model)
    params.n_ctx = get_settings().local_ctx
    params.hostnames = ["127.0.0.1"]
    params.port = 0
    params.verbosity = 0
    return xllamacpp.Server(params)


def raw_speed(server: Any, request: dict[str, Any]) -> dict[str, float]:
    body = {**request, "cache_prompt": False}
    body.pop("model", None)
    started = time.perf_counter()
    timings = server.handle_chat_completions(body)["timings"]
    return speeds_of(timings, time.perf_counter() - started)


def speeds_of(timings: dict[str, Any], wall: float) -> dict[str, float]:
    """Speeds and tokens from llama.cpp's per-request timings (both sides read the same)."""
    return {"pp": timings["prompt_per_second"], "tg": timings["predicted_per_second"],
            "prompt": timings["prompt_n"], "completion": timings["predicted_n"], "wall": wall}


def tagged(messages: list[dict[str, Any]], tag: str) -> list[dict[str, Any]]:
    """The messages with a tag in front, so no earlier request's prefix cache serves them."""
    out = [dict(m) for m in messages]
    out[0]["content"] = f"[{tag}] {out[0]['content']}"
    return out


def shared_speed(base_url: str, request: dict[str, Any], tag: str) -> dict[str, float]:
    """The request raw xllamacpp answered, once through the data dir's shared server alone
    (no other request beside it): its speeds from the server's own timings, so both sides
    are read the same way. The tag keeps the prefix cache out."""
    body = {**request, "messages": tagged(request["messages"], tag), "cache_prompt": False}
    started = time.perf_counter()
    reply = httpx.post(f"{base_url}/chat/completions", json=body, timeout=3600).json()
    return speeds_of(reply["timings"], time.perf_counter() - started)


def metrics(base_url: str) -> dict[str, float]:
    text = httpx.get(base_url.removesuffix("/v1") + "/metrics", timeout=30).text
    values = metric_values(text)
    return {name: values.get(name, 0.0) for name in COUNTERS}


def postwerk_draft(base_url: str, env: dict[str, str]) -> dict[str, float]:
    """`postwerk draft` as a user runs it; its calls' speeds from the server's counters."""
    before = metrics(base_url)
    argv = [sys.executable, "-m", "assistant", "draft", "--brand", KIT_ID, "--brief", BRIEF,
            "--json", *[arg for p in PLATFORMS for arg in ("--platform", p)]]
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"postwerk draft failed: {proc.stderr.strip()[-300:]}")
    after = metrics(base_url)
    delta = {name: after[name] - before[name] for name in COUNTERS}
    return {"pp": delta["prompt_tokens_total"] / max(delta["prompt_seconds_total"], 1e-9),
            "tg": delta["tokens_predicted_total"]
            / max(delta["tokens_predicted_seconds_total"], 1e-9),
            "prompt": delta["prompt_tokens_total"], "cached": delta["prompt_tokens_cached_total"],
            "completion": delta["tokens_predicted_total"], "wall": wall}


def marked(request: dict[str, Any], tag: str, max_tokens: int) -> dict[str, Any]:
    """The request with a tag in front (no prefix cache across runs), plain text, capped."""
    return {"messages": tagged(request["messages"], tag), "max_tokens": max_tokens,
            "temperature": 0.0}


def postwerk_speed(base_url: str, body: dict[str, Any]) -> dict[str, float]:
    """The same request through Postwerk's client to the shared server; speeds from the
    server's counters."""
    from assistant.llm import ChatMessage, get_client

    client = get_client(get_settings())
    before = metrics(base_url)
    started = time.perf_counter()
    client.text([ChatMessage(**m) for m in body["messages"]], temperature=0.0,
                max_tokens=body["max_tokens"])
    wall = time.perf_counter() - started
    after = metrics(base_url)
    delta = {name: after[name] - before[name] for name in COUNTERS}
    return {"pp": delta["prompt_tokens_total"] / max(delta["prompt_seconds_total"], 1e-9),
            "tg": delta["tokens_predicted_total"]
            / max(delta["tokens_predicted_seconds_total"], 1e-9),
            "prompt": delta["prompt_tokens_total"], "completion": delta["tokens_predicted_total"],
            "wall": wall}


def compare_quick(condition: str, raw_server: Any, request: dict[str, Any], base_url: str,
                  max_tokens: int, hog_seconds: float) -> None:
    """Speeds only: Postwerk's prompt, capped to ``max_tokens`` of plain text, both sides."""
    busy = hog(condition, hog_seconds)
    try:
        raw = raw_speed(raw_server, marked(request, f"raw {condition}", max_tokens))
        ours = postwerk_speed(base_url, marked(request, f"postwerk {condition}", max_tokens))
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()
    print(f"   {condition:5} raw      prompt {raw['pp']:6.1f} tok/s  decode {raw['tg']:5.2f} "
          f"tok/s ({raw['prompt']:.0f} + {raw['completion']:.0f} tokens, {raw['wall']:.0f} s)")
    print(f"   {condition:5} Postwerk prompt {ours['pp']:6.1f} tok/s  decode {ours['tg']:5.2f} "
          f"tok/s ({ours['prompt']:.0f} + {ours['completion']:.0f} tokens, {ours['wall']:.0f} s)")
    print(f"   {condition:5} ratios   prompt {ours['pp'] / raw['pp']:.2f}x  decode "
          f"{ours['tg'] / raw['tg']:.2f}x (target >= 0.8)  load {os.getloadavg()[0]:.1f}",
          flush=True)


def hog(condition: str, seconds: float) -> subprocess.Popen[bytes] | None:
    if condition != "hog":
        return None
    return subprocess.Popen([sys.executable, "-c", HOG.format(seconds=seconds)])


def compare(condition: str, raw_server: Any, request: dict[str, Any], base_url: str,
            env: dict[str, str], hog_seconds: float) -> None:
    """Per condition: one request on each server alone (the speeds), then `postwerk draft`
    for the brief (its calls run 2 at a time on the server's 2 slots, so the counters'
    per-call decode speed is about half the server's throughput: the wall time is the
    measure there)."""
    busy = hog(condition, hog_seconds)
    try:
        raw = raw_speed(raw_server, request)
        alone = shared_speed(base_url, request, f"postwerk {condition}")
        ours = postwerk_draft(base_url, env)
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()
    report(condition, raw, alone, ours)


def compare_speeds(condition: str, raw_server: Any, request: dict[str, Any], base_url: str,
                   hog_seconds: float) -> None:
    """The speeds alone: the same request on raw xllamacpp and on the shared server."""
    busy = hog(condition, hog_seconds)
    try:
        raw = raw_speed(raw_server, request)
        alone = shared_speed(base_url, request, f"postwerk {condition}")
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()
    speeds(condition, raw, alone)


def speeds(condition: str, raw: dict[str, float], alone: dict[str, float]) -> None:
    for name, side in (("raw", raw), ("Postwerk", alone)):
        print(f"   {condition:5} {name:8} one request: prompt {side['pp']:6.1f} tok/s  decode "
              f"{side['tg']:5.2f} tok/s  ({side['prompt']:.0f} + {side['completion']:.0f} "
              f"tokens, {side['wall']:.1f} s)")
    print(f"   {condition:5} ratios   prompt {alone['pp'] / raw['pp']:.2f}x  decode "
          f"{alone['tg'] / raw['tg']:.2f}x (target >= 0.8)  load {os.getloadavg()[0]:.1f}",
          flush=True)


def report(condition: str, raw: dict[str, float], alone: dict[str, float],
           ours: dict[str, float]) -> None:
    raw_time = (ours["prompt"] + ours["cached"]) / raw["pp"] + ours["completion"] / raw["tg"]
    speeds(condition, raw, alone)
    print(f"   {condition:5} `postwerk draft`: {ours['prompt']:.0f} prompt + {ours['cached']:.0f} "
          f"cached + {ours['completion']:.0f} completion tokens; per call prompt "
          f"{ours['pp']:.1f} tok/s, decode {ours['tg']:.2f} tok/s (2 calls at a time)")
    print(f"   {condition:5} `postwerk draft` {ours['wall']:.1f} s vs raw {raw_time:.1f} s for "
          f"the same tokens = {ours['wall'] / raw_time:.2f}x (target <= 1.5)  "
          f"load {os.getloadavg()[0]:.1f}", flush=True)


def model_week(base_url: str, env: dict[str, str], raw: dict[str, float]) -> None:
    """`postwerk week` 7 x 3 on the shared embedded server, beside the raw estimate."""
    week_env = {**env, "POSTWERK_KITS_DIR": str(WORK / "kits")}
    before = metrics(base_url)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "assistant", "week", "--brand", "bench-daily",
                           "--start", "2030-12-02", "--json"], capture_output=True, text=True,
                          env=week_env, cwd=ROOT)
    wall = time.perf_counter() - started
    after = metrics(base_url)
    prompt = after["prompt_tokens_total"] - before["prompt_tokens_total"]
    cached = after["prompt_tokens_cached_total"] - before["prompt_tokens_cached_total"]
    completion = after["tokens_predicted_total"] - before["tokens_predicted_total"]
    estimate = (prompt + cached) / raw["pp"] + completion / raw["tg"]
    print(f"3. 7 x 3 week on the embedded model (exit {proc.returncode}): {wall:.0f} s wall, "
          f"{prompt:.0f} prompt + {cached:.0f} cached + {completion:.0f} completion tokens; "
          f"raw xllamacpp estimate for those tokens {estimate:.0f} s ({wall / estimate:.2f}x)",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conditions", default="quiet,hog")
    parser.add_argument("--hog-seconds", type=float, default=900.0)
    parser.add_argument("--model", default=None)
    parser.add_argument("--week", action="store_true")
    parser.add_argument("--quick", type=int, default=0, metavar="TOKENS",
                        help="speeds only, each reply capped to TOKENS of plain text "
                        "(a busy machine decodes well under 1 token/s)")
    parser.add_argument("--skip-fake-week", action="store_true")
    parser.add_argument("--skip-model", action="store_true")
    parser.add_argument("--speeds-only", action="store_true",
                        help="one request on each server per condition, no `postwerk draft`")
    args = parser.parse_args()
    daily_kits(WORK / "kits")
    if not args.skip_fake_week:
        measure({"this": ROOT}, ["known"], runs=1)
    if args.skip_model:
        return
    model = find_model(args.model)
    # the shared server must not retire while the raw side runs (idle = no request to it)
    env = {**os.environ, "POSTWERK_LOCAL_MODEL_PATH": str(model),
           "POSTWERK_LOCAL_IDLE_TIMEOUT": "0"}
    os.environ.update(env)
    get_settings.cache_clear()
    request = capture_request()
    print(f"1. Postwerk's request for one brief x {len(PLATFORMS)} platforms captured "
          f"({len(request['messages'])} messages, max_tokens {request.get('max_tokens')})")
    settings = load_settings()
    record = shared_server(settings)  # started once, outside every timing
    print(f"2. shared server pid {record.pid}: {record.threads} threads, poll {record.poll}, "
          f"{record.slots} slots; raw xllamacpp in-process with its defaults", flush=True)
    raw_server = start_raw(model)
    try:
        last: dict[str, float] = {}
        for condition in args.conditions.split(","):
            if args.quick:
                compare_quick(condition, raw_server, request, record.base_url, args.quick,
                              args.hog_seconds)
            elif args.speeds_only:
                compare_speeds(condition, raw_server, request, record.base_url, args.hog_seconds)
            else:
                compare(condition, raw_server, request, record.base_url, env, args.hog_seconds)
        if args.week:
            last = raw_speed(raw_server, request)
            model_week(record.base_url, env, last)
    finally:
        stop_shared(settings)


if __name__ == "__main__":
    main()
