from __future__ import annotations

import pytest

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.domain.passwords import hash_password
from hcrm_desktop.services.staff import SignInError, authenticate, sign_in_accounts
from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Department, StaffUser


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "staff.db", create=True)
    pw = hash_password("demo")
    with database.write() as s:
        dept = Department(code="KF", name="客服中心", kind="service")
        s.add(dept)
        s.add_all(
            [
                StaffUser(username="agent1", display_name="王晓丽", role="agent", department_id=dept.id,
                          password_hash=pw),
                StaffUser(username="supervisor1", display_name="陈主管", role="supervisor", password_hash=pw),
                StaffUser(username="gone", display_name="离职员工", role="agent", active=False,
                          password_hash=pw),
            ]
        )
    yield database
    database.dispose()


def test_sign_in_list_shows_active_desk_users_with_department(db):
    accounts = sign_in_accounts(db)
    assert [a.username for a in accounts] == ["agent1", "supervisor1"]
    assert accounts[0].display_name == "王晓丽" and accounts[0].department == "客服中心"
    assert accounts[1].role is Role.SUPERVISOR


def test_right_password_signs_in(db):
    account = authenticate(db, " agent1 ", "demo")
    assert account.role is Role.AGENT and account.display_name == "王晓丽"


@pytest.mark.parametrize(
    ("username", "password", "code"),
    [("agent1", "wrong", "wrong_password"), ("nobody", "demo", "unknown_user"), ("gone", "demo", "disabled")],
)
def test_refusals_say_why(db, username, password, code):
    with pytest.raises(SignInError) as err:
        authenticate(db, username, password)
    assert err.value.code == code
