"""The follow-up rules file: the shipped rules load, and a bad text names the line and keeps the rules in force."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hcrm_desktop.domain.followup_rules import (
    RuleBook,
    RulesError,
    months_before,
    parse_rule_json,
    parse_rules_toml,
    period_of,
    rule_from_definition,
)
from hcrm_desktop.services.followup_catalog import rules_file

SHIPPED = rules_file().read_text(encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [n + 1 for n, line in enumerate(text.splitlines()) if needle in line]
    return lines[nth - 1]


def test_the_shipped_file_has_every_rule_the_issue_asks_for() -> None:
    rules = parse_rules_toml(SHIPPED)
    assert set(rules.codes) == {
        "post_discharge", "post_surgery", "chronic_diabetes", "chronic_hypertension", "chronic_heart", "chronic_copd",
        "abnormal_checkup", "outpatient_satisfaction", "vip_win_back", "annual_checkup",
    }  # fmt: skip
    discharge = rules.by_code("post_discharge")
    assert [(s.code, s.offset_days, s.window_days, s.priority, s.questionnaire) for s in discharge.steps] == [
        ("d2", 2, 1, 2, "post_discharge"), ("d30", 30, 7, 4, "satisfaction")]
    assert [(s.code, s.offset_days) for s in rules.by_code("post_surgery").steps] == [("w1", 7), ("m1", 30), ("m3", 90)]
    assert rules.by_code("chronic_diabetes").trigger.icd10 == (("E10", "E14"),)
    assert rules.by_code("chronic_hypertension").trigger.icd10 == (("I10", "I15"),)
    assert rules.by_code("outpatient_satisfaction").trigger.sample_rate == 0.1
    assert rules.by_code("vip_win_back").trigger.months_without_visit == 12
    # inherited defaults: retry policy and call window, unless the rule sets its own
    assert (discharge.retry.max_attempts, discharge.retry.spacing_hours, discharge.retry.give_up) == (3, 4.0, "lost")
    assert rules.by_code("post_surgery").retry.max_attempts == 4
    assert discharge.call_window.to_json() == {"hours": ["09:00-11:30", "14:00-17:30"], "closed_weekdays": ["sun"]}
    assert discharge.department == "encounter" and discharge.assignee_role == "nurse"


def test_a_stored_definition_reads_back_as_the_same_rule() -> None:
    for rule in parse_rules_toml(SHIPPED).rules:
        stored = json.loads(json.dumps(rule.definition))
        assert rule_from_definition(stored) == rule


def test_a_syntax_error_names_its_line() -> None:
    bad = SHIPPED.replace('kind = "post_surgery"', 'kind = post_surgery')
    with pytest.raises(RulesError) as caught:
        parse_rules_toml(bad)
    assert caught.value.line == line_of(bad, "kind = post_surgery")
    assert str(caught.value).startswith(f"line {caught.value.line}: TOML syntax")


@pytest.mark.parametrize(("old", "new", "needle", "words"), [
    ('priority = 4\ndepartment = "KFZX"', 'priority = 9\ndepartment = "KFZX"', "priority = 9", "between 1 and 5"),
    ("window_days = 7, priority = 3 }", "window_days = 7, priority = 8 }", "priority = 8", "between 1 and 5"),
    ('kind = "chronic"', 'kind = "chronical"', 'kind = "chronical"', "kind 'chronical' is not one of"),
    ('icd10 = ["E10-E14"]', 'icd10 = ["E10-E4"]', '"E10-E4"', "icd10 family"),
    ('{ step = "m1", offset_days = 30', '{ step = "m1", ofset_days = 30', "ofset_days", "unknown key 'ofset_days'"),
    ('hours = ["09:00-11:30", "14:00-17:30"]', 'hours = ["14:00-17:30", "09:00-11:30"]', "hours =", "not overlapping"),
    ('code = "annual_checkup"', 'code = "post_discharge"', 'code = "post_discharge"', "duplicate rule code"),
])  # fmt: skip
def test_a_semantic_error_names_the_line_of_the_key(old: str, new: str, needle: str, words: str) -> None:
    bad = SHIPPED.replace(old, new, 1)
    assert bad != SHIPPED
    with pytest.raises(RulesError) as caught:
        parse_rules_toml(bad)
    nth = 2 if "duplicate" in words else 1
    assert caught.value.line == line_of(bad, needle, nth), caught.value
    assert words in caught.value.message


def test_an_unknown_top_level_key_and_a_file_without_rules() -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules_toml("lead_days = 1\nleed = 2\n")
    assert caught.value.line == 2
    with pytest.raises(RulesError, match="no \\[\\[rule\\]\\]"):
        parse_rules_toml("lead_days = 1\n")


def test_a_bad_file_keeps_the_previous_rules() -> None:
    book = RuleBook()
    assert book.load_toml(SHIPPED) is None
    before = book.rules
    error = book.load_toml(SHIPPED.replace("spread_days = 20", "spread_days = 0", 1))
    assert error is not None and error.line == line_of(SHIPPED, "spread_days = 20")
    assert book.rules is before and book.error is error
    assert book.load_toml(SHIPPED.replace("lead_days = 1", "lead_days = 2", 1)) is None
    assert book.rules.by_code("post_discharge").lead_days == 2 and book.error is None


def test_the_editors_json_names_lines_too() -> None:
    rule = parse_rules_toml(SHIPPED).by_code("post_discharge")
    text = json.dumps(rule.definition, ensure_ascii=False, indent=2)
    assert parse_rule_json(text) == rule
    with pytest.raises(RulesError) as caught:
        parse_rule_json(text.replace('"priority": 2', '"priority": "high"'))
    assert caught.value.line == line_of(text, '"priority": 2')
    with pytest.raises(RulesError) as caught:
        parse_rule_json(text.replace('"kind": "post_discharge",', '"kind": "post_discharge"'))
    assert caught.value.line == line_of(text, '"kind": "post_discharge"') + 1
    assert "JSON syntax" in caught.value.message


def test_periods() -> None:
    assert period_of(date(2026, 11, 25), "month") == ("2026-11", date(2026, 11, 1), date(2026, 11, 30))
    assert period_of(date(2026, 11, 25), "half_year") == ("2026-H2", date(2026, 7, 1), date(2026, 12, 31))
    assert period_of(date(2026, 2, 3), "quarter") == ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31))
    assert period_of(date(2026, 2, 3), "year") == ("2026", date(2026, 1, 1), date(2026, 12, 31))
    assert months_before(date(2026, 11, 26), 24) == date(2024, 11, 26)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)
