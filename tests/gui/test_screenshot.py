"""`hcrm-desktop screenshot`: lists the views, renders 1366x768 PNGs, and Chinese renders as glyphs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QLabel

from hcrm_desktop.ui.screenshot import VIEWS
from hcrm_desktop.ui.theme import ui_font

ROOT = Path(__file__).resolve().parents[2]


def hcrm(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HCRM_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "hcrm_desktop", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_list_prints_the_view_names_one_per_line(tmp_path):
    done = hcrm("screenshot", "--list", home=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["signin", "workbench", "customers", "complaints", "bookings", "followups",
                                   "analytics", "settings", "main", "callcard", "callcard_family",
                                   "callcard_unknown", "wrapup", "performance", "qa", "customer_analytics",
                                   "segments", "reports", "followups_call"]
    assert list(VIEWS) == done.stdout.split()


def test_an_unknown_view_is_a_usage_error(tmp_path):
    done = hcrm("screenshot", "--view", "nosuch", "--out", str(tmp_path / "x.png"), home=tmp_path)

    assert done.returncode == 2
    assert "nosuch" in done.stderr and "workbench" in done.stderr
    assert not (tmp_path / "x.png").exists()


def test_the_workbench_renders_to_a_1366x768_png_on_an_empty_database(tmp_path):
    out = tmp_path / "x.png"

    done = hcrm("screenshot", "--view", "workbench", "--out", str(out), home=tmp_path)

    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


@pytest.mark.parametrize("view", ["signin", "analytics"])
def test_other_views_render_with_a_database_of_users(tmp_path, staff_db_path, view):
    out = tmp_path / f"{view}.png"

    done = hcrm("screenshot", "--view", view, "--db", str(staff_db_path), "--lang", "en", "--out",
                str(out), home=tmp_path)

    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).size().toTuple() == (1366, 768)


def render(text: str) -> QImage:
    label = QLabel(text)
    label.setFont(ui_font(28))
    label.setStyleSheet("background: white; color: black;")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.resize(120, 80)
    return label.grab().toImage()


def test_a_chinese_font_is_installed(qapp):
    assert "Noto Sans CJK SC" in QFontDatabase.families(), "install fonts-noto-cjk"


def test_chinese_renders_as_glyphs_not_boxes(qapp):
    ke, hu = render("客"), render("户")
    tofu_a, tofu_b = render("\ue000"), render("\ue001")  # private-use code points: no font has them

    assert ke != hu, "two different characters drew the same picture (boxes?)"
    assert tofu_a == tofu_b, "the reference boxes should look alike"
    assert ke != tofu_a and hu != tofu_a
