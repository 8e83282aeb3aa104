"""Brand kits on disk: one folder per kit under the kits directory.

    <kits_dir>/<kit id>/kit.yaml       every field of BrandKit except the examples
    <kits_dir>/<kit id>/examples/*.md  one example post per file (see examplefiles.py)
    <kits_dir>/<kit id>/docs/*         guideline documents (.md, .txt, .pdf)

The folder name is the kit id, so two kits can never share an id. Loading validates
everything and names the file, the field and the fix; saving renders everything first
and then replaces each file atomically, so a failed save never leaves a half-written file.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.brand.examplefiles import (
    assign_names,
    example_files,
    load_examples,
    read_text_file,
    render_example,
)
from assistant.brand.fsutil import atomic_write_text, check_plain_name
from assistant.brand.schema import (
    KIT_ID_RE,
    PLATFORM_IDS,
    BannedWord,
    BrandKit,
    Channel,
    EmojiPolicy,
    ExamplePost,
    HashtagSets,
    KitLinks,
    LegalEntity,
    Pillar,
    RegulatedProfession,
)
from assistant.brand.validation import (
    YAMLLimitError,
    describe_errors,
    safe_yaml_load,
    yaml_where,
)
from assistant.errors import BrandKitError, InputError, KitNotFoundError

__all__ = [
    "PLATFORM_IDS", "BannedWord", "BrandKit", "Channel", "EmojiPolicy", "ExamplePost",
    "HashtagSets", "KitLinks", "LegalEntity", "Pillar", "RegulatedProfession",
    "KIT_FILE", "EXAMPLE_KITS_DIR", "kits_root", "kit_dir", "list_kits", "load_kit",
    "load_kit_from_dir", "save_kit", "create_kit", "import_kit", "kit_to_yaml", "kit_from_yaml",
    "copy_example_kit", "example_kit_ids",
]

log = logging.getLogger(__name__)
KIT_FILE = "kit.yaml"
# The two example kits shipped with the project (used for "copy an example kit").
EXAMPLE_KITS_DIR = Path(__file__).resolve().parents[2] / "brand_kits"

KIT_HEADER = """\
# Postwerk brand kit. Edit by hand or on the Brand kits page; unknown fields are errors.
# Folder layout:
#   kit.yaml           this file: everything except the example posts
#   examples/*.md      one example post per file, e.g. examples/instagram-01.md:
#                        ---
#                        platform: instagram     (x, bluesky, mastodon, threads, instagram,
#                        language: de             facebook, linkedin, tiktok, pinterest,
#                        ---                      google_business; language: de, en, ...)
#                        The post text exactly as posted, hashtags included.
#   docs/              guideline documents (.md, .txt, .pdf; at most 5 MB each)
# Hashtags are written without '#'. Times are HH:MM, weekdays mon..sun, bundesland e.g. HH.
"""


def kits_root(kits_dir: Path | str | None = None) -> Path:
    if kits_dir is not None:
        return Path(kits_dir)
    from assistant.config import get_settings

    return get_settings().kits_dir


def _check_id(kit_id: str) -> str:
    if not isinstance(kit_id, str) or not KIT_ID_RE.match(kit_id):
        raise InputError(
            f"{kit_id!r} is not a kit id; use 3-63 lowercase letters, digits and '-' "
            "(see `postwerk brand list`)"
        )
    return kit_id


def kit_dir(kit_id: str, kits_dir: Path | str | None = None) -> Path:
    """The folder of kit ``kit_id`` (it may not exist yet)."""
    return kits_root(kits_dir) / _check_id(kit_id)


def list_kits(kits_dir: Path | str | None = None) -> list[str]:
    """Ids of the kits in the kits directory (folders holding a kit.yaml), sorted."""
    root = kits_root(kits_dir)
    if not root.is_dir():
        return []
    return sorted(
        p.name for p in root.iterdir()
        if p.is_dir() and KIT_ID_RE.match(p.name) and (p / KIT_FILE).is_file()
    )


def load_kit(kit_id: str, kits_dir: Path | str | None = None) -> BrandKit:
    """Load and validate kit ``kit_id``; BrandKitError names the file, the field and the fix."""
    folder = kit_dir(kit_id, kits_dir)
    if not (folder / KIT_FILE).is_file():
        known = ", ".join(list_kits(kits_dir)) or "none"
        raise KitNotFoundError(
            f"no brand kit {kit_id!r} in {kits_root(kits_dir)} (available: {known}); create one "
            "on the Brand kits page or run `postwerk brand import PATH`"
        )
    return load_kit_from_dir(folder, expect_id=kit_id)


def load_kit_from_dir(folder: Path, expect_id: str | None = None,
                      shown: str | None = None) -> BrandKit:
    """Load the kit in ``folder``; messages name it ``shown`` (default: the folder's name)."""
    shown = shown or folder.name
    data = kit_from_yaml_text(read_text_file(folder / KIT_FILE, f"{shown}/{KIT_FILE}"),
                              f"{shown}/{KIT_FILE}")
    examples = load_examples(folder / "examples", shown)
    kit = _validate({**data, "examples": [e.model_dump() for e in examples]}, f"{shown}/{KIT_FILE}")
    if expect_id is not None and kit.id != expect_id:
        raise BrandKitError(
            f"{shown}/{KIT_FILE}: field 'id' is {kit.id!r} but the folder is {expect_id!r}; "
            "make them the same (the folder name is the kit id)"
        )
    return kit


def kit_from_yaml_text(text: str, shown: str) -> dict[str, Any]:
    """Parse kit.yaml text to a mapping (no model validation yet)."""
    try:
        data = safe_yaml_load(text)
    except YAMLLimitError as exc:
        raise BrandKitError(f"{shown}: {exc}") from None
    except yaml.YAMLError as exc:
        raise BrandKitError(
            f"{shown}: not valid YAML ({yaml_where(exc)}); fix the syntax"
        ) from None
    if not isinstance(data, dict):
        raise BrandKitError(f"{shown}: must be a mapping of 'field: value' lines (id, name, ...)")
    if "examples" in data:
        raise BrandKitError(
            f"{shown}: field 'examples' does not belong in kit.yaml; put each example post "
            "in its own file examples/<name>.md"
        )
    return data


def kit_from_yaml(text: str, examples: list[ExamplePost] | None = None,
                  shown: str = KIT_FILE) -> BrandKit:
    """Validate kit.yaml text (e.g. from the YAML editor) together with the given examples."""
    data = kit_from_yaml_text(text, shown)
    return _validate({**data, "examples": [e.model_dump() for e in examples or []]}, shown)


def _validate(data: dict[str, Any], shown: str) -> BrandKit:
    try:
        return BrandKit.model_validate(data)
    except ValidationError as exc:
        raise BrandKitError(f"{shown}: {describe_errors(exc, BrandKit)}") from None


def kit_to_yaml(kit: BrandKit) -> str:
    """kit.yaml text for ``kit`` (the header comment, then every field but the examples)."""
    data = kit.model_dump(mode="json", exclude={"examples"}, exclude_none=True)
    return KIT_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def save_kit(kit: BrandKit, kits_dir: Path | str | None = None) -> BrandKit:
    """Write ``kit`` (kit.yaml and examples/); returns it with example file names filled in.

    Everything is rendered and validated before the first write. Example files are
    written one by one atomically, stale ones removed, and kit.yaml is written last.
    """
    kit = _validate(kit.model_dump(), f"kit {kit.id!r}")
    kit = kit.model_copy(update={"examples": assign_names(kit.examples)})
    for post in kit.examples:
        if not str(post.source).endswith(".md"):
            raise BrandKitError(f"example file name {post.source!r} must end in .md; rename it")
        check_plain_name(str(post.source), "example file name")
    folder = kit_dir(kit.id, kits_dir)
    rendered = {str(p.source): render_example(p) for p in kit.examples}
    kit_text = kit_to_yaml(kit)
    try:
        _write_examples(folder / "examples", rendered)
        (folder / "docs").mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / KIT_FILE, kit_text)
    except OSError as exc:
        raise BrandKitError(
            f"cannot save kit {kit.id!r} in {folder} ({exc.strerror or exc}); check that the "
            "folder is writable and the disk not full (files already there were not damaged)"
        ) from exc
    return kit


