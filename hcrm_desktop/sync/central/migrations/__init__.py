"""Alembic history of the central PostgreSQL schema (separate from the workstation cache's history)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from hcrm_desktop.store import migrations as store_migrations

HERE = Path(__file__).resolve().parent
VERSION_TABLE = "hcrm_central_version"


def alembic_config(engine: Engine | None = None) -> Config:
    return store_migrations.alembic_config(engine, location=HERE)


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    command.upgrade(alembic_config(engine), "head")
