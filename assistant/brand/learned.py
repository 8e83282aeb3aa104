"""Learned example posts: ``<data_dir>/learned/<kit id>/<name>.md``, apart from the kit's
hand-written ``examples/`` (they are data of use, like the queue, not part of the kit).

A post that was marked posted (or approved, per the kit's ``learning.learn_from``) is
written here with its origin in the front matter (``learned_at``, the queue ``item``'s
uid, how ``typical`` of the kit it is), e.g.::

    ---
    platform: instagram
    language: de
    learned_at: 2026-11-29T10:00:00+00:00
    item: 3f2a...
    typical: 71.5
    ---
    Moin! Die neue Bohne ist da ...

The voice store indexes these files with the hand-written examples (``store``), so the
next drafts retrieve them; their source is ``learned/<name>``. A kit keeps at most
``learning.max_examples`` of them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.brand.examplefiles import example_files, parse_example, read_text_file
from assistant.brand.fsutil import atomic_write_text
from assistant.brand.schema import LearnedPost
from assistant.errors import BrandKitError
from assistant.learning.keep import Candidate, kept

LEARNED_DIR = "learned"


def learned_folder(data_dir: Path, kit_id: str) -> Path:
    return data_dir / LEARNED_DIR / kit_id


def load_learned(folder: Path) -> list[LearnedPost]:
    """The learned posts in ``folder`` (see ``learned_folder``), in file order."""
    posts: list[LearnedPost] = []
    for path in example_files(folder):
        shown = f"{LEARNED_DIR}/{folder.name}/{path.name}"
        post = parse_example(read_text_file(path, shown), shown, LearnedPost)
        assert isinstance(post, LearnedPost)
        posts.append(post)
    return posts


def render_learned(post: LearnedPost) -> str:
    meta: dict[str, str | float] = {"platform": post.platform, "language": post.language,
            "learned_at": post.learned_at.isoformat(), "item": post.item}
    if post.typical is not None:
        meta["typical"] = round(post.typical, 1)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{post.text.strip()}\n"


def learned_name(post: LearnedPost) -> str:
    # one file per queue item: learning the same post twice replaces it
    return f"{post.platform}-{post.item[:12]}.md"


def add_learned(folder: Path, post: LearnedPost, cap: int) -> tuple[str, list[str]]:
    """Write ``post`` into the kit's learned ``folder`` and drop what the cap leaves out.

    Returns the new file's name and the names removed (the new one among them when it is
    neither new nor typical enough to make the cut).
    """
    name = learned_name(post)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / name, render_learned(post))
        current = load_learned(folder)
        keep = set(kept([Candidate(str(p.source), p.learned_at, p.typical) for p in current], cap))
        removed = sorted(str(p.source) for p in current if p.source not in keep)
        for gone in removed:
            (folder / gone).unlink()
    except OSError as exc:
        raise BrandKitError(
            f"cannot write the learned example {name} in {folder} ({exc.strerror or exc}); "
            "check that POSTWERK_DATA_DIR is writable"
        ) from exc
    return name, removed
