"""`postwerk draft` and `postwerk week` (the planner's command lives beside it)."""

from __future__ import annotations

import typer

from assistant.commands.common import JSON_OPTION, emit
from assistant.models import Draft


def _render(drafts: list[Draft]) -> None:
    from assistant.hashtags import compose_text

    for d in drafts:
        mark = "OK" if d.status == "ok" else "PROBLEMS"
        voice = f", voice {d.voice_score:.0f}/100" if d.voice_score is not None else ""
        typer.echo(f"== {d.platform} [{mark}]{voice}")
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
    variants: int = typer.Option(1, "--variants", min=1, max=5),
    sponsored: bool = typer.Option(False, "--sponsored", help="A paid partnership (ad label)."),
    link: str | None = typer.Option(None, "--link", help="A link to put in the posts (UTM added)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Draft posts for a brief in the brand's voice, checked for every platform."""
    from assistant.brand.kit import load_kit
    from assistant.drafting import draft_posts
    from assistant.errors import InputError

    kit = load_kit(brand)
    platforms = platform or [c.platform for c in kit.channels]
    if not platforms:
        raise InputError(f"kit {brand!r} has no channels; pass --platform ID")
    drafts = draft_posts(
        kit, brief, platforms, language=lang, variants=variants, sponsored=sponsored, link=link
    )
    emit(as_json, drafts, lambda: _render(drafts))
    if any(d.status != "ok" for d in drafts):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("draft")(draft)
