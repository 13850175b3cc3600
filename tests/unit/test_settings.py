from __future__ import annotations

import json

from hcrm_desktop.settings import Settings, load_settings, save_settings


def test_defaults_are_chinese_and_simulator(tmp_path):
    s = load_settings(tmp_path / "none.json")
    assert s.language == "zh_CN" and s.cti_adapter == "simulator" and s.db_path == ""


def test_round_trip_keeps_every_field(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(language="en", db_path="/data/ws.db", last_user="nurse1", window_geometry="AdnQyw==")
    save_settings(s, path)
    assert load_settings(path) == s
    assert not path.with_suffix(".tmp").exists()


def test_broken_file_gives_defaults_and_is_kept_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert path.with_suffix(".broken.json").read_text(encoding="utf-8") == "{not json"


def test_unknown_keys_and_bad_values_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "fr", "future_option": 1, "last_user": "agent1"}))
    s = load_settings(path)
    assert s.language == "zh_CN" and s.last_user == "agent1"


def test_no_secret_fields_exist():
    names = set(Settings.__dataclass_fields__)
    assert not any(word in n for n in names for word in ("password", "token", "secret"))
