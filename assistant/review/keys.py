"""The key that signs review links: POSTWERK_SECRET_KEY, or one generated once and kept in
the data dir (``review-signing.key``, mode 0600). It is never logged, exported or shown."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from assistant.config import Settings
from assistant.errors import ConfigError

KEY_FILE = "review-signing.key"


def signing_key(settings: Settings) -> bytes:
    if settings.secret_key is not None and settings.secret_key.get_secret_value():
        return settings.secret_key.get_secret_value().encode()
    path = settings.ensure_data_dir() / KEY_FILE
    try:
        return _read_or_create(path)
    except OSError as exc:
        raise ConfigError(
            f"cannot read or create the review link key {path}: {exc.strerror}; "
            "set POSTWERK_SECRET_KEY or make the data dir writable") from exc


def _read_or_create(path: Path) -> bytes:
    try:
        # O_EXCL: two processes starting at once agree on one key (the loser reads it)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _existing(path)
    key = secrets.token_hex(32).encode()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def _existing(path: Path) -> bytes:
    key = path.read_bytes().strip()
    if len(key) < 32:
        raise ConfigError(f"the review link key {path} is damaged; delete it (every "
                          "link made so far stops working) or set POSTWERK_SECRET_KEY")
    return key
