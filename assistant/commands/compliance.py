"""`postwerk impressum` and `postwerk links`.

postwerk impressum --brand kaffeekontor-hamburg [--json]    exit 0 complete, 1 findings, 2 bad kit
postwerk links --text "Mehr unter https://..." [--json]     exit 0 fine, 1 a link is broken
postwerk links --brand kaffeekontor-hamburg [--no-queue]    the kit's links and its queue's
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import typer

from assistant.commands.common import JSON_OPTION, emit, fail
from assistant.compliance.findings import Finding
from assistant.compliance.report import ImpressumReport, impressum_report
from assistant.errors import AssistantError, InputError

if TYPE_CHECKING:
    from assistant.compliance.linkreport import LinkReport

BRAND_OPTION = typer.Option(None, "--brand", "-b", help="Kit id (see `postwerk brand list`).")
TEXT_OPTION = typer.Option(None, "--text", "-t", help="A post text; its URLs are checked.")
TIMEOUT_OPTION = typer.Option(5.0, "--timeout", help="Seconds per request (0.1-60).")
MIN_TIMEOUT, MAX_TIMEOUT = 0.1, 60.0
QUEUE_OPTION = typer.Option(True, "--queue/--no-queue", help="Also check the kit's queue items.")


def _finding_lines(findings: list[Finding]) -> None:
    for f in findings:
        mark = "FEHLER/ERROR" if f.is_error else "HINWEIS/WARNING"
        typer.echo(f"  [{mark}] {f.code} ({f.field})")
        typer.echo(f"    DE: {f.message_de}")
        typer.echo(f"    EN: {f.message_en}")


def _render_impressum(report: ImpressumReport) -> None:
    typer.echo("=== Website ===")
    typer.echo(report.website_text)
    typer.echo("=== Profil / profile ===")
    typer.echo(report.profile_text)
    if not report.findings:
        typer.echo("Vollständig / complete: no findings.")
        return
    state = "vollständig / complete" if report.complete else "unvollständig / incomplete"
    typer.echo(f"=== Prüfung / findings: {state} ===")
    _finding_lines(report.findings)


def impressum(brand: str = BRAND_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The Impressum of a kit (website and profile text) and what is missing, per § 5 DDG."""
    from assistant.brand.kit import load_kit

    if not brand:
        fail("give the kit with --brand KIT (see `postwerk brand list`)")
    try:
        report = impressum_report(load_kit(brand))
    except AssistantError as exc:
        fail(str(exc))
    payload = {**report.model_dump(mode="json"), "complete": report.complete}
    emit(as_json, payload, lambda: _render_impressum(report))
    raise typer.Exit(0 if report.complete else 1)


def _render_links(report: LinkReport) -> None:
    if not report.rows:
        typer.echo("no links found")
    for row in report.rows:
        r = row.result
        code = r.http_status if r.http_status is not None else "-"
        typer.echo(f"{r.status:<11} {code!s:>4}  {row.url}  ({row.where})")
        if r.status not in ("ok",):
            typer.echo(f"{'':17}{r.message}")
        for p in row.problems:
            if p.code in ("utm_missing", "link_shortener"):
                typer.echo(f"{'':17}! {p.severity.value}: {p.code}")
    if report.note:
        typer.echo(f"note: {report.note}")
    counts = ", ".join(f"{n} {status}" for status, n in sorted(report.counts().items()))
    typer.echo(f"{len(report.rows)} link(s): {counts or 'none'}")


def links(
    text: str | None = TEXT_OPTION,
    brand: str | None = BRAND_OPTION,
    timeout: float = TIMEOUT_OPTION,
    queue: bool = QUEUE_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Check that every link answers (exit 1 if one is broken, invalid or refused)."""
    try:
        report = _link_report(text, brand, timeout, queue)
    except AssistantError as exc:
        fail(str(exc))
    payload = {**report.model_dump(mode="json"), "broken": report.broken,
               "counts": report.counts()}
    emit(as_json, payload, lambda: _render_links(report))
    raise typer.Exit(1 if report.errors else 0)


def _link_report(text: str | None, brand: str | None, timeout: float, queue: bool) -> LinkReport:
    # httpx and the link checker: only for `postwerk links`
    from assistant.compliance.linkreport import kit_link_report, text_link_report

    if (text is None) == (brand is None):
        raise InputError("give either --text TEXT or --brand KIT (exactly one of them)")
    # written out because nan passes every comparison-based bound check
    if not (math.isfinite(timeout) and MIN_TIMEOUT <= timeout <= MAX_TIMEOUT):
        raise InputError(
            f"--timeout {timeout} is not usable; give seconds from {MIN_TIMEOUT} to "
            f"{MAX_TIMEOUT:.0f}, e.g. --timeout 5"
        )
    if text is not None:
        return text_link_report(text, timeout=timeout)
    from assistant.brand.kit import load_kit

    assert brand is not None
    return kit_link_report(load_kit(brand), include_queue=queue, timeout=timeout)


def register(app: typer.Typer) -> None:
    app.command("impressum")(impressum)
    app.command("links")(links)
