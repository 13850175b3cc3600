"""The look: the stylesheet in resources/styles/app.qss and a font that renders Chinese."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hcrm_desktop import paths

CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
STYLES_DIR = paths.resource("styles")
STYLESHEET = STYLES_DIR / "app.qss"


def ui_font(point_size: float = 10.0) -> QFont:
    """The interface font: the first Chinese-capable family installed, the others as fallbacks."""
    installed = set(QFontDatabase.families())
    families = [f for f in CJK_FAMILIES if f in installed] + [f for f in CJK_FAMILIES if f not in installed]
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setFont(ui_font())
    with contextlib.suppress(OSError):  # an unstyled window still works; the installer ships the file
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8").replace("@STYLES@", STYLES_DIR.as_posix()))
