"""`postwerk week` 7 days x 3 channels from the command line against an endpoint with 1 s
per reply, on a fresh data dir, start-up included (issue 14: under 8 s).

    .venv/bin/python bench/bench_week_cli.py [--runs 3] [--baseline PATH] [--conditions ...]

Every run is a new `python -m assistant week` process on a new data dir, against the fake
OpenAI server (tests/fakes/serve.py, 1 s a reply, a different text in every reply, so no
two drafts share an embedding), with a user cache dir (XDG_CACHE_HOME) of its own:

- ``known``: the cache dir holds what importing the kit on this machine leaves there
  (`postwerk brand import` into another data dir: the vectors of its passages and of the
  voice score's generic posts) and what any German check leaves (the noun index and the
  name lists, built from installed packages). The week's drafts are new texts.
- ``first``: an empty cache dir, as for the first command after installing Postwerk.

``--baseline PATH`` (repeatable): a checkout of other code (``git worktree add /tmp/base
main``, named by its folder) runs the same conditions, alternating with this checkout, so
all see the same machine load. Prints the median wall time of ``--runs`` per code and
condition, with min and max, and each baseline's median over this checkout's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KIT_ID = "kaffeekontor-hamburg"
WEEK_KIT = "bench-daily"
PLATFORMS = ("instagram", "facebook", "linkedin")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
# What the bench must not inherit from the developer's shell.
CLEARED = ("POSTWERK_LLM_BASE_URL", "POSTWERK_DATABASE_URL", "POSTWERK_EMBEDDINGS_BASE_URL",
           "POSTWERK_CHROMA_URL", "POSTWERK_LLM_CONCURRENCY")


def daily_kits(kits: Path) -> Path:
    """A copy of the coffee kit with one post a day on instagram, facebook and linkedin."""
    import yaml

    shutil.copytree(ROOT / "brand_kits" / KIT_ID, kits / WEEK_KIT)
    path = kits / WEEK_KIT / "kit.yaml"
    data = yaml.safe_load(path.read_text())
    data["id"] = WEEK_KIT
    data["channels"] = [dict(c, posts_per_week=7, weekdays=DAYS)
                        for c in data["channels"] if c["platform"] in PLATFORMS]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return kits


def base_env(kits: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    return {**env, "POSTWERK_KITS_DIR": str(kits)}


def seed_cache(work: Path, kits: Path) -> Path:
    """A user cache dir as a machine has it after the kit was imported there."""
    from assistant.config import user_cache_dir
    from assistant.quality.compose import load_word_lists

    seed = work / "seed-cache"
    load_word_lists("de")  # builds this user's noun index and name lists if missing
    (seed / "postwerk").mkdir(parents=True)
    for derived in user_cache_dir().glob("*.marshal"):  # from the installed packages
        shutil.copy2(derived, seed / "postwerk" / derived.name)
    env = {**base_env(work / "seed-kits"), "XDG_CACHE_HOME": str(seed),
           "POSTWERK_DATA_DIR": str(work / "seed-data")}
    subprocess.run([sys.executable, "-m", "assistant", "brand", "import", str(kits / WEEK_KIT),
                    "--json"], cwd=ROOT, env=env, check=True, capture_output=True)
    return seed


def start_fake() -> tuple[subprocess.Popen[str], str]:
    fake = subprocess.Popen([sys.executable, "-m", "tests.fakes.serve", "0", "1.0", "vary"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    url = (fake.stdout.readline() if fake.stdout else "").strip()
    return fake, url


def one_week(code: Path, env: dict[str, str], work: Path,
             seed: Path | None) -> tuple[float, str, int]:
    """Wall time, drafts and calls, exit code of one `postwerk week` on a new data dir."""
    run = Path(tempfile.mkdtemp(dir=work, prefix="run-"))
    cache = run / "cache"
    if seed is not None:
        shutil.copytree(seed, cache)
    env = {**env, "POSTWERK_DATA_DIR": str(run / "data"), "XDG_CACHE_HOME": str(cache)}
    argv = [sys.executable, "-m", "assistant", "week", "--brand", WEEK_KIT, "--start",
            "2030-12-02", "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=code)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    out = json.loads(proc.stdout) if proc.stdout.strip() else {"created": [], "usage": {}}
    shutil.rmtree(run, ignore_errors=True)
    # CPU time depends less on the other programs than the wall time does
    calls = out["usage"].get("calls", 0)
    done = f"{cpu:4.1f} s CPU, {len(out['created'])} drafted in {calls} calls"
    return wall, done, proc.returncode


def measure(codes: dict[str, Path], conditions: list[str], runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="postwerk-bench-week-"))
    fake, url = start_fake()
    try:
        kits = daily_kits(work / "kits")
        seeds = {"known": seed_cache(work, kits), "first": None}
        env = {**base_env(kits), "POSTWERK_LLM_BASE_URL": url, "POSTWERK_LLM_MODEL": "fake"}
        walls: dict[tuple[str, str], list[float]] = {}
        for index in range(runs):
            for condition in conditions:
                for name, code in codes.items():  # alternating: the same load for each code
                    wall, done, rc = one_week(code, env, work, seeds[condition])
                    walls.setdefault((name, condition), []).append(wall)
                    print(f"  run {index + 1} {condition:5} {name:12} {wall:5.1f} s, {done}, "
                          f"exit {rc}, load {os.getloadavg()[0]:.1f}", flush=True)
        report(walls)
    finally:
        fake.kill()
        shutil.rmtree(work, ignore_errors=True)


def report(walls: dict[tuple[str, str], list[float]]) -> None:
    print("`postwerk week` 7 days x 3 channels, 1 s per reply, fresh data dir (target < 8 s):")
    for (name, condition), values in walls.items():
        print(f"  {condition:5} {name:12} median {statistics.median(values):5.1f} s "
              f"(min {min(values):.1f}, max {max(values):.1f}, {len(values)} runs)")
    for name, condition in walls:
        if name != "this" and ("this", condition) in walls:
            this = statistics.median(walls[("this", condition)])
            base = statistics.median(walls[(name, condition)])
            print(f"  {condition}: {name} / this = {base / this:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, action="append", default=[],
                        help="a checkout of other code to run beside this one (repeatable)")
    parser.add_argument("--conditions", default="known,first")
    args = parser.parse_args()
    codes = {"this": ROOT} | {path.resolve().name: path.resolve() for path in args.baseline}
    print(f"load average before: {os.getloadavg()}", flush=True)
    measure(codes, args.conditions.split(","), args.runs)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
