"""The contact event every CTI source produces (DESIGN.md section 6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from hcrm_desktop.domain.enums import Direction


class ContactKind(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"
    MESSAGE = "message"


@dataclass(frozen=True)
class ContactEvent:
    kind: ContactKind
    channel: str  # Channel: phone | sms | wechat | web
    call_id: str
    remote: str  # as the source gave it, e.g. "sip:13800138000@127.0.0.1:5070"
    remote_display: str  # caller name the source offers, may be empty
    local: str
    at: datetime
    source: str  # adapter name: baresip | ami | http_hook | simulator
    text: str = ""  # message body for sms/wechat/web
    # Outbound calls (click-to-dial) yield answered and ended only, never ringing: no screen pop.
    direction: Direction = Direction.INBOUND
    reason: str = ""  # ended: why, as the source said it (baresip param, AMI Cause-txt, hook "reason")
