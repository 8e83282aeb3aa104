"""Small file-system helpers for kits: atomic writes and safe file names."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from assistant.errors import InputError

SAFE_NAME_RE = re.compile(r"^[\w][\w .()+-]{0,150}$")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The temporary file sits in the same folder (same file system), is fsynced, then renamed
    over the target with ``os.replace``; on any error it is removed and the target untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, text.encode("utf-8"))


def check_plain_name(name: str, what: str = "file name") -> str:
    """Reject names with a folder part, '..', absolute paths or odd characters.

    Used for uploads and for member names in imported archives; returns the name unchanged.
    """
    if not name or name != name.strip():
        raise InputError(f"{what} {name!r} is empty or has surrounding spaces; rename the file")
    parts = (PurePosixPath(name).parts, PureWindowsPath(name).parts)
    if any(len(p) != 1 for p in parts) or name in (".", "..") or "\x00" in name:
        raise InputError(
            f"{what} {name!r} contains a path; upload the file by its plain name, e.g. guide.pdf"
        )
    if not SAFE_NAME_RE.match(name):
        raise InputError(
            f"{what} {name!r} has characters that are not allowed; "
            "use letters, digits, space, '.', '-', '_', '(', ')', '+'"
        )
    return name


def check_member_path(name: str) -> PurePosixPath:
    """A relative, normalised path inside an archive; absolute paths and '..' are errors."""
    if name.startswith(("/", "\\")) or PureWindowsPath(name).drive or "\\" in name:
        raise InputError(f"archive entry {name!r} has an absolute path; refusing to import it")
    path = PurePosixPath(name)
    if any(part == ".." for part in path.parts):
        raise InputError(f"archive entry {name!r} points outside the kit ('..'); refusing it")
    return path


# Guideline documents: what can be uploaded and how big (a brand book rarely exceeds this;
# larger files are usually scans, which have no text to index anyway).
DOC_SUFFIXES = (".md", ".markdown", ".txt", ".pdf")
MAX_DOC_BYTES = 5 * 1024 * 1024
# kit.yaml and one example post; both are far smaller in any real kit
MAX_TEXT_FILE_BYTES = 256 * 1024
