"""Example posts on disk: one Markdown file per post with a YAML front matter.

Layout (also written into every kit.yaml header)::

    examples/<name>.md          e.g. examples/instagram-01.md
    ---
    platform: instagram         a platform id (x, bluesky, mastodon, threads, instagram,
    language: de                facebook, linkedin, tiktok, pinterest, google_business)
    ---                         and a two-letter language code
    The post text, exactly as posted (hashtags included), any number of lines.

Only ``platform`` and ``language`` are allowed in the front matter; files not ending in
``.md`` and names starting with '.' are ignored (editors' backups, our temporary files).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.brand.fsutil import MAX_TEXT_FILE_BYTES
from assistant.brand.schema import ExamplePost
from assistant.brand.validation import (
    YAMLLimitError,
    describe_errors,
    safe_yaml_load,
    yaml_where,
)
from assistant.errors import BrandKitError

FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?(.*)\Z", re.DOTALL)


def example_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if not p.name.startswith(".") and p.is_file())


def read_text_file(path: Path, shown: str) -> str:
    """UTF-8 text of ``path`` (BOM tolerated); a file that is not UTF-8 is a BrandKitError."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_TEXT_FILE_BYTES + 1)  # never more, whatever the file's size
        if len(data) > MAX_TEXT_FILE_BYTES:
            raise BrandKitError(
                f"{shown}: over the limit of {MAX_TEXT_FILE_BYTES // 1024} KB; shorten it "
                "(long guidelines belong in docs/)"
            )
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BrandKitError(
            f"{shown}: not UTF-8 text (byte {exc.start}); save the file as UTF-8 and try again"
        ) from None
    except OSError as exc:
        raise BrandKitError(f"{shown}: cannot be read ({exc.strerror}); check the file") from exc


def parse_example(text: str, shown: str,
                  model: type[ExamplePost] = ExamplePost) -> ExamplePost:
    """Parse one example file's text; errors name the file, the field and the fix."""
    match = FRONT_RE.match(text)
    if not match:
        raise BrandKitError(
            f"{shown}: no front matter; start the file with '---', then 'platform: ...' and "
            "'language: ...', then '---', then the post text"
        )
    try:
        meta = safe_yaml_load(match.group(1))
    except YAMLLimitError as exc:
        raise BrandKitError(f"{shown}: front matter {exc}") from None
    except yaml.YAMLError as exc:
        raise BrandKitError(
            f"{shown}: front matter is not valid YAML ({yaml_where(exc)}); fix the syntax"
        ) from None
    if not isinstance(meta, dict):
        raise BrandKitError(
            f"{shown}: front matter must be 'key: value' lines (platform, language)"
        )
    body = match.group(2).strip()
    try:
        return model.model_validate({**meta, "text": body, "source": Path(shown).name})
    except ValidationError as exc:
        raise BrandKitError(f"{shown}: {describe_errors(exc, model)}") from None


def render_example(post: ExamplePost) -> str:
    meta = yaml.safe_dump(
        {"platform": post.platform, "language": post.language}, allow_unicode=True, sort_keys=False
    )
    return f"---\n{meta}---\n{post.text.strip()}\n"


def load_examples(folder: Path, shown_root: str) -> list[ExamplePost]:
    posts: list[ExamplePost] = []
    first_file: dict[tuple[str, str, str], str] = {}
    for path in example_files(folder):
        shown = f"{shown_root}/examples/{path.name}"
        post = parse_example(read_text_file(path, shown), shown)
        key = (post.platform, post.language, post.text)
        if key in first_file:
            raise BrandKitError(
                f"{shown}: duplicate of examples/{first_file[key]} (same platform, language and "
                "text); delete one of the two files"
            )
        first_file[key] = path.name
        posts.append(post)
    return posts


def assign_names(posts: list[ExamplePost]) -> list[ExamplePost]:
    """Give posts without a file name one like ``linkedin-03.md`` that is not taken yet."""
    taken = {p.source for p in posts if p.source}
    out: list[ExamplePost] = []
    for post in posts:
        if not post.source:
            n = 1
            while f"{post.platform}-{n:02d}.md" in taken:
                n += 1
            name = f"{post.platform}-{n:02d}.md"
            taken.add(name)
            post = post.model_copy(update={"source": name})
        out.append(post)
    return out

