"""Where the worker runs: one pass (`postwerk publish run`), a loop in its own process
(`postwerk worker`, for teams) or a background thread inside the app (one user)."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from assistant.config import Settings, get_settings
from assistant.publish.channels import Clock, open_channels
from assistant.publish.policy import RetryPolicy
from assistant.publish.worker import Worker
from assistant.queue.publish_store import AttemptStore
from assistant.queue.service import open_queue

log = logging.getLogger(__name__)


def open_worker(settings: Settings | None = None, *, clock: Clock | None = None,
                policy: RetryPolicy | None = None, name: str | None = None) -> Worker:
    settings = settings or get_settings()
    queue = open_queue(settings)
    if clock is not None:
        queue.clock = clock
    channels = open_channels(settings, clock) if clock else open_channels(settings)
    return Worker(queue, channels, AttemptStore(queue.storage), settings, clock=clock,
                  policy=policy, name=name)


def in_app_wanted(settings: Settings) -> bool:
    """The setting, or when unset: on as soon as a channel is connected."""
    if settings.publish_in_app is not None:
        return settings.publish_in_app
    return bool(open_channels(settings).list())


class BackgroundWorker:
    """The app's worker thread (one per process; a daemon, so it ends with the app)."""

    def __init__(self, worker: Worker, interval: float) -> None:
        self.worker = worker
        self.interval = interval
        self.stop_event = threading.Event()
        self.last_pass: datetime | None = None
        self.thread = threading.Thread(target=self._run, name="postwerk-publisher",
                                       daemon=True)

    def _run(self) -> None:
        def seen(_report: object) -> None:
            self.last_pass = self.worker.clock()

        self.worker.loop(self.stop_event, self.interval, seen)

    def start(self) -> BackgroundWorker:
        self.thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self.thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self.thread.is_alive()


_LOCK = threading.Lock()
_RUNNING: dict[str, BackgroundWorker] = {}


def ensure_background(settings: Settings | None = None) -> BackgroundWorker | None:
    """Start the in-app worker once per queue database when wanted; the running one, or None."""
    settings = settings or get_settings()
    with _LOCK:
        running = _RUNNING.get(settings.queue_url)
        if running is not None and running.alive:
            return running
        if not in_app_wanted(settings):
            return None
        running = BackgroundWorker(open_worker(settings), settings.publish_interval).start()
        _RUNNING[settings.queue_url] = running
        log.info("in-app publishing worker started (every %s s)", settings.publish_interval)
        return running


def stop_background() -> None:
    with _LOCK:
        for running in _RUNNING.values():
            running.stop()
        _RUNNING.clear()
