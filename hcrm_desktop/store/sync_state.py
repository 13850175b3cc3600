"""Local sync bookkeeping (never synced): the pull cursor with bootstrap progress, and the conflicts and
rejections a user sees and may re-apply (docs/sync.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hcrm_desktop.store.base import Base, new_id, utcnow


class SyncCursor(Base):
    """One row (`id` 1): where pulling stands against one central (`central_id`)."""

    __tablename__ = "sync_cursor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    central_id: Mapped[str] = mapped_column(String(36), default="", nullable=False)
    cursor: Mapped[int] = mapped_column(Integer, default=0, nullable=False)  # last central version applied
    bootstrapped: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    bootstrap_target: Mapped[int] = mapped_column(Integer, default=0, nullable=False)  # central high at start
    rows_pulled: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime)  # local clock, for display only


class SyncConflict(Base):
    """A local edit that lost (`kind` conflict) or that the central side refused (`kind` rejected).

    `local_fields` holds the values that did not make it; re-applying queues them again as a new mutation
    on top of the row's current version. `resolution` is empty while the user has not acted.
    """

    __tablename__ = "sync_conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    mutation_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    entity: Mapped[str] = mapped_column(String(64), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(36), nullable=False)
    op: Mapped[str] = mapped_column(String(16), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # conflict | rejected
    reason: Mapped[str] = mapped_column(String(32), nullable=False)  # e.g. field_changed, slot_full
    local_fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    server_row: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    server_version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str] = mapped_column(String(16), default="", nullable=False)  # reapplied | dismissed
    note: Mapped[str | None] = mapped_column(Text)
