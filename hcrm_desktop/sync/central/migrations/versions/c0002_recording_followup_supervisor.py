"""central schema 2: the tables and columns of local migration 0004, their rules and permissions

New tables knowledge_articles, complaint_attachments, escalations, qa_reviews; new columns on staff_users,
interactions, complaints, bookings and followup_tasks. The registry, the per-table functions, the schema
fingerprint and the permissions follow; the apply function gains the QA-review rule and names a refused
complaint state change `invalid_transition`.

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from hcrm_desktop.sync.central.ddl import (
    add_column,
    bulk_function,
    bulk_signature,
    fingerprint,
    metadata_of,
    permission_rows,
    registry_rows,
    row_dispatcher,
    row_function,
    table,
)
from hcrm_desktop.sync.central.schema import GROUP_ROLES

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

FINGERPRINT = "43aed82056e5c6e0"
NEW_TABLES = ("complaint_attachments", "escalations", "knowledge_articles", "qa_reviews")
# (table, column as "name type?", default for the rows already there)
NEW_COLUMNS = (
    ("staff_users", "team varchar(32)?", None),
    ("interactions", "wrap_seconds integer?", None),
    ("complaints", "assigned_department_id varchar(36)?", None),
    ("complaints", "escalated_at timestamp?", None),
    ("complaints", "escalated_to_id varchar(36)?", None),
    ("complaints", "reopened_count integer", "0"),
    ("complaints", "channel varchar(8)?", None),
    ("bookings", "interaction_id varchar(36)?", None),
    ("bookings", "state_changed_at timestamp?", None),
    ("bookings", "cancel_reason varchar(200)?", None),
    ("bookings", "confirmation_sent_at timestamp?", None),
    ("followup_tasks", "last_attempt_at timestamp?", None),
    ("followup_tasks", "reason varchar(200)?", None),
)
# Every synced table after this revision, frozen (the local models of commit 3e1bee1), in sync order.
TABLES = (
    table("departments",
          "code varchar(32), name varchar(64), kind varchar(16)",
          unique=(("code",),)),
    table("staff_users",
          "username varchar(64), display_name varchar(64), role varchar(16), department_id varchar(36)?, "
          "employee_no varchar(32)?, title varchar(32)?, active boolean, team varchar(32)?, "
          "password_hash varchar(255)?",
          unique=(("username",),), hidden=("password_hash",)),
    table("organizations",
          "name varchar(128), industry varchar(64)?, contact_name varchar(64)?, contact_phone varchar(32)?, "
          "contract_no varchar(64)?, contract_start date?, contract_end date?"),
    table("packages",
          "code varchar(32), name varchar(64), price_fen integer, sex varchar(1)?, items json, "
          "description text?",
          unique=(("code",),)),
    table("followup_rules",
          "code varchar(48), name varchar(64), kind varchar(20), definition json, active boolean",
          unique=(("code",),)),
    table("questionnaires",
          "code varchar(48), name varchar(64), definition json",
          unique=(("code",),)),
    table("audit_events",
          "actor_id varchar(36)?, action varchar(32), entity varchar(64)?, entity_id varchar(36)?, "
          "at timestamp, details json",
          append_only=True, read_roles=("supervisor", "admin")),
    table("bookings",
          "patient_id varchar(36), slot_id varchar(36), state varchar(12), booked_at timestamp, "
          "booked_by_id varchar(36)?, rescheduled_from_id varchar(36)?, notes text?, "
          "interaction_id varchar(36)?, state_changed_at timestamp?, cancel_reason varchar(200)?, "
          "confirmation_sent_at timestamp?"),
    table("call_attempts",
          "task_id varchar(36), agent_id varchar(36)?, at timestamp, outcome varchar(16), "
          "duration_seconds integer?, notes text?",
          append_only=True),
    table("checkups",
          "patient_id varchar(36), package_id varchar(36)?, organization_id varchar(36)?, checkup_date date, "
          "amount_fen integer, abnormal_findings json, risk_level varchar(8)"),
    table("complaint_attachments",
          "complaint_id varchar(36), filename varchar(255), mime_type varchar(100), size_bytes integer, "
          "sha256 varchar(64), content_b64 text, added_by_id varchar(36)?, added_at timestamp",
          append_only=True),
    table("complaint_events",
          "complaint_id varchar(36), actor_id varchar(36)?, at timestamp, from_state varchar(12)?, "
          "to_state varchar(12)?, note text?",
          append_only=True),
    table("complaints",
          "patient_id varchar(36)?, interaction_id varchar(36)?, case_no varchar(20), severity varchar(8), "
          "state varchar(12), category varchar(64)?, subject varchar(200), description text?, "
          "department_id varchar(36)?, staff_involved varchar(128)?, handler_id varchar(36)?, "
          "opened_at timestamp, acknowledge_due timestamp?, resolve_due timestamp?, "
          "acknowledged_at timestamp?, resolved_at timestamp?, closed_at timestamp?, escalated boolean, "
          "resolution text?, satisfaction integer?, assigned_department_id varchar(36)?, "
          "escalated_at timestamp?, escalated_to_id varchar(36)?, reopened_count integer, channel varchar(8)?",
          unique=(("case_no",),)),
    table("encounters",
          "patient_id varchar(36), kind varchar(12), department_id varchar(36)?, doctor_id varchar(36)?, "
          "started_at timestamp, discharged_at timestamp?, primary_icd10 varchar(16)?, diagnoses json, "
          "surgery varchar(128)?, amount_fen integer"),
    table("escalations",
          "patient_id varchar(36), task_id varchar(36)?, response_id varchar(36)?, department_id varchar(36)?, "
          "doctor_id varchar(36)?, raised_by_id varchar(36)?, raised_at timestamp, due_at timestamp, "
          "state varchar(12), reason text, answers json, instruction text?, instructed_by_id varchar(36)?, "
          "instructed_at timestamp?, feedback text?, executed_at timestamp?, closed_at timestamp?"),
    table("followup_tasks",
          "patient_id varchar(36), rule_id varchar(36), source_ref varchar(64), step varchar(16), "
          "questionnaire_id varchar(36)?, department_id varchar(36)?, assignee_id varchar(36)?, "
          "priority integer, due_at timestamp, window_end timestamp?, state varchar(12), attempts integer, "
          "callback_at timestamp?, outcome varchar(16)?, completed_at timestamp?, last_attempt_at timestamp?, "
          "reason varchar(200)?",
          unique=(("rule_id", "patient_id", "source_ref", "step"),)),
    table("interactions",
          "patient_id varchar(36)?, type varchar(16), channel varchar(8), direction varchar(8), "
          "category varchar(64)?, disposition varchar(32)?, summary text?, agent_id varchar(36)?, "
          "remote_number varchar(40)?, call_id varchar(64)?, started_at timestamp, ended_at timestamp?, "
          "handle_seconds integer?, resolved_first_contact boolean?, credited_staff_id varchar(36)?, "
          "credited_department_id varchar(36)?, wrap_seconds integer?",
          append_only=True),
    table("knowledge_articles",
          "category varchar(64), title varchar(200), body text, keywords varchar(255)?, active boolean, "
          "updated_by_id varchar(36)?"),
    table("patient_identifiers",
          "patient_id varchar(36), system varchar(8), value varchar(64)",
          unique=(("system", "value"),)),
    table("patient_phones",
          "patient_id varchar(36), number varchar(40), number_e164 varchar(20), extension varchar(10)?, "
          "relation varchar(8), contact_name varchar(64)?, is_primary boolean"),
    table("patients",
          "customer_no varchar(20), name varchar(64), name_pinyin varchar(128), name_initials varchar(32), "
          "sex varchar(1), birth_date date?, national_id varchar(18)?, occupation varchar(32)?, "
          "education varchar(16)?, income_band varchar(16)?, province varchar(32)?, city varchar(32)?, "
          "district varchar(32)?, address varchar(255)?, vip_level integer, points integer, "
          "customer_type varchar(16)?, consent_sms boolean, consent_wechat boolean, consent_phone boolean, "
          "consent_data_use boolean, referred_by_id varchar(36)?, organization_id varchar(36)?, tags json, "
          "notes text?, deceased_on date?, merged_into_id varchar(36)?, created_at timestamp",
          unique=(("customer_no",),)),
    table("points_ledger",
          "patient_id varchar(36), delta integer, reason varchar(64), at timestamp",
          append_only=True),
    table("qa_reviews",
          "interaction_id varchar(36), agent_id varchar(36)?, reviewer_id varchar(36)?, reviewed_at timestamp, "
          "scores json, total double, comment text?, seen_by_agent_at timestamp?"),
    table("slots",
          "resource varchar(8), resource_id varchar(36), doctor_id varchar(36)?, day date, period varchar(2), "
          "capacity integer, vip_reserved integer, booked integer",
          unique=(("resource", "resource_id", "day", "period"),)),
    table("survey_responses",
          "questionnaire_id varchar(36), patient_id varchar(36)?, task_id varchar(36)?, "
          "interaction_id varchar(36)?, answers json, score double?, red_flag boolean, submitted_at timestamp",
          append_only=True),
)

_ALL = ("insert", "update", "delete")
_WRITE = ("insert", "update")
NEW_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "agent": {"complaint_attachments": ("insert",), "escalations": ("insert",), "qa_reviews": ("update",)},
    "nurse": {"escalations": _WRITE, "qa_reviews": ("update",)},
    "supervisor": {"knowledge_articles": _ALL, "complaint_attachments": ("insert",), "escalations": _ALL,
                   "qa_reviews": _ALL},
    "admin": {"knowledge_articles": _ALL, "complaint_attachments": ("insert",), "escalations": _ALL,
              "qa_reviews": _ALL},
}  # fmt: skip

APPLY = r"""
-- Apply one mutation. Raises HC001 (reason in the message, the server row as JSON in the detail) to
-- reject; the caller runs it in a subtransaction, so a rejection undoes everything it did.
CREATE OR REPLACE FUNCTION hcrm_apply(m jsonb, p_device text, u sync_users) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    t sync_tables;
    v_op text := m->>'op';
    v_perm text;
    v_id text := m->>'entity_id';
    v_base bigint;
    f jsonb := m->'fields';
    cur jsonb;
    nrow jsonb;
    v bigint;
    applied jsonb := '{}';
    losing jsonb := '{}';
    others text[];
    k text;
    val jsonb;
    v_ops text[];
    reason text := 'field_changed';
