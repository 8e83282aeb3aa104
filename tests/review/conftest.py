"""Review fixtures: a copied example kit (client approval switchable), a real SQLite queue
in the test's data dir with posts of two kits inside and outside one week."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from assistant.config import get_settings
from assistant.queue import QueueItem, QueueService, open_queue
from assistant.review.service import ReviewService

ROOT = Path(__file__).resolve().parents[2]
KIT = "kaffeekontor-hamburg"
OTHER = "tessaline-software"
BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2030, 3, 4)
SUNDAY = date(2030, 3, 10)


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2030, 3, day, hour, 0, tzinfo=BERLIN)


@pytest.fixture()
def kits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for kit in (KIT, OTHER):
        shutil.copytree(ROOT / "brand_kits" / kit, tmp_path / "kits" / kit)
    monkeypatch.setenv("POSTWERK_KITS_DIR", str(tmp_path / "kits"))
    get_settings.cache_clear()
    return tmp_path / "kits"


@pytest.fixture()
def require_client(kits: Path) -> Callable[[bool], None]:
    def switch(required: bool) -> None:
        path = kits / KIT / "kit.yaml"
        data = yaml.safe_load(path.read_text())
        data["client_approval_required"] = required
        path.write_text(yaml.safe_dump(data, allow_unicode=True))

    return switch


@pytest.fixture()
def queue(kits: Path) -> QueueService:
    return open_queue(get_settings(), checker=lambda item: [])


@pytest.fixture()
def posts(queue: QueueService) -> dict[str, int]:
    def add(kit: str, when: datetime, text: str) -> int:
        return queue.add(QueueItem(kit_id=kit, platform="instagram", text=text,
                                   scheduled_at=when)).id or 0

    return {"mon": add(KIT, at(4), "Montag: neue Bohne"),
            "wed": add(KIT, at(6), "Mittwoch: Röstkurs"),
            "sun_late": add(KIT, at(10, 23), "Sonntag spät"),
            "next_week": add(KIT, at(11, 0), "Montag danach"),
            "before": add(KIT, at(3, 23), "Sonntag davor"),
            "other_kit": add(OTHER, at(5), "Release notes")}


@pytest.fixture()
def review(queue: QueueService) -> ReviewService:
    return ReviewService(queue, get_settings())
