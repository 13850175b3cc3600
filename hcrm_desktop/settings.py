"""The app's settings: one typed record, stored as JSON in the config folder. Secrets never go here:
passwords and tokens live in the OS keyring."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from hcrm_desktop import paths

LANGUAGES = ("zh_CN", "en")
CTI_ADAPTERS = ("simulator", "baresip", "ami", "http_hook", "none")
log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str = "zh_CN"
    db_path: str = ""  # empty: the demo database in the data folder
    last_user: str = ""
    central_url: str = ""  # https://... (HTTP API) or postgresql+psycopg://... (database)
    central_user: str = ""  # user name at the central side (empty: the one signed in here)
    cti_adapter: str = "simulator"
    cti_address: str = "127.0.0.1:4444"
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            self.language = LANGUAGES[0]
        if self.cti_adapter not in CTI_ADAPTERS:
            self.cti_adapter = CTI_ADAPTERS[0]


def settings_file() -> Path:
    return paths.config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults (a broken one is kept aside)."""
    path = path or settings_file()
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings unreadable, using defaults: %s", exc)
        path.replace(path.with_suffix(".broken.json")) if path.exists() else None
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: str(v) for k, v in raw.items() if k in known})


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a crash mid-write leaves the previous file."""
    path = path or settings_file()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
