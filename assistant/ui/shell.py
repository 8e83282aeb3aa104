"""The navigation: one entry per page module."""

from __future__ import annotations

import importlib

import streamlit as st

from assistant.config import secrets_warnings
from assistant.logs import debug_from_env, start_logging

# (module, title, icon, url path); the first one is the default page.
PAGES = (
    ("home", "Start", ":material/home:", "start"),
    ("compose", "Compose", ":material/edit_note:", "compose"),
    ("week", "Week", ":material/calendar_month:", "week"),
    ("queue", "Queue", ":material/schedule_send:", "queue"),
    ("images", "Images", ":material/photo_library:", "images"),
    ("check", "Check", ":material/rule:", "check"),
    ("brand", "Brand kits", ":material/palette:", "brand"),
    ("compliance", "Compliance", ":material/gavel:", "compliance"),
    ("settings", "Settings", ":material/settings:", "settings"),
)


# The st.Page objects of this run, by module name (for st.page_link between pages).
PAGE_OBJECTS: dict[str, st.Page] = {}  # type: ignore[valid-type]


def _diagnostics() -> None:
    """The log file (every page run), and a warning for a secrets.toml that was ignored."""
    start_logging(debug_from_env())
    for warning in secrets_warnings():
        st.warning(warning, icon=":material/warning:")


def build_navigation() -> st.navigation:  # type: ignore[valid-type]
    st.set_page_config(page_title="Postwerk", page_icon=":material/campaign:", layout="wide")
    _diagnostics()
    pages: list[st.Page] = []  # type: ignore[valid-type]
    for module_name, title, icon, path in PAGES:
        module = importlib.import_module(f"assistant.ui.{module_name}")
        page = st.Page(module.render, title=title, icon=icon, url_path=path, default=not pages)
        PAGE_OBJECTS[module_name] = page
        pages.append(page)
    return st.navigation(pages)
