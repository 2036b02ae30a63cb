"""taught questions: villagers' messages the bot missed, labelled by staff in the console
(问题学习) to retrain the learned classifier

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "taught_questions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_id", sa.Integer(), sa.ForeignKey("inbound_messages.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=True),
        sa.Column("town_id", sa.String(length=32), nullable=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("taught_at", storage.types.Instant(), nullable=False),
        sa.UniqueConstraint("message_id"),
    )
    op.create_index("ix_taught_questions_town_id", "taught_questions", ["town_id"])


def downgrade() -> None:
    op.drop_index("ix_taught_questions_town_id", table_name="taught_questions")
    op.drop_table("taught_questions")
