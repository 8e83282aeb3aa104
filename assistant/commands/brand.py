"""`postwerk brand list|show|import|index|search`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit
from assistant.config import Settings, load_settings
from assistant.errors import (
    AssistantError,
    BrandKitError,
    InputError,
    StoreError,
    UnknownPlatformError,
)

if TYPE_CHECKING:
    from assistant.brand.kit import BrandKit

PATH_ARGUMENT = typer.Argument(..., metavar="PATH", help="A kit folder or a .zip of one.")

brand_app = typer.Typer(help="Brand kits and their voice store.", no_args_is_help=True)


@brand_app.command("list")
def list_command(as_json: bool = JSON_OPTION) -> None:
    """The kits in POSTWERK_KITS_DIR; a kit that does not load is listed with its error (exit 1)."""
    from assistant.brand.kit import list_kits, load_kit

    settings = load_settings()
    rows: list[dict[str, object]] = []
    for kit_id in list_kits(settings.kits_dir):
        try:
            kit = load_kit(kit_id, settings.kits_dir)
        except AssistantError as exc:
            rows.append({"id": kit_id, "ok": False, "error": str(exc)})
            continue
        rows.append({"id": kit.id, "ok": True, "name": kit.name, "languages": kit.languages,
                     "examples": len(kit.examples),
                     "channels": [c.platform for c in kit.channels]})

    def render() -> None:
        if not rows:
            typer.echo(f"no kits in {settings.kits_dir}; import one with `postwerk brand import`")
        for row in rows:
            if row["ok"]:
                typer.echo(f"{row['id']:<28} {row['name']}  ({', '.join(row['languages'])}; "  # type: ignore[arg-type]
                           f"{row['examples']} examples; {', '.join(row['channels'])})")  # type: ignore[arg-type]
            else:
                typer.echo(f"{row['id']:<28} ERROR {row['error']}")

    emit(as_json, {"kits_dir": str(settings.kits_dir), "kits": rows}, render)
    if any(not row["ok"] for row in rows):
        raise typer.Exit(1)


@brand_app.command("show")
def show(kit_id: str = typer.Argument(..., metavar="KIT"), as_json: bool = JSON_OPTION) -> None:
    """Every field of one kit, validated."""
    from assistant.brand.kit import kit_to_yaml, load_kit

    kit = load_kit(kit_id, load_settings().kits_dir)

    def render() -> None:
        typer.echo(_strip_header(kit_to_yaml(kit)))
        typer.echo(f"# {len(kit.examples)} example posts in examples/")

    emit(as_json, kit, render)


def _strip_header(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


@brand_app.command("import")
def import_command(
    path: Path = PATH_ARGUMENT,
    new_id: str | None = typer.Option(None, "--as", help="Import under this id (a copy)."),
    replace: bool = typer.Option(False, "--replace", help="Replace a kit with the same id."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Validate a kit, copy it into POSTWERK_KITS_DIR and index it for drafting."""
    from assistant.brand.kit import import_kit

    settings = load_settings()
    kit = import_kit(path, settings.kits_dir, new_id=new_id, replace=replace)
    indexed = _index_now(kit, settings, as_json)
    payload = {"id": kit.id, "name": kit.name, "examples": len(kit.examples),
               "path": str(settings.kits_dir / kit.id), "indexed": indexed}
    emit(as_json, payload,
         lambda: typer.echo(f"imported {kit.id} ({kit.name}) into {payload['path']}"))


def _progress(as_json: bool) -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        if not as_json and total:
            sys.stderr.write(f"\rembedding {done}/{total}")
            sys.stderr.write("\n" if done == total else "")

    return progress


def _index_now(kit: BrandKit, settings: Settings, as_json: bool) -> int | None:
    """Index an imported kit at once, so that its first draft does not wait for it. The
    kit stays imported when that fails: its first draft (or `brand index`) tries again."""
    from assistant.brand.voice import prepare_kit

    try:
        return prepare_kit(kit, progress=_progress(as_json), settings=settings).total
    except (StoreError, BrandKitError) as exc:
        sys.stderr.write(f"postwerk: warning: imported, but not indexed yet: {exc}\n")
        return None


@brand_app.command("index")
def index(kit_id: str = typer.Argument(..., metavar="KIT"), as_json: bool = JSON_OPTION) -> None:
    """Embed new examples and document chunks, drop removed ones (incremental)."""
    from assistant.brand.kit import load_kit
    from assistant.brand.store import index_kit

    settings = load_settings()
    kit = load_kit(kit_id, settings.kits_dir)

    report = index_kit(kit, progress=_progress(as_json), settings=settings)
    emit(as_json, report.model_dump() | {"total": report.total}, lambda: typer.echo(
        f"{kit.id}: {report.added} added, {report.removed} removed, "
        f"{report.unchanged} unchanged ({report.total} items)"))


@brand_app.command("search")
def search(
    brand: str = typer.Option(..., "--brand", help="Kit id."),
    query: str = typer.Option(..., "--query", help="A brief or any text."),
    k: int = typer.Option(5, "--k", help="How many example posts (1-50)."),
    platform: str | None = typer.Option(None, "--platform", help="Prefer this platform."),
    lang: str | None = typer.Option(None, "--lang", help="Prefer this language (de, en, ...)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """What the model would be shown for a brief: examples and guideline chunks with scores."""
    from assistant.brand.kit import PLATFORM_IDS, load_kit
    from assistant.brand.store import retrieve

    if platform is not None and platform not in PLATFORM_IDS:
        raise UnknownPlatformError(
            f"unknown platform {platform!r}; use one of {', '.join(PLATFORM_IDS)}"
        )
    if lang is not None and not (len(lang) == 2 and lang.isalpha() and lang.islower()):
        raise InputError(f"--lang {lang!r} is not a language code; use two letters like de or en")
    settings = load_settings()
    kit = load_kit(brand, settings.kits_dir)
    hits = retrieve(kit, query, platform=platform, language=lang, k=k, settings=settings)

    def render() -> None:
        for hit in hits:
            where = hit.platform or hit.section or "guideline"
            typer.echo(f"{hit.score:.3f}  {hit.kind:<9} {hit.language} {where:<16} {hit.source}")
            typer.echo("        " + " ".join(hit.text.split())[:150])

    emit(as_json, {"kit": kit.id, "query": query, "results": hits}, render)
    if not hits:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(brand_app, name="brand")
