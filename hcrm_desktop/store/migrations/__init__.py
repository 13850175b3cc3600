"""Alembic migrations of the local cache, run programmatically on open."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from hcrm_desktop.store.errors import DatabaseTooNew

HERE = Path(__file__).resolve().parent


def alembic_config(engine: Engine | None = None, *, location: Path = HERE) -> Config:
    """A config for the migrations in `location` (this cache's by default), run on `engine`."""
    cfg = Config()
    cfg.set_main_option("script_location", str(location))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to this version's head; refuse a schema from a newer version."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    if current == script.get_current_head():
        return
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(str(engine.url.database), f"schema revision {current}")
    command.upgrade(alembic_config(engine), "head")
