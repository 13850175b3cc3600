"""Writing or changing a knowledge article (supervisors and admins): Ctrl+Enter saves, Esc cancels and
asks first when something was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.knowledge import Article, KnowledgeError, save_article
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner, ask
from hcrm_desktop.views.bookings.words import error_text


class ArticleEditor(QDialog):
    article_saved = Signal(object, object)  # Article, Changes

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, article: Article | None,
                 categories: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session, self._article = db, runner, session, article
        self._discard = False
        self.setWindowTitle(self.tr("Edit article") if article else self.tr("New article"))
        self.resize(640, 520)
        self.category_combo = QComboBox(self)
        self.category_combo.setEditable(True)
        self.category_combo.addItems(categories)
        self.category_combo.setCurrentText(article.category if article else "")
        self.title_edit = QLineEdit(article.title if article else "", self)
        self.keywords_edit = QLineEdit(article.keywords if article else "", self)
        self.keywords_edit.setPlaceholderText(self.tr("Words callers use, separated by spaces"))
        self.body_edit = QPlainTextEdit(article.body if article else "", self)
        self.errors = {name: self._error_label() for name in ("category", "title", "keywords", "body", "actor")}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self._on_buttons_accepted)
        self._build_layout()
        self._initial = self._values()
        self.category_combo.setFocus()

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("fieldError")
        label.hide()
        return label

    def _build_layout(self) -> None:
        form = QFormLayout()
        for caption, widget, name in ((self.tr("Category"), self.category_combo, "category"),
                                      (self.tr("Title"), self.title_edit, "title"),
                                      (self.tr("Keywords"), self.keywords_edit, "keywords"),
                                      (self.tr("Answer"), self.body_edit, "body")):
            form.addRow(caption, widget)
            form.addRow("", self.errors[name])
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.errors["actor"])
        layout.addWidget(self.buttons)

    def _values(self) -> tuple[str, str, str, str]:
        return (self.category_combo.currentText(), self.title_edit.text(), self.keywords_edit.text(),
                self.body_edit.toPlainText())

    @property
    def dirty(self) -> bool:
        return self._values() != self._initial

    def _on_buttons_accepted(self) -> None:
        self._runner.spawn(self._save(), key="knowledge.save", owner=self)

    async def _save(self) -> None:
        category, title, keywords, body = self._values()
        for label in self.errors.values():
            label.hide()
        try:
            article, changes = await self._runner.run_db(
                save_article, self._db, actor_id=self._session.id, actor_role=self._session.role,
                article_id=self._article.id if self._article else None, category=category, title=title, body=body,
                keywords=keywords)
        except KnowledgeError as error:
            label = self.errors.get(error.field, self.errors["actor"])
            label.setText(error_text(error.code))
            label.show()
            return
        self.article_saved.emit(article, changes)
        self._discard = True
        self.accept()

    def reject(self) -> None:
        if self._discard or not self.dirty:
            super().reject()
            return
        self._runner.spawn(self._confirm_discard(), key="knowledge.discard", owner=self)

    async def _confirm_discard(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard changes?"),
                          self.tr("What you typed in this article will be lost."),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if await ask(box) == QMessageBox.StandardButton.Discard.value:
            self._discard = True
            self.reject()
