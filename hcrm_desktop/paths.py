"""Where the app keeps its files. `HCRM_DESKTOP_HOME` relocates all of them (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from hcrm_desktop import APP_NAME

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def _home() -> Path | None:
    value = os.environ.get("HCRM_DESKTOP_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_database() -> Path:
    return data_dir() / "demo.db"


def resource(*parts: str) -> Path:
    """A file shipped in `resources/` (next to the package in a checkout, bundled by the installer)."""
    return RESOURCES.joinpath(*parts)
