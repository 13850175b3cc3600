"""The knowledge base (知识库) as a dialog agents open from anywhere (F3 in the main window): type to
search, ↓ ↑ to choose, Enter copies the answer to the clipboard, Esc closes. Supervisors and admins also
write (Ctrl+N), change (Ctrl+E) and deactivate or bring back (Ctrl+D) articles."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.knowledge import (
    Article,
    KnowledgeError,
    can_edit,
    categories,
    ensure_seeded,
    search_articles,
    set_active,
)
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.bookings.words import error_text
from hcrm_desktop.views.knowledge.editor import ArticleEditor

SEARCH_DELAY_MS = 100
ArticleRole = Qt.ItemDataRole.UserRole


class _SearchEdit(QLineEdit):
    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class KnowledgeDialog(QDialog):
    changes_made = Signal(object)
    results_shown = Signal()
    answer_copied = Signal(str)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner, self._session = db, runner, session
        self.editor: ArticleEditor | None = None
        self.setWindowTitle(self.tr("Knowledge base"))
        self.resize(900, 560)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.setFocus()
        self._runner.spawn(self._start(), key="knowledge.start", owner=self)

    def _build(self) -> None:
        self.search_edit = _SearchEdit(self)
        self.search_edit.setObjectName("knowledgeSearch")
        self.search_edit.setPlaceholderText(self.tr("Search answers: words or pinyin initials (e.g. 空腹, tjxz)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self.copy_answer)
        self.search_edit.moved.connect(self._on_search_edit_moved)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("All categories"), "")
        self.category_combo.currentIndexChanged.connect(self._on_category_combo_current_index_changed)
        self.inactive_check = QCheckBox(self.tr("Show inactive"), self)
        self.inactive_check.toggled.connect(self._on_inactive_check_toggled)
        self.results_list = QListWidget(self)
        self.results_list.currentItemChanged.connect(self._on_results_list_current_item_changed)
        self.results_list.itemActivated.connect(self._on_results_list_item_activated)
        self.answer_edit = QPlainTextEdit(self)
        self.answer_edit.setObjectName("knowledgeAnswer")
        self.answer_edit.setReadOnly(True)
        self.hint_label = QLabel(self.tr("Enter copies the answer; Esc closes."), self)
        self.hint_label.setObjectName("hintLabel")
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setToolTip(self.tr("Write a new article (Ctrl+N)"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setToolTip(self.tr("Change the chosen article (Ctrl+E)"))
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.active_button.setToolTip(self.tr("Hide the chosen article from agents, or bring it back (Ctrl+D)"))
        self.active_button.clicked.connect(self._on_active_button_clicked)
        editor = can_edit(self._session.role)
        for widget in (self.inactive_check, self.new_button, self.edit_button, self.active_button):
            widget.setVisible(editor)
        if editor:
            for key, slot in (("Ctrl+N", self._on_new_button_clicked), ("Ctrl+E", self._on_edit_button_clicked),
                              ("Ctrl+D", self._on_active_button_clicked)):
                QShortcut(QKeySequence(key), self).activated.connect(slot)
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.category_combo)
        top.addWidget(self.inactive_check)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.results_list)
        splitter.addWidget(self.answer_edit)
        splitter.setSizes([320, 580])
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint_label, 1)
        for button in (self.new_button, self.edit_button, self.active_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # --- loading -----------------------------------------------------------------------------------------

    async def _start(self) -> None:
        await self._runner.run_db(ensure_seeded, self._db)
        await self._load_categories()
        self.refresh()

    async def _load_categories(self) -> None:
        found = await self._runner.run_db(categories, self._db)
        chosen = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        while self.category_combo.count() > 1:
            self.category_combo.removeItem(1)
        for name, count in found:
            self.category_combo.addItem(f"{name} ({count})", name)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(chosen)))
        self.category_combo.blockSignals(False)

    def refresh(self) -> None:
        self._runner.spawn(self._search(), key="knowledge.search", owner=self)

    async def _search(self) -> None:
        query = self.search_edit.text()
        chosen = self.article
        found = await self._runner.run_db(search_articles, self._db, query,
                                          category=self.category_combo.currentData() or None,
                                          include_inactive=self.inactive_check.isChecked())
        if query != self.search_edit.text():
            return
        self.results_list.clear()
        for article in found:
            title = article.title if article.active else self.tr("{title} (inactive)").format(title=article.title)
            item = QListWidgetItem(title)
            item.setData(ArticleRole, article)
            item.setToolTip(article.category)
            self.results_list.addItem(item)
        keep = next((n for n, a in enumerate(found) if chosen is not None and a.id == chosen.id), 0)
        if found:
            self.results_list.setCurrentRow(keep)
        else:
            self.answer_edit.setPlainText(self.tr("Nothing found for “{query}”.").format(query=query.strip()))
        self.results_shown.emit()

    @property
    def article(self) -> Article | None:
        item = self.results_list.currentItem()
        article = item.data(ArticleRole) if item is not None else None
        return article if isinstance(article, Article) else None

    # --- choosing and copying ----------------------------------------------------------------------------

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_category_combo_current_index_changed(self, _index: int) -> None:
        self.refresh()

    def _on_inactive_check_toggled(self, _checked: bool) -> None:
        self.refresh()

    def _on_search_edit_moved(self, step: int) -> None:
        rows = self.results_list.count()
        if rows:
            self.results_list.setCurrentRow(max(0, min(rows - 1, self.results_list.currentRow() + step)))

    def _on_results_list_current_item_changed(self, _current: QListWidgetItem | None,
                                              _previous: QListWidgetItem | None) -> None:
        article = self.article
        self.answer_edit.setPlainText(article.body if article is not None else "")
        self.active_button.setText(self.tr("Deactivate") if article is None or article.active
                                   else self.tr("Activate"))

    def _on_results_list_item_activated(self, _item: QListWidgetItem) -> None:
        self.copy_answer()

    def copy_answer(self) -> None:
        """Put the chosen answer on the clipboard, ready to paste into a chat or a message."""
        article = self.article
        if article is None:
            return
        QGuiApplication.clipboard().setText(article.body)
        self.hint_label.setText(self.tr("Copied: {title}").format(title=article.title))
        self.answer_copied.emit(article.id)

    # --- editing (supervisors and admins) ----------------------------------------------------------------

    def _on_new_button_clicked(self) -> None:
        self._open_editor(None)

    def _on_edit_button_clicked(self) -> None:
        if self.article is not None:
            self._open_editor(self.article)

    def _open_editor(self, article: Article | None) -> None:
        if not can_edit(self._session.role):
            return
        names = [str(self.category_combo.itemData(n)) for n in range(1, self.category_combo.count())]
        self.editor = ArticleEditor(db=self._db, runner=self._runner, session=self._session, article=article,
                                    categories=names, parent=self)
        self.editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor.article_saved.connect(self._on_editor_article_saved)
        self.editor.finished.connect(self._on_editor_finished)
        self.editor.open()

    def _on_editor_finished(self, _result: int) -> None:
        self.editor = None

    def _on_editor_article_saved(self, _article: Article, changes: Changes) -> None:
        self.changes_made.emit(changes)
        self._runner.spawn(self._after_change(), key="knowledge.after", owner=self)

    def _on_active_button_clicked(self) -> None:
        article = self.article
        if article is not None and can_edit(self._session.role):
            self._runner.spawn(self._set_active(article, not article.active), key="knowledge.active", owner=self)

    async def _set_active(self, article: Article, active: bool) -> None:
        try:
            _changed, changes = await self._runner.run_db(set_active, self._db, actor_id=self._session.id,
                                                          actor_role=self._session.role, article_id=article.id,
                                                          active=active)
        except KnowledgeError as error:
            self.hint_label.setText(error_text(error.code))
            return
        self.changes_made.emit(changes)
        await self._after_change()

    async def _after_change(self) -> None:
        await self._load_categories()
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches("knowledge_articles"):
            self._runner.spawn(self._after_change(), key="knowledge.after", owner=self)
