"""Words for values shown in several places: phone adapters and their states, the sync state, and the
customer's attributes (sex, who a caller is, VIP, value tier, customer type)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

CTI_ADAPTERS = {
    "simulator": QT_TRANSLATE_NOOP("Labels", "Simulator"),
    "baresip": QT_TRANSLATE_NOOP("Labels", "baresip softphone"),
    "ami": QT_TRANSLATE_NOOP("Labels", "Asterisk AMI"),
    "http_hook": QT_TRANSLATE_NOOP("Labels", "HTTP hook"),
    "none": QT_TRANSLATE_NOOP("Labels", "No phone"),
}
PHONE_STATES = {
    "idle": QT_TRANSLATE_NOOP("Labels", "Idle"),
    "ringing": QT_TRANSLATE_NOOP("Labels", "Ringing"),
    "talking": QT_TRANSLATE_NOOP("Labels", "On a call"),
    "disconnected": QT_TRANSLATE_NOOP("Labels", "Not connected"),
    "connecting": QT_TRANSLATE_NOOP("Labels", "Connecting…"),
    "reconnecting": QT_TRANSLATE_NOOP("Labels", "Reconnecting ({reason})"),
    "error": QT_TRANSLATE_NOOP("Labels", "Connection failed ({reason}), retrying"),
}
CTI_ERRORS = {
    "refused": QT_TRANSLATE_NOOP("Labels", "refused"),
    "timeout": QT_TRANSLATE_NOOP("Labels", "no answer"),
    "dropped": QT_TRANSLATE_NOOP("Labels", "connection lost"),
    "bad_host": QT_TRANSLATE_NOOP("Labels", "unknown host"),
    "bad_address": QT_TRANSLATE_NOOP("Labels", "invalid address"),
    "address_in_use": QT_TRANSLATE_NOOP("Labels", "port in use"),
    "auth_failed": QT_TRANSLATE_NOOP("Labels", "login refused"),
    "not_configured": QT_TRANSLATE_NOOP("Labels", "not configured"),
    "unavailable": QT_TRANSLATE_NOOP("Labels", "phone not connected"),
    "not_supported": QT_TRANSLATE_NOOP("Labels", "not supported by this phone"),
    "failed": QT_TRANSLATE_NOOP("Labels", "refused by the phone"),
    "unknown_call": QT_TRANSLATE_NOOP("Labels", "the call is no longer there"),
}
SEXES = {
    "M": QT_TRANSLATE_NOOP("Labels", "Male"),
    "F": QT_TRANSLATE_NOOP("Labels", "Female"),
    "U": QT_TRANSLATE_NOOP("Labels", "Unknown"),
}
RELATIONS = {  # who a phone's owner (a caller) is to the patient
    "self": QT_TRANSLATE_NOOP("Labels", "the patient"),
    "spouse": QT_TRANSLATE_NOOP("Labels", "spouse"),
    "child": QT_TRANSLATE_NOOP("Labels", "son or daughter"),
    "parent": QT_TRANSLATE_NOOP("Labels", "parent"),
    "other": QT_TRANSLATE_NOOP("Labels", "other contact"),
}
VALUE_TIERS = {
    "core": QT_TRANSLATE_NOOP("Labels", "Core"),
    "potential": QT_TRANSLATE_NOOP("Labels", "Potential"),
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "drifting": QT_TRANSLATE_NOOP("Labels", "Drifting"),
}
CUSTOMER_TYPES = {
    "value": QT_TRANSLATE_NOOP("Labels", "Value-oriented"),
    "benefit": QT_TRANSLATE_NOOP("Labels", "Benefit-oriented"),
    "volatile": QT_TRANSLATE_NOOP("Labels", "Volatile"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("Labels", source)


def _word(words: dict[str, str], code: str | None) -> str:
    return _tr(words[code]) if code in words else (code or "")


def cti_adapter_text(adapter: str) -> str:
    return _tr(CTI_ADAPTERS[adapter]) if adapter in CTI_ADAPTERS else adapter


def cti_error_text(code: str) -> str:
    return _word(CTI_ERRORS, code)


def phone_state_text(adapter: str, state: str = "idle", error: str = "") -> str:
    """E.g. "模拟器 · 空闲" or "baresip 软电话 · 正在重连（连接被拒绝）"; with no phone adapter just "无电话"."""
    if adapter == "none":
        return cti_adapter_text(adapter)
    words = _tr(PHONE_STATES.get(state, state)).format(reason=cti_error_text(error))
    return f"{cti_adapter_text(adapter)} · {words}"


def sync_state_text(*, demo: bool, central_url: str) -> str:
    """Synchronisation does not exist yet: say whether this is the offline demo or an offline cache."""
    if not central_url:
        return _tr(QT_TRANSLATE_NOOP("Labels", "Offline demo")) if demo else _tr(
            QT_TRANSLATE_NOOP("Labels", "Offline: no central server configured"))
    return _tr(QT_TRANSLATE_NOOP("Labels", "Offline: sync not available yet"))


def sex_text(code: str | None) -> str:
    return _word(SEXES, code or "U")


def relation_text(code: str | None) -> str:
    return _word(RELATIONS, code or "other")


def value_tier_text(code: str | None) -> str:
    return _word(VALUE_TIERS, code)


def customer_type_text(code: str | None) -> str:
    return _word(CUSTOMER_TYPES, code)


def vip_text(level: int) -> str:
    """"VIP 3", or "非 VIP" for level 0."""
    return f"VIP {level}" if level > 0 else _tr(QT_TRANSLATE_NOOP("Labels", "No VIP"))
