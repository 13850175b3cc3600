"""central schema 3: a pull reads only the tables that changed; bootstrap pages by version range

`hcrm_pull` used to plan two dynamic queries for every readable table on every call (about 70 plans), even
when one row in one table had changed. With 50 workstations pulling twice a second that planning was most
of the central's CPU (bench/sync.py: 5 pulls running at any moment, push p95 1.6 s). Now one function with
static SQL, `hcrm_highs(since)`, reads each table's newest version above the cursor with one index probe
per table (its plan is cached), and the dynamic queries run only for the tables it names.

`hcrm_highs` is generated from the registry (`sync_tables`). A revision that adds a synced table must
call `highs_function()` again; tests/integration/sync/test_central_upgrade.py checks that it names every
registered table.

`hcrm_range(since, until)` heads a bootstrap page covering the versions (since, until]: a workstation
chooses its pages itself (versions are unique, so a range of n versions holds at most n rows) and fetches
several at once. `until` is cut back to the newest committed version: versions commit in the order they are
drawn (the push lock), so everything up to it is settled and no page can miss a row still being written.

The cursor also moves past changes to tables the user may not read, so an agent is not handed the same
empty answer again and again after a supervisor-only change.

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hcrm_desktop.sync.central.ddl import highs_function
from hcrm_desktop.sync.central.schema import GROUP_ROLES

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

PULL = r"""
CREATE OR REPLACE FUNCTION hcrm_pull(p_since bigint, p_limit int, p_actor text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u sync_users := hcrm_actor(p_actor);
    t sync_tables;
    since bigint := greatest(coalesce(p_since, 0), 0);
    cutoff bigint;
    v bigint;
    tmax bigint;
    body text;
    parts text[] := '{}';
    high bigint := since;
    changed text[];
    lim int := least(greatest(coalesce(p_limit, 1000), 1), 50000);
BEGIN
    -- nothing was drawn after the cursor: answer without looking at any table
    IF (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM sync_version_seq) <= high THEN
        RETURN format('{"protocol":1,"since":%s,"next":%s,"more":false,"tables":{}}', high, high);
    END IF;
    -- one cached plan: the newest version above the cursor of every table (an index probe each)
    SELECT coalesce(max(h.t_high), since),
           array_agg(h.t_name) FILTER (WHERE s.read_roles IS NULL OR u.role = ANY (s.read_roles))
      INTO high, changed
      FROM hcrm_highs(since) AS h JOIN sync_tables AS s ON s.name = h.t_name;
    IF changed IS NULL THEN  -- changes only where this user may not read: move past them
        RETURN format('{"protocol":1,"since":%s,"next":%s,"more":false,"tables":{}}', since, high);
    END IF;
    FOR t IN SELECT * FROM sync_tables WHERE name = ANY (changed) ORDER BY position LOOP
        EXECUTE format('SELECT version FROM %I WHERE version > $1 ORDER BY version OFFSET $2 LIMIT 1', t.name)
           INTO v USING since, lim - 1;
        IF v IS NOT NULL AND (cutoff IS NULL OR v < cutoff) THEN cutoff := v; END IF;
    END LOOP;
    FOR t IN SELECT * FROM sync_tables WHERE name = ANY (changed) ORDER BY position LOOP
        EXECUTE format('SELECT max(version), json_agg(json_build_array(%s))::text FROM %I'
                       ' WHERE version > $1 AND version <= $2', t.select_list, t.name)
           INTO tmax, body USING since, coalesce(cutoff, 9223372036854775807);
        IF body IS NOT NULL THEN
            parts := parts || format('%s:{"columns":%s,"rows":%s}', to_json(t.name)::text, t.columns_json, body);
        END IF;
    END LOOP;
    RETURN format('{"protocol":1,"since":%s,"next":%s,"more":%s,"tables":{%s}}',
                  since, coalesce(cutoff, high), CASE WHEN cutoff IS NULL THEN 'false' ELSE 'true' END,
                  array_to_string(parts, ','));
END $$;
"""


RANGE = r"""
CREATE FUNCTION hcrm_range(p_since bigint, p_until bigint, p_actor text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u sync_users := hcrm_actor(p_actor);
    since bigint := greatest(coalesce(p_since, 0), 0);
    visible bigint;
    upto bigint;
    tables jsonb;
BEGIN
    SELECT max(t_high) INTO visible FROM hcrm_highs(since);
    upto := least(greatest(coalesce(p_until, since), since), coalesce(visible, since));
    SELECT coalesce(jsonb_object_agg(s.name, s.columns_json::jsonb), '{}') INTO tables
      FROM hcrm_highs(since, upto) AS h JOIN sync_tables AS s ON s.name = h.t_name
     WHERE s.read_roles IS NULL OR u.role = ANY (s.read_roles);
    RETURN jsonb_build_object('protocol', 1, 'since', since, 'next', upto,
                              'more', upto < coalesce(visible, since), 'tables', tables);
END $$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    names = [row[0] for row in bind.execute(sa.text("SELECT name FROM sync_tables ORDER BY position"))]
    cursor = bind.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(highs_function(names))
    cursor.execute(PULL)
    cursor.execute(RANGE)
    op.execute("REVOKE EXECUTE ON FUNCTION hcrm_highs(bigint, bigint), hcrm_range(bigint, bigint, text) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION hcrm_range(bigint, bigint, text) TO {', '.join(GROUP_ROLES)}")
    op.execute(sa.text("UPDATE sync_info SET value = :v WHERE key = 'schema'").bindparams(v=revision))


def downgrade() -> None:
    raise NotImplementedError("the central schema is not downgraded; restore a backup instead")
