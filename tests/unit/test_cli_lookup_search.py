"""`hcrm-desktop lookup` and `hcrm-desktop search`: the headless interfaces PBX integrators rely on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from hcrm_desktop.cli import main
from hcrm_desktop.domain.pinyin import name_pinyin
from hcrm_desktop.services.lookup import lookup_number
from hcrm_desktop.services.search import search_patients
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Patient, PatientPhone


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "cli.db"
    db = open_database(path, create=True)
    with db.write() as s:
        for number, name, e164, relation in [("C00000001", "王芳", "+8613800138000", "self"),
                                             ("C00000002", "李秀英", "+8613800138000", "child"),
                                             ("C00000003", "张伟", "+8613900139000", "self")]:  # fmt: skip
            pinyin, initials = name_pinyin(name)
            p = Patient(customer_no=number, name=name, name_pinyin=pinyin, name_initials=initials)
            s.add(p)
            s.add(PatientPhone(patient_id=p.id, number=e164[3:], number_e164=e164, relation=relation))
    db.dispose()
    return path


@pytest.fixture(autouse=True)
def chinese(monkeypatch):
    monkeypatch.setenv("HCRM_LANG", "zh_CN")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lookup_json_is_what_the_screen_pop_resolves(db_path, capsys):
    code, out, err = run(capsys, "lookup", "sip:13800138000@pbx", "--db", str(db_path), "--json")
    assert code == 0 and err == ""
    payload = json.loads(out)
    assert payload["input"] == "sip:13800138000@pbx" and payload["normalized"] == "+8613800138000"
    assert [(m["name"], m["relation"]) for m in payload["matches"]] == [("王芳", "self"), ("李秀英", "child")]
    db = open_database(db_path)
    expected = lookup_number(db, "sip:13800138000@pbx")
    db.dispose()
    assert [m["patient_id"] for m in payload["matches"]] == [m.patient_id for m in expected.matches]
    assert set(payload["matches"][0]) >= {"patient_id", "name", "relation", "customer_no", "score", "deceased"}


def test_lookup_table(db_path, capsys):
    code, out, _ = run(capsys, "lookup", "13800138000", "--db", str(db_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "+8613800138000" and "姓名" in lines[1] and "王芳" in lines[2] and "子女" in lines[3]


def test_withheld_number_prints_null_and_no_matches(db_path, capsys):
    code, out, _ = run(capsys, "lookup", "anonymous", "--db", str(db_path), "--json")
    payload = json.loads(out)
    assert code == 0 and payload["normalized"] is None and payload["matches"] == []


@pytest.mark.parametrize(("lang", "message"), [("zh_CN", "号码含有无效字符"), ("en", "invalid characters")])
def test_garbage_number_exits_2_with_a_clear_message(db_path, capsys, monkeypatch, lang, message):
    monkeypatch.setenv("HCRM_LANG", lang)
    code, out, err = run(capsys, "lookup", "call me maybe", "--db", str(db_path), "--json")
    assert code == 2 and out == "" and message in err and "call me maybe" in err


def test_english_follows_lang(db_path, monkeypatch):
    env = {"LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin", "HCRM_DESKTOP_HOME": str(db_path.parent)}
    proc = subprocess.run([sys.executable, "-m", "hcrm_desktop", "lookup", "12", "--db", str(db_path)],
                          capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    assert proc.returncode == 2 and "too short" in proc.stderr


def test_search_json_is_what_the_customers_screen_shows(db_path, capsys):
    code, out, _ = run(capsys, "search", "zw", "--db", str(db_path), "--json")
    payload = json.loads(out)
    assert code == 0 and payload["query"] == "zw" and payload["kind"] == "pinyin"
    assert [r["name"] for r in payload["results"]] == ["张伟"]
    db = open_database(db_path)
    expected = search_patients(db, "8000")
    db.dispose()
    _, out, _ = run(capsys, "search", "8000", "--db", str(db_path), "--json")
    assert [r["patient_id"] for r in json.loads(out)["results"]] == [h.patient_id for h in expected.hits]
    assert json.loads(out)["results"][0]["masked_phone"] == "138****8000"


def test_search_table_and_nothing_found(db_path, capsys):
    code, out, _ = run(capsys, "search", "王", "--db", str(db_path))
    assert code == 0 and "王芳" in out and "客户号" in out
    code, out, _ = run(capsys, "search", "nobody", "--db", str(db_path))
    assert code == 0 and out.strip() == "没有找到"


def test_missing_database_uses_the_store_message(tmp_path, capsys):
    code, out, err = run(capsys, "search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "数据库文件不存在" in err
    code, out, err = run(capsys, "lookup", "13800138000", "--db", str(tmp_path / "none.db"), "--json")
    assert code == 1 and "数据库文件不存在" in err and out == ""
