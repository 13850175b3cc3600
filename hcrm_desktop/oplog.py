"""The operational log: rotating JSON lines in the log folder (start, sign-in, errors, screen pops, syncs).

Nothing secret goes in: `event()` masks national ids and phone numbers in every string it writes, and
keys that name a secret are dropped.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from hcrm_desktop import paths

LOGGER_NAME = "hcrm.ops"
SECRET_KEYS = frozenset({"password", "token", "secret", "refresh_token", "access_token"})
_NATIONAL_ID = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
_MOBILE = re.compile(r"(?<!\d)((?:\+?86)?1[3-9]\d)\d{4}(\d{4})(?!\d)")


def scrub(text: str) -> str:
    text = _NATIONAL_ID.sub(r"\1********\2", text)
    return _MOBILE.sub(r"\1****\2", text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k.lower() not in SECRET_KEYS}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
        }
        entry.update(_clean(getattr(record, "fields", {})))
        if record.exc_info:
            entry["error"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def setup(log_file: Path | None = None, *, max_bytes: int = 2_000_000, backups: int = 5) -> Path:
    """Attach the rotating JSON-lines handler (once) and return the log file's path."""
    path = log_file or paths.log_dir() / "hcrm-desktop.jsonl"
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        if isinstance(handler, RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(JsonLinesFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path


def event(name: str, *, level: int = logging.INFO, exc_info: Any = None, **fields: Any) -> None:
    """Log one operational event with structured fields."""
    logging.getLogger(LOGGER_NAME).log(level, name, extra={"fields": fields}, exc_info=exc_info)
