"""The queue: items and their history.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assistant.queue.orm import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_items",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(64), nullable=False),
        sa.Column("kit_id", sa.String(100), nullable=False),
        sa.Column("platform", sa.String(40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("hashtags", sa.JSON(), nullable=False),
        sa.Column("first_comment", sa.Text()),
        sa.Column("alt_text", sa.Text()),
        sa.Column("link", sa.Text()),
        sa.Column("media", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("sponsored", sa.Boolean(), nullable=False),
        sa.Column("scheduled_at", UTCDateTime(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("brief", sa.Text(), nullable=False),
        sa.Column("usage", sa.JSON(), nullable=False),
        sa.Column("slot_key", sa.String(200)),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("posted_url", sa.Text()),
        sa.Column("posted_at", UTCDateTime()),
        sa.Column("error", sa.Text()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("uid", name="uq_queue_items_uid"),
        sa.UniqueConstraint("kit_id", "slot_key", name="uq_queue_items_kit_slot"),
    )
    op.create_index("ix_queue_items_kit_id", "queue_items", ["kit_id"])
    op.create_index("ix_queue_items_scheduled_at", "queue_items", ["scheduled_at"])
    op.create_index("ix_queue_items_status", "queue_items", ["status"])
    op.create_table(
        "queue_history",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "item_id", sa.Integer(),
            sa.ForeignKey("queue_items.id", ondelete="CASCADE"), nullable=False,
        ),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("old_status", sa.String(16)),
        sa.Column("new_status", sa.String(16)),
        sa.Column("old_text", sa.Text()),
        sa.Column("new_text", sa.Text()),
        sa.Column("note", sa.Text()),
    )
    op.create_index("ix_queue_history_item_id", "queue_history", ["item_id"])


def downgrade() -> None:
    op.drop_index("ix_queue_history_item_id", table_name="queue_history")
    op.drop_table("queue_history")
    op.drop_index("ix_queue_items_status", table_name="queue_items")
    op.drop_index("ix_queue_items_scheduled_at", table_name="queue_items")
    op.drop_index("ix_queue_items_kit_id", table_name="queue_items")
    op.drop_table("queue_items")
