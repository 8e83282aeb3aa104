"""Small helpers every page uses: header, errors, settings, the kit picker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from assistant.config import Settings, load_settings
from assistant.errors import AssistantError

T = TypeVar("T")
log = logging.getLogger(__name__)


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
        log.info("refused in the UI: %s", exc)
        st.error(str(exc))
        return None


def pick_kit(where: Any = None) -> Any:
    """The kit the user works on (shared by every page), chosen in the sidebar.

    Returns the loaded BrandKit, or None (with a hint) when there is no kit yet or the
    chosen one does not load.
    """
    from assistant.brand.kit import list_kits, load_kit

    box = where or st.sidebar
    kits = attempt(list_kits) or []
    if not kits:
        st.info("No brand kit yet: open **Brand kits** to copy an example kit or create your own.")
        link_to("brand", "Go to Brand kits", ":material/palette:")
        return None
    current = st.session_state.get("kit_id")
    index = kits.index(current) if current in kits else 0
    kit_id = box.selectbox("Brand kit", kits, index=index, key="kit_picker")
    st.session_state["kit_id"] = kit_id
    return attempt(load_kit, kit_id)


def link_to(page: str, label: str, icon: str | None = None) -> None:
    """A link to another page of the app (plain text when run outside the navigation)."""
    from assistant.ui.shell import PAGE_OBJECTS

    target = PAGE_OBJECTS.get(page)
    if target is None:
        st.caption(f"→ {label}")
        return
    st.page_link(target, label=label, icon=icon)
