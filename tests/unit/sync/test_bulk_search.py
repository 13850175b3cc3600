"""A bulk bootstrap pauses the search triggers of local migration 0003 and rebuilds their tables at the end:
the result is what the triggers would have made, and the triggers are back afterwards."""

from __future__ import annotations

from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Patient, PatientPhone
from hcrm_desktop.sync.local import LocalStore
from hcrm_desktop.sync.protocol import PullPage
from hcrm_desktop.sync.tables import table_specs

SEARCH = ("SELECT suffix, patient_id FROM search_name_suffixes ORDER BY 1, 2",
          "SELECT digits_rev, phone_id, patient_id FROM search_phone_tails ORDER BY 1, 2")


def rows_of(db, table):
    columns = table_specs()[table].columns
    with db.engine.connect() as conn:
        rows = [list(r) for r in conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}")]
    for row in rows:
        row[1] = 1  # a central version
    return columns, rows


def search_content(db):
    with db.engine.connect() as conn:
        return [list(conn.exec_driver_sql(q)) for q in SEARCH]


def test_bulk_load_rebuilds_the_search_tables_and_restores_the_triggers(tmp_path):
    source = open_database(tmp_path / "source.db", create=True)
    with source.write() as s:  # written the ordinary way: the triggers fill the search tables
        for n, (name, number) in enumerate([("王小明", "+8613800138000"), ("欧阳娜娜", "+8613900139001"),
                                            ("李四", "")]):
            patient = Patient(customer_no=f"C{n}", name=name, name_pinyin="x", name_initials="x")
            s.add(patient)
            s.add(PatientPhone(patient_id=patient.id, number=number or "-", number_e164=number))
    expected = search_content(source)
    assert expected[0] and expected[1]

    target = open_database(tmp_path / "target.db", create=True)
    store = LocalStore(target)
    store.begin_bulk()
    with target.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name LIKE 'trg_search_%'").scalar() == 0
    tables = {t: rows_of(source, t) for t in ("patients", "patient_phones")}
    store.apply_page(PullPage(0, 1, False, tables, prepared=True), bootstrapped=True)
    assert search_content(target) == [[], []]  # nothing maintained them during the load
    store.end_bulk()

    assert search_content(target) == expected
    with target.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name LIKE 'trg_search_%'").scalar() == 6
    with target.write() as s:  # and they work again
        s.add(Patient(customer_no="C9", name="赵六六", name_pinyin="x", name_initials="x"))
    assert ["六六"] in [[r[0]] for r in search_content(target)[0]]
    source.dispose()
    target.dispose()
