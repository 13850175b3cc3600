"""Every migration upgrades a fresh database, and the result matches the models exactly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from hcrm_desktop.store import migrations
from hcrm_desktop.store.db import make_engine, open_database
from hcrm_desktop.store.models import Base


def test_fresh_database_upgrades_to_head_and_matches_models(tmp_path):
    db = open_database(tmp_path / "fresh.db", create=True)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
        assert context.get_current_revision() == migrations.head_revision()
    assert diff == [], f"models and migrations disagree: {diff}"
    db.dispose()


def test_each_revision_upgrades_from_the_one_before(tmp_path):
    script = ScriptDirectory.from_config(migrations.alembic_config())
    revisions = list(reversed(list(script.walk_revisions())))
    engine = make_engine(tmp_path / "stepwise.db")
    from alembic import command

    for rev in revisions:
        command.upgrade(migrations.alembic_config(engine), rev.revision)
        assert migrations.current_revision(engine) == rev.revision
    assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)
    engine.dispose()


def test_database_is_wal_with_foreign_keys(tmp_path):
    db = open_database(tmp_path / "p.db", create=True)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
