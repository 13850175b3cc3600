"""Signing in: the password check runs off the UI thread, mistakes are shown under the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.services.staff import sign_in_accounts
from hcrm_desktop.ui.signin import SignInDialog


@pytest.fixture
def dialog(qtbot, staff_db, runner):
    dlg = SignInDialog(
        db=staff_db, accounts=sign_in_accounts(staff_db), runner=runner, demo=True, last_user="agent1"
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def sign_in(qtbot, dialog, password, wait_until):
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    wait_until(lambda: dialog.pending is not None and dialog.pending.done())


def test_users_are_listed_with_their_role_in_chinese_and_the_last_user_is_preselected(dialog):
    items = [dialog.user_combo.itemText(i) for i in range(dialog.user_combo.count())]

    assert items[0] == "王晓燕 · 客服专员"
    assert "张丽 · 随访护士" in items
    assert "陈静 · 客服主管" in items
    assert "赵强 · 系统管理员" in items
    assert dialog.current_account().username == "agent1"


def test_focus_is_on_the_password_field_and_the_demo_hint_is_shown(dialog):
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.hint_label.isVisible()
    assert dialog.hint_label.text() == "演示密码：demo"


def test_wrong_password_shows_an_inline_error_in_chinese(qtbot, dialog, wait_until):
    sign_in(qtbot, dialog, "wrong", wait_until)

    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "密码错误，请重新输入。"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.session is None
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.password_edit.selectedText() == "wrong"  # typing replaces it


def test_typing_again_hides_the_error(qtbot, dialog, wait_until):
    sign_in(qtbot, dialog, "wrong", wait_until)

    qtbot.keyClicks(dialog.password_edit, "d")

    assert not dialog.error_label.isVisible()


def test_empty_password_asks_for_one_without_checking(qtbot, dialog):
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.error_label.text() == "请输入密码。"
    assert dialog.pending is None


def test_right_password_and_enter_signs_in(qtbot, dialog, wait_until):
    sign_in(qtbot, dialog, "demo", wait_until)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.session is not None
    assert (dialog.session.username, dialog.session.display_name) == ("agent1", "王晓燕")
    assert dialog.session.role is Role.AGENT


def test_another_user_can_be_chosen(qtbot, dialog, wait_until):
    dialog.user_combo.setCurrentIndex(dialog.user_combo.findData("supervisor1"))

    sign_in(qtbot, dialog, "demo", wait_until)

    assert dialog.session.username == "supervisor1"
    assert dialog.session.can_see_analytics


def test_escape_quits_without_signing_in(qtbot, dialog):
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.session is None


def test_a_database_without_users_says_so(qtbot, runner, staff_db):
    dlg = SignInDialog(db=staff_db, accounts=[], runner=runner, demo=False)
    qtbot.addWidget(dlg)

    assert dlg.error_label.text() == "此数据库中没有可登录的用户。"
    assert not dlg.sign_in_button.isEnabled()
    assert dlg.hint_label.isHidden()
