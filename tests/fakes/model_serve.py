"""A tiny stand-in for `postwerk model serve`: the real serve loop (record, lock, idle
exit) around the fake OpenAI server instead of the 1.1 GB model, as its own process.

    python -m tests.fakes.model_serve [--spawned]

POSTWERK_FAKE_LOAD_SECONDS makes the "model load" take that long (to overlap starts);
every started fake appends its pid to POSTWERK_FAKE_STARTS (a file), so a test counts
servers started.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings, load_settings
from assistant.llm.serve import Backend, serve
from assistant.llm.threads import ThreadPlan
from tests.fakes.llm_server import FakeLLMServer


@dataclass
class FakeBackend:
    server: FakeLLMServer

    @property
    def base_url(self) -> str:
        return self.server.url

    def activity(self) -> tuple[float, bool]:
        return float(len(self.server.requests)), False


def start_fake(path: Path, settings: Settings, plan: ThreadPlan) -> Backend:
    time.sleep(float(os.environ.get("POSTWERK_FAKE_LOAD_SECONDS", "0")))
    starts = os.environ.get("POSTWERK_FAKE_STARTS")
    if starts:
        with open(starts, "a") as out:
            out.write(f"{os.getpid()}\n")
    return FakeBackend(FakeLLMServer(model=path.stem).start())


if __name__ == "__main__":
    serve(load_settings(), spawned="--spawned" in sys.argv, backend_factory=start_fake)
