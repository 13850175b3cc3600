"""A central's description of a workstation image is checked before a byte is downloaded."""

from __future__ import annotations

import hashlib

import pytest

from hcrm_desktop.sync.errors import BadReply
from hcrm_desktop.sync.snapshot import fetch_chunk, parse_snapshot

GOOD = {"id": 7, "readable": ["patients", "bookings"], "local_schema": "0005", "fingerprint": "abc",
        "central_id": "c-1", "high": 99, "rows": 40, "size": 10, "chunk_size": 4,
        "chunk_hashes": [hashlib.sha256(b"x").hexdigest()] * 3}


def test_a_sound_description_is_read():
    info = parse_snapshot(GOOD)
    assert info is not None and info.id == 7 and info.chunk_length(2) == 2 and info.readable == ("patients", "bookings")
    assert parse_snapshot(None) is None


@pytest.mark.parametrize("change", [
    {"size": 0}, {"chunk_size": 0}, {"chunk_hashes": ["00" * 32]},  # sizes and hash count disagree
    {"chunk_hashes": ["not a hash"] * 3}, {"readable": ["patients", "passwords"]}, {"id": "seven"},
    {"high": -1},
])
def test_a_description_that_does_not_add_up_is_refused(change):
    with pytest.raises(BadReply):
        parse_snapshot({**GOOD, **change})
    with pytest.raises(BadReply):
        parse_snapshot({k: v for k, v in GOOD.items() if k != "rows"})


def test_a_chunk_is_kept_only_with_its_hash_and_reused_when_already_there(tmp_path):
    data = [b"abcd", b"efgh", b"ij"]
    info = parse_snapshot({**GOOD, "chunk_hashes": [hashlib.sha256(d).hexdigest() for d in data]})
    path = tmp_path / "image.part"
    fetched: list[int] = []

    def fetch(_id: int, n: int) -> bytes:
        fetched.append(n)
        return data[n] if n != 1 or len(fetched) > 2 else b"evil"

    assert fetch_chunk(fetch, info, 0, path) is True
    assert fetch_chunk(fetch, info, 1, path) is False  # the central sent bytes that are not the chunk
    assert fetch_chunk(fetch, info, 1, path) is True and fetch_chunk(fetch, info, 2, path) is True
    assert path.read_bytes() == b"abcdefghij"
    assert fetch_chunk(fetch, info, 0, path) is True and fetched == [0, 1, 1, 2]  # chunk 0 was already there
