"""Settings: where data lives, which model drafts are sent to, and a connection test."""

from __future__ import annotations

import streamlit as st

from assistant.config import Settings
from assistant.llm import model_status
from assistant.logs import log_path
from assistant.redact import mask_url
from assistant.ui.common import attempt, page_header, settings


def _overview(s: Settings) -> None:
    if s.uses_local_model:
        where = "the embedded local model on this machine (no data leaves it)"
        model = str(s.local_model_path or "bundled Qwen2.5-Coder-1.5B-Instruct (Q4_K_M)")
    else:
        where = f"{s.shown_llm_url} (drafts, briefs and brand examples are sent there)"
        model = s.llm_model or "provider default"
    rows = {
        "Drafts are written by": where,
        "Model": model,
        "API key": "set" if s.api_key else "not set",
        "Data directory": str(s.data_dir.resolve()),
        "Brand kits": str(s.kits_dir.resolve()),
        "Queue database": mask_url(s.queue_url),
        "Log file (for error reports; no keys in it)": str(log_path(s.data_dir).resolve()),
        "Time zone": s.timezone,
    }
    st.table({"setting": list(rows), "value": list(rows.values())})
    st.caption(
        "Change these with environment variables (POSTWERK_*), a .env file or "
        ".streamlit/secrets.toml; see the README's configuration table."
    )


def render() -> None:
    page_header(
        "Settings", "Where your data lives, which model writes your drafts, and whether it answers."
    )
    s = settings()
    _overview(s)
    st.subheader("Test connection")
    if s.uses_local_model:
        st.caption("The first test starts the embedded model (a few seconds; once per app start).")
    if st.button("Test connection", type="primary"):
        with st.spinner("Asking the model for a one-word reply…"):
            status = attempt(model_status, s)
        if status is not None:
            st.success(f"Connected: {status.model} answered in {status.latency_ms:.0f} ms.")
            cols = st.columns(3)
            cols[0].metric("Latency", f"{status.latency_ms:.0f} ms")
            cols[1].metric("Sample reply", status.reply or "(empty)")
            if status.local:
                verified = "verified" if status.sha256_verified else "not verified"
                cols[2].metric("Model file SHA-256", verified)
                st.caption(f"Model file: {status.model_path}")
