"""Booking rules (预约), pure: who may take a place in a slot, which state changes are allowed, and the
confirmation text (SMS / WeChat) with its SMS segment count.

**Capacity.** A slot has `capacity` places of which `vip_reserved` are kept for VIP customers
(`vip_level >= 1`): a non-VIP booking is accepted while `booked < capacity - vip_reserved`, a VIP
booking while `booked < capacity`. The central side decides in the end (it knows every workstation's
bookings) and rejects an overbooking with the same code, `slot_full`; there a seat is held by a booking
in state booked, completed or no_show, and freed by cancelling or rescheduling it.

**States.** booked → rescheduled | cancelled | no_show | completed; the four others are final.
No-show and completed can only be marked from the slot's day on.

**SMS length.** A Chinese SMS holds 70 characters; a longer text is sent as a concatenated message of
67-character segments (3 characters carry the joining header), which is how Chinese carriers and SMS
gateways count and bill it.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from hcrm_desktop.domain.enums import BookingState, DayPeriod, Sex

NOTES_MAX, REASON_MAX = 500, 200
SMS_SINGLE, SMS_PART = 70, 67
# A period can be booked until it is over (walk-in the same morning is common at a checkup center).
PERIOD_END = {DayPeriod.MORNING.value: time(12, 0), DayPeriod.AFTERNOON.value: time(17, 30)}
TRANSITIONS: dict[str, frozenset[str]] = {
    BookingState.BOOKED: frozenset({BookingState.RESCHEDULED, BookingState.CANCELLED, BookingState.NO_SHOW,
                                    BookingState.COMPLETED}),
}
HOLDS_SEAT = frozenset({BookingState.BOOKED, BookingState.COMPLETED, BookingState.NO_SHOW})
PLACEHOLDERS = frozenset({"name", "package", "clinic", "doctor", "date", "weekday", "period", "address",
                          "preparation", "hospital", "phone"})
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


class BookingError(ValueError):
    """A booking the rules refuse. `field` is the form field to show it next to, `code` what went wrong:
    slot_full, in_past, sex_restricted, already_booked, patient_deceased, patient_merged, patient_not_found,
    slot_not_found, booking_not_found, transition_not_allowed, too_early, same_slot, required, too_long,
    emoji, not_allowed, below_booked, invalid."""

    def __init__(self, field: str, code: str) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


# --- capacity ---------------------------------------------------------------------------------------


def is_vip(vip_level: int | None) -> bool:
    return (vip_level or 0) >= 1


def free_places(capacity: int, vip_reserved: int, booked: int, *, vip: bool) -> int:
    """Places still open to a VIP (`vip=True`) or to anybody else."""
    limit = capacity if vip else capacity - min(vip_reserved, capacity)
    return max(0, limit - booked)


def check_capacity(capacity: int, vip_reserved: int, booked: int, *, vip: bool) -> None:
    if free_places(capacity, vip_reserved, booked, vip=vip) <= 0:
        raise BookingError("slot", "slot_full")


def check_slot_settings(capacity: int, vip_reserved: int, booked: int) -> None:
    """What a supervisor sets on a slot: a capacity not below the places already taken."""
    if capacity < 0 or vip_reserved < 0:
        raise BookingError("capacity", "invalid")
    if vip_reserved > capacity:
        raise BookingError("vip_reserved", "invalid")
    if capacity < booked:
        raise BookingError("capacity", "below_booked")


# --- who and when -----------------------------------------------------------------------------------


def period_over(day: date, period: str, now: datetime) -> bool:
    """True when the slot (day and period, local time) is already past at `now` (local time)."""
    return datetime.combine(day, PERIOD_END.get(period, time.max)) <= now


def check_bookable_time(day: date, period: str, now: datetime) -> None:
    if period_over(day, period, now):
        raise BookingError("slot", "in_past")


def check_sex(package_sex: str | None, patient_sex: str | None) -> None:
    """A package for one sex refuses a patient known to be of the other (unknown sex passes)."""
    if package_sex in (Sex.MALE, Sex.FEMALE) and patient_sex in (Sex.MALE, Sex.FEMALE) and package_sex != patient_sex:
        raise BookingError("slot", "sex_restricted")


def check_patient(*, exists: bool, deceased: bool, merged: bool) -> None:
    if not exists:
        raise BookingError("patient", "patient_not_found")
    if merged:
        raise BookingError("patient", "patient_merged")
    if deceased:
        raise BookingError("patient", "patient_deceased")


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS.get(current, frozenset()):
        raise BookingError("state", "transition_not_allowed")


def check_outcome_time(day: date, today: date) -> None:
    """No-show and completed are facts of the slot's day: not before it."""
    if today < day:
        raise BookingError("state", "too_early")


