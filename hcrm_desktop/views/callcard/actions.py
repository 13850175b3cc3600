"""What the one-key actions open until the recording forms arrive with the next issue: a plain notice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from hcrm_desktop.ui.i18n import QT_TRANSLATE_NOOP

TITLES = {
    "consultation": QT_TRANSLATE_NOOP("CardActions", "Record a consultation"),
    "complaint": QT_TRANSLATE_NOOP("CardActions", "Record a complaint"),
    "booking": QT_TRANSLATE_NOOP("CardActions", "Book a checkup or clinic slot"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("CardActions", source)


def open_action_notice(action: str, customer: str, parent: QWidget) -> QMessageBox:
    """Say plainly that the form comes in the next version; window-modal, closed with Enter or Esc."""
    box = QMessageBox(QMessageBox.Icon.Information, _tr(TITLES.get(action, action)), "", parent=parent)
    box.setObjectName("actionNotice")
    box.setText(_tr(QT_TRANSLATE_NOOP("CardActions", "This form comes with the next version of HCRM Desktop.")))
    box.setInformativeText(_tr(QT_TRANSLATE_NOOP(
        "CardActions",
        "The card for {customer} stays open and keeps your notes, so nothing is lost in the meantime.",
    )).format(customer=customer))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
