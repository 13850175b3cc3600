"""The supervisor workspace (统计分析): one tab per panel. Only supervisors and admins see it.

Each panel is a QWidget built with `(db=, runner=, session=)`, with `changes_made = Signal(object)` when it
writes and `apply_changes(changes)` when it shows data others change. Panels live in their own modules
(`views/supervisor/` for the live board, performance and QA; `views/analytics/` for customers, segments and
reports) and are listed in `panel_factories()`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal  # noqa: F401 (panel labels)
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from hcrm_desktop.services.changes import Changes
from hcrm_desktop.store.db import Database
from hcrm_desktop.ui.page import ComingSoon, Page
from hcrm_desktop.ui.session import UserSession
from hcrm_desktop.ui.tasks import TaskRunner

PanelFactory = Callable[..., QWidget]


def panel_factories() -> list[tuple[str, str, PanelFactory]]:
    """(key, tab label for QT_TRANSLATE_NOOP("AnalyticsView", ...), factory), in tab order."""
    panels: list[tuple[str, str, PanelFactory]] = []
    # panels: one line per panel, added by the modules that provide them
    from hcrm_desktop.views.supervisor import board, performance, qa  # lazy, to avoid import cycles

    panels.append(("board", QT_TRANSLATE_NOOP("AnalyticsView", "Live board"), board.BoardPanel))
    panels.append(("performance", QT_TRANSLATE_NOOP("AnalyticsView", "Agent performance"),
                   performance.PerformancePanel))
    panels.append(("qa", QT_TRANSLATE_NOOP("AnalyticsView", "QA review"), qa.QaPanel))
    from hcrm_desktop.views.analytics import customers, reports, segments  # lazy, like the above

    panels.append(("customers", QT_TRANSLATE_NOOP("AnalyticsView", "Customer analytics"), customers.CustomersPanel))
    panels.append(("segments", QT_TRANSLATE_NOOP("AnalyticsView", "Segments"), segments.SegmentsPanel))
    panels.append(("reports", QT_TRANSLATE_NOOP("AnalyticsView", "Reports"), reports.ReportsPanel))
    return panels


class AnalyticsView(Page):
    changes_made = Signal(object)

    def __init__(self, *, db: Database, runner: TaskRunner, session: UserSession, parent: QWidget | None = None,
                 **_ignored: object) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._session = session
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("analyticsTabs")
        self.panels: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        for key, label, factory in panel_factories():
            panel = factory(db=db, runner=runner, session=session, parent=self.tabs)
            panel.setObjectName(f"panel_{key}")
            changed = getattr(panel, "changes_made", None)
            if changed is not None:
                changed.connect(self.changes_made)
            self.panels[key] = panel
            self._labels[key] = label
            scroll = QScrollArea(self.tabs)  # a tall panel scrolls rather than forcing a taller window
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(panel)
            self.tabs.addTab(scroll, "")
        if not self.panels:
            self.body.addWidget(ComingSoon(self.tr("Coming in a later version: analytics and reports"), [], self))
        self.body.addWidget(self.tabs, 1)
        self._retranslate()

    def show_panel(self, key: str) -> bool:
        """Bring the tab of panel `key` to the front; False if there is no such panel."""
        panel = self.panels.get(key)
        if panel is None:
            return False
        self.tabs.setCurrentIndex(list(self.panels).index(key))
        return True

    def _retranslate(self) -> None:
        self.set_heading(self.tr("Analytics"), self.tr("For supervisors and administrators."))
        for index, key in enumerate(self.panels):
            self.tabs.setTabText(index, QCoreApplication.translate("AnalyticsView", self._labels[key]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def apply_changes(self, changes: Changes) -> None:
        for panel in self.panels.values():
            apply = getattr(panel, "apply_changes", None)
            if apply is not None:
                apply(changes)

