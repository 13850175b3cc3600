"""The engine tells the app what a pull wrote: tables, row ids and patients, once per pull; a first download
reports once at its end, naming tables only."""

from __future__ import annotations

import pytest

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.models import Patient, PatientPhone

pytestmark = pytest.mark.postgres


def new_patient(n: int) -> Patient:
    return Patient(customer_no=f"R{n:08d}", name=f"患者{n}", name_pinyin=f"huanzhe{n}", name_initials="hz")


def test_a_pull_reports_the_tables_rows_and_patients_it_wrote(central):
    a, b = central.workstation("a"), central.workstation("b", user="agent2")
    reports: list[Changes] = []
    b.engine.on_changes = reports.append
    b.engine.sync_once()
    reports.clear()
    with a.db.write() as s:
        patient = new_patient(1)
        s.add(patient)
        s.flush()
        phone = PatientPhone(patient_id=patient.id, number="13800138000", number_e164="+8613800138000")
        s.add(phone)
    a.engine.sync_once()

    summary = b.engine.sync_once()

    assert len(reports) == 1
    [report] = reports
    assert {"patients", "patient_phones"} <= report.entities
    assert {patient.id, phone.id} <= report.ids
    assert patient.id in report.patient_ids
    assert summary.pulled >= 2 and summary.changes == report


def test_a_pull_with_nothing_new_reports_nothing(central):
    b = central.workstation("b", user="agent2")
    b.engine.sync_once()
    reports: list[Changes] = []
    b.engine.on_changes = reports.append
    b.engine.sync_once()
    assert reports == []


def test_a_first_download_of_many_pages_reports_once_at_the_end(central):
    seed = central.workstation("seed", user="admin1", push_batch=100)
    with seed.db.write() as s:
        s.add_all(new_patient(n) for n in range(120))
    seed.engine.sync_once()
    reports: list[Changes] = []
    progress = []
    ws = central.workstation("new", pull_limit=25, bulk_rows=25, on_changes=reports.append,
                             on_progress=progress.append)
    ws.engine.connect()
    assert ws.engine.bootstrap() >= 120
    assert len(progress) > 3  # several pages ...
    assert len(reports) == 1  # ... one report
    assert "patients" in reports[0].entities and not reports[0].ids
