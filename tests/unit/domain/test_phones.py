"""Phone normalisation (DESIGN.md section 6): every form a PBX, softphone or user gives, one E.164."""

from __future__ import annotations

import pytest

from hcrm_desktop.domain.phones import (
    NormalizedPhone,
    PhoneError,
    last_digits,
    mask_phone,
    normalize_cn_mobile_fast,
    normalize_phone,
)

MOBILE = "+8613800138000"
BEIJING = "+861012345678"


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "sip:13800138000@host",
        "sip:13800138000@127.0.0.1:5070",
        "sips:13800138000@example.org",
        "<sip:+8613800138000;user=phone>",
        "<sip:+8613800138000@host;user=phone>",
        '"张三" <sip:13800138000@h>',
        '"张三 先生" <sip:13800138000@127.0.0.1:5070>;tag=abc',
        "sip:%2B8613800138000@host",
        "tel:+86-138-0013-8000",
        "+8613800138000",
        "+86 138 0013 8000",
        "008613800138000",
        "8613800138000",
        "013800138000",
        "138 0013 8000",
        "138-0013-8000",
        " 13800138000 ",
        "１３８００１３８０００",
        "１３８－００１３－８０００",
    ],
)
def test_mobile_forms(raw: str) -> None:
    assert normalize_phone(raw) == NormalizedPhone(
        e164=MOBILE, extension=None, kind="mobile", national="13800138000"
    )


@pytest.mark.parametrize(
    ("raw", "e164", "extension", "national"),
    [
        ("010-12345678", BEIJING, None, "010-12345678"),
        ("01012345678", BEIJING, None, "010-12345678"),
        ("(010) 1234 5678", BEIJING, None, "010-12345678"),
        ("+86 10 1234 5678", BEIJING, None, "010-12345678"),
        ("+86 (0)10 1234 5678", BEIJING, None, "010-12345678"),
        ("861012345678", BEIJING, None, "010-12345678"),
        ("tel:+861012345678", BEIJING, None, "010-12345678"),
        ("12345678", BEIJING, None, "010-12345678"),
        ("0755-8888 8888", "+8675588888888", None, "0755-88888888"),
        ("0755-8888-8888", "+8675588888888", None, "0755-88888888"),
        ("021-62345678", "+862162345678", None, "021-62345678"),
        ("0571-87654321", "+8657187654321", None, "0571-87654321"),
        ("010-12345678-123", BEIJING, "123", "010-12345678"),
        ("010-12345678 ext 123", BEIJING, "123", "010-12345678"),
        ("010-12345678 ext. 123", BEIJING, "123", "010-12345678"),
        ("010-12345678x123", BEIJING, "123", "010-12345678"),
        ("010-12345678转123", BEIJING, "123", "010-12345678"),
        ("010-12345678 分机 8001", BEIJING, "8001", "010-12345678"),
        ("010-12345678#123", BEIJING, "123", "010-12345678"),
        ("010-12345678,,123", BEIJING, "123", "010-12345678"),
        ("010 12345678 123", BEIJING, "123", "010-12345678"),
        ("tel:+86-10-1234-5678;ext=55", BEIJING, "55", "010-12345678"),
        ("０１０－１２３４５６７８转１２３", BEIJING, "123", "010-12345678"),
    ],
)
def test_landline_forms(raw: str, e164: str, extension: str | None, national: str) -> None:
    assert normalize_phone(raw) == NormalizedPhone(
        e164=e164, extension=extension, kind="landline", national=national
    )


def test_local_number_uses_default_area_code() -> None:
    shenzhen = normalize_phone("8888 8888", default_area_code="0755")
    assert shenzhen is not None
    assert (shenzhen.e164, shenzhen.national) == ("+8675588888888", "0755-88888888")
    hangzhou = normalize_phone("87654321", default_area_code="571")
    assert hangzhou is not None
    assert hangzhou.e164 == "+8657187654321"


