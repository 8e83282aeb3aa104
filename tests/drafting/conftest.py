from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import get_settings


@pytest.fixture(scope="session")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data dir for the drafting tests: the kit is embedded and indexed once."""
    return tmp_path_factory.mktemp("drafting-data")


@pytest.fixture(autouse=True)
def _shared_index(shared_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSTWERK_DATA_DIR", str(shared_data_dir))
    get_settings.cache_clear()
