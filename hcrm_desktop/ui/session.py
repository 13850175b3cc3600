"""The signed-in user, and the words for roles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.staff import StaffAccount
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

ROLE_NAMES = {
    Role.AGENT: QT_TRANSLATE_NOOP("Roles", "Agent"),
    Role.NURSE: QT_TRANSLATE_NOOP("Roles", "Follow-up nurse"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_text(role: str) -> str:
    """The role in the user's language (客服专员, 随访护士, 客服主管, 系统管理员)."""
    try:
        source = ROLE_NAMES[Role(role)]
    except ValueError:
        return role
    return QCoreApplication.translate("Roles", source)


# The signed-in user is the account the sign-in service returned.
UserSession = StaffAccount
