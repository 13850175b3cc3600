"""The `http` transport: requests to the central service, with sign-in, automatic token refresh and
strict checking of every reply."""

from __future__ import annotations

from typing import Any

import requests

from hcrm_desktop.sync.bulk import parse_bulk
from hcrm_desktop.sync.credentials import SecretStore
from hcrm_desktop.sync.errors import (
    AuthFailed,
    BadReply,
    Forbidden,
    Offline,
    ServerError,
    SyncError,
    TokenExpired,
)
from hcrm_desktop.sync.protocol import (
    Identity,
    MutationResult,
    PullPage,
    ServerInfo,
    dumps,
    parse_identity,
    parse_info,
    parse_json,
    parse_pull,
    parse_push_reply,
)
from hcrm_desktop.sync.snapshot import SnapshotInfo, parse_snapshot
from hcrm_desktop.sync.transport import MAX_WAIT, Transport

REFRESH_KEY = "refresh_token"
MAX_REPLY = 512 * 1024 * 1024


class HttpTransport(Transport):
    kind = "http"
    ranged_bulk = True

    def __init__(self, base_url: str, *, username: str, password: str | None, secrets: SecretStore,
                 timeout: float = 30.0, device_id: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self.username, self.password = username, password
        self.secrets = secrets
        self.timeout = timeout
        self.device_id = device_id
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "hcrm-desktop"
        self.access: str | None = None
        self.identity: Identity | None = None

    # plumbing

    def _send(self, method: str, path: str, *, body: Any = None, params: dict[str, Any] | None = None,
              token: str | None = None, timeout: float | None = None) -> bytes:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            reply = self.http.request(
                method, self.base_url + path, data=None if body is None else dumps(body), params=params,
                headers=headers, timeout=(min(5.0, self.timeout), timeout or self.timeout),
            )
            content = reply.content
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise Offline(type(exc).__name__) from None
        except requests.RequestException as exc:  # truncated body, bad chunking, decoding
            raise BadReply(f"{type(exc).__name__}: {exc}") from None
        if reply.status_code >= 400:
            raise self._error(reply.status_code, content)
        if len(content) > MAX_REPLY:
            raise BadReply("reply too large")
        return content

    @staticmethod
    def _error(status: int, content: bytes) -> SyncError:
        try:
            value = parse_json(content, "error")
            code = value.get("error", "") if isinstance(value, dict) else ""
        except BadReply:
            code = ""
        if status == 401:
            return TokenExpired() if code == "token_expired" else AuthFailed(code or "unauthorized")
        if status == 403:
            return Forbidden(code)
        if status >= 500:
            return ServerError(f"HTTP {status}")
        return BadReply(f"HTTP {status} {code or content[:200].decode('utf-8', 'replace')}")

    def _authed(self, method: str, path: str, **kw: Any) -> bytes:
        if self.access is None:
            self.login()
        try:
            return self._send(method, path, token=self.access, **kw)
        except (TokenExpired, AuthFailed):
            self.access = None
            self.login()
            return self._send(method, path, token=self.access, **kw)

    def _store_pair(self, value: Any) -> Identity:
        if not (isinstance(value, dict) and isinstance(value.get("access_token"), str)
                and isinstance(value.get("refresh_token"), str)):
            raise BadReply("token reply")
        self.access = value["access_token"]
        self.secrets.set(REFRESH_KEY, value["refresh_token"])
        self.identity = parse_identity(value)
        return self.identity

    # the transport

    def info(self) -> ServerInfo:
        return parse_info(parse_json(self._send("GET", "/v1/version"), "version reply"))

    def login(self) -> Identity:
        """Refresh with the stored refresh token; failing that, sign in with the password."""
        stored = self.secrets.get(REFRESH_KEY)
        if stored:
            try:
                reply = self._send("POST", "/v1/refresh", body={"refresh_token": stored})
                return self._store_pair(parse_json(reply, "refresh reply"))
            except AuthFailed:
                self.secrets.delete(REFRESH_KEY)
        if not self.password:
            raise AuthFailed("no password and no valid session")
        body = {"username": self.username, "password": self.password, "device_id": self.device_id}
        return self._store_pair(parse_json(self._send("POST", "/v1/login", body=body), "login reply"))

    def push(self, device_id: str, mutations: list[dict[str, Any]]) -> list[MutationResult]:
        self.device_id = device_id
        reply = self._authed("POST", "/v1/push", body={"device_id": device_id, "mutations": mutations})
        return parse_push_reply(parse_json(reply, "push reply"), mutations)

    def pull(self, since: int, limit: int, wait: float = 0.0) -> PullPage:
        wait = min(max(wait, 0.0), MAX_WAIT)
        params = {"since": since, "limit": limit, "wait": wait}
        return parse_pull(self._authed("GET", "/v1/pull", params=params, timeout=self.timeout + wait), since)

    def pull_bulk(self, since: int, limit: int, until: int | None = None) -> PullPage:
        params = {"since": since, "limit": limit} | ({} if until is None else {"until": until})
        body = self._authed("GET", "/v1/pull/bulk", params=params, timeout=self.timeout * 4)
        return parse_bulk(body, since)

    def snapshot(self, local_schema: str) -> SnapshotInfo | None:
        reply = parse_json(self._authed("GET", "/v1/snapshot", params={"local_schema": local_schema}),
                           "snapshot reply")
        return parse_snapshot(reply.get("snapshot") if isinstance(reply, dict) else reply)

    def snapshot_chunk(self, snapshot_id: int, n: int) -> bytes:
        return self._authed("GET", f"/v1/snapshot/{int(snapshot_id)}/chunks/{int(n)}", timeout=self.timeout * 4)

    def close(self) -> None:
        self.http.close()
