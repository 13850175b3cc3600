"""A central created at revision c0001, holding data, upgraded to head: the same schema as a fresh
`init-db`, the old rows intact, and the tables and columns of local migration 0004 syncing both ways."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, select

from hcrm_desktop.store.models import Complaint, KnowledgeArticle, QaReview, StaffUser
from hcrm_desktop.sync.central import migrations
from hcrm_desktop.sync.central.admin import central_engine, create_user
from hcrm_desktop.sync.protocol import dumps
from hcrm_desktop.sync.tables import schema_fingerprint
from tests.fixtures import free_tcp_port
from tests.integration.sync.conftest import PASSWORD, USERS, Central, ServiceThread

pytestmark = pytest.mark.postgres

AGENT1 = USERS["agent1"][1]
OLD_COMPLAINT = dict(case_no="OLD1", severity="low", state="new", subject="旧投诉", opened_at="2026-10-01T09:00:00",
                     escalated=False)
OLD_PATIENT = dict(customer_no="C0", name="老客户", name_pinyin="laokehu", name_initials="lkh", sex="F", vip_level=0,
                   points=0, consent_sms=True, consent_wechat=True, consent_phone=True, consent_data_use=True,
                   tags=[], created_at="2026-10-01T09:00:00")

# What makes two central schemas the same, read from PostgreSQL's catalogs.
CATALOG = {
    "columns": "SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length, is_nullable,"
               " column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 3",
    "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                   " WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2",
    "functions": "SELECT proname, pg_get_function_identity_arguments(oid), md5(pg_get_functiondef(oid)),"
                 " proacl::text FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1, 2",
    "table_grants": "SELECT relname, relacl::text FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    " AND relkind IN ('r', 'S') ORDER BY 1",
    "registry": "SELECT name, position, columns, append_only, read_roles, select_list, columns_json, update_list"
                " FROM sync_tables ORDER BY name",
    "permissions": "SELECT role, entity, ops FROM sync_permissions ORDER BY 1, 2",
    "info": "SELECT key, value FROM sync_info WHERE key <> 'central_id' ORDER BY 1",
}


def catalog(server: Any, name: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(server.dsn(name))
    try:
        with engine.connect() as conn:
            return {key: [tuple(r) for r in conn.exec_driver_sql(query)] for key, query in CATALOG.items()}
    finally:
        engine.dispose()


def mutation(entity: str, op: str, fields: dict[str, Any], entity_id: str | None = None) -> dict[str, Any]:
    return dict(mutation_id=str(uuid.uuid4()), entity=entity, entity_id=entity_id or str(uuid.uuid4()), op=op,
                base_version=0, fields=fields)


@pytest.fixture(scope="module")
def upgraded(postgres_server: Any) -> Iterator[dict[str, Any]]:
    """A central migrated to c0001 only, given users and rows, then upgraded to head."""
    name = f"central_old_{uuid.uuid4().hex[:8]}"
    dsn = postgres_server.create_database(name)
    engine = central_engine(dsn)
    command.upgrade(migrations.alembic_config(engine), "c0001")
    assert migrations.current_revision(engine) == "c0001"
    for user, (role, staff) in USERS.items():
        create_user(engine, user, role, PASSWORD, staff_user_id=staff)
    patient, complaint, call = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    batch = [mutation("patients", "insert", OLD_PATIENT, patient),
             mutation("complaints", "insert", {**OLD_COMPLAINT, "patient_id": patient}, complaint),
             mutation("staff_users", "insert", dict(username="old_agent", display_name="老员工", role="agent",
                                                    active=True), AGENT1),
             mutation("interactions", "insert", dict(patient_id=patient, type="complaint", channel="phone",
                                                     direction="in", agent_id=AGENT1,
                                                     started_at="2026-10-01T09:00:00"), call)]
    with engine.connect() as conn:
        reply = conn.exec_driver_sql("SELECT hcrm_push('setup', %s::jsonb, 'admin1')",
                                     (dumps(batch).decode(),)).scalar_one()
        conn.commit()
    assert [r["status"] for r in reply["results"]] == ["applied"] * 4, reply
    migrations.upgrade_to_head(engine)
    engine.dispose()
    yield {"name": name, "patient": patient, "complaint": complaint, "call": call}
    postgres_server.drop_database(name)


def test_upgraded_central_has_the_schema_of_a_fresh_init_db(postgres_server, central_template, upgraded):
    old, fresh = catalog(postgres_server, upgraded["name"]), catalog(postgres_server, central_template)
    for key in CATALOG:
        assert old[key] == fresh[key], key
    assert dict(old["info"])["fingerprint"] == schema_fingerprint()
    assert dict(old["info"])["schema"] == migrations.head_revision()
    tables = {row[0] for row in old["registry"]}
    assert {"knowledge_articles", "complaint_attachments", "escalations", "qa_reviews"} <= tables
    assert "drafts" not in tables


def test_old_rows_survive_the_upgrade(postgres_server, upgraded):
    engine = create_engine(postgres_server.dsn(upgraded["name"]))
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT subject, reopened_count, channel FROM complaints WHERE id = %s",
                                   (upgraded["complaint"],)).one()
    engine.dispose()
    assert tuple(row) == ("旧投诉", 0, None)


@pytest.fixture(params=["database", "http"])
def old_central(request, postgres_server, upgraded, workstation_template, tmp_path) -> Iterator[Central]:
    name = f"central_up_{uuid.uuid4().hex[:8]}"
    with postgres_server.connect(autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{upgraded["name"]}" STRATEGY FILE_COPY')
    service = None
    if request.param == "http":
        service = ServiceThread(postgres_server.dsn(name), free_tcp_port())
        service.start()
    central = Central(request.param, postgres_server, name, tmp_path, workstation_template, service)
    try:
        yield central
    finally:
        central.close()
        postgres_server.drop_database(name)


def test_workstations_sync_the_new_tables_both_ways_after_the_upgrade(old_central, upgraded):
    sup, agent = old_central.workstation("sup", user="admin1"), old_central.workstation("agent", user="agent1")
    sup.engine.sync_once()
    agent.engine.sync_once()
    with agent.db.session() as s:  # rows from before the upgrade arrive with the new columns
        old = s.get(Complaint, upgraded["complaint"])
        assert (old.subject, old.reopened_count) == ("旧投诉", 0)

    with sup.db.write() as s:
        article = KnowledgeArticle(category="体检", title="空腹要求", body="体检前一晚十点后禁食。", active=True)
        review = QaReview(interaction_id=upgraded["call"], agent_id=AGENT1, reviewed_at=datetime(2026, 11, 2, 10),
                          scores={"greeting": 5}, total=92.5)
        s.add_all([article, review])
        s.get(StaffUser, AGENT1).team = "A组"
    summary = sup.engine.sync_once()
    assert (summary.pushed, summary.rejected, summary.conflicts) == (3, 0, 0)

    agent.engine.sync_once()
    with agent.db.write() as s:
        assert s.get(KnowledgeArticle, article.id).title == "空腹要求"
        assert s.get(StaffUser, AGENT1).team == "A组"
        s.get(QaReview, review.id).seen_by_agent_at = datetime(2026, 11, 3, 8)
        s.get(Complaint, upgraded["complaint"]).channel = "phone"
    summary = agent.engine.sync_once()
    assert (summary.pushed, summary.rejected, summary.conflicts) == (2, 0, 0)

    sup.engine.sync_once()
    with sup.db.session() as s:
        assert s.get(QaReview, review.id).seen_by_agent_at == datetime(2026, 11, 3, 8)
        assert s.scalar(select(Complaint.channel).where(Complaint.id == upgraded["complaint"])) == "phone"


def test_the_pull_probe_names_every_synced_table(postgres_server, central_template):
    """`hcrm_highs` is generated from the registry: a revision adding a table must generate it again, or
    pulls would never carry that table."""
    engine = create_engine(postgres_server.dsn(central_template))
    with engine.connect() as conn:
        tables = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sync_tables")]
        body = conn.exec_driver_sql("SELECT pg_get_functiondef('hcrm_highs(bigint, bigint)'::regprocedure)").scalar_one()
    engine.dispose()
    assert tables
    missing = [name for name in tables if f'FROM "{name}" WHERE version > p_since' not in body]
    assert missing == []
