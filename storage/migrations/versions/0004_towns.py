"""several towns on one deployment: town_id on villagers, tickets, staff, handoffs,
callbacks and the duty roster

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 00:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("villagers") as t:
        t.add_column(sa.Column("town_id", sa.String(length=32), nullable=True))
    with op.batch_alter_table("tickets") as t:
        t.add_column(
            sa.Column("town_id", sa.String(length=32), nullable=False, server_default="main")
        )
        t.create_index("ix_tickets_town_id", ["town_id"])
    with op.batch_alter_table("staff") as t:
        t.add_column(sa.Column("town_id", sa.String(length=32), nullable=True))
    with op.batch_alter_table("handoffs") as t:
        t.add_column(
            sa.Column("town_id", sa.String(length=32), nullable=False, server_default="main")
        )
    with op.batch_alter_table("callbacks") as t:
        t.add_column(
            sa.Column("town_id", sa.String(length=32), nullable=False, server_default="main")
        )
    # The roster's key becomes (day, town): one leader on duty per town per day.
    op.create_table(
        "duty_roster_new",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("town_id", sa.String(length=32), nullable=False, server_default="main"),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.PrimaryKeyConstraint("day", "town_id"),
    )
    op.execute(
        "INSERT INTO duty_roster_new (day, town_id, staff_id) SELECT day, 'main', staff_id FROM duty_roster"
    )
    op.drop_table("duty_roster")
    op.rename_table("duty_roster_new", "duty_roster")


def downgrade() -> None:
    op.create_table(
        "duty_roster_old",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
    )
    op.execute(
        "INSERT INTO duty_roster_old (day, staff_id) SELECT day, staff_id FROM duty_roster WHERE town_id = 'main'"
    )
    op.drop_table("duty_roster")
    op.rename_table("duty_roster_old", "duty_roster")
    for table in ("callbacks", "handoffs", "staff", "villagers"):
        with op.batch_alter_table(table) as t:
            t.drop_column("town_id")
    with op.batch_alter_table("tickets") as t:
        t.drop_index("ix_tickets_town_id")
        t.drop_column("town_id")
