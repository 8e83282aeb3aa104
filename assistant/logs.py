"""Standard logging for Postwerk: a rotating file in the data dir, with secrets masked.

    path = setup_logging(settings.data_dir, secrets=[settings.api_key])
    logging.getLogger(__name__).warning("LLM call failed: %s", exc)

Every module logs to ``logging.getLogger(__name__)`` (all under the ``assistant`` logger);
only this module decides where records go. The file is created on the first record, so a
command that logs nothing leaves no file behind. The filter masks credentials in URLs and
every known key value before a record reaches any handler, so neither the file nor
``--debug`` output on stderr can carry a secret.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from assistant.redact import MASK, mask_text

LOGGER_NAME = "assistant"
LOG_DIR = "logs"
LOG_FILE = "postwerk.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_TRUE = {"1", "true", "yes", "on"}


def mask_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every known secret value masked, and every URL in it masked by the
    project's one URL rule (passwords, bare tokens, secret query parameters)."""
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return mask_text(text) or ""  # credentials in URLs and token=... values: one rule


class SecretFilter(logging.Filter):
    """Masks the formatted message and any traceback text of a record, in place."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_secrets(record.getMessage(), self.secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text, self.secrets)
        return True


class _LazyDirHandler(RotatingFileHandler):
    """Creates the log folder with the file, on the first record (not at setup)."""

    def _open(self):  # type: ignore[no-untyped-def]  # matches the stdlib's untyped signature
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIR / LOG_FILE


def debug_from_env(environ: dict[str, str] | None = None) -> bool:
    """True when POSTWERK_DEBUG asks for tracebacks (1, true, yes, on)."""
    value = (environ if environ is not None else os.environ).get("POSTWERK_DEBUG", "")
    return value.strip().lower() in _TRUE


def start_logging(debug: bool = False) -> tuple[Path | None, list[str]]:
    """Logging as the settings say: (the log file or None, the secrets to mask).

    Settings that do not load get no log file; the caller reports the bad setting itself.
    """
    from assistant.config import load_settings
    from assistant.errors import AssistantError

    try:
        settings = load_settings()
    except AssistantError:
        setup_logging(None, debug=debug)
        return None, []
    secrets = settings.secret_values
    return setup_logging(settings.data_dir, debug=debug, secrets=secrets), secrets


def setup_logging(
    data_dir: Path | None, *, debug: bool = False, secrets: Iterable[str | None] = ()
) -> Path | None:
    """Route the ``assistant`` logger to the rotating file (and stderr when ``debug``).

    Safe to call again (tests, Streamlit reruns): our previous handlers are replaced.
    Returns the log file's path, or None when there is no data dir to write to.
    """
    logger = logging.getLogger(LOGGER_NAME)
    path = log_path(data_dir) if data_dir is not None else None
    clean = tuple(s for s in secrets if s)
    key = (path, debug, hash(clean))
    if getattr(logger, "_postwerk_key", None) == key:
        return path  # already set up this way (Streamlit reruns every page script)
    logger._postwerk_key = key  # type: ignore[attr-defined]
    for handler in [h for h in logger.handlers if getattr(h, "_postwerk", False)]:
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    masking = SecretFilter(clean)
    handlers: list[logging.Handler] = []
    if path is not None:
        handlers.append(
            _LazyDirHandler(path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS,
                            encoding="utf-8", delay=True)
        )
    if debug:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler._postwerk = True  # type: ignore[attr-defined]  # marks handlers we own
        handler.addFilter(masking)
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
    return path
