"""Suite-wide set-up. The environment is set at import time, before anything can import Qt."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="hcrm-test-home-")
os.environ["HCRM_DESKTOP_HOME"] = _HOME  # never the developer's real settings, cache or keyring file

pytest_plugins = ["tests.fixtures.postgres", "tests.fixtures.baresip"]

_SERVER_MARKERS = {"postgres_server": "postgres", "baresip_pair": "baresip"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use a real server get its marker, so `-m "not postgres"` works without decorating."""
    for item in items:
        for fixture, marker in _SERVER_MARKERS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


def pytest_sessionfinish(session: pytest.Session) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)
