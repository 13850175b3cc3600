"""`hcrm-central` end to end: init-db, demo-data, create-user, serve; then `sync --once` against it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import requests

from tests.fixtures import free_tcp_port

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[3]
ENV = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def central(*args: str, stdin: str = "") -> dict:
    done = subprocess.run([sys.executable, "-m", "hcrm_desktop.sync.central.cli", *args], input=stdin.encode(),
                          capture_output=True, cwd=ROOT, env=ENV, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def test_a_local_central_with_demo_data_serves_a_new_workstation(postgres_db, tmp_path):
    assert central("init-db", "--dsn", postgres_db.dsn) == {"revision": "c0004"}
    loaded = central("demo-data", "--dsn", postgres_db.dsn, "--patients", "40", "--seed", "3")
    assert loaded["tables"]["patients"] == 40
    # the loaded tables have statistics (a pull reads through the version index); the empty bookkeeping
    # tables have none, so pushes look mutations up by key instead of scanning a table "known" to be empty
    with psycopg.connect(postgres_db.server.conninfo(postgres_db.name)) as conn:
        stats = dict(conn.execute("SELECT relname, reltuples FROM pg_class WHERE relname IN "
                                  "('patients', 'sync_mutations', 'sync_changes')").fetchall())
    assert stats["patients"] == 40 and stats["sync_mutations"] == -1 and stats["sync_changes"] == -1
    assert central("create-user", "--dsn", postgres_db.dsn, "--username", "lin", "--role", "nurse",
                   "--password-stdin", stdin="nurse password\n") == {"username": "lin", "role": "nurse"}
    images = central("snapshot", "--dsn", postgres_db.dsn, "--work-dir", str(tmp_path))["snapshots"]
    assert len(images) == 2 and {i["rows"] for i in images} == {loaded["rows"]}  # with and without the audit log
    port = free_tcp_port()
    service = subprocess.Popen([sys.executable, "-m", "hcrm_desktop.sync.central.cli", "serve", "--dsn",
                                postgres_db.dsn, "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=ENV)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if requests.get(f"{url}/v1/version", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.05)
        done = subprocess.run(
            [sys.executable, "-m", "hcrm_desktop.sync.cli", "sync", "--once", "--db", str(tmp_path / "ws.db"),
             "--central", url, "--user", "lin", "--password-stdin"],
            input=b"nurse password\n", capture_output=True, cwd=ROOT, env=ENV, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        summary = json.loads(done.stdout)
        assert summary["pulled"] == loaded["rows"] and summary["pushed"] == 0  # the image, then nothing new
        assert not list(tmp_path.glob("ws.db.snapshot-*.part"))

        wrong = subprocess.run(
            [sys.executable, "-m", "hcrm_desktop.sync.cli", "sync", "--once", "--db", str(tmp_path / "ws.db"),
             "--central", url, "--user", "lin", "--password-stdin"],
            input=b"not it\n", capture_output=True, cwd=ROOT, env=ENV, timeout=120)
        assert wrong.returncode == 1 and json.loads(wrong.stdout)["error"] == "auth_failed"
    finally:
        service.terminate()
        service.wait(timeout=20)
