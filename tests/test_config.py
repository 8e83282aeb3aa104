from __future__ import annotations

import logging
from pathlib import Path

import pytest

from assistant.config import load_settings
from assistant.errors import ConfigError


def test_defaults_match_the_design(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POSTWERK_DATA_DIR")
    s = load_settings()
    assert s.data_dir == Path("./data") and s.kits_dir == Path("./brand_kits")
    assert s.timezone == "Europe/Berlin" and s.uses_local_model
    assert s.queue_url == f"sqlite:///{(tmp_path / 'data' / 'postwerk.db')}"


@pytest.mark.usefixtures("config_files")
def test_env_beats_dotenv_beats_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(
        "POSTWERK_TIMEZONE=America/New_York\nPOSTWERK_LLM_MODEL=from-dotenv\n"
    )
    monkeypatch.setenv("POSTWERK_LLM_MODEL", "from-env")
    s = load_settings()
    assert s.llm_model == "from-env"  # environment over .env
    assert s.timezone == "America/New_York"  # .env over default


@pytest.mark.usefixtures("config_files")
def test_streamlit_secrets_are_read_below_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit/secrets.toml").write_text(
        'POSTWERK_LLM_BASE_URL = "http://127.0.0.1:9999/v1"\nOPENAI_API_KEY = "sk-from-secrets"\n'
    )
    s = load_settings()
    assert s.llm_base_url == "http://127.0.0.1:9999/v1"
    assert s.api_key == "sk-from-secrets"
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", "http://127.0.0.1:1111/v1")
    assert load_settings().llm_base_url == "http://127.0.0.1:1111/v1"


def test_openai_api_key_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    assert load_settings().api_key == "sk-openai"
    monkeypatch.setenv("POSTWERK_LLM_API_KEY", "sk-postwerk")
    assert load_settings().api_key == "sk-postwerk"


def test_key_never_in_repr_or_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("POSTWERK_LLM_API_KEY", "sk-very-secret-value")
    s = load_settings()
    logging.getLogger("postwerk").warning("settings: %r / %s", s, s)
    assert "sk-very-secret-value" not in repr(s)
    assert "sk-very-secret-value" not in str(s)
    assert "sk-very-secret-value" not in caplog.text
    assert "sk-very-secret-value" not in s.model_dump_json()


@pytest.mark.parametrize(
    ("var", "value", "needle"),
    [
        ("POSTWERK_TIMEZONE", "Mars/Base", "POSTWERK_TIMEZONE"),
        ("POSTWERK_LLM_BASE_URL", "localhost:11434", "http"),
        ("POSTWERK_LLM_TIMEOUT", "-1", "POSTWERK_LLM_TIMEOUT"),
    ],
)
def test_bad_values_are_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, needle: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_request_timeout_fits_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().request_timeout == 600.0  # the embedded model on 2 cores
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    assert load_settings().request_timeout == 60.0
    monkeypatch.setenv("POSTWERK_LLM_TIMEOUT", "5")
    assert load_settings().request_timeout == 5.0


def test_concurrency_is_bounded_by_the_embedded_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.config import LOCAL_PARALLEL

    assert load_settings().concurrency == LOCAL_PARALLEL
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    assert load_settings().concurrency == 8


def test_embedder_threads_are_one_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """One OpenMP thread beside the embedded model and beside an endpoint (small batches
    spin more than they gain, bench/README.md); the variable wins."""
    monkeypatch.delenv("POSTWERK_EMBED_THREADS", raising=False)
    monkeypatch.delenv("POSTWERK_LLM_BASE_URL", raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert load_settings().embedder_threads == 1
    assert load_settings(llm_base_url="http://127.0.0.1:9/v1").embedder_threads == 1
    monkeypatch.setenv("POSTWERK_EMBED_THREADS", "3")
    assert load_settings().embedder_threads == 3
    monkeypatch.setenv("POSTWERK_EMBED_THREADS", "0")
    with pytest.raises(ConfigError, match="POSTWERK_EMBED_THREADS"):
        load_settings()


def test_warnings_are_repaired_by_an_endpoint_not_the_embedded_model(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedded model's repairs cleared 2 of 40 warnings (bench/README.md): unset, they
    go back to an endpoint only; the variable wins either way."""
    monkeypatch.delenv("POSTWERK_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("POSTWERK_DRAFT_REPAIR_WARNINGS", raising=False)
    assert load_settings().repair_warnings is False
    assert load_settings(llm_base_url="http://127.0.0.1:9/v1").repair_warnings is True
    monkeypatch.setenv("POSTWERK_DRAFT_REPAIR_WARNINGS", "true")
    assert load_settings().repair_warnings is True
    monkeypatch.setenv("POSTWERK_DRAFT_REPAIR_WARNINGS", "false")
    assert load_settings(llm_base_url="http://127.0.0.1:9/v1").repair_warnings is False
