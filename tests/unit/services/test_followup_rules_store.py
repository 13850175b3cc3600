"""Rules and questionnaires in the synced tables, the admin's edit, and `hcrm-desktop followups ...`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from hcrm_desktop.cli import main
from hcrm_desktop.domain.followup_rules import RulesError
from hcrm_desktop.services.followup_catalog import (
    RuleEditError,
    list_rules,
    rules_file,
    save_rule,
    seed_questionnaires,
    set_rule_active,
    sync_rules_from_file,
)
from hcrm_desktop.store.db import Database, open_database
from hcrm_desktop.store.models import FollowUpRule, Outbox, Questionnaire

SHIPPED = rules_file().read_text(encoding="utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "rules.db", create=True)
    yield database
    database.dispose()


def stored(db: Database) -> dict[str, FollowUpRule]:
    with db.session() as s:
        return {r.code: r for r in s.scalars(select(FollowUpRule))}


def test_the_file_seeds_the_table_with_outbox_rows_and_a_rerun_changes_nothing(db: Database) -> None:
    first = sync_rules_from_file(db)
    assert len(first.added) == 10 and first.updated == ()
    rows = stored(db)
    assert rows["post_discharge"].definition["steps"][0]["step"] == "d2"
    assert rows["post_discharge"].definition["call_window"]["hours"] == ["09:00-11:30", "14:00-17:30"]
    with db.session() as s:
        assert s.query(Outbox).filter(Outbox.entity == "followup_rules").count() == 10
    again = sync_rules_from_file(db, replace=True)
    assert again.added == () and again.updated == ()
    seeded = seed_questionnaires(db)
    assert set(seeded.added) == {"satisfaction", "post_discharge", "post_surgery", "diabetes", "hypertension"}
    assert seed_questionnaires(db).added == ()
    with db.session() as s:
        assert s.scalar(select(Questionnaire.name).where(Questionnaire.code == "diabetes")) == "糖尿病随访问卷"


def test_a_bad_file_changes_nothing_and_names_the_line(db: Database, tmp_path: Path) -> None:
    sync_rules_from_file(db)
    before = {code: dict(r.definition) for code, r in stored(db).items()}
    bad = tmp_path / "rules.toml"
    bad.write_text(SHIPPED.replace("max_attempts = 4", "max_attempts = 40"), encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        sync_rules_from_file(db, bad, replace=True)
    assert caught.value.line == SHIPPED.splitlines().index("retry = { max_attempts = 4, spacing_hours = 4 }") + 1
    assert {code: dict(r.definition) for code, r in stored(db).items()} == before


def test_only_an_admin_saves_a_rule(db: Database) -> None:
    rules = list_rules(db)  # seeds the table on first use
    text = next(r for r in rules if r.code == "annual_checkup").editor_text().replace('"priority": 4', '"priority": 3')
    with pytest.raises(RuleEditError) as caught:
        save_rule(db, role="nurse", text=text, code="annual_checkup")
    assert caught.value.code == "not_admin"
    with pytest.raises(RuleEditError) as caught:
        save_rule(db, role="admin", text=text, code="post_discharge")
    assert caught.value.code == "code_mismatch"
    with pytest.raises(RulesError) as caught:
        save_rule(db, role="admin", text=text.replace('"kind": "annual_checkup"', '"kind": "yearly"'))
    assert caught.value.line == next(n + 1 for n, t in enumerate(text.splitlines()) if '"kind"' in t)
    rule, changes = save_rule(db, role="admin", text=text, code="annual_checkup")
    assert rule.priority == 3 and stored(db)["annual_checkup"].definition["priority"] == 3
    assert changes.touches("followup_rules")
    set_rule_active(db, role="admin", code="annual_checkup", active=False)
    assert not stored(db)["annual_checkup"].active
    with pytest.raises(RuleEditError):
        set_rule_active(db, role="supervisor", code="annual_checkup", active=True)


def test_cli_generate_prints_counts_per_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.db"
    open_database(path, create=True).dispose()
    assert main(["followups", "generate", "--db", str(path), "--today", "2026-11-25", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert list(payload)[:2] == ["created", "skipped"]
    assert set(payload["created"]) >= {"post_discharge", "chronic_diabetes", "vip_win_back", "annual_checkup"}
    assert all(isinstance(n, int) for n in payload["created"].values()) and payload["skipped"] == {}


def test_cli_refuses_a_bad_rules_file_and_a_missing_database(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("HCRM_LANG", "en")
    path = tmp_path / "cli.db"
    open_database(path, create=True).dispose()
    bad = tmp_path / "bad.toml"
    bad.write_text(SHIPPED.replace('event = "discharge" }', 'event = "discharged" }', 1), encoding="utf-8")
    assert main(["followups", "generate", "--db", str(path), "--rules", str(bad), "--json"]) == 2
    err = capsys.readouterr().err
    line = SHIPPED.splitlines().index('trigger = { event = "discharge" }') + 1
    assert f"line {line}:" in err and "discharged" in err and str(bad) in err
    assert main(["followups", "generate", "--db", str(tmp_path / "missing.db"), "--json"]) == 1
    assert "not found" in capsys.readouterr().err
    assert main(["followups", "check-rules", str(bad)]) == 2
    assert main(["followups", "check-rules"]) == 0
