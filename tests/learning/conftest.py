"""Learning fixtures: a private copy of the example kits, a real SQLite queue beside them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.brand.store import reset_clients
from assistant.config import get_settings
from assistant.queue import QueueService, open_queue
from assistant.queue.storage import reset_caches
from tests.conftest import ROOT

KIT = "kaffeekontor-hamburg"
OTHER = "tessaline-software"


@pytest.fixture()
def kits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for kit in (KIT, OTHER):
        shutil.copytree(ROOT / "brand_kits" / kit, tmp_path / "kits" / kit)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(tmp_path / "kits"))
    get_settings.cache_clear()
    yield tmp_path / "kits"
    reset_clients()


@pytest.fixture()
def queue(kits: Path) -> Iterator[QueueService]:
    """The queue as the app opens it (its checker, its learner), with the copied kits."""
    yield open_queue(get_settings())
    reset_caches()
