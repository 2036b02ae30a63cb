"""the town an audit entry is about, so a town's admin reads only their town's log;
backfilled from the ticket, staff account, conversation or roster day it names,
else from the staff member who acted

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The subject's town, by the target's prefix (targets look like "ticket:BM20261123-0001").
_BY_TARGET = (
    ("ticket:", "SELECT t.town_id FROM tickets t WHERE audit_log.target = 'ticket:' || t.number"),
    (
        "staff:",
        "SELECT s.town_id FROM staff s"
        " WHERE audit_log.target = 'staff:' || CAST(s.id AS VARCHAR(12))",
    ),
    (
        "handoff:",
        "SELECT h.town_id FROM handoffs h"
        " WHERE audit_log.target = 'handoff:' || CAST(h.id AS VARCHAR(12))",
    ),
)


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as t:
        t.add_column(sa.Column("town_id", sa.String(length=32), nullable=True))
        t.create_index("ix_audit_log_town_id", ["town_id"])
    for prefix, subject in _BY_TARGET:
        op.execute(f"UPDATE audit_log SET town_id = ({subject}) WHERE target LIKE '{prefix}%'")
    # roster.set keeps the roster's town in its JSON detail.
    town = (
        "detail ->> 'town'"
        if op.get_bind().dialect.name == "postgresql"
        else "json_extract(detail, '$.town')"
    )
    op.execute(f"UPDATE audit_log SET town_id = {town} WHERE action = 'roster.set'")
    # Anything else (logins, county-wide settings, a county account): the actor's town.
    op.execute(
        "UPDATE audit_log SET town_id ="
        " (SELECT s.town_id FROM staff s WHERE s.id = audit_log.staff_id)"
        " WHERE town_id IS NULL AND staff_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as t:
        t.drop_index("ix_audit_log_town_id")
        t.drop_column("town_id")
