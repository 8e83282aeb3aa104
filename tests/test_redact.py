"""One masker for every URL shown or stored: userinfo passwords, bare tokens, secret query
parameters; database URLs as SQLAlchemy renders them with the password hidden."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import get_settings
from assistant.redact import mask_text, mask_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://user:sk-SECRET@host/v1", "http://user:***@host/v1"),
        ("postgresql://bob:pa/ss@db/x", "postgresql://bob:***@db/x"),  # "/" in the password
        ("postgresql+psycopg://bob:p@ss@db:5432/x", "postgresql+psycopg://bob:***@ss@db:5432/x"),
        ("postgresql://bob:pa%2Fss@db/x?sslmode=require",
         "postgresql://bob:***@db/x?sslmode=require"),
        ("mysql://u:p@h/d", "mysql://u:***@h/d"),
        ("sqlite:////tmp/postwerk.db", "sqlite:////tmp/postwerk.db"),
        ("https://sk-SECRET@host/v1", "https://***@host/v1"),  # a bare token as the user
        ("https://api.example/v1?api_key=abc&utm_source=x&token=t#f",
         "https://api.example/v1?api_key=***&utm_source=x&token=***#f"),
        ("https://h/x?key=1&secret=2&access_token=3&monkey=4",
         "https://h/x?key=***&secret=***&access_token=***&monkey=4"),
        ("https://mastodon.social/@kaffee", "https://mastodon.social/@kaffee"),
        ("http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1"),
        ("postgresql//user:hunter2@host/db", "postgresql//user:***@host/db"),  # no ":"
        ("", ""),
    ],
)
def test_mask_url(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_mask_text_masks_every_url_in_a_message() -> None:
    message = ("cannot reach http://user:sk-SECRET@host/v1; queue 'postgresql://bob:pa/ss@db/x' "
               "and https://x.de/?token=abc")
    masked = mask_text(message) or ""
    assert "sk-SECRET" not in masked and "pa/ss" not in masked and "abc" not in masked
    assert "http://user:***@host/v1" in masked and "postgresql://bob:***@db/x" in masked
    assert mask_text(None) is None and mask_text("no url") == "no url"


def test_settings_page_masks_database_and_endpoint(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("POSTWERK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("POSTWERK_DATABASE_URL", "postgresql://bob:pa/ss@db/x")
    monkeypatch.setenv("POSTWERK_LLM_BASE_URL", "http://user:sk-SECRET@host/v1")
    get_settings.cache_clear()
    at = AppTest.from_string(
        "from assistant.ui import settings\nsettings.render()", default_timeout=60
    ).run()
    shown = str([t.value for t in at.table]) + str([m.value for m in at.markdown])
    assert "pa/ss" not in shown and "sk-SECRET" not in shown
    assert "postgresql://bob:***@db/x" in shown and "http://user:***@host/v1" in shown
    get_settings.cache_clear()
