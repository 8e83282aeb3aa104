"""`postwerk channels ...`: connected accounts that the worker publishes to.

postwerk channels connect --brand KIT --network NET --field key=value ... [--stdin] [--json]
postwerk channels list [--brand KIT] [--json]
postwerk channels test ID [--json]
postwerk channels remove ID [--json]

Credentials are checked with the network first, then stored encrypted (POSTWERK_SECRET_KEY
must be set); they are never printed again. ``--stdin`` reads ``key=value`` lines, so a token
need not appear in the shell history.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit, parse_id

if TYPE_CHECKING:
    from assistant.publish.channels import ChannelService
    from assistant.publish.models import ConnectedChannel

channels_app = typer.Typer(
    help="Connected channels (Mastodon, Bluesky, LinkedIn, webhook) the worker publishes to.",
    no_args_is_help=True,
)


def _open() -> ChannelService:
    from assistant.publish.channels import open_channels

    return open_channels()


def record(channel: ConnectedChannel, now: datetime | None = None) -> dict[str, object]:
    """A channel as shown: never its credentials."""
    now = now or datetime.now(UTC)
    return {
        "id": channel.id, "kit_id": channel.kit_id, "network": channel.network,
        "account": channel.account, "health": channel.health,
        "status": channel.health_line(now),
        "expires_at": channel.expires_at.isoformat() if channel.expires_at else None,
        "checked_at": channel.checked_at.isoformat() if channel.checked_at else None,
    }


def _line(row: dict[str, object]) -> str:
    return (f"#{row['id']}  {row['kit_id']:<24} {row['network']:<9} {row['account']!s:<30} "
            f"{row['status']}")


@channels_app.command("connect")
def connect_command(
    brand: str = typer.Option(..., "--brand", "-b", help="The brand kit id."),
    network: str = typer.Option(..., "--network", "-n",
                                help="mastodon, bluesky, linkedin or webhook."),
    fields: list[str] = typer.Option(  # noqa: B008 - typer's way to declare a list option
        [], "--field", "-f", help="A credential as key=value (repeat), e.g. "
        "base_url=https://mastodon.social, access_token=..., handle=..., app_password=..., "
        "url=https://... (webhook)."),
    from_stdin: bool = typer.Option(False, "--stdin", help="Read key=value lines from stdin."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Check the credentials with the network, then store them encrypted."""
    from assistant.brand.kit import load_kit
    from assistant.publish.channels import parse_fields

    load_kit(brand)  # a typo in the kit id fails here, before anything is sent
    pairs = list(fields)
    if from_stdin:
        pairs += [line.strip() for line in sys.stdin if line.strip()]
    channel = _open().connect(brand, network, parse_fields(pairs))
    row = record(channel)
    emit(as_json, row, lambda: typer.echo(f"connected: {_line(row)}"))


@channels_app.command("list")
def list_command(
    brand: str | None = typer.Option(None, "--brand", "-b", help="Only this kit."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Every connected channel with its health (ok, expires in N days, needs reconnect)."""
    rows = [record(c) for c in _open().list(brand)]

    def render() -> None:
        if not rows:
            typer.echo("no channels connected; see `postwerk channels connect --help`")
        for row in rows:
            typer.echo(_line(row))

    emit(as_json, rows, render)


@channels_app.command("test")
def test_command(
    channel_id: str = typer.Argument(..., metavar="ID", help="The channel id (see `list`)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """One authenticated call to the network; exit 1 when the channel is not usable."""
    channel = _open().test(parse_id(channel_id, "channel id"))
    row = record(channel)
    emit(as_json, row, lambda: typer.echo(_line(row)))
    if channel.health not in ("ok", "expiring"):
        raise typer.Exit(1)


@channels_app.command("remove")
def remove_command(
    channel_id: str = typer.Argument(..., metavar="ID", help="The channel id (see `list`)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Forget a channel and its credentials (the account itself is not touched)."""
    channel = _open().remove(parse_id(channel_id, "channel id"))
    row = record(channel)
    emit(as_json, row, lambda: typer.echo(f"removed: {_line(row)}"))


def register(app: typer.Typer) -> None:
    app.add_typer(channels_app, name="channels")
