"""Every string the user sees is translated into Chinese; the compiled .qm matches the .ts; English works."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest

from hcrm_desktop.domain.enums import Role
from hcrm_desktop.settings import Settings, load_settings
from hcrm_desktop.ui.i18n import available_languages, install_language
from hcrm_desktop.ui.session import UserSession, role_text
from hcrm_desktop.ui.shell import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "hcrm_zh_CN.ts"
TS_FILES = [TS, TRANSLATIONS / "hcrm_en.ts"]
LUPDATE_FLAGS = ["-no-obsolete", "-locations", "none"]  # as `make translations` runs it


def qt_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name, path=str(Path(PySide6.__file__).parent))
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def translatable_sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "hcrm_desktop").rglob("*.py"))


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def unfinished(found: dict[tuple[str, str], ET.Element]) -> list[tuple[str, str]]:
    return [key for key, tr in found.items()
            if tr is None or tr.get("type") is not None or not "".join(tr.itertext()).strip()]


def test_every_string_in_the_code_has_a_finished_chinese_translation(tmp_path):
    fresh = tmp_path / "hcrm_zh_CN.ts"
    shutil.copy(TS, fresh)

    subprocess.run([qt_tool("lupdate"), *translatable_sources(), *LUPDATE_FLAGS, "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)

    found = messages(fresh)
    assert unfinished(found) == [], "run `make translations` and translate the new strings"
    assert set(found) == set(messages(TS)), "the committed .ts is not what `make translations` makes"
    assert len(found) > 100


def test_the_committed_chinese_ts_has_no_unfinished_or_obsolete_entries():
    assert unfinished(messages(TS)) == []


def test_the_english_ts_covers_the_same_strings():
    assert set(messages(TRANSLATIONS / "hcrm_en.ts")) == set(messages(TS))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_the_compiled_qm_is_up_to_date(tmp_path, ts):
    compiled = tmp_path / ts.with_suffix(".qm").name

    subprocess.run([qt_tool("lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True,
                   timeout=60)

    assert compiled.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make translations`, commit the .qm"


def test_the_languages_on_offer_start_with_chinese():
    assert available_languages() == [("zh_CN", "中文"), ("en", "English")]


def test_english_shows_english(qapp):
    install_language(qapp, "en")

    assert role_text(Role.NURSE) == "Follow-up nurse"


def test_choosing_english_in_settings_switches_the_window_live_and_is_remembered(
        qtbot, staff_db, runner, wait_until, tmp_path, monkeypatch):
    monkeypatch.setenv("HCRM_DESKTOP_HOME", str(tmp_path / "home"))
    session = UserSession("u", "agent1", "王晓燕", Role.AGENT)
    window = MainWindow(db=staff_db, runner=runner, session=session, settings=Settings(), demo=True)
    qtbot.addWidget(window)
    window.show()
    window.show_view("settings")
    combo = window.views["settings"].language_combo

    combo.setCurrentIndex(combo.findData("en"))
    wait_until(lambda: window.nav_list.item(0).text() == "Workbench")

    assert [window.nav_list.item(i).text() for i in range(3)] == ["Workbench", "Customers", "Complaints"]
    assert window.user_status_label.text() == "王晓燕 · Agent"
    assert window.sync_status_label.text() == "Offline demo"
    assert window.current_view_key() == "settings"
    assert window.views["settings"].title == "Settings"
    assert load_settings().language == "en"


def test_a_window_opened_in_english_is_english(qtbot, qapp, staff_db, runner):
    install_language(qapp, "en")
    session = UserSession("u", "supervisor1", "陈静", Role.SUPERVISOR)
    window = MainWindow(db=staff_db, runner=runner, session=session, settings=Settings(language="en"), demo=True)
    qtbot.addWidget(window)

    assert window.views["analytics"].title == "Analytics"
    assert window.phone_status_label.text() == "Simulator · Idle"
