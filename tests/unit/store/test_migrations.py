"""Every migration upgrades a fresh database, and the result matches the models exactly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from hcrm_desktop.store import migrations
from hcrm_desktop.store.db import make_engine, open_database
from hcrm_desktop.store.models import Base


def _fk_key(fk):
    return (fk.parent.name, tuple(c.name for c in fk.columns), fk.referred_table.name)


def _without_column_level_fks(diff, conn):
    """Drop (remove unnamed fk, add named fk) pairs for a foreign key declared on its column by ALTER TABLE
    ADD COLUMN (SQLAlchemy reflects only table-level names and DEFERRABLE) once the table's SQL shows it is
    the named, deferred constraint the model wants."""
    wanted = {_fk_key(d[1]): d[1] for d in diff if d[0] == "add_fk"}
    reflected_unnamed = {_fk_key(d[1]) for d in diff if d[0] == "remove_fk" and d[1].name is None}
    same = wanted.keys() & reflected_unnamed
    for key in same:
        fk = wanted[key]
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = ?", (fk.parent.name,)).scalar()
        clause = f"CONSTRAINT {fk.name} REFERENCES {fk.referred_table.name} (id) DEFERRABLE INITIALLY DEFERRED"
        assert clause in sql, sql
    return [d for d in diff if not (d[0] in ("add_fk", "remove_fk") and _fk_key(d[1]) in same)]


def test_fresh_database_upgrades_to_head_and_matches_models(tmp_path):
    db = open_database(tmp_path / "fresh.db", create=True)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = _without_column_level_fks(compare_metadata(context, Base.metadata), conn)
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


def test_0004_adds_its_columns_in_place_without_rebuilding_big_tables(tmp_path):
    """A rebuilt table gets a new b-tree; on a 1M-patient cache a rebuild of `bookings` took hours."""
    from alembic import command

    engine = make_engine(tmp_path / "inplace.db")
    big = ("bookings", "complaints", "interactions", "followup_tasks", "staff_users")

    def roots():
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'")
            return {name: page for name, page in rows if name in big}

    command.upgrade(migrations.alembic_config(engine), "0003")
    before = roots()
    command.upgrade(migrations.alembic_config(engine), "0004")
    assert roots() == before
    columns = {c["name"] for c in inspect(engine).get_columns("bookings")}
    assert {"interaction_id", "state_changed_at", "cancel_reason", "confirmation_sent_at"} <= columns
    engine.dispose()
