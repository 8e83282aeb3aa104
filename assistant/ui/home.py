"""Start: what Postwerk does and where to begin."""

from __future__ import annotations

import streamlit as st

from assistant.ui.common import page_header


def render() -> None:
    page_header(
        "Postwerk",
        "Your brand's channels, never silent: drafts in your voice, checked for every platform.",
    )
    st.markdown(
        "1. **Brand kits**: pick an example kit or create your own (voice, du/Sie, hashtags).\n"
        "2. **Compose**: write a brief, get a post for every platform, measured as the "
        "platform measures it.\n"
        "3. **Images**: one photo, every platform's exact format.\n"
        "4. **Week**: one click plans and drafts a whole week for all channels.\n"
        "5. **Queue**: approve, copy with one click, export (CSV, ICS, JSON, ZIP).\n"
        "6. **Compliance**: Impressum, advertising labels and links, as German law asks."
    )
