"""Week: one click drafts a whole week for every channel; review, fix and approve it here."""

from __future__ import annotations

import queue
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar

import streamlit as st

from assistant.brand.kit import BrandKit
from assistant.hashtags import compose_text
from assistant.models import Brief
from assistant.planner import Slot, WeekPlan
from assistant.platforms import PLATFORM_IDS, get_platform
from assistant.queue import QueueItem, QueueService, open_queue
from assistant.review.service import with_history
from assistant.ui import widgets
from assistant.ui.common import attempt, page_header, pick_kit, settings
from assistant.ui.progress import with_progress
from assistant.ui.review_links import client_note, link_panel

STATE_ICONS = {"queued": "⏳", "drafting": "✍️", "done": "✅", "failed": "⛔", "kept": "↺"}
T = TypeVar("T")


def _queue() -> QueueService:
    return open_queue(settings())


def _on_queue(action: Callable[[QueueService], T]) -> T | None:
    """Open the queue and run one call on it, both inside the error guard."""
    return attempt(lambda: action(_queue()))


def _refresh_if(done: object) -> None:
    """Rerun to show a change; after a refusal stay, so that its error stays on screen."""
    if done is not None:
        st.rerun()


def _inputs(kit: BrandKit) -> tuple[date, int, list[str], str | None]:
    today = datetime.now(settings().zone).date()
    next_monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    cols = st.columns([1, 1, 3, 2])
    start = cols[0].date_input("Start", next_monday, min_value=today, key="week_start")
    days = int(cols[1].number_input("Days", 1, 31, 7, key="week_days"))
    channels = [c.platform for c in kit.channels]
    platforms = cols[2].multiselect(
        "Channels",
        PLATFORM_IDS,
        default=channels,
        format_func=lambda p: get_platform(p).name,
        key="week_pf",
    )
    theme = cols[3].text_input("Theme (optional)", key="week_theme") or None
    return start, days, platforms, theme


def _generate(kit: BrandKit, plan: WeekPlan) -> None:
    from assistant.planner_run import WeekReport, generate_week

    bar = st.progress(0.0, text=f"0 of {len(plan.slots)} slots")
    finished: list[str] = []
    # generate_week reports from its worker thread; only the script thread may draw
    events: queue.SimpleQueue[tuple[Slot, str, QueueItem | None]] = queue.SimpleQueue()

    def show() -> None:
        while not events.empty():
            slot, state, item = events.get()
            finished.append(slot.key)
            bar.progress(len(finished) / len(plan.slots),
                         text=f"{len(finished)} of {len(plan.slots)} slots")
            error = f" — {item.error}" if item is not None and item.error else ""
            st.write(f"{STATE_ICONS[state]} {slot.scheduled_at:%a %d.%m. %H:%M} "
                     f"{get_platform(slot.platform).name}: {slot.pillar}{error}")

    def progress(slot: Slot, state: str, item: QueueItem | None) -> None:
        if state in {"done", "failed", "kept"}:
            events.put((slot, state, item))

    label = f"Drafting {len(plan.slots)} posts…"
    with st.status(label, expanded=True) as status:

        def run(service: QueueService) -> WeekReport:
            # a slow model shows tokens/s and the time left in the label, as on Compose
            return with_progress(status, label, settings(),
                                 lambda: generate_week(kit, plan, queue=service,
                                                       progress=progress), on_poll=show)

        report = _on_queue(run)
        show()
        if report is None:
            status.update(label="Generate week stopped; finished posts are kept.", state="error")
            return
        label = (
            f"{len(report.created)} drafted, {len(report.skipped)} kept, "
            f"{len(report.failed)} failed"
        )
        status.update(label=label, state="error" if report.failed else "complete", expanded=False)


def _errors(item: QueueItem) -> list[str]:
    return [p.message for p in item.problems if p.is_error]


def _item_actions(kit: BrandKit, item: QueueItem) -> None:
    assert item.id is not None
    text = st.text_area("Text", item.text, key=f"wtext_{item.id}", height=150)
    cols = st.columns(3)
    item_id = item.id
    if cols[0].button("Save", key=f"wsave_{item_id}") and text != item.text:
        _refresh_if(_on_queue(lambda q: q.edit(item_id, text=text)))
    if item.status == "draft" and cols[1].button("Approve", key=f"wapp_{item_id}", type="primary"):
        _refresh_if(_on_queue(lambda q: q.approve(item_id)))
    label = "Retry" if item.status == "failed" else "Regenerate"
    if item.status in {"draft", "failed"} and cols[2].button(label, key=f"wregen_{item_id}"):
        _refresh_if(_regenerate(kit, item))


