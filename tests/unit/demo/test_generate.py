"""The demo-data generator: deterministic, internally consistent, realistic, and loadable by the app."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hcrm_desktop.cli import main
from hcrm_desktop.demo import catalog, dataset, generate
from hcrm_desktop.demo.generate import GenerateSummary, generate_database, print_progress
from hcrm_desktop.demo.pools import NamePool
from hcrm_desktop.domain.enums import Sex
from hcrm_desktop.domain.national_id import make_national_id, validate_national_id
from hcrm_desktop.domain.passwords import verify_password
from hcrm_desktop.domain.phones import normalize_phone
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.store import migrations
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.errors import DatabaseExists
from hcrm_desktop.store.models import Encounter, FollowUpTask, Patient, synced_models

TODAY = date(2025, 11, 20)
PATIENTS = 300
DUMPED = ("patients", "patient_phones", "encounters", "interactions", "followup_tasks", "slots", "bookings",
          "staff_users", "survey_responses")  # fmt: skip
RARE_PINYIN = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
               "欧阳": "ouyang", "司马": "sima", "诸葛": "zhuge"}  # fmt: skip
SQLA_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GenerateSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return path, generate_database(path, patients=PATIENTS, seed=7, today=TODAY)


@pytest.fixture()
def db(built: tuple[Path, GenerateSummary]) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(built[0])
    yield conn
    conn.close()


def dump(path: Path, tables: tuple[str, ...] = DUMPED) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}
    finally:
        conn.close()


# --- files and determinism ---------------------------------------------------------------------------


def test_same_seed_gives_identical_tables(built: tuple[Path, GenerateSummary], tmp_path: Path) -> None:
    again = generate_database(tmp_path / "again.db", patients=PATIENTS, seed=7, today=TODAY)
    assert dump(built[0]) == dump(again.path)
    assert dict(again.rows) == dict(built[1].rows)


def test_worker_process_gives_the_same_rows(built: tuple[Path, GenerateSummary], tmp_path: Path) -> None:
    parallel = generate_database(tmp_path / "parallel.db", patients=PATIENTS, seed=7, today=TODAY, parallel=True)
    assert dump(built[0]) == dump(parallel.path)


def test_rows_do_not_depend_on_how_many_processes_make_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dataset, "CHUNK_PATIENTS", 40)
    here = generate_database(tmp_path / "here.db", patients=150, seed=5, today=TODAY, parallel=False)
    monkeypatch.setattr(generate, "WORKERS", 3)
    pooled = generate_database(tmp_path / "pooled.db", patients=150, seed=5, today=TODAY, parallel=True)
    assert dump(here.path) == dump(pooled.path)
    with sqlite3.connect(pooled.path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_another_seed_gives_other_people(built: tuple[Path, GenerateSummary], tmp_path: Path) -> None:
    other = generate_database(tmp_path / "other.db", patients=PATIENTS, seed=8, today=TODAY)
    assert dump(built[0], ("patients",)) != dump(other.path, ("patients",))


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    path = tmp_path / "keep.db"
    path.write_bytes(b"precious")
    with pytest.raises(DatabaseExists) as caught:
        generate_database(path, patients=10, seed=1, today=TODAY)
    assert caught.value.path == str(path)
    assert path.read_bytes() == b"precious"


def test_force_replaces_the_file_and_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.write_bytes(b"old")
    Path(f"{path}-wal").write_bytes(b"stale wal")
    summary = generate_database(path, patients=20, seed=1, today=TODAY, force=True)
    assert summary.rows["patients"] == 20
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").read_bytes() != b"stale wal"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM patients").fetchone() == (20,)


def test_no_patients_gives_the_reference_data_only(tmp_path: Path) -> None:
    summary = generate_database(tmp_path / "empty.db", patients=0, seed=1, today=TODAY)
    assert summary.rows["patients"] == 0 and summary.rows["bookings"] == 0
    assert summary.rows["staff_users"] > 0 and summary.rows["slots"] > 0


def test_a_failed_run_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: dataset.DemoData, k: int) -> dataset.Chunk:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(dataset.DemoData, "chunk", broken)
    path = tmp_path / "broken.db"
    with pytest.raises(RuntimeError, match="disk on fire"):
        generate_database(path, patients=10, seed=1, today=TODAY)
    assert list(tmp_path.iterdir()) == []


def test_progress_lines_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    for done in (0, 1):
        print_progress("schema", done, 1)
    print_progress("patients", 250_000, 1_000_000)
    print_progress("patients", 500_000, 1_000_000)  # within two seconds of the last line: skipped
    print_progress("patients", 1_000_000, 1_000_000)
    lines = capsys.readouterr().err.splitlines()
    assert [line.rsplit(" ", 1)[0] for line in lines] == [
        "schema 0/1 (0%)", "schema 1/1 (100%)", "patients 1000000/1000000 (100%)",
    ]  # fmt: skip
    assert all(re.fullmatch(r".* \d+\.\ds", line) for line in lines)


def test_summary_counts_match_the_tables(built: tuple[Path, GenerateSummary], db: sqlite3.Connection) -> None:
    summary = built[1]
    for table, count in summary.rows.items():
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count, table
    assert summary.rows["patients"] == PATIENTS
    assert 7 * PATIENTS < summary.history_rows < 14 * PATIENTS
    assert summary.seconds > 0


# --- consistency -------------------------------------------------------------------------------------


def test_foreign_keys_hold(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_slot_bookings_add_up(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT s.id, s.booked, s.capacity, (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id"
        " AND b.state = 'booked') FROM slots s"
    ).fetchall()
    assert rows and all(booked == counted <= capacity for _id, booked, capacity, counted in rows)
    days = {d for (d,) in db.execute("SELECT DISTINCT day FROM slots")}
    assert min(days) == TODAY.isoformat() and len(days) == 14
    assert db.execute("SELECT count(*) FROM bookings WHERE state = 'booked'").fetchone()[0] > 0
    # one active booking per patient
    assert db.execute(
        "SELECT count(*) FROM (SELECT patient_id FROM bookings WHERE state = 'booked' GROUP BY patient_id"
        " HAVING count(*) > 1)"
    ).fetchone() == (0,)


def test_baseline_snapshot_rows_and_no_outbox(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
    for model in synced_models():
        table = model.__tablename__  # type: ignore[attr-defined]
        bad = db.execute(
            f"SELECT count(*) FROM {table} WHERE version != 1 OR origin != 'central' OR deleted != 0"
            " OR updated_at IS NULL"
        ).fetchone()
        assert bad == (0,), table


def test_ids_are_random_uuid4_and_unique(db: sqlite3.Connection) -> None:
    seen: set[str] = set()
    for table in ("patients", "patient_phones", "encounters", "interactions", "followup_tasks", "bookings"):
        ids = [i for (i,) in db.execute(f"SELECT id FROM {table} ORDER BY rowid")]
        assert all(str(uuid.UUID(i)) == i and uuid.UUID(i).version == 4 for i in ids), table
        assert seen.isdisjoint(ids)
        seen.update(ids)
    assert len({i[0] for i in seen}) >= 8  # spread over the space


def test_wal_mode_and_all_indexes_are_back(built: tuple[Path, GenerateSummary], db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    assert {"ix_patients_name_pinyin", "ix_patient_phones_number_e164", "ix_encounters_patient_start",
            "ix_followup_tasks_state_due"} <= names  # fmt: skip
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_opens_with_the_app_at_the_migration_head(built: tuple[Path, GenerateSummary]) -> None:
    database = open_database(built[0])
    try:
        assert migrations.current_revision(database.engine) == migrations.head_revision()
        with database.session() as session:
            patient = session.query(Patient).order_by(Patient.customer_no).first()
            assert patient is not None and isinstance(patient.created_at.year, int)
            encounter = session.query(Encounter).first()
            assert encounter is not None and isinstance(encounter.diagnoses, list)
            task = session.query(FollowUpTask).filter(FollowUpTask.state == "done").first()
            assert task is not None and task.completed_at is not None and task.completed_at >= task.due_at
    finally:
        database.dispose()


def test_complaint_timestamps_follow_the_states(db: sqlite3.Connection) -> None:
    order = ("new", "acknowledged", "in_progress", "resolved", "closed")
    rows = db.execute(
        "SELECT id, state, opened_at, acknowledged_at, resolved_at, closed_at, acknowledge_due, resolve_due"
        " FROM complaints"
    ).fetchall()
    assert rows
    for cid, state, opened, acknowledged, resolved, closed, ack_due, resolve_due in rows:
        stamps = [t for t in (opened, acknowledged, resolved, closed) if t]
        assert stamps == sorted(stamps) and opened < ack_due <= resolve_due
        assert (acknowledged is not None) == (order.index(state) >= 1)
        assert (resolved is not None) == (order.index(state) >= 3)
        assert (closed is not None) == (state == "closed")
        events = db.execute(
            "SELECT to_state, at FROM complaint_events WHERE complaint_id = ? ORDER BY at", (cid,)
        ).fetchall()
        assert [e[0] for e in events] == list(order[: order.index(state) + 1])


def test_points_are_the_sum_of_the_ledger(db: sqlite3.Connection) -> None:
    mismatched = db.execute(
        "SELECT count(*) FROM patients p WHERE p.points != "
        "(SELECT coalesce(sum(delta), 0) FROM points_ledger l WHERE l.patient_id = p.id)"
    ).fetchone()
    assert mismatched == (0,)


def test_history_happens_before_today(db: sqlite3.Connection) -> None:
    opening = f"{TODAY.isoformat()} 08:00:00.000000"
    for table, column in (("encounters", "started_at"), ("interactions", "started_at"),
                          ("call_attempts", "at"), ("survey_responses", "submitted_at")):  # fmt: skip
        latest = db.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
        assert latest <= opening, table
        assert all(SQLA_DATETIME.fullmatch(v) for (v,) in db.execute(f"SELECT {column} FROM {table}"))
    assert db.execute(
        "SELECT count(*) FROM encounters WHERE discharged_at IS NOT NULL AND discharged_at <= started_at"
    ).fetchone() == (0,)


def test_json_columns_are_what_sqlalchemy_writes(db: sqlite3.Connection) -> None:
    for table, column in (("patients", "tags"), ("encounters", "diagnoses"), ("checkups", "abnormal_findings"),
                          ("survey_responses", "answers"), ("packages", "items"), ("followup_rules", "definition")):  # fmt: skip
        for (text,) in db.execute(f"SELECT {column} FROM {table}"):
            assert json.dumps(json.loads(text)) == text, (table, text)


# --- realism -----------------------------------------------------------------------------------------


def test_national_ids_are_valid_and_match_the_patient(db: sqlite3.Connection) -> None:
    codes = {(p, c, d): code for code, p, c, d, _a, _w in
             catalog.HOME_DISTRICTS + catalog.PROVINCE_DISTRICTS + catalog.OTHER_DISTRICTS}  # fmt: skip
    rows = db.execute("SELECT national_id, birth_date, sex, province, city, district FROM patients").fetchall()
    missing = 0
    for national_id, birth, sex, province, city, district in rows:
        if national_id is None:
            missing += 1
            continue
        parsed = validate_national_id(national_id, today=TODAY)
        assert parsed.birth_date.isoformat() == birth
        assert parsed.sex.value == sex
        assert parsed.region_code == codes[province, city, district]
    assert 0.02 < missing / len(rows) < 0.2
    present = [r[0] for r in rows if r[0] is not None]
    assert len(set(present)) == len(present), "two people share a national id"
    home = sum(1 for r in rows if r[4] == catalog.HOME_CITY)
    assert home / len(rows) > 0.6


def test_a_national_id_clash_takes_the_next_free_order_code() -> None:
    col = dataset.UniqueNationalIds.column
    first = make_national_id("330106", date(1980, 5, 17), 0, Sex.MALE)
    row = tuple(first if i == col else f"c{i}" for i in range(col + 3))
    rows = [row, row, tuple(None if i == col else "x" for i in range(col + 3))]
    dataset.UniqueNationalIds().fix(rows)
    again = validate_national_id(str(rows[1][col]), today=TODAY)
    assert rows[0][col] == first and rows[1][col] != first
    assert again.birth_date == date(1980, 5, 17) and again.sex is Sex.MALE and again.region_code == "330106"
    assert rows[1][:col] == row[:col] and rows[2][col] is None


def test_phones_are_well_formed_and_families_share_numbers(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT patient_id, number, number_e164, relation, contact_name, is_primary FROM patient_phones")
    rows = rows.fetchall()
    for _pid, number, e164, relation, contact, _primary in rows:
        assert re.fullmatch(r"\+86(1[3-9]\d{9}|10\d{8}|[2-9]\d{9,10})", e164), e164
        normalized = normalize_phone(number)
        assert normalized is not None and normalized.e164 == e164, number
        assert (contact is None) == (relation == "self")
    patients_per_number: dict[str, set[str]] = {}
    for pid, _n, e164, *_rest in rows:
        patients_per_number.setdefault(e164, set()).add(pid)
    assert any(len(p) >= 2 for p in patients_per_number.values())
    with_family = db.execute(
        "SELECT count(DISTINCT patient_id) FROM patient_phones WHERE relation != 'self'"
    ).fetchone()[0]
    assert 0.2 < with_family / PATIENTS < 0.6
    assert db.execute(
        "SELECT count(*) FROM patients p WHERE (SELECT count(*) FROM patient_phones f WHERE f.patient_id = p.id"
        " AND f.is_primary = 1) != 1"
    ).fetchone() == (0,)


def test_pinyin_matches_the_domain_module(db: sqlite3.Connection) -> None:
    for name, full, initials in db.execute("SELECT name, name_pinyin, name_initials FROM patients"):
        assert name_pinyin(name) == (full, initials), name
        for surname, reading in RARE_PINYIN.items():
            if name.startswith(surname) and (len(surname) == 2 or name[:2] not in RARE_PINYIN):
                assert full.startswith(reading), name


def test_rare_surnames_read_as_surnames() -> None:
    names = NamePool(random.Random(3))
    for surname, reading in RARE_PINYIN.items():
        for male in (True, False):
            name, full, initials = names.name(male, surname)
            assert (full, initials) == name_pinyin(name)
            assert full.startswith(reading) and initials.startswith(reading[0])


def test_identifiers_follow_the_history(db: sqlite3.Connection) -> None:
    systems = dict(db.execute("SELECT system, count(*) FROM patient_identifiers GROUP BY system").fetchall())
    assert {"HIS", "PEIS", "LIS", "EMR"} <= set(systems)
    assert db.execute(
        "SELECT count(*) FROM patient_identifiers i WHERE i.system = 'HIS'"
        " AND NOT EXISTS (SELECT 1 FROM encounters e WHERE e.patient_id = i.patient_id)"
    ).fetchone() == (0,)


def test_demo_users_sign_in_with_demo(db: sqlite3.Connection) -> None:
    users = {u: (role, h) for u, role, h in db.execute("SELECT username, role, password_hash FROM staff_users")}
    for username, _display, role, _dept in catalog.DEMO_USERS:
        assert users[username][0] == role
        assert verify_password("demo", users[username][1])
    assert not verify_password("wrong", users["agent1"][1])
    doctors = db.execute("SELECT count(*) FROM staff_users WHERE role = ?", (catalog.DOCTOR_ROLE,)).fetchone()
    assert doctors[0] >= 100


def test_the_mix_looks_like_a_hospital(db: sqlite3.Connection) -> None:
    def share(sql: str) -> float:
        value: float = db.execute(sql).fetchone()[0]
        return value

    kinds = dict(db.execute("SELECT kind, count(*) FROM encounters GROUP BY kind").fetchall())
    total = sum(kinds.values())
    assert kinds["outpatient"] / total > 0.7 and 0.02 < kinds["inpatient"] / total < 0.15
    assert kinds["emergency"] / total < 0.12
    states = {s for (s,) in db.execute("SELECT DISTINCT state FROM followup_tasks")}
    assert {"open", "done", "lost"} <= states
    assert share("SELECT count(*) FROM patients WHERE referred_by_id IS NOT NULL") > 0
    assert share("SELECT count(*) FROM patients WHERE organization_id IS NOT NULL") > 0
    assert share("SELECT avg(vip_level = 0) FROM patients") > 0.8
    assert share("SELECT count(*) FROM encounters WHERE kind = 'inpatient' AND surgery IS NOT NULL") > 0
    assert share("SELECT count(*) FROM checkups WHERE abnormal_findings LIKE '%\\u%'") > 0
    assert share("SELECT count(*) FROM interactions WHERE channel = 'phone'") > share(
        "SELECT count(*) FROM interactions WHERE channel != 'phone'"
    )


# --- command line --------------------------------------------------------------------------------------


def test_cli_builds_and_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.db"
    assert main(["demo-data", "--patients", "30", "--seed", "2", "--db", str(path)]) == 0
    assert path.exists()
    capsys.readouterr()
    assert main(["demo-data", "--patients", "30", "--seed", "2", "--db", str(path)]) != 0
    err = capsys.readouterr().err
    assert str(path) in err and "--force" in err
    assert main(["demo-data", "--patients", "30", "--seed", "2", "--db", str(path), "--force"]) == 0
