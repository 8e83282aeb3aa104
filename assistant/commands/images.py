"""`postwerk images`: one photo into every platform preset.

postwerk images --input photo.jpg --out renders/                     (all ten platforms)
postwerk images --input photo.heic --out renders/ -p instagram -p x --focus 0.7,0.4
postwerk images --input logo.png --out renders/ --mode pad --pad-color "#1a2b3c" --json

Exit 0 when every file was written; 2 for bad input (one line on stderr, nothing written).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import typer

from assistant.commands.common import JSON_OPTION, emit, split_option
from assistant.platforms.catalogue import PLATFORM_IDS

if TYPE_CHECKING:
    from assistant.images import Mode, Rendition

INPUT_OPTION = typer.Option(
    ..., "--input", "-i", help="The photo (JPEG, PNG, WebP, HEIC, AVIF, GIF)."
)
OUT_OPTION = typer.Option(..., "--out", "-o", help="Folder for the files (created if missing).")
PLATFORM_OPTION = typer.Option(
    None,
    "--platform",
    "-p",
    help=f"Platform id ({', '.join(PLATFORM_IDS)}) or id:preset (instagram:story); repeat it "
    "or use commas. Default: all ten.",
)
FOCUS_OPTION = typer.Option(
    None, "--focus", help="Focal point x,y as fractions (0.5,0.3). Default: found automatically."
)
MODE_OPTION = typer.Option("crop", "--mode", help="crop (fill the preset) or pad (keep it all).")
PAD_OPTION = typer.Option(
    None, "--pad-color", help="Padding colour for --mode pad (#1a2b3c). Default: blurred photo."
)
KIT_OPTION = typer.Option("postwerk", "--kit", help="Brand kit id, first part of the file names.")
SLUG_OPTION = typer.Option(None, "--slug", help="Name part of the files. Default: input's name.")


def _platform_ids(values: list[str] | None) -> list[str]:
    return split_option(values, "--platform") or list(PLATFORM_IDS)


def _human(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _render_table(renditions: list[Rendition], paths: list[Path]) -> None:
    typer.echo(f"{'platform':<16}{'preset':<11}{'size':>10}  {'format':<5}{'bytes':>9}  budget")
    for rendition in renditions:
        r = rendition
        typer.echo(
            f"{r.platform:<16}{r.preset:<11}{f'{r.width}x{r.height}':>10}  {r.format:<5}"
            f"{_human(r.bytes):>9}  {_human(r.max_bytes)}"
            + (f"  q{r.quality}" if r.quality is not None else "")
        )
        for warning in r.warnings:
            typer.echo(f"{'':<16}! {warning}")
    folder = paths[0].parent if paths else ""
    typer.echo(f"{len(paths)} files written to {folder}")


def _images_command(
    input: str = INPUT_OPTION,  # noqa: A002 - the documented option name
    out: Path = OUT_OPTION,
    platform: list[str] | None = PLATFORM_OPTION,
    focus: str | None = FOCUS_OPTION,
    mode: str = MODE_OPTION,
    pad_color: str | None = PAD_OPTION,
    kit: str = KIT_OPTION,
    slug: str | None = SLUG_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Cut one photo into every preset of the chosen platforms, each within its byte budget."""
    from assistant.images import render_images, write_renditions  # Pillow: only here

    renditions = render_images(
        Path(input),
        _platform_ids(platform),
        focus=focus,
        mode=cast("Mode", mode),  # checked inside, with a one-line error
        pad_color=pad_color,
        kit=kit,
        slug=slug,
    )
    paths = write_renditions(renditions, out)
    payload = {
        "input": str(input),
        "out": str(out),
        "renditions": [
            {**r.to_dict(), "path": str(p)} for r, p in zip(renditions, paths, strict=True)
        ],
    }
    emit(as_json, payload, lambda: _render_table(renditions, paths))


def register(app: typer.Typer) -> None:
    app.command("images")(_images_command)
