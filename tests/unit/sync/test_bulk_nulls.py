"""Bulk (bootstrap) pages keep NULLs as the COPY marker until SQLite writes them: what lands in the workstation
database must be NULL for a NULL, and the text itself for a text that merely reads `\\N` or has escapes."""

from __future__ import annotations

import json

from hcrm_desktop.store.db import open_database
from hcrm_desktop.sync.bulk import parse_bulk
from hcrm_desktop.sync.local import LocalStore, page_changes
from hcrm_desktop.sync.prefetch import merge_pages

COLUMNS = ["id", "version", "updated_at", "deleted", "origin", "name", "industry", "contact_name"]
TIME = "2026-11-01 09:00:00.000000"


def page(since: int, nxt: int, lines: list[str], more: bool = False) -> bytes:
    head = {"protocol": 1, "since": since, "next": nxt, "more": more, "tables": {"organizations": COLUMNS}}
    return json.dumps(head).encode() + b"\n" + "".join(line + "\n" for line in lines).encode() + b"\\.\n"


def stored(db, org_id: str) -> tuple:
    with db.session() as s:
        return tuple(s.connection().exec_driver_sql(
            "SELECT name, industry, contact_name, version FROM organizations WHERE id = ?", (org_id,)).one())


def test_nulls_escapes_and_a_literal_backslash_n_are_written_as_sent(tmp_path):
    db = open_database(tmp_path / "ws.db", create=True)
    first = parse_bulk(page(0, 2, [
        f"o1\t1\t{TIME}\t0\tdev\t甲公司\t\\N\t\\N",  # two NULLs
        f"o2\t2\t{TIME}\t0\tdev\t乙公司\t\\\\N\ta\\tb",  # the text "\N" and a tab: the escaped path
    ], more=True), 0)
    second = parse_bulk(page(2, 3, [f"o3\t3\t{TIME}\t0\tdev\t丙\\\\公司\t\\N\t王"]), 2)
    merged = merge_pages([first, second])
    assert merged.row_count == 3 and (merged.since, merged.next, merged.more) == (0, 3, False)

    assert LocalStore(db).apply_page(merged, bootstrapped=True) == 3

    assert stored(db, "o1") == ("甲公司", None, None, 1)
    assert stored(db, "o2") == ("乙公司", "\\N", "a\tb", 2)
    assert stored(db, "o3") == ("丙\\公司", None, "王", 3)
    assert page_changes(merged).ids == {"o1", "o2", "o3"}
    db.dispose()
