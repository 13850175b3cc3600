"""The data contract of DESIGN.md section 4 holds for every synced table."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.exc import IntegrityError

from hcrm_desktop.store.base import Synced
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Base, Booking, Slot, synced_models

LOCAL_ONLY = {"meta", "outbox", "drafts", "sync_cursor", "sync_conflicts", "search_name_suffixes", "search_phone_tails"}
APPEND_ONLY = {"interactions", "complaint_events", "call_attempts", "survey_responses", "points_ledger",
               "audit_events", "complaint_attachments"}


def test_every_table_but_local_bookkeeping_follows_the_contract():
    synced = {m.__tablename__ for m in synced_models()}
    assert synced == set(Base.metadata.tables) - LOCAL_ONLY
    for name in synced:
        cols = Base.metadata.tables[name].columns
        assert {"id", "version", "updated_at", "deleted", "origin"} <= set(cols.keys()), name
        assert cols["id"].primary_key


def test_append_only_tables_are_marked():
    marked = {m.__tablename__ for m in synced_models() if m.__append_only__}
    assert marked == APPEND_ONLY


def test_ids_exist_before_flush_and_are_uuids():
    a = Slot(resource="clinic", resource_id="x", day=datetime(2026, 12, 1).date(), period="am", capacity=3)
    b = Slot(resource="clinic", resource_id="x", day=datetime(2026, 12, 1).date(), period="pm", capacity=3)
    assert isinstance(a, Synced) and len(a.id) == 36 and a.id.count("-") == 4 and a.id != b.id


def test_dangling_reference_fails_at_commit(tmp_path):
    db = open_database(tmp_path / "fk.db", create=True)
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(Booking(patient_id="no-such-patient", slot_id="no-such-slot", booked_at=datetime(2026, 11, 1)))
    db.dispose()
