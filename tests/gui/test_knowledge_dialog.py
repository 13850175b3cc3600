"""The knowledge dialog: an agent searches, Enter copies the answer; a supervisor writes an article and
deactivates it (agents no longer find it); an agent gets no editing buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.store.models import StaffUser
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.views.knowledge import KnowledgeDialog


def type_text(widget, text):
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def open_dialog(qtbot, staff_db, runner, wait_until):
    def open_(username, role):
        with staff_db.session() as s:
            staff = s.query(StaffUser).filter_by(username=username).one()
        dialog = KnowledgeDialog(db=staff_db, runner=runner, session=UserSession(
            staff.id, staff.username, staff.display_name, role))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        wait_until(lambda: dialog.results_list.count() > 20)  # seeded on first use
        return dialog

    return open_


def titles(dialog):
    return [dialog.results_list.item(n).text() for n in range(dialog.results_list.count())]


def test_agent_searches_and_enter_copies_the_answer(qtbot, open_dialog, wait_until):
    dialog = open_dialog("agent1", Role.AGENT)
    assert dialog.search_edit.hasFocus()
    assert not dialog.new_button.isVisible() and not dialog.edit_button.isVisible()
    type_text(dialog.search_edit, "空腹")
    wait_until(lambda: titles(dialog)[:1] == ["体检前准备：空腹"])
    assert "禁食8小时" in dialog.answer_edit.toPlainText()
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == dialog.article.body
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    assert dialog.results_list.currentRow() == 1


def test_supervisor_writes_and_deactivates_an_article(qtbot, open_dialog, wait_until):
    dialog = open_dialog("supervisor1", Role.SUPERVISOR)
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: dialog.editor is not None and dialog.editor.isVisible())
    editor = dialog.editor
    editor.category_combo.setCurrentText("门诊安排")
    type_text(editor.title_edit, "春节门诊安排")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: editor.errors["body"].isVisible())  # the answer is required, shown next to it
    type_text(editor.body_edit, "除夕至初三仅开放急诊。")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: dialog.editor is None)  # saved and closed

    type_text(dialog.search_edit, "春节")
    wait_until(lambda: titles(dialog) == ["春节门诊安排"])
    dialog.active_button.click()
    wait_until(lambda: titles(dialog) == [])
    dialog.inactive_check.setChecked(True)
    wait_until(lambda: len(titles(dialog)) == 1 and "春节门诊安排" in titles(dialog)[0])


def test_esc_in_the_editor_asks_before_losing_what_was_typed(qtbot, open_dialog, wait_until):
    dialog = open_dialog("admin", Role.ADMIN)
    dialog.edit_button.click()
    wait_until(lambda: dialog.editor is not None and dialog.editor.isVisible())
    editor = dialog.editor
    type_text(editor.body_edit, "补充")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    wait_until(lambda: editor.findChild(QMessageBox) is not None and editor.findChild(QMessageBox).isVisible())
    box = editor.findChild(QMessageBox)
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_until(lambda: editor.findChild(QMessageBox) is None)
    assert editor.isVisible() and editor.body_edit.toPlainText().startswith("补充")  # what was typed stays
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    wait_until(lambda: editor.findChild(QMessageBox) is not None and editor.findChild(QMessageBox).isVisible())
    editor.findChild(QMessageBox).button(QMessageBox.StandardButton.Discard).click()
    wait_until(lambda: dialog.editor is None)
