"""`postwerk check` and `postwerk platforms`.

postwerk check --platform x --text "Hallo 👋 kaffee.de"        exit 0 valid, 1 problems
postwerk check --platform instagram --platform x --file post.txt --json
postwerk check --file post.txt                                   (all ten platforms)
postwerk platforms [--json]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit, split_option
from assistant.errors import InputError
from assistant.models import MediaInfo, PostCheck
from assistant.platforms.catalogue import PLATFORM_IDS, Platform, all_platforms, get_platform

if TYPE_CHECKING:
    from assistant.platforms.fix import FixResult

PLATFORM_OPTION = typer.Option(
    None,
    "--platform",
    "-p",
    help=f"Platform id ({', '.join(PLATFORM_IDS)}); repeat it or use commas. Default: all ten.",
)
TEXT_OPTION = typer.Option(None, "--text", "-t", help="The post text.")
FILE_OPTION = typer.Option(None, "--file", "-f", help="A UTF-8 text file ('-' = stdin).")
IMAGE_OPTION = typer.Option(None, "--image", help="An attached image file; repeatable.")
HASHTAG_OPTION = typer.Option(
    None, "--required-hashtag", help="A hashtag the brand requires (kept first when trimming)."
)
FIX_OPTION = typer.Option(False, "--fix", help="Also show the text after the safe fixes.")
BIO_OPTION = typer.Option("Link in bio", help="The line that replaces links that are dead.")


def read_text(text: str | None, file: Path | None) -> str:
    """The post from --text or --file ('-' is stdin); exactly one of them."""
    if (text is None) == (file is None):
        raise InputError("give the post with --text TEXT or --file PATH (exactly one of them)")
    if text is not None:
        return text
    assert file is not None
    from assistant.platforms.check import MAX_TEXT_CHARS  # the counting tables load late

    # bytes that can still hold MAX_TEXT_CHARS characters (UTF-8: at most 4 each, + BOM);
    # reading stops there, so `--file - < /dev/zero` cannot fill the memory
    limit = 4 * MAX_TEXT_CHARS + 3
    if str(file) == "-":
        data = sys.stdin.buffer.read(limit + 1)
    elif not file.exists():
        raise InputError(f"file not found: {file}; check the path")
    elif not file.is_file():
        raise InputError(f"{file} is not a file; give the path of a text file")
    else:
        with file.open("rb") as fh:
            data = fh.read(limit + 1)
    if len(data) > limit:
        shown = "stdin" if str(file) == "-" else str(file)
        raise InputError(
            f"{shown} holds more than {limit // 1000:,} KB, more text than Postwerk "
            f"checks ({MAX_TEXT_CHARS:,} characters); give the text of one post"
        )
    try:
        return data.decode("utf-8-sig")  # a BOM from Windows editors is not part of the post
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{file} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again"
        ) from None


def resolve_platforms(values: list[str] | None) -> list[Platform]:
    """Ids from repeated or comma-separated --platform; none means all ten."""
    ids = split_option(values, "--platform")
    if not ids:
        return all_platforms()
    return [get_platform(pid) for pid in ids]


def media_from_path(path: Path, alt_text: str | None = None) -> MediaInfo:
    """Format, bytes and pixel size of an image file (the header is enough).

    Read through the image loader, so that its limits (file size, regular files only,
    pixel count) give the same one-line errors here as everywhere else.
    """
    from assistant.imaging.load import open_source, read_bytes

    data, name = read_bytes(path)
    source = open_source(data, name)
    return MediaInfo(
        format=source.format,
        bytes=len(data),
        width=source.width,
        height=source.height,
        path=str(path),
        alt_text=alt_text,
    )


def _render_check(check: PostCheck, fixed: FixResult | None) -> None:
    p = get_platform(check.platform)
    mark = "ok" if check.ok else "PROBLEMS"
    extra = ""
    if "bytes" in check.details:
        extra = f", {check.details['bytes']}/{check.details['byte_limit']} bytes"
    typer.echo(f"{p.name:<24} {check.length:>6}/{check.limit} {p.unit_label}{extra}  {mark}")
    for problem in check.problems:
        typer.echo(f"  {problem.severity.value:<7} {problem.code}: {problem.message}")
    if fixed is not None and fixed.applied:
        typer.echo("  safe fixes: " + "; ".join(fixed.applied))
        typer.echo("  " + fixed.text.replace("\n", "\n  "))


def _check_command(
    platform: list[str] | None = PLATFORM_OPTION,
    text: str | None = TEXT_OPTION,
    file: Path | None = FILE_OPTION,
    image: list[Path] | None = IMAGE_OPTION,
    hashtag: list[str] | None = HASHTAG_OPTION,
    fix: bool = FIX_OPTION,
    link_in_bio: str = BIO_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Measure a post the way each platform does; exit 0 valid, 1 problems, 2 bad input."""
    from assistant.platforms import check_post, fix_post  # the counting tables: only here

    platforms = resolve_platforms(platform)
    body = read_text(text, file)
    media = [media_from_path(path) for path in image or []]
    required = list(hashtag or [])
    checks = [check_post(p, body, media=media, required_hashtags=required) for p in platforms]
    fixes: list[FixResult | None] = [
        fix_post(p, body, required_hashtags=required, link_in_bio=link_in_bio) if fix else None
        for p in platforms
    ]
    ok = all(c.ok for c in checks)
    payload: dict[str, object] = {"ok": ok, "checks": checks}
    if fix:
        payload["fixes"] = [
            {"platform": c.platform, "text": f.text, "applied": f.applied, "check": f.check}
            for c, f in zip(checks, fixes, strict=True)
            if f is not None
        ]

    def render() -> None:
        for check, fixed in zip(checks, fixes, strict=True):
            _render_check(check, fixed)

    emit(as_json, payload, render)
    if not ok:
        raise typer.Exit(1)


def _preset_line(p: Platform) -> str:
    return ", ".join(
        f"{s.id} {s.width}x{s.height} {'/'.join(s.formats)} ≤{s.max_bytes / 1_000_000:g} MB"
        for s in p.presets
    )


def _render_platforms(platforms: list[Platform]) -> None:
    head = f"{'id':<16}{'limit':>6}  {'unit':<28}{'fold':>5}  {'hashtags':<9}{'links':<16}"
    typer.echo(head + "images  alt   checked")
    for p in platforms:
        unit = p.unit + (f" + {p.byte_limit} bytes" if p.byte_limit else "")
        unit += " (URLs 23)" if p.url_weight else " (emoji=bytes)" if p.emoji_as_bytes else ""
        links = p.links.mode + (f" ≤{p.links.max_links}" if p.links.max_links else "")
        tags = "no cap" if p.hashtag_cap is None else f"≤{p.hashtag_cap}"
        typer.echo(
            f"{p.id:<16}{p.text_limit:>6}  {unit:<28}{p.fold or '-':>5}  {tags:<9}{links:<16}"
            f"{p.max_images:>6}  {p.alt_text_limit or '-':<5} {p.checked.isoformat()}"
        )
        typer.echo(f"{'':<16}presets: {_preset_line(p)}")
        typer.echo(f"{'':<16}hashtags: {p.hashtag_advice}")


def _platforms_command(as_json: bool = JSON_OPTION) -> None:
    """The rules Postwerk checks against: limits, units, hashtags, links, image presets."""
    platforms = all_platforms()
    emit(as_json, platforms, lambda: _render_platforms(platforms))


def register(app: typer.Typer) -> None:
    app.command("check")(_check_command)
    app.command("platforms")(_platforms_command)
