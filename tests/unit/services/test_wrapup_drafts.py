"""Drafts of forms (never synced) and the wrap-ups still pending: a call cannot be forgotten unwrapped."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from hcrm_desktop.services.drafts import (
    discard_draft,
    load_draft,
    pending_wrapups,
    save_draft,
    update_draft,
    wrapup_key,
)
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Outbox

ANSWERED = datetime(2026, 11, 26, 9, 30)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "drafts.db", create=True)
    yield database
    database.dispose()


def test_a_saved_draft_comes_back_and_replacing_it_keeps_one_row(db):
    save_draft(db, "wrapup:c1", "wrapup", "u1", {"form": {"summary": "询问"}})
    save_draft(db, "wrapup:c1", "wrapup", "u1", {"form": {"summary": "询问体检套餐"}})

    draft = load_draft(db, "wrapup:c1")
    assert draft is not None and draft.payload == {"form": {"summary": "询问体检套餐"}}
    assert (draft.kind, draft.user_id) == ("wrapup", "u1")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == 0  # local only, never synced


def test_update_merges_one_section_and_keeps_what_was_typed(db):
    save_draft(db, "wrapup:c1", "wrapup", "u1", {"form": {"summary": "typed"}, "call": {"call_id": "c1"}})
    update_draft(db, "wrapup:c1", "wrapup", "u1", "call", {"ended_at": "2026-11-26T09:35:00"})

    payload = load_draft(db, "wrapup:c1").payload
    assert payload == {"form": {"summary": "typed"}, "call": {"call_id": "c1", "ended_at": "2026-11-26T09:35:00"}}


def test_discard_removes_it(db):
    save_draft(db, "k", "wrapup", "u1", {})
    assert discard_draft(db, "k") is True
    assert load_draft(db, "k") is None
    assert discard_draft(db, "k") is False


def test_bad_keys_are_refused(db):
    with pytest.raises(ValueError):
        save_draft(db, "", "wrapup", "u1", {})
    with pytest.raises(ValueError):
        save_draft(db, "k" * 129, "wrapup", "u1", {})


def call(call_id, answered=None, ended=None, remote="13800138000"):
    return {"call_id": call_id, "remote": remote, "answered_at": answered.isoformat() if answered else None,
            "ended_at": ended.isoformat() if ended else None}


def test_pending_lists_answered_calls_of_the_user_oldest_first(db):
    update_draft(db, wrapup_key("late"), "wrapup", "u1", "call", call("late", datetime(2026, 11, 26, 10, 0)))
    update_draft(db, wrapup_key("early"), "wrapup", "u1", "call",
                 call("early", ANSWERED, datetime(2026, 11, 26, 9, 33)))
    update_draft(db, wrapup_key("missed"), "wrapup", "u1", "call", call("missed"))  # rang, never answered
    update_draft(db, wrapup_key("theirs"), "wrapup", "u2", "call", call("theirs", ANSWERED))
    save_draft(db, "booking:x", "booking", "u1", {"form": {"summary": "not a wrap-up"}})

    pending = pending_wrapups(db, "u1")

    assert [p.call_id for p in pending] == ["early", "late"]
    assert pending[0].ended_at == datetime(2026, 11, 26, 9, 33) and pending[0].remote == "13800138000"
    assert pending[1].ended_at is None


def test_a_saved_wrap_up_is_no_longer_pending(db):
    key = wrapup_key("c1")
    update_draft(db, key, "wrapup", "u1", "call", call("c1", ANSWERED))
    assert [p.key for p in pending_wrapups(db, "u1")] == [key]
    discard_draft(db, key)  # what the form does after record_interaction
    assert pending_wrapups(db, "u1") == []


def test_a_contact_started_by_hand_is_pending_once_something_is_typed(db):
    save_draft(db, "wrapup:walkin:1", "wrapup", "u1", {"form": {"summary": "  "}})
    assert pending_wrapups(db, "u1") == []
    save_draft(db, "wrapup:walkin:1", "wrapup", "u1", {"form": {"summary": "现场咨询", "patient_id": "p1"}})
    (pending,) = pending_wrapups(db, "u1")
    assert (pending.call_id, pending.patient_id) == (None, "p1")
