"""Logging (issue 12, item 13): a rotating file in the data dir without secrets, --debug and
POSTWERK_DEBUG for tracebacks, the error line names the log file; settings isolated in tests."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import config
from assistant.cli import app as cli_app
from assistant.cli import main
from assistant.config import load_settings
from assistant.logs import LOGGER_NAME, log_path, mask_secrets, setup_logging

KEY = "sk-KEYSECRET-0123456789"
URL_SECRET = "sk-URLSECRET-9876"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("http://user:sk-SECRET@host/v1", "http://user:***@host/v1"),
        ("postgresql://bob:pa/ss@db/x", "postgresql://bob:***@db/x"),
        ("GET https://h/x?api_key=abc123&q=1", "GET https://h/x?api_key=***&q=1"),
        (f"key {KEY} in a message", "key *** in a message"),
        ("https://example.de/page?utm_source=x", "https://example.de/page?utm_source=x"),
    ],
)
def test_mask_secrets(text: str, masked: str) -> None:
    assert mask_secrets(text, [KEY]) == masked


def test_log_file_rotates_and_holds_no_secrets(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, secrets=[KEY])
    assert path == log_path(tmp_path) and not path.exists()  # created on the first record
    log = logging.getLogger(f"{LOGGER_NAME}.test")
    try:
        raise RuntimeError(f"connect to http://u:{URL_SECRET}@h failed with {KEY}")
    except RuntimeError:
        log.exception("call failed with key %s", KEY)
    for _ in range(3000):  # ~1.2 MB: over the 1 MB limit, so the file rotates
        log.info("line %s", "x" * 400)
    text = path.read_text() + path.with_name(path.name + ".1").read_text()
    assert "call failed with key ***" in text and "RuntimeError" in text
    assert KEY not in text and URL_SECRET not in text
    assert path.stat().st_size <= 1_000_000


def test_cli_logs_the_llm_failure_without_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", f"http://user:{URL_SECRET}@127.0.0.1:9/v1")
    monkeypatch.setenv("POSTWERK_LLM_API_KEY", KEY)
    monkeypatch.setenv("POSTWERK_LLM_MAX_RETRIES", "0")
    monkeypatch.setenv("POSTWERK_LLM_TIMEOUT", "3")
    code, out, err = run(capsys, "model", "status")
    assert code == 2 and err.count("\n") == 1
    text = log_path(tmp_path / "data").read_text()
    assert "LLM call failed" in text and "refused:" in text
    for where in (out, err, text):
        assert KEY not in where and URL_SECRET not in where


def test_debug_prints_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "queue", "show", "999")
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1
    code, _, err = run(capsys, "queue", "show", "999", "--debug")
    assert code == 2 and "Traceback" in err and "no queue item #999" in err
    monkeypatch.setenv("POSTWERK_DEBUG", "1")
    code, _, err = run(capsys, "queue", "show", "999")
    assert code == 2 and "Traceback" in err


def test_unexpected_error_names_the_log_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command that fails in a way nobody anticipated (a bug): one line naming the log
    file, the traceback in the file (with the secret masked), not on the screen."""

    def broken() -> None:
        raise RuntimeError(f"bug while talking to http://u:{URL_SECRET}@h/")

    monkeypatch.setattr(cli_app, "registered_commands", list(cli_app.registered_commands))
    cli_app.command("broken")(broken)
    code, _, err = run(capsys, "broken")
    data = tmp_path / "data"
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert f"unexpected error: bug while talking to http://u:***@h/; details are in " \
           f"{log_path(data)}" in err
    text = log_path(data).read_text()
    assert "Traceback" in text and "RuntimeError" in text and URL_SECRET not in text


def _bad_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text('POSTWERK_LLM_API_KEY = "sk-unclosed\n')
    monkeypatch.setattr(config, "SECRETS_FILES", (secrets,))
    return secrets


def test_malformed_secrets_toml_warns_in_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secrets = _bad_secrets(tmp_path, monkeypatch)
    code, out, err = run(capsys, "platforms", "--json")
    assert code == 0 and out.startswith("[")
    assert err.count("\n") == 1 and err.startswith(f"postwerk: warning: {secrets} is not valid")
    assert "sk-unclosed" not in err


def test_malformed_secrets_toml_warns_in_the_ui(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bad_secrets(tmp_path, monkeypatch)
    at = AppTest.from_string("from assistant.ui import shell\nshell._diagnostics()",
                             default_timeout=60)
    at.run()
    assert not at.exception
    assert any("is not valid TOML" in w.value for w in at.warning)


def test_tests_never_read_the_developers_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """conftest isolates settings: a .env and a secrets.toml in the working folder (as a
    developer has them) are not read, and no POSTWERK_* variable of the shell leaks in."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("POSTWERK_LLM_API_KEY=sk-from-dotenv\n")
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit/secrets.toml").write_text('OPENAI_API_KEY = "sk-from-secrets"\n')
    settings = load_settings()
    assert settings.api_key is None and settings.uses_local_model
    assert config.SECRETS_FILES == ()


def test_settings_page_names_the_log_file(tmp_path: Path) -> None:
    at = AppTest.from_string("from assistant.ui import settings\nsettings.render()",
                             default_timeout=60)
    at.run()
    cells = " ".join(map(str, at.table[0].value.to_numpy().ravel()))
    assert str(log_path(tmp_path / "data").resolve()) in cells


def test_a_bug_on_a_page_is_one_line_naming_the_log_file(tmp_path: Path) -> None:
    script = f"""
from pathlib import Path
from assistant.logs import setup_logging
from assistant.ui.shell import guarded

log_file = setup_logging(Path({str(tmp_path)!r}), secrets=[{KEY!r}])

def broken() -> None:
    raise RuntimeError("bug with key {KEY}")

guarded(broken, log_file, [{KEY!r}])()
"""
    at = AppTest.from_string(script, default_timeout=60).run()
    assert not at.exception
    (error,) = at.error
    assert error.value == f"Unexpected error: bug with key ***. Details are in " \
                          f"{log_path(tmp_path)}. Please report it."
    text = log_path(tmp_path).read_text()
    assert "Traceback" in text and "bug with key ***" in text and KEY not in text
