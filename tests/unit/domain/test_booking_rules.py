"""Pure booking rules: places with the VIP reserve, periods in the past, state changes, SMS length,
names with 先生/女士, and the templates file's checks."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hcrm_desktop.domain.bookings import (
    BookingError,
    TemplateError,
    check_slot_settings,
    check_transition,
    free_places,
    honorific_name,
    parse_templates,
    period_over,
    render,
    sms_segments,
)
from hcrm_desktop.services.bookings import load_templates


def test_free_places_with_a_vip_reserve():
    assert free_places(10, 2, 0, vip=False) == 8
    assert free_places(10, 2, 0, vip=True) == 10
    assert free_places(10, 2, 8, vip=False) == 0
    assert free_places(10, 2, 9, vip=True) == 1
    assert free_places(3, 5, 0, vip=False) == 0  # a reserve larger than the slot keeps all of it
    assert free_places(2, 0, 3, vip=True) == 0  # overbooked by the central side: never negative


def test_periods_end_at_noon_and_half_past_five():
    day = date(2026, 11, 26)
    assert not period_over(day, "am", datetime(2026, 11, 26, 11, 59))
    assert period_over(day, "am", datetime(2026, 11, 26, 12, 0))
    assert not period_over(day, "pm", datetime(2026, 11, 26, 17, 0))
    assert period_over(day, "pm", datetime(2026, 11, 27, 8, 0))


@pytest.mark.parametrize("target", ["rescheduled", "cancelled", "no_show", "completed"])
def test_only_a_booked_booking_changes_state(target):
    check_transition("booked", target)
    for final in ("rescheduled", "cancelled", "no_show", "completed"):
        with pytest.raises(BookingError, match="transition_not_allowed"):
            check_transition(final, target)


def test_slot_settings():
    check_slot_settings(5, 1, 5)
    for args, field, code in (((4, 0, 5), "capacity", "below_booked"), ((3, 4, 0), "vip_reserved", "invalid"),
                              ((-1, 0, 0), "capacity", "invalid")):
        with pytest.raises(BookingError) as refused:
            check_slot_settings(*args)
        assert (refused.value.field, refused.value.code) == (field, code)


def test_sms_segments_70_then_67():
    assert [sms_segments("字" * n) for n in (0, 1, 70, 71, 134, 135, 201, 202)] == [0, 1, 1, 2, 2, 3, 3, 4]


def test_names_with_honorific():
    assert honorific_name("张伟", "M") == "张伟先生"
    assert honorific_name("李娜", "F") == "李娜女士"
    assert honorific_name("Alex", "U") == "Alex"


def test_render_leaves_missing_values_empty():
    assert render("{name}您好，{doctor}门诊", {"name": "张伟先生"}) == "张伟先生您好，门诊"


def test_shipped_templates_cover_both_channels_and_resources():
    templates = load_templates()
    for channel in ("sms", "wechat"):
        for resource in ("package", "clinic"):
            assert templates.find(channel=channel, resource=resource) is not None
    assert templates.periods["package"]["am"] and templates.addresses["clinic"]


@pytest.mark.parametrize(("data", "message"), [
    ([], "list of templates"),
    ({"templates": [{"code": "x", "channel": "fax", "resource": "package", "text": "hi"}]}, "channel"),
    ({"templates": [{"code": "x", "channel": "sms", "resource": "package", "text": "{age}"}]}, "{age}"),
    ({"templates": [{"code": "x", "channel": "sms", "resource": "package", "text": "{name"}]}, "templates[0]"),
    ({"templates": [{"channel": "sms", "resource": "package", "text": "x"}]}, "missing code"),
])
def test_bad_templates_are_refused_with_where(data, message):
    with pytest.raises(TemplateError, match=message.replace("[", r"\[").replace("{", r"\{")):
        parse_templates(data)
