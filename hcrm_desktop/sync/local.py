"""The workstation side of sync: reading the outbox, and writing what the central side sent back.

Everything here runs inside `Database.write(remote=True)`, so nothing it writes is queued again, and each
step is one transaction: a crash, a full disk or a hostile reply leaves the database as it was.

Pulled rows are upserted with a version guard (an older copy never replaces a newer one); rows that still
have pending outbox mutations get those local edits re-applied on top of the pulled copy ("rebase"), so
the user keeps seeing their edit until the central side has decided on it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import is_not, itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, event, func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from hcrm_desktop.services.changes import NO_CHANGES, Changes
from hcrm_desktop.store.base import utcnow
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Meta, Outbox
from hcrm_desktop.store.sync_state import SyncConflict, SyncCursor
from hcrm_desktop.sync.bulk import NULL as NULL_MARK
from hcrm_desktop.sync.errors import BadReply, DiskFull, LocalStoreError
from hcrm_desktop.sync.protocol import MutationResult, PullPage, dumps, loads
from hcrm_desktop.sync.snapshot import SnapshotInfo, copy_image, image_meta, synced_ddl
from hcrm_desktop.sync.tables import table_specs

log = logging.getLogger(__name__)
_FK_FLAG = "hcrm_fk_off"
BULK_KEY = "sync_bulk_indexes"
# during a bootstrap: a page cache of up to 512 MB (the unique indexes of the biggest table, probed at random,
# stay in it through a batch of pages; memory is taken as used) and checkpoints of the write-ahead log every
# 64 MB instead of every 4 MB
_BULK_PRAGMAS = ("PRAGMA cache_size=-524288", "PRAGMA wal_autocheckpoint=16000")
# The search tables of local migration 0003, rebuilt in one sorted pass after a bulk load instead of by
# their triggers row by row (same content as the triggers make; tests/unit/sync/test_bulk_search.py)
_SEARCH_REFILL = (
    "DELETE FROM search_name_suffixes",
    "DELETE FROM search_phone_tails",
    """INSERT OR IGNORE INTO search_name_suffixes (suffix, patient_id)
       SELECT substr(p.name, k.i), p.id FROM patients AS p JOIN (
         WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 64) SELECT i FROM n
       ) AS k ON k.i <= length(p.name) ORDER BY 1, 2""",
    "INSERT OR REPLACE INTO search_phone_tails (digits_rev, phone_id, patient_id) SELECT replace("
    + " || ".join(f"substr(number_e164, -{k}, 1)" for k in range(1, 17))
    + ", '+', ''), id, patient_id FROM patient_phones WHERE NOT deleted AND number_e164 <> '' ORDER BY 1, 2",
)



# --- values -----------------------------------------------------------------------------------------


def _datetime(value: Any) -> Any:
    """ISO text (`T` or space) to SQLAlchemy's SQLite storage format, so text comparisons stay right."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) < 19 or value[10] not in "T ":
        raise BadReply(f"not a timestamp: {str(value)[:40]!r}")
    frac = value[20:26] if len(value) > 20 else ""
    return f"{value[:10]} {value[11:19]}.{frac.ljust(6, '0')}"


