"""Netstrings as baresip's ctrl_tcp frames them: lengths in bytes, frames split anywhere, garbage skipped."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hcrm_desktop.cti.netstring import Garbage, NetstringDecoder, encode, encode_json

TRANSCRIPT = Path(__file__).resolve().parents[2] / "data" / "baresip_ctrl_transcript.txt"


def test_length_counts_utf8_bytes_not_characters():
    assert encode("张三".encode()) == b"6:\xe5\xbc\xa0\xe4\xb8\x89,"
    assert encode_json({"peerdisplayname": "张三 先生"}) == b'35:{"peerdisplayname":"' + (
        "张三 先生".encode() + b'"},'  # 20 + 13 (four 3-byte characters and a space) + 2 bytes
    )
    assert encode(b"") == b"0:,"


def test_a_frame_fed_byte_by_byte_comes_out_only_when_its_terminator_arrives():
    wire = encode_json({"type": "CALL_INCOMING", "peerdisplayname": "张三 先生"}) + encode(b"{}")
    decoder = NetstringDecoder()
    got = []
    for i in range(len(wire)):
        got.append(decoder.feed(wire[i : i + 1]))

    produced_at = [i for i, frames in enumerate(got) if frames]
    first_end = wire.index(b"},") + 1
    assert produced_at == [first_end, len(wire) - 1]
    assert json.loads(got[first_end][0])["peerdisplayname"] == "张三 先生"
    assert got[-1] == [b"{}"]
    assert decoder.buffered == 0


def test_the_real_transcript_decodes_the_same_in_any_chunking():
    wire = TRANSCRIPT.read_bytes()
    whole = NetstringDecoder().feed(wire)
    rng = random.Random(7)
    for _ in range(20):
        decoder, frames, at = NetstringDecoder(), [], 0
        while at < len(wire):
            step = rng.randint(1, 40)
            frames += decoder.feed(wire[at : at + step])
            at += step
        assert frames == whole
    types = [json.loads(frame).get("type") for frame in whole]
    assert types.index("CALL_INCOMING") < types.index("CALL_ESTABLISHED") < types.index("CALL_CLOSED")
    assert not any(isinstance(frame, Garbage) for frame in whole)


def test_garbage_before_a_frame_is_reported_once_and_the_frame_still_decodes():
    frames = NetstringDecoder().feed(b"hello there!" + encode(b'{"a":1}'))

    assert frames == [Garbage("bad_header", 12), b'{"a":1}']


def test_a_wrong_terminator_is_garbage_and_the_next_frame_is_found():
    frames = NetstringDecoder().feed(b"3:abc;" + encode(b"xyz"))

    assert frames[-1] == b"xyz"
    assert frames[0] == Garbage("bad_terminator", 6)


def test_an_absurd_length_is_garbage_instead_of_a_wait_for_megabytes():
    frames = NetstringDecoder(max_length=100).feed(b"99999999:" + encode(b"ok"))

    assert frames == [Garbage("bad_header", 9), b"ok"]
    assert NetstringDecoder(max_length=100).feed(b"500:" + encode(b"ok")) == [Garbage("too_long", 4), b"ok"]


def test_with_a_payload_start_a_stray_length_does_not_hold_back_the_next_frame():
    decoder = NetstringDecoder(payload_start=b"{")
    frames = decoder.feed(b"60000:" + encode(b'{"event":true}'))

    assert frames == [Garbage("bad_header", 6), b'{"event":true}']


def test_a_length_split_before_its_colon_waits():
    decoder = NetstringDecoder()
    assert decoder.feed(b"1") == []
    assert decoder.feed(b"1") == []
    assert decoder.feed(b':{"a":"bcd"},') == [b'{"a":"bcd"}']
