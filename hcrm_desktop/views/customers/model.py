"""Search results as a table model: masked phone and national id, never the whole numbers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from hcrm_desktop.services.search import PatientHit
from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from hcrm_desktop.ui.labels import sex_text, vip_text

Index = QModelIndex | QPersistentModelIndex
MATCHED_ON = {
    "phone": QT_TRANSLATE_NOOP("SearchResultsModel", "phone"),
    "phone_tail": QT_TRANSLATE_NOOP("SearchResultsModel", "phone ending"),
    "name": QT_TRANSLATE_NOOP("SearchResultsModel", "name"),
    "pinyin": QT_TRANSLATE_NOOP("SearchResultsModel", "pinyin"),
    "initials": QT_TRANSLATE_NOOP("SearchResultsModel", "pinyin initials"),
    "national_id": QT_TRANSLATE_NOOP("SearchResultsModel", "national id"),
    "customer_no": QT_TRANSLATE_NOOP("SearchResultsModel", "customer no."),
    "identifier": QT_TRANSLATE_NOOP("SearchResultsModel", "HIS/PEIS number"),
    "his": QT_TRANSLATE_NOOP("SearchResultsModel", "HIS number"),
    "peis": QT_TRANSLATE_NOOP("SearchResultsModel", "PEIS number"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("SearchResultsModel", "Name"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Sex"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Birth date"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Phone"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "National ID"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "VIP"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Customer no."),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Found by"),
)


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""
        self.hits: tuple[PatientHit, ...] = ()

    def set_hits(self, query: str, hits: tuple[PatientHit, ...]) -> None:
        self.beginResetModel()
        self.query, self.hits = query, hits
        self.endResetModel()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(hit, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return hit.patient_id
        return None

    def _text(self, hit: PatientHit, column: int) -> str:
        values = (
            hit.name, sex_text(hit.sex), hit.birth_date.isoformat() if hit.birth_date else "", hit.masked_phone,
            hit.masked_national_id, vip_text(hit.vip_level) if hit.vip_level else "", hit.customer_no,
            self.tr(MATCHED_ON[hit.matched_on]) if hit.matched_on in MATCHED_ON else hit.matched_on,
        )  # fmt: skip
        return values[column] or ""
