"""Two real baresip instances call each other, and the agent's ctrl_tcp reports it as the CTI adapter expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.baresip import (
    CALLER_DISPLAY_NAME,
    CALLER_NUMBER,
    CtrlConnection,
    NetstringDecoder,
    ctrl_command,
    read_events,
)

pytestmark = [pytest.mark.baresip, pytest.mark.slow]

TRANSCRIPT = Path(__file__).resolve().parents[1] / "data" / "baresip_ctrl_transcript.txt"


def test_caller_dials_agent_who_answers_then_caller_hangs_up(baresip_pair):
    with (
        CtrlConnection(baresip_pair.agent.ctrl_port) as agent,
        CtrlConnection(baresip_pair.caller.ctrl_port) as caller,
    ):
        dialled = ctrl_command(caller, "dial", baresip_pair.agent_uri)
        incoming = read_events(agent, "CALL_INCOMING")[-1]
        accepted = ctrl_command(agent, "accept")
        agent_established = read_events(agent, "CALL_ESTABLISHED")[-1]
        read_events(caller, "CALL_ESTABLISHED")
        hung_up = ctrl_command(caller, "hangup")
        closed = read_events(agent, "CALL_CLOSED")[-1]
        read_events(caller, "CALL_CLOSED")

    assert dialled["ok"] and accepted["ok"] and hung_up["ok"]
    assert incoming["peeruri"] == baresip_pair.caller_uri
    assert incoming["peeruri"].startswith(f"sip:{CALLER_NUMBER}@127.0.0.1:")
    assert incoming["peerdisplayname"] == CALLER_DISPLAY_NAME
    assert incoming["direction"] == "incoming"
    assert agent_established["id"] == closed["id"] == incoming["id"]
    assert closed["param"] == "Connection reset by peer"
    _keep_transcript(bytes(agent.raw))


def test_saved_transcript_is_a_whole_call_in_netstrings():
    frames = NetstringDecoder().feed(TRANSCRIPT.read_bytes())

    types = [frame["type"] for frame in frames if frame.get("event")]
    assert types.index("CALL_INCOMING") < types.index("CALL_ESTABLISHED") < types.index("CALL_CLOSED")
    assert any(frame.get("response") for frame in frames)


def _keep_transcript(raw: bytes) -> None:
    """The first run writes the agent's bytes as received, for replay tests; later runs leave it alone."""
    if not TRANSCRIPT.exists():
        TRANSCRIPT.parent.mkdir(parents=True, exist_ok=True)
        TRANSCRIPT.write_bytes(raw)
