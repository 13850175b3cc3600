"""Chinese resident identity numbers (居民身份证号码, GB 11643-1999).

An 18-character number is: 6-digit region code, 8-digit birth date (YYYYMMDD), 3-digit order code whose
last digit is odd for men and even for women, and a check character (ISO 7064 MOD 11-2, ``X`` for 10).

Legacy 15-digit numbers (issued before 1999) have a 2-digit year and no check character. They are accepted
and upgraded the official way: "19" is inserted before the year and the check character is computed, so a
patient registered with either form gets the same 18-character value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from hcrm_desktop.domain.enums import Sex

NationalIdErrorCode = Literal["length", "characters", "region", "birth_date", "checksum"]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_PROVINCES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37"}
    | {"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}
    | {"71", "81", "82"}
)
_EARLIEST_BIRTH = date(1800, 1, 1)
_ID18 = re.compile(r"[0-9]{17}[0-9X]")
_ID15 = re.compile(r"[0-9]{15}")
_SIX_DIGITS = re.compile(r"[0-9]{6}")
# Full-width digits and X (typed with a Chinese input method) are read as ASCII; spaces are dropped.
_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {"Ｘ": "X", "ｘ": "X", "x": "X"}
_CLEAN = str.maketrans(_FULL_WIDTH | dict.fromkeys(" \t\r\n\xa0\u3000"))


class NationalIdError(ValueError):
    """A national ID failed validation; ``code`` says why (the UI translates it)."""

    def __init__(self, code: NationalIdErrorCode) -> None:
        super().__init__(code)
        self.code: NationalIdErrorCode = code


@dataclass(frozen=True, slots=True)
class NationalId:
    """A valid 18-character ID and what it encodes."""

    value: str
    region_code: str
    birth_date: date
    sex: Sex


def checksum_char(first17: str) -> str:
    """Check character (``0``-``9`` or ``X``) for the first 17 digits of an ID."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("first17 must be 17 ASCII digits")
    return _check_char(first17)


def _check_char(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def is_plausible_region(code: str) -> bool:
    """True for a 6-digit region code whose first two digits are a province (11-82)."""
    return _SIX_DIGITS.fullmatch(code) is not None and code[:2] in _PROVINCES


def validate_national_id(text: str, *, today: date | None = None) -> NationalId:
    """Parse and check an ID (18 or legacy 15 digits); raise ``NationalIdError`` on the first fault.

    Spaces are ignored and a lower-case or full-width ``x`` is accepted. Birth dates after ``today``
    (default: the current date) or before 1800 are refused.
    """
    value = text.translate(_CLEAN)
    if len(value) not in (15, 18):
        raise NationalIdError("length")
    if (_ID18 if len(value) == 18 else _ID15).fullmatch(value) is None:
        raise NationalIdError("characters")
    if not is_plausible_region(value[:6]):
        raise NationalIdError("region")
    if len(value) == 15:
        value = _upgrade_15(value)
    birth = _birth_date(value[6:14], today or date.today())
    if _check_char(value[:17]) != value[17]:
        raise NationalIdError("checksum")
    sex = Sex.MALE if int(value[16]) % 2 == 1 else Sex.FEMALE
    return NationalId(value=value, region_code=value[:6], birth_date=birth, sex=sex)


def _upgrade_15(value: str) -> str:
    first17 = f"{value[:6]}19{value[6:]}"
    return first17 + _check_char(first17)


def _birth_date(yyyymmdd: str, today: date) -> date:
    try:
        birth = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise NationalIdError("birth_date") from None
    if not _EARLIEST_BIRTH <= birth <= today:
        raise NationalIdError("birth_date")
    return birth


def make_national_id(region_code: str, birth: date, sequence: int, sex: Sex) -> str:
    """Build a valid 18-character ID for demo data.

    ``sequence`` (0-99) fills the order code's first two digits; the third is odd for ``Sex.MALE`` and even
    for ``Sex.FEMALE`` (varied with ``sequence`` so IDs look natural). Distinct arguments give distinct IDs.
    The region code is checked for shape only (6 digits), not against the province table.
    """
    if not 0 <= sequence <= 99:
        raise ValueError("sequence must be 0-99")
    if sex is Sex.UNKNOWN:
        raise ValueError("sex must be male or female")
    sex_digit = 2 * (sequence % 5) + (1 if sex is Sex.MALE else 0)
    birth_digits, birth_sum = _birth_part(birth)
    total = _region_sum(region_code) + birth_sum + (sequence // 10) * 8 + (sequence % 10) * 4 + sex_digit * 2
    return f"{region_code}{birth_digits}{sequence:02d}{sex_digit}{_CHECK_CHARS[total % 11]}"


@lru_cache(maxsize=4096)
def _region_sum(region_code: str) -> int:
    if _SIX_DIGITS.fullmatch(region_code) is None:
        raise ValueError("region_code must be 6 digits")
    return sum(int(digit) * weight for digit, weight in zip(region_code, _WEIGHTS[:6], strict=True))


@lru_cache(maxsize=65536)
def _birth_part(birth: date) -> tuple[str, int]:
    digits = f"{birth.year:04d}{birth.month:02d}{birth.day:02d}"
    return digits, sum(int(digit) * weight for digit, weight in zip(digits, _WEIGHTS[6:14], strict=True))


def mask_national_id(value: str) -> str:
    """``110101********1234``: first 6 and last 4 characters kept; all stars if too short to show both."""
    if len(value) <= 10:
        return "*" * len(value)
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"
