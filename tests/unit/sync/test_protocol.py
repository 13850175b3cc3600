"""Replies are checked before anything is written: hostile or truncated ones raise BadReply."""

from __future__ import annotations

import json

import pytest

from hcrm_desktop.sync.errors import BadReply
from hcrm_desktop.sync.local import convert_rows
from hcrm_desktop.sync.protocol import parse_info, parse_pull, parse_push_reply

COLUMNS = ["id", "version", "updated_at", "deleted", "origin", "customer_no", "name", "tags", "birth_date"]
ROW = ["p1", 5, "2026-11-01 09:00:00.000000", False, "dev", "C1", "张三", '["a"]', "1980-01-02"]


def page(**over):
    value = {"protocol": 1, "since": 0, "next": 5, "more": False,
             "tables": {"patients": {"columns": COLUMNS, "rows": [list(ROW)]}}}
    value.update(over)
    return json.dumps(value)


def test_a_good_page_parses():
    parsed = parse_pull(page(), 0)
    assert parsed.next == 5 and parsed.row_count == 1 and not parsed.more


@pytest.mark.parametrize("reply", [
    "", "{", page()[:-7], "[]", "null", '"text"',
    page(protocol=2), page(since=3), page(next=-1), page(more="yes"), page(tables=[]),
    page(tables={"sqlite_master": {"columns": COLUMNS, "rows": []}}),
    page(tables={"patients": {"columns": ["id", "version", "evil; DROP TABLE x"], "rows": []}}),
    page(tables={"patients": {"columns": ["name", "id", "version"], "rows": []}}),
    page(tables={"patients": {"columns": COLUMNS, "rows": [ROW[:-1]]}}),
    page(tables={"patients": {"columns": COLUMNS, "rows": [[None, *ROW[1:]]]}}),
    page(tables={"patients": {"columns": COLUMNS, "rows": [["p1", 9, *ROW[2:]]]}}),  # beyond next
    page(tables={"patients": {"columns": COLUMNS, "rows": "many"}}),
])
def test_hostile_or_truncated_pages_are_refused(reply):
    with pytest.raises(BadReply):
        parse_pull(reply, 0)


@pytest.mark.parametrize(("column", "value"), [
    ("name", {"x": 1}), ("name", 5), ("deleted", "yes"), ("updated_at", "yesterday"), ("updated_at", 12),
    ("birth_date", "1980-1-2x"), ("tags", "{not json"), ("tags", 3),
])
def test_hostile_cells_are_refused(column, value):
    row = list(ROW)
    row[COLUMNS.index(column)] = value
    with pytest.raises(BadReply):
        convert_rows("patients", COLUMNS, [row])


def test_iso_times_and_json_values_are_converted_to_storage_form():
    row = list(ROW)
    row[2], row[7] = "2026-11-01T09:00:00.5", ["a", "b"]
    [converted] = convert_rows("patients", COLUMNS, [row])
    assert converted[2] == "2026-11-01 09:00:00.500000" and converted[7] == '["a","b"]'


def test_push_reply_must_answer_each_mutation_in_order():
    sent = [{"mutation_id": "m1"}, {"mutation_id": "m2"}]
    good = {"results": [{"mutation_id": "m1", "status": "applied", "version": 3},
                        {"mutation_id": "m2", "status": "rejected", "reason": "slot_full"}]}
    results = parse_push_reply(good, sent)
    assert [(r.status, r.version, r.reason) for r in results] == [("applied", 3, ""), ("rejected", 0, "slot_full")]
    for bad in ({"results": good["results"][:1]}, {"results": list(reversed(good["results"]))},
                {"results": [{"mutation_id": "m1", "status": "maybe"}, good["results"][1]]},
                {"results": [{"mutation_id": "m1", "status": "applied", "version": -1}, good["results"][1]]},
                {"oops": 1}, []):
        with pytest.raises(BadReply):
            parse_push_reply(bad, sent)


def test_version_reply_is_checked():
    info = parse_info({"protocol": "1", "schema": "c0001", "fingerprint": "ab", "central_id": "x", "high": 7})
    assert info.protocol == 1 and info.high == 7
    with pytest.raises(BadReply):
        parse_info({"protocol": "one"})


def bulk(header=None, body="p1\t5\t2026-11-01 09:00:00.000000\t0\tdev\tC1\t\\N\\n\n\\.\n"):
    head = {"protocol": 1, "since": 0, "next": 5, "more": False,
            "tables": {"patients": ["id", "version", "updated_at", "deleted", "origin", "customer_no", "notes"]}}
    head.update(header or {})
    return json.dumps(head).encode() + b"\n" + body.encode()


def test_a_good_bulk_page_parses_with_nulls_and_escapes():
    from hcrm_desktop.sync.bulk import parse_bulk

    page = parse_bulk(bulk(body="p1\t5\t2026-11-01 09:00:00.000000\t0\tdev\tC1\t\\N\np2\t4\tx\t1\td\tC2\ta\\tb\\\\c\n\\.\n"), 0)
    columns, rows = page.tables["patients"]
    assert page.prepared and [list(r) for r in rows] == [["p1", "5", "2026-11-01 09:00:00.000000", "0", "dev", "C1", "\\N"]]
    assert page.exact["patients"] == [["p2", "4", "x", "1", "d", "C2", "a\tb\\c"]]  # unescaped, NULL as None
    assert page.row_count == 2


@pytest.mark.parametrize("data", [
    b"", b"not json\n", bulk({"protocol": 2}), bulk({"since": 3}), bulk({"tables": {"evil": ["id", "version"]}}),
    bulk(body="p1\t5\n\\.\n"),  # too few cells
    bulk(body="p1\t5\t2026-11-01 09:00:00.000000\t0\tdev\tC1\tx\n"),  # truncated: no end marker
    bulk(body="p1\t9\t2026-11-01 09:00:00.000000\t0\tdev\tC1\tx\n\\.\n"),  # version beyond next
    bulk(body="p1\tfive\t2026-11-01 09:00:00.000000\t0\tdev\tC1\tx\n\\.\n"),
    bulk(body="\t5\t2026-11-01 09:00:00.000000\t0\tdev\tC1\tx\n\\.\n"),  # no id
    bulk() + b"\xff\xfe",
])
def test_hostile_or_truncated_bulk_pages_are_refused(data):
    from hcrm_desktop.sync.bulk import parse_bulk

    with pytest.raises(BadReply):
        parse_bulk(data, 0)
