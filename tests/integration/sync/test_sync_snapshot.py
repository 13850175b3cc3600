"""First installs from a workstation image (docs/sync.md, "Snapshots"): the image, then what changed since,
exactly once; a bad image or a broken download never costs more than falling back to pages."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from hcrm_desktop.store.models import Patient
from hcrm_desktop.store.sync_state import SyncCursor
from hcrm_desktop.sync.central.snapshot import build_snapshots
from hcrm_desktop.sync.errors import Forbidden, Offline

pytestmark = pytest.mark.postgres


def add_patients(ws, first: int, n: int) -> None:
    with ws.db.write() as s:
        s.add_all(Patient(customer_no=f"S{i:07d}", name=f"快照患者{i}", name_pinyin="kuaizhao", name_initials="kz")
                  for i in range(first, first + n))


def local_ids(ws) -> set[str]:
    with ws.db.session() as s:
        return set(s.scalars(select(Patient.id)))


def central_ids(central) -> set[str]:
    return {row[0] for row in central.sql("SELECT id FROM patients WHERE NOT deleted")}


class Counting:
    """Delegates to a transport, counting calls per method; `fail_after` chunk fetches raise Offline."""

    def __init__(self, inner, fail_after: int | None = None) -> None:
        self.inner, self.fail_after = inner, fail_after
        self.calls: dict[str, int] = {}

    def __getattr__(self, name):
        attr = getattr(self.inner, name)
        if not callable(attr):
            return attr

        def counted(*args, **kwargs):
            self.calls[name] = self.calls.get(name, 0) + 1
            if name == "snapshot_chunk" and self.fail_after is not None and self.calls[name] > self.fail_after:
                raise Offline("cable pulled")
            return attr(*args, **kwargs)

        return counted


@pytest.fixture
def seeded(central):
    seed = central.workstation("seed", user="admin1", push_batch=100)
    add_patients(seed, 0, 120)
    seed.engine.sync_once()
    return seed


def test_a_new_workstation_installs_the_image_then_pulls_what_changed_since(central, seeded):
    [image] = [s for s in build_snapshots(central.dsn, work_dir=central.tmp, chunk_size=64 * 1024)
               if "audit_events" not in s["readable"]]
    assert image["rows"] >= 120 and image["chunks"] > 1
    add_patients(seeded, 1000, 15)  # after the image was made
    seeded.engine.sync_once()

    ws = central.workstation("new", user="agent1")
    counting = Counting(ws.transport)
    ws.engine.transport = counting
    ws.engine.connect()
    ws.engine.bootstrap()

    assert counting.calls.get("snapshot_chunk") == image["chunks"]
    assert local_ids(ws) == central_ids(central) and len(local_ids(ws)) == 135
    with ws.db.session() as s:
        cursor = s.get(SyncCursor, 1)
        assert cursor.bootstrapped and cursor.rows_pulled >= 135
        # the search tables and secondary indexes were built as after any bulk bootstrap
        assert s.scalar(select(func.count()).select_from(Patient).where(Patient.name.like("快照患者1%"))) > 0
    conn = sqlite3.connect(ws.db.path)
    try:
        suffixes = conn.execute("SELECT count(*) FROM search_name_suffixes").fetchone()[0]
        indexes = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchone()[0]
        template = sqlite3.connect(central.ws_template)
        expected = template.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchone()[0]
        template.close()
    finally:
        conn.close()
    assert suffixes >= 135 and indexes == expected
    assert not list(ws.db.path.parent.glob("*.part"))


def test_a_chunk_that_does_not_match_its_hash_falls_back_to_pages(central, seeded):
    build_snapshots(central.dsn, work_dir=central.tmp, chunk_size=64 * 1024)
    central.sql("UPDATE sync_snapshot_chunks SET data = 'tampered'::bytea WHERE n = 1")

    ws = central.workstation("new", user="agent1")
    counting = Counting(ws.transport)
    ws.engine.transport = counting
    ws.engine.connect()
    ws.engine.bootstrap()

    assert counting.calls.get("snapshot_chunk") == 2  # stopped at the bad one
    assert counting.calls.get("pull_bulk", 0) > 0
    assert local_ids(ws) == central_ids(central)
    assert not list(ws.db.path.parent.glob("*.part"))


def test_an_interrupted_download_resumes_with_the_chunks_it_already_has(central, seeded):
    [image] = [s for s in build_snapshots(central.dsn, work_dir=central.tmp, chunk_size=32 * 1024)
               if "audit_events" not in s["readable"]]
    ws = central.workstation("new", user="agent1")
    first = Counting(ws.transport, fail_after=3)
    ws.engine.transport = first
    ws.engine.connect()
    with pytest.raises(Offline):
        ws.engine.bootstrap()
    assert list(ws.db.path.parent.glob("new.db.snapshot-*.part"))

    again = central.workstation("new", user="agent1")
    second = Counting(again.transport)
    again.engine.transport = second
    again.engine.connect()
    again.engine.bootstrap()
    assert second.calls.get("snapshot_chunk") == image["chunks"] - 3
    assert local_ids(again) == central_ids(central)


def test_an_agent_gets_the_image_without_the_audit_log_and_not_the_supervisors(central, seeded):
    stored = build_snapshots(central.dsn, work_dir=central.tmp)
    supervisors = next(s for s in stored if "audit_events" in s["readable"])
    from hcrm_desktop.store import migrations

    agent = central.transport("agent1")
    info = agent.snapshot(migrations.head_revision())
    assert info is not None and "audit_events" not in info.readable and info.id != supervisors["id"]
    with pytest.raises(Forbidden):
        agent.snapshot_chunk(supervisors["id"], 0)
    assert central.transport("sup1").snapshot(migrations.head_revision()).id == supervisors["id"]
    assert agent.snapshot("not-our-schema") is None
