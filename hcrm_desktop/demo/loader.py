"""Bulk loading of demo rows into a freshly migrated SQLite cache, bypassing the ORM and the outbox.

During the load the journal and fsync are off and the secondary indexes are dropped; `finish()` recreates
exactly the indexes the migration made (their SQL was read from `sqlite_master` before dropping them)
and puts the database back into WAL mode. Triggers the migrations made (the search index) stay and fire
for every row, so the tables they maintain are filled as they would be by any other writer.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from hcrm_desktop.store.db import raw_connection

# Every row is a baseline snapshot from the central server: version 1, not deleted, origin "central".
# Those constants are written into the INSERT statement; row tuples hold `id`, `updated_at`, then the
# table's columns in exactly this order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "departments": ("code", "name", "kind"),
    "staff_users": ("username", "display_name", "role", "department_id", "employee_no", "title", "active",
                    "password_hash"),
    "organizations": ("name", "industry", "contact_name", "contact_phone", "contract_no", "contract_start",
                      "contract_end"),
    "packages": ("code", "name", "price_fen", "sex", "items", "description"),
    "followup_rules": ("code", "name", "kind", "definition", "active"),
    "questionnaires": ("code", "name", "definition"),
    "patients": ("customer_no", "name", "name_pinyin", "name_initials", "sex", "birth_date", "national_id",
                 "occupation", "education", "income_band", "province", "city", "district", "address",
                 "vip_level", "points", "customer_type", "consent_sms", "consent_wechat", "consent_phone",
                 "consent_data_use", "referred_by_id", "organization_id", "tags", "notes", "deceased_on",
                 "merged_into_id", "created_at"),
    "patient_identifiers": ("patient_id", "system", "value"),
    "patient_phones": ("patient_id", "number", "number_e164", "extension", "relation", "contact_name",
                       "is_primary"),
    "encounters": ("patient_id", "kind", "department_id", "doctor_id", "started_at", "discharged_at",
                   "primary_icd10", "diagnoses", "surgery", "amount_fen"),
    "checkups": ("patient_id", "package_id", "organization_id", "checkup_date", "amount_fen",
                 "abnormal_findings", "risk_level"),
    "interactions": ("patient_id", "type", "channel", "direction", "category", "disposition", "summary",
                     "agent_id", "remote_number", "call_id", "started_at", "ended_at", "handle_seconds",
                     "resolved_first_contact", "credited_staff_id", "credited_department_id"),
    "complaints": ("patient_id", "interaction_id", "case_no", "severity", "state", "category", "subject",
                   "description", "department_id", "staff_involved", "handler_id", "opened_at",
                   "acknowledge_due", "resolve_due", "acknowledged_at", "resolved_at", "closed_at",
                   "escalated", "resolution", "satisfaction"),
    "complaint_events": ("complaint_id", "actor_id", "at", "from_state", "to_state", "note"),
    "slots": ("resource", "resource_id", "doctor_id", "day", "period", "capacity", "vip_reserved", "booked"),
    "bookings": ("patient_id", "slot_id", "state", "booked_at", "booked_by_id", "rescheduled_from_id",
                 "notes"),
    "followup_tasks": ("patient_id", "rule_id", "source_ref", "step", "questionnaire_id", "department_id",
                       "assignee_id", "priority", "due_at", "window_end", "state", "attempts", "callback_at",
                       "outcome", "completed_at", "last_attempt_at", "reason"),
    "call_attempts": ("task_id", "agent_id", "at", "outcome", "duration_seconds", "notes"),
    "survey_responses": ("questionnaire_id", "patient_id", "task_id", "interaction_id", "answers", "score",
                         "red_flag", "submitted_at"),
    "points_ledger": ("patient_id", "delta", "reason", "at"),
}  # fmt: skip
HISTORY_TABLES = (
    "encounters", "checkups", "interactions", "complaints", "complaint_events", "bookings", "followup_tasks",
    "call_attempts", "survey_responses", "points_ledger",
)  # fmt: skip


def insert_sql(table: str) -> str:
    columns = ", ".join(("id", "updated_at", "version", "deleted", "origin", *COLUMNS[table]))
    values = ", ".join(("?", "?", "1", "0", "'central'", *"?" * len(COLUMNS[table])))
    return f"INSERT INTO {table} ({columns}) VALUES ({values})"


class BulkLoader:
    """One raw connection, one long transaction per `commit()`, secondary indexes rebuilt at the end."""

    def __init__(self, path: Path, *, cache_mb: int = 1024) -> None:
        self.conn: sqlite3.Connection = raw_connection(path)
        self.conn.execute("PRAGMA journal_mode=OFF")
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        self.conn.execute("PRAGMA temp_store=MEMORY")
        self.conn.execute(f"PRAGMA cache_size=-{cache_mb * 1024}")
        self._sql = {table: insert_sql(table) for table in COLUMNS}
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)
        self.indexes = self._drop_indexes()
        self.conn.execute("BEGIN")

    def _drop_indexes(self) -> list[tuple[str, str]]:
        """Drop the explicit indexes (not the ones backing UNIQUE and PRIMARY KEY); return their SQL."""
        found = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        ).fetchall()
        for name, _sql in found:
            self.conn.execute(f'DROP INDEX "{name}"')
        return [(str(name), str(sql)) for name, sql in found]

    def insert(self, table: str, rows: Sequence[tuple[object, ...]]) -> None:
        if rows:
            self.conn.executemany(self._sql[table], rows)
            self.counts[table] += len(rows)

    def insert_all(self, chunk: dict[str, list[tuple[object, ...]]]) -> None:
        for table, rows in chunk.items():
            self.insert(table, rows)

    def commit(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN")

    def finish(self, on_index: Callable[[str, int, int], None] | None = None) -> None:
        """Commit, rebuild the indexes (sorting on every core), return to WAL, and close."""
        self.conn.execute("COMMIT")
        self.conn.execute(f"PRAGMA threads={min(4, os.cpu_count() or 1)}")
        for i, (name, sql) in enumerate(self.indexes):
            self.conn.execute(sql)
            if on_index is not None:
                on_index(name, i + 1, len(self.indexes))
        self.conn.execute("PRAGMA locking_mode=NORMAL")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.close()

    def close(self) -> None:
        self.conn.close()