@pytest.mark.parametrize("area", ["", "0", "abc", "07555"])
def test_bad_default_area_code_is_a_programming_error(area: str) -> None:
    with pytest.raises(ValueError):
        normalize_phone("87654321", default_area_code=area)


@pytest.mark.parametrize(
    ("raw", "e164", "kind"),
    [
        ("400-800-1234", "+864008001234", "other"),
        ("+1 202-555-0123", "+12025550123", "other"),
        ("001 202 555 0123", "+12025550123", "other"),
        ("+44 20 7946 0958", "+442079460958", "landline"),
        ("+852 2123 4567", "+85221234567", "landline"),
    ],
)
def test_service_and_foreign_numbers(raw: str, e164: str, kind: str) -> None:
    phone = normalize_phone(raw)
    assert phone is not None
    assert (phone.e164, phone.kind) == (e164, kind)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "0",
        "anonymous",
        "Anonymous",
        "ANONYMOUS",
        "unknown",
        "<unknown>",
        "withheld",
        "restricted",
        "private",
        "unavailable",
        "sip:anonymous@anonymous.invalid",
        '"Anonymous" <sip:anonymous@anonymous.invalid>',
        "匿名",
    ],
)
def test_withheld_numbers_are_none(raw: str) -> None:
    assert normalize_phone(raw) is None


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("abc", "characters"),
        ("138-0013-800O", "characters"),
        ("sip:alice@example.org", "characters"),
        ("138+00138000", "characters"),
        ("10086", "too_short"),
        ("12345", "too_short"),
        ("+86", "too_short"),
        ("0101234567890123", "too_long"),
        ("1" * 5000, "too_long"),
        ("021-1234567", "invalid"),
        ("010-1234567", "invalid"),
        ("0755-88", "too_short"),
    ],
)
def test_garbage_raises_with_code(raw: str, code: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalize_phone(raw)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)


def test_key_adds_extension_but_matching_uses_e164() -> None:
    with_ext = normalize_phone("010-12345678转123")
    without = normalize_phone("010-12345678")
    assert with_ext is not None and without is not None
    assert with_ext.key == "+861012345678;ext=123"
    assert without.key == "+861012345678"
    assert with_ext.e164 == without.e164


@pytest.mark.parametrize("digits", ["13800138000", "19912345678", "16612345678", "14512345678"])
def test_fast_mobile_matches_full_path(digits: str) -> None:
    assert normalize_cn_mobile_fast(digits) == "+86" + digits
    fast = normalize_phone(digits)
    slow = normalize_phone(f"sip:+86-{digits}@host")
    assert fast == slow
    assert fast is not None and fast.kind == "mobile"


@pytest.mark.parametrize(
    "digits", ["12800138000", "1380013800", "138001380001", "+8613800138000", "１３８００１３８０００"]
)
def test_fast_mobile_rejects_other_shapes(digits: str) -> None:
    with pytest.raises(PhoneError):
        normalize_cn_mobile_fast(digits)


@pytest.mark.parametrize(
    ("e164", "n", "expected"),
    [(MOBILE, 4, "8000"), (BEIJING, 4, "5678"), (MOBILE, 6, "138000"), (MOBILE, 0, ""), ("+86", 4, "86")],
)
def test_last_digits(e164: str, n: int, expected: str) -> None:
    assert last_digits(e164, n) == expected


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("+8613800138000", "138****8000"),
        ("13800138000", "138****8000"),
        ("+861012345678", "010-****5678"),
        ("010-12345678转123", "010-****5678"),
        ("+8675588888888", "0755-****8888"),
        ("400-800-1234", "400****1234"),
        ("+1 202-555-0123", "120****0123"),
        ("not a number 12345678", "123****5678"),
        ("anonymous", ""),
        ("", ""),
    ],
)
def test_mask_phone(number: str, masked: str) -> None:
    assert mask_phone(number) == masked


def test_mask_phone_accepts_normalized_phone() -> None:
    phone = normalize_phone("sip:13800138000@127.0.0.1:5070")
    assert phone is not None
    assert mask_phone(phone) == "138****8000"
