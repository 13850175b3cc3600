"""Central rules for the tables of local migration 0004 and the one-truth rules (complaint states, task
claims, slot capacity), judged per role and operation through both ways in: the user's own PostgreSQL
login calling `hcrm_push`, and the HTTP service's `/v1/apply` with the user's token."""

from __future__ import annotations

import uuid
from typing import Any

import psycopg
import pytest
import requests

from hcrm_desktop.sync.protocol import dumps
from tests.integration.sync.conftest import PASSWORD, USERS

pytestmark = pytest.mark.postgres

ROLES = ("agent", "nurse", "supervisor", "admin")
USER_OF = {"agent": "agent1", "nurse": "nurse1", "supervisor": "sup1", "admin": "admin1"}
STAFF = {name: staff for name, (_, staff) in USERS.items()}
AT = "2026-11-02T10:00:00"

ARTICLE = dict(category="体检", title="空腹要求", body="体检前一晚十点后禁食。", active=True)
ESCALATION = dict(patient_id=str(uuid.uuid4()), raised_at=AT, due_at="2026-11-03T10:00:00", state="open",
                  reason="血压 180/110", answers={})
ATTACHMENT = dict(complaint_id=str(uuid.uuid4()), filename="receipt.jpg", mime_type="image/jpeg", size_bytes=3,
                  sha256="0" * 64, content_b64="AAAA", added_at=AT)
COMPLAINT = dict(case_no="R1", severity="low", state="new", subject="等候太久", opened_at=AT, escalated=False,
                 reopened_count=0)
TASK = dict(patient_id=str(uuid.uuid4()), rule_id=str(uuid.uuid4()), source_ref="e1", step="d3", priority=3,
            due_at="2026-12-01T09:00:00", state="open", attempts=0)


def mutation(entity: str, op: str, fields: dict[str, Any], entity_id: str | None = None,
             base: int = 0) -> dict[str, Any]:
    return dict(mutation_id=str(uuid.uuid4()), entity=entity, entity_id=entity_id or str(uuid.uuid4()), op=op,
                base_version=base, fields=fields)


class Judge:
    """Sends one mutation as a user, the way that user's workstation would reach the central side."""

    def __init__(self, central: Any) -> None:
        self.central = central
        self.tokens: dict[str, dict[str, str]] = {}

    def __call__(self, user: str, m: dict[str, Any]) -> str:
        result = self._http(user, m) if self.central.kind == "http" else self._database(user, m)
        return str(result["status"] if result["status"] != "rejected" else result["reason"])

    def _database(self, user: str, m: dict[str, Any]) -> dict[str, Any]:
        conninfo = f"postgresql://{user}@127.0.0.1:{self.central.server.port}/{self.central.name}"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            reply = conn.execute("SELECT hcrm_push(%s, %s::jsonb)", (f"ws-{user}", dumps([m]).decode())).fetchone()
        return dict(reply[0]["results"][0])

    def _http(self, user: str, m: dict[str, Any]) -> dict[str, Any]:
        if user not in self.tokens:
            reply = requests.post(f"{self.central.address}/v1/login", timeout=10,
                                  json={"username": user, "password": PASSWORD, "device_id": f"ws-{user}"})
            self.tokens[user] = {"Authorization": f"Bearer {reply.json()['access_token']}"}
        reply = requests.post(f"{self.central.address}/v1/apply", headers=self.tokens[user], json=m, timeout=10)
        result = dict(reply.json())
        expected = 200 if result["status"] != "rejected" else 403 if result["reason"] == "forbidden" else 409
        assert reply.status_code == expected, reply.text
        return result


@pytest.fixture
def judge(central):
    return Judge(central)


def seed(central, entity: str, fields: dict[str, Any]) -> str:
    row_id = str(uuid.uuid4())
    result = central.push_as("admin1", [mutation(entity, "insert", fields, row_id)])[0]
    assert result["status"] == "applied", result
    return row_id


def test_knowledge_articles_all_read_supervisors_and_admins_write(central, judge):
    expected = {"agent": "forbidden", "nurse": "forbidden", "supervisor": "applied", "admin": "applied"}
    for role in ROLES:
        user, article = USER_OF[role], seed(central, "knowledge_articles", ARTICLE)
        assert judge(user, mutation("knowledge_articles", "insert", ARTICLE)) == expected[role], (role, "insert")
        assert judge(user, mutation("knowledge_articles", "update", {"title": "新标题"}, article)) == expected[role], (
            role, "update")
        assert judge(user, mutation("knowledge_articles", "delete", {"deleted": True}, article)) == expected[role], (
            role, "delete")
        page = central.scalar("SELECT hcrm_pull(0, 1000, %s)", user)
        assert '"knowledge_articles"' in page, (role, "read")