def _regenerate(kit: BrandKit, item: QueueItem) -> QueueItem | None:
    from assistant.drafting import draft_posts

    drafts = attempt(draft_posts, kit, Brief(text=item.brief or item.text), [item.platform])
    if not drafts:
        return None
    item_id = item.id
    assert item_id is not None  # cards are only drawn for stored items
    return _on_queue(lambda q: q.replace_with_draft(item_id, drafts[0]))


def _card(kit: BrandKit, item: QueueItem) -> None:
    with st.container(border=True):
        errors = _errors(item)
        badge = {
            "failed": ":red-badge[failed]",
            "approved": ":green-badge[approved]",
            "posted": ":gray-badge[posted]",
        }.get(item.status) or widgets.state_badge(item.state)
        st.markdown(f"**{item.local_time:%H:%M} {get_platform(item.platform).name}** {badge}")
        body = item.text or item.error or ""
        st.caption(body[:110] + ("…" if len(body) > 110 else ""))
        client_note(item)
        with st.popover("Open", use_container_width=True):
            st.code(compose_text(item.text, item.hashtags), language=None, wrap_lines=True)
            for message in errors:
                st.error(message)
            for problem in item.problems:
                if not problem.is_error:
                    st.warning(f"{problem.code}: {problem.message}")
            if item.error:
                st.error(item.error)
            _item_actions(kit, item)


def _calendar(kit: BrandKit, start: date, days: int) -> list[QueueItem]:
    zone = settings().zone
    begin = datetime.combine(start, datetime.min.time(), tzinfo=zone)
    end = begin + timedelta(days=days)
    # with history: the cards show the client's latest word
    items = _on_queue(lambda q: with_history(q, q.list(kit_id=kit.id, start=begin, end=end)))
    items = [i for i in items or [] if i.status != "archived"]
    if not items:
        st.info("Nothing planned in these days yet: press **Generate week**.")
        return []
    day_list = [start + timedelta(days=i) for i in range(days)]
    for offset in range(0, days, 7):
        week = day_list[offset : offset + 7]
        columns = st.columns(len(week))
        for col, day in zip(columns, week, strict=True):
            with col:
                st.markdown(f"**{day:%a %d.%m.}**")
                for item in (i for i in items if i.local_time.date() == day):
                    _card(kit, item)
    return items


def _approve_all(items: list[QueueItem]) -> None:
    """Only ``ready`` drafts, unless the person ticks that they read the ones needing a look."""
    drafts = [i for i in items if i.status == "draft" and i.id is not None]
    ready = [i.id or 0 for i in drafts if i.state == "ready"]
    looked = [i.id or 0 for i in drafts if i.state == "needs_look"]
    include = bool(looked) and st.checkbox(
        f"Also approve the {len(looked)} post(s) that need a look: I read them",
        key="week_include_needs_look")
    chosen = ready + looked if include else ready
    label = f"Approve all ready and read ({len(chosen)})" if include else (
        f"Approve all ready ({len(ready)})")
    if st.button(label, disabled=not chosen, type="primary"):
        result = _on_queue(lambda q: q.approve_many(chosen, include_needs_look=include))
        if result is None:
            return
        for message in result.refused.values():
            st.error(message)
        st.toast(f"{len(result.done)} approved, {len(result.refused)} refused")
        if not result.refused:  # a refusal's reason must stay readable
            st.rerun()


def render() -> None:
    page_header(
        "Week",
        "One click plans and drafts a week of posts for every channel; "
        "then review, fix and approve them here.",
    )
    kit = pick_kit()
    if kit is None:
        return
    start, days, platforms, theme = _inputs(kit)
    cols = st.columns([1, 1, 4])
    preview = cols[1].button("Show plan")
    generate = cols[0].button("Generate week", type="primary", disabled=not platforms)
    if preview or generate:
        from assistant.planner_run import make_plan

        plan = attempt(make_plan, kit, start, days=days, platforms=platforms, theme=theme)
        if plan is not None:
            for note in plan.notes:
                st.warning(note)
            if plan.holidays:
                st.caption(
                    "Holidays: " + ", ".join(f"{d:%d.%m.} {n}" for d, n in plan.holidays.items())
                )
            if generate:
                _generate(kit, plan)
            else:
                st.dataframe(
                    [
                        {
                            "when": f"{s.scheduled_at:%a %d.%m. %H:%M}",
                            "channel": s.platform,
                            "pillar": s.pillar,
                            "angle": s.angle,
                            "holiday": s.holiday or "",
                        }
                        for s in plan.slots
                    ],
                    hide_index=True,
                )
    link_panel([kit.id], kit.id, "week")
    items = _calendar(kit, start, days)
    if items:
        _approve_all(items)
