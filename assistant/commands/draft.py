"""`postwerk draft` and `postwerk week` (the planner's command lives beside it)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit, split_option
from assistant.models import STATE_LABELS, Draft

STATUS_MARKS = {**{k: v.upper() for k, v in STATE_LABELS.items()}, "failed": "FAILED"}

if TYPE_CHECKING:
    from assistant.planner import Slot, WeekPlan
    from assistant.planner_run import WeekReport
    from assistant.queue import QueueItem


def _render(drafts: list[Draft]) -> None:
    from assistant.hashtags import compose_text

    for d in drafts:
        mark = STATUS_MARKS[d.status]
        voice = f", voice {d.voice_score:.0f}/100" if d.voice_score is not None else ""
        typer.echo(f"== {d.platform} [{mark}]{voice}")
        if d.voice_note:
            typer.echo(f"-- voice: {d.voice_note}")
        typer.echo(compose_text(d.text, d.hashtags))
        if d.first_comment:
            typer.echo(f"-- first comment: {d.first_comment}")
        for p in d.problems:
            typer.echo(f"  ! {p.severity.value}: {p.code}: {p.message}")
        typer.echo("")
    if drafts:
        typer.echo(f"written by {drafts[0].endpoint}")


def draft(
    brand: str = typer.Option(..., "--brand", help="Kit id (see `postwerk brand list`)."),
    brief: str = typer.Option(..., "--brief", help="What the post is about."),
    platform: list[str] = typer.Option(
        [], "--platform", help="Platform id; repeat for several (default: the kit's channels)."
    ),
    lang: str | None = typer.Option(None, "--lang", help="de or en (default: the kit's)."),
    variants: int = typer.Option(1, "--variants", help="Versions per platform (1-5)."),
    sponsored: bool = typer.Option(False, "--sponsored", help="A paid partnership (ad label)."),
    link: str | None = typer.Option(None, "--link", help="A link to put in the posts (UTM added)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Draft posts for a brief in the brand's voice, checked for every platform."""
    from assistant.brand.kit import load_kit
    from assistant.drafting import draft_posts
    from assistant.errors import InputError

    kit = load_kit(brand)
    platforms = split_option(platform, "--platform") or [c.platform for c in kit.channels]
    if not platforms:
        raise InputError(f"kit {brand!r} has no channels; pass --platform ID")
    drafts = draft_posts(
        kit, brief, platforms, language=lang, variants=variants, sponsored=sponsored, link=link
    )
    emit(as_json, drafts, lambda: _render(drafts))
    if any(d.state != "ready" for d in drafts):
        raise typer.Exit(1)  # a person must read (needs a look) or fix (problems) something


def _parse_day(value: str) -> date:
    from assistant.errors import InputError

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"--start {value!r} is not a date; write YYYY-MM-DD, e.g. 2026-12-07"
        ) from None


def week(
    brand: str = typer.Option(..., "--brand", help="Kit id."),
    start: str = typer.Option(..., "--start", help="First day, YYYY-MM-DD (today or later)."),
    days: int = typer.Option(7, "--days", help="How many days to plan (1-31)."),
    platform: list[str] = typer.Option([], "--platform", help="Limit to these platforms."),
    theme: str | None = typer.Option(None, "--theme", help="A theme for the week's posts."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Only show the plan; draft nothing."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Plan a week for every channel and draft every slot into the queue."""
    from assistant.brand.kit import load_kit
    from assistant.planner_run import generate_week, make_plan

    kit = load_kit(brand)
    day, platforms = _parse_day(start), split_option(platform, "--platform")
    plan = make_plan(kit, day, days=days, platforms=platforms or None, theme=theme)
    if dry_run:
        emit(as_json, plan, lambda: _render_plan(plan))
        return

    def progress(slot: Slot, state: str, item: QueueItem | None) -> None:
        if not as_json and state in {"done", "failed", "kept"}:
            typer.echo(f"  {state:6} {slot.key}", err=True)

    report = generate_week(kit, plan, progress=progress)
    payload = {
        "plan": plan,
        "created": report.created,
        "kept": report.skipped,
        "failed": report.failed,
        "usage": report.usage,
    }
    emit(as_json, payload, lambda: _render_report(report))
    if report.failed or any(i.status != "draft" or i.state != "ready" for i in report.created):
        raise typer.Exit(1)


def _render_plan(plan: WeekPlan) -> None:
    for s in plan.slots:
        extra = f"  [{s.holiday}]" if s.holiday else ""
        typer.echo(
            f"{s.scheduled_at:%a %d.%m. %H:%M}  {s.platform:15} {s.pillar}: {s.angle}{extra}"
        )
    for note in plan.notes:
        typer.echo(f"! {note}")


def _render_report(report: WeekReport) -> None:
    for item in report.items:
        state = "FAILED" if item.status == "failed" else STATE_LABELS[item.state]
        first = (item.text or item.error or "").split("\n")[0][:70]
        typer.echo(
            f"#{item.id:<4} {item.local_time:%a %d.%m. %H:%M} {item.platform:15} {state:12} {first}"
        )
    typer.echo(
        f"{len(report.created)} drafted, {len(report.skipped)} kept, "
        f"{len(report.failed)} failed; {report.usage.total_tokens} tokens in "
        f"{report.usage.calls} calls"
    )


def register(app: typer.Typer) -> None:
    app.command("draft")(draft)
    app.command("week")(week)
