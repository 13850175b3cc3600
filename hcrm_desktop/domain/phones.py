"""Phone number normalisation for Chinese numbers (DESIGN.md section 6).

Every number a softphone, PBX or user gives us (SIP/tel URIs, ``+86``/``0086``/``86`` prefixes, separators,
full-width digits, landlines with or without area code, extensions) becomes one E.164 string. Matching a
caller to patients and their family contacts is by ``NormalizedPhone.e164`` alone (the indexed column); the
extension is kept beside it, so a call from any extension of a switchboard finds the same people.

Mainland mobiles (``1[3-9]`` plus 9 digits) are recognised by that shape alone, without ``phonenumbers``:
it is fast enough for bulk imports and stays stable when the library's metadata changes. Landlines and
foreign numbers are parsed and validated by ``phonenumbers`` with region CN.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType, ValidationResult

PhoneErrorCode = Literal["invalid", "too_short", "too_long", "characters"]
PhoneKind = Literal["mobile", "landline", "other"]

DEFAULT_AREA_CODE = "010"

# Caller IDs meaning "no number": SIP/RFC 3325 anonymous, Asterisk <unknown>, "P"/"O" (private, out of area).
_ANONYMOUS = frozenset(
    {"", "0", "-", "anonymous", "unknown", "<unknown>", "withheld", "restricted", "private", "unavailable"}
    | {"anonymous@anonymous.invalid", "null", "none", "p", "o", "匿名", "未知", "隐藏号码", "未知号码"}
)
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_EXTENSION = re.compile(r"^(.*?)\s*(?:ext\.?|extension|x|转|分机|#|,+|;ext=)\s*([0-9]{1,6})\s*#?$", re.I)
_TRAILING_GROUP = re.compile(r"^(.*[0-9])[\s\-]+([0-9]{1,6})$")
_ALLOWED = re.compile(r"\+?[0-9\s\-.()/]*")
_SEPARATORS = str.maketrans("", "", " \t-.()/")
_LOCAL_LENGTHS = (7, 8)


class PhoneError(ValueError):
    """A phone number could not be normalised; ``code`` says why (the UI translates it)."""

    def __init__(self, code: PhoneErrorCode) -> None:
        super().__init__(code)
        self.code: PhoneErrorCode = code


@dataclass(frozen=True, slots=True)
class NormalizedPhone:
    """A phone number in E.164 plus its extension, kind and display form.

    ``national`` is ``13800138000`` for mobiles, ``010-12345678`` for CN landlines, the library's national
    format for other CN numbers and the international format for foreign ones.
    """

    e164: str
    extension: str | None
    kind: PhoneKind
    national: str

    @property
    def key(self) -> str:
        """E.164 plus ``;ext=NNN`` when there is an extension: the exact line, e.g. to dial or dedupe.

        Matching callers uses ``e164`` alone, not this key.
        """
        return self.e164 if self.extension is None else f"{self.e164};ext={self.extension}"


def normalize_cn_mobile_fast(digits: str) -> str:
    """``+86`` + ``digits`` for an 11-digit mainland mobile (``1[3-9]...``); no ``phonenumbers`` call."""
    if len(digits) != 11 or _MOBILE.fullmatch(digits) is None:
        raise PhoneError("invalid")
    return "+86" + digits


def normalize_phone(raw: str, *, default_area_code: str = DEFAULT_AREA_CODE) -> NormalizedPhone | None:
    """Normalise any written or signalled form of a number; None when the caller withheld it.

    A 7- or 8-digit local landline gets ``default_area_code`` (e.g. ``"010"`` or ``"0755"``).
    Raise ``PhoneError`` when the text is not a usable number.
    """
    if len(raw) == 11 and raw[0] == "1" and raw[1] in "3456789" and raw.isascii() and raw.isdigit():
        return NormalizedPhone(e164="+86" + raw, extension=None, kind="mobile", national=raw)
    text = (raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).strip()
    if text.lower() in _ANONYMOUS:
        return None
    number, extension = _strip_uri(text)
    if number.lower() in _ANONYMOUS:
        return None
    if extension is None:
        number, extension = _split_extension(number)
    return _resolve(number, extension, _area_digits(default_area_code))


def _strip_uri(text: str) -> tuple[str, str | None]:
    """Number part and ``ext`` parameter of ``"name" <sip:user@host;params>`` or ``tel:`` URIs."""
    if "<" in text:
        text = text[text.rindex("<") + 1 :].split(">", 1)[0].strip()
    scheme, colon, rest = text.partition(":")
    if not colon or scheme.lower() not in ("sip", "sips", "tel"):
        return text, None
    rest = unquote(rest.split("?", 1)[0])
    if "@" in rest:
        rest = rest.split("@", 1)[0]
    number, *params = rest.split(";")
    extension = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() in ("ext", "extension", "isub") and value.strip().isdigit():
            extension = value.strip()
    return number.strip(), extension


def _split_extension(number: str) -> tuple[str, str | None]:
    match = _EXTENSION.match(number)
    if match is None:
        return number, None
    return match.group(1), match.group(2)


def _area_digits(default_area_code: str) -> str:
    digits = default_area_code.strip().removeprefix("0")
    if not digits.isascii() or not digits.isdigit() or not 2 <= len(digits) <= 3:
        raise ValueError(f"not an area code: {default_area_code!r}")
    return digits


def _resolve(number: str, extension: str | None, area: str) -> NormalizedPhone:
    """Normalise ``number``; failing that, read a trailing short group (``010-12345678-123``) as extension."""
    try:
        return _from_number(number, extension, area)
    except PhoneError:
        match = _TRAILING_GROUP.match(number) if extension is None else None
        if match is None:
            raise
        try:
            return _from_number(match.group(1), match.group(2), area)
        except PhoneError:
            pass
        raise


def _from_number(number: str, extension: str | None, area: str) -> NormalizedPhone:
    if _ALLOWED.fullmatch(number) is None:
        raise PhoneError("characters")
    digits = number.translate(_SEPARATORS)
    if digits.startswith("+"):
        return _international(digits[1:], extension)
    if digits.startswith("00"):
        return _international(digits[2:], extension)
    if len(digits) >= 11 and digits.startswith("86"):  # country code without + or 00: 8613800138000
        return _chinese(digits[2:].removeprefix("0"), extension)
    if len(digits) in _LOCAL_LENGTHS and not digits.startswith("0"):
        return _chinese(area + digits, extension)
    return _chinese(digits.removeprefix("0"), extension)


def _international(digits: str, extension: str | None) -> NormalizedPhone:
    if not digits:
        raise PhoneError("too_short")
    if digits.startswith("86"):
        return _chinese(digits[2:].removeprefix("0"), extension)
    return _foreign("+" + digits, extension)


def _chinese(significant: str, extension: str | None) -> NormalizedPhone:
    """A CN number without country code or trunk ``0``."""
    if len(significant) == 11 and _MOBILE.fullmatch(significant):
        return _mobile(significant, extension)
    if len(significant) < 3:
        raise PhoneError("too_short")
    if len(significant) > 17:
        raise PhoneError("too_long")
    if significant.startswith("0"):
        raise PhoneError("invalid")
    # Built directly rather than with phonenumbers.parse(): the prefixes are already stripped, and this
    # is several times faster for bulk imports.
    parsed = phonenumbers.PhoneNumber(country_code=86, national_number=int(significant))
    kind = _checked_kind(parsed)
    if kind == "landline":
        area_length = 2 if significant[0] in "12" else 3  # 010 and 02x have 2-digit area codes, others 3
        national = f"0{significant[:area_length]}-{significant[area_length:]}"
    else:
        national = phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)
    return NormalizedPhone(e164=f"+86{significant}", extension=extension, kind=kind, national=national)


def _mobile(digits: str, extension: str | None) -> NormalizedPhone:
    return NormalizedPhone(e164="+86" + digits, extension=extension, kind="mobile", national=digits)


def _foreign(text: str, extension: str | None) -> NormalizedPhone:
    """Parse and validate a non-CN number given in international form."""
    try:
        parsed = phonenumbers.parse(text, "CN")
    except NumberParseException as error:
        raise PhoneError(_parse_error_code(error)) from None
    kind = _checked_kind(parsed)
    return NormalizedPhone(
        e164=phonenumbers.format_number(parsed, PhoneNumberFormat.E164),
        extension=extension,
        kind=kind,
        national=phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL),
    )


def _checked_kind(parsed: phonenumbers.PhoneNumber) -> PhoneKind:
    """Kind of a number; ``PhoneError`` when it matches no type in ``phonenumbers`` (i.e. is not valid)."""
    number_type = phonenumbers.number_type(parsed)
    if number_type == PhoneNumberType.UNKNOWN:
        raise PhoneError(_invalid_reason(parsed))
    if number_type == PhoneNumberType.MOBILE:
        return "mobile"
    if number_type == PhoneNumberType.FIXED_LINE:
        return "landline"
    return "other"


def _parse_error_code(error: NumberParseException) -> PhoneErrorCode:
    if error.error_type in (NumberParseException.TOO_SHORT_NSN, NumberParseException.TOO_SHORT_AFTER_IDD):
        return "too_short"
    if error.error_type == NumberParseException.TOO_LONG:
        return "too_long"
    return "invalid"


def _invalid_reason(parsed: phonenumbers.PhoneNumber) -> PhoneErrorCode:
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    if reason in (ValidationResult.TOO_SHORT, ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
        return "too_short"
    if reason == ValidationResult.TOO_LONG:
        return "too_long"
    return "invalid"


def last_digits(e164: str, n: int = 4) -> str:
    """The last ``n`` digits of a number (for "caller ending 8000" and partial search)."""
    digits = "".join(char for char in e164 if char.isdigit())
    return digits[-n:] if n > 0 else ""


def mask_phone(number: str | NormalizedPhone) -> str:
    """``138****8000`` for mobiles, ``010-****5678`` for landlines; never raises (used in lists)."""
    phone = number if isinstance(number, NormalizedPhone) else _try_normalize(number)
    if phone is None:
        return _mask_digits("".join(char for char in str(number) if char.isdigit()))
    if phone.kind == "mobile" and phone.e164.startswith("+86"):
        return f"{phone.national[:3]}****{phone.national[-4:]}"
    if phone.kind == "landline" and phone.e164.startswith("+86"):
        area, _, local = phone.national.partition("-")
        return f"{area}-****{local[-4:]}"
    return _mask_digits("".join(char for char in phone.national if char.isdigit()))


def _try_normalize(number: str) -> NormalizedPhone | None:
    try:
        return normalize_phone(number)
    except PhoneError:
        return None


def _mask_digits(digits: str) -> str:
    if len(digits) < 8:
        return "****" if digits else ""
    return f"{digits[:3]}****{digits[-4:]}"
