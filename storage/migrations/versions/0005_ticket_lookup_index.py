"""index tickets by villager and status: the rating and status lookups ran over
every finished ticket (bench/README.md: 69 ms per digit reply at 100,000 tickets)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 02:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tickets_openid_status", "tickets", ["openid", "status"])


def downgrade() -> None:
    op.drop_index("ix_tickets_openid_status", table_name="tickets")
