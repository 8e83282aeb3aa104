"""The `postwerk` command (Typer). Exit 0 = done and valid, 1 = done with problems,
2 = bad input or configuration (one line on stderr, never a traceback)."""

from __future__ import annotations

import importlib
import sys

import typer

from assistant.errors import AssistantError

app = typer.Typer(
    name="postwerk",
    help="Postwerk: social media posts in your brand's voice, checked for every platform.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module registers its commands; a module that is missing is simply skipped.
COMMAND_MODULES = ("model", "check", "brand", "images", "draft", "queue", "compliance")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"assistant.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"assistant.commands.{name}":
                continue
            raise
        module.register(app)


_register_all()


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app and turns any AssistantError into one line + exit 2."""
    try:
        code = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:  # raised outside click's own handling
        sys.exit(exc.exit_code)
    except AssistantError as exc:
        sys.stderr.write(f"postwerk: {' '.join(str(exc).split())}\n")
        sys.exit(2)
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(2)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        sys.stderr.write(f"postwerk: unexpected error: {exc}; please report it\n")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
