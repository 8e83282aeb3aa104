"""Compose: a brief in, one checked post per platform out, edited, copied or queued."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import streamlit as st

from assistant.brand.kit import BrandKit
from assistant.drafting import draft_posts
from assistant.drafting_post import recheck_edit
from assistant.drafting_request import rescore_voice
from assistant.hashtags import compose_text, dedupe
from assistant.models import Draft, MediaInfo, state_summary
from assistant.platforms import PLATFORM_IDS, check_post, get_platform
from assistant.ui import widgets
from assistant.ui.common import attempt, link_to, page_header, pick_kit, settings
from assistant.ui.progress import with_progress

STATE = "compose_drafts"


def _media() -> dict[str, list[MediaInfo]]:
    """Images attached on the Images page, per platform (each platform gets its own cut)."""
    attached = st.session_state.get("attached_media") or []
    out: dict[str, list[MediaInfo]] = {}
    for m in attached:
        try:
            info = MediaInfo(format=m["format"], bytes=m["bytes"], width=m["width"],
                             height=m["height"], path=m.get("path"), alt_text=m.get("alt_text"))
        except (KeyError, TypeError, ValueError):
            continue
        out.setdefault(str(m.get("platform")), []).append(info)
    return out


def _form(kit: BrandKit) -> dict[str, Any] | None:
    channels = [c.platform for c in kit.channels] or ["instagram", "linkedin"]
    with st.form("brief"):
        brief = st.text_area(
            "Brief",
            placeholder="What should the post say? e.g. Neue Bohne aus "
            "Äthiopien, ab Freitag im Kontor",
            height=100,
        )
        cols = st.columns([3, 1, 1])
        platforms = cols[0].multiselect(
            "Platforms", PLATFORM_IDS, default=channels, format_func=lambda p: get_platform(p).name
        )
        language = cols[1].selectbox("Language", kit.languages)
        variants = cols[2].number_input("Variants", 1, 3, 1)
        cols = st.columns([3, 1])
        link = cols[0].text_input("Link (optional; UTM is added)")
        sponsored = cols[1].checkbox("Sponsored (ad label)")
        attached = _media()
        if attached:
            st.caption(f"Images attached from the Images page for: {', '.join(sorted(attached))}.")
        submitted = st.form_submit_button("Draft posts", type="primary")
    if not submitted:
        return None
    return {
        "brief": brief,
        "platforms": platforms,
        "language": language,
        "variants": int(variants),
        "link": link or None,
        "sponsored": sponsored,
        "media": attached,
    }


def _store(drafts: list[Draft]) -> None:
    st.session_state[STATE] = [d.model_dump(mode="json") for d in drafts]


def _drafts() -> list[Draft]:
    return [Draft.model_validate(d) for d in st.session_state.get(STATE, [])]


def _run(kit: BrandKit, req: dict[str, Any]) -> None:
    s = settings()
    where = "the embedded local model" if s.uses_local_model else s.shown_llm_url
    label = f"Drafting with {where}…"

    def make() -> list[Draft]:
        return draft_posts(kit, req["brief"], req["platforms"], language=req["language"],
                           variants=req["variants"], sponsored=req["sponsored"],
                           link=req["link"], media=req["media"])

    with st.status(label, expanded=False) as status:
        # a slow model shows its progress (tokens/s, time left) in the label
        drafts = attempt(with_progress, status, label, s, make)
        if drafts is None:
            status.update(label="Drafting failed; your brief is kept above.", state="error")
            return
        status.update(label=state_summary(d.status for d in drafts), state="complete")
    st.session_state["compose_request"] = req
    _store(drafts)


def _on_edit(kit: BrandKit, index: int) -> None:
    drafts = _drafts()
    draft = drafts[index]
    text = st.session_state[f"text_{index}"]
    if text != draft.text and draft.model_text is None:
        draft.model_text = draft.text  # the first edit: what the model wrote is kept
    draft.text = text
    draft.hashtags = dedupe(st.session_state[f"tags_{index}"].replace(",", " ").split())
    checked = attempt(recheck_edit, kit, drafts, index)
    if checked is None:
        return  # e.g. a text over the length cap: the error is shown, the typed text kept
    checked[index] = attempt(rescore_voice, kit, checked[index]) or checked[index]
    _store(checked)


def _regenerate(kit: BrandKit, index: int) -> None:
    req = st.session_state.get("compose_request")
    drafts = _drafts()
    if not req:
        return
    new = attempt(
        draft_posts,
        kit,
        req["brief"],
        [drafts[index].platform],
        language=req["language"],
        sponsored=req["sponsored"],
        link=req["link"],
        media=req["media"],
    )
    if new:
        new[0].variant = drafts[index].variant
        drafts[index] = new[0]
        _store(drafts)
        for key in (f"text_{index}", f"tags_{index}"):
            st.session_state.pop(key, None)


def _queue(draft: Draft, when: datetime) -> None:
    from assistant.queue.service import open_queue

    item = attempt(lambda: open_queue(settings()).add_draft(draft, when, by="compose"))
    if item is not None:
        st.toast(f"Queued for {get_platform(draft.platform).name} as #{item.id} ({item.status}).")


def _actions(kit: BrandKit, index: int, draft: Draft) -> None:
    cols = st.columns(2)
    cols[0].button(
        "Regenerate",
        key=f"regen_{index}",
        on_click=_regenerate,
        args=(kit, index),
        help="A new draft for this platform only.",
    )
    with cols[1].popover("Add to queue"):
        tz = settings().zone
        day = st.date_input("Day", datetime.now(tz).date() + timedelta(days=1), key=f"day_{index}")
        at = st.time_input("Time", time(9, 0), key=f"time_{index}")
        if st.button("Queue it", key=f"queue_{index}", type="primary"):
            _queue(draft, datetime.combine(day, at, tzinfo=tz))


def _card(kit: BrandKit, index: int, draft: Draft) -> None:
    platform = get_platform(draft.platform)
    channel = kit.channel(draft.platform)
    full = compose_text(draft.text, draft.hashtags)
    check = check_post(draft.platform, full, media=draft.media)
    with st.container(border=True):
        badge = widgets.state_badge(draft.status)
        voice = f" · voice {draft.voice_score:.0f}/100" if draft.voice_score is not None else ""
        variant = f" · variant {draft.variant + 1}" if draft.variant else ""
        st.markdown(f"**{platform.name}** {badge}{voice}{variant}")
        if draft.voice_note:
            st.caption(f"Voice: {draft.voice_note}")
        left, right = st.columns([3, 2])
        with left:
            widgets.post_preview(full, check, kit.name, channel.handle if channel else kit.name)
            st.text_area(
                "Text",
                draft.text,
                key=f"text_{index}",
                height=160,
                on_change=_on_edit,
                args=(kit, index),
            )
            st.text_input(
                "Hashtags",
                " ".join(draft.hashtags),
                key=f"tags_{index}",
                on_change=_on_edit,
                args=(kit, index),
            )
        with right:
            widgets.length_bar(check)
            widgets.hashtag_chips(draft.hashtags)
            widgets.problem_list(draft.problems)
            st.caption("Copy (text + hashtags):")
            st.code(full, language=None, wrap_lines=True)
            if draft.first_comment:
                st.caption("First comment:")
                st.code(draft.first_comment, language=None, wrap_lines=True)
            _actions(kit, index, draft)


def render() -> None:
    page_header(
        "Compose",
        "Write a brief; get a post for every platform, in your brand's voice, "
        "measured the way each platform measures it.",
    )
    kit = pick_kit()
    if kit is None:
        return
    req = _form(kit)
    if req is not None:
        _run(kit, req)
    drafts = _drafts()
    if not drafts:
        st.caption("Tip: attach an image on the Images page first to get alt texts too.")
        link_to("images", "Images", ":material/photo_library:")
        return
    endpoint = drafts[0].endpoint
    st.caption(f"Written by {endpoint}. Edit a text and the checks run again.")
    for index, draft in enumerate(drafts):
        _card(kit, index, draft)
