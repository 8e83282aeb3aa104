"""Unpack a kit from a folder or a .zip into a staging folder, refusing unsafe entries.

Only the parts of a kit are taken: ``kit.yaml``, ``examples/*.md`` and ``docs/<file>``.
Anything else (``__MACOSX``, editor files, a README) is skipped. A single top-level folder
in the archive (``my-kit/kit.yaml``) is allowed and stripped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath
from typing import TypeVar

from assistant.brand.fsutil import (
    DOC_SUFFIXES,
    MAX_DOC_BYTES,
    MAX_TEXT_FILE_BYTES,
    atomic_write,
    check_member_path,
    check_plain_name,
)
from assistant.errors import BrandKitError, InputError

T = TypeVar("T")

MAX_ARCHIVE_BYTES = 100 * 1024 * 1024  # the kit's files together; guards against zip bombs
MAX_EXAMPLE_BYTES = MAX_TEXT_FILE_BYTES
MAX_KIT_FILES = 1_000  # example posts and documents together
MAX_ARCHIVE_ENTRIES = 10_000  # entries of any kind in a zip, looked at before reading any
KIT_YAML = PurePosixPath("kit.yaml")


def stage_kit(source: Path, staging: Path) -> None:
    """Copy the kit at ``source`` (folder or .zip) into the new folder ``staging``."""
    if source.is_dir():
        picked = _folder_files(source)
    elif source.is_file() and source.suffix.lower() == ".zip":
        picked = _zip_files(source)
    elif source.exists():
        raise InputError(f"{source}: not a folder or a .zip; import a kit folder or a zip of one")
    else:
        raise InputError(f"{source}: no such file or folder; check the path")
    if KIT_YAML not in picked:
        raise BrandKitError(f"{source}: no kit.yaml found; a kit folder must contain kit.yaml")
    staging.mkdir(parents=True)
    for rel, data in picked.items():
        atomic_write(staging / rel, data)
    (staging / "docs").mkdir(exist_ok=True)
    (staging / "examples").mkdir(exist_ok=True)


def size_limit(path: PurePosixPath) -> int | None:
    """The byte limit of a kit part, or None for a file that is not part of a kit."""
    if path == KIT_YAML:
        return MAX_TEXT_FILE_BYTES
    if len(path.parts) == 2 and path.parts[0] == "examples" and path.suffix == ".md":
        return MAX_EXAMPLE_BYTES
    if len(path.parts) == 2 and path.parts[0] == "docs":
        check_plain_name(path.name, "document name")
        if path.suffix.lower() not in DOC_SUFFIXES:
            raise InputError(f"{path}: not a .md, .txt or .pdf document; convert or remove it")
        return MAX_DOC_BYTES
    return None


class _Budget:
    """Counts the files taken and their bytes; each over its limit is one clear error."""

    def __init__(self, source: Path) -> None:
        self.source, self.files, self.bytes = source, 0, 0

    def take(self, path: PurePosixPath, size: int) -> None:
        limit = size_limit(path)
        assert limit is not None
        _check_size(path, size, limit)
        self.files += 1
        self.bytes += size
        if self.files > MAX_KIT_FILES + 1:  # + kit.yaml
            raise InputError(
                f"{self.source}: more than {MAX_KIT_FILES} example posts and documents; "
                "a kit needs far fewer, so remove the surplus"
            )
        if self.bytes > MAX_ARCHIVE_BYTES:
            raise InputError(f"{self.source}: the kit's files are over 100 MB; that is not a kit")


def _folder_files(folder: Path) -> dict[PurePosixPath, bytes]:
    """Reads only what a kit has (kit.yaml, examples/*.md, docs/*), each within its limit."""
    root = folder if (folder / "kit.yaml").exists() else _only_subfolder(folder)
    budget = _Budget(folder)
    out: dict[PurePosixPath, bytes] = {}
    for path in _kit_candidates(root):
        rel = PurePosixPath(path.relative_to(root).as_posix())
        # a link could point anywhere on the machine, a device could be read forever
        limit = None if path.is_symlink() or not path.is_file() else size_limit(rel)
        if limit is None:
            continue
        budget.take(rel, path.stat().st_size)
        with path.open("rb") as fh:
            out[rel] = fh.read(limit + 1)  # the file may grow after the stat
        _check_size(rel, len(out[rel]), limit)
    return out


def _only_subfolder(folder: Path) -> Path:
    """The single folder inside ``folder`` (a kit unpacked with its own folder), or itself."""
    entries = [p for _, p in zip(range(3), folder.iterdir(), strict=False)
               if p.name != "__MACOSX"]
    if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
        return entries[0]
    return folder


def _kit_candidates(root: Path) -> list[Path]:
    out = [root / "kit.yaml"]
    for part in ("examples", "docs"):
        sub = root / part
        if sub.is_dir() and not sub.is_symlink():
            # bounded listing: one more than allowed is enough to refuse the kit
            out += sorted(p for _, p in zip(range(MAX_KIT_FILES + 2), sub.iterdir(),
                                            strict=False))
    return out


def _zip_files(source: Path) -> dict[PurePosixPath, bytes]:
    try:
        with zipfile.ZipFile(source) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > MAX_ARCHIVE_ENTRIES:
                raise InputError(
                    f"{source}: more than {MAX_ARCHIVE_ENTRIES} entries; that is not a kit"
                )
            named = _strip_top({check_member_path(i.filename): i for i in infos})
            wanted = {p: i for p, i in named.items() if size_limit(p) is not None}
            budget = _Budget(source)
            for path, info in wanted.items():
                budget.take(path, info.file_size)  # declared sizes, checked before reading
            return {p: archive.read(i) for p, i in wanted.items()}
    except zipfile.BadZipFile as exc:
        raise InputError(f"{source}: not a valid zip file ({exc}); re-create the archive") from None


def _strip_top(files: dict[PurePosixPath, T]) -> dict[PurePosixPath, T]:
    """Drop macOS metadata; strip a single top folder (``my-kit/kit.yaml``)."""
    files = {p: d for p, d in files.items() if p.parts[0] != "__MACOSX"}
    tops = {p.parts[0] for p in files}
    if KIT_YAML not in files and len(tops) == 1:
        return {PurePosixPath(*p.parts[1:]): d for p, d in files.items() if len(p.parts) > 1}
    return files


def _check_size(path: PurePosixPath, size: int, limit: int) -> None:
    if size > limit:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is over the limit of {limit / 1e6:.1f} MB; "
            "shorten or split the file"
        )
