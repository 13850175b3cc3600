"""What each role may change is decided centrally, in both modes (docs/sync.md, "Permissions")."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
import requests

from tests.integration.sync.conftest import PASSWORD

pytestmark = pytest.mark.postgres

PATIENT = dict(customer_no="C1", name="张三", name_pinyin="zhangsan", name_initials="zs", sex="M", vip_level=0,
               points=0, consent_sms=True, consent_wechat=True, consent_phone=True, consent_data_use=True,
               tags=[], created_at="2026-11-01T09:00:00")
DEPARTMENT = dict(code="D1", name="心内科", kind="clinical")
STAFF = dict(username="newbie", display_name="新人", role="agent", active=True)
RULE = dict(code="R1", name="出院随访", kind="post_discharge", definition={}, active=True)
PACKAGE = dict(code="P1", name="基础套餐", price_fen=50000, items=[])
COMPLAINT = dict(case_no="TS1", severity="low", state="in_progress", subject="态度", opened_at="2026-11-01T09:00:00",
                 escalated=False, reopened_count=0)


def mutation(entity, op, fields, entity_id=None, base=0):
    return dict(mutation_id=str(uuid.uuid4()), entity=entity, entity_id=entity_id or str(uuid.uuid4()), op=op,
                base_version=base, fields=fields)


def verdict(central_db, user, *mutations):
    results = central_db.push_as(user, list(mutations))
    return results[-1]["status"] if results[-1]["status"] != "rejected" else results[-1]["reason"]


# (entity, fields) inserted by each role: "applied" or the refusal
INSERTS = {
    "patients": (PATIENT, {"agent": "applied", "nurse": "applied", "supervisor": "applied", "admin": "applied"}),
    "departments": (DEPARTMENT, {"agent": "forbidden", "nurse": "forbidden", "supervisor": "forbidden",
                                 "admin": "applied"}),
    "staff_users": (STAFF, {"agent": "forbidden", "nurse": "forbidden", "supervisor": "forbidden",
                            "admin": "applied"}),
    "followup_rules": (RULE, {"agent": "forbidden", "nurse": "forbidden", "supervisor": "applied",
                              "admin": "applied"}),
    "packages": (PACKAGE, {"agent": "forbidden", "nurse": "forbidden", "supervisor": "applied",
                           "admin": "applied"}),
}
USER_OF = {"agent": "agent1", "nurse": "nurse1", "supervisor": "sup1", "admin": "admin1"}


@pytest.mark.parametrize("role", ["agent", "nurse", "supervisor", "admin"])
@pytest.mark.parametrize("entity", sorted(INSERTS))
def test_insert_by_role(central_db, role, entity):
    fields, expected = INSERTS[entity]
    fields = {**fields, "code": f"X{uuid.uuid4().hex[:6]}"} if "code" in fields else fields
    assert verdict(central_db, USER_OF[role], mutation(entity, "insert", fields)) == expected[role]


@pytest.mark.parametrize(("role", "expected"), [("agent", "applied"), ("nurse", "forbidden"),
                                                ("supervisor", "applied"), ("admin", "applied")])
def test_resolving_a_complaint_by_role(central_db, role, expected):
    cid = str(uuid.uuid4())
    assert verdict(central_db, "admin1", mutation("complaints", "insert", COMPLAINT, cid)) == "applied"
    assert verdict(central_db, USER_OF[role], mutation("complaints", "update", {"state": "resolved"}, cid)) == expected


@pytest.mark.parametrize(("role", "expected"), [("agent", "forbidden"), ("nurse", "forbidden"),
                                                ("supervisor", "applied"), ("admin", "applied")])
def test_merging_and_deleting_patients_by_role(central_db, role, expected):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    central_db.push_as("admin1", [mutation("patients", "insert", {**PATIENT, "customer_no": "A"}, a),
                                  mutation("patients", "insert", {**PATIENT, "customer_no": "B"}, b)])
    assert verdict(central_db, USER_OF[role], mutation("patients", "update", {"merged_into_id": b}, a)) == expected
    assert verdict(central_db, USER_OF[role], mutation("patients", "delete", {"deleted": True}, b)) == expected


def test_task_claims_are_first_come_and_supervisors_reassign(central_db):
    task = str(uuid.uuid4())
    fields = dict(patient_id=str(uuid.uuid4()), rule_id=str(uuid.uuid4()), source_ref="e1", step="d3", priority=3,
                  due_at="2026-12-01T09:00:00", state="open", attempts=0)
    nurse1, nurse2 = "00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000004"
    assert verdict(central_db, "admin1", mutation("followup_tasks", "insert", fields, task)) == "applied"
    assert verdict(central_db, "nurse1", mutation("followup_tasks", "update", {"assignee_id": nurse1}, task)) == "applied"
    assert verdict(central_db, "nurse2", mutation("followup_tasks", "update", {"assignee_id": nurse2}, task)) == (
        "already_claimed")
    assert verdict(central_db, "nurse1", mutation("followup_tasks", "update", {"assignee_id": nurse1}, task)) == "applied"
    assert verdict(central_db, "sup1", mutation("followup_tasks", "update", {"assignee_id": nurse2}, task)) == "applied"


def test_complaint_graph_allows_reopen_and_refuses_skips(central_db):
    cid = str(uuid.uuid4())
    central_db.push_as("admin1", [mutation("complaints", "insert", {**COMPLAINT, "state": "new"}, cid)])
    steps = [("in_progress", "invalid_transition"), ("acknowledged", "applied"), ("in_progress", "applied"),
             ("resolved", "applied"), ("closed", "applied"), ("in_progress", "applied"), ("new", "invalid_transition")]
    for state, expected in steps:
        assert verdict(central_db, "sup1", mutation("complaints", "update", {"state": state}, cid)) == expected, state


def test_hostile_mutations_are_rejected_not_fatal(central_db):
    pid = str(uuid.uuid4())
    results = central_db.push_as("agent1", [
        mutation("patients", "insert", {**PATIENT, "nonsense'; DROP TABLE patients; --": 1}),
        mutation("no_such_table", "insert", {}),
        mutation("patients", "insert", {**PATIENT, "birth_date": "not a date"}),
        mutation("patients", "insert", {**PATIENT, "name": None}),
        dict(mutation_id=str(uuid.uuid4()), entity="patients", entity_id=pid, op="explode", base_version=0, fields={}),
        mutation("patients", "insert", PATIENT, pid),
    ])
    assert [r.get("reason") or r["status"] for r in results] == [
        "unknown_field", "unknown_entity", "invalid", "invalid", "invalid", "applied"]
    assert central_db.scalar("SELECT count(*) FROM patients") == 1


def test_an_agents_database_login_can_only_call_the_sync_functions(central_db):
    conninfo = f"postgresql://agent1@127.0.0.1:{central_db.server.port}/{central_db.name}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        for statement in ("UPDATE staff_users SET role = 'admin'", "SELECT * FROM sync_users",
                          "INSERT INTO sync_mutations (mutation_id) VALUES ('x')", "SELECT nextval('sync_version_seq')",
                          "SELECT hcrm_apply('{}'::jsonb, 'd', NULL::sync_users)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # may not act for someone else
            conn.execute("SELECT hcrm_push('d', '[]'::jsonb, 'sup1')")
        reply = conn.execute("SELECT hcrm_push('d', %s::jsonb)", (psycopg.types.json.Jsonb(
            [mutation("staff_users", "insert", STAFF)]),)).fetchone()[0]
        assert reply["results"][0]["reason"] == "forbidden"
        assert conn.execute("SELECT hcrm_whoami()").fetchone()[0]["role"] == "agent"


@pytest.fixture
def api(central):
    if central.kind != "http":
        pytest.skip("the HTTP API")
    return central


def _token(api, user):
    reply = requests.post(f"{api.address}/v1/login", json={"username": user, "password": PASSWORD}, timeout=10)
    assert reply.status_code == 200
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


def test_agent_calling_a_supervisor_operation_on_the_api_is_refused_403(api):
    agent, sup = _token(api, "agent1"), _token(api, "sup1")
    merge_target, patient = str(uuid.uuid4()), str(uuid.uuid4())
    for pid, no in ((merge_target, "M1"), (patient, "M2")):
        ok = requests.post(f"{api.address}/v1/apply", headers=sup, timeout=10,
                           json=mutation("patients", "insert", {**PATIENT, "customer_no": no}, pid))
        assert ok.status_code == 200, ok.text

    merge = mutation("patients", "update", {"merged_into_id": merge_target}, patient)
    refused = requests.post(f"{api.address}/v1/apply", headers=agent, json=merge, timeout=10)
    assert refused.status_code == 403 and refused.json()["reason"] == "forbidden"
    assert requests.get(f"{api.address}/v1/conflicts", headers=agent, timeout=10).status_code == 403
    new_user = {"username": "mallory", "role": "admin", "password": "long enough pw"}
    assert requests.post(f"{api.address}/v1/users", headers=agent, json=new_user, timeout=10).status_code == 403
    assert api.scalar("SELECT merged_into_id FROM patients WHERE id = %s", patient) is None

    assert requests.post(f"{api.address}/v1/apply", headers=sup, json=merge, timeout=10).status_code == 200
    assert requests.get(f"{api.address}/v1/conflicts", headers=sup, timeout=10).status_code == 200


def test_api_requires_a_valid_token_and_serves_openapi(api):
    assert requests.get(f"{api.address}/v1/pull", timeout=10).status_code == 401
    forged = {"Authorization": "Bearer eyJzdWIiOiJhZG1pbjEifQ.AAAA"}
    assert requests.get(f"{api.address}/v1/pull", headers=forged, timeout=10).status_code == 401
    bad = requests.post(f"{api.address}/v1/login", json={"username": "agent1", "password": "nope"}, timeout=10)
    assert bad.status_code == 401 and bad.json()["error"] == "auth_failed"
    spec = requests.get(f"{api.address}/openapi.json", timeout=10).json()
    assert {"/v1/login", "/v1/refresh", "/v1/push", "/v1/pull", "/v1/version"} <= set(spec["paths"])


def test_a_pull_leaves_out_what_the_role_may_not_read_and_moves_past_it(central_db):
    """Audit events are for supervisors: an agent's pull does not carry them, but its cursor still moves
    past them, and a patient written after them reaches the agent alone."""
    before = int(central_db.scalar("SELECT (hcrm_info()->>'high')::bigint"))
    audit = mutation("audit_events", "insert", dict(action="login", at="2026-11-01T09:00:00", details={}))
    assert verdict(central_db, "sup1", audit) == "applied"

    agent = json.loads(central_db.scalar("SELECT hcrm_pull(%s, 1000, 'agent1')", before))
    assert agent["tables"] == {} and agent["next"] > before and agent["more"] is False
    sup = json.loads(central_db.scalar("SELECT hcrm_pull(%s, 1000, 'sup1')", before))
    assert [row[0] for row in sup["tables"]["audit_events"]["rows"]] == [audit["entity_id"]]

    patient = mutation("patients", "insert", PATIENT)
    assert verdict(central_db, "agent1", patient) == "applied"
    agent = json.loads(central_db.scalar("SELECT hcrm_pull(%s, 1000, 'agent1')", agent["next"]))
    assert list(agent["tables"]) == ["patients"]
    assert [row[0] for row in agent["tables"]["patients"]["rows"]] == [patient["entity_id"]]
    assert json.loads(central_db.scalar("SELECT hcrm_pull(%s, 1000, 'agent1')", agent["next"]))["tables"] == {}
