"""Docker's time arguments: what Docker 20.10's client accepts and its error messages."""

from __future__ import annotations

import pytest

from builder.gotime import TimeArgError, docker_timestamp, go_duration, rfc3339_ns

NOW = 1_800_000_000_123_456_789
S = 1_000_000_000


@pytest.mark.parametrize(("text", "ns"), [
    ("1h30m", 5400 * S), ("10m", 600 * S), ("1.5s", 3 * S // 2), ("-2m", -120 * S),
    ("+3ms", 3_000_000), ("1.s", S), ("0", 0), ("250us", 250_000), ("2µs", 2000),
])
def test_go_duration(text: str, ns: int) -> None:
    assert go_duration(text) == ns


@pytest.mark.parametrize("text", ["", "5", "1x", ".s", "1h-1m", "1e5s", "-", "h"])
def test_go_duration_refuses(text: str) -> None:
    assert go_duration(text) is None


@pytest.mark.parametrize(("value", "ns"), [
    ("10m", (NOW // S - 600) * S),  # whole seconds, as Docker's client sends
    ("-1s", (NOW // S + 1) * S),
    ("0", 0),
    ("+5", 5 * S),
    ("1700000000.5", 1_700_000_000 * S + 500_000_000),
    ("1700000000.000000001", 1_700_000_000 * S + 1),
    ("9999999999999", 9_999_999_999_999 * S),
    ("2024-01-01Z", 1_704_067_200 * S),
    ("2024-01-01+01:00", 1_704_063_600 * S),
    ("2024-01-01T10Z", 1_704_103_200 * S),
    ("2024-01-01T10:00Z", 1_704_103_200 * S),
    ("2024-01-01T10:00:00.5Z", 1_704_103_200 * S + 500_000_000),
    ("2024-01-01T00:00:00.123456789Z", 1_704_067_200 * S + 123_456_789),
    ("2024-01-01T11:00:00-01:00", 1_704_110_400 * S),
    ("0000-01-01T00:00:00Z", -62_167_219_200 * S),
])
def test_docker_timestamp(value: str, ns: int) -> None:
    assert docker_timestamp(value, NOW) == ns


def test_docker_timestamp_without_zone_is_local(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Etc/GMT-2")  # two hours east of UTC
    time.tzset()
    try:
        assert docker_timestamp("2024-01-01T02:00:00", NOW) == 1_704_067_200 * S
        assert docker_timestamp("2024-01-01", NOW) == (1_704_067_200 - 7200) * S
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(("value", "message"), [  # each as Docker 20.10's client says it
    ("nonsense", 'failed to parse value as time or duration: "nonsense"'),
    ("10x", 'failed to parse value as time or duration: "10x"'),
    ("1e5", 'failed to parse value as time or duration: "1e5"'),
    ("10:00", 'failed to parse value as time or duration: "10:00"'),
    ("1700000000.", 'failed to parse value as time or duration: "1700000000."'),
    (".5", 'failed to parse value as time or duration: ".5"'),
    ("1.2.3", 'failed to parse value as time or duration: "1.2.3"'),
    ("2024-01-01 00:00:00", 'parsing time "2024-01-01 00:00:00": extra text: " 00:00:00"'),
    ("2024-13-01", 'parsing time "2024-13-01": month out of range'),
    ("2024-01-32", 'parsing time "2024-01-32": day out of range'),
    ("2023-02-29", 'parsing time "2023-02-29": day out of range'),
    ("2024-01-01T25", 'parsing time "2024-01-01T25": hour out of range'),
    ("2024-01-01T10:61", 'parsing time "2024-01-01T10:61": minute out of range'),
    ("2024-1-1", 'parsing time "2024-1-1" as "2006-01-02": cannot parse "1-1" as "01"'),
    ("2024-01-01T10:00:00+0100", 'parsing time "2024-01-01T10:00:00+0100" as '
     '"2006-01-02T15:04Z07:00": cannot parse ":00+0100" as "Z07:00"'),
    ("2024-01-01.5", 'parsing time "2024-01-01.5" as "2006-01-02T15:04:05.999999999": '
     'cannot parse ".5" as "T"'),
    ("x-y", 'parsing time "x-y" as "2006-01-02": cannot parse "x-y" as "2006"'),
    ("-5", 'parsing time "-5" as "2006-01-02": cannot parse "-5" as "2006"'),
])
def test_docker_timestamp_errors(value: str, message: str) -> None:
    with pytest.raises(TimeArgError) as info:
        docker_timestamp(value, NOW)
    assert info.value.message == message


def test_rfc3339_ns_of_log_times() -> None:
    assert rfc3339_ns("2026-12-02T13:36:53.267136174Z") == 1_796_218_613_267_136_174
    assert rfc3339_ns("2026-12-02T13:36:53Z") == 1_796_218_613 * S
    assert rfc3339_ns("yesterday") is None