def _write_examples(folder: Path, rendered: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rendered.items():
        path = folder / name
        # unchanged files are left alone (keeps mtimes and makes saves cheap)
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            atomic_write_text(path, text)
    for path in example_files(folder):
        if path.name not in rendered:
            path.unlink()


def create_kit(kit: BrandKit, kits_dir: Path | str | None = None) -> BrandKit:
    """Save a new kit; an existing id is an error (never overwrites another kit)."""
    if (kit_dir(kit.id, kits_dir) / KIT_FILE).exists():
        raise BrandKitError(
            f"a kit with id {kit.id!r} already exists; choose another id or edit that kit"
        )
    return save_kit(kit, kits_dir)


def import_kit(path: Path | str, kits_dir: Path | str | None = None, *,
               new_id: str | None = None, replace: bool = False) -> BrandKit:
    """Import a kit from a folder or a .zip into the kits directory and return it.

    The kit is unpacked into a staging folder next to the kits, validated there (kit.yaml,
    every example, every document), and only then renamed into place. A kit with the same
    id is an error unless ``replace``; ``new_id`` imports it under another id (a copy).
    """
    from assistant.brand.archive import stage_kit

    root = kits_root(kits_dir)
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".import-{uuid.uuid4().hex[:8]}"
    try:
        stage_kit(Path(path), staging)
        kit = load_kit_from_dir(staging, shown=Path(path).name)  # not the staging name
        _check_documents(staging / "docs")
        if new_id is not None:
            kit = _validate({**kit.model_dump(), "id": _check_id(new_id)}, f"new id {new_id!r}")
            atomic_write_text(staging / KIT_FILE, kit_to_yaml(kit))
        _move_into_place(staging, root / kit.id, replace)
        log.info("imported kit %s from %s", kit.id, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return kit


def _check_documents(folder: Path) -> None:
    from assistant.brand.ingest import document_text  # ingest imports this module

    for path in sorted(folder.iterdir()):
        document_text(path.name, path.read_bytes())


def _move_into_place(staging: Path, target: Path, replace: bool) -> None:
    if target.exists() and not replace:
        raise BrandKitError(
            f"a kit with id {target.name!r} already exists; import it under another id "
            "(--as NEW_ID) or replace it (--replace)"
        )
    old = target.with_name(f".old-{target.name}-{uuid.uuid4().hex[:8]}")
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)  # put the previous kit back
        raise
    shutil.rmtree(old, ignore_errors=True)


def example_kit_ids() -> list[str]:
    return list_kits(EXAMPLE_KITS_DIR)


def copy_example_kit(example_id: str, new_id: str | None = None,
                     kits_dir: Path | str | None = None) -> BrandKit:
    """Copy one of the shipped example kits into the kits directory (first-run helper)."""
    if example_id not in example_kit_ids():
        raise KitNotFoundError(
            f"no example kit {example_id!r}; use one of {', '.join(example_kit_ids())}"
        )
    return import_kit(EXAMPLE_KITS_DIR / example_id, kits_dir, new_id=new_id)
