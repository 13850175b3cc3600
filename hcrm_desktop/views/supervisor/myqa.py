"""My QA results (我的质检): the signed-in agent's reviews, newest first; opening one shows each checklist
item's points and the reviewer's comment and marks it seen (unread ones are highlighted)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSplitter, QVBoxLayout, QWidget

from hcrm_desktop.services.qa import QaError, QaReviewRow, default_checklist, mark_seen, reviews_for_agent
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner
from hcrm_desktop.views.supervisor.qa import item_label
from hcrm_desktop.views.supervisor.tables import Row, RowsModel, make_table
from hcrm_desktop.views.supervisor.words import CHANNELS, TYPES, word


class MyQaDialog(QDialog):
    """`(db=, runner=, session=)`; `changes_made` carries the reviews marked seen."""

    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myQaDialog")
        self._db, self._runner, self._session = db, runner, session
        self.reviews: list[QaReviewRow] = []
        self.setWindowTitle(self.tr("My QA results"))
        self.summary_label = QLabel(self.tr("Loading…"), self)
        self.model = RowsModel([self.tr("Reviewed"), self.tr("Contact"), self.tr("Type"), self.tr("Customer"),
                                self.tr("Total"), self.tr("Reviewer"), self.tr("Read")], self)
        self.view = make_table(self.model, self, "myQaTable")
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.detail_model = RowsModel([self.tr("Checklist item"), self.tr("Points"), self.tr("Maximum")], self)
        self.detail_view = make_table(self.detail_model, self, "myQaDetail")
        self.comment_label = QLabel(self)
        self.comment_label.setObjectName("myQaComment")
        self.comment_label.setWordWrap(True)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_view, 1)
        detail_layout.addWidget(self.comment_label)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(960, 520)
        self.task = runner.spawn(self._load(), owner=self)

    async def _load(self) -> None:
        self.reviews = await self._runner.run_db(reviews_for_agent, self._db, self._session.id)
        self._show()
        if self.reviews:
            self.view.selectRow(0)
            self.view.setFocus()

    def _show(self) -> None:
        unread = sum(r.seen_by_agent_at is None for r in self.reviews)
        average = sum(r.total for r in self.reviews) / len(self.reviews) if self.reviews else None
        self.summary_label.setText(
            self.tr("{n} reviews, average {avg} points, {unread} unread").format(
                n=len(self.reviews), avg=f"{average:.1f}" if average is not None else "–", unread=unread)
            if self.reviews else self.tr("No reviews yet."))
        self.model.set_rows([
            Row((r.reviewed_at.strftime("%Y-%m-%d %H:%M"),
                 r.interaction_started_at.strftime("%m-%d %H:%M") if r.interaction_started_at else "",
                 f"{word(TYPES, r.interaction_type)} · {word(CHANNELS, r.interaction_channel)}",
                 r.patient_name or "", f"{r.total:g}", r.reviewer_name or "",
                 self.tr("Yes") if r.seen_by_agent_at else self.tr("New")), r.id,
                tone="" if r.seen_by_agent_at else "warn")
            for r in self.reviews
        ])

    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        review = self.reviews[rows[0].row()]
        checklist = default_checklist()
        self.detail_model.set_rows([
            Row((item_label(item), f"{review.scores.get(item.code, 0):g}", str(item.max_points)), item.code,
                tone="warn" if review.scores.get(item.code, 0) < item.max_points else "")
            for item in checklist.items
        ])
        self.comment_label.setText(self.tr("Comment: {text}").format(text=review.comment or "–"))
        if review.seen_by_agent_at is None:
            self._runner.spawn(self._mark_seen(review.id), owner=self)

    async def _mark_seen(self, review_id: str) -> None:
        try:
            changes = await self._runner.run_db(mark_seen, self._db, review_id=review_id, agent_id=self._session.id)
        except QaError:
            return  # someone else's review or gone: nothing to mark
        self.reviews = await self._runner.run_db(reviews_for_agent, self._db, self._session.id)
        current = self.view.currentIndex().row()
        self.view.selectionModel().blockSignals(True)
        self._show()
        if 0 <= current < len(self.reviews):
            self.view.selectRow(current)
        self.view.selectionModel().blockSignals(False)
        self.changes_made.emit(changes)
