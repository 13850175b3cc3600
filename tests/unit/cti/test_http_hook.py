"""The local HTTP hook over real HTTP (``requests``), as a PBX or an SMS/WeChat gateway would call it."""

from __future__ import annotations

import asyncio
import json
import socket

import requests

from hcrm_desktop.cti.base import SourceState, make_source
from hcrm_desktop.cti.events import ContactKind
from hcrm_desktop.cti.http_hook import HttpHookSource

TOKEN = "k3y-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def with_hook(rec, exchange, **options):
    """Start a hook on a free port, run ``exchange(base_url)`` (blocking ``requests`` calls) in a thread."""

    async def scenario():
        source = HttpHookSource(address="127.0.0.1:0", token=TOKEN, on_event=rec.event, on_state=rec.state,
                                **options)  # fmt: skip
        await source.start()
        await rec.until_state(SourceState.CONNECTED)
        try:
            return await asyncio.to_thread(exchange, source.url)
        finally:
            await source.stop()

    return asyncio.run(asyncio.wait_for(scenario(), 30))


def test_a_ring_post_becomes_a_ringing_event_and_is_accepted(rec):
    def exchange(url):
        body = {"call_id": "pbx-778", "from": "13800138000", "display": "张三 先生", "to": "8001"}
        return requests.post(f"{url}/v1/ring", json=body, headers=AUTH, timeout=5)

    answer = with_hook(rec, exchange)

    assert answer.status_code == 202
    assert answer.json() == {"accepted": True, "call_id": "pbx-778"}
    [ringing] = rec.events
    assert (
        ringing.kind is ContactKind.RINGING and ringing.channel == "phone" and ringing.source == "http_hook"
    )
    assert (ringing.call_id, ringing.remote, ringing.remote_display, ringing.local) == (
        "pbx-778", "13800138000", "张三 先生", "8001",
    )  # fmt: skip


def test_answered_and_ended_follow_the_call_and_ended_carries_the_reason(rec):
    def exchange(url):
        return [
            requests.post(f"{url}/v1/{path}", json=body, headers=AUTH, timeout=5).status_code
            for path, body in [
                ("ring", {"call_id": "c1", "from": "010-12345678"}),
                ("answered", {"call_id": "c1"}),
                ("ended", {"call_id": "c1", "reason": "caller hung up"}),
                ("ended", {"from": "010-12345678"}),  # no call id: which call?
            ]
        ]

    codes = with_hook(rec, exchange)

    assert codes == [202, 202, 202, 400]
    assert rec.kinds == [ContactKind.RINGING, ContactKind.ANSWERED, ContactKind.ENDED]
    assert rec.events[-1].reason == "caller hung up"


def test_a_pbx_that_can_only_fetch_a_url_rings_with_get_and_the_token_in_the_query(rec):
    def exchange(url):
        return requests.get(f"{url}/v1/ring", params={"from": "13800138000", "call_id": "g-1", "token": TOKEN},
                            timeout=5)  # fmt: skip

    answer = with_hook(rec, exchange)

    assert answer.status_code == 202
    [ringing] = rec.events
    assert ringing.call_id == "g-1" and ringing.remote == "13800138000"


def test_a_ring_without_call_id_gets_one_and_the_answer_tells_it(rec):
    def exchange(url):
        return requests.post(f"{url}/v1/ring", json={"from": 13800138000}, headers=AUTH, timeout=5)

    answer = with_hook(rec, exchange)

    assert answer.status_code == 202
    assert answer.json()["call_id"] == rec.events[0].call_id != ""
    assert rec.events[0].remote == "13800138000"  # an unquoted number is read as its digits


def test_a_missing_or_wrong_token_is_refused_with_401_and_no_event(rec):
    def exchange(url):
        body = {"call_id": "x", "from": "13800138000"}
        return [
            requests.post(f"{url}/v1/ring", json=body, timeout=5),
            requests.post(f"{url}/v1/ring", json=body, headers={"Authorization": "Bearer wrong"}, timeout=5),
            requests.get(f"{url}/v1/ring", params={**body, "token": TOKEN + "x"}, timeout=5),
        ]

    answers = with_hook(rec, exchange)

    assert [a.status_code for a in answers] == [401, 401, 401]
    assert answers[0].json() == {"accepted": False, "error": "missing or wrong token"}
    assert answers[0].headers["WWW-Authenticate"].startswith("Bearer")
    assert rec.events == []