def test_qa_reviews_agents_only_mark_their_own_as_seen(central, judge):
    review = dict(interaction_id=str(uuid.uuid4()), agent_id=STAFF["agent1"], reviewed_at=AT, scores={"greeting": 4},
                  total=80.0)
    for role, verdict in (("agent", "forbidden"), ("nurse", "forbidden"), ("supervisor", "applied"),
                          ("admin", "applied")):
        assert judge(USER_OF[role], mutation("qa_reviews", "insert", review)) == verdict, role
    rid = seed(central, "qa_reviews", review)
    seen = {"seen_by_agent_at": "2026-11-03T08:00:00"}
    assert judge("agent2", mutation("qa_reviews", "update", seen, rid)) == "forbidden"  # not theirs
    assert judge("nurse1", mutation("qa_reviews", "update", seen, rid)) == "forbidden"
    assert judge("agent1", mutation("qa_reviews", "update", {"total": 100.0}, rid)) == "forbidden"
    assert judge("agent1", mutation("qa_reviews", "update", {**seen, "comment": "ok"}, rid)) == "forbidden"
    assert judge("agent1", mutation("qa_reviews", "update", seen, rid)) == "applied"
    assert judge("agent1", mutation("qa_reviews", "delete", {"deleted": True}, rid)) == "forbidden"
    assert judge("sup1", mutation("qa_reviews", "update", {"total": 85.0, "comment": "复核"}, rid)) == "applied"
    assert judge("admin1", mutation("qa_reviews", "delete", {"deleted": True}, rid)) == "applied"
    assert central.scalar("SELECT total FROM qa_reviews WHERE id = %s", rid) == 85.0


def test_escalations_raised_by_all_updated_by_nurses_and_supervisors(central, judge):
    update = {"agent": "forbidden", "nurse": "applied", "supervisor": "applied", "admin": "applied"}
    delete = {"agent": "forbidden", "nurse": "forbidden", "supervisor": "applied", "admin": "applied"}
    for role in ROLES:
        user, eid = USER_OF[role], seed(central, "escalations", ESCALATION)
        assert judge(user, mutation("escalations", "insert", ESCALATION)) == "applied", role
        instructed = {"state": "instructed", "instruction": "明日复诊", "instructed_at": AT}
        assert judge(user, mutation("escalations", "update", instructed, eid)) == update[role], role
        assert judge(user, mutation("escalations", "delete", {"deleted": True}, eid)) == delete[role], role


def test_complaint_attachments_are_added_by_agents_and_supervisors_never_changed(central, judge):
    expected = {"agent": "applied", "nurse": "forbidden", "supervisor": "applied", "admin": "applied"}
    for role in ROLES:
        assert judge(USER_OF[role], mutation("complaint_attachments", "insert", ATTACHMENT)) == expected[role], role
    aid = seed(central, "complaint_attachments", ATTACHMENT)
    assert judge("admin1", mutation("complaint_attachments", "update", {"filename": "x.jpg"}, aid)) == "forbidden"


def test_complaint_states_follow_the_graph(central, judge):
    cid = seed(central, "complaints", COMPLAINT)
    steps = [("sup1", "resolved", "invalid_transition"), ("agent1", "acknowledged", "applied"),
             ("agent1", "new", "invalid_transition"), ("nurse1", "in_progress", "applied"),
             ("nurse1", "resolved", "forbidden"), ("agent1", "closed", "invalid_transition"),
             ("agent1", "resolved", "applied"), ("sup1", "closed", "applied"), ("sup1", "resolved", "invalid_transition"),
             ("agent1", "in_progress", "applied"), ("admin1", "acknowledged", "invalid_transition")]
    for user, state, verdict in steps:
        assert judge(user, mutation("complaints", "update", {"state": state}, cid)) == verdict, (user, state)
    assert central.scalar("SELECT state FROM complaints WHERE id = %s", cid) == "in_progress"


def test_task_claims_only_supervisors_take_a_claimed_task_away(central, judge):
    tid = seed(central, "followup_tasks", TASK)
    steps = [("nurse1", STAFF["nurse1"], "applied"), ("nurse2", STAFF["nurse2"], "already_claimed"),
             ("agent1", STAFF["agent1"], "already_claimed"), ("nurse2", None, "already_claimed"),
             ("nurse1", None, "applied"), ("nurse2", STAFF["nurse2"], "applied"),
             ("sup1", STAFF["nurse1"], "applied"), ("admin1", STAFF["nurse2"], "applied")]
    for user, assignee, verdict in steps:
        seen = central.scalar("SELECT version FROM followup_tasks WHERE id = %s", tid)  # the user saw the latest
        update = mutation("followup_tasks", "update", {"assignee_id": assignee}, tid, base=seen)
        assert judge(user, update) == verdict, (user, assignee)
    assert central.scalar("SELECT assignee_id FROM followup_tasks WHERE id = %s", tid) == STAFF["nurse2"]


def test_a_full_slot_refuses_the_next_booking(central, judge):
    slot = seed(central, "slots", dict(resource="clinic", resource_id=str(uuid.uuid4()), day="2026-12-01",
                                       period="am", capacity=1, vip_reserved=0, booked=0))
    booking = dict(patient_id=str(uuid.uuid4()), slot_id=slot, state="booked", booked_at=AT)
    assert judge("agent1", mutation("bookings", "insert", booking)) == "applied"
    assert judge("agent2", mutation("bookings", "insert", {**booking, "patient_id": str(uuid.uuid4())})) == "slot_full"
    assert central.scalar("SELECT booked FROM slots WHERE id = %s", slot) == 1
