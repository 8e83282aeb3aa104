"""`postwerk review ...`: client review links.

postwerk review create --brand KIT --from 2026-12-07 --to 2026-12-13 [--expires-days 14] [--json]
postwerk review list [--json]
postwerk review revoke ID [--json]
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit
from assistant.errors import InputError

if TYPE_CHECKING:  # the queue (SQLAlchemy) loads only when a review command runs
    from assistant.review.links import ReviewLink
    from assistant.review.service import ReviewService


def _open() -> ReviewService:
    from assistant.review.service import open_review

    return open_review()

review_app = typer.Typer(
    help="Client review links: a client approves or asks for changes, without an account.",
    no_args_is_help=True,
)


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date; write YYYY-MM-DD, "
                         "e.g. 2026-12-07") from None


def _record(service: ReviewService, link: ReviewLink, *, with_url: bool) -> dict[str, object]:
    data: dict[str, object] = {
        "id": link.id, "kit_id": link.kit_id, "from": link.first_day.isoformat(),
        "to": link.last_day.isoformat(), "expires_at": link.expires_at.isoformat(),
        "state": link.state(service.clock())}
    if with_url:
        data["url"] = service.url(link)
    return data


@review_app.command("create")
def create_command(
    brand: str = typer.Option(..., "--brand", "-b", help="The brand kit id."),
    first: str = typer.Option(..., "--from", help="First day (YYYY-MM-DD)."),
    last: str = typer.Option(..., "--to", help="Last day (YYYY-MM-DD), included."),
    expires_days: int = typer.Option(14, "--expires-days", help="Days until the link stops."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Make a link that shows a client this brand's posts of these days."""
    service = _open()
    link = service.create(brand, _day(first, "--from"), _day(last, "--to"), expires_days)
    data = _record(service, link, with_url=True)
    emit(as_json, data, lambda: typer.echo(
        f"review link {link.id} for {link.kit_id} {data['from']}..{data['to']}, "
        f"valid until {link.expires_at:%Y-%m-%d %H:%M} UTC:\n{data['url']}"))


@review_app.command("list")
def list_command(as_json: bool = JSON_OPTION) -> None:
    """Every review link, newest first, with its state (active, expired, revoked)."""
    service = _open()
    rows = [_record(service, link, with_url=False) for link in service.links()]

    def render() -> None:
        if not rows:
            typer.echo("no review links yet; make one with `postwerk review create`")
        for row in rows:
            typer.echo(f"{row['id']}  {row['kit_id']:<24} {row['from']}..{row['to']}  "
                       f"{row['state']:<8} until {str(row['expires_at'])[:16]}")

    emit(as_json, rows, render)


@review_app.command("revoke")
def revoke_command(
    link_id: str = typer.Argument(..., metavar="ID", help="The link id (see `review list`)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Withdraw a link at once: opening it shows only that it was withdrawn."""
    service = _open()
    link = service.revoke(link_id)
    emit(as_json, _record(service, link, with_url=False),
         lambda: typer.echo(f"review link {link.id} revoked"))


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
