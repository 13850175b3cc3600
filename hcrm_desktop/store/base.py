"""Declarative base and the synced-table contract (DESIGN.md section 4)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new row id: a random UUID as text, made by whoever creates the row."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns every synced table carries.

    `version` is assigned by the central side; 0 means "created here, not yet confirmed".
    `deleted` is a tombstone: synced rows are never removed, only marked.
    """

    __append_only__: bool = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    origin: Mapped[str] = mapped_column(String(36), default="", nullable=False)


SYNC_COLUMNS = frozenset({"id", "version", "updated_at", "deleted", "origin"})


@event.listens_for(Base, "init", propagate=True)
def _give_synced_rows_an_id(target: object, _args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    """Synced rows get their id when constructed, so related rows can refer to them before a flush."""
    if isinstance(target, Synced) and kwargs.get("id") is None:
        kwargs["id"] = new_id()
