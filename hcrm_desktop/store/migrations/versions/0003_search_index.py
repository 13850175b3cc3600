"""search index: name suffixes, reversed phone digits, merged-into index

Two local tables (never synced) make every search kind an indexed prefix search:
- `search_name_suffixes`: `name[i:]` for i >= 1 (0-based), so "小明" finds 王小明 by prefix;
- `search_phone_tails`: the digits of `number_e164` reversed, so "8000" finds 13800138000 by prefix.
Triggers keep them in step with `patients` and `patient_phones` whoever writes (ORM, sync, bulk loader).
A partial index on `patients.merged_into_id` lets readers find the records merged into a patient.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MAX_E164 = 16  # "+" and at most 15 digits


def reversed_digits(column: str) -> str:
    """SQL for the digits of an E.164 number, last digit first (SQLite has no reverse())."""
    chars = " || ".join(f"substr({column}, -{k}, 1)" for k in range(1, MAX_E164 + 1))
    return f"replace({chars}, '+', '')"


def suffixes(name: str, *extra: str) -> str:
    """SQL selecting each suffix of `name` that starts after its first character (plus `extra` columns)."""
    columns = ", ".join((f"substr({name}, i)", *extra))
    return (
        f"WITH RECURSIVE k(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM k WHERE i < length({name})) "
        f"SELECT {columns} FROM k WHERE i <= length({name})"
    )


TRIGGERS = {
    "trg_search_names_insert": f"""
        AFTER INSERT ON patients BEGIN
          INSERT OR IGNORE INTO search_name_suffixes (suffix, patient_id) {suffixes("NEW.name", "NEW.id")};
        END""",
    "trg_search_names_update": f"""
        AFTER UPDATE OF name ON patients WHEN OLD.name IS NOT NEW.name BEGIN
          DELETE FROM search_name_suffixes WHERE patient_id = OLD.id AND suffix IN ({suffixes("OLD.name")});
          INSERT OR IGNORE INTO search_name_suffixes (suffix, patient_id) {suffixes("NEW.name", "NEW.id")};
        END""",
    "trg_search_names_delete": f"""
        AFTER DELETE ON patients BEGIN
          DELETE FROM search_name_suffixes WHERE patient_id = OLD.id AND suffix IN ({suffixes("OLD.name")});
        END""",
    "trg_search_tails_insert": f"""
        AFTER INSERT ON patient_phones WHEN NOT NEW.deleted AND NEW.number_e164 <> '' BEGIN
          INSERT OR REPLACE INTO search_phone_tails (digits_rev, phone_id, patient_id)
            VALUES ({reversed_digits("NEW.number_e164")}, NEW.id, NEW.patient_id);
        END""",
    "trg_search_tails_update": f"""
        AFTER UPDATE OF number_e164, patient_id, deleted ON patient_phones
        WHEN OLD.number_e164 IS NOT NEW.number_e164 OR OLD.patient_id IS NOT NEW.patient_id
          OR OLD.deleted IS NOT NEW.deleted BEGIN
          DELETE FROM search_phone_tails
            WHERE digits_rev = {reversed_digits("OLD.number_e164")} AND phone_id = OLD.id;
          INSERT OR REPLACE INTO search_phone_tails (digits_rev, phone_id, patient_id)
            SELECT {reversed_digits("NEW.number_e164")}, NEW.id, NEW.patient_id
            WHERE NOT NEW.deleted AND NEW.number_e164 <> '';
        END""",
    "trg_search_tails_delete": f"""
        AFTER DELETE ON patient_phones BEGIN
          DELETE FROM search_phone_tails
            WHERE digits_rev = {reversed_digits("OLD.number_e164")} AND phone_id = OLD.id;
        END""",
}

BACKFILL = (
    """INSERT OR IGNORE INTO search_name_suffixes (suffix, patient_id)
        SELECT substr(p.name, k.i), p.id
        FROM patients AS p JOIN (
          WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 64) SELECT i FROM n
        ) AS k ON k.i <= length(p.name)
        ORDER BY 1, 2""",
    f"""INSERT OR IGNORE INTO search_phone_tails (digits_rev, phone_id, patient_id)
        SELECT {reversed_digits("number_e164")}, id, patient_id FROM patient_phones
        WHERE NOT deleted AND number_e164 <> ''
        ORDER BY 1, 2""",
)


def upgrade() -> None:
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.create_index(
            "ix_patients_merged_into_id",
            ["merged_into_id"],
            unique=False,
            sqlite_where=sa.text("merged_into_id IS NOT NULL"),
        )
    op.create_table(
        "search_name_suffixes",
        sa.Column("suffix", sa.String(length=64), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("suffix", "patient_id", name=op.f("pk_search_name_suffixes")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "search_phone_tails",
        sa.Column("digits_rev", sa.String(length=20), nullable=False),
        sa.Column("phone_id", sa.String(length=36), nullable=False),
        sa.Column("patient_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("digits_rev", "phone_id", name=op.f("pk_search_phone_tails")),
        sqlite_with_rowid=False,
    )
    for statement in BACKFILL:
        op.execute(statement)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("search_phone_tails")
    op.drop_table("search_name_suffixes")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_index("ix_patients_merged_into_id")
