"""Start: what Postwerk does, the first steps, and a first-run path with no kit yet."""

from __future__ import annotations

import streamlit as st

from assistant.brand.kit import copy_example_kit, example_kit_ids, list_kits, load_kit
from assistant.ui.common import attempt, link_to, page_header, settings

STEPS = (
    ("brand", "Brand kits", ":material/palette:",
     "Your voice: tone, du/Sie, banned words, hashtags, example posts and guidelines."),
    ("compose", "Compose", ":material/edit_note:",
     "A brief in, a post for every platform out, measured as each platform measures it."),
    ("images", "Images", ":material/photo_library:",
     "One photo, every platform's exact size, format and byte budget."),
    ("week", "Week", ":material/calendar_month:",
     "One click drafts a whole week for all channels; approve what is ready."),
    ("queue", "Queue", ":material/schedule_send:",
     "Today's posts to copy with one click; export CSV, ICS, JSON or ZIP; webhook."),
    ("compliance", "Compliance", ":material/gavel:",
     "Impressum, advertising labels and links, as German law asks of a commercial channel."),
)


def _first_run() -> None:
    st.subheader("Start with a brand kit")
    st.write("There is no brand kit yet. Copy an example to try everything in a minute, "
             "or create your own.")
    examples = attempt(example_kit_ids) or []
    cols = st.columns(len(examples) + 1)
    for col, kit_id in zip(cols, examples, strict=False):
        example = attempt(load_kit, kit_id, _examples_dir())
        name = example.name if example else kit_id
        if col.button(f"Use example: {name}", key=f"copy_{kit_id}", type="primary"):
            kit = attempt(copy_example_kit, kit_id)
            if kit is not None:
                st.session_state["kit_id"] = kit.id
                st.rerun()
    with cols[-1]:
        link_to("brand", "Create your own kit", ":material/add:")


def _examples_dir() -> object:
    from assistant.brand.kit import EXAMPLE_KITS_DIR

    return EXAMPLE_KITS_DIR


def _status() -> None:
    s = settings()
    kits = attempt(list_kits) or []
    model = "embedded local model (offline)" if s.uses_local_model else f"{s.shown_llm_url}"
    cols = st.columns(3)
    cols[0].metric("Brand kits", len(kits))
    cols[1].metric("Drafts are written by", "local model" if s.uses_local_model else "endpoint")
    cols[2].metric("Time zone", s.timezone)
    st.caption(f"Model: {model}. Data: {s.data_dir.resolve()}")


def render() -> None:
    page_header(
        "Postwerk",
        "Your brand's channels, never silent: drafts in your voice, checked for every platform.",
    )
    if not (attempt(list_kits) or []):
        _first_run()
        return
    _status()
    st.subheader("Your first ten minutes")
    for number, (page, title, icon, text) in enumerate(STEPS, start=1):
        cols = st.columns([1, 4])
        with cols[0]:
            link_to(page, f"{number}. {title}", icon)
        cols[1].write(text)
