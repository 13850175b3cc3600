"""Signing in against the local cache (demo and offline use). Central sign-in arrives with sync."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.passwords import verify_password
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Department, StaffUser

DESK_ROLES = (Role.AGENT, Role.NURSE, Role.SUPERVISOR, Role.ADMIN)
ROLE_ORDER = {role: index for index, role in enumerate(Role)}  # agents first: most users are agents


@dataclass(frozen=True)
class StaffAccount:
    id: str
    username: str
    display_name: str
    role: Role
    department: str | None = None

    @property
    def can_see_analytics(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


class SignInError(Exception):
    """Unknown user, wrong password or a disabled account. `code` picks the translated message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def sign_in_accounts(db: Database) -> list[StaffAccount]:
    """Active users who work at the desk (agents, nurses, supervisors, admins), for the sign-in list."""
    with db.session() as s:
        rows = s.execute(
            select(StaffUser, Department.name)
            .outerjoin(Department, Department.id == StaffUser.department_id)
            .where(
                StaffUser.active, ~StaffUser.deleted, StaffUser.password_hash.is_not(None),
                StaffUser.role.in_([r.value for r in DESK_ROLES]),
            )
        ).all()
    accounts = [_account(user, dept) for user, dept in rows]
    return sorted(accounts, key=lambda a: (ROLE_ORDER[a.role], a.username))


def authenticate(db: Database, username: str, password: str) -> StaffAccount:
    with db.session() as s:
        row = s.execute(
            select(StaffUser, Department.name)
            .outerjoin(Department, Department.id == StaffUser.department_id)
            .where(StaffUser.username == username.strip(), ~StaffUser.deleted)
        ).first()
    if row is None:
        raise SignInError("unknown_user")
    user, dept = row
    if user.role not in DESK_ROLES:
        raise SignInError("unknown_user")
    if not user.active:
        raise SignInError("disabled")
    if not verify_password(password, user.password_hash):
        raise SignInError("wrong_password")
    return _account(user, dept)


def _account(user: StaffUser, department: str | None) -> StaffAccount:
    return StaffAccount(user.id, user.username, user.display_name, Role(user.role), department)
