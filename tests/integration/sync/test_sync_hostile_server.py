"""A central that answers garbage, truncates its replies or hangs up: a clear error, the outbox intact."""

from __future__ import annotations

import socket
import threading

import pytest

from hcrm_desktop.store.db import open_database
from hcrm_desktop.store.models import Outbox, Patient
from hcrm_desktop.sync.credentials import MemorySecrets
from hcrm_desktop.sync.engine import SyncEngine
from hcrm_desktop.sync.errors import BadReply, Offline, ServerError
from hcrm_desktop.sync.http import HttpTransport
from hcrm_desktop.sync.tables import schema_fingerprint

VERSION = '{"protocol":1,"schema":"c0001","fingerprint":"FP","central_id":"c","high":0}'.replace(
    "FP", schema_fingerprint())
LOGIN = '{"access_token":"a","refresh_token":"r","expires_in":900,"username":"u","role":"agent"}'


class EvilServer:
    """Answers /v1/version and /v1/login properly, and /v1/push with `push_reply` (raw bytes)."""

    def __init__(self, push_reply: bytes) -> None:
        self.push_reply = push_reply
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    request += chunk
                head, _, body = request.partition(b"\r\n\r\n")
                length = int(next((line.split(b":")[1] for line in head.split(b"\r\n")
                                   if line.lower().startswith(b"content-length")), b"0"))
                while len(body) < length:
                    body += conn.recv(65536)
                path = head.split(b" ")[1]
                if path.startswith(b"/v1/version"):
                    conn.sendall(self._ok(VERSION.encode()))
                elif path.startswith((b"/v1/login", b"/v1/refresh")):
                    conn.sendall(self._ok(LOGIN.encode()))
                else:
                    conn.sendall(self.push_reply)

    @staticmethod
    def _ok(body: bytes) -> bytes:
        return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + \
            str(len(body)).encode() + b"\r\n\r\n" + body

    def close(self) -> None:
        self.sock.close()


REPLIES = {
    "garbage": (EvilServer._ok(b"<html>proxy error</html>"), BadReply),
    "truncated": (b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"results\": [", BadReply),
    "wrong shape": (EvilServer._ok(b'{"results": [{"mutation_id": "nope", "status": "applied"}]}'), BadReply),
    "hang up": (b"", Offline),
    "server error": (b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ServerError),
}


@pytest.mark.parametrize("kind", sorted(REPLIES))
def test_bad_replies_leave_the_outbox_intact(kind, tmp_path):
    reply, error = REPLIES[kind]
    server = EvilServer(reply)
    db = open_database(tmp_path / "ws.db", create=True)
    with db.write() as s:
        s.add(Patient(customer_no="C1", name="甲", name_pinyin="jia", name_initials="j"))
    transport = HttpTransport(f"http://127.0.0.1:{server.port}", username="u", password="p",
                              secrets=MemorySecrets(), timeout=5)
    engine = SyncEngine(db=db, transport=transport)
    try:
        with pytest.raises(error) as caught:
            engine.sync_once()
        assert caught.value.retryable
        with db.session() as s:
            assert s.query(Outbox).count() == 1
    finally:
        transport.close()
        db.dispose()
        server.close()
