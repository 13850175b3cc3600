"""What every source shares: the factory the settings drive, addresses, and the reconnect backoff."""

from __future__ import annotations

import pytest

from hcrm_desktop.cti.base import Backoff, SourceState, make_source, parse_address


@pytest.mark.parametrize("adapter", ["simulator", "baresip", "ami", "http_hook"])
def test_the_factory_builds_each_adapter_the_settings_name(rec, adapter):
    options = {"ami": {"username": "u", "secret": "s", "agent": "PJSIP/8001"}, "http_hook": {"token": "t"}}
    source = make_source(adapter, "127.0.0.1:4444", on_event=rec.event, **options.get(adapter, {}))

    assert source.name == adapter and source.state is SourceState.DISCONNECTED


def test_the_factory_refuses_an_unknown_adapter(rec):
    with pytest.raises(ValueError, match="unknown CTI adapter 'sip2'"):
        make_source("sip2", "", on_event=rec.event)


def test_backoff_doubles_from_half_a_second_up_to_thirty_and_starts_over_after_reset():
    backoff = Backoff(jitter=0.0)
    delays = [backoff.next() for _ in range(9)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    backoff.reset()
    assert backoff.next() == 0.5


def test_backoff_spreads_each_delay_a_little_but_never_past_the_jitter():
    delays = {round(Backoff(initial=10.0).next(), 6) for _ in range(200)}
    assert len(delays) > 100 and min(delays) >= 8.0 and max(delays) <= 12.0


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("192.168.1.20:5038", ("192.168.1.20", 5038)),
        ("pbx.hospital.local", ("pbx.hospital.local", 9999)),
        ("4444", ("127.0.0.1", 4444)),
        (":8765", ("127.0.0.1", 8765)),
        ("", ("127.0.0.1", 9999)),
        ("[::1]:5038", ("::1", 5038)),
    ],
)
def test_addresses_from_the_settings_field(address, expected):
    assert parse_address(address, 9999) == expected


def test_a_bad_port_is_refused():
    with pytest.raises(ValueError, match="bad port"):
        parse_address("127.0.0.1:http", 9999)
