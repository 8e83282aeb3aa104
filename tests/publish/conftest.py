"""Publishing fixtures: a key for the credentials, the fake network, a test clock, and a
worker on a real queue database (SQLite here; the race test adds PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.config import get_settings
from assistant.publish import registry
from assistant.publish.channels import ChannelService
from assistant.publish.credentials import CredentialBox
from assistant.publish.policy import RetryPolicy
from assistant.publish.worker import Worker
from assistant.queue.media_store import MediaStore
from assistant.queue.models import QueueItem
from assistant.queue.publish_store import AttemptStore, ChannelStore
from assistant.queue.service import QueueService
from assistant.queue.storage import QueueStorage, reset_caches
from tests.fakes.social_server import TOKEN, FakeNetwork, install
from tests.queue.conftest import word_checker

BERLIN = ZoneInfo("Europe/Berlin")
KIT = "kaffeekontor-hamburg"
SECRET_KEY = "test-secret-key-0123456789abcdef"
SLOT = datetime(2030, 3, 4, 9, 0, tzinfo=BERLIN)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture()
def secret_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("POSTWERK_SECRET_KEY", SECRET_KEY)
    get_settings.cache_clear()
    return SECRET_KEY


@pytest.fixture(scope="session")
def network_server() -> Iterator[FakeNetwork]:
    server = FakeNetwork().start()
    yield server
    server.stop()


@pytest.fixture()
def network(network_server: FakeNetwork) -> Iterator[FakeNetwork]:
    network_server.reset()
    install("mastodon", timeout=1.0)
    yield network_server
    registry.unregister("mastodon")


@dataclass
class Env:
    queue: QueueService
    channels: ChannelService
    attempts: AttemptStore
    clock: Clock
    network: FakeNetwork
    url: str

    def worker(self, name: str = "w1", **policy: object) -> Worker:
        return Worker(self.queue, self.channels, self.attempts, get_settings(),
                      clock=self.clock, policy=RetryPolicy(**policy),  # type: ignore[arg-type]
                      name=name)

    def connect(self) -> int:
        creds = {"base_url": self.network.url, "access_token": TOKEN}
        return self.channels.connect(KIT, "mastodon", creds).id

    def approved(self, text: str = "Moin aus Altona!", when: datetime = SLOT,
                 platform: str = "mastodon") -> QueueItem:
        item = self.queue.add(QueueItem(kit_id=KIT, platform=platform, text=text,
                                        scheduled_at=when))
        return self.queue.approve(item.id or 0)


def make_env(url: str, network: FakeNetwork, media_root: Path) -> Env:
    clock = Clock(SLOT + timedelta(minutes=1))
    storage = QueueStorage(url)
    queue = QueueService(storage, word_checker, clock=clock,
                         media_store=MediaStore(media_root))
    channels = ChannelService(ChannelStore(storage), lambda: CredentialBox(SECRET_KEY), clock)
    return Env(queue, channels, AttemptStore(storage), clock, network, url)


@pytest.fixture()
def env(network: FakeNetwork, tmp_path: Path, secret_key: str) -> Iterator[Env]:
    yield make_env(f"sqlite:///{tmp_path / 'q.db'}", network, tmp_path / "media")
    reset_caches()
