"""worklist index: a covering index for the follow-up worklist's filters and order

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ["state", "priority", "due_at", "callback_at", "deleted", "assignee_id", "rule_id", "department_id", "id"]


def upgrade() -> None:
    op.create_index("ix_followup_tasks_worklist", "followup_tasks", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_followup_tasks_worklist", table_name="followup_tasks")
