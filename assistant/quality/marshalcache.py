"""Word lists derived from installed package files, kept as marshal files in the user's
cache dir (``config.user_cache_dir``): building the first names, the plain names and the
place names took ~0.45 s of CPU in every process that checks a German post, reading them
back takes a few ms. A file is named by the list, the sources' sizes and modification
times (an upgraded package gets a new file) and the Python version (marshal's format).
A file that cannot be read or written costs only the time to build the list again.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.config import user_cache_dir

log = logging.getLogger(__name__)
PYTHON = f"py{sys.version_info.major}{sys.version_info.minor}m{marshal.version}"


def read(path: Path) -> Any:
    """What ``path`` holds, or None when it is missing or unreadable."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write(path: Path, value: Any) -> None:
    """Written to a temporary file and renamed: a second process never reads half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem[:20]}-",
                                         delete=False) as handle:
            handle.write(marshal.dumps(value))
        os.replace(handle.name, path)
    except OSError as exc:  # a read-only cache dir costs speed, not the check
        log.warning("cannot cache %s in %s: %s", path.name, path.parent, exc.strerror)


def word_set(name: str, sources: Sequence[Path], build: Callable[[], frozenset[str]],
             cache_dir: Path | None = None) -> frozenset[str]:
    """``build()``, read from the cache when its sources are unchanged, else built and
    cached."""
    stamps = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in sources]
    digest = hashlib.sha256(repr(stamps).encode()).hexdigest()[:16]
    path = (cache_dir or user_cache_dir()) / f"{name}-{digest}-{PYTHON}.marshal"
    cached = read(path)
    if isinstance(cached, frozenset):
        return cached
    words = build()
    write(path, words)
    return words
