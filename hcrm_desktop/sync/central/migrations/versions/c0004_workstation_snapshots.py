"""central schema 4: workstation snapshots for first installs

A new workstation used to rebuild its cache row by row from bulk pages: at a million patients (16 million
rows) that is several minutes of Python on the workstation and of COPY on the central. `hcrm-central
snapshot` now builds, ahead of time (nightly, or after a load), one SQLite image per set of tables a role
may read: the workstation's own tables, filled, without their secondary indexes. A new workstation
downloads it in checksummed chunks, copies it in with SQLite's own `INSERT INTO ... SELECT` (no Python per
row) and pulls only what changed since the image was made (hcrm_desktop/sync/snapshot.py).

- `sync_snapshots`: one row per image: the tables in it (`readable`, sorted), the workstation schema it
  was made for (`local_schema`, an Alembic revision of the local migrations), the sync fingerprint, the
  version it is complete up to (`high`), size, chunk size, per-chunk SHA-256, rows, and `complete` (set
  once every chunk is stored).
- `sync_snapshot_chunks`: the bytes, uncompressed storage (`EXTERNAL`: SQLite pages compress poorly and
  compressing gigabytes would cost the central CPU on every build).
- `hcrm_snapshot(local_schema, actor)`: the newest complete image for exactly the tables this user may
  read, made for this workstation schema and the current fingerprint; NULL when there is none.
- `hcrm_snapshot_chunk(id, n, actor)`: one chunk, refused (42501) to a user whose readable tables differ.

Revision ID: c0004
Revises: c0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hcrm_desktop.sync.central.schema import GROUP_ROLES

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None

DDL = r"""
CREATE TABLE sync_snapshots (
    id bigserial PRIMARY KEY,
    readable text[] NOT NULL,
    local_schema text NOT NULL,
    fingerprint text NOT NULL,
    central_id text NOT NULL,
    high bigint NOT NULL,
    rows bigint NOT NULL,
    size bigint NOT NULL,
    chunk_size integer NOT NULL,
    chunk_hashes text[] NOT NULL,
    created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    complete boolean NOT NULL DEFAULT false
);
CREATE INDEX ix_sync_snapshots_lookup ON sync_snapshots (local_schema, complete, id);
CREATE TABLE sync_snapshot_chunks (
    snapshot_id bigint NOT NULL REFERENCES sync_snapshots (id) ON DELETE CASCADE,
    n integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (snapshot_id, n)
);
ALTER TABLE sync_snapshot_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
"""

FUNCTIONS = r"""
CREATE FUNCTION hcrm_readable(p_role text) RETURNS text[] LANGUAGE sql STABLE AS
$$ SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM sync_tables
    WHERE read_roles IS NULL OR p_role = ANY (read_roles) $$;

CREATE FUNCTION hcrm_snapshot(p_local_schema text, p_actor text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u sync_users := hcrm_actor(p_actor);
    s sync_snapshots;
BEGIN
    SELECT * INTO s FROM sync_snapshots
     WHERE local_schema = p_local_schema AND complete AND readable = hcrm_readable(u.role)
       AND fingerprint = (SELECT value FROM sync_info WHERE key = 'fingerprint')
     ORDER BY id DESC LIMIT 1;
    IF s.id IS NULL THEN RETURN NULL; END IF;
    RETURN jsonb_build_object('id', s.id, 'readable', s.readable, 'local_schema', s.local_schema,
                              'fingerprint', s.fingerprint, 'central_id', s.central_id, 'high', s.high,
                              'rows', s.rows, 'size', s.size, 'chunk_size', s.chunk_size,
                              'chunk_hashes', s.chunk_hashes);
END $$;

CREATE FUNCTION hcrm_snapshot_chunk(p_id bigint, p_n int, p_actor text DEFAULT NULL) RETURNS bytea
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u sync_users := hcrm_actor(p_actor);
    v_readable text[];
    v_data bytea;
BEGIN
    SELECT readable INTO v_readable FROM sync_snapshots WHERE id = p_id AND complete;
    IF v_readable IS NULL THEN
        RAISE EXCEPTION 'no such snapshot' USING ERRCODE = '22023';
    END IF;
    IF v_readable <> hcrm_readable(u.role) THEN
        RAISE EXCEPTION 'forbidden' USING ERRCODE = '42501';
    END IF;
    SELECT data INTO v_data FROM sync_snapshot_chunks WHERE snapshot_id = p_id AND n = p_n;
    IF v_data IS NULL THEN
        RAISE EXCEPTION 'no such chunk' USING ERRCODE = '22023';
    END IF;
    RETURN v_data;
END $$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    cursor = bind.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(DDL)
    cursor.execute(FUNCTIONS)
    op.execute("REVOKE ALL ON sync_snapshots, sync_snapshot_chunks FROM PUBLIC")
    op.execute("REVOKE ALL ON SEQUENCE sync_snapshots_id_seq FROM PUBLIC")
    op.execute("REVOKE EXECUTE ON FUNCTION hcrm_readable(text), hcrm_snapshot(text, text), "
               "hcrm_snapshot_chunk(bigint, integer, text) FROM PUBLIC")
    grantees = ", ".join(GROUP_ROLES)
    op.execute(f"GRANT EXECUTE ON FUNCTION hcrm_snapshot(text, text), hcrm_snapshot_chunk(bigint, integer, text) "
               f"TO {grantees}")
    op.execute(sa.text("UPDATE sync_info SET value = :v WHERE key = 'schema'").bindparams(v=revision))


def downgrade() -> None:
    raise NotImplementedError("the central schema is not downgraded; restore a backup instead")
