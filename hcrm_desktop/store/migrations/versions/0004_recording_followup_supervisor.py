"""recording, follow-up and supervisor tables

Wrap-up drafts (local), knowledge answers, complaint attachments, red-flag escalations, QA reviews, and the
columns the recording, follow-up and supervisor screens need on existing tables.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 08:28:01.523612
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


NEW_COLUMNS = (  # (table, column, SQL type, referenced table or "")
    ("bookings", "interaction_id", "VARCHAR(36)", "interactions"),
    ("bookings", "state_changed_at", "DATETIME", ""),
    ("bookings", "cancel_reason", "VARCHAR(200)", ""),
    ("bookings", "confirmation_sent_at", "DATETIME", ""),
    ("complaints", "assigned_department_id", "VARCHAR(36)", "departments"),
    ("complaints", "escalated_at", "DATETIME", ""),
    ("complaints", "escalated_to_id", "VARCHAR(36)", "staff_users"),
    ("complaints", "reopened_count", "INTEGER DEFAULT '0' NOT NULL", ""),
    ("complaints", "channel", "VARCHAR(8)", ""),
)


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_drafts")),
    )
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drafts_kind"), ["kind"], unique=False)

    op.create_table(
        "knowledge_articles",
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("keywords", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_by_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["staff_users.id"],
            name=op.f("fk_knowledge_articles_updated_by_id_staff_users"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_articles")),
    )
    with op.batch_alter_table("knowledge_articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knowledge_articles_category"), ["category"], unique=False)

    op.create_table(
        "qa_reviews",
        sa.Column("interaction_id", sa.String(length=36), nullable=False),
        sa.Column("agent_id", sa.String(length=36), nullable=True),
        sa.Column("reviewer_id", sa.String(length=36), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("total", sa.Double(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("seen_by_agent_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["staff_users.id"],
            name=op.f("fk_qa_reviews_agent_id_staff_users"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_qa_reviews_interaction_id_interactions"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["staff_users.id"],
            name=op.f("fk_qa_reviews_reviewer_id_staff_users"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_reviews")),
    )
    with op.batch_alter_table("qa_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_reviews_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_qa_reviews_interaction_id"), ["interaction_id"], unique=False)

    op.create_table(
        "complaint_attachments",
        sa.Column("complaint_id", sa.String(length=36), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content_b64", sa.Text(), nullable=False),
        sa.Column("added_by_id", sa.String(length=36), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["staff_users.id"],
            name=op.f("fk_complaint_attachments_added_by_id_staff_users"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_attachments_complaint_id_complaints"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_attachments")),
    )
    with op.batch_alter_table("complaint_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_attachments_complaint_id"), ["complaint_id"], unique=False
        )

    op.create_table(
        "escalations",
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.Column("task_id", sa.String(length=36), nullable=True),
        sa.Column("response_id", sa.String(length=36), nullable=True),
        sa.Column("department_id", sa.String(length=36), nullable=True),
        sa.Column("doctor_id", sa.String(length=36), nullable=True),
        sa.Column("raised_by_id", sa.String(length=36), nullable=True),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("instruction", sa.Text(), nullable=True),
        sa.Column("instructed_by_id", sa.String(length=36), nullable=True),
        sa.Column("instructed_at", sa.DateTime(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=True),
        sa.Column("executed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_escalations_department_id_departments"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"],
            ["staff_users.id"],
            name=op.f("fk_escalations_doctor_id_staff_users"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["instructed_by_id"],
            ["staff_users.id"],
            name=op.f("fk_escalations_instructed_by_id_staff_users"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_escalations_patient_id_patients"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"],
            ["staff_users.id"],
            name=op.f("fk_escalations_raised_by_id_staff_users"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["survey_responses.id"],
            name=op.f("fk_escalations_response_id_survey_responses"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["followup_tasks.id"],
            name=op.f("fk_escalations_task_id_followup_tasks"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
    )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_escalations_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_escalations_patient_id"), ["patient_id"], unique=False)
        batch_op.create_index("ix_escalations_state_due", ["state", "due_at"], unique=False)

    # New columns on big tables are added in place. A batch "move and copy" would rebuild `bookings`,
    # whose self-reference (rescheduled_from_id) has no index: dropping the old table then checks every
    # row against every row, hours on a 1M-patient cache. SQLite takes a REFERENCES clause in ADD COLUMN
    # when the default is NULL, so the foreign keys come with the columns.
    for table, column, kind, target in NEW_COLUMNS:
        reference = ""
        if target:
            name = f"fk_{table}_{column}_{target}"
            reference = f" CONSTRAINT {name} REFERENCES {target} (id) DEFERRABLE INITIALLY DEFERRED"
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}{reference}")

    with op.batch_alter_table("followup_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_attempt_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.String(length=200), nullable=True))

    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wrap_seconds", sa.Integer(), nullable=True))

    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("team")

    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_column("wrap_seconds")

    with op.batch_alter_table("followup_tasks", schema=None) as batch_op:
        batch_op.drop_column("reason")
        batch_op.drop_column("last_attempt_at")

    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_complaints_assigned_department_id_departments"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_complaints_escalated_to_id_staff_users"), type_="foreignkey")
        batch_op.drop_column("channel")
        batch_op.drop_column("reopened_count")
        batch_op.drop_column("escalated_to_id")
        batch_op.drop_column("escalated_at")
        batch_op.drop_column("assigned_department_id")

    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_bookings_interaction_id_interactions"), type_="foreignkey")
        batch_op.drop_column("confirmation_sent_at")
        batch_op.drop_column("cancel_reason")
        batch_op.drop_column("state_changed_at")
        batch_op.drop_column("interaction_id")

    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_index("ix_escalations_state_due")
        batch_op.drop_index(batch_op.f("ix_escalations_patient_id"))
        batch_op.drop_index(batch_op.f("ix_escalations_department_id"))

    op.drop_table("escalations")
    with op.batch_alter_table("complaint_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_attachments_complaint_id"))

    op.drop_table("complaint_attachments")
    with op.batch_alter_table("qa_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qa_reviews_interaction_id"))
        batch_op.drop_index(batch_op.f("ix_qa_reviews_agent_id"))

    op.drop_table("qa_reviews")
    with op.batch_alter_table("knowledge_articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_articles_category"))

    op.drop_table("knowledge_articles")
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drafts_kind"))

    op.drop_table("drafts")
