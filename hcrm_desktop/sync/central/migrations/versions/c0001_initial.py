"""central schema: synced tables, sync bookkeeping, PL/pgSQL apply and pull, role grants

Revision ID: c0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import json
import secrets
import uuid

import sqlalchemy as sa
from alembic import op

from hcrm_desktop.sync.central.ddl import (
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

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None

PROTOCOL = 1
FINGERPRINT = "d41632a6989ba4f7"
# The synced tables of this revision, frozen (the local models of commit 7793605): sync columns first
# (added by `table`), then each table's own; "?" marks a nullable column.
TABLES = (
    table("departments",
          "code varchar(32), name varchar(64), kind varchar(16)",
          unique=(("code",),)),
    table("staff_users",
          "username varchar(64), display_name varchar(64), role varchar(16), department_id varchar(36)?, "
          "employee_no varchar(32)?, title varchar(32)?, active boolean, password_hash varchar(255)?",
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
          "booked_by_id varchar(36)?, rescheduled_from_id varchar(36)?, notes text?"),
    table("call_attempts",
          "task_id varchar(36), agent_id varchar(36)?, at timestamp, outcome varchar(16), "
          "duration_seconds integer?, notes text?",
          append_only=True),
    table("checkups",
          "patient_id varchar(36), package_id varchar(36)?, organization_id varchar(36)?, checkup_date date, "
          "amount_fen integer, abnormal_findings json, risk_level varchar(8)"),
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
          "resolution text?, satisfaction integer?",
          unique=(("case_no",),)),
    table("encounters",
          "patient_id varchar(36), kind varchar(12), department_id varchar(36)?, doctor_id varchar(36)?, "
          "started_at timestamp, discharged_at timestamp?, primary_icd10 varchar(16)?, diagnoses json, "
          "surgery varchar(128)?, amount_fen integer"),
    table("followup_tasks",
          "patient_id varchar(36), rule_id varchar(36), source_ref varchar(64), step varchar(16), "
          "questionnaire_id varchar(36)?, department_id varchar(36)?, assignee_id varchar(36)?, "
          "priority integer, due_at timestamp, window_end timestamp?, state varchar(12), attempts integer, "
          "callback_at timestamp?, outcome varchar(16)?, completed_at timestamp?",
          unique=(("rule_id", "patient_id", "source_ref", "step"),)),
    table("interactions",
          "patient_id varchar(36)?, type varchar(16), channel varchar(8), direction varchar(8), "
          "category varchar(64)?, disposition varchar(32)?, summary text?, agent_id varchar(36)?, "
          "remote_number varchar(40)?, call_id varchar(64)?, started_at timestamp, ended_at timestamp?, "
          "handle_seconds integer?, resolved_first_contact boolean?, credited_staff_id varchar(36)?, "
          "credited_department_id varchar(36)?",
          append_only=True),
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
_APPEND = ("insert",)
_LOGS = ("interactions", "complaint_events", "call_attempts", "survey_responses", "points_ledger", "audit_events")
# role -> entity -> ops allowed; anything not listed is refused
_FRONT_LINE = {
    "patients": _WRITE, "patient_phones": _ALL, "patient_identifiers": _WRITE,
    "interactions": _APPEND, "complaints": _WRITE, "complaint_events": _APPEND,
    "bookings": _WRITE, "followup_tasks": ("update",), "call_attempts": _APPEND,
    "survey_responses": _APPEND, "points_ledger": _APPEND, "audit_events": _APPEND,
}  # fmt: skip
PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "agent": dict(_FRONT_LINE),
    "nurse": {**_FRONT_LINE, "followup_tasks": _WRITE},
    "supervisor": {
        **{entity: _ALL for entity in _FRONT_LINE if entity not in _LOGS},
        **{entity: _APPEND for entity in _LOGS},
        "slots": _ALL, "organizations": _ALL, "packages": _ALL, "followup_rules": _ALL, "questionnaires": _ALL,
    },
    "admin": {t.name: _APPEND if t.append_only else _ALL for t in TABLES},
}  # fmt: skip

BOOKKEEPING = """
CREATE SEQUENCE sync_version_seq AS bigint;
CREATE TABLE sync_info (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE sync_secrets (name text PRIMARY KEY, value bytea NOT NULL);
CREATE TABLE sync_tables (
    name text PRIMARY KEY, position int NOT NULL, columns text[] NOT NULL, append_only boolean NOT NULL,
    read_roles text[], select_list text NOT NULL, columns_json text NOT NULL, update_list text NOT NULL);
CREATE TABLE sync_permissions (
    role text NOT NULL, entity text NOT NULL, ops text[] NOT NULL, PRIMARY KEY (role, entity));
CREATE TABLE sync_users (
    username text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('agent', 'nurse', 'supervisor', 'admin')),
    password_hash text NOT NULL,
    db_role text UNIQUE,
    staff_user_id varchar(36),
    active boolean NOT NULL DEFAULT true,
    created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'));
CREATE TABLE sync_devices (
    device_id text PRIMARY KEY, username text NOT NULL, first_seen timestamp NOT NULL,
    last_seen timestamp NOT NULL, mutations bigint NOT NULL DEFAULT 0);
CREATE TABLE sync_refresh_tokens (
    jti text PRIMARY KEY, username text NOT NULL, device_id text, expires_at timestamp NOT NULL,
    used_at timestamp);
CREATE TABLE sync_mutations (
    mutation_id text PRIMARY KEY, device_id text NOT NULL, username text NOT NULL, entity text,
    entity_id text, op text, status text NOT NULL, version bigint, result jsonb NOT NULL,
    received_at timestamp NOT NULL);
CREATE TABLE sync_changes (
    version bigint NOT NULL, entity text NOT NULL, entity_id text NOT NULL, device_id text NOT NULL,
    fields text[] NOT NULL);
CREATE INDEX ix_sync_changes_row ON sync_changes (entity, entity_id, version);
CREATE TABLE sync_conflict_log (
    id bigserial PRIMARY KEY, mutation_id text NOT NULL, device_id text NOT NULL, username text NOT NULL,
    entity text NOT NULL, entity_id text NOT NULL, base_version bigint NOT NULL,
    server_version bigint NOT NULL, reason text NOT NULL, local_fields jsonb NOT NULL,
    server_row jsonb NOT NULL, at timestamp NOT NULL);
"""

FUNCTIONS = r"""
CREATE FUNCTION hcrm_now() RETURNS timestamp LANGUAGE sql STABLE AS
$$ SELECT (now() AT TIME ZONE 'utc')::timestamp $$;

CREATE FUNCTION hcrm_reject(p_reason text, p_row jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'HC001', MESSAGE = p_reason, DETAIL = coalesce(p_row::text, '');
END $$;

CREATE FUNCTION hcrm_public(p_entity text, p_row jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN p_entity = 'staff_users' THEN p_row - 'password_hash' ELSE p_row END $$;

-- Who is calling: a workstation's own database login (p_actor NULL), or the HTTP service acting for a
-- signed-in user (only members of hcrm_service, or superusers, may name the actor).
CREATE FUNCTION hcrm_actor(p_actor text) RETURNS sync_users
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE u sync_users;
BEGIN
    IF p_actor IS NULL THEN
        SELECT * INTO u FROM sync_users WHERE db_role = session_user AND active;
    ELSE
        IF NOT (pg_has_role(session_user, 'hcrm_service', 'MEMBER')
                OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) THEN
            RAISE EXCEPTION 'forbidden' USING ERRCODE = '42501';
        END IF;
        SELECT * INTO u FROM sync_users WHERE username = p_actor AND active;
    END IF;
    IF u.username IS NULL THEN
        RAISE EXCEPTION 'unknown_user' USING ERRCODE = '28000';
    END IF;
    RETURN u;
END $$;

CREATE FUNCTION hcrm_transition_ok(p_from text, p_to text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
SELECT (p_from, p_to) IN (('new', 'acknowledged'), ('acknowledged', 'in_progress'),
                          ('in_progress', 'resolved'), ('resolved', 'closed'),
                          ('resolved', 'in_progress'), ('closed', 'in_progress'))
$$;

-- Take (p_delta 1) or release (-1) a place in a slot; the slot row lock serialises concurrent bookings.
CREATE FUNCTION hcrm_slot_take(p_slot text, p_delta int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE s slots; v bigint;
BEGIN
    IF p_slot IS NULL OR p_delta = 0 THEN RETURN; END IF;
    SELECT * INTO s FROM slots WHERE id = p_slot FOR UPDATE;
    IF NOT FOUND OR (s.deleted AND p_delta > 0) THEN PERFORM hcrm_reject('slot_not_found'); END IF;
    IF p_delta > 0 AND s.booked + p_delta > s.capacity THEN PERFORM hcrm_reject('slot_full'); END IF;
    v := nextval('sync_version_seq');
    UPDATE slots SET booked = greatest(booked + p_delta, 0), version = v, updated_at = hcrm_now()
     WHERE id = p_slot;
    INSERT INTO sync_changes VALUES (v, 'slots', p_slot, 'central', ARRAY['booked']);
END $$;

CREATE FUNCTION hcrm_booking_active(p_row jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
SELECT NOT coalesce((p_row->>'deleted')::boolean, false)
       AND coalesce(p_row->>'state', 'booked') IN ('booked', 'completed', 'no_show')
$$;

-- Apply one mutation. Raises HC001 (reason in the message, the server row as JSON in the detail) to
-- reject; the caller runs it in a subtransaction, so a rejection undoes everything it did.
CREATE FUNCTION hcrm_apply(m jsonb, p_device text, u sync_users) RETURNS jsonb LANGUAGE plpgsql AS $$
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
        PERFORM hcrm_reject('transition_not_allowed', cur);
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

-- Push: apply a batch in order, each mutation in its own subtransaction, recorded by mutation_id so a
-- repeat returns its first result. The advisory lock makes versions commit in the order they are drawn,
-- so a pull never sees version n+1 before n.
CREATE FUNCTION hcrm_push(p_device text, p_mutations jsonb, p_actor text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u sync_users := hcrm_actor(p_actor);
    m jsonb;
    r jsonb;
    prev jsonb;
    v_mid text;
    v_msg text;
    v_detail text;
    results jsonb[] := '{}';
    high bigint := 0;
BEGIN
    IF p_device IS NULL OR length(p_device) NOT BETWEEN 1 AND 64 OR p_mutations IS NULL
       OR jsonb_typeof(p_mutations) <> 'array' THEN
        RAISE EXCEPTION 'bad_request' USING ERRCODE = '22023';
    END IF;
    PERFORM pg_advisory_xact_lock(483172);
    INSERT INTO sync_devices AS d (device_id, username, first_seen, last_seen, mutations)
    VALUES (p_device, u.username, hcrm_now(), hcrm_now(), jsonb_array_length(p_mutations))
    ON CONFLICT (device_id) DO UPDATE
       SET username = excluded.username, last_seen = excluded.last_seen,
           mutations = d.mutations + excluded.mutations;
    FOR m IN SELECT value FROM jsonb_array_elements(p_mutations) LOOP
        v_mid := CASE WHEN jsonb_typeof(m) = 'object' AND jsonb_typeof(m->'mutation_id') = 'string'
                      THEN m->>'mutation_id' END;
        IF v_mid IS NULL OR length(v_mid) NOT BETWEEN 1 AND 64 THEN
            results := results || jsonb_build_object('mutation_id', v_mid, 'status', 'rejected',
                                                     'reason', 'invalid');
            CONTINUE;
        END IF;
        SELECT result INTO prev FROM sync_mutations WHERE mutation_id = v_mid;
        IF FOUND THEN
            results := results || jsonb_build_object('mutation_id', v_mid, 'status', 'duplicate',
                                                     'version', prev->'version', 'first', prev);
            CONTINUE;
        END IF;
        BEGIN
            r := hcrm_apply(m, p_device, u);
        EXCEPTION
            WHEN SQLSTATE 'HC001' THEN
                GET STACKED DIAGNOSTICS v_msg = MESSAGE_TEXT, v_detail = PG_EXCEPTION_DETAIL;
                r := jsonb_build_object('status', 'rejected', 'reason', v_msg);
                IF v_detail <> '' THEN r := r || jsonb_build_object('server_row', v_detail::jsonb); END IF;
            WHEN unique_violation THEN
                r := jsonb_build_object('status', 'rejected', 'reason', 'unique_violation');
            WHEN data_exception OR integrity_constraint_violation THEN
                GET STACKED DIAGNOSTICS v_msg = RETURNED_SQLSTATE;
                r := jsonb_build_object('status', 'rejected', 'reason', 'invalid', 'sqlstate', v_msg);
        END;
        r := r || jsonb_build_object('mutation_id', v_mid);
        INSERT INTO sync_mutations (mutation_id, device_id, username, entity, entity_id, op, status,
                                    version, result, received_at)
        VALUES (v_mid, p_device, u.username, left(m->>'entity', 64), left(m->>'entity_id', 64),
                left(m->>'op', 16), r->>'status', (r->>'version')::bigint, r, hcrm_now());
        results := results || r;
        high := greatest(high, coalesce((r->>'version')::bigint, 0));
    END LOOP;
    IF high > 0 THEN PERFORM pg_notify('hcrm_changes', high::text); END IF;
    RETURN jsonb_build_object('results', to_jsonb(results), 'high', high);
END $$;

-- Pull: rows with version > p_since in version order, at most about p_limit per table, as one JSON
-- text built by PostgreSQL. One snapshot (the function is STABLE) covers every table.
CREATE FUNCTION hcrm_pull(p_since bigint, p_limit int, p_actor text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u sync_users := hcrm_actor(p_actor);
    t sync_tables;
    cutoff bigint;
    v bigint;
    tmax bigint;
    body text;
    parts text[] := '{}';
    high bigint := greatest(coalesce(p_since, 0), 0);
    lim int := least(greatest(coalesce(p_limit, 1000), 1), 50000);
BEGIN
    -- nothing was drawn after the cursor: answer without looking at any table
    IF (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM sync_version_seq) <= high THEN
        RETURN format('{"protocol":1,"since":%s,"next":%s,"more":false,"tables":{}}', high, high);
    END IF;
    FOR t IN SELECT * FROM sync_tables ORDER BY position LOOP
        CONTINUE WHEN t.read_roles IS NOT NULL AND NOT (u.role = ANY (t.read_roles));
        EXECUTE format('SELECT version FROM %I WHERE version > $1 ORDER BY version OFFSET $2 LIMIT 1', t.name)
           INTO v USING high, lim - 1;
        IF v IS NOT NULL AND (cutoff IS NULL OR v < cutoff) THEN cutoff := v; END IF;
    END LOOP;
    FOR t IN SELECT * FROM sync_tables ORDER BY position LOOP
        CONTINUE WHEN t.read_roles IS NOT NULL AND NOT (u.role = ANY (t.read_roles));
        EXECUTE format('SELECT max(version), json_agg(json_build_array(%s))::text FROM %I'
                       ' WHERE version > $1 AND version <= $2', t.select_list, t.name)
           INTO tmax, body USING greatest(coalesce(p_since, 0), 0), coalesce(cutoff, 9223372036854775807);
        IF body IS NOT NULL THEN
            parts := parts || format('%s:{"columns":%s,"rows":%s}', to_json(t.name)::text, t.columns_json, body);
            high := greatest(high, tmax);
        END IF;
    END LOOP;
    RETURN format('{"protocol":1,"since":%s,"next":%s,"more":%s,"tables":{%s}}',
                  greatest(coalesce(p_since, 0), 0), coalesce(cutoff, high),
                  CASE WHEN cutoff IS NULL THEN 'false' ELSE 'true' END, array_to_string(parts, ','));
END $$;

CREATE FUNCTION hcrm_info() RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
SELECT (SELECT jsonb_object_agg(key, value) FROM sync_info
         WHERE key IN ('protocol', 'schema', 'central_id', 'fingerprint'))
       || jsonb_build_object('high', (SELECT CASE WHEN is_called THEN last_value ELSE 0 END
                                        FROM sync_version_seq))
$$;

CREATE FUNCTION hcrm_whoami(p_actor text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE u sync_users := hcrm_actor(p_actor);
BEGIN
    RETURN jsonb_build_object('username', u.username, 'role', u.role, 'staff_user_id', u.staff_user_id);
END $$;
"""

PAGE_FUNCTIONS = r"""
CREATE FUNCTION hcrm_can_read(p_role text, p_table text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce((SELECT read_roles IS NULL OR p_role = ANY (read_roles) FROM sync_tables
                     WHERE name = p_table), false) $$;

CREATE FUNCTION hcrm_page(p_since bigint, p_limit int, p_actor text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u sync_users := hcrm_actor(p_actor);
    t sync_tables;
    cutoff bigint;
    v bigint;
    high bigint := greatest(coalesce(p_since, 0), 0);
    lim int := least(greatest(coalesce(p_limit, 1000), 1), 200000);
    tables jsonb := '{}';
BEGIN
    FOR t IN SELECT * FROM sync_tables ORDER BY position LOOP
        CONTINUE WHEN NOT hcrm_can_read(u.role, t.name);
        EXECUTE format('SELECT version FROM %I WHERE version > $1 ORDER BY version OFFSET $2 LIMIT 1', t.name)
           INTO v USING high, lim - 1;
        IF v IS NOT NULL AND (cutoff IS NULL OR v < cutoff) THEN cutoff := v; END IF;
    END LOOP;
    FOR t IN SELECT * FROM sync_tables ORDER BY position LOOP
        CONTINUE WHEN NOT hcrm_can_read(u.role, t.name);
        EXECUTE format('SELECT max(version) FROM %I WHERE version > $1 AND version <= $2', t.name)
           INTO v USING greatest(coalesce(p_since, 0), 0), coalesce(cutoff, 9223372036854775807);
        IF v IS NOT NULL THEN
            tables := tables || jsonb_build_object(t.name, t.columns_json::jsonb);
            high := greatest(high, v);
        END IF;
    END LOOP;
    RETURN jsonb_build_object('protocol', 1, 'since', greatest(coalesce(p_since, 0), 0),
                              'next', coalesce(cutoff, high), 'more', cutoff IS NOT NULL, 'tables', tables);
END $$;
"""


PUBLIC_FUNCTIONS = ("hcrm_push(text, jsonb, text)", "hcrm_pull(bigint, integer, text)", "hcrm_info()",
                    "hcrm_whoami(text)", "hcrm_page(bigint, integer, text)",
                    *(bulk_signature(t.name) for t in TABLES))


def _create_group_roles() -> None:
    for role in GROUP_ROLES:
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
            f"CREATE ROLE {role} NOLOGIN; END IF; END $$"
        )


def upgrade() -> None:
    if fingerprint(TABLES) != FINGERPRINT:
        raise RuntimeError("c0001's frozen tables were changed; add a new central revision instead")
    bind = op.get_bind()
    metadata_of(TABLES).create_all(bind)
    cursor = bind.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(BOOKKEEPING)  # no parameters: the text goes to the server as it is
    cursor.execute("\n".join(row_function(t) for t in TABLES) + "\n" + row_dispatcher(TABLES))
    cursor.execute(FUNCTIONS)
    cursor.execute(PAGE_FUNCTIONS + "\n".join(bulk_function(t) for t in TABLES))
    registry = sa.table(
        "sync_tables", *(sa.column(c) for c in ("name", "position", "columns", "append_only",
                                                  "read_roles", "select_list", "columns_json",
                                                  "update_list")),
    )
    op.bulk_insert(registry, registry_rows(TABLES))
    permissions = sa.table("sync_permissions", sa.column("role"), sa.column("entity"), sa.column("ops"))
    op.bulk_insert(permissions, permission_rows(PERMISSIONS))
    info = sa.table("sync_info", sa.column("key"), sa.column("value"))
    op.bulk_insert(info, [
        {"key": "protocol", "value": str(PROTOCOL)},
        {"key": "schema", "value": revision},
        {"key": "fingerprint", "value": FINGERPRINT},
        {"key": "central_id", "value": str(uuid.uuid4())},
        {"key": "tables", "value": json.dumps([t.name for t in TABLES])},
    ])
    bind.execute(sa.text("INSERT INTO sync_secrets VALUES ('token_hmac', :v)"), {"v": secrets.token_bytes(32)})
    _create_group_roles()
    op.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    op.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC")
    op.execute("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
    grantees = ", ".join(GROUP_ROLES)
    for signature in PUBLIC_FUNCTIONS:
        op.execute(f"GRANT EXECUTE ON FUNCTION {signature} TO {grantees}")
    # the HTTP service signs users in and rotates refresh tokens itself
    op.execute("GRANT SELECT, INSERT, UPDATE ON sync_users, sync_refresh_tokens TO hcrm_service")
    op.execute("GRANT SELECT ON sync_secrets, sync_conflict_log TO hcrm_service")


def downgrade() -> None:
    raise NotImplementedError("the central schema is not downgraded; restore a backup instead")
