"""`postwerk model serve`: one embedded model server per data dir, shared by every command.

The server loads the model, writes its record (server_file.py) once it answers, and exits
after ``idle_timeout`` seconds in which it neither worked nor was reached by a command.
Retiring happens under the data dir's lock, so a command that has just found the record
(and touched the "used" file under the same lock) can rely on the server for at least the
idle timeout.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import Protocol

from assistant.config import Settings
from assistant.errors import LocalModelError
from assistant.llm.contention import ContentionMeter
from assistant.llm.local import model_file, start_server, usable_cores, wait_ready
from assistant.llm.router import Router, metric_values
from assistant.llm.server_file import (
    ServerRecord,
    answers,
    last_used,
    model_identity,
    pid_alive,
    read_record,
    remove_record,
    server_lock,
    write_record,
)
from assistant.llm.threads import ThreadPlan, plan_threads

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 600.0  # a start under heavy load may take minutes


class Backend(Protocol):
    """A started model server: where it answers and how much it has done."""

    base_url: str

    def activity(self) -> tuple[float, bool]:
        """A counter that grows with every request, and whether one runs now."""
        ...


@dataclass
class XllamacppBackend:
    base_url: str
    handle: object  # the xllamacpp.Server; the model lives as long as this reference

    def activity(self) -> tuple[float, bool]:
        return parse_metrics(str(self.handle.handle_metrics()))  # type: ignore[attr-defined]


@dataclass
class RoutedBackend:
    """Two contexts of one model behind the router (see ``router``): the full one and the
    one with a thread fewer for when other programs hold a core."""

    base_url: str
    contexts: list[XllamacppBackend]
    router: Router
    meter: ContentionMeter

    def activity(self) -> tuple[float, bool]:
        states = [context.activity() for context in self.contexts]
        return sum(count for count, _ in states), any(busy for _, busy in states)


def parse_metrics(text: str) -> tuple[float, bool]:
    """(decode calls so far, requests running) from llama.cpp's Prometheus text."""
    values = metric_values(text)
    done = values.get("n_decode_total", 0.0) + values.get("prompt_tokens_total", 0.0)
    return done, values.get("requests_processing", 0.0) > 0


BackendFactory = Callable[[Path, Settings, ThreadPlan], Backend]


def start_xllamacpp(path: Path, settings: Settings, plan: ThreadPlan) -> Backend:
    """The model in a context with ``plan.threads``, and, when the plan has spare threads,
    in a second one with those, behind one router (the weights are mapped once)."""
    full = _context(path, settings, plan)
    if plan.spare_threads is None:
        return full
    spare_plan = replace(plan, threads=plan.spare_threads, threads_batch=plan.spare_threads)
    spare = _context(path, settings, spare_plan)
    meter = ContentionMeter().start()
    router = Router(full.base_url.removesuffix("/v1"), spare.base_url.removesuffix("/v1"),
                    meter.wants_spare).start()
    log.info("router at %s: %d threads, %d while other programs hold a core",
             router.base_url, plan.threads, plan.spare_threads)
    return RoutedBackend(f"{router.base_url}/v1", [full, spare], router, meter)


def _context(path: Path, settings: Settings, plan: ThreadPlan) -> XllamacppBackend:
    started = time.perf_counter()
    handle, base_url = start_server(path, settings.local_ctx, plan)
    wait_ready(base_url)
    log.info("embedded model %s (%d threads) serving at %s after %.1f s", path, plan.threads,
             base_url, time.perf_counter() - started)
    return XllamacppBackend(base_url, handle)


def is_idle(now: float, last_active: float, used: float, timeout: float) -> bool:
    """Idle = nothing ran and no command came for ``timeout`` s (0 = never idle)."""
    return timeout > 0 and now - max(last_active, used) > timeout


def serve(settings: Settings, *, spawned: bool,
          backend_factory: BackendFactory = start_xllamacpp) -> None:
    """Start the shared server and run until idle or SIGTERM.

    ``spawned``: a command started us and holds the lock while it waits for our record.
    """
    data_dir = settings.ensure_data_dir().resolve()
    if spawned:
        backend, record = _start(settings, data_dir, backend_factory)
    else:
        with server_lock(data_dir, LOCK_TIMEOUT):
            _refuse_second(data_dir)
            backend, record = _start(settings, data_dir, backend_factory)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        watch_idle(backend, data_dir, settings.local_idle_timeout)
    except (SystemExit, KeyboardInterrupt):
        log.info("model server %d stopped by a signal", os.getpid())
    finally:
        remove_record(data_dir, os.getpid())
    end_process()


def end_process() -> None:
    """End the server's process now. A generation still in flight runs in native threads
    that the interpreter's exit waits for: a server stopped mid-reply (``postwerk model
    stop``, or a command that wanted another model) lived on for good, holding its
    clients' connections open without a reply (a bench waited on it for minutes). Ended
    here, its clients see the connection close at once."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(0)


def _refuse_second(data_dir: Path) -> None:
    record = read_record(data_dir)
    if record is not None and pid_alive(record.pid) and answers(record.base_url):
        raise LocalModelError(
            f"a model server already runs for {data_dir} (pid {record.pid}, port "
            f"{record.port}); use it, or stop it first with `postwerk model stop`"
        )


def _start(settings: Settings, data_dir: Path,
           factory: BackendFactory) -> tuple[Backend, ServerRecord]:
    path, verified = model_file(settings.local_model_path, data_dir)
    plan = plan_threads(usable_cores(), settings.local_threads)
    started = time.perf_counter()
    backend = factory(path, settings, plan)
    port = int(backend.base_url.rsplit(":", 1)[1].split("/", 1)[0])
    record = ServerRecord(
        pid=os.getpid(), port=port, model_path=str(path.resolve()),
        model_id=model_identity(path), verified=verified, threads=plan.threads,
        threads_batch=plan.threads_batch, poll=plan.poll, slots=plan.slots,
        spare_threads=plan.spare_threads,
        idle_timeout=settings.local_idle_timeout, started_at=time.time(),
        load_seconds=round(time.perf_counter() - started, 2),
    )
    write_record(data_dir, record)
    return backend, record


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)  # unwinds through serve(), which removes the record and ends


def watch_idle(backend: Backend, data_dir: Path, timeout: float) -> None:
    """Return once the server has been idle for ``timeout`` s (record removed under lock),
    or at once when its record is gone or another server's: its data dir was deleted (a
    test's or a bench's tmp dir) or it was replaced, and no command can reach it any more.
    Such an orphan used to finish the last abandoned generation at full CPU first."""
    last_count, last_active = -1.0, time.time()
    period = min(5.0, max(0.2, timeout / 10)) if timeout > 0 else 5.0
    while True:
        record = read_record(data_dir)
        if record is None or record.pid != os.getpid():
            return
        count, busy = backend.activity()
        if busy or count != last_count:
            last_count, last_active = count, time.time()
        if is_idle(time.time(), last_active, last_used(data_dir), timeout):
            with server_lock(data_dir, LOCK_TIMEOUT):
                # a command may have reached us since the check above
                if is_idle(time.time(), last_active, last_used(data_dir), timeout):
                    remove_record(data_dir, os.getpid())
                    return
        time.sleep(period)
