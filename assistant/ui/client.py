"""The client's page (opened through a review link, without the app's navigation): each post
of one brand and date range as its platform shows it, with its images; Approve or Request
changes per post with a comment, the client's name typed once, and "approve all".

Everything comes from the token in the URL: the service checks it on every run and limits
every read and write to its kit and days; a bad token shows one line and nothing else.
"""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.platforms import check_post, get_platform
from assistant.queue import QueueItem
from assistant.review.gate import (
    client_approved,
    comment_of,
    content_mark,
    open_change_request,
)
from assistant.review.service import DECIDABLE, ReviewScope, ReviewService, open_review
from assistant.ui import widgets
from assistant.ui.common import settings
from assistant.ui.review_links import plain


def _flash(message: str) -> None:
    st.session_state.setdefault("client_flash", []).append(message)


def _brand(scope: ReviewScope) -> tuple[str, dict[str, str]]:
    """The brand's name and its handle per platform (for the previews)."""
    from assistant.brand.kit import load_kit

    try:
        kit = load_kit(scope.link.kit_id)
    except AssistantError:
        return scope.link.kit_id, {}
    return kit.name, {c.platform: c.handle for c in kit.channels}


def _state(item: QueueItem) -> str:
    if client_approved(item):
        return ":green-badge[approved by you]"
    request = open_change_request(item)
    if request is not None:
        return ":orange-badge[changes requested]"
    return ":gray-badge[posted]" if item.status == "posted" else ":blue-badge[waiting for you]"


def _images(service: ReviewService, item: QueueItem) -> None:
    store = service.queue.media_store
    files = [store.resolve(p) for p in item.media] if store is not None else []
    shown = [str(f) for f in files if f is not None]
    if shown:
        st.image(shown, width=180, caption=[item.alt_text or ""] * len(shown))


def _decide(service: ReviewService, token: str, item_id: int, mark: str, decision: str,
            done: str) -> None:
    """Button callback: its arguments were bound when the post was drawn, so ``mark`` is
    the version the client saw, even if the post changed before the click."""
    comment = st.session_state.get(f"cc_{item_id}", "")
    name = st.session_state.get("client_name", "")
    try:
        service.decide(token, item_id, name, decision, comment, seen=mark)
    except AssistantError as exc:
        st.session_state["client_error"] = str(exc)
        return
    _flash(done)


def _post(service: ReviewService, token: str, item: QueueItem, brand: str,
          handles: dict[str, str]) -> None:
    platform = get_platform(item.platform)
    with st.container(border=True):
        st.markdown(f"**{item.local_time:%a %d.%m. %H:%M}** · {platform.name} · {_state(item)}")
        text = item.full_text
        widgets.post_preview(text, check_post(item.platform, text), brand,
                             handles.get(item.platform, brand))
        if item.first_comment:
            st.caption(f"First comment: {item.first_comment}")
        _images(service, item)
        request = open_change_request(item)
        if request is not None:
            st.caption(f"Your request ({plain(request.actor)}): {plain(comment_of(request))}")
        if item.status not in DECIDABLE:
            return
        st.text_input("Comment (optional for Approve)", key=f"cc_{item.id}")
        cols = st.columns([1, 1, 3])
        what = f"{platform.name} post of {item.local_time:%d.%m.}"
        bound = (service, token, item.id or 0, content_mark(item))
        cols[0].button("Approve", key=f"ca_{item.id}", type="primary", on_click=_decide,
                       args=(*bound, "approve", f"{what} approved."))
        cols[1].button("Request changes", key=f"cr_{item.id}", on_click=_decide,
                       args=(*bound, "changes", f"{what} sent back with your comment."))


def _approve_all_clicked(service: ReviewService, token: str, seen: dict[int, str]) -> None:
    try:
        result = service.approve_all(token, st.session_state.get("client_name", ""),
                                     seen=seen)
    except AssistantError as exc:
        st.session_state["client_error"] = str(exc)
        return
    if result.refused:
        st.session_state["client_error"] = " ".join(sorted(set(result.refused.values())))
    _flash(f"{len(result.done)} post(s) approved.")


def _approve_all(service: ReviewService, token: str, items: list[QueueItem]) -> None:
    waiting = {i.id: content_mark(i) for i in items
               if i.id is not None and i.status in DECIDABLE and not client_approved(i)}
    st.button(f"Approve all ({len(waiting)})", disabled=not waiting, type="primary",
              key="client_all", on_click=_approve_all_clicked, args=(service, token, waiting))


def render() -> None:
    token = str(st.query_params.get("review", ""))
    try:
        service = open_review(settings())
        scope = service.open(token)
        items = service.items(token)
    except AssistantError as exc:
        st.error(str(exc))
        return
    brand, handles = _brand(scope)
    st.title(f"Posts for review: {brand}")
    st.caption(f"{scope.link.first_day:%d.%m.%Y} – {scope.link.last_day:%d.%m.%Y} · "
               f"link valid until {scope.link.expires_at:%d.%m.%Y %H:%M} UTC")
    for message in st.session_state.pop("client_flash", []):
        st.success(message)
    if "client_error" in st.session_state:
        st.error(st.session_state.pop("client_error"))
    st.text_input("Your name (saved with each decision)", key="client_name")
    if not items:
        st.info("There are no posts in these days yet.")
        return
    _approve_all(service, token, items)
    for item in items:
        _post(service, token, item, brand, handles)
