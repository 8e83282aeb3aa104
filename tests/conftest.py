"""Shared fixtures: an isolated data dir per test, the fake LLM server, the real model."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import config
from assistant.config import Settings, get_settings
from tests.fakes.llm_server import FakeLLMServer
from tests.pds_support import LocalPds, PdsUnavailable

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["tests.browser_support"]
# Prefixes of the variables the settings read: none of the developer's may reach a test.
HOST_PREFIXES = ("POSTWERK_", "OPENAI_")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test gets its own data dir; nothing from the developer's machine leaks in:
    no POSTWERK_* / OPENAI_* variables, no .env file, no .streamlit/secrets.toml."""
    for name in [n for n in os.environ if n.startswith(HOST_PREFIXES)]:
        monkeypatch.delenv(name)
    monkeypatch.setitem(Settings.model_config, "env_file", None)
    monkeypatch.setattr(config, "SECRETS_FILES", ())
    monkeypatch.setenv("POSTWERK_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture()
def config_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests of the config files themselves: .env and .streamlit/secrets.toml are read
    again, but only from the current folder (the test chdirs into its tmp_path)."""
    monkeypatch.setitem(Settings.model_config, "env_file", ".env")
    monkeypatch.setattr(config, "SECRETS_FILES", (Path(".streamlit/secrets.toml"),))


@pytest.fixture(scope="session")
def fake_llm_server() -> Iterator[FakeLLMServer]:
    server = FakeLLMServer().start()
    yield server
    server.stop()


@pytest.fixture()
def fake_llm(fake_llm_server: FakeLLMServer, monkeypatch: pytest.MonkeyPatch) -> FakeLLMServer:
    """The fake server, reset, and the settings pointed at it (fast retries, short timeout)."""
    fake_llm_server.reset()
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", fake_llm_server.url)
    monkeypatch.setenv("POSTWERK_LLM_MODEL", "fake-model")
    monkeypatch.setenv("POSTWERK_LLM_API_KEY", "sk-test-fake-key")
    monkeypatch.setenv("POSTWERK_LLM_TIMEOUT", "5")
    monkeypatch.setenv("POSTWERK_LLM_MAX_RETRIES", "2")
    get_settings.cache_clear()
    return fake_llm_server


@pytest.fixture(scope="session")
def model_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One data dir per session for the real embedded model (joined once, ~1.1 GB); its
    shared model server (started by the first test that needs it) is stopped at the end."""
    from assistant.config import load_settings
    from assistant.llm.sharing import stop_shared

    path = tmp_path_factory.mktemp("model-data")
    yield path
    stop_shared(load_settings(data_dir=path))


@pytest.fixture()
def real_model(model_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings that use the real embedded model; skips cleanly if its extra is missing."""
    pytest.importorskip("xllamacpp", reason="the [local] extra is not installed")
    monkeypatch.setenv("POSTWERK_DATA_DIR", str(model_data_dir))
    monkeypatch.setenv("POSTWERK_LLM_TIMEOUT", "300")
    monkeypatch.setenv("POSTWERK_LOCAL_IDLE_TIMEOUT", "300")  # a crashed session frees it
    get_settings.cache_clear()
    return model_data_dir


@pytest.fixture(scope="session")
def local_pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalPds]:
    """A real Bluesky PDS on 127.0.0.1 for the whole session (tests/pds_support.py); make
    accounts with ``local_pds.create_account()``. Missing node or npm packages FAIL the test
    with the command that installs them."""
    server = LocalPds(tmp_path_factory.mktemp("pds"))
    try:
        server.start()
    except PdsUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)


@pytest.fixture()
def one_call_per_brief(monkeypatch: pytest.MonkeyPatch) -> None:
    """For tests of the one-call path (all platforms of a brief in one reply, repaired
    together): the default since 2026-11-30 is one call per platform."""
    monkeypatch.setenv("POSTWERK_DRAFT_SPLIT_PLATFORMS", "false")
    get_settings.cache_clear()
