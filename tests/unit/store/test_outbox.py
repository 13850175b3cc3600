"""Every local write to a synced table records its outbox row in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.errors import AppendOnlyViolation, HardDeleteViolation
from hcrm_desktop.store.models import Interaction, Outbox, Patient, PatientPhone


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "ws.db", create=True)
    yield database
    database.dispose()


def _patient(**kw):
    values = dict(customer_no="C00000001", name="曾小明", name_pinyin="zengxiaoming", name_initials="zxm")
    values.update(kw)
    return Patient(**values)


def _outbox(db):
    with db.session() as s:
        return list(s.scalars(select(Outbox).order_by(Outbox.seq)))


def test_insert_update_tombstone_each_write_an_outbox_row(db):
    with db.write() as s:
        p = _patient()
        s.add(p)
    with db.write() as s:
        s.get(Patient, p.id).vip_level = 3
    with db.write() as s:
        s.get(Patient, p.id).deleted = True

    rows = _outbox(db)
    assert [r.op for r in rows] == ["insert", "update", "delete"]
    assert all(r.entity == "patients" and r.entity_id == p.id for r in rows)
    assert rows[0].fields["name"] == "曾小明" and rows[0].fields["vip_level"] == 0
    assert rows[1].fields == {"vip_level": 3}
    assert rows[2].fields == {"deleted": True}
    assert rows[0].device_id == db.device_id
    assert len({r.mutation_id for r in rows}) == 3
    assert [r.seq for r in rows] == sorted(r.seq for r in rows)
    with db.session() as s:
        stored = s.get(Patient, p.id)
        assert stored.origin == db.device_id and stored.version == 0 and stored.deleted


def test_failed_transaction_leaves_neither_row_nor_outbox(db):
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(_patient())
        s.flush()
        raise RuntimeError("power cut")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 0
    assert _outbox(db) == []


def test_unchanged_assignment_writes_nothing(db):
    with db.write() as s:
        p = _patient()
        s.add(p)
    with db.write() as s:
        s.get(Patient, p.id).name = "曾小明"
    assert [r.op for r in _outbox(db)] == ["insert"]


def test_rows_applied_from_central_are_not_queued(db):
    with db.write(remote=True) as s:
        s.add(_patient(version=7, origin="central"))
    assert _outbox(db) == []


def test_hard_delete_of_synced_row_is_refused(db):
    with db.write() as s:
        p = _patient()
        s.add(p)
        s.add(PatientPhone(patient_id=p.id, number="13800138000", number_e164="+8613800138000"))
    with pytest.raises(HardDeleteViolation), db.write() as s:
        s.delete(s.get(Patient, p.id))


def test_append_only_rows_cannot_be_edited(db):
    from datetime import datetime

    with db.write() as s:
        i = Interaction(type="consultation", channel="phone", started_at=datetime(2026, 11, 1, 9, 0))
        s.add(i)
    with pytest.raises(AppendOnlyViolation), db.write() as s:
        s.get(Interaction, i.id).summary = "改写历史"
