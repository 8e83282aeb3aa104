"""The navigation: one entry per page module."""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from assistant.config import secrets_warnings
from assistant.logs import debug_from_env, mask_secrets, start_logging

log = logging.getLogger(__name__)

# (module, title, icon, url path); the first one is the default page.
PAGES = (
    ("home", "Start", ":material/home:", "start"),
    ("compose", "Compose", ":material/edit_note:", "compose"),
    ("week", "Week", ":material/calendar_month:", "week"),
    ("queue", "Queue", ":material/schedule_send:", "queue"),
    ("images", "Images", ":material/photo_library:", "images"),
    ("check", "Check", ":material/rule:", "check"),
    ("channels", "Channels", ":material/hub:", "channels"),
    ("brand", "Brand kits", ":material/palette:", "brand"),
    ("compliance", "Compliance", ":material/gavel:", "compliance"),
    ("settings", "Settings", ":material/settings:", "settings"),
)


# The st.Page objects of this run, by module name (for st.page_link between pages).
PAGE_OBJECTS: dict[str, st.Page] = {}  # type: ignore[valid-type]


def _diagnostics() -> tuple[Path | None, list[str]]:
    """The log file (every page run), and a warning for a secrets.toml that was ignored."""
    logging_setup = start_logging(debug_from_env())
    for warning in secrets_warnings():
        st.warning(warning, icon=":material/warning:")
    return logging_setup


def guarded(render: Callable[[], None], log_file: Path | None,
            secrets: list[str]) -> Callable[[], None]:
    """The page, with a bug (any error that is not an AssistantError) logged with its
    traceback and shown as one line naming the log file, not as a bare "error occurred"."""

    @functools.wraps(render)
    def page() -> None:
        try:
            render()
        except Exception as exc:  # st.rerun/st.stop are BaseExceptions and pass through
            log.exception("unexpected error on a page")
            where = f" Details are in {log_file}." if log_file else ""
            message = mask_secrets(f"Unexpected error: {exc}.{where} Please report it.", secrets)
            st.error(message, icon=":material/bug_report:")

    return page


def _start_publisher() -> None:
    """The in-app publishing thread (one user): started once a channel is connected, unless
    POSTWERK_PUBLISH_IN_APP=false; a queue that cannot open is reported by its pages."""
    from assistant.errors import AssistantError
    from assistant.publish.running import ensure_background

    try:
        ensure_background()
    except AssistantError as exc:
        log.warning("in-app publishing not started: %s", exc)


def _client_navigation() -> st.navigation:  # type: ignore[valid-type]
    """A review link: only the client page, no menu, whatever path the URL names."""
    from assistant.ui import client

    _log_file, secrets = start_logging(debug_from_env())
    # a bug is logged; the client's one line names no server path (log_file None)
    page = st.Page(guarded(client.render, None, secrets), title="Review",
                   icon=":material/rate_review:", url_path="review", default=True)
    return st.navigation([page], position="hidden")


def build_navigation() -> st.navigation:  # type: ignore[valid-type]
    st.set_page_config(page_title="Postwerk", page_icon=":material/campaign:", layout="wide")
    if "review" in st.query_params:
        return _client_navigation()
    log_file, secrets = _diagnostics()
    _start_publisher()
    pages: list[st.Page] = []  # type: ignore[valid-type]
    for module_name, title, icon, path in PAGES:
        module = importlib.import_module(f"assistant.ui.{module_name}")
        page = st.Page(guarded(module.render, log_file, secrets), title=title, icon=icon,
                       url_path=path, default=not pages)
        PAGE_OBJECTS[module_name] = page
        pages.append(page)
    return st.navigation(pages)