BEGIN
    SELECT * INTO t FROM sync_tables WHERE name = m->>'entity';
    IF NOT FOUND THEN PERFORM hcrm_reject('unknown_entity'); END IF;
    IF v_op IS NULL OR v_op NOT IN ('insert', 'update', 'delete') OR v_id IS NULL OR length(v_id) > 36
       OR f IS NULL OR jsonb_typeof(f) <> 'object'
       OR coalesce(jsonb_typeof(m->'base_version'), 'null') NOT IN ('number', 'null') THEN
        PERFORM hcrm_reject('invalid');
    END IF;
    v_base := coalesce((m->>'base_version')::numeric::bigint, 0);
    f := f - ARRAY['id', 'version', 'updated_at', 'origin'];
    IF t.name = 'slots' THEN f := f - 'booked'; END IF;  -- a counter only the central side keeps
    IF v_op = 'delete' THEN f := f || '{"deleted": true}'; END IF;
    IF f ? 'deleted' AND jsonb_typeof(f->'deleted') <> 'boolean' THEN PERFORM hcrm_reject('invalid'); END IF;
    SELECT j.key INTO k FROM jsonb_object_keys(f) AS j(key)
     WHERE j.key <> 'deleted' AND NOT (j.key = ANY (t.columns)) LIMIT 1;
    IF k IS NOT NULL THEN PERFORM hcrm_reject('unknown_field'); END IF;

    cur := hcrm_row(t.name, 'get', v_id, NULL);
    IF v_op <> 'insert' AND f = '{}' THEN
        IF cur IS NULL THEN PERFORM hcrm_reject('not_found'); END IF;
        RETURN jsonb_build_object('status', 'applied', 'version', (cur->>'version')::bigint);
    END IF;

    v_perm := CASE WHEN v_op = 'update' AND coalesce((f->>'deleted')::boolean, false) THEN 'delete'
                   ELSE v_op END;
    SELECT ops INTO v_ops FROM sync_permissions WHERE role = u.role AND entity = t.name;
    IF v_ops IS NULL OR NOT (v_perm = ANY (v_ops)) THEN
        PERFORM hcrm_reject('forbidden', hcrm_public(t.name, cur));
    END IF;
    IF t.name = 'patients' AND u.role NOT IN ('supervisor', 'admin') AND f ? 'merged_into_id'
       AND f->>'merged_into_id' IS DISTINCT FROM cur->>'merged_into_id' THEN
        PERFORM hcrm_reject('forbidden', cur);
    END IF;
    IF t.name = 'complaints' AND u.role = 'nurse' AND f->>'state' IN ('resolved', 'closed')
       AND f->>'state' IS DISTINCT FROM cur->>'state' THEN
        PERFORM hcrm_reject('forbidden', cur);
    END IF;
    -- QA reviews: front-line staff may only mark their own review as seen
    IF t.name = 'qa_reviews' AND u.role NOT IN ('supervisor', 'admin') AND (
           cur->>'agent_id' IS DISTINCT FROM u.staff_user_id
           OR EXISTS (SELECT 1 FROM jsonb_each(f) e
                       WHERE e.key <> 'seen_by_agent_at' AND e.value IS DISTINCT FROM cur->e.key)) THEN
        PERFORM hcrm_reject('forbidden', cur);
    END IF;

    IF v_op = 'insert' THEN
        IF cur IS NOT NULL THEN PERFORM hcrm_reject('already_exists', hcrm_public(t.name, cur)); END IF;
        IF t.name = 'bookings' AND hcrm_booking_active(f) THEN
            PERFORM hcrm_slot_take(f->>'slot_id', 1);
        END IF;
        v := nextval('sync_version_seq');
        nrow := f || jsonb_build_object('id', v_id, 'version', v, 'updated_at', hcrm_now(),
                                        'deleted', coalesce((f->>'deleted')::boolean, false),
                                        'origin', left(p_device, 36));
        IF t.name = 'slots' THEN nrow := nrow || '{"booked": 0}'; END IF;
        PERFORM hcrm_row(t.name, 'insert', v_id, nrow);
        RETURN jsonb_build_object('status', 'applied', 'version', v);
    END IF;

    IF cur IS NULL THEN PERFORM hcrm_reject('not_found'); END IF;
    IF t.append_only THEN PERFORM hcrm_reject('append_only', hcrm_public(t.name, cur)); END IF;
    IF t.name = 'complaints' AND f ? 'state' AND f->>'state' IS DISTINCT FROM cur->>'state'
       AND NOT hcrm_transition_ok(cur->>'state', f->>'state') THEN
        PERFORM hcrm_reject('invalid_transition', cur);
    END IF;
    IF t.name = 'followup_tasks' AND f ? 'assignee_id'
       AND f->>'assignee_id' IS DISTINCT FROM cur->>'assignee_id'
       AND u.role NOT IN ('supervisor', 'admin') AND cur->>'assignee_id' IS NOT NULL
       AND NOT (f->>'assignee_id' IS NULL AND cur->>'assignee_id' = u.staff_user_id) THEN
        PERFORM hcrm_reject('already_claimed', cur);
    END IF;

    -- field-level merge: a field another device changed since the edit's base version keeps its
    -- central value; the losing local value is returned and logged
    SELECT array_agg(DISTINCT x) INTO others
      FROM sync_changes c, unnest(c.fields) AS x
     WHERE c.entity = t.name AND c.entity_id = v_id AND c.version > v_base AND c.device_id <> p_device;
    IF (cur->>'deleted')::boolean AND NOT (f ? 'deleted') THEN
        losing := f;
        reason := 'deleted';
    ELSE
        FOR k, val IN SELECT key, value FROM jsonb_each(f) LOOP
            IF cur->k = val THEN
                CONTINUE;
            ELSIF k = ANY (coalesce(others, '{}')) AND NOT (t.name = 'complaints' AND k = 'state') THEN
                losing := losing || jsonb_build_object(k, val);
            ELSE
                applied := applied || jsonb_build_object(k, val);
            END IF;
        END LOOP;
    END IF;

    IF t.name = 'bookings' AND applied <> '{}' THEN
        nrow := cur || applied;
        IF hcrm_booking_active(cur) AND (NOT hcrm_booking_active(nrow)
                                         OR nrow->>'slot_id' IS DISTINCT FROM cur->>'slot_id') THEN
            PERFORM hcrm_slot_take(cur->>'slot_id', -1);
        END IF;
        IF hcrm_booking_active(nrow) AND (NOT hcrm_booking_active(cur)
                                          OR nrow->>'slot_id' IS DISTINCT FROM cur->>'slot_id') THEN
            PERFORM hcrm_slot_take(nrow->>'slot_id', 1);
        END IF;
    END IF;

    IF applied <> '{}' THEN
        v := nextval('sync_version_seq');
        nrow := cur || applied || jsonb_build_object('version', v, 'updated_at', hcrm_now());
        PERFORM hcrm_row(t.name, 'update', v_id, nrow);
        INSERT INTO sync_changes VALUES (v, t.name, v_id, p_device, ARRAY(SELECT jsonb_object_keys(applied)));
    ELSE
        nrow := cur;
        v := (cur->>'version')::bigint;
    END IF;
    IF losing <> '{}' THEN
        nrow := hcrm_public(t.name, nrow);
        INSERT INTO sync_conflict_log (mutation_id, device_id, username, entity, entity_id, base_version,
                                       server_version, reason, local_fields, server_row, at)
        VALUES (m->>'mutation_id', p_device, u.username, t.name, v_id, v_base, v, reason, losing, nrow,
                hcrm_now());
        RETURN jsonb_build_object('status', 'conflict', 'version', v, 'reason', reason, 'fields', losing,
                                  'server_row', nrow);
    END IF;
    RETURN jsonb_build_object('status', 'applied', 'version', v);
