"""Small helpers every page uses: header, errors, settings, the kit picker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from assistant.config import Settings, load_settings
from assistant.errors import AssistantError

T = TypeVar("T")


def page_header(title: str, purpose: str) -> None:
    """Title plus the one line that says what the page is for."""
    st.title(title)
    st.caption(purpose)


def settings() -> Settings:
    """Fresh settings per run (cheap); a bad setting is shown, not raised."""
    try:
        return load_settings()
    except AssistantError as exc:
        st.error(str(exc))
        st.stop()
        raise  # unreachable; keeps type checkers happy


def attempt(action: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Run one service call; an AssistantError becomes ``st.error`` and ``None``."""
    try:
        return action(*args, **kwargs)
    except AssistantError as exc:
        st.error(str(exc))
        return None