def _date(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise BadReply(f"not a date: {str(value)[:40]!r}")
    return value


def _json(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            loads(value)
        except ValueError:
            raise BadReply("bad JSON column") from None
        return value
    if isinstance(value, dict | list):
        return dumps(value).decode()
    raise BadReply("bad JSON column")


def _typed(*types: type) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value is None or (type(value) in types):
            return value
        raise BadReply(f"unexpected {type(value).__name__} value")

    return check


CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "datetime": _datetime,
    "date": _date,
    "json": _json,
    "text": _typed(str),
    "int": _typed(int),
    "bool": _typed(bool, int),
    "float": _typed(float, int),
}


_SQL_TIME_LEN = 26  # "YYYY-MM-DD HH:MM:SS.ffffff"


_NOT_NONE = partial(is_not, None)
_PLAIN: dict[str, set[type]] = {"text": {str}, "int": {int}, "bool": {bool}, "datetime": {str}, "json": {str}}


def _column_ok(kind: str, rows: list[list[Any]], i: int) -> bool:
    """Fast whole-column check (all in C): True when every cell is already what the database stores."""
    allowed = _PLAIN.get(kind)
    if allowed is None:
        return False
    cells = list(filter(_NOT_NONE, map(itemgetter(i), rows)))
    if not set(map(type, cells)) <= allowed:
        return False
    if kind == "datetime":
        return set(map(len, cells)) <= {_SQL_TIME_LEN}
    if kind == "json":
        try:
            deque(map(loads, cells), maxlen=0)  # parse every cell, in C, keeping nothing
        except (ValueError, TypeError):
            return False
    return True


def convert_rows(table: str, columns: Sequence[str], rows: list[list[Any]]) -> list[list[Any]]:
    """Check and convert, in place, the cells of pulled rows to what the local database stores.

    Column by column: a column whose cells all pass the cheap check is left alone; otherwise each cell
    goes through its converter, which raises `BadReply` on anything hostile."""
    spec = table_specs()[table]
    for i, column in enumerate(columns):
        kind = spec.kind(column)
        if _column_ok(kind, rows, i):
            continue
        convert = CONVERTERS[kind]
        for row in rows:
            row[i] = convert(row[i])
    return rows


# --- the store --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultCounts:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    changes: Changes = NO_CHANGES  # conflicts recorded, refused edits undone


def page_changes(page: PullPage) -> Changes:
    """The tables, row ids and patients a pulled page wrote, from the page itself (no query)."""
    entities: set[str] = set()
    ids: set[str] = set()
    patients: set[str] = set()
    for name, (columns, rows) in page.tables.items():
        for group in (rows, page.exact.get(name, ())):
            if not group:
                continue
            entities.add(name)
            ids.update(map(itemgetter(0), group))
            if name == "patients":
                patients.update(map(itemgetter(0), group))
            elif "patient_id" in columns:
                patients.update(filter(None, map(itemgetter(columns.index("patient_id")), group)))
    patients.discard(NULL_MARK)
    return Changes(frozenset(entities), frozenset(ids), frozenset(patients))


def _reset_foreign_keys(dbapi_connection: Any, record: Any) -> None:
    """Pool check-in: a connection sync borrowed goes back as the rest of the app expects it."""
    if record.info.pop(_FK_FLAG, False):
        dbapi_connection.execute("PRAGMA foreign_keys=ON")


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[tuple[Any, ...]]:
    return [tuple(row[1:]) for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _sql_now() -> str:
    return utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")


def classify_local(exc: BaseException) -> Exception:
    text = str(getattr(exc, "orig", exc)).lower()
    if "full" in text:
        return DiskFull(text)
    return LocalStoreError(text)


class LocalStore:
    """Sync's view of one workstation's database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        if not event.contains(db.engine, "checkin", _reset_foreign_keys):
            event.listen(db.engine, "checkin", _reset_foreign_keys)
        self._sql: dict[tuple[str, tuple[str, ...], bool, bool], str] = {}

    # reading

    def cursor(self) -> SyncCursor:
        with self.db.session() as s:
            row = s.get(SyncCursor, 1)
            return row if row is not None else SyncCursor(id=1, central_id="", cursor=0, bootstrapped=False,
                                                          bootstrap_target=0, rows_pulled=0)

    def pending_count(self) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(Outbox)) or 0)

    def conflict_count(self) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(SyncConflict)
                                .where(SyncConflict.resolution == "")) or 0)

    def read_batch(self, limit: int) -> list[Outbox]:
        with self.db.session() as s:
            return list(s.scalars(select(Outbox).order_by(Outbox.seq).limit(limit)))

    # writing

    def _write(self, work: Callable[[Session, Connection], Any], *, bulk: bool = False) -> Any:
        try:
            with self.db.write(remote=True) as s:
                conn = s.connection()
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # before any write: central rows may
                conn.connection.info[_FK_FLAG] = True  # arrive before the rows they refer to
                if bulk:  # the pool is emptied at the end of the bootstrap, resetting these
                    for pragma in _BULK_PRAGMAS:
                        conn.exec_driver_sql(pragma)
                return work(s, conn)
        except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
            raise classify_local(exc) from exc

    # bulk mode: a fresh bootstrap writes millions of rows; secondary indexes are dropped first and built
    # once at the end (sorting beats updating them row by row). Their SQL is kept in `meta`, in the same
    # transaction as the drop, so a crash mid-bootstrap resumes in bulk mode and still rebuilds them.

    def begin_bulk(self) -> None:
        def work(s: Session, conn: Connection) -> None:
            if s.get(Meta, BULK_KEY) is not None:
                return
            tables = tuple(table_specs())
            marks = ", ".join("?" * len(tables))
            found = conn.exec_driver_sql(
                f"SELECT name, sql, type FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ({marks}) AND "
                f"(type = 'index' OR type = 'trigger' AND name LIKE 'trg_search_%') ORDER BY type, name",
                tables).fetchall()
            s.add(Meta(key=BULK_KEY, value=dumps([[n, q] for n, q, _t in found]).decode()))
            for name, _sql, kind in found:
                conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')

        self._write(work)

    def in_bulk(self) -> bool:
        with self.db.session() as s:
            return s.get(Meta, BULK_KEY) is not None

    def end_bulk(self) -> None:
        def work(s: Session, conn: Connection) -> None:
            row = s.get(Meta, BULK_KEY)
            if row is None:
                return
            conn.exec_driver_sql("PRAGMA threads=4")
            saved = loads(row.value)
            for _name, sql in saved:
                if sql.startswith("CREATE INDEX"):
                    conn.exec_driver_sql(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
            triggers = [sql for _name, sql in saved if sql.startswith("CREATE TRIGGER")]
            if triggers:  # rows came in without them: rebuild what they maintain, then put them back
                for statement in _SEARCH_REFILL:
                    conn.exec_driver_sql(statement)
                for sql in triggers:
                    conn.exec_driver_sql(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
            s.delete(row)

        self._write(work, bulk=True)
        self.db.engine.dispose()  # connections with bootstrap settings (big cache) are not reused

    # first installs from an image (hcrm_desktop/sync/snapshot.py)

    def synced_tables_empty(self) -> bool:
        with self.db.engine.connect() as conn:
            return not any(conn.exec_driver_sql(f'SELECT EXISTS (SELECT 1 FROM "{name}")').scalar()
                           for name in table_specs())

    def install_snapshot(self, path: Path, info: SnapshotInfo, central_id: str) -> bool:
        """Copy the image at `path` into the (empty) synced tables and move the cursor to its version, in
        one transaction. False when the image is not one for this database (nothing is written)."""
        from hcrm_desktop.store import migrations

        raw = self.db.engine.raw_connection()
        try:
            conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
            conn.execute("PRAGMA foreign_keys=OFF")  # as for any write from the central side
            raw.info[_FK_FLAG] = True
            conn.execute("ATTACH DATABASE ? AS snap", (str(path),))
            try:
                meta = image_meta(conn, "snap")
                ours, theirs = synced_ddl(conn, "main"), synced_ddl(conn, "snap")
                expected = {"local_schema": migrations.head_revision(), "central_id": central_id,
                            "high": info.high, "fingerprint": info.fingerprint}
                if any(meta.get(k) != v for k, v in expected.items()) or set(theirs) != set(info.readable) \
                        or any(_columns(conn, "snap", t) != _columns(conn, "main", t) for t in theirs) \
                        or not set(theirs) <= set(ours):
                    log.warning("snapshot %s does not fit this database: %s", info.id, meta)
                    return False
                conn.execute("BEGIN IMMEDIATE")
                try:
                    copy_image(conn, list(theirs))
                    conn.execute("UPDATE sync_cursor SET cursor = ?, rows_pulled = ?, last_sync_at = ? WHERE id = 1",
                                 (info.high, int(meta.get("rows", info.rows)), _sql_now()))
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                return True
            finally:
                conn.execute("DETACH DATABASE snap")
        except sqlite3.DatabaseError as exc:
            raise classify_local(exc) from exc
        finally:
            raw.close()

    def set_bootstrap(self, central_id: str, target: int) -> None:
        def work(s: Session, _conn: Connection) -> None:
            row = s.get(SyncCursor, 1) or SyncCursor(id=1, cursor=0, rows_pulled=0, bootstrapped=False)
            row.central_id, row.bootstrap_target = central_id, target
            s.add(row)

        self._write(work)

    def apply_page(self, page: PullPage, *, bootstrapped: bool | None = None) -> int:
        """Write one pulled page and move the cursor, in one transaction. Returns rows written."""
        for name, (columns, rows) in page.tables.items():
            if page.prepared:
                rows.sort(key=itemgetter(0))  # in key order the primary-key index is written page by page
                page.exact.get(name, []).sort(key=itemgetter(0))
            else:
                convert_rows(name, columns, rows)

        def work(s: Session, conn: Connection) -> int:
            row = s.get(SyncCursor, 1) or SyncCursor(id=1, cursor=0, rows_pulled=0, bootstrapped=False,
                                                     central_id="", bootstrap_target=0)
            if page.since > row.cursor:
                raise BadReply("page starts after the stored cursor")
            for name, (columns, rows) in page.tables.items():
                self._upsert(conn, name, columns, rows, guard=True, nulls=page.prepared)
                self._upsert(conn, name, columns, page.exact.get(name, []), guard=True)
            self._rebase(conn, {name: {r[0] for r in rows} | {r[0] for r in page.exact.get(name, ())}
                                for name, (_c, rows) in page.tables.items()})
            row.cursor = max(row.cursor, page.next)
            row.rows_pulled = (row.rows_pulled or 0) + page.row_count
            row.last_sync_at = utcnow()
            if bootstrapped is not None:
                row.bootstrapped = bootstrapped or row.bootstrapped
            s.add(row)
            return page.row_count

        return int(self._write(work, bulk=page.prepared))

    def apply_results(self, batch: Sequence[Outbox], results: Sequence[MutationResult]) -> ResultCounts:
        """Settle pushed outbox rows: drop them, keep every loser as a visible conflict, put back the
        central row where the central side refused the edit."""

        def work(s: Session, conn: Connection) -> ResultCounts:
            conflicts = rejected = 0
            restored: dict[str, set[str]] = {}
            for mutation, result in zip(batch, results, strict=True):
                if result.status in ("conflict", "rejected"):
                    conflicts += result.status == "conflict"
                    rejected += result.status == "rejected"
                    s.add(self._conflict(mutation, result))
                    self._restore(conn, mutation, result)
                    restored.setdefault(mutation.entity, set()).add(mutation.entity_id)
            s.execute(delete(Outbox).where(Outbox.seq.in_([m.seq for m in batch])))
            self._rebase(conn, restored)
            changes = NO_CHANGES
            if restored:
                changes = Changes(frozenset({"sync_conflicts", *restored}), frozenset().union(*restored.values()))
            return ResultCounts(len(batch), conflicts, rejected, changes)

        return self._write(work)  # type: ignore[no-any-return]

    @staticmethod
    def _conflict(mutation: Outbox, result: MutationResult) -> SyncConflict:
        local = result.fields if result.status == "conflict" else dict(mutation.fields)
        return SyncConflict(
            mutation_id=mutation.mutation_id, entity=mutation.entity, entity_id=mutation.entity_id,
            op=mutation.op, kind=result.status, reason=result.reason or result.status,
            local_fields=local, server_row=result.server_row, server_version=result.version,
            created_at=utcnow(), resolution="",
        )

    def _restore(self, conn: Connection, mutation: Outbox, result: MutationResult) -> None:
        if result.status != "rejected":
            return  # a conflict's winning central row arrives with the next pull (its version is newer)
        row = result.server_row
        if row and isinstance(row.get("id"), str) and row["id"] == mutation.entity_id:
            spec = table_specs()[mutation.entity]
            columns = [c for c in spec.columns if c in row]
            values = convert_rows(mutation.entity, columns, [[row[c] for c in columns]])
            self._upsert(conn, mutation.entity, columns, values, guard=False)
        elif mutation.op == "insert" or result.reason == "not_found":
            # the central side does not have the row: hide the local copy (the conflict keeps its data)
            conn.exec_driver_sql(f'UPDATE "{mutation.entity}" SET deleted = 1 WHERE id = ?', (mutation.entity_id,))

    def _upsert(self, conn: Connection, table: str, columns: Sequence[str], rows: list[list[Any]],
                *, guard: bool, nulls: bool = False) -> None:
        """Insert or update by id; `nulls`: cells reading `\\N` are NULL (bulk rows, see sync/bulk.py)."""
        if not rows:
            return
        key = (table, tuple(columns), guard, nulls)
        sql = self._sql.get(key)
        if sql is None:
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" if not nulls or c in ("id", "version") else r"NULLIF(?, '\N')" for c in columns)
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
            where = f' WHERE excluded.version > "{table}".version' if guard else ""
            sql = (f'INSERT INTO "{table}" ({names}) VALUES ({marks}) '
                   f"ON CONFLICT(id) DO UPDATE SET {sets}{where}")
            self._sql[key] = sql
        try:
            conn.connection.driver_connection.executemany(sql, rows)  # type: ignore[union-attr]
        except (sqlite3.InterfaceError, sqlite3.ProgrammingError, sqlite3.IntegrityError) as exc:
            raise BadReply(f"{table}: {exc}") from None

    def _rebase(self, conn: Connection, touched: dict[str, set[str]]) -> None:
        """Re-apply pending local edits to rows that were just overwritten from the central side."""
        if not any(touched.values()):
            return
        pending = conn.exec_driver_sql("SELECT entity, entity_id, fields FROM outbox ORDER BY seq").fetchall()
        specs = table_specs()
        for entity, entity_id, fields in pending:
            if entity_id not in touched.get(entity, ()) or entity not in specs:
                continue
            values = loads(fields) if isinstance(fields, str) else fields
            columns = [c for c in values if c in specs[entity].columns and c not in ("id", "version")]
            if not columns:
                continue
            converted = convert_rows(entity, columns, [[values[c] for c in columns]])[0]
            sets = ", ".join(f'"{c}" = ?' for c in columns)
            conn.exec_driver_sql(f'UPDATE "{entity}" SET {sets} WHERE id = ?', (*converted, entity_id))


def outbox_entities(batch: Iterable[Outbox]) -> set[str]:
    return {m.entity for m in batch}
