from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import get_settings


@pytest.fixture(scope="session")
def planner_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("planner-data")


@pytest.fixture(autouse=True)
def _shared_index_own_queue(
    planner_index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kit is indexed once for all planner tests; each test has its own queue database."""
    monkeypatch.setenv("POSTWERK_DATA_DIR", str(planner_index_dir))
    monkeypatch.setenv("POSTWERK_DATABASE_URL", f"sqlite:///{tmp_path / 'queue.db'}")
    get_settings.cache_clear()
