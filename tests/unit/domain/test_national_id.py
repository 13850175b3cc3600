"""Resident ID (身份证) validation, legacy upgrade, demo generation and masking."""

from __future__ import annotations

from datetime import date

import pytest

from hcrm_desktop.domain.enums import Sex
from hcrm_desktop.domain.national_id import (
    NationalIdError,
    checksum_char,
    is_plausible_region,
    make_national_id,
    mask_national_id,
    validate_national_id,
)

SEXES = (Sex.MALE, Sex.FEMALE)


def _with_checksum(first17: str) -> str:
    return first17 + checksum_char(first17)


@pytest.mark.parametrize(
    ("text", "value", "region", "birth", "sex"),
    [
        ("11010519491231002X", "11010519491231002X", "110105", date(1949, 12, 31), Sex.FEMALE),
        ("440524188001010014", "440524188001010014", "440524", date(1880, 1, 1), Sex.MALE),
        ("11010519491231002x", "11010519491231002X", "110105", date(1949, 12, 31), Sex.FEMALE),
        (" 110105 19491231 002X ", "11010519491231002X", "110105", date(1949, 12, 31), Sex.FEMALE),
        (
            "１１０１０５１９４９１２３１００２Ｘ",
            "11010519491231002X",
            "110105",
            date(1949, 12, 31),
            Sex.FEMALE,
        ),
        ("110105491231002", "11010519491231002X", "110105", date(1949, 12, 31), Sex.FEMALE),
        ("440524800101001", "440524198001010013", "440524", date(1980, 1, 1), Sex.MALE),
    ],
)
def test_valid_ids_are_parsed(text: str, value: str, region: str, birth: date, sex: Sex) -> None:
    national_id = validate_national_id(text)
    assert national_id.value == value
    assert national_id.region_code == region
    assert national_id.birth_date == birth
    assert national_id.sex is sex


def test_legacy_15_digit_id_equals_its_18_digit_form() -> None:
    assert validate_national_id("110105491231002") == validate_national_id("11010519491231002X")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "length"),
        ("1101051949123100", "length"),
        ("11010519491231002X1", "length"),
        ("11010519491231002Y", "characters"),
        ("1101051949123100XX", "characters"),
        ("11010A491231002", "characters"),
        ("11010519491231002X".replace("1", "一", 1), "characters"),
        (_with_checksum("00010519491231002"), "region"),
        (_with_checksum("99010519491231002"), "region"),
        (_with_checksum("11010519490230002"), "birth_date"),
        (_with_checksum("11010519491301002"), "birth_date"),
        (_with_checksum("11010517991231002"), "birth_date"),
        ("110105491331002", "birth_date"),
        ("110105194912310021", "checksum"),
        ("440524188001010015", "checksum"),
    ],
)
def test_invalid_ids_report_a_code(text: str, code: str) -> None:
    with pytest.raises(NationalIdError) as caught:
        validate_national_id(text)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)


def test_birth_date_in_the_future_is_refused() -> None:
    text = _with_checksum("11010520300101002")
    assert validate_national_id(text, today=date(2030, 1, 1)).birth_date == date(2030, 1, 1)
    with pytest.raises(NationalIdError) as caught:
        validate_national_id(text, today=date(2029, 12, 31))
    assert caught.value.code == "birth_date"


@pytest.mark.parametrize(
    ("first17", "expected"),
    [("11010519491231002", "X"), ("44052418800101001", "4"), ("11010519491231000", "3")],
)
def test_checksum_char(first17: str, expected: str) -> None:
    assert checksum_char(first17) == expected


@pytest.mark.parametrize("bad", ["", "1101051949123100", "110105194912310021", "1101051949123100X"])
def test_checksum_char_needs_17_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        checksum_char(bad)


@pytest.mark.parametrize(
    ("code", "plausible"),
    [
        ("110105", True),
        ("440524", True),
        ("650102", True),
        ("710000", True),
        ("810000", True),
        ("820000", True),
        ("000000", False),
        ("160000", False),
        ("720000", False),
        ("990000", False),
        ("11010", False),
        ("11010a", False),
        ("1101050", False),
    ],
)
def test_is_plausible_region(code: str, plausible: bool) -> None:
    assert is_plausible_region(code) is plausible


def test_make_national_id_known_value() -> None:
    assert make_national_id("110105", date(1949, 12, 31), 0, Sex.FEMALE) == "110105194912310003"
    assert make_national_id("440305", date(1990, 2, 28), 37, Sex.MALE) == "440305199002283755"


def test_make_national_id_round_trips_and_is_unique() -> None:
    birth = date(1988, 2, 29)
    made = {(seq, sex): make_national_id("320102", birth, seq, sex) for seq in range(100) for sex in SEXES}
    assert len(set(made.values())) == 200
    for (_, sex), value in made.items():
        parsed = validate_national_id(value)
        assert (parsed.value, parsed.birth_date, parsed.sex) == (value, birth, sex)
        assert parsed.region_code == "320102"


@pytest.mark.parametrize(
    ("region", "sequence", "sex"),
    [("110105", 100, Sex.MALE), ("110105", -1, Sex.MALE), ("110105", 1, Sex.UNKNOWN), ("11010", 1, Sex.MALE)],
)
def test_make_national_id_rejects_bad_arguments(region: str, sequence: int, sex: Sex) -> None:
    with pytest.raises(ValueError):
        make_national_id(region, date(1990, 1, 1), sequence, sex)


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("110101199003071234", "110101********1234"),
        ("110105491231002", "110105*****1002"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask_national_id(value: str, masked: str) -> None:
    assert mask_national_id(value) == masked
