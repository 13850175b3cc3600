"""The central migrations carry frozen table definitions: the head matches the models, history stays put."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from hcrm_desktop.sync.central import migrations
from hcrm_desktop.sync.central.ddl import fingerprint
from hcrm_desktop.sync.central.schema import live_tables
from hcrm_desktop.sync.tables import schema_fingerprint, table_specs


def revision_module(rev: str):
    return ScriptDirectory.from_config(migrations.alembic_config()).get_revision(rev).module


def newest_frozen_tables():
    """The newest revision that defines tables (a revision that only replaces functions carries none)."""
    script = ScriptDirectory.from_config(migrations.alembic_config())
    for revision in script.walk_revisions():
        if hasattr(revision.module, "TABLES"):
            return revision.module
    raise AssertionError("no revision defines TABLES")


def test_head_revision_freezes_exactly_the_synced_tables_of_the_models():
    head = newest_frozen_tables()
    assert list(head.TABLES) == live_tables(), "a model changed: add a central revision (docs/sync.md)"
    assert head.FINGERPRINT == fingerprint(head.TABLES) == schema_fingerprint()
    assert [t.name for t in head.TABLES] == list(table_specs())
    assert "drafts" not in [t.name for t in head.TABLES]


def test_c0001_is_the_schema_of_its_day_not_of_todays_models():
    first = revision_module("c0001")
    assert first.FINGERPRINT == fingerprint(first.TABLES) == "d41632a6989ba4f7"
    names = {t.name for t in first.TABLES}
    assert not names & {"knowledge_articles", "complaint_attachments", "escalations", "qa_reviews"}
    complaints = next(t for t in first.TABLES if t.name == "complaints")
    assert "reopened_count" not in complaints.spec.columns


def test_c0002_adds_what_c0001_lacks_and_nothing_else():
    first, second = revision_module("c0001"), revision_module("c0002")
    old = {t.name: t for t in first.TABLES}
    new = {t.name: t for t in second.TABLES}
    assert set(new) - set(old) == set(second.NEW_TABLES)
    added = {(name, text.split()[0]) for name, text, _ in second.NEW_COLUMNS}
    for name, table in old.items():
        gained = set(new[name].spec.columns) - set(table.spec.columns)
        assert {(name, c) for c in gained} == {a for a in added if a[0] == name}
        assert set(table.spec.columns) <= set(new[name].spec.columns)
