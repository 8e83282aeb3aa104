"""Client review on the marketer's pages (Week and Queue): a small expander to make, list
and revoke review links, and the client's latest word on a post's card."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import streamlit as st

from assistant.queue import QueueItem
from assistant.review.gate import client_approved, comment_of, open_change_request
from assistant.review.service import ReviewService, open_review
from assistant.ui.common import attempt, settings


def link_panel(kit_ids: list[str], current: str | None, key: str) -> None:
    """Make a link for one brand and date range; the links made so far, revocable."""
    with st.expander("Client review link", icon=":material/rate_review:"):
        if not kit_ids:
            st.info("Create a brand kit first.")
            return
        today = datetime.now(settings().zone).date()
        cols = st.columns([3, 2, 2, 1])
        kit = cols[0].selectbox("Brand", kit_ids, key=f"{key}_rkit",
                                index=kit_ids.index(current) if current in kit_ids else 0)
        first = cols[1].date_input("From", today, key=f"{key}_rfrom", format="YYYY-MM-DD")
        last = cols[2].date_input("To", today + timedelta(days=6), key=f"{key}_rto",
                                  format="YYYY-MM-DD")
        days = int(cols[3].number_input("Valid days", 1, 365, 14, key=f"{key}_rexp"))
        service = attempt(open_review, settings())
        if service is None:
            return
        if st.button("Create link", key=f"{key}_rmake", icon=":material/link:"):
            link = attempt(service.create, kit, first, last, days)
            if link is not None:
                st.success("Send this link to the client (it shows only these posts):")
                st.code(service.url(link), language=None, wrap_lines=True)
        _links(service, key)


def _links(service: ReviewService, key: str) -> None:
    links = attempt(service.links) or []
    if not links:
        return
    now = service.clock()
    st.dataframe([{"id": link.id, "brand": link.kit_id,
                   "days": f"{link.first_day:%d.%m.} – {link.last_day:%d.%m.%Y}",
                   "until": f"{link.expires_at:%Y-%m-%d %H:%M} UTC", "state": link.state(now)}
                  for link in links], hide_index=True, width="stretch")
    active = [link.id for link in links if link.state(now) == "active"]
    cols = st.columns([2, 1])
    chosen = cols[0].selectbox("Link to revoke", active, key=f"{key}_rrev",
                               label_visibility="collapsed", placeholder="Link to revoke")
    if cols[1].button("Revoke", key=f"{key}_rrevoke", disabled=not active) and chosen:
        if attempt(service.revoke, chosen) is not None:
            st.rerun()


def plain(text: str) -> str:
    """A client's words shown as typed: no markdown (links, images, HTML) from outside."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", text)


def client_note(item: QueueItem) -> None:
    """The client's latest decision on this post, as the marketer must see it."""
    request = open_change_request(item)
    if request is not None:
        st.warning(f"**Client asks for changes** ({plain(request.actor)}, "
                   f"{request.at:%d.%m. %H:%M} UTC): {plain(comment_of(request))}",
                   icon=":material/rate_review:")
    elif client_approved(item):
        st.caption(":green-badge[client approved this version]")


def change_requests(items: list[QueueItem]) -> None:
    """Every post the client sent back, each as a card with its comment."""
    open_items = [i for i in items if open_change_request(i) is not None]
    if not open_items:
        return
    st.subheader(f"Client feedback ({len(open_items)})")
    for item in open_items:
        with st.container(border=True):
            st.markdown(f"**{item.local_time:%a %d.%m. %H:%M}** · {item.platform} · "
                        f"`{item.kit_id}` · #{item.id} · {item.status}")
            st.code(item.full_text, language=None, wrap_lines=True)
            client_note(item)
