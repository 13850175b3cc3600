"""Files attached to complaint cases (photos, letters, receipts): add, list, export to a file.

A file is stored in its row as base64 (the row syncs like any other) with its SHA-256; at most `MAX_BYTES`
(5 MB). The type comes from the file name's extension; only common document, image and audio types are
accepted, and for the types with a well-known signature (PNG, JPEG, GIF, PDF) the content must match the
extension. Adding a file also records a `[attached] <filename>` event on the case. Error codes
(`AttachmentError.code`): empty, too_large, type_not_allowed, content_mismatch, filename_invalid,
case_closed, not_found, write_failed, corrupt.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath

from sqlalchemy import select

from hcrm_desktop.domain.enums import ComplaintState
from hcrm_desktop.services.changes import Changes
from hcrm_desktop.services.complaints import EventKind, tagged
from hcrm_desktop.store.db import Database
from hcrm_desktop.store.models import Complaint, ComplaintAttachment, ComplaintEvent

MAX_BYTES = 5 * 1024 * 1024
FILENAME_MAX = 255
ALLOWED = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".bmp": "image/bmp",
    ".webp": "image/webp", ".pdf": "application/pdf", ".txt": "text/plain", ".csv": "text/csv",
    ".doc": "application/msword", ".xls": "application/vnd.ms-excel",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".mp3": "audio/mpeg", ".wav": "audio/wav", ".amr": "audio/amr", ".m4a": "audio/mp4",
}  # fmt: skip
SIGNATURES = {
    "image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",), "image/gif": (b"GIF87a", b"GIF89a"),
    "application/pdf": (b"%PDF-",),
}  # fmt: skip


class AttachmentError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    complaint_id: str
    filename: str
    mime_type: str
    size_bytes: int
    sha256: str
    added_by_id: str | None
    added_at: datetime


def mime_type_for(filename: str) -> str | None:
    """The accepted MIME type of `filename` by its extension, or None when the type is not accepted."""
    return ALLOWED.get(PurePath(filename).suffix.lower())


def check_file(filename: str, content: bytes) -> str:
    """Validate a file for attaching; return its MIME type or raise `AttachmentError`."""
    name = PurePath(filename.replace("\\", "/")).name.strip()
    if not name or len(name) > FILENAME_MAX or any(ord(ch) < 32 for ch in name):
        raise AttachmentError("filename_invalid")
    if not content:
        raise AttachmentError("empty")
    if len(content) > MAX_BYTES:
        raise AttachmentError("too_large")
    mime = mime_type_for(name)
    if mime is None:
        raise AttachmentError("type_not_allowed")
    signatures = SIGNATURES.get(mime)
    if signatures and not content.startswith(signatures):
        raise AttachmentError("content_mismatch")
    return mime


def _info(row: ComplaintAttachment) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.complaint_id, row.filename, row.mime_type, row.size_bytes, row.sha256,
                          row.added_by_id, row.added_at)


def add_attachment(db: Database, complaint_id: str, *, actor_id: str, filename: str, content: bytes,
                   now: datetime | None = None) -> tuple[AttachmentInfo, Changes]:
    """Attach `content` as `filename` to the case, with an event. Raise `AttachmentError`."""
    mime = check_file(filename, content)
    name = PurePath(filename.replace("\\", "/")).name.strip()
    now = (now or datetime.now()).replace(microsecond=0)
    with db.write() as s:
        case = s.get(Complaint, complaint_id)
        if case is None or case.deleted:
            raise AttachmentError("not_found")
        if case.state == ComplaintState.CLOSED:
            raise AttachmentError("case_closed")
        row = ComplaintAttachment(
            complaint_id=complaint_id, filename=name, mime_type=mime, size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(), content_b64=base64.b64encode(content).decode("ascii"),
            added_by_id=actor_id, added_at=now,
        )  # fmt: skip
        event = ComplaintEvent(complaint_id=complaint_id, actor_id=actor_id, at=now,
                               note=tagged(EventKind.ATTACHED, name))
        s.add_all([row, event])
        info = _info(row)
    changes = Changes(frozenset({"complaint_attachments", "complaint_events"}),
                      frozenset({complaint_id, row.id, event.id}),
                      frozenset({case.patient_id} if case.patient_id else ()))
    return info, changes


def add_attachment_file(db: Database, complaint_id: str, *, actor_id: str, path: Path,
                        now: datetime | None = None) -> tuple[AttachmentInfo, Changes]:
    """Attach the file at `path` (read at most MAX_BYTES + 1 bytes). Raise `AttachmentError`."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise AttachmentError("too_large")
        content = path.read_bytes()
    except OSError:
        raise AttachmentError("not_found") from None
    return add_attachment(db, complaint_id, actor_id=actor_id, filename=path.name, content=content, now=now)


def list_attachments(db: Database, complaint_id: str) -> list[AttachmentInfo]:
    """The case's files (without their content), oldest first."""
    with db.session() as s:
        rows = s.scalars(select(ComplaintAttachment).where(
            ComplaintAttachment.complaint_id == complaint_id, ~ComplaintAttachment.deleted,
        ).order_by(ComplaintAttachment.added_at, ComplaintAttachment.filename)).all()  # fmt: skip
        return [_info(r) for r in rows]


def export_attachment(db: Database, attachment_id: str, target: Path) -> Path:
    """Write the file to `target` (a directory: the original file name inside it); return the path written.
    Raise `AttachmentError` (not_found, corrupt when the content does not match its checksum, write_failed)."""
    with db.session() as s:
        row = s.get(ComplaintAttachment, attachment_id)
        if row is None or row.deleted:
            raise AttachmentError("not_found")
        filename, encoded, digest = row.filename, row.content_b64, row.sha256
    try:
        content = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise AttachmentError("corrupt") from None
    if hashlib.sha256(content).hexdigest() != digest:
        raise AttachmentError("corrupt")
    path = target / PurePath(filename).name if target.is_dir() else target
    try:
        path.write_bytes(content)
    except OSError:
        raise AttachmentError("write_failed") from None
    return path
