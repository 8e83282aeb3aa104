"""Unpack a kit from a folder or a .zip into a staging folder, refusing unsafe entries.

Only the parts of a kit are taken: ``kit.yaml``, ``examples/*.md`` and ``docs/<file>``.
Anything else (``__MACOSX``, editor files, a README) is skipped. A single top-level folder
in the archive (``my-kit/kit.yaml``) is allowed and stripped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from assistant.brand.fsutil import (
    DOC_SUFFIXES,
    MAX_DOC_BYTES,
    atomic_write,
    check_member_path,
    check_plain_name,
)
from assistant.errors import BrandKitError, InputError

MAX_ARCHIVE_BYTES = 100 * 1024 * 1024  # uncompressed total; guards against zip bombs
MAX_EXAMPLE_BYTES = 256 * 1024


def stage_kit(source: Path, staging: Path) -> None:
    """Copy the kit at ``source`` (folder or .zip) into the new folder ``staging``."""
    if source.is_dir():
        files = _folder_files(source)
    elif source.is_file() and source.suffix.lower() == ".zip":
        files = _zip_files(source)
    elif source.exists():
        raise InputError(f"{source}: not a folder or a .zip; import a kit folder or a zip of one")
    else:
        raise InputError(f"{source}: no such file or folder; check the path")
    picked = _pick(files)
    if PurePosixPath("kit.yaml") not in picked:
        raise BrandKitError(f"{source}: no kit.yaml found; a kit folder must contain kit.yaml")
    staging.mkdir(parents=True)
    for rel, data in picked.items():
        atomic_write(staging / rel, data)
    (staging / "docs").mkdir(exist_ok=True)
    (staging / "examples").mkdir(exist_ok=True)


def _folder_files(folder: Path) -> dict[PurePosixPath, bytes]:
    out: dict[PurePosixPath, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            continue  # a link could point anywhere on the machine; never follow it
        if path.is_file():
            out[PurePosixPath(path.relative_to(folder).as_posix())] = path.read_bytes()
    return out


def _zip_files(source: Path) -> dict[PurePosixPath, bytes]:
    try:
        with zipfile.ZipFile(source) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if sum(i.file_size for i in infos) > MAX_ARCHIVE_BYTES:
                raise InputError(f"{source}: unpacks to more than 100 MB; that is not a kit")
            paths = [check_member_path(i.filename) for i in infos]
            return {p: archive.read(i) for p, i in zip(paths, infos, strict=True)}
    except zipfile.BadZipFile as exc:
        raise InputError(f"{source}: not a valid zip file ({exc}); re-create the archive") from None


def _pick(files: dict[PurePosixPath, bytes]) -> dict[PurePosixPath, bytes]:
    files = {p: d for p, d in files.items() if p.parts[0] != "__MACOSX"}
    tops = {p.parts[0] for p in files}
    if PurePosixPath("kit.yaml") not in files and len(tops) == 1:
        files = {PurePosixPath(*p.parts[1:]): d for p, d in files.items() if len(p.parts) > 1}
    picked: dict[PurePosixPath, bytes] = {}
    for path, data in files.items():
        if path == PurePosixPath("kit.yaml"):
            picked[path] = data
        elif len(path.parts) == 2 and path.parts[0] == "examples" and path.suffix == ".md":
            _check_size(path, data, MAX_EXAMPLE_BYTES)
            picked[path] = data
        elif len(path.parts) == 2 and path.parts[0] == "docs":
            check_plain_name(path.name, "document name")
            if path.suffix.lower() not in DOC_SUFFIXES:
                raise InputError(f"{path}: not a .md, .txt or .pdf document; convert or remove it")
            _check_size(path, data, MAX_DOC_BYTES)
            picked[path] = data
    return picked


def _check_size(path: PurePosixPath, data: bytes, limit: int) -> None:
    if len(data) > limit:
        raise InputError(
            f"{path}: {len(data) / 1e6:.1f} MB is over the limit of {limit / 1e6:.1f} MB; "
            "shorten or split the file"
        )
