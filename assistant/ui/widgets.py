"""Post widgets shared by Compose, Week and Queue: a platform-looking preview with the
fold marker, a length bar, hashtag chips and the problems of a check."""

from __future__ import annotations

import html

import streamlit as st

from assistant.models import PostCheck, Problem

PREVIEW_CSS = """
<style>
.pw-post{border:1px solid #d9dde3;border-radius:12px;padding:12px 14px;background:#fff;
 font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.45}
.pw-head{display:flex;align-items:center;gap:8px;margin-bottom:8px}
.pw-avatar{width:32px;height:32px;border-radius:50%;background:#1f6f5c;color:#fff;
 display:flex;align-items:center;justify-content:center;font-weight:700}
.pw-name{font-weight:600}.pw-handle{color:#657786;font-size:12px}
.pw-text{white-space:pre-wrap;word-break:break-word}
.pw-fold{color:#8a94a0}.pw-more{color:#657786;font-weight:600}
.pw-tag{color:#1d6fb8}
</style>
"""


def _escaped_with_tags(text: str, tags: list[str]) -> str:
    out = html.escape(text)
    for tag in sorted(set(tags), key=len, reverse=True):
        escaped = html.escape(f"#{tag}")
        out = out.replace(escaped, f'<span class="pw-tag">{escaped}</span>')
    return out


def word_cut(text: str, fold_at: int) -> int:
    """Where the feed's "… more" goes: after the last whole word before ``fold_at`` (a
    word or hashtag is not split: "#Möwenbohn … more e" was the preview of 2026-12-04),
    or at ``fold_at`` when its first word alone is longer."""
    if fold_at >= len(text) or text[fold_at].isspace():
        return fold_at
    space = max(text.rfind(" ", 0, fold_at), text.rfind("\n", 0, fold_at))
    return space if space > 0 else fold_at


def post_preview(text: str, check: PostCheck, brand: str, handle: str) -> None:
    """The post as the feed shows it: the part after the fold greyed, "… more" marked."""
    tags = list(check.details.get("hashtags", []))  # type: ignore[call-overload]
    fold_at = check.details.get("fold_at")
    if isinstance(fold_at, int) and fold_at < len(text):
        cut = word_cut(text, fold_at)
        body = (
            _escaped_with_tags(text[:cut], tags)
            + '<span class="pw-more"> … more ▾ </span><span class="pw-fold">'
            + _escaped_with_tags(text[cut:], tags)
            + "</span>"
        )
    else:
        body = _escaped_with_tags(text, tags)
    initial = html.escape(brand[:1].upper() or "?")
    st.markdown(
        PREVIEW_CSS
        + f'<div class="pw-post"><div class="pw-head"><div class="pw-avatar">{initial}</div>'
        f'<div><div class="pw-name">{html.escape(brand)}</div>'
        f'<div class="pw-handle">{html.escape(handle)}</div></div></div>'
        f'<div class="pw-text">{body}</div></div>',
        unsafe_allow_html=True,
    )


def length_bar(check: PostCheck) -> None:
    """Length against the limit in the platform's own unit; red past the limit."""
    unit = check.details.get("unit_label", check.unit)
    share = check.length / check.limit if check.limit else 0.0
    label = f"{check.length} / {check.limit} {unit}"
    if check.length > check.limit:
        label += f" — {check.length - check.limit} over"
    st.progress(min(share, 1.0), text=label)
    if "bytes" in check.details:
        st.caption(f"{check.details['bytes']} / {check.details['byte_limit']} bytes (UTF-8)")
    if isinstance(check.details.get("fold"), int):
        st.caption(f"“more” fold after {check.details['fold']} characters")


def hashtag_chips(tags: list[str]) -> None:
    if tags:
        st.markdown(" ".join(f":blue-badge[#{t}]" for t in tags))
    else:
        st.caption("no hashtags")


def problem_list(problems: list[Problem]) -> None:
    if not problems:
        st.success("Ready: the platform would accept it and the brand would sign it.", icon="✅")
        return
    for p in problems:
        show = st.error if p.is_error else st.warning
        show(f"**{p.code}**: {p.message}", icon="⛔" if p.is_error else "⚠️")


# one colour per state, the same on every page (Compose, Week, Queue)
STATE_BADGES = {"ready": ":green-badge[ready]", "needs_look": ":orange-badge[needs a look]",
                "problems": ":red-badge[problems]", "failed": ":red-badge[failed]"}
STATE_ICONS = {"ready": "🟢", "needs_look": "🟠", "problems": "🔴"}


def state_badge(state: str) -> str:
    """Markdown badge for a draft's or item's state (``failed`` for a draft that failed)."""
    return STATE_BADGES[state]