END $$;
"""


def upgrade() -> None:
    if fingerprint(TABLES) != FINGERPRINT:
        raise RuntimeError("c0002's frozen tables were changed; add a new central revision instead")
    by_name = {t.name: t for t in TABLES}
    changed = sorted({name for name, _, _ in NEW_COLUMNS})
    bind = op.get_bind()
    metadata_of([by_name[name] for name in NEW_TABLES]).create_all(bind)
    for name, text, default in NEW_COLUMNS:
        op.execute(add_column(name, text, default))
    cursor = bind.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute("\n".join(row_function(by_name[n], replace=True) for n in (*changed, *NEW_TABLES))
                   + "\n" + row_dispatcher(TABLES, replace=True))
    cursor.execute("\n".join(f"DROP FUNCTION {bulk_signature(n)};" for n in changed)
                   + "\n".join(bulk_function(by_name[n]) for n in (*changed, *NEW_TABLES)))
    cursor.execute(APPLY)
    _registry()
    _grants([*changed, *NEW_TABLES])


def _registry() -> None:
    op.execute("DELETE FROM sync_tables")
    registry = sa.table(
        "sync_tables", *(sa.column(c) for c in ("name", "position", "columns", "append_only", "read_roles",
                                                  "select_list", "columns_json", "update_list")),
    )
    op.bulk_insert(registry, registry_rows(TABLES))
    permissions = sa.table("sync_permissions", sa.column("role"), sa.column("entity"), sa.column("ops"))
    op.bulk_insert(permissions, permission_rows(NEW_PERMISSIONS))
    for key, value in (("schema", revision), ("fingerprint", FINGERPRINT),
                       ("tables", json.dumps([t.name for t in TABLES]))):
        op.execute(sa.text("UPDATE sync_info SET value = :v WHERE key = :k").bindparams(v=value, k=key))


def _grants(bulk_tables: list[str]) -> None:
    for name in NEW_TABLES:
        op.execute(f'REVOKE ALL ON "{name}" FROM PUBLIC')
    op.execute("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
    grantees = ", ".join(GROUP_ROLES)
    for name in bulk_tables:
        op.execute(f"GRANT EXECUTE ON FUNCTION {bulk_signature(name)} TO {grantees}")


def downgrade() -> None:
    raise NotImplementedError("the central schema is not downgraded; restore a backup instead")
