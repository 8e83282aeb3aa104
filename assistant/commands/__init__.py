"""CLI command groups; each module exposes ``register(app: typer.Typer) -> None``.

Shared helpers: ``emit`` prints a result (JSON or text), ``fail`` exits 2 with one line.
"""