def test_malformed_json_is_a_400_that_says_why(rec, ops_log):
    def exchange(url):
        headers = {**AUTH, "Content-Type": "application/json"}
        return [
            requests.post(f"{url}/v1/ring", data=b'{"from": "13800138000",', headers=headers, timeout=5),
            requests.post(f"{url}/v1/ring", data=b'["13800138000"]', headers=headers, timeout=5),
            requests.post(f"{url}/v1/ring", json={"from": ["13800138000"]}, headers=AUTH, timeout=5),
        ]

    answers = with_hook(rec, exchange)

    assert [a.status_code for a in answers] == [400, 400, 400]
    assert answers[0].json()["accepted"] is False
    assert answers[0].json()["error"].startswith("malformed JSON")
    assert answers[1].json()["error"] == "the body must be a JSON object"
    assert answers[2].json()["error"] == "from must be a string"
    assert rec.events == []
    assert [e["status"] for e in ops_log() if e["event"] == "cti.hook_refused"] == [400, 400, 400]


def test_a_body_over_64_kib_is_refused_with_413(rec):
    def exchange(url):
        big = {"channel": "sms", "from": "13800138000", "text": "字" * 30000}  # 90 kB of UTF-8
        small = {"channel": "sms", "from": "13800138000", "text": "字" * 21000}  # 63 kB, just under 64 KiB
        bodies = [json.dumps(body, ensure_ascii=False).encode() for body in (big, small)]
        return [requests.post(f"{url}/v1/message", data=body, headers=AUTH, timeout=5) for body in bodies]

    too_big, fits = with_hook(rec, exchange)

    assert too_big.status_code == 413 and too_big.json()["accepted"] is False
    assert fits.status_code == 202
    assert len(rec.events) == 1 and len(rec.events[0].text) == 21000


def test_messages_from_gateways_carry_channel_text_and_sender(rec):
    def exchange(url):
        return [
            requests.post(f"{url}/v1/message", json=body, headers=AUTH, timeout=5).status_code
            for body in [
                {"channel": "wechat", "from": "wxid_zhangsan", "display": "张三", "text": "体检报告出来了吗？",
                 "id": "wx-1"},
                {"channel": "sms", "from": "13800138000", "text": "改约到周五上午"},
                {"channel": "fax", "from": "13800138000", "text": "?"},
                {"channel": "sms", "from": "13800138000"},
            ]
        ]  # fmt: skip

    codes = with_hook(rec, exchange)

    assert codes == [202, 202, 400, 400]
    wechat, sms = rec.events
    assert wechat.kind is ContactKind.MESSAGE and wechat.channel == "wechat" and wechat.call_id == "wx-1"
    assert (wechat.remote, wechat.remote_display, wechat.text) == (
        "wxid_zhangsan",
        "张三",
        "体检报告出来了吗？",
    )
    assert sms.channel == "sms" and sms.text == "改约到周五上午" and sms.call_id


def test_unknown_paths_and_methods_are_404_and_405(rec):
    def exchange(url):
        return [
            requests.post(f"{url}/v1/hangup", json={}, headers=AUTH, timeout=5).status_code,
            requests.put(f"{url}/v1/ring", json={}, headers=AUTH, timeout=5).status_code,
        ]

    assert with_hook(rec, exchange) == [404, 405]


def test_garbage_on_the_socket_gets_a_400_and_the_hook_keeps_serving(rec):
    def exchange(url):
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as raw:
            raw.sendall(b"\x16\x03\x01 this is not http\r\n\r\n")
            first_line = raw.makefile("rb").readline()
        after = requests.post(f"{url}/v1/ring", json={"from": "1"}, headers=AUTH, timeout=5).status_code
        return first_line, after

    first_line, after = with_hook(rec, exchange)

    assert first_line.startswith(b"HTTP/1.1 400")
    assert after == 202


def test_a_port_in_use_is_an_error_state_and_the_hook_binds_once_it_is_free(rec):
    async def scenario():
        blocker = socket.socket()
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        source = make_source("http_hook", f"127.0.0.1:{port}", token=TOKEN, on_event=rec.event,
                             on_state=rec.state, retry_initial=0.05, retry_max=0.1)  # fmt: skip
        await source.start()
        await rec.until_state(SourceState.ERROR, "address_in_use")
        blocker.close()
        await rec.until_state(SourceState.CONNECTED)
        await source.stop()

    asyncio.run(asyncio.wait_for(scenario(), 20))


def test_without_a_token_the_hook_does_not_listen(rec):
    async def scenario():
        source = HttpHookSource(address="127.0.0.1:0", token="", on_event=rec.event, on_state=rec.state)
        await source.start()
        state = source.state, source.error
        await source.stop()
        return state

    assert asyncio.run(scenario()) == (SourceState.ERROR, "no_token")
