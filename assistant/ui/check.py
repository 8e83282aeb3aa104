"""Check: paste a post and see it measured the way each platform measures it."""

from __future__ import annotations

import html

import streamlit as st

from assistant.hashtags import tag_key
from assistant.models import PostCheck
from assistant.platforms import (
    PLATFORM_IDS,
    FixResult,
    check_post,
    checkable_text,
    fix_post,
    get_platform,
)
from assistant.ui.common import attempt, page_header

DEFAULT_PLATFORMS = list(PLATFORM_IDS)
_BAR = (
    '<div style="background:#e6e6e6;border-radius:4px;height:10px;width:100%">'
    '<div style="background:{colour};width:{width:.1f}%;height:10px;border-radius:4px"></div>'
    "</div>"
)


def _name(pid: str) -> str:
    return get_platform(pid).name


def _bar(value: int, limit: int, label: str) -> None:
    """A length bar against the limit: green, amber from 90 %, red over the limit."""
    share = value / limit if limit else 0.0
    colour = "#d33" if value > limit else "#e0a100" if share >= 0.9 else "#2a9d4b"
    st.markdown(_BAR.format(colour=colour, width=min(share, 1.0) * 100), unsafe_allow_html=True)
    over = f" — :red[**{value - limit} over**]" if value > limit else ""
    st.caption(f"{value} / {limit} {label}{over}")


def _fold(text: str, check: PostCheck) -> None:
    """The part shown before "more", set off from the rest."""
    fold_at = check.details.get("fold_at")
    if not isinstance(fold_at, int):
        return
    before, after = html.escape(text[:fold_at]), html.escape(text[fold_at:])
    marker = '<span style="color:#888">… more ▾</span>' if after else ""
    st.markdown(
        f'<div style="white-space:pre-wrap;font-size:0.9em;border-left:3px solid #2a9d4b;'
        f'padding-left:8px"><b>{before}</b>{marker}'
        f'<span style="color:#999">{after}</span></div>',
        unsafe_allow_html=True,
    )
    st.caption(f"Bold: the first {check.details.get('fold')} characters, shown before 'more'.")


def _chips(tags: list[str]) -> None:
    if not tags:
        return
    counts: dict[str, int] = {}
    for tag in tags:
        counts[tag_key(tag)] = counts.get(tag_key(tag), 0) + 1
    chips = [
        f":{'orange' if counts[tag_key(t)] > 1 else 'blue'}-badge[\\#{t}]"
        for t in dict.fromkeys(tags)
    ]
    st.markdown(" ".join(chips))


def _problems(check: PostCheck) -> None:
    if not check.problems:
        st.success("Fits: nothing to fix.", icon=":material/check_circle:")
    for problem in check.problems:
        show = st.error if problem.is_error else st.warning
        show(f"**{problem.severity.value}** · `{problem.code}` — {problem.message}")


def _card(pid: str, text: str, check: PostCheck, fixed: FixResult | None) -> None:
    platform = get_platform(pid)
    with st.container(border=True):
        status = "✅ valid" if check.ok else f"❌ {len(check.errors)} error(s)"
        st.markdown(f"#### {platform.name}  \n{status}, {len(check.warnings)} warning(s)")
        _bar(check.length, check.limit, platform.unit_label)
        size, budget = check.details.get("bytes"), check.details.get("byte_limit")
        if isinstance(size, int) and isinstance(budget, int):
            _bar(size, budget, "bytes (UTF-8)")
        _fold(text, check)
        tags = check.details.get("hashtags")
        _chips([str(t) for t in tags] if isinstance(tags, list) else [])
        _problems(check)
        if fixed is not None:
            _fixed(fixed)


def _fixed(fixed: FixResult) -> None:
    st.markdown("**After safe fixes**")
    if not fixed.applied:
        st.caption("No safe fix applies; what is left needs an edit by hand.")
        return
    st.caption("; ".join(fixed.applied))
    st.code(fixed.text, language=None, wrap_lines=True)
    left = len(fixed.check.problems)
    st.caption(f"{fixed.check.length} / {fixed.check.limit}; {left} problem(s) left.")


def _inputs() -> tuple[str, list[str], list[str], str]:
    text = st.text_area("Post text", key="check_text", height=200, placeholder="Paste a post…")
    chosen = st.multiselect(
        "Platforms",
        PLATFORM_IDS,
        default=DEFAULT_PLATFORMS,
        format_func=_name,
        key="check_platforms",
    )
    with st.expander("Fix options"):
        required = st.text_input(
            "Required hashtags (kept first when trimming)",
            key="check_required",
            placeholder="Kaffeerösterei, Hamburg",
        )
        bio = st.text_input("Line that replaces dead links", "Link in bio", key="check_bio")
    tags = [t.strip() for t in required.replace("#", " ").replace(",", " ").split() if t.strip()]
    return text, chosen, tags, bio


def render() -> None:
    page_header(
        "Check",
        "Paste a post and see it measured the way each platform measures it: length, fold, "
        "hashtags, links, and what to fix.",
    )
    text, chosen, required, bio = _inputs()
    if not text.strip():
        st.info("Paste a post above to check it for every platform you pick.")
        return
    if not chosen:
        st.info("Pick at least one platform.")
        return
    if attempt(checkable_text, text) is None:
        return  # one message for the whole text, not one per platform
    if st.button("Apply safe fixes", type="primary", key="check_fix"):
        st.session_state["check_fixed_for"] = text
    show_fixes = st.session_state.get("check_fixed_for") == text
    columns = st.columns(2)
    for index, pid in enumerate(chosen):
        check = attempt(check_post, pid, text, required_hashtags=required)
        if check is None:
            continue
        fixed = attempt(fix_post, pid, text, required_hashtags=required, link_in_bio=bio)
        with columns[index % 2]:
            _card(pid, text, check, fixed if show_fixes else None)
