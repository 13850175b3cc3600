from __future__ import annotations

import json
import logging

from hcrm_desktop import oplog


def _lines(path):
    for handler in logging.getLogger(oplog.LOGGER_NAME).handlers:
        handler.flush()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_events_are_json_lines_with_fields(tmp_path):
    path = oplog.setup(tmp_path / "ops.jsonl")
    oplog.event("signed_in", user="agent1", role="agent")
    [entry] = _lines(path)
    assert entry["event"] == "signed_in" and entry["user"] == "agent1" and entry["level"] == "info"
    assert entry["at"].endswith("+00:00")


def test_no_passwords_or_full_ids_or_phones(tmp_path):
    path = oplog.setup(tmp_path / "ops.jsonl")
    oplog.event(
        "screen_pop",
        password="demo",
        detail="caller 13800138000 id 11010519491231002X",
        nested={"token": "abc", "phone": "+8613912345678"},
    )
    text = path.read_text(encoding="utf-8")
    assert "demo" not in text and "abc" not in text
    assert "13800138000" not in text and "138****8000" in text
    assert "11010519491231002X" not in text and "110105********002X" in text
    assert "13912345678" not in text


def test_log_rotates(tmp_path):
    path = oplog.setup(tmp_path / "ops.jsonl", max_bytes=2000, backups=2)
    for i in range(200):
        oplog.event("tick", n=i)
    assert (tmp_path / "ops.jsonl.1").exists()
    assert path.stat().st_size <= 2000


def test_errors_carry_the_traceback_scrubbed(tmp_path):
    path = oplog.setup(tmp_path / "ops.jsonl")
    try:
        raise ValueError("bad id 11010519491231002X")
    except ValueError as exc:
        oplog.event("crash", level=logging.ERROR, exc_info=exc)
    [entry] = _lines(path)
    assert entry["level"] == "error" and "ValueError" in entry["error"]
    assert "11010519491231002X" not in entry["error"]
