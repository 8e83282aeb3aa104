"""Alembic environment for the queue.

The app runs migrations programmatically (``storage.upgrade``) and passes its open connection
in ``config.attributes["connection"]``; a developer can also run
``alembic -c assistant/queue/alembic.ini revision --autogenerate -m "..."``, which then reads
the URL from the settings (POSTWERK_DATABASE_URL or the default SQLite file).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from assistant.queue.storage import Base, normalise_url

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from assistant.config import get_settings

    engine = create_engine(normalise_url(get_settings().queue_url))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run them against a database")
run_migrations_online()