def clean_text(value: str | None, *, field: str, limit: int, required: bool = False) -> str | None:
    """Trimmed text, or a BookingError (required, too_long, emoji)."""
    text = (value or "").strip()
    if not text:
        if required:
            raise BookingError(field, "required")
        return None
    if len(text) > limit:
        raise BookingError(field, "too_long")
    if any(ch in "\u200d\ufe0f" or ord(ch) >= 0x1F000 or unicodedata.category(ch) in ("So", "Cs", "Co")
           for ch in text):
        raise BookingError(field, "emoji")
    return text


# --- confirmation texts -----------------------------------------------------------------------------


def sms_segments(text: str) -> int:
    """How many SMS a text is sent as: 70 characters fit one, longer ones go in 67-character parts."""
    length = len(text)
    if length == 0:
        return 0
    return 1 if length <= SMS_SINGLE else -(-length // SMS_PART)


def honorific_name(name: str, sex: str | None) -> str:
    """张伟先生 / 李娜女士; the bare name when the sex is not known."""
    suffix = {Sex.MALE.value: "先生", Sex.FEMALE.value: "女士"}.get(sex or "", "")
    return f"{name}{suffix}"


def date_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def placeholders_of(template: str) -> set[str]:
    """Field names used in `template`; a malformed template raises ValueError."""
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None}


@dataclass(frozen=True)
class Template:
    code: str
    channel: str  # sms | wechat
    resource: str  # package | clinic
    language: str
    text: str


def render(template: str, values: Mapping[str, str]) -> str:
    """`template` with its placeholders filled; a missing value leaves the placeholder empty."""
    return template.format_map({name: values.get(name, "") for name in placeholders_of(template)})


class TemplateError(ValueError):
    """The templates file is not what the app expects; the message says where (for the log and a dialog)."""


@dataclass(frozen=True)
class TemplateSet:
    """Confirmation templates and the facts they quote (hospital, addresses, period times, preparation)."""

    templates: tuple[Template, ...]
    facts: Mapping[str, str]  # hospital, phone
    periods: Mapping[str, Mapping[str, str]]  # resource -> period -> words
    addresses: Mapping[str, str]  # resource -> address
    preparation: Mapping[str, str]  # resource, or "package:<code>" / "clinic:<department code>" -> words

    def find(self, *, channel: str, resource: str, language: str = "zh") -> Template | None:
        for template in self.templates:
            if (template.channel, template.resource, template.language) == (channel, resource, language):
                return template
        return None

    def preparation_for(self, resource: str, code: str | None) -> str:
        return self.preparation.get(f"{resource}:{code}", self.preparation.get(resource, ""))


def _strings(data: object, where: str) -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise TemplateError(f"{where}: expected an object of texts")
    return dict(data)


def _template(item: object, n: int) -> Template:
    where = f"templates[{n}]"
    if not isinstance(item, dict):
        raise TemplateError(f"{where}: expected an object")
    values = _strings({k: v for k, v in item.items() if k in ("code", "channel", "resource", "language", "text")},
                      where)
    missing = {"code", "channel", "resource", "text"} - values.keys()
    if missing:
        raise TemplateError(f"{where}: missing {', '.join(sorted(missing))}")
    if values["channel"] not in ("sms", "wechat") or values["resource"] not in ("package", "clinic"):
        raise TemplateError(f"{where}: channel must be sms or wechat, resource package or clinic")
    try:
        unknown = placeholders_of(values["text"]) - PLACEHOLDERS
    except ValueError as exc:
        raise TemplateError(f"{where}: {exc}") from exc
    if unknown:
        raise TemplateError(f"{where}: unknown placeholder {{{sorted(unknown)[0]}}}")
    return Template(values["code"], values["channel"], values["resource"], values.get("language", "zh"),
                    values["text"])


def parse_templates(data: object) -> TemplateSet:
    """Check and read the contents of `resources/recording/templates.json`."""
    if not isinstance(data, dict) or not isinstance(data.get("templates"), list):
        raise TemplateError("expected an object with a list of templates")
    templates = tuple(_template(item, n) for n, item in enumerate(data["templates"]))
    periods_data = data.get("periods", {})
    if not isinstance(periods_data, dict):
        raise TemplateError("periods: expected an object")
    periods = {resource: _strings(words, f"periods.{resource}") for resource, words in periods_data.items()}
    return TemplateSet(templates, _strings(data.get("facts", {}), "facts"), periods,
                       _strings(data.get("addresses", {}), "addresses"),
                       _strings(data.get("preparation", {}), "preparation"))
