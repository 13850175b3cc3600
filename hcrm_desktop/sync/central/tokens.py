"""Signed, short-lived tokens: `base64url(json).base64url(hmac_sha256)`.

The HMAC key lives in the central database (`sync_secrets`), so every service instance behind a load
balancer accepts every other one's tokens; nothing about a session is kept in a process.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

ACCESS_TTL = 15 * 60
REFRESH_TTL = 30 * 24 * 3600


class TokenError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # token_expired | auth_failed


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(secret: bytes, payload: dict[str, Any]) -> str:
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    mac = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def verify(secret: bytes, token: str, kind: str, *, now: float | None = None) -> dict[str, Any]:
    """The payload of a genuine, unexpired token of `kind`; else `TokenError`."""
    try:
        body, mac = token.split(".")
        expected = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(mac)):
            raise TokenError("auth_failed")
        payload = json.loads(_unb64(body))
    except (ValueError, UnicodeError):
        raise TokenError("auth_failed") from None
    if not isinstance(payload, dict) or payload.get("typ") != kind or not isinstance(payload.get("exp"), int):
        raise TokenError("auth_failed")
    if payload["exp"] <= (time.time() if now is None else now):
        raise TokenError("token_expired")
    return payload


def access_token(secret: bytes, username: str, role: str, device_id: str, ttl: int = ACCESS_TTL) -> str:
    return sign(secret, {"typ": "access", "sub": username, "role": role, "dev": device_id,
                         "exp": int(time.time()) + ttl})


def refresh_token(secret: bytes, username: str, jti: str, ttl: int = REFRESH_TTL) -> str:
    return sign(secret, {"typ": "refresh", "sub": username, "jti": jti, "exp": int(time.time()) + ttl})
