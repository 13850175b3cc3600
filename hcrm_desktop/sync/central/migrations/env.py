"""Alembic environment of the central schema: uses the engine handed in by `upgrade_to_head`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from hcrm_desktop.sync.central.migrations import VERSION_TABLE

config = context.config


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=None, version_table=VERSION_TABLE)
        context.run_migrations()


run_migrations_online()
