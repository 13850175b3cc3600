"""Working time with lunch breaks, weekends, holidays and make-up days (调休); the SLA policy and its files."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from hcrm_desktop.domain.sla import SlaConfigError, SlaStatus, WorkingCalendar, default_policy, load_policy

CAL = default_policy().calendar


def at(day: str, hm: str = "08:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}")


def test_a_working_day_has_eight_hours_and_the_lunch_break_does_not_count() -> None:
    assert CAL.day_minutes == 480
    assert CAL.working_minutes_between(at("2026-11-25", "11:00"), at("2026-11-25", "14:30")) == 120
    assert CAL.add_working_time(at("2026-11-25", "11:30"), 60) == at("2026-11-25", "14:00")


def test_time_outside_working_hours_counts_from_the_next_period() -> None:
    assert CAL.add_working_time(at("2026-11-25", "06:10"), 30) == at("2026-11-25", "08:30")
    assert CAL.add_working_time(at("2026-11-25", "12:40"), 30) == at("2026-11-25", "14:00")
    assert CAL.add_working_time(at("2026-11-25", "19:00"), 30) == at("2026-11-26", "08:30")


def test_weekends_are_skipped() -> None:
    friday = at("2026-11-27", "16:00")
    assert CAL.add_working_time(friday, 120) == at("2026-11-30", "08:30")  # 90 min on Friday, 30 on Monday
    assert CAL.working_minutes_between(friday, at("2026-11-30", "10:30")) == 240
    assert CAL.working_minutes_between(at("2026-11-28", "09:00"), at("2026-11-29", "17:00")) == 0


def test_national_day_week_is_skipped_and_its_make_up_saturday_works() -> None:
    assert not CAL.is_working_day(date(2026, 10, 5))  # 国庆 Oct 1-7
    assert CAL.is_working_day(date(2026, 10, 10))  # Saturday, 调休上班
    assert CAL.is_working_day(date(2026, 9, 20))  # Sunday, 调休上班
    start = at("2026-09-30", "17:00")
    assert CAL.add_working_time(start, 60) == at("2026-10-08", "08:30")
    assert CAL.add_working_time(at("2026-10-09", "17:00"), 60) == at("2026-10-10", "08:30")


def test_spring_festival_2026_with_both_make_up_saturdays() -> None:
    assert CAL.is_working_day(date(2026, 2, 14)) and CAL.is_working_day(date(2026, 2, 28))
    assert not any(CAL.is_working_day(date(2026, 2, d)) for d in range(15, 24))
    assert CAL.add_working_time(at("2026-02-13", "17:00"), 60) == at("2026-02-14", "08:30")
    assert CAL.add_working_time(at("2026-02-14", "17:00"), 60) == at("2026-02-24", "08:30")


@pytest.mark.parametrize("day", ["2026-01-02", "2026-04-06", "2026-05-05", "2026-06-19", "2026-09-25"])
def test_public_holidays_of_2026_are_not_working_days(day: str) -> None:
    assert not CAL.is_working_day(date.fromisoformat(day))


@pytest.mark.parametrize("day", ["2026-01-04", "2026-05-09"])
def test_make_up_days_of_2026_are_working_days(day: str) -> None:
    assert CAL.is_working_day(date.fromisoformat(day))


def test_across_the_year_end_new_years_day_is_skipped() -> None:
    start = at("2026-12-31", "16:30")
    end = CAL.add_working_time(start, 120)
    assert end == at("2027-01-04", "09:00")  # Jan 1 holiday, Jan 2-3 weekend
    assert CAL.working_minutes_between(start, end) == 120
    assert CAL.working_minutes_between(end, start) == -120


def test_severity_targets_follow_the_policy() -> None:
    policy = default_policy()
    opened = at("2026-11-23", "09:00")  # a Monday
    assert policy.dues("critical", opened) == (at("2026-11-23", "10:00"), at("2026-11-24", "09:00"))
    assert policy.dues("medium", opened) == (at("2026-11-24", "09:00"), at("2026-11-26", "09:00"))
    assert policy.dues("low", opened)[1] == at("2026-11-30", "09:00")  # five working days, over a weekend


def test_status_turns_at_risk_at_eighty_percent_then_breached() -> None:
    policy = default_policy()
    opened, due = at("2026-11-23", "09:00"), at("2026-11-23", "10:00")
    assert policy.status(opened, due, at("2026-11-23", "09:47")) is SlaStatus.OK
    assert policy.status(opened, due, at("2026-11-23", "09:48")) is SlaStatus.AT_RISK
    assert policy.status(opened, due, at("2026-11-23", "10:01")) is SlaStatus.BREACHED
    assert policy.remaining_minutes(due, at("2026-11-23", "09:45")) == 15


def write(tmp_path, name: str, data: object) -> object:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def valid_sla() -> dict[str, object]:
    return {"working_hours": [["08:00", "12:00"]], "at_risk_ratio": 0.8,
            "severities": {"low": {"acknowledge": "1h", "resolve": "2d"}}}


def test_a_custom_calendar_is_loaded(tmp_path) -> None:
    holidays = write(tmp_path, "h.json", {"holidays": [{"from": "2026-12-01", "to": "2026-12-02"}],
                                          "workdays": [{"date": "2026-12-05"}]})
    policy = load_policy(write(tmp_path, "s.json", valid_sla()), holidays)
    assert policy.calendar.day_minutes == 240
    assert policy.target("low").resolve_minutes == 480
    assert policy.calendar.add_working_time(at("2026-11-30", "11:00"), 120) == at("2026-12-03", "09:00")


@pytest.mark.parametrize(("change", "message"), [
    ({"working_hours": [["12:00", "08:00"]]}, "not after the start"),
    ({"working_hours": [["08:00", "12:00"], ["11:00", "13:00"]]}, "overlaps"),
    ({"working_hours": [["8h", "12:00"]]}, "not a time"),
    ({"at_risk_ratio": 1.5}, "at_risk_ratio"),
    ({"severities": {"low": {"acknowledge": "1 week", "resolve": "2d"}}}, "not a duration"),
    ({"severities": {"low": {"acknowledge": "3d", "resolve": "2d"}}}, "shorter than acknowledge"),
    ({"working_weekdays": [0, 8]}, "ISO weekdays"),
])  # fmt: skip
def test_bad_policy_files_name_the_problem(tmp_path, change: dict[str, object], message: str) -> None:
    holidays = write(tmp_path, "h.json", {})
    with pytest.raises(SlaConfigError, match=message):
        load_policy(write(tmp_path, "s.json", valid_sla() | change), holidays)


def test_a_missing_severity_and_bad_holiday_files_are_refused(tmp_path) -> None:
    sla, empty = write(tmp_path, "s.json", valid_sla()), write(tmp_path, "h.json", {})
    with pytest.raises(SlaConfigError, match="no target for high"):
        load_policy(sla, empty, severities=["low", "high"])
    clash = write(tmp_path, "c.json", {"holidays": [{"from": "2026-10-01", "to": "2026-10-07"}],
                                       "workdays": ["2026-10-03"]})
    with pytest.raises(SlaConfigError, match="also listed as a holiday"):
        load_policy(sla, clash)
    with pytest.raises(SlaConfigError, match="file not found"):
        load_policy(sla, tmp_path / "nope.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(SlaConfigError, match="not readable JSON"):
        load_policy(sla, tmp_path / "bad.json")


def test_a_calendar_without_working_days_fails_clearly() -> None:
    with pytest.raises(SlaConfigError):
        WorkingCalendar(weekdays=frozenset()).add_working_time(at("2026-11-23"), 1)
