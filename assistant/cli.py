"""The `postwerk` command (Typer). Exit 0 = done and valid, 1 = done with problems,
2 = bad input or configuration (one line on stderr, never a traceback).

``--debug`` (anywhere on the line) or ``POSTWERK_DEBUG=1`` prints tracebacks and the log
on stderr; every run logs to ``$POSTWERK_DATA_DIR/logs/postwerk.log`` (secrets masked).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback

import typer
from typer.exceptions import TyperException

from assistant.commands import (
    brand,
    channels,
    check,
    compliance,
    draft,
    images,
    learn,
    model,
    publish,
    queue,
    review,
)
from assistant.config import secrets_warnings
from assistant.errors import AssistantError
from assistant.logs import debug_from_env, mask_secrets, start_logging

log = logging.getLogger(__name__)

app = typer.Typer(
    name="postwerk",
    help="Postwerk: social media posts in your brand's voice, checked for every platform.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (model, check, brand, images, draft, queue, compliance, review, channels,
                publish, learn):
    _module.register(app)


@app.callback()
def _root(
    debug: bool = typer.Option(
        False, "--debug", help="Print tracebacks on errors (also POSTWERK_DEBUG=1)."
    ),
) -> None:
    """Postwerk: social media posts in your brand's voice, checked for every platform."""
    # --debug is taken out of the arguments by main() (so it works anywhere on the line);
    # the option is declared here only so that --help lists it.


class _Run:
    """What one invocation knows for its error lines: debug mode, log file, secrets."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug
        self.log_file, self.secrets = start_logging(debug)
        for warning in secrets_warnings():
            log.warning(warning)
            self.say(f"warning: {warning}")

    def say(self, message: str) -> None:
        line = mask_secrets(" ".join(str(message).split()), self.secrets)
        sys.stderr.write(f"postwerk: {line}\n")

    def trace(self) -> None:
        if self.debug:
            sys.stderr.write(mask_secrets(traceback.format_exc(), self.secrets))


def _usage_line(exc: TyperException) -> str:
    """Click's usage error as one line that says where to look."""
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else "postwerk"
    return f"{exc.format_message().rstrip('.')}; see `{path} --help`"


def _invoke(args: list[str], run: _Run) -> int:
    try:
        code = app(args=args, prog_name="postwerk", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        return 130
    except AssistantError as exc:
        log.info("refused: %s", exc)
        run.say(str(exc))
        run.trace()
        return 2
    except TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()  # type: ignore[attr-defined]  # the help text, as asked for
            return 0
        run.say(_usage_line(exc))
        return 2
    except Exception as exc:
        log.exception("unexpected error in `postwerk %s`", " ".join(args[:2]))
        where = f"; details are in {run.log_file}" if run.log_file else ""
        run.say(f"unexpected error: {exc}{where}; please report it (--debug shows the traceback)")
        run.trace()
        return 2
    return code if isinstance(code, int) else 0


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the app and turns any AssistantError into one line + exit 2."""
    args = list(sys.argv[1:] if argv is None else argv)
    run = _Run(debug="--debug" in args or debug_from_env())
    sys.exit(_invoke([a for a in args if a != "--debug"], run))


def run() -> None:
    """The `postwerk` command and `python -m assistant`: :func:`main`, then out of the
    process without the interpreter's teardown. Freeing the word lists, the noun index and
    the dictionaries object by object took 0.5-1.6 s after every command that checked a
    post (bench/README.md). Everything is written by then: stdout and stderr are flushed,
    the log is closed, the queue's and the store's transactions are committed (chromadb
    reads them back after such an exit: tested). Tests call :func:`main` instead."""
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):  # sys.exit("message"), as Python does
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    logging.shutdown()
    os._exit(code or 0)
