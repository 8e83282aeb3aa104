"""Direct publishing: connected channels and the worker's publish attempts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assistant.queue.orm import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publish_channels",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kit_id", sa.String(100), nullable=False),
        sa.Column("network", sa.String(40), nullable=False),
        sa.Column("account", sa.String(300), nullable=False),
        sa.Column("credentials", sa.Text(), nullable=False),
        sa.Column("health", sa.String(20), nullable=False),
        sa.Column("health_message", sa.Text(), nullable=False),
        sa.Column("expires_at", UTCDateTime()),
        sa.Column("checked_at", UTCDateTime()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("kit_id", "network", name="uq_publish_channels_kit_net"),
    )
    op.create_table(
        "publish_attempts",
        sa.Column("item_id", sa.Integer(),
                  sa.ForeignKey("queue_items.id", ondelete="CASCADE"), primary_key=True,
                  autoincrement=False),
        sa.Column("attempt_id", sa.String(64), nullable=False),
        sa.Column("channel_id", sa.Integer()),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(100)),
        sa.Column("lease_until", UTCDateTime()),
        sa.Column("next_at", UTCDateTime()),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("publish_attempts")
    op.drop_table("publish_channels")
