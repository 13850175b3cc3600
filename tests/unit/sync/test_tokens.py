"""Signed tokens: genuine ones verify; forged, tampered, expired or wrong-kind ones do not."""

from __future__ import annotations

import pytest

from hcrm_desktop.sync.central import tokens

SECRET = b"k" * 32


def test_round_trip_and_kinds():
    access = tokens.access_token(SECRET, "agent1", "agent", "dev1")
    payload = tokens.verify(SECRET, access, "access")
    assert payload["sub"] == "agent1" and payload["role"] == "agent"
    with pytest.raises(tokens.TokenError, match="auth_failed"):
        tokens.verify(SECRET, access, "refresh")


def test_expired_is_told_apart_from_forged():
    expired = tokens.access_token(SECRET, "agent1", "agent", "dev1", ttl=-1)
    with pytest.raises(tokens.TokenError) as caught:
        tokens.verify(SECRET, expired, "access")
    assert caught.value.code == "token_expired"
    body, mac = tokens.access_token(SECRET, "agent1", "agent", "dev1").split(".")
    forged_body = tokens.sign(SECRET, {"typ": "access", "sub": "admin1", "role": "admin", "exp": 2**40}).split(".")[0]
    for bad in (f"{forged_body}.{mac}", f"{body}.{mac[:-2]}AA", "garbage", "", "a.b.c",
                tokens.access_token(b"other" * 8, "agent1", "agent", "dev1")):
        with pytest.raises(tokens.TokenError) as caught:
            tokens.verify(SECRET, bad, "access")
        assert caught.value.code == "auth_failed"
